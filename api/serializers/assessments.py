"""Life-domains assessments, the draagkracht picture and the ladder history.

An assessment payload carries the scores of the domains the read covers: staff get the open domains
unless they read with a purpose (``AssessmentReadPurposeSerializer``); the job seeker gets all of
their own. ``hidden_domains`` says which domains a payload leaves out.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.serializers.common import rung_field, skill_level_field
from api.serializers.fields import NamedChoiceField, StrictInputMixin, StrictIntegerField
from marketplace.constants import TEXT_MAX_LENGTH
from marketplace.models import DraagkrachtPicture, LadderStep, SeekerSkill
from marketplace.models.assessments import SCORE_MAX, SCORE_MIN, LifeDomain
from marketplace.models.draagkracht import MotivationScale
from marketplace.selectors.burden import PURPOSE_MAX_LENGTH, clean_purpose


def _domain_field(label, **kwargs):
    return StrictIntegerField(min_value=SCORE_MIN, max_value=SCORE_MAX, allow_null=True, help_text=label, **kwargs)


class ScoresSerializer(StrictInputMixin, serializers.Serializer):
    """Scores from 1 (acute problems) to 5 (fully self-sufficient); a domain left out or null was not assessed."""

    def get_fields(self):
        return {domain.value: _domain_field(domain.label, required=False) for domain in LifeDomain}

    def validate(self, attrs):
        if not any(value is not None for value in attrs.values()):
            raise serializers.ValidationError(_("Score at least one life domain."))
        return attrs


class ScoresOutSerializer(serializers.Serializer):
    """The scores of the domains this read covers; the other domains are absent (see ``hidden_domains``)."""

    def get_fields(self):
        return {domain.value: serializers.IntegerField(allow_null=True, required=False, help_text=domain.label)
                for domain in LifeDomain}

    def to_representation(self, cells):
        return {domain: cell.score for domain, cell in cells.items()}


class ChangesOutSerializer(ScoresOutSerializer):
    """The change of each score since the previous assessment that scored the domain; null for the first."""

    def to_representation(self, cells):
        return {domain: cell.change for domain, cell in cells.items()}


class AssessmentRowSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="assessment.id")
    date = serializers.DateField(source="assessment.date")
    recorded_at = serializers.DateTimeField(source="assessment.recorded_at")
    recorded_by = serializers.SerializerMethodField(help_text=_("Who recorded it; for staff only."))
    scores = ScoresOutSerializer(source="cells")
    changes = ChangesOutSerializer(source="cells")

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_recorded_by(self, row):
        user = row.assessment.recorded_by
        if not self.context.get("for_staff") or user is None:
            return None
        return user.get_full_name() or user.get_username()


class AssessmentProgressSerializer(serializers.Serializer):
    """Every assessment, oldest first, with how each score moved since the previous one."""

    domains = serializers.ListField(child=NamedChoiceField(enum_name="LifeDomain", choices=LifeDomain.choices),
                                    help_text=_("The domains this answer shows."))
    hidden_domains = serializers.ListField(
        source="hidden", child=NamedChoiceField(enum_name="LifeDomain", choices=LifeDomain.choices),
        help_text=_("Sensitive domains left out; read them with POST …/assessments/read/ and a purpose."),
    )
    read_at = serializers.DateTimeField(source="entry.at", allow_null=True, default=None,
                                        help_text=_("When a read with a purpose was written to the access log."))
    results = AssessmentRowSerializer(source="rows", many=True)


class AssessmentWriteSerializer(StrictInputMixin, serializers.Serializer):
    date = serializers.DateField(help_text=_("The day of the assessment: today or earlier."))
    scores = ScoresSerializer(help_text=_("A score from 1 to 5 per life domain; leave out what you did not assess."))


class AssessmentReadPurposeSerializer(StrictInputMixin, serializers.Serializer):
    purpose = serializers.CharField(
        max_length=PURPOSE_MAX_LENGTH,
        help_text=_("Why you need the scores on debts, housing, family relations and health, in words. Written to "
                    "the access log with your name and the time; the job seeker sees it."),
    )

    def validate_purpose(self, value):
        try:
            return clean_purpose(value)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict.get("purpose", error.messages)) from None


def motivation_field(**kwargs):
    return NamedChoiceField(enum_name="MotivationScale", choices=MotivationScale.choices, **kwargs)


class DraagkrachtSerializer(serializers.ModelSerializer):
    motivation = motivation_field(read_only=True)
    recorded_by = serializers.SerializerMethodField()

    class Meta:
        model = DraagkrachtPicture
        fields = ["version", "work_experience", "network", "motivation", "motivation_words", "wishes", "ambitions",
                  "recorded_at", "recorded_by"]
        read_only_fields = fields

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_recorded_by(self, picture):
        user = picture.recorded_by
        if not self.context.get("for_staff") or user is None:
            return None
        return user.get_full_name() or user.get_username()


class CompetenceSerializer(serializers.ModelSerializer):
    """A skill of the person with its level: the competences of the draagkracht picture."""

    name = serializers.CharField(source="skill.name", read_only=True)
    level = skill_level_field(read_only=True)

    class Meta:
        model = SeekerSkill
        fields = ["skill", "name", "level"]
        read_only_fields = fields


class DraagkrachtOverviewSerializer(serializers.Serializer):
    current = DraagkrachtSerializer(allow_null=True, help_text=_("The newest version; null when none is recorded."))
    competences = CompetenceSerializer(source="skills", many=True,
                                       help_text=_("The person's skills, kept on their profile."))
    versions = DraagkrachtSerializer(many=True, help_text=_("Every version, newest first."))


def _text_field(help_text):
    return serializers.CharField(max_length=TEXT_MAX_LENGTH, required=False, allow_blank=True, help_text=help_text)


class DraagkrachtWriteSerializer(StrictInputMixin, serializers.Serializer):
    """A new version; fields left out keep what the current version says."""

    work_experience = _text_field(_("Paid and unpaid work, volunteering, care for others."))
    network = _text_field(_("People who can help."))
    motivation = motivation_field(required=False, help_text=_("1 to 5; needed for the first version."))
    motivation_words = _text_field(_("The motivation in the person's own words."))
    wishes = _text_field(_("The work and circumstances the person wishes for."))
    ambitions = _text_field(_("Where the person wants to be in a few years."))


class LadderStepSerializer(serializers.ModelSerializer):
    rung = rung_field(read_only=True)

    class Meta:
        model = LadderStep
        fields = ["date", "rung", "note"]
        read_only_fields = fields
