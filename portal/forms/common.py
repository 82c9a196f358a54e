"""Pieces the portal forms share: date and number inputs that suit phones, and service errors on fields."""

from django import forms
from django.core.exceptions import ValidationError

# Numbers and dates follow one rule on every face; see marketplace/form_fields.py.
from marketplace.form_errors import add_service_errors
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


def carried(bound_field) -> str:
    """A value carried to a form's next step in a hidden input, written by the field that will read it back.

    Rendered by the field itself (not by a template), so a number comes out in the format the
    field parses (14,40 in Dutch); without an id, since the visible field on the page has it.
    """
    return bound_field.as_widget(widget=bound_field.field.hidden_widget(), attrs={"id": False})
