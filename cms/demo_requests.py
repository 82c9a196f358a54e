"""The demo association's own neighbourhood-service requests, so its portal is not empty on first sign-in.

Each request goes through the same services as the public form and the admin's triage, and ends
in a different state: just sent, being assessed, planned as a role, and rejected with a reason.
"""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from marketplace.constants import Weekday
from marketplace.models import Membership, ServiceCategory, ServiceRequest
from marketplace.models.service_requests import ServiceFrequency, ServiceRequestStatus
from marketplace.services.service_requests import (
    RolePlan,
    service_request_plan_roles,
    service_request_set_status,
    service_request_submit,
)

DEMO_ASSOCIATION_LOGIN = "vereniging"
DEMO_CASEWORKER_LOGIN = "klantmanager"


@dataclass(frozen=True)
class DemoRequest:
    category: str
    description: str
    street: str
    postcode: str
    frequency: str
    timing_notes: str
    status: str
    reason: str = ""


DEMO_REQUESTS = (
    DemoRequest(
        "groenonderhoud",
        "De buurttuin achter het buurthuis groeit dicht. We zoeken hulp bij snoeien en onkruid wieden, "
        "samen met een paar vrijwilligers van de vereniging.",
        "Kadeplein 15", "7413 CN", ServiceFrequency.FORTNIGHTLY, "Liefst op woensdagmiddag",
        ServiceRequestStatus.SUBMITTED,
    ),
    DemoRequest(
        "klussen",
        "In het buurthuis moeten schilderijen worden opgehangen en een paar kastjes in elkaar gezet.",
        "Kadeplein 15", "7413 CN", ServiceFrequency.ONCE, "Een doordeweekse ochtend",
        ServiceRequestStatus.TRIAGED,
    ),
    DemoRequest(
        "klussen",
        "Voor de buurtmaaltijd zetten we elke maand tafels en stoelen klaar en ruimen we daarna op.",
        "Kadeplein 15", "7413 CN", ServiceFrequency.MONTHLY, "zaterdag 9–13 uur",
        ServiceRequestStatus.PLANNED,
    ),
    DemoRequest(
        "hulp-in-huis",
        "Een lid van de vereniging zoekt iemand die elke week boodschappen doet en stofzuigt.",
        "Kadeplein 15", "7413 CN", ServiceFrequency.WEEKLY, "",
        ServiceRequestStatus.REJECTED,
        reason="Hulp in huis voor één persoon vraagt u aan via het Wmo-loket van de gemeente; wij helpen u "
               "graag verder als u belt.",
    ),
)


@transaction.atomic
def build_demo_requests() -> int:
    """Create the demo association's requests once; returns how many were created."""
    User = get_user_model()
    member = Membership.objects.select_related("organisation").filter(
        user__username=DEMO_ASSOCIATION_LOGIN).first()
    caseworker = User.objects.filter(username=DEMO_CASEWORKER_LOGIN).first()
    if member is None or caseworker is None:
        return 0
    if ServiceRequest.objects.filter(organisation=member.organisation).exists():
        return 0
    categories = ServiceCategory.objects.in_bulk(field_name="slug")
    for spec in DEMO_REQUESTS:
        _build(spec, member=member, caseworker=caseworker, category=categories[spec.category])
    return len(DEMO_REQUESTS)


def _build(spec: DemoRequest, *, member: Membership, caseworker, category: ServiceCategory) -> None:
    user = member.user
    request = service_request_submit(
        category=category, description=spec.description, street=spec.street, postcode=spec.postcode,
        city=member.organisation.municipality.name, frequency=spec.frequency, timing_notes=spec.timing_notes,
        organisation=member.organisation, requester_name=user.get_full_name(), requester_email=user.email,
        created_by=user,
    )
    if spec.status == ServiceRequestStatus.SUBMITTED:
        return
    if spec.status == ServiceRequestStatus.REJECTED:
        service_request_set_status(service_request=request, to_status=spec.status, by=caseworker, reason=spec.reason)
        return
    service_request_set_status(service_request=request, to_status=ServiceRequestStatus.TRIAGED, by=caseworker)
    if spec.status == ServiceRequestStatus.PLANNED:
        start = timezone.localdate() + timedelta(days=14)
        service_request_plan_roles(service_request=request, by=caseworker, plan=RolePlan(
            title="Zaal klaarzetten voor de buurtmaaltijd",
            description="Je zet tafels en stoelen klaar voor de buurtmaaltijd en ruimt na afloop samen op.",
            hours_min=4, hours_max=4, weekdays=int(Weekday.SAT), places=2, start_date=start,
            volunteer_allowance=Decimal("5.00"),
        ))
