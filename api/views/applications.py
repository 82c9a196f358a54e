"""Applications: one job seeker and one role, moved through the workflow by the people it concerns."""

import django_filters
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import Throttled, ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from api.filters import MAX_ID, IntegerFilter
from api.serializers.applications import (
    ApplicationCreateSerializer,
    ApplicationDetailSerializer,
    ApplicationSerializer,
    EndSerializer,
    NoteSerializer,
    PlaceSerializer,
)
from api.views.base import BAD_INPUT, ActorMixin
from marketplace.choices import ApplicationStatus
from marketplace.exceptions import TooManyInvitations
from marketplace.messages import SEEKER_NOT_INVITABLE
from marketplace.models.applications import Application
from marketplace.selectors.applications import (
    actor_kinds_for_role,
    application_list_for,
    role_for_application,
    seeker_invitable,
)
from marketplace.selectors.matching import seeker_for_candidate_ref
from marketplace.services.applications import (
    application_consent,
    application_decline,
    application_end,
    application_express_interest,
    application_introduce,
    application_invite,
    application_place,
    application_start_trial,
    application_withdraw,
)
from marketplace.workflows.base import CASEWORKER


class ApplicationFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(choices=ApplicationStatus.choices,
                                                 help_text=_("One or more statuses."))
    role = IntegerFilter(field_name="role_id", min_value=1, max_value=MAX_ID, help_text=_("Id of a role."))

    class Meta:
        model = Application
        fields = ["status", "role"]


MOVE_RESPONSES = {
    200: ApplicationDetailSerializer,
    400: BAD_INPUT,
    404: OpenApiResponse(description=_("No application of yours with this id.")),
    409: OpenApiResponse(description=_(
        "The workflow does not allow this move now, or not for you; the introduction lacks the seeker's consent; "
        "or every place of the role is taken."
    )),
}
OVERBOOKED_EXAMPLE = OpenApiExample(
    "Every place taken", response_only=True, status_codes=["409"],
    value={"role": ["Every place of this role is taken (3 of 3). A trial can start when a place frees up."]},
)


@extend_schema_view(
    list=extend_schema(
        summary=_("List applications"),
        description=_(
            "Job seekers see their own applications; employers those for their organisations' roles (as anonymous "
            "candidate cards until the seeker is introduced with consent); caseworkers those of their municipality."
        ),
    ),
    retrieve=extend_schema(summary=_("Read an application with its timeline"), responses=ApplicationDetailSerializer),
)
class ApplicationViewSet(ActorMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Applications move suggested | interested | proposed → introduced → trial → placed → ended, or to
    declined / withdrawn from any open status. Who may make each move is fixed by the workflow table."""

    permission_classes = [IsAuthenticated]
    filterset_class = ApplicationFilter
    serializer_class = ApplicationSerializer

    def get_queryset(self):
        return application_list_for(actor=self.actor)

    def get_serializer_class(self):
        return ApplicationSerializer if self.action == "list" else ApplicationDetailSerializer

    def _respond(self, application, status_code=status.HTTP_200_OK):
        application = self.get_queryset().get(pk=application.pk)
        return Response(ApplicationDetailSerializer(application, context=self.get_serializer_context()).data,
                        status=status_code)

    def _input(self, serializer_class):
        serializer = serializer_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        return serializer

    @extend_schema(
        summary=_("Show interest in a role, or invite a job seeker"),
        description=_(
            "A job seeker sends only `role`: they show interest in a published role of their municipality (201, or "
            "200 when they already have an application for it). An employer also sends `candidate`, the reference "
            "of a candidate from the role's candidate list, never a job seeker id; a caseworker sends `seeker`, the "
            "id of a job seeker of their municipality. The job seeker gets an e-mail. An employer organisation can "
            "send a limited number of invitations per hour (429 when that is reached)."
        ),
        request=ApplicationCreateSerializer,
        responses={201: ApplicationDetailSerializer, 200: ApplicationDetailSerializer, **{
            code: response for code, response in MOVE_RESPONSES.items() if code != 200},
            429: OpenApiResponse(description=_("Your organisation sent as many invitations as allowed for now."))},
    )
    def create(self, request, *args, **kwargs):
        data = self._input(ApplicationCreateSerializer).validated_data
        role = role_for_application(actor=self.actor, role_id=data["role"])
        if role is None:
            raise ValidationError({"role": [_("There is no role with this id that you can apply or invite to.")]})
        if "seeker" not in data and "candidate" not in data:
            if not self.actor.is_seeker:
                raise ValidationError({"candidate": [_("Say which candidate you invite: the candidate_ref from the "
                                                       "role's list of candidates.")]})
            application, created = application_express_interest(seeker=self.actor.seeker, role=role)
            return self._respond(application, status.HTTP_201_CREATED if created else status.HTTP_200_OK)
        seeker = self._invitee(role, data)
        try:
            application = application_invite(role=role, seeker=seeker, actor_user=request.user, note=data["note"])
        except TooManyInvitations as error:
            raise Throttled(detail=str(error.message)) from None
        return self._respond(application, status.HTTP_201_CREATED)

    def _invitee(self, role, data):
        """The job seeker to invite: by reference for employers, by id only for caseworkers."""
        if "seeker" in data:
            if CASEWORKER not in actor_kinds_for_role(actor=self.actor, role=role):
                raise ValidationError({"seeker": [_("Employers invite a candidate with the reference on the "
                                                    "candidate's card (candidate), not with a job seeker id.")]})
            seeker = seeker_invitable(actor=self.actor, role=role, seeker_id=data["seeker"])
            if seeker is None:
                raise ValidationError({"seeker": [SEEKER_NOT_INVITABLE]})
            return seeker
        seeker = seeker_for_candidate_ref(actor=self.actor, role=role, candidate_ref=data["candidate"])
        if seeker is None:
            raise ValidationError({"candidate": [_("This candidate reference does not work for this role, or it has "
                                                   "expired. Fetch the role's candidates again.")]})
        return seeker

    @extend_schema(
        summary=_("Agree to be introduced (job seeker)"),
        description=_(
            "The job seeker agrees that this employer may see their name and contact details. When the employer or "
            "caseworker asked (status proposed), the seeker is introduced at once."
        ),
        request=NoteSerializer, responses=MOVE_RESPONSES,
    )
    @action(detail=True, methods=["post"])
    def consent(self, request, pk=None):
        note = self._input(NoteSerializer).validated_data["note"]
        return self._respond(application_consent(application=self.get_object(), actor_user=request.user, note=note))

    @extend_schema(summary=_("Introduce the job seeker to the employer by name"),
                   description=_("Needs the job seeker's consent."), request=NoteSerializer, responses=MOVE_RESPONSES)
    @action(detail=True, methods=["post"])
    def introduce(self, request, pk=None):
        note = self._input(NoteSerializer).validated_data["note"]
        return self._respond(application_introduce(application=self.get_object(), actor_user=request.user, note=note))

    @extend_schema(
        summary=_("Accept a trial"),
        description=_("Takes one of the role's places; 409 when every place is taken. A role with all places "
                      "taken becomes filled."),
        request=NoteSerializer, responses=MOVE_RESPONSES, examples=[OVERBOOKED_EXAMPLE],
    )
    @action(detail=True, methods=["post"], url_path="start-trial")
    def start_trial(self, request, pk=None):
        note = self._input(NoteSerializer).validated_data["note"]
        return self._respond(application_start_trial(application=self.get_object(), actor_user=request.user,
                                                     note=note))

    @extend_schema(
        summary=_("Accept a placement"),
        description=_("Records the terms and plans retention checkpoints 1, 3, 6 and 12 months after the start."),
        request=PlaceSerializer, responses=MOVE_RESPONSES,
    )
    @action(detail=True, methods=["post"])
    def place(self, request, pk=None):
        serializer = self._input(PlaceSerializer)
        return self._respond(application_place(application=self.get_object(), actor_user=request.user,
                                               terms=serializer.terms(), note=serializer.validated_data["note"]))

    @extend_schema(summary=_("End a placement"), description=_("The reason is required; the place frees up."),
                   request=EndSerializer, responses=MOVE_RESPONSES)
    @action(detail=True, methods=["post"])
    def end(self, request, pk=None):
        data = self._input(EndSerializer).validated_data
        return self._respond(application_end(application=self.get_object(), actor_user=request.user,
                                             reason=data["reason"], end_date=data["end_date"]))

    @extend_schema(summary=_("Decline the candidate (employer or caseworker)"), request=NoteSerializer,
                   responses=MOVE_RESPONSES)
    @action(detail=True, methods=["post"])
    def decline(self, request, pk=None):
        note = self._input(NoteSerializer).validated_data["note"]
        return self._respond(application_decline(application=self.get_object(), actor_user=request.user, note=note))

    @extend_schema(summary=_("Withdraw (job seeker or caseworker)"), request=NoteSerializer,
                   responses=MOVE_RESPONSES)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        note = self._input(NoteSerializer).validated_data["note"]
        return self._respond(application_withdraw(application=self.get_object(), actor_user=request.user, note=note))
