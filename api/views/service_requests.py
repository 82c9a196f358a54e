"""Neighbourhood service requests: associations and residents ask, and follow their own requests."""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from api.exceptions import Throttled
from api.serializers.service_requests import ServiceRequestSerializer, ServiceRequestWriteSerializer
from api.views.base import ActorMixin
from marketplace.choices import OrganisationKind
from marketplace.models import ServiceRequest
from marketplace.ratelimit import client_address
from marketplace.selectors.service_requests import service_request_list_of_requester, service_request_with_history
from marketplace.services.service_requests import service_request_submit
from marketplace.throttles import service_request_limit

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
            "name, e-mail and phone. Anonymous requests are limited to a few an hour per address, counted "
            "together with the form on the website (429 with Retry-After in seconds when exceeded). The "
            "requester gets an e-mail with a personal link to follow the request."
        ),
        request=ServiceRequestWriteSerializer,
        responses={201: ServiceRequestSerializer,
                   429: OpenApiResponse(description=_("Too many requests from your address; see Retry-After."))},
        examples=[SERVICE_REQUEST_EXAMPLE],
    ),
)
class ServiceRequestViewSet(ActorMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                            viewsets.GenericViewSet):
    serializer_class = ServiceRequestSerializer
    queryset = ServiceRequest.objects.none()

    def get_permissions(self):
        return [AllowAny()] if self.action == "create" else [IsAuthenticated()]

    def get_queryset(self):
        requests = service_request_list_of_requester(actor=self.actor).order_by("-created_at", "-id")
        return service_request_with_history(requests)

    def create(self, request, *args, **kwargs):
        # Anonymous requests count against one limit per client address, shared with the public form.
        anonymous = not request.user.is_authenticated
        limit, address = service_request_limit(), client_address(request.META)
        if anonymous and limit.is_exceeded(address):
            self._too_many_requests(limit)
        write = ServiceRequestWriteSerializer(data=request.data)
        write.is_valid(raise_exception=True)
        # Counted before the request is stored, atomically: simultaneous posts cannot slip past the limit.
        if anonymous and not limit.attempt(address):
            self._too_many_requests(limit)
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

    @staticmethod
    def _too_many_requests(limit):
        raise Throttled(wait=limit.window, detail=str(_(
            "You have sent several requests in a short time, through this API or the form on the website. "
            "Please wait and try again later, or call the municipality."
        )))
