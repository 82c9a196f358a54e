"""Pieces the portal forms share: date and number inputs that suit phones, and service errors on fields."""

from django import forms
from django.core.exceptions import ValidationError

# Numbers and dates follow one rule on every face; see marketplace/form_fields.py.
from marketplace.form_fields import DateInput, decimal_number, money, whole_number

__all__ = ["BoundedModelMultipleChoiceField", "DateInput", "add_service_errors", "carried", "decimal_number", "money",
           "whole_number"]


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


def carried(bound_field) -> str:
    """A value carried to a form's next step in a hidden input, written by the field that will read it back.

    Rendered by the field itself (not by a template), so a number comes out in the format the
    field parses (14,40 in Dutch); without an id, since the visible field on the page has it.
    """
    return bound_field.as_widget(widget=bound_field.field.hidden_widget(), attrs={"id": False})
