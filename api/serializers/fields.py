"""Serializer fields for the domain's codes (flags as lists of names, language levels as "B1") and numbers
that are numbers."""

from enum import IntFlag

from django.db import models
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.fields import empty

from marketplace.constants import LanguageLevel, flag_names, flags_from_names
from marketplace.messages import FIELD_NOT_SETTABLE

NOT_A_BOOLEAN = _("Enter a number, not true or false.")


class StrictNumberMixin:
    """Refuse JSON ``true`` and ``false`` where a number is expected.

    Python counts a boolean as the number 1 or 0, so DRF's FloatField takes ``"latitude": true`` as
    latitude 1.0; a client that sends a boolean for a number has made a mistake worth naming.
    """

    def to_internal_value(self, data):
        if isinstance(data, bool):
            raise serializers.ValidationError(NOT_A_BOOLEAN, code="invalid")
        return super().to_internal_value(data)


class StrictIntegerField(StrictNumberMixin, serializers.IntegerField):
    pass


class StrictFloatField(StrictNumberMixin, serializers.FloatField):
    pass


class StrictDecimalField(StrictNumberMixin, serializers.DecimalField):
    pass


class StrictNumbersMixin:
    """A ModelSerializer whose generated number fields refuse booleans (see ``StrictNumberMixin``)."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.IntegerField: StrictIntegerField,
        models.BigIntegerField: StrictIntegerField,
        models.SmallIntegerField: StrictIntegerField,
        models.PositiveIntegerField: StrictIntegerField,
        models.PositiveSmallIntegerField: StrictIntegerField,
        models.PositiveBigIntegerField: StrictIntegerField,
        models.FloatField: StrictFloatField,
        models.DecimalField: StrictDecimalField,
    }


class NamedChoiceField(serializers.ChoiceField):
    """A choice field whose choice set appears in the schema as the component ``enum_name``."""

    def __init__(self, *, enum_name: str, **kwargs):
        self.enum_name = enum_name
        super().__init__(**kwargs)


class FlagNamesField(serializers.ListField):
    """A set of flags as a list of lower-case codes, e.g. ``["mon", "wed"]``; stored as an integer."""

    def __init__(self, *, flag_type: type[IntFlag], enum_name: str, **kwargs):
        self.flag_type = flag_type
        kwargs["child"] = NamedChoiceField(enum_name=enum_name, choices=[m.name.lower() for m in flag_type])
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        return flags_from_names(self.flag_type, super().to_internal_value(data))

    def to_representation(self, value):
        return flag_names(self.flag_type, value or 0)


class LanguageLevelField(NamedChoiceField):
    """A Dutch language level as its CEFR name ("A0" to "C2"); stored as the ordered integer."""

    default_error_messages = {"invalid_choice": _('"{input}" is not a language level; use A0, A1, A2, B1, B2, C1 '
                                                  "or C2.")}

    def __init__(self, **kwargs):
        super().__init__(enum_name="LanguageLevel", choices=[level.name for level in LanguageLevel], **kwargs)

    def to_internal_value(self, data):
        return int(LanguageLevel[super().to_internal_value(data)])

    def to_representation(self, value):
        return LanguageLevel(value).name


class StrictInputMixin(StrictNumbersMixin):
    """Reject keys the serializer does not accept instead of silently ignoring them (and booleans as numbers).

    A client that sends ``status`` or ``rung`` to a plain update expects it to change; telling them
    which keys were not taken (and, where useful, how to change them) beats a quiet 200.
    """

    unknown_field_hints: dict[str, str] = {}

    def to_internal_value(self, data):
        if isinstance(data, dict):
            writable = {name for name, field in self.fields.items() if not field.read_only}
            unknown = sorted(set(data) - writable)
            if unknown:
                raise serializers.ValidationError({
                    name: [self.unknown_field_hints.get(name, FIELD_NOT_SETTABLE)] for name in unknown
                })
        return super().to_internal_value(data)


class WholeItemMixin:
    """An item of a nested list is always written whole, also when its parent is changed with PATCH.

    DRF passes the parent's ``partial`` on to the items, which drops their required fields and
    defaults; but the list replaces the stored one, so every item needs all of them.
    """

    def validate(self, attrs):
        attrs = super().validate(attrs)
        if not getattr(self.root, "partial", False):
            return attrs
        missing = {}
        for name, field in self.fields.items():
            if field.read_only or field.source in attrs:
                continue
            if field.required:
                missing[name] = [field.error_messages["required"]]
            elif field.default is not empty:
                attrs[field.source] = field.default() if callable(field.default) else field.default
        if missing:
            raise serializers.ValidationError(missing)
        return attrs
