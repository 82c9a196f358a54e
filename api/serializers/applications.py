"""Applications as each actor may see them: an anonymous candidate card for employers until the introduction.

The seeker's name and contact details appear only under ``identity``, which is null unless the
requester is the seeker, a caseworker of the municipality, or the employer after the seeker was
introduced with consent. The job seeker's id (``seeker``) is only for the seeker and caseworkers:
an employer follows an application by its own id. The candidate card is the one of
``marketplace.selectors.candidates``: for employers it has a distance band instead of a distance,
no rung, and reasons without the ladder step; the stored match score (which holds the exact
distance and the ladder step) is null for them. Sensitive data (the draaglast) never appears here.
"""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.serializers.common import OrganisationRefSerializer, role_kind_field, role_status_field, support_field
from api.serializers.fields import (
    NamedChoiceField,
    StrictDecimalField,
    StrictInputMixin,
    StrictIntegerField,
)
from api.serializers.matching import CandidateCardSerializer, MatchReasonSerializer
from marketplace.choices import ApplicationStatus
from marketplace.constants import PLACEMENT_HOURS_MAX, PLACEMENT_HOURS_MIN
from marketplace.models import JobSeeker, Role
from marketplace.models.applications import Application, ApplicationEvent, Placement, RetentionCheckpoint
from marketplace.selectors.applications import (
    application_available_actions,
    application_has_consent,
    application_timeline,
    identity_visible,
)
from marketplace.selectors.candidates import CandidateCard, application_card
from marketplace.services.applications import PlacementTerms
from marketplace.workflows.base import ActorKind

ACTIONS = ["consent", "introduce", "start_trial", "place", "end", "decline", "withdraw"]


def application_status_field(**kwargs):
    return NamedChoiceField(enum_name="ApplicationStatus", choices=ApplicationStatus.choices, **kwargs)


class ApplicationRoleSerializer(serializers.ModelSerializer):
    kind = role_kind_field(read_only=True)
    status = role_status_field(read_only=True)
    organisation = OrganisationRefSerializer(read_only=True)

    class Meta:
        model = Role
        fields = ["id", "title", "kind", "status", "organisation", "hours_min", "hours_max", "places"]
        read_only_fields = fields


class CandidateIdentitySerializer(serializers.ModelSerializer):
    class Meta:
        model = JobSeeker
        fields = ["first_name", "last_name", "email", "phone"]
        read_only_fields = fields


class ApplicationEventSerializer(serializers.ModelSerializer):
    kind = NamedChoiceField(enum_name="ApplicationEventKind", choices=ApplicationEvent.Kind.choices, read_only=True)
    from_status = serializers.CharField(read_only=True, help_text=_("Empty for the creation of the application."))
    to_status = application_status_field(read_only=True)
    actor_kind = NamedChoiceField(enum_name="ActorKind", choices=ActorKind.choices, read_only=True)

    class Meta:
        model = ApplicationEvent
        fields = ["kind", "from_status", "to_status", "actor_kind", "at", "note"]
        read_only_fields = fields


class RetentionCheckpointSerializer(serializers.ModelSerializer):
    status = NamedChoiceField(enum_name="RetentionStatus", choices=RetentionCheckpoint.Status.choices,
                              read_only=True)

    class Meta:
        model = RetentionCheckpoint
        fields = ["months", "due_date", "status", "recorded_at"]
        read_only_fields = fields


class PlacementSerializer(serializers.ModelSerializer):
    support = support_field(read_only=True)
    job_coach = serializers.BooleanField(source="has_job_coach", read_only=True)
    checkpoints = RetentionCheckpointSerializer(many=True, read_only=True)

    class Meta:
        model = Placement
        fields = ["start_date", "hours_per_week", "hourly_wage", "support", "job_coach", "end_date", "end_reason",
                  "checkpoints"]
        read_only_fields = fields


class ApplicationSerializer(serializers.ModelSerializer):
    status = application_status_field(read_only=True)
    role = ApplicationRoleSerializer(read_only=True)
    seeker = serializers.SerializerMethodField(
        help_text=_("Id of the job seeker, for the job seeker and caseworkers; null for employers.")
    )
    candidate = serializers.SerializerMethodField()
    identity = serializers.SerializerMethodField(
        help_text=_("Name and contact details; null for employers until the seeker is introduced with consent.")
    )
    score = serializers.SerializerMethodField(
        help_text=_("Match score of a suggestion from a matching round; null for employers.")
    )
    reasons = serializers.SerializerMethodField(help_text=_("Why the candidate fits, as on the candidate card."))
    seeker_consented = serializers.SerializerMethodField(
        help_text=_("Whether the seeker agreed to be introduced by name for this application.")
    )
    placement = serializers.SerializerMethodField()
    available_actions = serializers.SerializerMethodField(
        help_text=_("The actions you can take now, such as consent, introduce, start_trial, place, end, decline "
                    "and withdraw.")
    )

    class Meta:
        model = Application
        fields = ["id", "status", "role", "seeker", "candidate", "identity", "score", "reasons", "seeker_consented",
                  "seeker_consented_at", "introduced_at", "placement", "available_actions", "created_at",
                  "updated_at"]
        read_only_fields = fields

    @property
    def actor(self):
        return self.context["actor"]

    def card(self, application) -> CandidateCard:
        """The candidate card of ``application`` for the requester, built once per application."""
        cards = self.__dict__.setdefault("_cards", {})
        if application.pk not in cards:
            cards[application.pk] = application_card(actor=self.actor, application=application)
        return cards[application.pk]

    def get_seeker(self, application) -> int | None:
        return None if self.card(application).for_employer else application.seeker_id

    @extend_schema_field(CandidateCardSerializer)
    def get_candidate(self, application):
        return CandidateCardSerializer(self.card(application)).data

    def get_score(self, application) -> float | None:
        return None if self.card(application).for_employer else application.score

    @extend_schema_field(MatchReasonSerializer(many=True))
    def get_reasons(self, application):
        return MatchReasonSerializer(self.card(application).reasons, many=True).data

    @extend_schema_field(CandidateIdentitySerializer(allow_null=True))
    def get_identity(self, application):
        if not identity_visible(actor=self.actor, application=application):
            return None
        return CandidateIdentitySerializer(application.seeker).data

    def get_seeker_consented(self, application) -> bool:
        return application_has_consent(application)

    @extend_schema_field(PlacementSerializer(allow_null=True))
    def get_placement(self, application):
        placement = getattr(application, "placement", None)
        return None if placement is None else PlacementSerializer(placement).data

    @extend_schema_field(serializers.ListField(child=serializers.ChoiceField(choices=ACTIONS)))
    def get_available_actions(self, application) -> list[str]:
        return application_available_actions(actor=self.actor, application=application)


class ApplicationDetailSerializer(ApplicationSerializer):
    timeline = serializers.SerializerMethodField(help_text=_("Status changes and consent, oldest first."))

    class Meta(ApplicationSerializer.Meta):
        fields = [*ApplicationSerializer.Meta.fields, "timeline"]
        read_only_fields = fields

    @extend_schema_field(ApplicationEventSerializer(many=True))
    def get_timeline(self, application):
        return ApplicationEventSerializer(application_timeline(actor=self.actor, application=application),
                                          many=True).data


class ApplicationCreateSerializer(StrictInputMixin, serializers.Serializer):
    role = StrictIntegerField(min_value=1, help_text=_("Id of the role."))
    candidate = serializers.CharField(
        max_length=200, required=False,
        help_text=_("Employers: the `candidate_ref` of a candidate of this role, from /api/v1/roles/{id}/candidates/. "
                    "Job seekers leave it out."),
    )
    seeker = StrictIntegerField(
        min_value=1, required=False,
        help_text=_("Caseworkers only: id of the job seeker to invite. Employers send `candidate` instead."),
    )
    note = serializers.CharField(max_length=1000, required=False, allow_blank=True, default="")


class NoteSerializer(StrictInputMixin, serializers.Serializer):
    note = serializers.CharField(max_length=1000, required=False, allow_blank=True, default="",
                                 help_text=_("Shown on the timeline."))


class PlaceSerializer(NoteSerializer):
    start_date = serializers.DateField()
    hours_per_week = StrictIntegerField(min_value=PLACEMENT_HOURS_MIN, max_value=PLACEMENT_HOURS_MAX)
    hourly_wage = StrictDecimalField(
        max_digits=6, decimal_places=2, min_value=Decimal("0.01"), required=False, allow_null=True, default=None,
        help_text=_("Defaults to the role's hourly wage; leave empty for unpaid work."),
    )
    job_coach = serializers.BooleanField(required=False, default=False,
                                         help_text=_("A job coach supports the person at work."))
    support = support_field(required=False, default=list, help_text=_("Other support at work."))
    override_reason = serializers.CharField(
        max_length=1000, required=False, allow_blank=True, default="",
        help_text=_("Caseworkers only: why terms outside the role's hours, the job seeker's hours or the minimum "
                    "wage are agreed anyway. Logged on the timeline."),
    )

    def terms(self) -> PlacementTerms:
        data = self.validated_data
        return PlacementTerms(start_date=data["start_date"], hours_per_week=data["hours_per_week"],
                              hourly_wage=data["hourly_wage"], support=data["support"] or 0,
                              job_coach=data["job_coach"], override_reason=data["override_reason"])


class EndSerializer(StrictInputMixin, serializers.Serializer):
    reason = serializers.CharField(max_length=1000, help_text=_("Why the placement ends; shown on the timeline."))
    end_date = serializers.DateField(required=False, allow_null=True, default=None,
                                     help_text=_("Defaults to today."))
