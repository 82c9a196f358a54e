"""The role workflow table, walked over every (current, target, actor kind), and enforced by the one transition service.

``EXPECTED`` below is the specification written out by hand; the table in marketplace/workflows/roles.py
must say exactly the same.
"""

import itertools

import pytest

from marketplace.access import actor_for
from marketplace.choices import RoleStatus
from marketplace.exceptions import TransitionNotAllowed
from marketplace.services.roles import role_transition
from marketplace.workflows.roles import ROLE_WORKFLOW
from tests import factories
from tests.marketplace.workflows.tables import as_sets, combination_id, every_combination

S = RoleStatus
EMPLOYER, SYSTEM = "employer", "system"
EXPECTED: dict[tuple[str, str], set[str]] = {
    ("draft", "published"): {EMPLOYER},
    ("published", "filled"): {EMPLOYER, SYSTEM},
    ("published", "closed"): {EMPLOYER, SYSTEM},
    ("filled", "closed"): {EMPLOYER},
    ("filled", "published"): {SYSTEM},
}
ALL_PAIRS = list(itertools.product(S.values, repeat=2))
COMBINATIONS = every_combination(ROLE_WORKFLOW)


@pytest.mark.parametrize("combination", COMBINATIONS, ids=combination_id)
def test_table_allows_exactly_the_specified_moves(combination):
    current, target, kind = combination

    assert ROLE_WORKFLOW.allowed(current, target, kind) is (kind in EXPECTED.get((current, target), set()))


def test_table_has_no_moves_beyond_the_specification():
    assert as_sets(ROLE_WORKFLOW) == EXPECTED


def test_only_a_closed_role_is_final():
    assert [status for status in S.values if ROLE_WORKFLOW.is_final(status)] == [S.CLOSED]


@pytest.mark.django_db
@pytest.mark.parametrize("current, target", ALL_PAIRS)
def test_the_transition_service_lets_the_employer_make_exactly_the_employers_moves(current, target):
    membership = factories.MembershipFactory()
    role = factories.RoleFactory(organisation=membership.organisation, status=current)
    actor = actor_for(membership.user)
    allowed = EMPLOYER in EXPECTED.get((current, target), set())

    if allowed:
        assert role_transition(actor=actor, role=role, target=target).status == target
    else:
        with pytest.raises(TransitionNotAllowed):
            role_transition(actor=actor, role=role, target=target)
    role.refresh_from_db()
    assert role.status == (target if allowed else current)
