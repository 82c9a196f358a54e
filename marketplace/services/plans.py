"""Writes of plans of action: the caseworker keeps the plan; the job seeker comments, agrees and ticks actions off.

Every write locks the plan row, so that versions follow each other and an agreement is always to
the version the person read. Each write leaves one line in the plan's history (``PlanEvent``) in
the same transaction; a write that changes nothing leaves none. What raises the version (and so
asks the person to agree again) is decided here and nowhere else: see ``marketplace/models/plans.py``.
"""

import datetime
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from marketplace.access import Actor
from marketplace.exceptions import DomainError, NotAllowed
from marketplace.models import JobSeeker, Plan, PlanAction, PlanEvent
from marketplace.models.plans import ActionOwner, ActionStatus, PlanActorKind, PlanEventKind
from marketplace.services._caseload import ensure_caseworker_of, iso, merge_model_errors
from marketplace.services._common import raise_if_errors, reject_unknown_fields

PLAN_FIELDS = frozenset({"goal", "review_date"})
ACTION_FIELDS = frozenset({"description", "owner", "owner_name", "due_date", "status"})
# Actions the job seeker may tick off: their own, and those of a party they deal with themselves.
SEEKER_TICKS_OFF = frozenset({ActionOwner.SEEKER, ActionOwner.OTHER})
ONLY_CASEWORKERS = _("Only caseworkers make and change plans.")


class PlanChanged(DomainError):
    """An agreement to a version of the plan that is no longer the current one."""

    default_message = _("The plan changed after you opened it. Read it again before you agree.")
    field = "version"


def _locked(plan: Plan) -> Plan:
    return Plan.objects.select_for_update(of=("self",)).select_related("seeker").get(pk=plan.pk)


def _acting_as(actor: Actor, plan: Plan) -> str:
    """The capacity ``actor`` acts in on ``plan``: the person themselves, or a caseworker of their municipality."""
    if actor.is_seeker and actor.seeker.pk == plan.seeker_id:
        return PlanActorKind.SEEKER
    if actor.is_caseworker:
        ensure_caseworker_of(actor, plan.seeker)
        return PlanActorKind.CASEWORKER
    raise NotAllowed(_("Only the job seeker and their caseworkers can do this."))


def _record(plan: Plan, actor: Actor, actor_kind: str, kind: str, *, action: PlanAction | None = None,
            changes: dict | None = None, text: str = "", version: int | None = None) -> PlanEvent:
    return PlanEvent.objects.create(
        plan=plan, kind=kind, actor=actor.user, actor_kind=actor_kind, plan_version=version or plan.version,
        action=action, action_description=action.description if action is not None else "",
        changes=changes or {}, text=text,
    )


def _bump(plan: Plan) -> None:
    """A new version of what the person agreed to: the agreement no longer covers it."""
    plan.version += 1
    plan.save(update_fields=["version", "updated_at"])


def _one_line(value) -> str:
    return " ".join(str(value or "").split())


def _text(value) -> str:
    return str(value or "").strip()


def _check_not_past(value: datetime.date | None, field: str, errors: dict, message) -> None:
    if value is not None and value < timezone.localdate():
        errors.setdefault(field, []).append(message)


def _open_actions_due_after(plan: Plan, review_date: datetime.date, exclude_pk=None) -> list[PlanAction]:
    actions = plan.actions.filter(status=ActionStatus.OPEN, due_date__gt=review_date)
    return list(actions.exclude(pk=exclude_pk) if exclude_pk else actions)


def _review_date_errors(plan: Plan, review_date, errors: dict) -> None:
    if not isinstance(review_date, datetime.date):
        errors["review_date"] = [_("Give the date of the next review.")]
        return
    _check_not_past(review_date, "review_date", errors, _("Choose a review date from today on."))
    late = _open_actions_due_after(plan, review_date) if plan.pk else []
    if late:
        errors.setdefault("review_date", []).append(
            _("The open action “%(action)s” is due on %(due)s, after this review date. Choose a later review date, "
              "or change the action first.")
            % {"action": late[0].description, "due": date_format(late[0].due_date, "j F Y")}
        )


@transaction.atomic
def plan_create(*, actor: Actor, seeker: JobSeeker, goal: str, review_date: datetime.date) -> Plan:
    """The job seeker's plan of action, with the goal in their own words; the first line of its history.

    Only a caseworker of the seeker's municipality; a seeker has one plan, which is changed from then on.
    """
    ensure_caseworker_of(actor, seeker, message=ONLY_CASEWORKERS)
    seeker = JobSeeker.objects.select_for_update().get(pk=seeker.pk)
    if Plan.objects.filter(seeker=seeker).exists():
        raise ValidationError({"seeker": [_("This job seeker already has a plan; change that one.")]})
    plan = Plan(seeker=seeker, goal=_text(goal), review_date=review_date, created_by=actor.user)
    errors: dict[str, list] = {}
    if not plan.goal:
        errors["goal"] = [_("Write the goal, in the person's own words.")]
    _review_date_errors(plan, review_date, errors)
    merge_model_errors(plan, errors, exclude=["seeker", "created_by"])
    raise_if_errors(errors)
    plan.save()
    _record(plan, actor, PlanActorKind.CASEWORKER, PlanEventKind.CREATED, changes={
        "goal": {"from": None, "to": plan.goal}, "review_date": {"from": None, "to": iso(plan.review_date)},
    })
    return plan


@transaction.atomic
def plan_update(*, actor: Actor, plan: Plan, data: Mapping[str, Any]) -> Plan:
    """Change the goal or the review date. A change raises the version: the person is asked to agree again."""
    reject_unknown_fields(data, PLAN_FIELDS)
    ensure_caseworker_of(actor, plan.seeker, message=ONLY_CASEWORKERS)
    plan = _locked(plan)
    data = dict(data)
    if "goal" in data:
        data["goal"] = _text(data["goal"])
    changes = {name: {"from": iso(getattr(plan, name)), "to": iso(value)}
               for name, value in data.items() if value != getattr(plan, name)}
    if not changes:
        return plan
    errors: dict[str, list] = {}
    if "goal" in changes and not data["goal"]:
        errors["goal"] = [_("Write the goal, in the person's own words.")]
    if "review_date" in changes:
        _review_date_errors(plan, data["review_date"], errors)
    for name in changes:
        setattr(plan, name, data[name])
    merge_model_errors(plan, errors, exclude=["seeker", "created_by"])
    raise_if_errors(errors)
    plan.version += 1
    plan.save()
    _record(plan, actor, PlanActorKind.CASEWORKER, PlanEventKind.CHANGED, changes=changes)
    return plan


def _action_errors(plan: Plan, action: PlanAction, *, due_date_changed: bool) -> dict:
    errors: dict[str, list] = {}
    if not action.description:
        errors["description"] = [_("Say what will be done.")]
    if action.owner not in ActionOwner.values:
        errors["owner"] = [_("Choose who does it: the job seeker, the caseworker or someone else.")]
    elif action.owner == ActionOwner.OTHER and not action.owner_name:
        errors["owner_name"] = [_("Name the other party, for example the language school.")]
    if not isinstance(action.due_date, datetime.date):
        errors["due_date"] = [_("Give the date by which it should be done.")]
    elif due_date_changed and action.status == ActionStatus.OPEN:
        _check_not_past(action.due_date, "due_date", errors, _("Choose a due date from today on."))
        if action.due_date > plan.review_date:
            errors.setdefault("due_date", []).append(
                _("Choose a due date on or before the review date of the plan (%(review)s), or move the review "
                  "date first.") % {"review": date_format(plan.review_date, "j F Y")}
            )
    merge_model_errors(action, errors, exclude=["plan", "status_changed_by"])
    return errors


@transaction.atomic
def plan_action_add(
    *, actor: Actor, plan: Plan, description: str, owner: str, due_date: datetime.date, owner_name: str = ""
) -> PlanAction:
    """A new open action. It changes the plan, so the person is asked to agree again."""
    ensure_caseworker_of(actor, plan.seeker, message=ONLY_CASEWORKERS)
    plan = _locked(plan)
    action = PlanAction(plan=plan, description=_one_line(description), owner=owner or "",
                        owner_name=_one_line(owner_name) if owner == ActionOwner.OTHER else "",
                        due_date=due_date, status=ActionStatus.OPEN)
    raise_if_errors(_action_errors(plan, action, due_date_changed=True))
    action.save()
    _bump(plan)
    _record(plan, actor, PlanActorKind.CASEWORKER, PlanEventKind.ACTION_ADDED, action=action,
            changes={name: {"from": None, "to": value} for name, value in _described(action).items() if value})
    return action


def _described(action: PlanAction) -> dict:
    """What an action says, as the history keeps it (codes and ISO dates, so it reads in any language)."""
    return {"description": action.description, "owner": action.owner, "owner_name": action.owner_name,
            "due_date": iso(action.due_date)}


def _status_event(old: str, new: str) -> str:
    if new == ActionStatus.DONE:
        return PlanEventKind.ACTION_DONE
    if new == ActionStatus.CANCELLED:
        return PlanEventKind.ACTION_CANCELLED
    return PlanEventKind.ACTION_REOPENED


def _set_status(action: PlanAction, actor: Actor, status: str) -> None:
    action.status = status
    action.status_changed_at = timezone.now()
    action.status_changed_by = actor.user


@transaction.atomic
def plan_action_update(*, actor: Actor, action: PlanAction, data: Mapping[str, Any]) -> PlanAction:
    """A caseworker's change to an action: what, who, when, or its status.

    Changing what, who or when, cancelling, and taking a cancelled action up again change the plan
    (the person is asked to agree again); ticking an action off or opening a done one again do not.
    """
    reject_unknown_fields(data, ACTION_FIELDS)
    ensure_caseworker_of(actor, action.plan.seeker, message=ONLY_CASEWORKERS)
    plan = _locked(action.plan)
    action = PlanAction.objects.select_for_update().get(pk=action.pk, plan=plan)
    before = _described(action)
    old_status = action.status
    data = dict(data)
    status = data.pop("status", old_status)
    if status not in ActionStatus.values:
        raise ValidationError({"status": [_("Choose open, done or cancelled.")]})
    if old_status == ActionStatus.CANCELLED and status == ActionStatus.DONE:
        raise ValidationError({"status": [_("A cancelled action cannot be done. Open it again first.")]})
    for name in ("description", "owner_name"):
        if name in data:
            data[name] = _one_line(data[name])
    for name, value in data.items():
        setattr(action, name, value)
    if action.owner != ActionOwner.OTHER:
        action.owner_name = ""
    action.status = status
    after = _described(action)
    changes = {name: {"from": before[name], "to": after[name]} for name in before if before[name] != after[name]}
    # Taking a cancelled action up again puts its date back in the plan, so it must still lie ahead.
    revived = old_status == ActionStatus.CANCELLED and status == ActionStatus.OPEN
    raise_if_errors(_action_errors(plan, action, due_date_changed="due_date" in changes or revived))
    action.status = old_status
    if status != old_status:
        _set_status(action, actor, status)
    if not changes and status == old_status:
        return action
    action.save()
    changes_plan = bool(changes) or ActionStatus.CANCELLED in (old_status, status)
    if changes_plan:
        _bump(plan)
    if changes:
        _record(plan, actor, PlanActorKind.CASEWORKER, PlanEventKind.ACTION_CHANGED, action=action, changes=changes)
    if status != old_status:
        _record(plan, actor, PlanActorKind.CASEWORKER, _status_event(old_status, status), action=action,
                changes={"status": {"from": old_status, "to": status}})
    return action


@transaction.atomic
def plan_action_mark_done(*, actor: Actor, action: PlanAction) -> PlanAction:
    """Tick an open action off, as the job seeker or their caseworker. Progress, not a change: the agreement holds.

    The job seeker ticks off their own actions and those of another party; the caseworker any action.
    Ticking off an action that is already done changes nothing.
    """
    actor_kind = _acting_as(actor, action.plan)
    plan = _locked(action.plan)
    action = PlanAction.objects.select_for_update().get(pk=action.pk, plan=plan)
    if actor_kind == PlanActorKind.SEEKER and action.owner not in SEEKER_TICKS_OFF:
        raise NotAllowed(_("Your caseworker ticks off the actions they do themselves."))
    if action.status == ActionStatus.DONE:
        return action
    if action.status == ActionStatus.CANCELLED:
        raise ValidationError({"status": [_("This action was cancelled, so it cannot be done.")]})
    _set_status(action, actor, ActionStatus.DONE)
    action.save()
    _record(plan, actor, actor_kind, PlanEventKind.ACTION_DONE, action=action,
            changes={"status": {"from": ActionStatus.OPEN, "to": ActionStatus.DONE}})
    return action


@transaction.atomic
def plan_comment_add(*, actor: Actor, plan: Plan, text: str) -> PlanEvent:
    """A comment on the plan by the job seeker or their caseworker, kept in the history."""
    actor_kind = _acting_as(actor, plan)
    plan = _locked(plan)
    text = str(text or "").strip()
    if not text:
        raise ValidationError({"text": [_("Write your comment.")]})
    event = PlanEvent(plan=plan, kind=PlanEventKind.COMMENT, actor=actor.user, actor_kind=actor_kind,
                      plan_version=plan.version, text=text)
    errors: dict[str, list] = {}
    merge_model_errors(event, errors, exclude=["plan", "actor", "action", "changes"])
    raise_if_errors(errors)
    event.save()
    return event


@transaction.atomic
def plan_agree(*, actor: Actor, plan: Plan, version: int) -> Plan:
    """The job seeker agrees to ``version`` of their plan, which must be the current one.

    Agreeing again to the version already agreed to changes nothing. A plan without any action that
    is open or done has nothing to agree to yet.
    """
    if not (actor.is_seeker and actor.seeker.pk == plan.seeker_id):
        raise NotAllowed(_("Only the job seeker agrees to their own plan."))
    plan = _locked(plan)
    if isinstance(version, bool) or not isinstance(version, int):
        raise ValidationError({"version": [_("Give the version of the plan you agree to.")]})
    if version != plan.version:
        raise PlanChanged()
    if plan.agreed_version == plan.version:
        return plan
    if not plan.actions.exclude(status=ActionStatus.CANCELLED).exists():
        raise ValidationError({"actions": [_("Your plan has no actions yet. Your caseworker adds them first.")]})
    plan.agreed_version = plan.version
    plan.agreed_at = timezone.now()
    plan.save(update_fields=["agreed_version", "agreed_at", "updated_at"])
    _record(plan, actor, PlanActorKind.SEEKER, PlanEventKind.AGREED)
    return plan
