"""Matching results as the API shows them: ranked roles, anonymous candidate cards, rounds and overrides.

A candidate card for an employer carries what the person can offer (skills, hours and days, a
distance band, level of Dutch, the support they need at work) and never who they are or where they
live: ``seeker`` is null for employers, there is no exact distance and no rung, and no contact
detail, address or draaglast field exists in these shapes at all. The card is built by
``marketplace.selectors.candidates``; ``CandidateCardSerializer`` is the one shape of it.
"""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from api.serializers.common import OrganisationRefSerializer, role_kind_field, support_field, weekdays_field
from api.serializers.fields import StrictInputMixin, StrictIntegerField
from marketplace import geo
from marketplace.constants import NOTE_MAX_LENGTH
from marketplace.models import JobSeeker, LadderOverride, MatchRound, Role


class MatchReasonSerializer(serializers.Serializer):
    code = serializers.CharField(read_only=True, help_text=_("Stable code, e.g. skills, distance, too_far."))
    text = serializers.CharField(read_only=True, help_text=_("The reason in the language of the request."))
    fits = serializers.BooleanField(
        read_only=True,
        help_text=_("True when the reason speaks for the match; false for a point to look out for."),
    )


class MatchedRoleSerializer(serializers.ModelSerializer):
    kind = role_kind_field(read_only=True)
    organisation = OrganisationRefSerializer(read_only=True)
    weekdays = weekdays_field(read_only=True)

    class Meta:
        model = Role
        fields = ["id", "title", "kind", "organisation", "city", "hours_min", "hours_max", "weekdays"]
        read_only_fields = fields


class RoleMatchSerializer(serializers.Serializer):
    role = MatchedRoleSerializer(read_only=True)
    score = serializers.FloatField(read_only=True, help_text=_("How well it fits, 0 to 100."))
    distance_km = serializers.FloatField(read_only=True, allow_null=True)
    reasons = MatchReasonSerializer(many=True, read_only=True)


class RoleMatchListSerializer(serializers.Serializer):
    results = RoleMatchSerializer(many=True, read_only=True)
    problems = MatchReasonSerializer(
        many=True, read_only=True,
        help_text=_("What in the profile stops or weakens matching, such as no home location known."),
    )


class CardSkillSerializer(serializers.Serializer):
    name = serializers.CharField(read_only=True)
    level = serializers.IntegerField(read_only=True, help_text=_("1 basic, 2 routine, 3 experienced."))
    level_label = serializers.CharField(read_only=True)


class CandidateCardSerializer(serializers.Serializer):
    """The one candidate card, in match lists and on applications alike."""

    skills = CardSkillSerializer(many=True, read_only=True)
    hours_min = serializers.IntegerField(read_only=True, allow_null=True)
    hours_max = serializers.IntegerField(read_only=True, allow_null=True)
    weekdays = weekdays_field(read_only=True, help_text=_("Days the person can work."))
    language_level = serializers.CharField(read_only=True, help_text=_("Level of Dutch, A0 to C2."))
    support_needs = support_field(read_only=True, help_text=_("Support the person needs at work."))
    distance_band = serializers.CharField(
        read_only=True, allow_null=True,
        help_text=format_lazy(
            _("Distance from home to the work, as one of the bands {bands}. For employers it is measured from the "
              "middle of the {cell:g} km square the person lives in."),
            bands=", ".join(band.label for band in geo.DISTANCE_BANDS), cell=geo.AREA_CELL_KM,
        ),
    )
    distance_km = serializers.FloatField(
        read_only=True, allow_null=True,
        help_text=_("The exact distance, for the job seeker and caseworkers only; null for employers."),
    )


class MatchCandidateSeekerSerializer(serializers.ModelSerializer):
    class Meta:
        model = JobSeeker
        fields = ["id", "first_name", "last_name"]
        read_only_fields = fields


class CandidateSerializer(serializers.Serializer):
    candidate_ref = serializers.CharField(
        read_only=True, help_text=_("Reference to invite this candidate to this role (the `candidate` of POST "
                                    "/api/v1/applications/). For employers an encrypted reference that works only "
                                    "for this role and your organisation, for a few hours, and differs on every "
                                    "request; for caseworkers the job seeker's id."),
    )
    score = serializers.FloatField(read_only=True, help_text=_("How well the person fits, 0 to 100. For employers "
                                                               "it leaves out the step on the participation ladder."))
    card = CandidateCardSerializer(read_only=True)
    reasons = MatchReasonSerializer(many=True, read_only=True)
    seeker = MatchCandidateSeekerSerializer(read_only=True, allow_null=True,
                                       help_text=_("Only for caseworkers; null for employers."))


class WhyNotSerializer(serializers.Serializer):
    matchable = serializers.BooleanField(read_only=True)
    reasons = MatchReasonSerializer(many=True, read_only=True, help_text=_("Every rule that keeps the pair apart."))


class MatchRoundSerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="municipality.cbs_code", read_only=True)
    started_by = serializers.SerializerMethodField()
    duration_s = serializers.SerializerMethodField()

    class Meta:
        model = MatchRound
        fields = ["id", "municipality", "started_by", "created_at", "dry_run", "seekers", "roles", "places",
                  "pairs", "proposals", "stored", "total_score", "greedy_placed", "greedy_total", "duration_s",
                  "weights"]
        read_only_fields = fields

    def get_started_by(self, match_round) -> str | None:
        user = match_round.started_by
        return None if user is None else (user.get_full_name() or user.get_username())

    def get_duration_s(self, match_round) -> float | None:
        return None if match_round.duration is None else round(match_round.duration.total_seconds(), 3)


class MatchRoundRequestSerializer(StrictInputMixin, serializers.Serializer):
    dry_run = serializers.BooleanField(default=False, help_text=_("Compute and report, but store no suggestions."))


class LadderOverrideSerializer(serializers.ModelSerializer):
    granted_by = serializers.SerializerMethodField()

    class Meta:
        model = LadderOverride
        fields = ["id", "seeker", "role", "granted_by", "reason", "created_at"]
        read_only_fields = fields

    def get_granted_by(self, override) -> str:
        return override.granted_by.get_full_name() or override.granted_by.get_username()


class LadderOverrideWriteSerializer(StrictInputMixin, serializers.Serializer):
    role = StrictIntegerField(help_text=_("Id of a role of your municipality more than one rung above."))
    reason = serializers.CharField(allow_blank=True, trim_whitespace=True, max_length=NOTE_MAX_LENGTH,
                                   help_text=_("Why this job seeker may take this step; kept in the log."))
