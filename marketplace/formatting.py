"""Dates and times as people read them, in the active language and the municipality's time zone.

The data export keeps ISO 8601 strings for machines; pages show the same values through here, so
"2026-12-05T01:56:39+00:00" reads "5 december 2026 02:56" on a Dutch page.
"""

from datetime import date, datetime

from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_datetime


def readable_when(value):
    """A date, a date-time or its ISO string as local, localised text; anything else unchanged."""
    if isinstance(value, str):
        parsed = None
        try:
            parsed = parse_datetime(value) if "T" in value else parse_date(value)
        except ValueError:
            parsed = None
        if parsed is None:
            return value
        value = parsed
    if isinstance(value, datetime):
        moment = timezone.localtime(value) if timezone.is_aware(value) else value
        return formats.date_format(moment, "DATETIME_FORMAT")
    if isinstance(value, date):
        return formats.date_format(value, "DATE_FORMAT")
    return value
