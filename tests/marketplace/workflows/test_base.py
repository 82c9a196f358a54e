"""What every workflow answers the same way: targets in workflow order, and why a transition is refused."""

import pytest
from django.db import models
from django.utils import translation

from marketplace.exceptions import TransitionNotAllowed
from marketplace.workflows.base import CASEWORKER, EMPLOYER, SEEKER, Workflow


class Door(models.TextChoices):
    SHUT = "shut", "Shut"
    OPEN = "open", "Open"
    LOCKED = "locked", "Locked"


DOOR = Workflow(
    statuses=Door,
    transitions={
        (Door.SHUT, Door.LOCKED): frozenset({EMPLOYER}),
        (Door.SHUT, Door.OPEN): frozenset({SEEKER, EMPLOYER}),
        (Door.OPEN, Door.SHUT): frozenset({SEEKER}),
    },
    refusal="A door that is %(current)s cannot become %(target)s.",
    actor_refusal="As %(kind)s you cannot make a door %(target)s when it is %(current)s.",
)


def test_targets_come_in_workflow_order_and_only_for_the_actor_kinds_asked():
    assert DOOR.targets(Door.SHUT) == [Door.OPEN, Door.LOCKED]
    assert DOOR.targets(Door.SHUT, [SEEKER]) == [Door.OPEN]
    assert DOOR.targets(Door.LOCKED) == []
    assert DOOR.is_final(Door.LOCKED) and not DOOR.is_final(Door.OPEN)


def test_check_names_the_first_actor_kind_that_may_make_the_transition():
    assert DOOR.check(Door.SHUT, Door.OPEN, [CASEWORKER, EMPLOYER, SEEKER]) == EMPLOYER


def test_a_transition_nobody_may_make_is_refused_with_the_plain_message():
    with translation.override("en"), pytest.raises(TransitionNotAllowed) as refused:
        DOOR.check(Door.LOCKED, Door.OPEN, [EMPLOYER])

    assert refused.value.message == "A door that is locked cannot become open."
    assert refused.value.field == "status"


def test_a_transition_for_others_is_refused_naming_the_actor_kind():
    with translation.override("en"), pytest.raises(TransitionNotAllowed) as refused:
        DOOR.check(Door.SHUT, Door.LOCKED, [SEEKER])

    assert refused.value.message == "As job seeker you cannot make a door locked when it is shut."


def test_an_unknown_status_is_named_as_given():
    with pytest.raises(TransitionNotAllowed) as refused:
        DOOR.check(Door.SHUT, "ajar", [SEEKER])

    assert "ajar" in refused.value.message
