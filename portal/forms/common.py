"""Pieces the portal forms share: date and number inputs that suit phones, rows of skills, and service errors
on fields."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Numbers and dates follow one rule on every face; see marketplace/form_fields.py.
from marketplace.form_errors import add_service_errors
from marketplace.form_fields import DateInput, decimal_number, money, whole_number
from marketplace.messages import SKILL_TWICE

__all__ = ["BoundedModelMultipleChoiceField", "DateInput", "SkillRowForm", "SkillRowFormSet", "add_service_errors",
           "carried", "decimal_number", "money", "whole_number"]


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


class SkillRowForm(forms.Form):
    """One row of a list of skills (a role's requirements, a job seeker's skills); a row without a skill is skipped."""

    skill = forms.ModelChoiceField(label=_("Skill"), queryset=None, required=False, empty_label=_("(no skill)"))

    def __init__(self, *args, skills, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["skill"].queryset = skills


class SkillRowFormSet(forms.BaseFormSet):
    """Rows of ``SkillRowForm``s choosing from ``skills``; each skill may be on the list once."""

    def __init__(self, *args, skills, **kwargs):
        self.skills = skills
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "skills": self.skills}

    def chosen(self) -> list[dict]:
        """The cleaned rows that name a skill and are not marked for removal."""
        return [form.cleaned_data for form in self.forms
                if form.cleaned_data.get("skill") and not form.cleaned_data.get("DELETE")]

    def clean(self):
        skill_ids = [row["skill"].pk for row in self.chosen()]
        if len(set(skill_ids)) != len(skill_ids):
            raise ValidationError(SKILL_TWICE)
