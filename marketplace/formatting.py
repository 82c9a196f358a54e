"""Dates and times as people read them, in the active language and the municipality's time zone.

The data export keeps ISO 8601 strings for machines; pages show the same values through here, so
"2026-12-05T01:56:39+00:00" reads "5 december 2026 02:56" on a Dutch page and "5 December 2026 02:56"
on an English one. The formats themselves are set once, in ``config/formats``: every date shown to a
person has the day, the month in words and the year, never "5 Dec 2026" or "12/05/2026".
"""

from datetime import date, datetime

from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_datetime


def _parsed(value):
    if not isinstance(value, str):
        return value
    try:
        parsed = parse_datetime(value) if "T" in value else parse_date(value)
    except ValueError:
        parsed = None
    return value if parsed is None else parsed


def readable_date(value):
    """The day of a date, a date-time (its local day) or an ISO string, as "5 december 2026"; anything else
    unchanged."""
    value = _parsed(value)
    if isinstance(value, datetime):
        value = (timezone.localtime(value) if timezone.is_aware(value) else value).date()
    if isinstance(value, date):
        return formats.date_format(value, "DATE_FORMAT")
    return value


def readable_when(value):
    """A date, a date-time or its ISO string as local, localised text; anything else unchanged."""
    value = _parsed(value)
    if isinstance(value, datetime):
        moment = timezone.localtime(value) if timezone.is_aware(value) else value
        return formats.date_format(moment, "DATETIME_FORMAT")
    if isinstance(value, date):
        return formats.date_format(value, "DATE_FORMAT")
    return value
