"""Neighbourhood service requests: associations and residents ask, and follow their own requests."""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle

from api.serializers.service_requests import ServiceRequestSerializer, ServiceRequestWriteSerializer
from api.views.base import ActorMixin
from marketplace.choices import OrganisationKind
from marketplace.models import ServiceRequest
from marketplace.selectors.service_requests import service_request_list_of_requester, service_request_with_history
from marketplace.services.service_requests import service_request_submit

SERVICE_REQUEST_EXAMPLE = OpenApiExample(
    "A resident asks for help in the garden",
    request_only=True,
    value={
        "category": "groenonderhoud",
        "description": "De heg langs de stoep is te hoog geworden. Ik kan zelf niet meer goed knippen.",
        "street": "Lindelaan 12",
        "postcode": "1234 AB",
        "city": "Havenstad",
        "frequency": "monthly",
        "timing_notes": "Liefst op dinsdagochtend",
        "requester_name": "Mevrouw Jansen",
        "requester_email": "jansen@example.nl",
        "requester_phone": "06 12345678",
    },
)


class AnonServiceRequestThrottle(AnonRateThrottle):
    """Anonymous requesters may send a few requests an hour (see THROTTLE_ANON_SERVICE_REQUESTS)."""

    scope = "anon_service_request"


@extend_schema_view(
    list=extend_schema(
        summary=_("List your association's requests"),
        description=_("The requests of the associations you act for, newest first. Others get an empty list."),
    ),
    retrieve=extend_schema(summary=_("Read one of your association's requests")),
    create=extend_schema(
        summary=_("Ask for a neighbourhood service"),
        description=_(
            "People acting for an association ask on its behalf; anyone else asks as a resident and must give "
            "name, e-mail and phone. Anonymous requests are limited to a few an hour (429 when exceeded). The "
            "requester gets an e-mail with a personal link to follow the request."
        ),
        request=ServiceRequestWriteSerializer,
        responses={201: ServiceRequestSerializer},
        examples=[SERVICE_REQUEST_EXAMPLE],
    ),
)
class ServiceRequestViewSet(ActorMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                            viewsets.GenericViewSet):
    serializer_class = ServiceRequestSerializer
    queryset = ServiceRequest.objects.none()

    def get_permissions(self):
        return [AllowAny()] if self.action == "create" else [IsAuthenticated()]

    def get_throttles(self):
        return [AnonServiceRequestThrottle()] if self.action == "create" else super().get_throttles()

    def get_queryset(self):
        requests = service_request_list_of_requester(actor=self.actor).order_by("-created_at", "-id")
        return service_request_with_history(requests)

    def create(self, request, *args, **kwargs):
        write = ServiceRequestWriteSerializer(data=request.data)
        write.is_valid(raise_exception=True)
        data = dict(write.validated_data)
        associations = [org for org in self.actor.organisations if org.kind == OrganisationKind.ASSOCIATION]
        service_request = service_request_submit(
            organisation=associations[0] if associations else None,
            created_by=request.user if request.user.is_authenticated else None,
            language=(get_language() or "nl")[:2], **data,
        )
        service_request = service_request_with_history(ServiceRequest.objects.with_relations()).get(
            pk=service_request.pk
        )
        return Response(self.get_serializer(service_request).data, status=status.HTTP_201_CREATED)
