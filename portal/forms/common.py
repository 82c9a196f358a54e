"""Pieces the portal forms share: date and number inputs that suit phones, and service errors on fields."""

from django import forms
from django.core.exceptions import ValidationError


class DateInput(forms.DateInput):
    """A native date picker; browsers send ISO dates, which every locale's DateField accepts."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def whole_number(label, *, min_value, max_value, required=True, **kwargs) -> forms.IntegerField:
    return forms.IntegerField(label=label, min_value=min_value, max_value=max_value, required=required,
                              widget=forms.NumberInput(attrs={"inputmode": "numeric"}), **kwargs)


def money(label, *, required=False, **kwargs) -> forms.DecimalField:
    return forms.DecimalField(label=label, max_digits=6, decimal_places=2, min_value=0, required=required,
                              widget=forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"}), **kwargs)


class BoundedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Refuses ids beyond the database's integers as invalid choices instead of failing in the query."""

    def _check_values(self, value):
        for pk in value:
            if not str(pk).isdigit() or len(str(pk)) > 18:
                raise ValidationError(self.error_messages["invalid_pk_value"], code="invalid_pk_value",
                                      params={"pk": pk})
        return super()._check_values(value)


def add_service_errors(form: forms.Form, error: ValidationError, renamed: dict | None = None) -> None:
    """Show a service's field-named errors next to the form's fields; anything else goes above the form.

    ``renamed`` maps a service's field name to the form's where they differ.
    """
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for name, messages in error.message_dict.items():
        name = (renamed or {}).get(name, name)
        form.add_error(name if name in form.fields else None, messages)
