"""Number and date inputs that every face's forms share, so that what a person types is what is stored.

Numbers: every number is a text input (``inputmode`` brings up the phone's number keyboard), shown
and read in the active language: 14,40 in Dutch, 14.40 in English. Dutch input with a dot is read
too, since inputs never carry a thousands separator (``USE_THOUSAND_SEPARATOR`` stays off). The one
exception is a decimal written with thousands grouped the Dutch way, as pages show amounts
(€ 3.400,00): 1–3 digits, then groups of a dot and three digits, then optional decimals after a comma.
"1.250,50" is 1250.50 and "12.500" is 12500; "14.40" and "1.25" do not have that form and stay decimals. The
browser's ``type=number`` is not used: Chromium turns "14,40" typed into it into 1440, whatever the
page's language, and it must be given unlocalised values while the page around it is localised.
Hidden inputs follow the same rule when the form renders them (``BoundField.as_hidden``): the field
that writes a value into the page is the field that reads it back.

Weekdays: no day is ticked unless it comes from what the person or the request said; a form that
needs days says so when none is ticked.

Dates: a native date picker, which shows the person's own format and always sends ISO dates
(2026-03-02); Django reads ISO in every language, so the picker is given ISO as well.
"""

import re

from django import forms
from django.utils.formats import get_format
from django.utils.translation import gettext_lazy as _

from marketplace.choices import WEEKDAY_LABELS
from marketplace.constants import WAGE_MAX_DIGITS, Weekday
from marketplace.fields import FlagsFormField
from marketplace.validators import hours_range_errors

# Attributes of type=number inputs that mean nothing on a text input.
_NUMBER_ONLY_ATTRS = ("step", "min", "max")
DECIMAL_ERROR = _("Enter a number, such as 14.40.")
# On a form the days are checkboxes; the services say "Choose at least one weekday." to every client.
WEEKDAYS_REQUIRED = _("Tick at least one day.")


# Thousands grouped the Dutch way: 1.250,50 or 12.500.
_DUTCH_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")


def _without_grouping(value):
    """``value`` without its grouping dots when the active language writes numbers the Dutch way and ``value`` is
    grouped exactly so; any other value as it is. An English comma is never read as grouping: a Dutch reader
    typing 14,40 on an English page is told, not given 1440."""
    if not isinstance(value, str) or (get_format("THOUSAND_SEPARATOR"), get_format("DECIMAL_SEPARATOR")) != (".", ","):
        return value
    stripped = value.strip()
    return stripped.replace(".", "") if _DUTCH_GROUPED.fullmatch(stripped) else value


class GroupedDecimalField(forms.DecimalField):
    """A localised decimal field that also reads thousands grouped the way the page shows amounts."""

    def to_python(self, value):
        return super().to_python(_without_grouping(value))


class DateInput(forms.DateInput):
    """A native date picker; browsers send ISO dates, which every language's DateField accepts."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def is_number_field(field: forms.Field) -> bool:
    """Integer, decimal and float fields a person types into; choice fields with numeric values are not."""
    return isinstance(field, forms.IntegerField) and not isinstance(field, forms.ChoiceField)


def localize_number_field(field: forms.Field) -> forms.Field:
    """Turn a number field into a localised text input, in place; any other field is returned unchanged.

    Used for forms generated from models (the admin), whose number fields Django builds as
    ``type=number`` inputs; hand-written forms declare ``whole_number``/``decimal_number`` instead.
    """
    if not is_number_field(field):
        return field
    exact = type(field) is forms.IntegerField
    attrs = {name: value for name, value in field.widget.attrs.items() if name not in _NUMBER_ONLY_ATTRS}
    attrs["inputmode"] = "numeric" if exact else "decimal"
    field.widget = forms.TextInput(attrs=attrs)
    field.widget.is_localized = True
    field.localize = True
    if not exact and "invalid" in field.error_messages:
        field.error_messages = {**field.error_messages, "invalid": DECIMAL_ERROR}
    if type(field) is forms.DecimalField:
        field.__class__ = GroupedDecimalField  # same field, which now also reads 1.250,50
    return field


def whole_number(label, *, min_value=None, max_value=None, required=True, **kwargs) -> forms.IntegerField:
    return forms.IntegerField(label=label, min_value=min_value, max_value=max_value, required=required,
                              localize=True, widget=forms.TextInput(attrs={"inputmode": "numeric"}), **kwargs)


def decimal_number(label, *, max_digits, decimal_places, min_value=0, required=True,
                   **kwargs) -> forms.DecimalField:
    error_messages = {"invalid": DECIMAL_ERROR, **kwargs.pop("error_messages", {})}
    return GroupedDecimalField(label=label, max_digits=max_digits, decimal_places=decimal_places,
                               min_value=min_value, required=required, localize=True,
                               widget=forms.TextInput(attrs={"inputmode": "decimal"}), error_messages=error_messages,
                               **kwargs)


def money(label, *, max_digits=WAGE_MAX_DIGITS, required=False, **kwargs) -> forms.DecimalField:
    """An amount in euros with cents."""
    return decimal_number(label, max_digits=max_digits, decimal_places=2, required=required, **kwargs)


def weekdays_field(label, *, required=True, **kwargs) -> FlagsFormField:
    """Checkboxes for the days of the week, none ticked by default; the cleaned value is the flags' integer."""
    error_messages = {"required": WEEKDAYS_REQUIRED, **kwargs.pop("error_messages", {})}
    return FlagsFormField(label=label, flag_type=Weekday, labels=WEEKDAY_LABELS, required=required,
                          error_messages=error_messages, **kwargs)


class HoursRangeMixin:
    """For forms with ``hours_min`` and ``hours_max`` fields: the range must not be the wrong way round."""

    def clean(self):
        data = super().clean()
        for field, messages in hours_range_errors(data.get("hours_min"), data.get("hours_max")).items():
            for message in messages:
                self.add_error(field, message)
        return data
