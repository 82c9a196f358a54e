"""Job seekers for caseworkers (list without, detail with sensitive data) and a seeker's own profile."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.serializers.common import (
    latitude_field,
    longitude_field,
    postcode_field,
    rung_field,
    skill_field,
    skill_level_field,
    validated_postcode,
)
from api.serializers.fields import LanguageLevelField, NamedChoiceField, StrictInputMixin, WholeItemMixin
from api.serializers.roles import physical_field, support_field, weekdays_field
from marketplace.choices import SeekerStatus
from marketplace.models import Caseworker, JobSeeker, SeekerBurden, SeekerSkill, SkillCategory
from marketplace.services.seekers import SkillHeld


def status_field(**kwargs):
    return NamedChoiceField(enum_name="SeekerStatus", choices=SeekerStatus.choices, **kwargs)


def interests_field(**kwargs):
    return serializers.PrimaryKeyRelatedField(
        many=True, queryset=SkillCategory.objects.all(),
        help_text=_("Ids of skill categories from /api/v1/skill-categories/."), **kwargs,
    )


def support_needs_field(**kwargs):
    # The same code list as a role's support, named for what a person needs.
    return support_field(**kwargs)


def physical_limits_field(**kwargs):
    return physical_field(**kwargs)


class SeekerSkillSerializer(WholeItemMixin, serializers.ModelSerializer):
    skill = skill_field()
    name = serializers.CharField(source="skill.name", read_only=True)
    level = skill_level_field(default=1)

    class Meta:
        model = SeekerSkill
        fields = ["skill", "name", "level"]


class BurdenSerializer(StrictInputMixin, serializers.ModelSerializer):
    """The draaglast and exact address: sensitive; every staff read is logged."""

    class Meta:
        model = SeekerBurden
        fields = list(SeekerBurden.SENSITIVE_FIELDS)


class SeekerSummarySerializer(serializers.ModelSerializer):
    """A caseload row: enough to find someone, nothing sensitive and no contact details."""

    status = status_field(read_only=True)
    rung = rung_field(read_only=True)
    language_level = LanguageLevelField(read_only=True)

    class Meta:
        model = JobSeeker
        fields = ["id", "first_name", "last_name", "status", "rung", "language_level", "hours_min", "hours_max",
                  "caseworker", "card_visible", "introduction_allowed", "updated_at"]
        read_only_fields = fields


class SeekerProfileSerializer(serializers.ModelSerializer):
    """A whole profile, with the draaglast passed in by the view (which logs staff reads)."""

    status = status_field(read_only=True)
    rung = rung_field(read_only=True)
    language_level = LanguageLevelField(read_only=True)
    weekdays = weekdays_field(read_only=True)
    physical_limits = physical_limits_field(read_only=True)
    support_needs = support_needs_field(read_only=True)
    skills = SeekerSkillSerializer(source="skill_levels", many=True, read_only=True)
    burden = serializers.SerializerMethodField(help_text=_("Sensitive: only for the seeker and their caseworkers."))

    class Meta:
        model = JobSeeker
        fields = [
            "id", "municipality", "caseworker", "first_name", "last_name", "email", "phone", "date_of_birth",
            "home_postcode", "latitude", "longitude", "max_travel_km", "hours_min", "hours_max", "weekdays",
            "language_level", "physical_limits", "support_needs", "rung", "motivation", "status", "card_visible",
            "introduction_allowed", "consent_updated_at", "preferred_language", "skills", "interests", "burden",
            "updated_at",
        ]
        read_only_fields = fields

    @extend_schema_field(BurdenSerializer)
    def get_burden(self, seeker):
        burden = self.context.get("burden")
        return None if burden is None else BurdenSerializer(burden).data


class SeekerWriteSerializer(StrictInputMixin, serializers.ModelSerializer):
    """What a caseworker sends; a changed ``rung`` is recorded as a step on the ladder."""

    caseworker = serializers.PrimaryKeyRelatedField(
        queryset=Caseworker.objects.none(), required=False, allow_null=True,
        help_text=_("A caseworker of your municipality; defaults to you on create."),
        error_messages={"does_not_exist": _('There is no caseworker with id "{pk_value}" in your municipality.')},
    )
    status = status_field(required=False)
    rung = rung_field(required=False)
    language_level = LanguageLevelField(required=False)
    weekdays = weekdays_field(required=False)
    physical_limits = physical_limits_field(required=False)
    support_needs = support_needs_field(required=False)
    hours_min = serializers.IntegerField(min_value=0, max_value=60, required=False, allow_null=True)
    hours_max = serializers.IntegerField(min_value=1, max_value=60, required=False, allow_null=True)
    max_travel_km = serializers.IntegerField(min_value=0, max_value=200, required=False)
    home_postcode = postcode_field()
    latitude = latitude_field()
    longitude = longitude_field()
    skills = SeekerSkillSerializer(many=True, required=False)
    interests = interests_field(required=False)
    burden = BurdenSerializer(required=False)

    class Meta:
        model = JobSeeker
        fields = [
            "caseworker", "first_name", "last_name", "email", "phone", "date_of_birth", "home_postcode", "latitude",
            "longitude", "max_travel_km", "hours_min", "hours_max", "weekdays", "language_level",
            "physical_limits", "support_needs", "rung", "motivation", "status", "card_visible",
            "introduction_allowed", "preferred_language", "skills", "interests", "burden",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        actor = self.context.get("actor")
        if actor is not None and actor.is_caseworker and "caseworker" in self.fields:
            self.fields["caseworker"].queryset = Caseworker.objects.filter(
                municipality_id=actor.caseworker.municipality_id
            )

    def validate_home_postcode(self, value):
        return validated_postcode(value)

    def validate_skills(self, items):
        skill_ids = [item["skill"].pk for item in items]
        if len(skill_ids) != len(set(skill_ids)):
            raise serializers.ValidationError(_("Each skill can appear only once."))
        return items

    def service_arguments(self) -> dict:
        data = dict(self.validated_data)
        arguments = {"skills": None, "interests": data.pop("interests", None), "burden": data.pop("burden", None)}
        skills = data.pop("skills", None)
        if skills is not None:
            arguments["skills"] = [SkillHeld(**item) for item in skills]
        if "rung" in data:
            arguments["rung"] = data.pop("rung")
        arguments["data"] = data
        return arguments


class MyProfileWriteSerializer(SeekerWriteSerializer):
    """What a job seeker may change about themselves: availability, Dutch level, consent, skills and interests."""

    unknown_field_hints = {
        name: _("Ask your caseworker to change this.")
        for name in ("first_name", "last_name", "email", "phone", "date_of_birth", "home_postcode", "rung",
                     "physical_limits", "support_needs", "motivation", "status", "burden",
                     "caseworker", "latitude", "longitude")
    }

    class Meta(SeekerWriteSerializer.Meta):
        fields = ["hours_min", "hours_max", "weekdays", "max_travel_km", "language_level", "card_visible",
                  "introduction_allowed", "preferred_language", "skills", "interests"]


