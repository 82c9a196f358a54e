"""The application workflow as data: every allowed move, and who may make it.

``suggested | interested | proposed → introduced → trial → placed → ended``, with ``declined`` and
``withdrawn`` from every open status. A move (from, to) that is not a key of ``TRANSITIONS`` is
forbidden for everyone; a move that is, is allowed only to the actor kinds it lists. The service
``application_transition`` checks this table and nothing else decides; the tests walk every
(from, to, actor kind) combination against it.

This module imports no models so that the table can be read (and tested) on its own.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.choices import ApplicationStatus as S


class ActorKind(models.TextChoices):
    """In which capacity someone acts on an application."""

    SEEKER = "seeker", _("Job seeker")
    EMPLOYER = "employer", _("Employer")
    CASEWORKER = "caseworker", _("Caseworker")
    SYSTEM = "system", _("System")


SEEKER, EMPLOYER, CASEWORKER = ActorKind.SEEKER, ActorKind.EMPLOYER, ActorKind.CASEWORKER

# Statuses from which an application can still be declined or withdrawn.
OPEN_STATUSES = frozenset({S.SUGGESTED, S.INTERESTED, S.PROPOSED, S.INTRODUCED, S.TRIAL})
# Statuses that hold one of the role's places (a RoleSeat).
SEATED_STATUSES = frozenset({S.TRIAL, S.PLACED})
# Statuses in which the employer has been introduced to the seeker by name.
INTRODUCED_STATUSES = frozenset({S.INTRODUCED, S.TRIAL, S.PLACED, S.ENDED})
# Statuses in which an introduction is still ahead, so the seeker's consent still matters.
BEFORE_INTRODUCTION = frozenset({S.SUGGESTED, S.INTERESTED, S.PROPOSED})
FINAL_STATUSES = frozenset({S.ENDED, S.DECLINED, S.WITHDRAWN})

TRANSITIONS: dict[tuple[str, str], frozenset[str]] = {
    # A suggestion from a matching round: the seeker likes it, or an employer or caseworker asks them.
    (S.SUGGESTED, S.INTERESTED): frozenset({SEEKER}),
    (S.SUGGESTED, S.PROPOSED): frozenset({EMPLOYER, CASEWORKER}),
    # The employer or caseworker asks a seeker who showed interest to agree to an introduction.
    (S.INTERESTED, S.PROPOSED): frozenset({EMPLOYER, CASEWORKER}),
    # Introductions by name need the seeker's consent, which the service checks. The employer or
    # caseworker introduces; a seeker who agrees to a proposal introduces themselves (their answer).
    (S.SUGGESTED, S.INTRODUCED): frozenset({EMPLOYER, CASEWORKER}),
    (S.INTERESTED, S.INTRODUCED): frozenset({EMPLOYER, CASEWORKER}),
    (S.PROPOSED, S.INTRODUCED): frozenset({SEEKER, EMPLOYER, CASEWORKER}),
    # From here on the employer and the caseworker carry the work: trial, placement, its end.
    (S.INTRODUCED, S.TRIAL): frozenset({EMPLOYER, CASEWORKER}),
    (S.TRIAL, S.PLACED): frozenset({EMPLOYER, CASEWORKER}),
    (S.PLACED, S.ENDED): frozenset({EMPLOYER, CASEWORKER}),
    # Saying no: the employer's side declines, the seeker withdraws; the caseworker may do either for them.
    **{(status, S.DECLINED): frozenset({EMPLOYER, CASEWORKER}) for status in OPEN_STATUSES},
    **{(status, S.WITHDRAWN): frozenset({SEEKER, CASEWORKER}) for status in OPEN_STATUSES},
}

# The API's verbs for the moves, so that a client can be told which buttons to show.
ACTION_TARGETS: dict[str, str] = {
    "introduce": S.INTRODUCED,
    "start_trial": S.TRIAL,
    "place": S.PLACED,
    "end": S.ENDED,
    "decline": S.DECLINED,
    "withdraw": S.WITHDRAWN,
}


def allowed_actor_kinds(from_status: str, to_status: str) -> frozenset[str]:
    """Who may move an application from ``from_status`` to ``to_status``; empty when nobody may."""
    return TRANSITIONS.get((from_status, to_status), frozenset())


def move_exists(from_status: str, to_status: str) -> bool:
    return (from_status, to_status) in TRANSITIONS


def transition_allowed(from_status: str, to_status: str, actor_kind: str) -> bool:
    return actor_kind in allowed_actor_kinds(from_status, to_status)


def targets_for(from_status: str, actor_kinds) -> list[str]:
    """The statuses any of ``actor_kinds`` may move an application to from ``from_status``, in workflow order."""
    kinds = set(actor_kinds)
    return [to for to in S.values if allowed_actor_kinds(from_status, to) & kinds]
