"""The job seeker's plan of action at /mijn/plan/: read it, comment, agree, and tick actions off.

The page speaks to the person ("je"): who does an action is "jij", "je klantmanager" or the named
party, and the history names colleagues of their caseworker by role only (see
``marketplace.selectors.plans``). Every form posts to its own address and comes back to the page.
"""

from dataclasses import dataclass, replace

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from marketplace.exceptions import DomainError
from marketplace.models import Plan, PlanAction
from marketplace.models.assessments import SEEKER_SCORE_LABELS
from marketplace.models.plans import ActionOwner, ActionStatus
from marketplace.selectors.assessments import assessments_for_self
from marketplace.selectors.plans import (
    BY_OWN_CASEWORKER,
    BY_SELF,
    HistoryEntry,
    changes_since_agreement,
    plan_action_of,
    plan_for_self,
    plan_history,
)
from marketplace.services.plans import (
    SEEKER_TICKS_OFF,
    PlanChanged,
    plan_action_mark_done,
    plan_agree,
    plan_comment_add,
)
from portal.forms.common import add_service_errors
from portal.forms.plan import AgreeForm, CommentForm
from portal.views.common import refusal_status, seeker_page

# The newest assessments that fit next to each other on a phone; "my data" has all of them.
ASSESSMENTS_SHOWN = 3


@dataclass(frozen=True)
class ActionView:
    action: PlanAction
    who: str
    may_tick_off: bool


def who_does_it(action: PlanAction) -> str:
    if action.owner == ActionOwner.SEEKER:
        return _("You")
    if action.owner == ActionOwner.CASEWORKER:
        return _("Your caseworker")
    return action.owner_name


def written_by(entry: HistoryEntry, municipality: str) -> str:
    """Who wrote a line of the history, told to the job seeker."""
    if entry.by == BY_SELF:
        return _("you")
    if entry.by == BY_OWN_CASEWORKER and entry.actor_name:
        return _("your caseworker, %(name)s") % {"name": entry.actor_name}
    if entry.by == BY_OWN_CASEWORKER:
        return _("your caseworker")
    return _("a caseworker of the municipality of %(municipality)s") % {"municipality": municipality}


# The words of the plan page for what the history stores as codes and staff labels; "my data" uses them too.
def _status_words():
    return {ActionStatus.OPEN: _("Still to do"), ActionStatus.DONE: _("Done"),
            ActionStatus.CANCELLED: _("Not going ahead")}


def _field_words():
    return {"review_date": _("Next talk about your plan"), "owner": _("Who"), "due_date": _("Before")}


def _value_words(name: str, value, shown: str) -> str:
    if name == "owner" and value == ActionOwner.SEEKER:
        return _("You")
    if name == "owner" and value == ActionOwner.CASEWORKER:
        return _("Your caseworker")
    if name == "status" and value in ActionStatus.values:
        return str(_status_words()[value])
    return shown


def seeker_changes(entry: HistoryEntry) -> HistoryEntry:
    """The entry with its change lines in the job seeker's words: "You", "Still to do", not the staff's."""
    lines = []
    for line in entry.changes:
        raw = entry.raw_changes.get(line.field) or {}
        lines.append(replace(line, label=str(_field_words().get(line.field, line.label)),
                             before=_value_words(line.field, raw.get("from"), line.before),
                             after=_value_words(line.field, raw.get("to"), line.after)))
    return replace(entry, changes=lines)


def seeker_plan_overview(actor, plan: Plan) -> dict:
    """The plan as the job seeker reads it: actions with who does them, the history newest first, and
    what changed since they agreed. The plan page and "my data" both show it."""
    municipality = actor.seeker.municipality.name
    return {
        "actions": [ActionView(action=action, who=who_does_it(action),
                               may_tick_off=action.status == ActionStatus.OPEN and action.owner in SEEKER_TICKS_OFF)
                    for action in plan.actions.all()],
        "history": [(seeker_changes(entry), written_by(entry, municipality)) for entry in reversed(plan_history(plan))],
        "changes": [seeker_changes(entry) for entry in changes_since_agreement(plan)],
    }


def _own_plan(actor) -> Plan:
    plan = plan_for_self(actor=actor)
    if plan is None:
        raise Http404
    return plan


def _render(request, actor, *, comment_form=None, status=200):
    plan = plan_for_self(actor=actor)
    context = {"plan": plan, "section": "plan", "comment_form": comment_form or CommentForm()}
    if plan is not None:
        context.update({
            **seeker_plan_overview(actor, plan),
            "agree_form": AgreeForm(initial={"version": plan.version}),
            # Agreeing needs something to agree to: an action that still stands.
            "may_agree": any(action.status != ActionStatus.CANCELLED for action in plan.actions.all()),
        })
    progress = assessments_for_self(actor=actor)
    shown = progress.rows[-ASSESSMENTS_SHOWN:]
    context["assessments"] = {
        "dates": [row.date for row in shown],
        "lines": [(line.label, line.cells[-len(shown):]) for line in progress.by_domain()] if shown else [],
        "scale": sorted(SEEKER_SCORE_LABELS.items()),
    }
    return render(request, "portal/seeker/plan.html", context, status=status)


def _back():
    return redirect(reverse("seeker-plan"))


def _refused(request, actor, error: Exception):
    """Tell the person why, on the plan page, with the status code that fits."""
    if isinstance(error, ValidationError):
        for message in error.messages:
            messages.error(request, message)
        return _render(request, actor, status=400)
    messages.error(request, error.message)
    return _render(request, actor, status=refusal_status(error) if not isinstance(error, PlanChanged) else 409)


@require_safe
@seeker_page
def plan(request, actor):
    return _render(request, actor)


@require_POST
@seeker_page
def plan_comment(request, actor):
    plan = _own_plan(actor)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            plan_comment_add(actor=actor, plan=plan, text=form.cleaned_data["text"])
        except ValidationError as error:
            add_service_errors(form, error)
        except DomainError as error:
            return _refused(request, actor, error)
        else:
            messages.success(request, _("Thank you. Your caseworker can read your comment."))
            return _back()
    return _render(request, actor, comment_form=form, status=400)


@require_POST
@seeker_page
def plan_agree_view(request, actor):
    plan = _own_plan(actor)
    form = AgreeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Something went wrong. Read your plan again and try once more."))
        return _render(request, actor, status=400)
    try:
        plan_agree(actor=actor, plan=plan, version=form.cleaned_data["version"])
    except (ValidationError, DomainError) as error:
        return _refused(request, actor, error)
    messages.success(request, _("You agreed to your plan. Your caseworker can see this."))
    return _back()


@require_POST
@seeker_page
def plan_action_done(request, actor, pk):
    action = plan_action_of(plan=_own_plan(actor), action_id=pk)
    if action is None:
        raise Http404
    try:
        plan_action_mark_done(actor=actor, action=action)
    except (ValidationError, DomainError) as error:
        return _refused(request, actor, error)
    messages.success(request, _("Well done! This action is ticked off."))
    return _back()
