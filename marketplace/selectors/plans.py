"""Reads of plans of action: for the job seeker themselves, and for staff of the seeker's municipality.

The history comes back as ``HistoryEntry`` values that every face shows alike. Who wrote a line is
told to the job seeker the way the draaglast log tells them: "you", their own caseworker by name
(whom they know), or another caseworker of the municipality by role; staff see the account.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Max, Prefetch
from django.utils.dateparse import parse_date
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from marketplace.access import Actor
from marketplace.exceptions import NotAllowed, NotYourMunicipality
from marketplace.history import ChangeLine
from marketplace.models import JobSeeker, Plan, PlanAction, PlanEvent
from marketplace.models.plans import ActionOwner, ActionStatus, PlanActorKind, PlanEventKind
from marketplace.models.seekers import JobSeekerQuerySet

# The kinds of history line that change what the person agreed to (with the version they produced).
PLAN_CHANGING_KINDS = frozenset({
    PlanEventKind.CHANGED, PlanEventKind.ACTION_ADDED, PlanEventKind.ACTION_CHANGED, PlanEventKind.ACTION_CANCELLED,
    PlanEventKind.ACTION_REOPENED,
})

BY_SELF, BY_OWN_CASEWORKER, BY_CASEWORKER = "self", "own_caseworker", "caseworker"


def staff_may_read_plans(actor: Actor, seeker: JobSeeker) -> bool:
    """Caseworkers of the seeker's municipality; superusers in the admin, who see every municipality there."""
    if actor.is_caseworker:
        return actor.caseworker.municipality_id == seeker.municipality_id
    return bool(actor.user is not None and actor.user.is_superuser)


def _check_staff(actor: Actor, seeker: JobSeeker) -> None:
    if actor.is_caseworker and actor.caseworker.municipality_id != seeker.municipality_id:
        raise NotYourMunicipality()
    if not staff_may_read_plans(actor, seeker):
        raise NotAllowed()


def _plans():
    return Plan.objects.select_related("seeker__caseworker__user", "seeker__municipality").prefetch_related(
        Prefetch("actions", queryset=PlanAction.objects.order_by("due_date", "id")),
        Prefetch("events", queryset=PlanEvent.objects.select_related("actor").order_by("at", "id")),
    )


def plan_for_staff(*, actor: Actor, seeker: JobSeeker) -> Plan | None:
    """The seeker's plan with its actions and history, or None when there is none yet.

    Another municipality's seeker is NotYourMunicipality (reported as not found).
    """
    _check_staff(actor, seeker)
    return _plans().filter(seeker=seeker).first()


def plan_for_self(*, actor: Actor) -> Plan | None:
    """The job seeker's own plan, or None when their caseworker has not made one yet."""
    if not actor.is_seeker:
        raise NotAllowed()
    return _plans().filter(seeker_id=actor.seeker.pk).first()


def plan_action_of(*, plan: Plan, action_id) -> PlanAction | None:
    """An action of ``plan`` by its id, or None: an id of another plan's action is not found."""
    if not str(action_id).isdigit() or len(str(action_id)) > 18:
        return None
    return next((action for action in plan.actions.all() if action.pk == int(action_id)), None)


def caseload_with_plans(seekers: JobSeekerQuerySet) -> JobSeekerQuerySet:
    """``seekers`` with their plan and the date of their latest assessment, for one overview query."""
    return seekers.select_related("plan", "caseworker__user").annotate(last_assessed=Max("assessments__date"))


@dataclass(frozen=True)
class HistoryEntry:
    """One line of a plan's history as people read it."""

    at: datetime.datetime
    kind: str
    kind_label: str
    actor_kind: str
    actor_kind_label: str
    by: str  # BY_SELF, BY_OWN_CASEWORKER or BY_CASEWORKER, from the job seeker's point of view
    actor_name: str  # the account's name; show it to staff, and to the seeker only for their own caseworker
    version: int
    action: str
    text: str
    changes: list[ChangeLine] = field(default_factory=list)
    raw_changes: dict = field(default_factory=dict)  # as stored: codes and ISO dates, for machines

    @property
    def changes_plan(self) -> bool:
        return self.kind in PLAN_CHANGING_KINDS


FIELD_LABELS = {
    "goal": lambda: _("Goal"),
    "review_date": lambda: _("Review date"),
    "description": lambda: _("What"),
    "owner": lambda: _("Who does it"),
    "owner_name": lambda: _("Name of the other party"),
    "due_date": lambda: _("Due date"),
    "status": lambda: _("Status"),
}


def _shown(name: str, value) -> str:
    if value in (None, ""):
        return "–"
    if name in ("review_date", "due_date"):
        parsed = parse_date(str(value))
        return date_format(parsed, "j F Y") if parsed else str(value)
    if name == "owner" and value in ActionOwner.values:
        return str(ActionOwner(value).label)
    if name == "status" and value in ActionStatus.values:
        return str(ActionStatus(value).label)
    return str(value)


def _change_lines(changes: dict) -> list[ChangeLine]:
    lines = []
    for name in FIELD_LABELS:  # a fixed order, whatever order the history stored them in
        if name in changes:
            change = changes[name] or {}
            lines.append(ChangeLine(field=name, label=FIELD_LABELS[name](), before=_shown(name, change.get("from")),
                                    after=_shown(name, change.get("to")), initial=change.get("from") is None))
    return lines


def _by(event: PlanEvent, own_caseworker_user_id) -> str:
    if event.actor_kind == PlanActorKind.SEEKER:
        return BY_SELF
    if own_caseworker_user_id is not None and event.actor_id == own_caseworker_user_id:
        return BY_OWN_CASEWORKER
    return BY_CASEWORKER


def plan_history(plan: Plan) -> list[HistoryEntry]:
    """Every line of the plan's history, oldest first."""
    seeker = plan.seeker
    own = seeker.caseworker.user_id if seeker.caseworker_id else None
    return [
        HistoryEntry(
            at=event.at, kind=event.kind, kind_label=str(event.get_kind_display()), actor_kind=event.actor_kind,
            actor_kind_label=str(event.get_actor_kind_display()),
            by=_by(event, own), actor_name=(event.actor.get_full_name() or event.actor.get_username())
            if event.actor_id else "",
            version=event.plan_version, action=event.action_description, text=event.text,
            changes=_change_lines(event.changes), raw_changes=event.changes,
        )
        for event in plan.events.all()
    ]


def changes_since_agreement(plan: Plan) -> list[HistoryEntry]:
    """The changes to the plan after the version the job seeker agreed to; empty when nothing changed."""
    if plan.agreed_version is None:
        return []
    return [entry for entry in plan_history(plan) if entry.changes_plan and entry.version > plan.agreed_version]


def open_actions(plan: Plan) -> list[PlanAction]:
    return [action for action in plan.actions.all() if action.status == ActionStatus.OPEN]
