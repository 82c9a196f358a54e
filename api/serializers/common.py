"""Small shared shapes: references to organisations, municipalities and skills, and common code fields."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from api.serializers.fields import NamedChoiceField, StrictFloatField
from marketplace.choices import RungChoice, SkillLevelChoice
from marketplace.models import Municipality, Organisation, Skill
from marketplace.validators import normalise_postcode


class MunicipalityRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Municipality
        fields = ["id", "name", "cbs_code"]


class OrganisationRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["id", "name"]


def rung_field(**kwargs) -> NamedChoiceField:
    return NamedChoiceField(enum_name="LadderRung", choices=RungChoice.choices, **kwargs)


def skill_level_field(**kwargs) -> NamedChoiceField:
    return NamedChoiceField(enum_name="SkillLevel", choices=SkillLevelChoice.choices, **kwargs)


def skill_field(**kwargs) -> serializers.PrimaryKeyRelatedField:
    return serializers.PrimaryKeyRelatedField(
        queryset=Skill.objects.all(), help_text=_("Id of a skill from /api/v1/skills/."),
        error_messages={"does_not_exist": _('There is no skill with id "{pk_value}".')}, **kwargs,
    )


def postcode_field(**kwargs) -> serializers.CharField:
    return serializers.CharField(
        max_length=10, allow_blank=True, required=False,
        help_text=_("Dutch postcode; stored as 1234 AB. Without coordinates, the postcode area's centre is used."),
        **kwargs,
    )


def validated_postcode(value: str) -> str:
    if not value:
        return ""
    try:
        return normalise_postcode(value)
    except DjangoValidationError as exc:
        raise serializers.ValidationError(exc.messages) from None


def latitude_field(**kwargs) -> serializers.FloatField:
    return StrictFloatField(min_value=-90, max_value=90, allow_null=True, required=False, **kwargs)


def longitude_field(**kwargs) -> serializers.FloatField:
    return StrictFloatField(min_value=-180, max_value=180, allow_null=True, required=False, **kwargs)
