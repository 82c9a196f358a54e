"""Job seekers for caseworkers, the logged read of their draaglast, and a seeker's own profile.

No caseworker payload carries the draaglast except the answer to the read that states a purpose
(``BurdenReadPurposeSerializer`` in, ``BurdenReadSerializer`` out).
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.serializers.common import (
    SkillLevelSerializer,
    latitude_field,
    longitude_field,
    physical_field,
    postcode_field,
    rung_field,
    support_field,
    weekdays_field,
)
from api.serializers.fields import LanguageLevelField, NamedChoiceField, StrictInputMixin, StrictIntegerField
from marketplace.choices import SeekerStatus
from marketplace.constants import SEEKER_HOURS_MAX, SEEKER_HOURS_MIN, TRAVEL_KM_MAX, TRAVEL_KM_MIN
from marketplace.models import BurdenSeverity, Caseworker, JobSeeker, SeekerBurden, SeekerSkill, SkillCategory
from marketplace.selectors.burden import (
    BY_CASEWORKER,
    BY_OWN_CASEWORKER,
    BY_SELF,
    PURPOSE_MAX_LENGTH,
    clean_burden_fields,
    clean_purpose,
)
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


class SeekerSkillSerializer(SkillLevelSerializer):
    class Meta(SkillLevelSerializer.Meta):
        model = SeekerSkill


def severity_label(value) -> str | None:
    return None if value is None else str(BurdenSeverity(value).label)


class SeverityField(NamedChoiceField):
    default_error_messages = {"invalid_choice": _(
        '"{input}" is not a severity; use 0 (none), 1 (light), 2 (serious), 3 (blocking) or null (not assessed).'
    )}

    def __init__(self, **kwargs):
        super().__init__(enum_name="BurdenSeverity", choices=BurdenSeverity.choices, allow_null=True, **kwargs)

    def to_internal_value(self, data):
        if isinstance(data, bool):  # "True" is no code, and neither is 1 sent as true
            self.fail("invalid_choice", input=data)
        return super().to_internal_value(data)


@extend_schema_field(serializers.CharField(allow_null=True, read_only=True))
class SeverityLabelField(serializers.Field):
    """The severity in words, in the language of the request; null when not assessed."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return severity_label(value)


def with_severity_labels(values: dict) -> dict:
    """``values`` with a ``<field>_label`` after each severity in it, as the API shows choices for people."""
    labelled = {}
    for name, value in values.items():
        labelled[name] = value
        if name in SeekerBurden.SEVERITY_FIELDS:
            labelled[f"{name}_label"] = severity_label(value)
    return labelled


class BurdenSerializer(StrictInputMixin, serializers.ModelSerializer):
    """The draaglast and exact address: sensitive; every staff read is logged. Per category a note and a
    severity: 0 none, 1 light, 2 serious, 3 blocking, null not assessed (with its label in words)."""

    class Meta:
        model = SeekerBurden
        fields = list(SeekerBurden.SENSITIVE_FIELDS)

    def get_fields(self):
        fields = super().get_fields()
        for name in SeekerBurden.SEVERITY_FIELDS:
            fields[name] = SeverityField(required=False, label=SeekerBurden._meta.get_field(name).verbose_name)
            fields[f"{name}_label"] = SeverityLabelField(source=name)
        return fields


def _django_messages(error: DjangoValidationError, field: str) -> list[str]:
    return error.message_dict.get(field, error.messages)


class BurdenReadPurposeSerializer(StrictInputMixin, serializers.Serializer):
    """Why a caseworker reads the draaglast, and optionally which fields; the purpose goes to the log."""

    def get_fields(self):
        # Declared here rather than as class attributes: ``fields`` is also the name of Serializer.fields.
        return {
            "purpose": serializers.CharField(
                max_length=PURPOSE_MAX_LENGTH, help_text=_(
                    "Why you need to see the draaglast, in words (for example “preparing the debt counselling "
                    "referral”). Written to the access log with your name and the time; the job seeker sees it."
                ),
            ),
            "fields": serializers.ListField(
                child=NamedChoiceField(enum_name="BurdenField", choices=list(SeekerBurden.SENSITIVE_FIELDS)),
                required=False, allow_empty=False,
                help_text=_("Only these draaglast fields; leave this out to read all of them."),
            ),
        }

    def validate_purpose(self, value):
        try:
            return clean_purpose(value)
        except DjangoValidationError as error:
            raise serializers.ValidationError(_django_messages(error, "purpose")) from None

    def validate_fields(self, value):
        try:
            return clean_burden_fields(value)
        except DjangoValidationError as error:
            raise serializers.ValidationError(_django_messages(error, "fields")) from None


class BurdenHistoryPurposeSerializer(StrictInputMixin, serializers.Serializer):
    """Why a caseworker reads the versions of the draaglast; the purpose goes to the log."""

    purpose = serializers.CharField(max_length=PURPOSE_MAX_LENGTH, help_text=_(
        "Why you need to see the earlier versions, in words. Written to the access log with your name and the "
        "time; the job seeker sees it."
    ))

    def validate_purpose(self, value):
        try:
            return clean_purpose(value)
        except DjangoValidationError as error:
            raise serializers.ValidationError(_django_messages(error, "purpose")) from None


class BurdenReadSerializer(serializers.Serializer):
    """A logged read: what was read, why, when, and only the fields that were asked for."""

    seeker = serializers.IntegerField(source="burden.seeker_id", read_only=True)
    purpose = serializers.CharField(source="entry.purpose", read_only=True)
    read_at = serializers.DateTimeField(source="entry.at", read_only=True,
                                        help_text=_("When the read was written to the access log."))
    burden = serializers.SerializerMethodField(help_text=_("Only the fields that were asked for (all by default)."))

    @extend_schema_field(BurdenSerializer)
    def get_burden(self, read) -> dict:
        return with_severity_labels(read.values)


class BurdenChangeSerializer(serializers.Serializer):
    field = serializers.CharField(help_text=_("The draaglast field that changed."))
    before = serializers.JSONField(help_text=_("As it was: text, or a severity code; null for not assessed."))
    after = serializers.JSONField(help_text=_("As it became."))


class BurdenVersionSerializer(serializers.Serializer):
    """One saved version of the whole draaglast; nobody can change it afterwards."""

    version = serializers.IntegerField()
    recorded_at = serializers.DateTimeField()
    by = NamedChoiceField(enum_name="BurdenVersionBy", choices=[
        (BY_SELF, _("The job seeker")), (BY_OWN_CASEWORKER, _("Their own caseworker")),
        (BY_CASEWORKER, _("Another caseworker of the municipality")),
    ])
    recorded_by_name = serializers.CharField(allow_null=True)
    values = serializers.SerializerMethodField(help_text=_("The whole draaglast as this version recorded it."))
    changes = BurdenChangeSerializer(many=True, help_text=_("What differs from the version before."))

    @extend_schema_field(BurdenSerializer)
    def get_values(self, line) -> dict:
        return with_severity_labels(line.values)


class BurdenHistorySerializer(serializers.Serializer):
    """A logged read of the draaglast's versions, newest first."""

    seeker = serializers.IntegerField(source="seeker.pk", read_only=True)
    purpose = serializers.CharField(source="entry.purpose", read_only=True)
    read_at = serializers.DateTimeField(source="entry.at", read_only=True,
                                        help_text=_("When the read was written to the access log."))
    versions = BurdenVersionSerializer(many=True, read_only=True)


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
    """A whole profile without the draaglast: caseworkers read that separately, with a purpose."""

    status = status_field(read_only=True)
    rung = rung_field(read_only=True)
    language_level = LanguageLevelField(read_only=True)
    weekdays = weekdays_field(read_only=True)
    physical_limits = physical_limits_field(read_only=True)
    support_needs = support_needs_field(read_only=True)
    skills = SeekerSkillSerializer(source="skill_levels", many=True, read_only=True)

    class Meta:
        model = JobSeeker
        fields = [
            "id", "municipality", "caseworker", "first_name", "last_name", "email", "phone", "date_of_birth",
            "home_postcode", "latitude", "longitude", "max_travel_km", "hours_min", "hours_max", "weekdays",
            "language_level", "physical_limits", "support_needs", "rung", "motivation", "status", "card_visible",
            "introduction_allowed", "consent_updated_at", "preferred_language", "skills", "interests", "updated_at",
        ]
        read_only_fields = fields


class MyProfileSerializer(SeekerProfileSerializer):
    """A job seeker's own profile, with their own draaglast (passed in by the view; reading it is not logged)."""

    burden = serializers.SerializerMethodField(help_text=_("Your draaglast, kept by your caseworker."))

    class Meta(SeekerProfileSerializer.Meta):
        fields = [*SeekerProfileSerializer.Meta.fields, "burden"]
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
    hours_min = StrictIntegerField(min_value=SEEKER_HOURS_MIN, max_value=SEEKER_HOURS_MAX, required=False,
                                   allow_null=True)
    hours_max = StrictIntegerField(min_value=1, max_value=SEEKER_HOURS_MAX, required=False, allow_null=True)
    max_travel_km = StrictIntegerField(min_value=TRAVEL_KM_MIN, max_value=TRAVEL_KM_MAX, required=False)
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


