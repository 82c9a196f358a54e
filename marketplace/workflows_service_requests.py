"""The status workflow of a neighbourhood service request, as data.

submitted → triaged → planned → done, or rejected (with a reason) while the request is
still open. Planning only happens through ``service_request_plan_roles``, which creates
the roles in the same transaction.
"""

from django.utils.translation import gettext_lazy as _

from marketplace.exceptions import TransitionNotAllowed
from marketplace.models.service_requests import ServiceRequestStatus as S

TRANSITIONS: dict[str, frozenset[str]] = {
    S.SUBMITTED: frozenset({S.TRIAGED, S.REJECTED}),
    S.TRIAGED: frozenset({S.PLANNED, S.REJECTED}),
    S.PLANNED: frozenset({S.DONE}),
    S.DONE: frozenset(),
    S.REJECTED: frozenset(),
}

# Statuses a person moves to by hand; ``planned`` needs roles and has its own service.
MANUAL_TARGETS = frozenset({S.TRIAGED, S.DONE, S.REJECTED})


def can_transition(from_status: str, to_status: str) -> bool:
    return to_status in TRANSITIONS.get(from_status, frozenset())


def allowed_targets(from_status: str, *, manual_only: bool = False) -> list[str]:
    """The statuses a request may move to next, in workflow order."""
    targets = TRANSITIONS.get(from_status, frozenset())
    if manual_only:
        targets = targets & MANUAL_TARGETS
    return [value for value in S.values if value in targets]


def check_transition(from_status: str, to_status: str) -> None:
    """Raise TransitionNotAllowed (about ``status``) when the workflow forbids the move."""
    if not can_transition(from_status, to_status):
        target = S(to_status).label if to_status in S.values else to_status
        raise TransitionNotAllowed(
            _("A request cannot go from “%(from)s” to “%(to)s”.") % {"from": S(from_status).label, "to": target}
        )
