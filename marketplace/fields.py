"""Model fields: a set of options (weekdays, support, demands) as bit flags, and free text with a limit."""

from enum import IntFlag

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models

from marketplace.constants import flag_names
from marketplace.validators import validate_no_bidi_controls


class FlagsFormField(forms.TypedMultipleChoiceField):
    """Checkboxes in forms; the cleaned value is the integer of the chosen flags."""

    def __init__(self, *, flag_type: type[IntFlag], labels: dict, **kwargs):
        self.flag_type = flag_type
        kwargs.pop("coerce", None)
        kwargs.pop("empty_value", None)
        kwargs.pop("max_length", None)
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        choices = [(member.name.lower(), labels[member]) for member in flag_type]
        super().__init__(choices=choices, coerce=str, empty_value=[], **kwargs)

    def prepare_value(self, value):
        if isinstance(value, int):
            return flag_names(self.flag_type, value)
        return value

    def clean(self, value):
        names = super().clean(value)
        return int(sum(self.flag_type[name.upper()] for name in names))

    def has_changed(self, initial, data):
        initial = self.prepare_value(initial) or []
        return set(initial) != set(data or [])


class FlagsField(models.PositiveSmallIntegerField):
    """An integer column holding members of ``flag_type``; ``labels`` maps members to interface text."""

    def __init__(self, *args, flag_type: type[IntFlag] | None = None, labels: dict | None = None, **kwargs):
        self.flag_type = flag_type
        self.labels = labels or {}
        kwargs.setdefault("default", 0)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        # The flag type and its labels are code, not schema: keep migrations free of them.
        return name, "django.db.models.PositiveSmallIntegerField", args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if self.flag_type is not None and value & ~int(sum(self.flag_type)):
            raise ValidationError(f"{value} contains unknown flags", code="invalid_flags")

    def formfield(self, **kwargs):
        defaults = {"form_class": FlagsFormField, "flag_type": self.flag_type, "labels": self.labels,
                    "required": False}
        defaults.update(kwargs)
        defaults.pop("choices_form_class", None)
        return models.Field.formfield(self, **defaults)


class BoundedTextField(models.TextField):
    """Free text with a maximum length that the model's own validation enforces, and no characters
    that reverse the reading direction (public descriptions must read as they are stored).

    A plain TextField hands ``max_length`` to its form field only; services validate with
    ``full_clean``, so the limit must be a validator as well, as it is for a CharField.
    """

    def __init__(self, *args, max_length: int, **kwargs):
        super().__init__(*args, max_length=max_length, **kwargs)
        self.validators.extend([MaxLengthValidator(max_length), validate_no_bidi_controls])
