"""The workflow of a neighbourhood service request: submitted → triaged → planned → done.

A request may be rejected (with a reason) while it is still open. Only the municipality's staff
move a request; the requester follows it. Planning happens only through
``service_request_plan_roles``, which creates the roles in the same transaction; every other
transition is made by hand.
"""

from django.utils.translation import gettext_lazy as _

from marketplace.choices import ServiceRequestStatus as S
from marketplace.workflows.base import CASEWORKER, Workflow

STAFF = frozenset({CASEWORKER})

SERVICE_REQUEST_WORKFLOW = Workflow(
    statuses=S,
    transitions={
        (S.SUBMITTED, S.TRIAGED): STAFF,
        (S.SUBMITTED, S.REJECTED): STAFF,
        (S.TRIAGED, S.PLANNED): STAFF,
        (S.TRIAGED, S.REJECTED): STAFF,
        (S.PLANNED, S.DONE): STAFF,
    },
    refusal=_("A request that is %(current)s cannot become %(target)s."),
)

# Targets a person sets by hand; ``planned`` needs roles and has its own service.
MANUAL_TARGETS = frozenset({S.TRIAGED, S.DONE, S.REJECTED})


def manual_targets(current: str) -> list[str]:
    """The statuses staff may set by hand on a request that is ``current``, in workflow order."""
    return [target for target in SERVICE_REQUEST_WORKFLOW.targets(current, STAFF) if target in MANUAL_TARGETS]
