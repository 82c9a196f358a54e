"""Writes of roles: create, update, and every status change through the role workflow table."""

import datetime
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.access import Actor
from marketplace.choices import RoleStatus
from marketplace.constants import ROLE_HOURS_MAX, ROLE_HOURS_MIN, ROLE_PLACES_MAX, ROLE_PLACES_MIN
from marketplace.exceptions import NotEditable, NotYourOrganisation
from marketplace.messages import ROLE_CLOSED, WAGE_NOT_POSITIVE, WAGE_OR_ALLOWANCE, WEEKDAY_REQUIRED
from marketplace.models import Organisation, Role, RoleSkill, Skill
from marketplace.services._common import apply_fields, check_coordinates, check_skill_levels, raise_if_errors
from marketplace.services.applications import role_seats_check_places
from marketplace.services.notifications import notifications_record_for_role_ending
from marketplace.validators import hours_range_errors
from marketplace.workflows.base import EMPLOYER, SYSTEM
from marketplace.workflows.roles import ROLE_EDITABLE_STATUSES, ROLE_WORKFLOW

logger = logging.getLogger(__name__)

# What an employer sets on a role; organisation, municipality and status are decided by the services.
ROLE_FIELDS = frozenset({
    "kind", "title", "description", "hours_min", "hours_max", "weekdays", "start_date", "end_date",
    "at_requester_address", "language_level_required", "physical_demands", "support_offered", "target_rung",
    "places", "hourly_wage", "volunteer_allowance", "street", "postcode", "city", "latitude", "longitude",
})
# The employer hears this many days ahead that a published role reaches its end date.
EXPIRY_REMINDER_DAYS = 7
# Why the system closed a role, in the log of its moves.
EXPIRY_REASON = "end date passed"


@dataclass(frozen=True)
class SkillRequirement:
    skill: Skill
    level: int = 1
    required: bool = True


def _ensure_member(actor: Actor, organisation_id: int) -> None:
    if organisation_id not in actor.organisation_ids:
        raise NotYourOrganisation()


def _ensure_may_write(actor: Actor, *, organisation_id: int, municipality_id: int) -> None:
    """The organisation's people write its roles; in the admin, so do the caseworkers of the role's
    municipality and administrators. Moving a role through its workflow stays with the organisation."""
    if actor.is_administrator or organisation_id in actor.organisation_ids:
        return
    if actor.is_caseworker and actor.caseworker.municipality_id == municipality_id:
        return
    raise NotYourOrganisation()


def _validate_role(role: Role) -> None:
    """Field-named checks for the rules the database also enforces, then the model's own validation."""
    errors = hours_range_errors(role.hours_min, role.hours_max, minimum=ROLE_HOURS_MIN, maximum=ROLE_HOURS_MAX)
    if not role.weekdays:
        errors["weekdays"] = [WEEKDAY_REQUIRED]
    if role.places is not None and not ROLE_PLACES_MIN <= role.places <= ROLE_PLACES_MAX:
        errors["places"] = [_("A role has from %(min)d to %(max)d places.") % {"min": ROLE_PLACES_MIN,
                                                                              "max": ROLE_PLACES_MAX}]
    if role.hourly_wage is not None and role.hourly_wage <= 0:
        errors["hourly_wage"] = [WAGE_NOT_POSITIVE]
    if role.hourly_wage is not None and role.volunteer_allowance is not None:
        errors["volunteer_allowance"] = [WAGE_OR_ALLOWANCE]
    if role.start_date and role.end_date and role.end_date < role.start_date:
        errors["end_date"] = [_("The end date cannot be before the start date.")]
    check_coordinates(role, errors)
    raise_if_errors(errors)
    role.full_clean()


def _set_skills(role: Role, skills: Sequence[SkillRequirement]) -> None:
    check_skill_levels(skills)
    role.skill_requirements.all().delete()
    RoleSkill.objects.bulk_create(
        RoleSkill(role=role, skill=item.skill, level=int(item.level), required=bool(item.required)) for item in skills
    )


def _locked(role: Role) -> Role:
    return Role.objects.select_for_update().get(pk=role.pk)


@transaction.atomic
def role_create(
    *, actor: Actor, organisation: Organisation, data: Mapping[str, Any],
    skills: Sequence[SkillRequirement] | None = (),
) -> Role:
    """A new draft role of ``organisation``, in that organisation's municipality; ``skills`` None means none."""
    _ensure_may_write(actor, organisation_id=organisation.pk, municipality_id=organisation.municipality_id)
    role = Role(
        organisation=organisation, municipality_id=organisation.municipality_id, created_by=actor.user,
        status=RoleStatus.DRAFT,
    )
    apply_fields(role, data, allowed=ROLE_FIELDS)
    _validate_role(role)
    role.save()
    _set_skills(role, skills or ())
    return role


@transaction.atomic
def role_update(
    *, actor: Actor, role: Role, data: Mapping[str, Any], skills: Sequence[SkillRequirement] | None = None
) -> Role:
    """Change a role's content; ``skills``, when given, replaces all of its skill requirements."""
    role = _locked(role)
    _ensure_may_write(actor, organisation_id=role.organisation_id, municipality_id=role.municipality_id)
    if role.status not in ROLE_EDITABLE_STATUSES:
        raise NotEditable(ROLE_CLOSED)
    if data.get("places") is not None:
        # Seekers in trial or placed keep their seat: a role cannot shrink below them.
        role_seats_check_places(role=role, places=data["places"])
    apply_fields(role, data, allowed=ROLE_FIELDS)
    _validate_role(role)
    role.save()
    if skills is not None:
        _set_skills(role, skills)
    return role


def _move(role: Role, target: str, *, actor_kind: str, by: str, reason: str = "") -> Role:
    """Move a locked ``role`` to ``target`` if the workflow table allows it, logging who did it and why."""
    ROLE_WORKFLOW.check(role.status, target, (actor_kind,))
    previous = role.status
    role.status = target
    if target == RoleStatus.PUBLISHED and role.published_at is None:
        role.published_at = timezone.now()
    role.save(update_fields=["status", "published_at", "updated_at"])
    role_id = role.pk
    transaction.on_commit(lambda: logger.info("Role %s moved from %s to %s by %s%s", role_id, previous, target, by,
                                              f" ({reason})" if reason else ""))
    return role


@transaction.atomic
def role_transition(*, actor: Actor, role: Role, target: str) -> Role:
    """Move a role to ``target`` if the workflow table allows it from the current status."""
    role = _locked(role)
    _ensure_member(actor, role.organisation_id)
    return _move(role, target, actor_kind=EMPLOYER, by=f"user {getattr(actor.user, 'pk', None)}")


def role_publish(*, actor: Actor, role: Role) -> Role:
    return role_transition(actor=actor, role=role, target=RoleStatus.PUBLISHED)


def role_close(*, actor: Actor, role: Role) -> Role:
    return role_transition(actor=actor, role=role, target=RoleStatus.CLOSED)


def role_mark_filled(*, actor: Actor, role: Role) -> Role:
    return role_transition(actor=actor, role=role, target=RoleStatus.FILLED)



# End dates --------------------------------------------------------------------------------------------------

@transaction.atomic
def roles_close_expired(*, today: datetime.date) -> list[Role]:
    """Close every published role whose end date lies before ``today``; the system is the actor.

    A role is open up to and including its end date. Closing keeps the workflow's rules: applications
    stay as they are (a closed role takes no one further) and seated people keep their seats.
    Closing twice is a no-op: a closed role is no longer published.
    """
    closed = []
    expired = Role.objects.published().filter(end_date__lt=today).select_for_update().order_by("pk")
    for role in expired:
        closed.append(_move(role, RoleStatus.CLOSED, actor_kind=SYSTEM, by=SYSTEM, reason=EXPIRY_REASON))
    return closed


@transaction.atomic
def roles_remind_expiring(*, today: datetime.date) -> list[Role]:
    """Remind the members of each published role's organisation that it ends within ``EXPIRY_REMINDER_DAYS``.

    Each role's reminder is recorded once per end date, however often this runs (the outbox's
    idempotency); a day the run was missed is made up the next day. Returns the roles reminded now.
    """
    ending = (Role.objects.published().select_related("organisation")
              .filter(end_date__gte=today, end_date__lte=today + datetime.timedelta(days=EXPIRY_REMINDER_DAYS))
              .order_by("end_date", "pk"))
    return [role for role in ending if notifications_record_for_role_ending(role=role)]


@dataclass(frozen=True)
class RoleExpiryReport:
    closed: list[Role] = field(default_factory=list)
    reminded: list[Role] = field(default_factory=list)


def roles_expiry_run(*, today: datetime.date) -> RoleExpiryReport:
    """Close the roles whose end date has passed, then remind the employers of roles that end soon."""
    return RoleExpiryReport(closed=roles_close_expired(today=today), reminded=roles_remind_expiring(today=today))


def roles_expiry_run_once_a_day(*, today: datetime.date) -> RoleExpiryReport | None:
    """``roles_expiry_run`` for the first caller of the day; None for every later one.

    The day is marked in the shared cache before the run, so several delivery loops do not all
    run it; with a per-process cache each loop runs it once a day, which is still safe: closing
    twice is a no-op and the outbox records each reminder once. A run that failed on the database
    unmarks the day so the next call tries again.
    """
    key = f"roles:expiry-run:{today.isoformat()}"
    if not cache.add(key, True, timeout=2 * 24 * 60 * 60):
        return None
    try:
        return roles_expiry_run(today=today)
    except DatabaseError:
        cache.delete(key)
        raise
