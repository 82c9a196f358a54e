"""Reads of neighbourhood service requests, scoped to who is asking."""

from django.db.models import Prefetch

from marketplace.access import Actor
from marketplace.choices import OrganisationKind
from marketplace.models import Role, ServiceCategory, ServiceRequest, ServiceRequestStatusChange
from marketplace.models.service_requests import ServiceRequestQuerySet


def service_category_list_open():
    return ServiceCategory.objects.filter(is_active=True)


def service_request_list_of_requester(*, actor: Actor) -> ServiceRequestQuerySet:
    """The requests of the associations the actor acts for; nothing for anyone else."""
    association_ids = actor.organisation_ids_of_kind(OrganisationKind.ASSOCIATION)
    return ServiceRequest.objects.of_organisations(association_ids).with_relations()


def service_request_with_history(requests: ServiceRequestQuerySet) -> ServiceRequestQuerySet:
    """Add the status history and the planned roles, in two extra queries whatever the number of requests."""
    return requests.prefetch_related(
        Prefetch("status_changes", queryset=ServiceRequestStatusChange.objects.order_by("at", "id")),
        Prefetch("roles", queryset=Role.objects.order_by("id")),
    )


def service_request_by_token(*, token: str) -> ServiceRequest | None:
    """The request behind a status link; None for unknown or malformed tokens."""
    if not token or len(token) > 64:
        return None
    return service_request_with_history(ServiceRequest.objects.with_relations()).filter(token=token).first()
