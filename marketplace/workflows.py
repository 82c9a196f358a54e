"""Status workflows as data: the allowed moves, checked in one place by the services.

A move that is not in a table is forbidden. Tests walk every pair of statuses against these
tables, so adding a move here is the one and only way to allow it.
"""

from marketplace.choices import RoleStatus

ROLE_TRANSITIONS: dict[str, frozenset[str]] = {
    RoleStatus.DRAFT: frozenset({RoleStatus.PUBLISHED}),
    RoleStatus.PUBLISHED: frozenset({RoleStatus.FILLED, RoleStatus.CLOSED}),
    RoleStatus.FILLED: frozenset({RoleStatus.CLOSED}),
    RoleStatus.CLOSED: frozenset(),
}

# Statuses in which the employer may still edit a role's content.
ROLE_EDITABLE_STATUSES = frozenset({RoleStatus.DRAFT, RoleStatus.PUBLISHED, RoleStatus.FILLED})


def role_transition_allowed(current: str, target: str) -> bool:
    return target in ROLE_TRANSITIONS.get(current, frozenset())
