"""The workflow of an instrument deployed for a person: planned → active → ended, or cancelled before it ends.

The caseworker plans, starts, ends and cancels. Staff of the provider that carries a trajectory out
also start and end it, since they are the ones who know when it began and what came of it; cancelling
stays with the municipality, which ordered it. Nothing moves out of ended or cancelled.

Providers are no actor kind of the other workflows, so this table names its own ``PROVIDER`` kind
rather than adding one to ``ActorKind`` (whose values are stored on application events).
"""

from django.utils.translation import gettext_lazy as _

from marketplace.choices import AssignmentStatus as S
from marketplace.workflows.base import CASEWORKER, Workflow

PROVIDER = "provider"
ACTOR_KINDS = (CASEWORKER, PROVIDER)

INSTRUMENT_WORKFLOW = Workflow(
    statuses=S,
    transitions={
        (S.PLANNED, S.ACTIVE): frozenset({CASEWORKER, PROVIDER}),
        (S.PLANNED, S.CANCELLED): frozenset({CASEWORKER}),
        (S.ACTIVE, S.ENDED): frozenset({CASEWORKER, PROVIDER}),
        (S.ACTIVE, S.CANCELLED): frozenset({CASEWORKER}),
    },
    refusal=_("An instrument that is %(current)s cannot become %(target)s."),
)

# Statuses in which dates, cost and links may still be changed.
ASSIGNMENT_EDITABLE_STATUSES = frozenset({S.PLANNED, S.ACTIVE})
