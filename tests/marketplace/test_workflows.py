"""The role workflow table, checked over every pair of statuses, and enforced by the one transition service."""

import itertools

import pytest

from marketplace.access import actor_for
from marketplace.choices import RoleStatus
from marketplace.exceptions import TransitionNotAllowed
from marketplace.services.roles import role_transition
from marketplace.workflows import ROLE_TRANSITIONS, role_transition_allowed
from tests import factories

S = RoleStatus
ALLOWED = {(S.DRAFT, S.PUBLISHED), (S.PUBLISHED, S.FILLED), (S.PUBLISHED, S.CLOSED), (S.FILLED, S.CLOSED)}
ALL_PAIRS = list(itertools.product(S.values, repeat=2))


def test_the_table_covers_every_status():
    assert set(ROLE_TRANSITIONS) == set(S.values)


@pytest.mark.parametrize("current, target", ALL_PAIRS)
def test_role_moves_are_allowed_exactly_as_the_workflow_says(current, target):
    assert role_transition_allowed(current, target) == ((current, target) in ALLOWED)


@pytest.mark.django_db
@pytest.mark.parametrize("current, target", ALL_PAIRS)
def test_the_transition_service_applies_the_table(current, target):
    membership = factories.MembershipFactory()
    role = factories.RoleFactory(organisation=membership.organisation, status=current)
    actor = actor_for(membership.user)

    if (current, target) in ALLOWED:
        assert role_transition(actor=actor, role=role, target=target).status == target
    else:
        with pytest.raises(TransitionNotAllowed):
            role_transition(actor=actor, role=role, target=target)
    role.refresh_from_db()
    assert role.status == (target if (current, target) in ALLOWED else current)
