"""Job carving: employers and caseworkers analyse jobs, get carved-role proposals and create them as drafts.

Employers reach their own organisations' analyses; caseworkers every analysis of their
municipality, and only they combine tasks of several employers into stapelbanen (bundles).
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.response import Response

from api.serializers.carving import (
    AcceptSerializer,
    BundleAcceptSerializer,
    BundleListSerializer,
    BundleParametersSerializer,
    CarvedRoleSerializer,
    CarvingResultSerializer,
    JobAnalysisSerializer,
    ProposalParametersSerializer,
    ReorderSerializer,
    TaskSerializer,
)
from api.views.base import ActorMixin
from marketplace.access import actor_for
from marketplace.exceptions import NotYourOrganisation
from marketplace.messages import ONLY_CARVERS, ONLY_SERVICE_TEAM_BUNDLES
from marketplace.models import Role
from marketplace.selectors.carving import (
    bundle_analyses,
    carved_role_get,
    carved_roles_of,
    job_analysis_list_visible,
    may_carve,
    organisations_to_carve_for,
    proposal_views,
    task_get,
    tasks_of,
)
from marketplace.services.bundles import bundle_accept, bundle_propose
from marketplace.services.carved_roles import carved_role_publish
from marketplace.services.carving_proposals import carving_accept, carving_propose
from marketplace.services.job_analyses import (
    job_analysis_create,
    job_analysis_update,
    task_create,
    task_delete,
    task_reorder,
    task_update,
)

# Ids in paths: digits that fit the database's integers; anything else is simply not found.
ID_PATTERN = "[0-9]{1,18}"
NOT_FOUND = OpenApiResponse(description=_("Not an analysis you may work on."))
PROPOSE_EXAMPLE = OpenApiExample(
    "Roles of 8 to 24 hours at the statutory minimum wage",
    request_only=True,
    value={"target_min_hours": 8, "target_max_hours": 24, "carved_hourly_wage": "14.40", "exclude_ids": []},
)
ACCEPT_EXAMPLE = OpenApiExample(
    "Create the first proposal as a draft role",
    request_only=True,
    value={"target_min_hours": 8, "target_max_hours": 24, "carved_hourly_wage": "14.40",
           "proposals": [{"index": 0, "task_ids": [31, 32, 33], "title": "Zorgondersteuner"}]},
)
BUNDLE_EXAMPLE = OpenApiExample(
    "A stapelbaan from a hospital and a supermarket",
    request_only=True,
    value={"analysis_ids": [4, 9], "target_min_hours": 8, "target_max_hours": 24, "travel_speed_kmh": 15},
)


class MayCarve(BasePermission):
    message = ONLY_CARVERS

    def has_permission(self, request, view):
        return may_carve(actor_for(request.user))


class MayBundle(BasePermission):
    message = ONLY_SERVICE_TEAM_BUNDLES

    def has_permission(self, request, view):
        return actor_for(request.user).is_caseworker


def _raise_if_empty(outcome) -> None:
    error = outcome.empty_error()
    if error is not None:
        raise error


@extend_schema_view(
    list=extend_schema(summary=_("List job analyses"), description=_(
        "Your organisations' analyses; for caseworkers every analysis of their municipality.")),
    retrieve=extend_schema(summary=_("Read a job analysis with its tasks")),
    create=extend_schema(summary=_("Analyse a job"), description=_(
        "An existing job of an employer: its title, the number of staff in it, the weekly hours of one position "
        "and the hourly cost. Add its tasks with the tasks endpoint.")),
    update=extend_schema(summary=_("Replace a job analysis")),
    partial_update=extend_schema(summary=_("Change a job analysis")),
)
class JobAnalysisViewSet(ActorMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                         mixins.UpdateModelMixin, viewsets.GenericViewSet):
    """Job analyses (werkanalyses) and their tasks, carved-role proposals, and accepting them as draft roles."""

    permission_classes = [IsAuthenticated, MayCarve]
    serializer_class = JobAnalysisSerializer
    lookup_value_regex = ID_PATTERN

    def get_queryset(self):
        return job_analysis_list_visible(actor=self.actor).with_tasks().prefetch_related("carved_roles")

    def get_serializer(self, *args, **kwargs):
        kwargs.setdefault("context", self.get_serializer_context())
        if self.get_serializer_class() is JobAnalysisSerializer:
            kwargs.setdefault("organisations", organisations_to_carve_for(actor=self.actor))
        return self.get_serializer_class()(*args, **kwargs)

    def _analysis_response(self, analysis, status_code=status.HTTP_200_OK):
        analysis = self.get_queryset().get(pk=analysis.pk)
        return Response(JobAnalysisSerializer(analysis, context=self.get_serializer_context()).data,
                        status=status_code)

    def _organisation(self, serializer):
        chosen = serializer.validated_data.pop("organisation", None)
        if chosen is not None:
            return chosen
        organisations = list(organisations_to_carve_for(actor=self.actor)[:2])
        if len(organisations) != 1:
            raise ValidationError({"organisation": [_("Choose the employer whose job this is.")]})
        return organisations[0]

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        organisation = self._organisation(serializer)
        analysis = job_analysis_create(actor=self.actor, organisation=organisation, data=serializer.validated_data)
        return self._analysis_response(analysis, status.HTTP_201_CREATED)

    def update(self, request, *args, partial=False, **kwargs):
        analysis = self.get_object()
        serializer = self.get_serializer(analysis, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data.pop("organisation", None)
        return self._analysis_response(job_analysis_update(actor=self.actor, analysis=analysis, data=data))

    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)

    # Tasks -----------------------------------------------------------------------------------------

    def _task(self, analysis, task_id):
        try:
            return task_get(analysis=analysis, task_id=task_id)
        except NotYourOrganisation:
            raise NotFound() from None

    @extend_schema(methods=["GET"], summary=_("List the tasks of a job"), responses=TaskSerializer(many=True))
    @extend_schema(methods=["POST"], summary=_("Add a task to a job"), request=TaskSerializer,
                   responses={201: TaskSerializer, 404: NOT_FOUND})
    @action(detail=True, methods=["get", "post"], serializer_class=TaskSerializer)
    def tasks(self, request, pk=None):
        analysis = self.get_object()
        if request.method == "GET":
            return Response(TaskSerializer(analysis.tasks.all(), many=True).data)
        serializer = TaskSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        task = task_create(actor=self.actor, analysis=analysis, **serializer.service_arguments())
        return Response(TaskSerializer(self._task(analysis, task.pk)).data, status=status.HTTP_201_CREATED)

    @extend_schema(methods=["GET"], summary=_("Read a task"), responses=TaskSerializer)
    @extend_schema(methods=["PATCH"], summary=_("Change a task"), request=TaskSerializer, responses=TaskSerializer)
    @extend_schema(methods=["DELETE"], summary=_("Delete a task"), responses={204: None})
    @action(detail=True, methods=["get", "patch", "delete"], url_path=r"tasks/(?P<task_id>[0-9]{1,18})",
            serializer_class=TaskSerializer)
    def task(self, request, pk=None, task_id=None):
        analysis = self.get_object()
        task = self._task(analysis, task_id)
        if request.method == "DELETE":
            task_delete(actor=self.actor, task=task)
            return Response(status=status.HTTP_204_NO_CONTENT)
        if request.method == "PATCH":
            serializer = TaskSerializer(task, data=request.data, partial=True)
            serializer.is_valid(raise_exception=True)
            task = task_update(actor=self.actor, task=task, **serializer.service_arguments())
            task = self._task(analysis, task.pk)
        return Response(TaskSerializer(task).data)

    @extend_schema(summary=_("Put the tasks in a new order"), request=ReorderSerializer,
                   responses=TaskSerializer(many=True))
    @action(detail=True, methods=["post"], url_path="tasks/reorder", serializer_class=ReorderSerializer)
    def reorder(self, request, pk=None):
        serializer = ReorderSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        analysis = self.get_object()
        task_reorder(actor=self.actor, analysis=analysis, task_ids=serializer.validated_data["task_ids"])
        return Response(TaskSerializer(tasks_of(analysis), many=True).data)

    # Proposals -------------------------------------------------------------------------------------

    def _proposals(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        analysis = self.get_object()
        return serializer, analysis

    @extend_schema(
        summary=_("Propose carved roles"),
        description=_(
            "Bundles the simple tasks (complexity 1 and 2) into roles of the target size without overlapping "
            "times, each with its business case: the yearly cost of its hours at the job's rate and at the carved "
            "wage, and the municipality's wage subsidy. When no role of the target size can be made, the answer "
            "is 400 with the reason under the field to change."
        ),
        request=ProposalParametersSerializer, responses={200: CarvingResultSerializer, 404: NOT_FOUND},
        examples=[PROPOSE_EXAMPLE],
    )
    @action(detail=True, methods=["post"], serializer_class=ProposalParametersSerializer)
    def propose(self, request, pk=None):
        serializer, analysis = self._proposals(request)
        outcome = carving_propose(actor=self.actor, analysis=analysis, parameters=serializer.parameters())
        _raise_if_empty(outcome)
        result = outcome.result
        data = {
            "proposals": proposal_views(result.proposals, tasks=outcome.tasks), "not_carved": result.not_carved,
            "hours_carved": result.hours_carved, "yearly_net_saving": result.yearly_net_saving,
            "subsidy_percent": outcome.subsidy_percent,
        }
        return Response(CarvingResultSerializer(data).data)

    @extend_schema(
        summary=_("Create chosen proposals as draft roles"),
        description=_(
            "Computes the proposals again from the same parameters and creates the chosen ones as draft carved "
            "roles of the analysis's employer, linked to the analysis and its tasks. Hours and tasks are never "
            "taken from the request. Publish them with the carved-roles publish action."
        ),
        request=AcceptSerializer, responses={201: CarvedRoleSerializer(many=True), 404: NOT_FOUND},
        examples=[ACCEPT_EXAMPLE],
    )
    @action(detail=True, methods=["post"], serializer_class=AcceptSerializer)
    def accept(self, request, pk=None):
        serializer, analysis = self._proposals(request)
        roles = carving_accept(actor=self.actor, analysis=analysis, parameters=serializer.parameters(),
                               choices=serializer.choices())
        roles = carved_roles_of(analysis=analysis).filter(pk__in=[role.pk for role in roles]).order_by("id")
        return Response(CarvedRoleSerializer(roles, many=True, context=self.get_serializer_context()).data,
                        status=status.HTTP_201_CREATED)

    @extend_schema(summary=_("List the roles carved from a job"), responses=CarvedRoleSerializer(many=True))
    @action(detail=True, methods=["get"], serializer_class=CarvedRoleSerializer)
    def roles(self, request, pk=None):
        roles = carved_roles_of(analysis=self.get_object())
        return Response(CarvedRoleSerializer(roles, many=True, context=self.get_serializer_context()).data)


class BundleViewSet(ActorMixin, viewsets.GenericViewSet):
    """Stapelbanen: simple tasks of several employers of one municipality combined into one role.

    Tasks combine when their times do not overlap and the worker can travel between consecutive sites in the
    gap between them at the stated speed. Only caseworkers of the municipality use this.
    """

    permission_classes = [IsAuthenticated, MayBundle]
    serializer_class = BundleParametersSerializer

    def _analyses(self, ids):
        found = list(bundle_analyses(actor=self.actor).filter(pk__in=ids))
        if len(found) != len(set(ids)):
            raise NotFound(_("Not every analysis is one of your municipality."))
        return found

    @extend_schema(
        summary=_("Propose stapelbanen"),
        description=_("Combined jobs from the simple tasks of the chosen analyses, with the travel between sites "
                      "and the total distance per week. When none can be made, 400 names the field to change."),
        request=BundleParametersSerializer, responses={200: BundleListSerializer}, examples=[BUNDLE_EXAMPLE],
    )
    def create(self, request):
        serializer = BundleParametersSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        outcome = bundle_propose(actor=self.actor, analyses=self._analyses(serializer.validated_data["analysis_ids"]),
                                 parameters=serializer.parameters())
        _raise_if_empty(outcome)
        views = proposal_views(outcome.proposals, tasks=outcome.tasks, organisations=outcome.organisations)
        return Response(BundleListSerializer({"proposals": views}).data)

    @extend_schema(
        summary=_("Create a stapelbaan as one draft role"),
        description=_("Computes the bundles again and creates the chosen one as a draft role of the employer of "
                      "record, naming every participating organisation."),
        request=BundleAcceptSerializer, responses={201: CarvedRoleSerializer},
    )
    @action(detail=False, methods=["post"], serializer_class=BundleAcceptSerializer)
    def accept(self, request):
        serializer = BundleAcceptSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        role = bundle_accept(actor=self.actor, analyses=self._analyses(data["analysis_ids"]),
                             parameters=serializer.parameters(), choice=serializer.choice(),
                             employer_of_record_id=data["employer_of_record"])
        role = carved_role_get(actor=self.actor, role_id=role.pk)
        return Response(CarvedRoleSerializer(role, context=self.get_serializer_context()).data,
                        status=status.HTTP_201_CREATED)


class CarvedRoleViewSet(ActorMixin, viewsets.GenericViewSet):
    """Roles made by carving or bundling, for their employer of record and the caseworkers of the municipality."""

    permission_classes = [IsAuthenticated, MayCarve]
    serializer_class = CarvedRoleSerializer
    queryset = Role.objects.none()  # for the schema: rows are found through carved_role_get()
    lookup_value_regex = ID_PATTERN

    def _role(self, pk):
        try:
            return carved_role_get(actor=self.actor, role_id=pk)
        except NotYourOrganisation:
            raise NotFound() from None

    @extend_schema(summary=_("Read a carved role"), responses={200: CarvedRoleSerializer, 404: NOT_FOUND})
    def retrieve(self, request, pk=None):
        return Response(CarvedRoleSerializer(self._role(pk), context=self.get_serializer_context()).data)

    @extend_schema(summary=_("Publish a carved role or stapelbaan"), request=None,
                   responses={200: CarvedRoleSerializer, 404: NOT_FOUND,
                              409: OpenApiResponse(description=_("The role is not a draft."))})
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        role = carved_role_publish(actor=self.actor, role=self._role(pk))
        return Response(CarvedRoleSerializer(self._role(role.pk), context=self.get_serializer_context()).data)
