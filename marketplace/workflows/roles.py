"""The role workflow: draft → published → filled → closed.

The employer moves a role by hand: publishes it, marks it filled, closes it. The system closes a
published role whose end date has passed, marks a role filled when its applications take every
place, and publishes it again when a place frees up.
"""

from django.utils.translation import gettext_lazy as _

from marketplace.choices import RoleStatus as S
from marketplace.workflows.base import EMPLOYER, SYSTEM, Workflow

ROLE_WORKFLOW = Workflow(
    statuses=S,
    transitions={
        (S.DRAFT, S.PUBLISHED): frozenset({EMPLOYER}),
        (S.PUBLISHED, S.FILLED): frozenset({EMPLOYER, SYSTEM}),
        (S.PUBLISHED, S.CLOSED): frozenset({EMPLOYER, SYSTEM}),
        (S.FILLED, S.CLOSED): frozenset({EMPLOYER}),
        # Not a move anyone makes by hand: a trial or placement ended and its place is free again.
        (S.FILLED, S.PUBLISHED): frozenset({SYSTEM}),
    },
    refusal=_("A role that is %(current)s cannot become %(target)s."),
)

# Statuses in which the employer may still edit a role's content.
ROLE_EDITABLE_STATUSES = frozenset({S.DRAFT, S.PUBLISHED, S.FILLED})
