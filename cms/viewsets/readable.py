"""Values on the admin's inspect pages as a caseworker reads them, not as the database keeps them.

Days and other sets of options are stored as bit flags, yes/no as booleans and moments in UTC;
the page shows weekday names, "Ja"/"Nee" and the local date and time in words.
"""

import datetime

from django.utils.translation import gettext
from wagtail.admin.ui.components import Component

from marketplace.fields import FlagsField
from marketplace.formatting import readable_when

NOTHING = "–"


def readable_value(field, value):
    """``value`` of model field ``field`` (None for a method or property) as text for people."""
    if isinstance(value, Component):
        return value
    if isinstance(field, FlagsField) and isinstance(value, int) and not isinstance(value, bool):
        names = [str(field.labels.get(member, member.name)) for member in field.flag_type if value & member]
        return ", ".join(names) or NOTHING
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, datetime.date):
        return readable_when(value)
    if value is None or value == "" or (getattr(field, "many_to_many", False) and value == "-"):
        return NOTHING
    return value
