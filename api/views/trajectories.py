"""Trajectories: a provider's staff read their clients' trajectories and report progress; caseworkers read and
report on the trajectories of their municipality.

Provider staff reach only their own organisation's trajectories that the person consented to share;
caseworkers reach every trajectory of their municipality. Anything else does not exist (404);
everyone else is refused (403). A report with a ``result`` is the final report and ends the trajectory.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from api.permissions import IsProviderStaffOrCaseworker
from api.serializers.trajectories import (
    ProgressReportSerializer,
    ProgressReportWriteSerializer,
    TrajectoryRowSerializer,
    TrajectorySerializer,
)
from api.views.base import BAD_INPUT, ActorMixin
from marketplace.models import InstrumentAssignment
from marketplace.selectors.trajectories import (
    report_written,
    trajectories_for,
    trajectory_assignment,
    trajectory_for,
)
from marketplace.services.progress_reports import progress_report_add

NOT_FOUND = OpenApiResponse(description=_("No such trajectory among yours."))
CLOSED = OpenApiResponse(description=_("The trajectory has ended or was cancelled."))


@extend_schema_view(
    list=extend_schema(
        summary=_("List planned and running trajectories"),
        description=_("For a provider's staff: the clients of their organisation who consented to share their "
                      "details. For caseworkers: every trajectory of their municipality."),
    ),
    retrieve=extend_schema(summary=_("Read a trajectory with its progress reports"),
                           responses={200: TrajectorySerializer, 404: NOT_FOUND}),
)
class TrajectoryViewSet(ActorMixin, viewsets.GenericViewSet):
    permission_classes = [IsProviderStaffOrCaseworker]
    serializer_class = TrajectorySerializer
    queryset = InstrumentAssignment.objects.none()  # types the path's id in the schema; reads use the selectors

    def get_serializer_class(self):
        return TrajectoryRowSerializer if self.action == "list" else TrajectorySerializer

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(trajectories_for(self.actor))
        return self.get_paginated_response(TrajectoryRowSerializer(page, many=True).data)

    def retrieve(self, request, *args, **kwargs):
        return Response(TrajectorySerializer(self._trajectory()).data)

    @extend_schema(
        summary=_("Report progress on a trajectory"),
        description=_("A dated report, today or earlier and not before the start. With a `result` it is the final "
                      "report: the trajectory ends on the report's date. A report cannot be changed afterwards."),
        request=ProgressReportWriteSerializer,
        responses={201: ProgressReportSerializer, 400: BAD_INPUT, 404: NOT_FOUND, 409: CLOSED},
    )
    @action(detail=True, methods=["post"], url_path="reports")
    def reports(self, request, *args, **kwargs):
        try:
            assignment = trajectory_assignment(self.actor, self.kwargs["pk"])
        except InstrumentAssignment.DoesNotExist:
            raise NotFound() from None
        data = self.valid(ProgressReportWriteSerializer)
        report = progress_report_add(actor=self.actor, assignment=assignment, **data)
        return Response(ProgressReportSerializer(report_written(report)).data, status=status.HTTP_201_CREATED)

    def _trajectory(self):
        try:
            return trajectory_for(self.actor, self.kwargs["pk"])
        except InstrumentAssignment.DoesNotExist:
            raise NotFound() from None
