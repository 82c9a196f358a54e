"""Small shared shapes: references to organisations, municipalities and skills, a skill with its level,
and common code and flag fields."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from api.serializers.fields import FlagNamesField, NamedChoiceField, StrictFloatField, WholeItemMixin
from marketplace.choices import RoleKind, RoleStatus, RungChoice, SkillLevelChoice
from marketplace.constants import Physical, Support, Weekday
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


def role_kind_field(**kwargs) -> NamedChoiceField:
    return NamedChoiceField(enum_name="RoleKind", choices=RoleKind.choices, **kwargs)


def role_status_field(**kwargs) -> NamedChoiceField:
    return NamedChoiceField(enum_name="RoleStatus", choices=RoleStatus.choices, **kwargs)


def rung_field(**kwargs) -> NamedChoiceField:
    return NamedChoiceField(enum_name="LadderRung", choices=RungChoice.choices, **kwargs)


def skill_level_field(**kwargs) -> NamedChoiceField:
    return NamedChoiceField(enum_name="SkillLevel", choices=SkillLevelChoice.choices, **kwargs)


def skill_field(**kwargs) -> serializers.PrimaryKeyRelatedField:
    return serializers.PrimaryKeyRelatedField(
        queryset=Skill.objects.all(), help_text=_("Id of a skill from /api/v1/skills/."),
        error_messages={"does_not_exist": _('There is no skill with id "{pk_value}".')}, **kwargs,
    )


class PostcodeField(serializers.CharField):
    """A Dutch postcode as sent (``1234ab``, `` 1234 AB``), taken in as ``1234 AB``; empty stays empty."""

    def to_internal_value(self, data) -> str:
        value = super().to_internal_value(data)
        if not value:
            return ""
        try:
            return normalise_postcode(value)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.messages) from None


def postcode_field(**kwargs) -> PostcodeField:
    return PostcodeField(
        max_length=10, allow_blank=True, required=False,
        help_text=_("Dutch postcode; stored as 1234 AB. Without coordinates, the postcode area's centre is used."),
        **kwargs,
    )


def latitude_field(**kwargs) -> serializers.FloatField:
    return StrictFloatField(min_value=-90, max_value=90, allow_null=True, required=False, **kwargs)


def longitude_field(**kwargs) -> serializers.FloatField:
    return StrictFloatField(min_value=-180, max_value=180, allow_null=True, required=False, **kwargs)


def weekdays_field(**kwargs) -> FlagNamesField:
    return FlagNamesField(flag_type=Weekday, enum_name="Weekday", **kwargs)


def support_field(**kwargs) -> FlagNamesField:
    return FlagNamesField(flag_type=Support, enum_name="Support", **kwargs)


def physical_field(**kwargs) -> FlagNamesField:
    return FlagNamesField(flag_type=Physical, enum_name="PhysicalDemand", **kwargs)


class SkillLevelSerializer(WholeItemMixin, serializers.ModelSerializer):
    """A skill with a level, as a role or a task asks for it or a job seeker has it; subclasses name the model.

    That a skill is on a list only once is checked by the services, which every write goes through.
    """

    skill = skill_field()
    name = serializers.CharField(source="skill.name", read_only=True)
    level = skill_level_field(default=1)

    class Meta:
        fields = ["skill", "name", "level"]


class PlaceFields(serializers.Serializer):
    """Where something is done or based: a postcode, and coordinates (without them, the postcode area's centre)."""

    postcode = postcode_field()
    latitude = latitude_field()
    longitude = longitude_field()
