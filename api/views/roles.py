"""Roles: anyone reads published ones; people acting for an organisation write their own."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from api.filters import RoleFilter
from api.permissions import IsOrganisationMemberOrReadOnly
from api.serializers.roles import RoleSerializer, RoleWriteSerializer
from api.views.base import ActorMixin
from marketplace.selectors.roles import role_list_editable, role_list_visible
from marketplace.services.roles import role_close, role_create, role_mark_filled, role_publish, role_update

WRITE_ACTIONS = frozenset({"update", "partial_update", "publish", "close", "fill"})

ROLE_CREATE_EXAMPLE = OpenApiExample(
    "A carved task in a bakery",
    request_only=True,
    value={
        "kind": "carved_task",
        "title": "Broodkratten klaarzetten",
        "description": "Elke ochtend de kratten voor de winkels klaarzetten, met een vaste collega.",
        "hours_min": 8,
        "hours_max": 16,
        "weekdays": ["mon", "wed", "fri"],
        "language_level_required": "A2",
        "support_offered": ["job_coach", "flexible_hours"],
        "physical_demands": ["long_standing"],
        "target_rung": 5,
        "places": 2,
        "hourly_wage": "14.40",
        "street": "Marktstraat 1",
        "postcode": "1234ab",
        "city": "Havenstad",
        "skills": [{"skill": 3, "level": 2, "required": True}, {"skill": 7, "level": 1, "required": False}],
    },
)
ROLE_LIST_EXAMPLE = OpenApiExample(
    "Published roles near a point",
    response_only=True,
    value={
        "count": 1,
        "next": None,
        "previous": None,
        "results": [{
            "id": 12, "title": "Broodkratten klaarzetten", "description": "Elke ochtend de kratten klaarzetten.",
            "kind": "carved_task", "status": "published", "organisation": {"id": 4, "name": "Bakkerij Zon"},
            "municipality": {"id": 1, "name": "Havenstad", "cbs_code": "GM9901"}, "hours_min": 8,
            "hours_max": 16, "weekdays": ["mon", "wed", "fri"], "start_date": None, "end_date": None,
            "language_level_required": "A2", "physical_demands": ["long_standing"],
            "support_offered": ["job_coach", "flexible_hours"], "target_rung": 5, "places": 2,
            "hourly_wage": "14.40", "volunteer_allowance": None, "at_requester_address": False, "street": None,
            "postcode": "1234 AB", "city": "Havenstad", "latitude": 52.37, "longitude": 4.89, "distance_km": 1.2,
            "skills": [{"skill": 3, "name": "Inpakken", "level": 2, "required": True}],
            "published_at": "2025-03-01T09:00:00+01:00",
        }],
    },
)
TRANSITION_RESPONSES = {
    200: RoleSerializer,
    404: OpenApiResponse(description=_("Not a role of your organisation.")),
    409: OpenApiResponse(description=_("The workflow does not allow this move from the current status.")),
}


@extend_schema_view(
    list=extend_schema(
        summary=_("List roles"),
        description=_(
            "Published roles for everyone; people acting for an organisation also see their own roles in every "
            "status, caseworkers every role of their municipality. Filter by kind, skill, hours, weekday, "
            "language level, support, municipality, a point with `near` and `radius_km`, and text `q`. "
            "No personal data appears in these responses."
        ),
        parameters=[OpenApiParameter(
            "skill", int, many=True, explode=True,
            description=RoleFilter.base_filters["skill"].extra["help_text"],
        )],
        examples=[ROLE_LIST_EXAMPLE],
    ),
    retrieve=extend_schema(summary=_("Read a role")),
    update=extend_schema(summary=_("Replace a role's content"), request=RoleWriteSerializer,
                         responses={200: RoleSerializer}),
    partial_update=extend_schema(summary=_("Change a role's content"), request=RoleWriteSerializer,
                                 responses={200: RoleSerializer}),
)
class RoleViewSet(ActorMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Roles: carved tasks, part-time work, buurtdiensten and more. Anyone reads published roles;
    people acting for an organisation create and change that organisation's roles, and move them
    through the workflow draft → published → filled → closed (or published → closed)."""

    permission_classes = [IsOrganisationMemberOrReadOnly]
    filterset_class = RoleFilter
    serializer_class = RoleSerializer

    def get_queryset(self):
        if self.action in WRITE_ACTIONS:
            return role_list_editable(actor=self.actor)
        return role_list_visible(actor=self.actor)

    def get_serializer_class(self):
        if self.action in {"create", "update", "partial_update"}:
            return RoleWriteSerializer
        return RoleSerializer

    def _respond(self, role, status_code=status.HTTP_200_OK):
        role = role_list_visible(actor=self.actor).get(pk=role.pk)
        return Response(RoleSerializer(role, context=self.get_serializer_context()).data, status=status_code)

    @extend_schema(
        summary=_("Create a role"),
        description=_(
            "Creates a draft role for one of your organisations, in that organisation's municipality. "
            "Without coordinates, the centre of the postcode area is used. Publish it with the publish action."
        ),
        request=RoleWriteSerializer,
        responses={201: RoleSerializer},
        examples=[ROLE_CREATE_EXAMPLE],
    )
    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        role = role_create(actor=self.actor, organisation=serializer.organisation_for_create(),
                           **serializer.service_arguments())
        return self._respond(role, status.HTTP_201_CREATED)

    def update(self, request, *args, partial=False, **kwargs):
        role = self.get_object()
        serializer = self.get_serializer(role, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        role = role_update(actor=self.actor, role=role, **serializer.service_arguments())
        return self._respond(role)

    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)

    @extend_schema(summary=_("Publish a draft role"), request=None, responses=TRANSITION_RESPONSES)
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        return self._respond(role_publish(actor=self.actor, role=self.get_object()))

    @extend_schema(summary=_("Mark a published role as filled"), request=None, responses=TRANSITION_RESPONSES)
    @action(detail=True, methods=["post"])
    def fill(self, request, pk=None):
        return self._respond(role_mark_filled(actor=self.actor, role=self.get_object()))

    @extend_schema(summary=_("Close a published or filled role"), request=None, responses=TRANSITION_RESPONSES)
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        return self._respond(role_close(actor=self.actor, role=self.get_object()))
