"""Job seekers for caseworkers of their municipality; the draaglast only through a read that states a purpose."""

from django.utils.cache import add_never_cache_headers
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from api.filters import SeekerFilter
from api.permissions import IsCaseworker
from api.serializers.seekers import (
    BurdenHistoryPurposeSerializer,
    BurdenHistorySerializer,
    BurdenReadPurposeSerializer,
    BurdenReadSerializer,
    SeekerProfileSerializer,
    SeekerSummarySerializer,
    SeekerWriteSerializer,
)
from api.views.base import ActorMixin
from marketplace.models import JobSeeker
from marketplace.selectors.seekers import (
    seeker_burden_for_staff,
    seeker_burden_history_for_staff,
    seeker_list_for_staff,
)
from marketplace.services.seekers import seeker_create, seeker_update

WRITES_THE_BURDEN = _(
    "A `burden` object in the request sets those draaglast fields; the answer never shows the draaglast "
    "(read it with `POST /api/v1/seekers/{id}/burden/read/`)."
)


@extend_schema_view(
    list=extend_schema(
        summary=_("List the caseload"),
        description=_("Job seekers of your municipality. Lists carry no sensitive data and no contact details."),
    ),
    retrieve=extend_schema(
        summary=_("Read a job seeker"),
        description=_(
            "The record without the draaglast. To see the draaglast, use `POST /api/v1/seekers/{id}/burden/read/` "
            "with the purpose of your read."
        ),
        responses=SeekerProfileSerializer,
    ),
    create=extend_schema(summary=_("Add a job seeker"), description=WRITES_THE_BURDEN,
                         request=SeekerWriteSerializer, responses={201: SeekerProfileSerializer}),
    update=extend_schema(summary=_("Replace a job seeker's record"), description=WRITES_THE_BURDEN,
                         request=SeekerWriteSerializer, responses=SeekerProfileSerializer),
    partial_update=extend_schema(
        summary=_("Change a job seeker's record"),
        description=format_lazy(
            "{} {}", _("A changed `rung` is recorded as a dated step on the participation ladder."), WRITES_THE_BURDEN
        ),
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
        return seekers if self.action in {"list", "read_burden", "burden_history"} else seekers.with_profile_relations()

    def get_serializer_class(self):
        if self.action in {"create", "update", "partial_update"}:
            return SeekerWriteSerializer
        if self.action == "read_burden":
            return BurdenReadPurposeSerializer
        if self.action == "burden_history":
            return BurdenHistoryPurposeSerializer
        return SeekerSummarySerializer if self.action == "list" else SeekerProfileSerializer

    def _respond(self, seeker: JobSeeker, status_code=status.HTTP_200_OK):
        seeker = self.get_queryset().get(pk=seeker.pk)
        return Response(SeekerProfileSerializer(seeker, context=self.get_serializer_context()).data,
                        status=status_code)

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        seeker = seeker_create(actor=self.actor, **serializer.service_arguments())
        return self._respond(seeker, status.HTTP_201_CREATED)

    def update(self, request, *args, partial=False, **kwargs):
        seeker = self.get_object()
        serializer = self.get_serializer(seeker, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        seeker = seeker_update(actor=self.actor, seeker=seeker, **serializer.service_arguments())
        return self._respond(seeker)

    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)

    @extend_schema(
        summary=_("Read a job seeker's draaglast, stating why"),
        description=_(
            "Per category (debts, language gap, health, care duties, housing, addiction, other) a note and a "
            "severity (0 none, 1 light, 2 serious, 3 blocking, null not assessed, each with its label), and the "
            "street address. Send the purpose of this read in the "
            "body (never in the URL): it is written to the sensitive-data access log with your name, the job "
            "seeker, the fields and the time, in the same transaction as the read, and the job seeker sees "
            "it under \"my data\". Ask only for the fields you need. Without a purpose, with a blank one or "
            "one without words, the answer is 400 naming `purpose`, and nothing is read or logged. Only "
            "caseworkers of the job seeker's municipality; for everyone else the job seeker does not exist "
            "(404). Every call is a new read with its own log entry; the answer is not stored by caches."
        ),
        request=BurdenReadPurposeSerializer,
        responses={
            200: BurdenReadSerializer,
            400: OpenApiResponse(description=_("No purpose, a blank or meaningless one, or an unknown field.")),
            404: OpenApiResponse(description=_("No job seeker with this id in your municipality.")),
        },
    )
    @action(detail=True, methods=["post"], url_path="burden/read", url_name="burden-read")
    def read_burden(self, request, *args, **kwargs):
        seeker = self.get_object()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        read = seeker_burden_for_staff(actor=self.actor, seeker=seeker, purpose=serializer.validated_data["purpose"],
                                       fields=serializer.validated_data.get("fields"))
        response = Response(BurdenReadSerializer(read).data)
        add_never_cache_headers(response)
        return response

    @extend_schema(
        summary=_("Read the versions of a job seeker's draaglast, stating why"),
        description=_(
            "Every saved version of the whole draaglast, newest first, with who recorded it, when, and what "
            "changed since the version before. As sensitive as the draaglast itself: the purpose goes in the "
            "body, is written to the access log in the same transaction, and the job seeker sees it. Without a "
            "meaningful purpose the answer is 400 naming `purpose` and nothing is read or logged; for a job "
            "seeker of another municipality it is 404."
        ),
        request=BurdenHistoryPurposeSerializer,
        responses={
            200: BurdenHistorySerializer,
            400: OpenApiResponse(description=_("No purpose, or a blank or meaningless one.")),
            404: OpenApiResponse(description=_("No job seeker with this id in your municipality.")),
        },
    )
    @action(detail=True, methods=["post"], url_path="burden/history", url_name="burden-history")
    def burden_history(self, request, *args, **kwargs):
        seeker = self.get_object()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        history = seeker_burden_history_for_staff(actor=self.actor, seeker=seeker,
                                                  purpose=serializer.validated_data["purpose"])
        response = Response(BurdenHistorySerializer(history).data)
        add_never_cache_headers(response)
        return response
