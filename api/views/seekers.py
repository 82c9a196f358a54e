"""Job seekers for caseworkers of their municipality; the detail view logs its sensitive read."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from api.filters import SeekerFilter
from api.permissions import IsCaseworker
from api.serializers.seekers import SeekerProfileSerializer, SeekerSummarySerializer, SeekerWriteSerializer
from api.views.base import ActorMixin
from marketplace.models import JobSeeker
from marketplace.selectors.seekers import seeker_burden_for_staff, seeker_list_for_staff
from marketplace.services.seekers import seeker_create, seeker_update

PURPOSE_MAX_LENGTH = 200
PURPOSE_PARAMETER = OpenApiParameter(
    "purpose", str, description=_("Why you open this record; written to the access log with your name."),
)
DEFAULT_PURPOSES = {
    "retrieve": "Opened the job seeker record through the API",
    "create": "Created the job seeker record through the API",
    "update": "Changed the job seeker record through the API",
    "partial_update": "Changed the job seeker record through the API",
}


@extend_schema_view(
    list=extend_schema(
        summary=_("List the caseload"),
        description=_("Job seekers of your municipality. Lists carry no sensitive data and no contact details."),
    ),
    retrieve=extend_schema(
        summary=_("Read a job seeker"),
        description=_(
            "The whole record including the draaglast (`burden`). Every read is written to the sensitive-data "
            "access log with your name and the purpose."
        ),
        parameters=[PURPOSE_PARAMETER],
        responses=SeekerProfileSerializer,
    ),
    create=extend_schema(summary=_("Add a job seeker"), request=SeekerWriteSerializer,
                         responses={201: SeekerProfileSerializer}),
    update=extend_schema(summary=_("Replace a job seeker's record"), request=SeekerWriteSerializer,
                         responses=SeekerProfileSerializer),
    partial_update=extend_schema(
        summary=_("Change a job seeker's record"),
        description=_("A changed `rung` is recorded as a dated step on the participation ladder."),
        request=SeekerWriteSerializer, responses=SeekerProfileSerializer,
    ),
)
class SeekerViewSet(ActorMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The caseload: job seekers of the caseworker's own municipality, and nobody else's."""

    permission_classes = [IsCaseworker]
    filterset_class = SeekerFilter
    serializer_class = SeekerSummarySerializer

    def get_queryset(self):
        seekers = seeker_list_for_staff(actor=self.actor)
        return seekers if self.action == "list" else seekers.with_profile_relations()

    def get_serializer_class(self):
        if self.action in {"create", "update", "partial_update"}:
            return SeekerWriteSerializer
        return SeekerSummarySerializer if self.action == "list" else SeekerProfileSerializer

    def _purpose(self) -> str:
        purpose = self.request.query_params.get("purpose", "").strip()
        if len(purpose) > PURPOSE_MAX_LENGTH:
            raise ValidationError({"purpose": [_("At most 200 characters.")]})
        return purpose or DEFAULT_PURPOSES[self.action]

    def _respond(self, seeker: JobSeeker, status_code=status.HTTP_200_OK):
        purpose = self._purpose()
        seeker = self.get_queryset().get(pk=seeker.pk)
        burden = seeker_burden_for_staff(actor=self.actor, seeker=seeker, purpose=purpose)
        context = {**self.get_serializer_context(), "burden": burden}
        return Response(SeekerProfileSerializer(seeker, context=context).data, status=status_code)

    def retrieve(self, request, *args, **kwargs):
        return self._respond(self.get_object())

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        self._purpose()  # a bad purpose must fail before anything is written
        seeker = seeker_create(actor=self.actor, **serializer.service_arguments())
        return self._respond(seeker, status.HTTP_201_CREATED)

    def update(self, request, *args, partial=False, **kwargs):
        seeker = self.get_object()
        serializer = self.get_serializer(seeker, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        self._purpose()
        seeker = seeker_update(actor=self.actor, seeker=seeker, **serializer.service_arguments())
        return self._respond(seeker)

    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)
