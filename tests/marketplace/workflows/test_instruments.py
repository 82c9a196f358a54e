"""The workflow of an instrument deployed for a person, walked over every (current, target, actor kind).

``EXPECTED`` below is the specification written out by hand; the table in
marketplace/workflows/instruments.py must say exactly the same, and the services must let exactly
these moves through for the caseworker and for staff of the provider that carries the trajectory out.
"""

import datetime

import pytest
from django.utils import timezone

from marketplace.access import actor_for
from marketplace.choices import AssignmentStatus
from marketplace.exceptions import NotAllowed, TransitionNotAllowed
from marketplace.models import InstrumentAssignment
from marketplace.services.instruments import assignment_cancel, assignment_end, assignment_start
from marketplace.workflows.instruments import ACTOR_KINDS, INSTRUMENT_WORKFLOW
from tests import factories
from tests.marketplace.workflows.tables import as_sets, combination_id, every_combination

S = AssignmentStatus
CASEWORKER, PROVIDER = "caseworker", "provider"
EXPECTED: dict[tuple[str, str], set[str]] = {
    ("planned", "active"): {CASEWORKER, PROVIDER},
    ("planned", "cancelled"): {CASEWORKER},
    ("active", "ended"): {CASEWORKER, PROVIDER},
    ("active", "cancelled"): {CASEWORKER},
}
COMBINATIONS = every_combination(INSTRUMENT_WORKFLOW, ACTOR_KINDS)


@pytest.mark.parametrize("combination", COMBINATIONS, ids=combination_id)
def test_table_allows_exactly_the_specified_moves(combination):
    current, target, kind = combination

    assert INSTRUMENT_WORKFLOW.allowed(current, target, kind) is (kind in EXPECTED.get((current, target), set()))


def test_table_has_no_moves_beyond_the_specification():
    assert as_sets(INSTRUMENT_WORKFLOW) == EXPECTED


def test_nothing_moves_out_of_ended_or_cancelled():
    assert [status for status in S.values if INSTRUMENT_WORKFLOW.is_final(status)] == [S.ENDED, S.CANCELLED]


# The same combinations through the services, with the caseworker and the provider's staff -----------------

SERVICES = {
    S.ACTIVE: lambda actor, assignment: assignment_start(actor=actor, assignment=assignment),
    S.ENDED: lambda actor, assignment: assignment_end(actor=actor, assignment=assignment,
                                                      end_date=timezone.localdate(), result="goal_reached"),
    S.CANCELLED: lambda actor, assignment: assignment_cancel(actor=actor, assignment=assignment,
                                                             reason="Verhuisd naar een andere gemeente"),
}


def _assignment_in(world, status: str) -> InstrumentAssignment:
    start = timezone.localdate() - datetime.timedelta(days=30)
    return factories.InstrumentAssignmentFactory(
        instrument__municipality=world.municipality_a, seeker=world.seeker, provider=world.provider_organisation_a,
        consent_at=timezone.now(), status=status, start_date=start,
        end_date=start + datetime.timedelta(days=10) if status == S.ENDED else None,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("combination", [c for c in COMBINATIONS if c[1] in SERVICES], ids=combination_id)
def test_the_services_let_through_exactly_the_moves_of_the_table(world, combination):
    current, target, kind = combination
    assignment = _assignment_in(world, current)
    actor = actor_for(world.caseworker_a if kind == CASEWORKER else world.provider_a)
    allowed = kind in EXPECTED.get((current, target), set())

    if allowed:
        assert SERVICES[target](actor, assignment).status == target
    else:
        # A move nobody makes is a conflict (409); a move for the municipality only is refused to the provider.
        refusal = NotAllowed if INSTRUMENT_WORKFLOW.exists(current, target) else TransitionNotAllowed
        with pytest.raises(refusal):
            SERVICES[target](actor, assignment)
    assignment.refresh_from_db()
    assert assignment.status == (target if allowed else current)
