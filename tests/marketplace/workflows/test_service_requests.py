"""The service request workflow table, walked over every (current, target, actor kind), and enforced by the
status service.

``EXPECTED`` below is the specification written out by hand; the table in
marketplace/workflows/service_requests.py must say exactly the same.
"""

import itertools

import pytest

from marketplace.choices import ServiceRequestStatus
from marketplace.exceptions import NotAllowed, TransitionNotAllowed
from marketplace.models import ServiceRequest
from marketplace.services.service_requests import service_request_set_status, service_request_submit
from marketplace.workflows.service_requests import SERVICE_REQUEST_WORKFLOW, manual_targets
from tests.cms.public_site import add_postcode_areas_and_category
from tests.marketplace.workflows.tables import as_sets, combination_id, every_combination

S = ServiceRequestStatus
CASEWORKER = "caseworker"
EXPECTED: dict[tuple[str, str], set[str]] = {
    ("submitted", "triaged"): {CASEWORKER},
    ("submitted", "rejected"): {CASEWORKER},
    ("triaged", "planned"): {CASEWORKER},
    ("triaged", "rejected"): {CASEWORKER},
    ("planned", "done"): {CASEWORKER},
}
COMBINATIONS = every_combination(SERVICE_REQUEST_WORKFLOW)
BY_HAND = (S.TRIAGED, S.DONE, S.REJECTED)


@pytest.mark.parametrize("combination", COMBINATIONS, ids=combination_id)
def test_table_allows_exactly_the_specified_moves(combination):
    current, target, kind = combination

    assert SERVICE_REQUEST_WORKFLOW.allowed(current, target, kind) is (kind in EXPECTED.get((current, target), set()))


def test_table_has_no_moves_beyond_the_specification():
    assert as_sets(SERVICE_REQUEST_WORKFLOW) == EXPECTED


def test_a_done_or_rejected_request_is_closed_and_every_other_is_open():
    assert {status for status in S.values if SERVICE_REQUEST_WORKFLOW.is_final(status)} == {S.DONE, S.REJECTED}


@pytest.mark.parametrize("current", S.values)
def test_staff_set_every_next_status_by_hand_except_planned(current):
    expected = [target for target in S.values if (current, target) in EXPECTED and target != S.PLANNED]

    assert manual_targets(current) == expected


# The same moves through the status service ------------------------------------------------------------------

@pytest.fixture
def request_in(world):
    category = add_postcode_areas_and_category(world.municipality_a)

    def make(status: str) -> ServiceRequest:
        service_request = service_request_submit(
            municipality=world.municipality_a, category=category, description="De heg is te hoog.",
            street="Lindelaan 12", postcode="1234 AB", city="Havenstad", requester_name="Mevrouw Jansen",
            requester_email="jansen@example.nl", requester_phone="06-1234 5678",
        )
        ServiceRequest.objects.filter(pk=service_request.pk).update(
            status=status, rejection_reason="Buiten ons gebied." if status == S.REJECTED else "")
        service_request.refresh_from_db()
        return service_request

    return make


@pytest.mark.django_db
@pytest.mark.parametrize(("current", "target"), list(itertools.product(S.values, BY_HAND)))
def test_status_service_follows_the_workflow_table(request_in, world, current, target):
    service_request = request_in(current)

    if (current, target) in EXPECTED:
        moved = service_request_set_status(service_request=service_request, to_status=target, by=world.caseworker_a,
                                           reason="Te ver weg.")
        assert moved.status == target
        assert service_request.status_changes.last().to_status == target
    else:
        with pytest.raises(TransitionNotAllowed):
            service_request_set_status(service_request=service_request, to_status=target, by=world.caseworker_a,
                                       reason="Te ver weg.")
        service_request.refresh_from_db()
        assert service_request.status == current


@pytest.mark.django_db
def test_planned_is_reached_only_by_planning_roles(request_in, world):
    service_request = request_in(S.TRIAGED)

    with pytest.raises(NotAllowed):
        service_request_set_status(service_request=service_request, to_status=S.PLANNED, by=world.caseworker_a)
