"""Writes for neighbourhood service requests: submit, move through the workflow, plan as roles.

Every write records a status change and, in the same transaction, the e-mail that tells the
requester (the notification outbox), so a failed write sends nothing and a committed one always does.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from marketplace.choices import OrganisationKind, RoleKind, RoleStatus
from marketplace.exceptions import NotAllowed
from marketplace.models import (
    Municipality,
    Organisation,
    PostcodeArea,
    Role,
    ServiceCategory,
    ServiceFrequency,
    ServiceRequest,
    ServiceRequestStatus,
    ServiceRequestStatusChange,
)
from marketplace.models.service_requests import REASON_MAX_LENGTH
from marketplace.services.notifications import notification_record_for_service_request
from marketplace.services.organisations import organisation_employment_for
from marketplace.validators import normalise_phone, normalise_postcode
from marketplace.workflows.base import CASEWORKER
from marketplace.workflows.service_requests import SERVICE_REQUEST_WORKFLOW

MAX_ROLES_PER_PLAN = 10


@dataclass(frozen=True)
class RolePlan:
    """What staff decide when they plan a request: the shape of the roles and how many."""

    title: str
    description: str
    hours_min: int
    hours_max: int
    weekdays: int
    count: int = 1
    places: int = 1
    start_date: date | None = None
    end_date: date | None = None
    hourly_wage: Decimal | None = None
    volunteer_allowance: Decimal | None = None


@transaction.atomic
def service_request_submit(
    *,
    category: ServiceCategory,
    description: str,
    street: str,
    postcode: str,
    city: str = "",
    frequency: str = ServiceFrequency.ONCE,
    preferred_date: date | None = None,
    timing_notes: str = "",
    municipality: Municipality | None = None,
    organisation: Organisation | None = None,
    requester_name: str = "",
    requester_email: str = "",
    requester_phone: str = "",
    created_by=None,
    language: str = "nl",
) -> ServiceRequest:
    """Store a request and e-mail the requester a link to follow it.

    The municipality comes from the association, else from ``municipality`` (the site's), else
    from the postcode area. Text is stored exactly as typed; templates escape it on output.
    Raises ValidationError keyed by field when anything is missing or invalid.
    """
    errors: dict[str, list] = {}
    postcode = _clean_into(errors, "postcode", normalise_postcode, postcode)
    if requester_phone:
        requester_phone = _clean_into(errors, "requester_phone", normalise_phone, requester_phone)
    if not category.is_active:
        errors["category"] = [_("This service cannot be requested at the moment.")]
    if organisation is not None:
        if organisation.kind != OrganisationKind.ASSOCIATION:
            errors["organisation"] = [_("Only associations can ask for a neighbourhood service.")]
        municipality = organisation.municipality
    else:
        contact = {"requester_name": requester_name, "requester_email": requester_email,
                   "requester_phone": requester_phone}
        for field, value in contact.items():
            if not value and field not in errors:
                errors[field] = [_("Fill in your name, e-mail and phone so that we can reach you.")]
    area = PostcodeArea.objects.filter(digits=postcode[:4]).first() if "postcode" not in errors else None
    if "postcode" not in errors:
        municipality = _municipality_for_postcode(errors, municipality, area)
    if errors:
        raise ValidationError(errors)

    service_request = ServiceRequest(
        municipality=municipality, category=category, organisation=organisation,
        requester_name=requester_name, requester_email=requester_email, requester_phone=requester_phone,
        description=description, street=street, postcode=postcode, city=city,
        latitude=area.latitude if area else None, longitude=area.longitude if area else None,
        frequency=frequency, preferred_date=preferred_date, timing_notes=timing_notes,
        language=language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE,
        created_by=created_by,
    )
    service_request.full_clean()
    service_request.save()
    _record_change(service_request, "", ServiceRequestStatus.SUBMITTED, by=created_by)
    notification_record_for_service_request(service_request=service_request)
    return service_request


def _clean_into(errors: dict, field: str, normalise, value: str) -> str:
    try:
        return normalise(value)
    except ValidationError as error:
        errors[field] = error.messages
        return value


def _municipality_for_postcode(errors: dict, municipality: Municipality | None,
                               area: PostcodeArea | None) -> Municipality | None:
    """The request's municipality: the one named (by the association, the site or the client), else the
    one of the postcode area. The postcode must lie in the municipality named: it is refused when its area
    belongs to another municipality, and when the municipality has its areas on record and this is none
    of them. (For a municipality without areas on record there is nothing to check against.)"""
    outside = municipality is not None and (
        area.municipality_id != municipality.pk if area is not None
        else PostcodeArea.objects.filter(municipality=municipality).exists()
    )
    if outside:
        errors["postcode"] = [
            _("This postcode is not in %(municipality)s. Ask your own municipality.")
            % {"municipality": municipality.name}
        ]
    elif municipality is None and area is None:
        errors["postcode"] = [_("We do not offer neighbourhood services in this postcode area yet.")]
    return municipality or (area.municipality if area else None)


@transaction.atomic
def service_request_set_status(
    *, service_request: ServiceRequest, to_status: str, by, reason: str = ""
) -> ServiceRequest:
    """Move a request to triaged, done or rejected; a rejection needs a reason the requester will read."""
    locked = ServiceRequest.objects.select_for_update(of=("self",)).get(pk=service_request.pk)
    if to_status == ServiceRequestStatus.PLANNED:
        raise NotAllowed(_("A request is planned by creating its roles."), field="status")
    SERVICE_REQUEST_WORKFLOW.check(locked.status, to_status, (CASEWORKER,))
    reason = (reason or "").strip()
    if to_status == ServiceRequestStatus.REJECTED:
        if not reason:
            raise ValidationError({"reason": [_("Give the reason for the rejection; the requester will read it.")]})
        if len(reason) > REASON_MAX_LENGTH:
            raise ValidationError({"reason": [_("Use at most %(max)d characters.") % {"max": REASON_MAX_LENGTH}]})
        locked.rejection_reason = reason
    from_status = locked.status
    locked.status = to_status
    locked.save(update_fields=["status", "rejection_reason", "updated_at"])
    _record_change(locked, from_status, to_status, by=by, note=reason)
    notification_record_for_service_request(service_request=locked)
    return locked


@transaction.atomic
def service_request_plan_roles(*, service_request: ServiceRequest, plan: RolePlan, by) -> list[Role]:
    """Create ``plan.count`` published buurtdienst roles for a triaged request and mark it planned.

    The roles belong to the requesting association, or else to the municipality's employment
    organisation (created when the municipality has none yet). They show the postcode area's
    centre and never the requester's street.
    """
    locked = ServiceRequest.objects.select_for_update(of=("self",)).select_related("municipality", "organisation").get(
        pk=service_request.pk
    )
    SERVICE_REQUEST_WORKFLOW.check(locked.status, ServiceRequestStatus.PLANNED, (CASEWORKER,))
    if not 1 <= plan.count <= MAX_ROLES_PER_PLAN:
        raise ValidationError({"count": [_("Plan from 1 to %(max)d roles at a time.") % {"max": MAX_ROLES_PER_PLAN}]})
    organisation = locked.organisation or organisation_employment_for(municipality=locked.municipality)
    now = timezone.now()
    roles = []
    for _number in range(plan.count):
        role = Role(
            organisation=organisation, municipality=locked.municipality, kind=RoleKind.BUURTDIENST,
            title=plan.title, description=plan.description, hours_min=plan.hours_min, hours_max=plan.hours_max,
            weekdays=plan.weekdays, places=plan.places, start_date=plan.start_date, end_date=plan.end_date,
            hourly_wage=plan.hourly_wage, volunteer_allowance=plan.volunteer_allowance,
            at_requester_address=True, city=locked.city,
            latitude=locked.latitude, longitude=locked.longitude,
            status=RoleStatus.PUBLISHED, published_at=now, service_request=locked, created_by=by,
        )
        role.full_clean(exclude=["service_request"])
        role.save()
        roles.append(role)
    from_status = locked.status
    locked.status = ServiceRequestStatus.PLANNED
    locked.save(update_fields=["status", "updated_at"])
    note = ngettext("%(count)d role published", "%(count)d roles published", plan.count) % {"count": plan.count}
    _record_change(locked, from_status, ServiceRequestStatus.PLANNED, by=by, note=note)
    notification_record_for_service_request(service_request=locked)
    return roles


def _record_change(service_request: ServiceRequest, from_status: str, to_status: str, *, by, note: str = ""):
    ServiceRequestStatusChange.objects.create(
        service_request=service_request, from_status=from_status, to_status=to_status, note=note,
        changed_by=by if getattr(by, "is_authenticated", False) else None,
    )


def service_request_status_url(service_request: ServiceRequest) -> str:
    """The absolute, unguessable link to the request's status page, in the requester's language."""
    with translation.override(service_request.language):
        path = reverse("service_request_status", kwargs={"token": service_request.token})
    return settings.SITE_URL.rstrip("/") + path
