"""Writes of applications: every status change goes through ``application_transition`` and the table.

The transitions table (marketplace/workflows/applications.py) says which moves exist and who may make
them; this module checks it, records each move on the timeline, and does what a move implies:
an introduction needs the seeker's consent, a trial or placement takes one of the role's places
(never more than the role has), a placement gets its terms and retention checkpoints, and the
people concerned get an e-mail once the change is committed.

Locks are always taken in the same order, the role first and then the application, so that
concurrent requests queue on the role instead of deadlocking.
"""

import calendar
import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext_lazy as _

from marketplace.access import Actor, actor_for
from marketplace.choices import ApplicationStatus, RoleStatus, SeekerStatus
from marketplace.constants import NOTE_MAX_LENGTH, PLACEMENT_HOURS_MAX, PLACEMENT_HOURS_MIN, Support
from marketplace.exceptions import (
    ApplicationExists,
    ConsentRequired,
    NotAllowed,
    NotYourMunicipality,
    NotYourOrganisation,
    Overbooked,
    TooManyInvitations,
    TransitionNotAllowed,
)
from marketplace.messages import SEEKER_NOT_INVITABLE, WAGE_NOT_POSITIVE, hours_between, role_hours
from marketplace.minimum_wage import FIRST_DAY, MinimumWageUnknown, minimum_hourly_wage
from marketplace.models import JobSeeker, Role
from marketplace.models.applications import (
    RETENTION_MONTHS,
    Application,
    ApplicationEvent,
    Placement,
    RetentionCheckpoint,
    RoleSeat,
)
from marketplace.ratelimit import RateLimit
from marketplace.selectors.applications import (
    actor_kinds_for,
    actor_kinds_for_role,
    application_has_consent,
    next_candidate_numbers,
    seeker_invitable,
)
from marketplace.services.notifications import notifications_record_for_application
from marketplace.validators import validate_plausible_date
from marketplace.workflows.applications import APPLICATION_WORKFLOW, BEFORE_INTRODUCTION, SEATED_STATUSES
from marketplace.workflows.base import CASEWORKER, EMPLOYER, SEEKER, SYSTEM
from marketplace.workflows.roles import ROLE_WORKFLOW

S = ApplicationStatus
# An invited card's number is kept when it lies within this many numbers of the first free one
# (a page shows far fewer cards), so a crafted number cannot push a role's numbers out of range.
CANDIDATE_NUMBERS_AHEAD = 100
# Moves that take a candidate further into a role: only while the role is open.
FORWARD_STATUSES = frozenset({S.INTERESTED, S.PROPOSED, S.INTRODUCED, S.TRIAL})
OPEN_ROLE_STATUSES = frozenset({RoleStatus.PUBLISHED, RoleStatus.FILLED})


@dataclass(frozen=True)
class PlacementTerms:
    """What the employer and the seeker agreed when the trial became a placement."""

    start_date: datetime.date
    hours_per_week: int
    hourly_wage: Decimal | None = None
    support: int = 0
    job_coach: bool = False
    # A caseworker's reason to agree terms that the checks below refuse; logged on the timeline.
    override_reason: str = ""
    # Filled in by the checks: what the override set aside.
    overridden: tuple[str, ...] = ()


@dataclass(frozen=True)
class EndTerms:
    reason: str
    end_date: datetime.date | None = None


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later, or the month's last day when it is shorter (31 Jan + 1 = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# Locks and checks ---------------------------------------------------------------------------------------------

def _lock(application: Application) -> tuple[Role, Application]:
    role = Role.objects.select_for_update().get(pk=application.role_id)
    locked = Application.objects.select_for_update().get(pk=application.pk)
    locked.role = role
    locked.seeker = JobSeeker.objects.get(pk=locked.seeker_id)
    return role, locked


def _not_found(actor: Actor) -> Exception:
    return NotYourOrganisation() if actor.memberships else NotYourMunicipality()


def _check_role_open(role: Role, to_status: str) -> None:
    if to_status in FORWARD_STATUSES and role.status not in OPEN_ROLE_STATUSES:
        raise TransitionNotAllowed(
            _("This role is %(status)s; it takes no candidates now.") % {"status": ROLE_WORKFLOW.label(role.status)},
            field="role",
        )


def _clean_note(note: str, *, field: str = "note") -> str:
    note = (note or "").strip()
    if len(note) > NOTE_MAX_LENGTH:
        raise ValidationError({field: [_("At most 1000 characters.")]})
    return note


def _euros(amount: Decimal) -> str:
    return number_format(amount, decimal_pos=2, use_l10n=True)


def _hours_outside(hours: int, role: Role, seeker: JobSeeker) -> dict:
    """Hours the role or the seeker's availability does not allow."""
    errors = []
    if not role.hours_min <= hours <= role.hours_max:
        errors.append(role_hours(role))
    seeker_min, seeker_max = seeker.hours_min or PLACEMENT_HOURS_MIN, seeker.hours_max or PLACEMENT_HOURS_MAX
    if not seeker_min <= hours <= seeker_max:
        errors.append(_("The job seeker can work %(min)d to %(max)d hours a week.")
                      % {"min": seeker_min, "max": seeker_max})
    return {"hours_per_week": errors} if errors else {}


def _wage_too_low(wage: Decimal | None, start_date: datetime.date, role: Role, seeker: JobSeeker) -> dict:
    """A paid wage below the role's or below the statutory minimum for the person's age on the start date."""
    if wage is None:
        return {}  # Unpaid work (volunteering) has no minimum wage.
    errors = []
    if role.hourly_wage is not None and wage < role.hourly_wage:
        errors.append(_("The wage cannot be lower than the wage of the role (€ %(wage)s an hour).")
                      % {"wage": _euros(role.hourly_wage)})
    try:
        minimum = minimum_hourly_wage(day=start_date, birth_date=seeker.date_of_birth)
    except MinimumWageUnknown as unknown:
        if unknown.reason == "too_young":
            return {"hourly_wage": [*errors, _("There is no statutory minimum wage for someone this young; "
                                               "a caseworker decides about this placement.")]}
        return {"start_date": [_("We do not know the statutory minimum wage on this date (we know it from "
                                 "%(first)s); a caseworker can agree the placement.")
                               % {"first": date_format(FIRST_DAY)}],
                **({"hourly_wage": errors} if errors else {})}
    if wage < minimum:
        errors.append(_("The wage cannot be lower than the statutory minimum wage for this person's age on the "
                        "start date (€ %(minimum)s an hour).") % {"minimum": _euros(minimum)})
    return {"hourly_wage": errors} if errors else {}


def _checked_placement(terms: PlacementTerms | None, role: Role, seeker: JobSeeker,
                       actor_kind: str) -> PlacementTerms:
    """The terms, checked: whole and well-formed always; fitting the role, the seeker and the statutory
    minimum wage unless a caseworker sets that aside with a reason."""
    if terms is None:
        raise ValidationError({"start_date": [_("A placement needs a start date and hours per week.")]})
    errors = {}
    if not isinstance(terms.start_date, datetime.date):
        errors["start_date"] = [_("Give the start date as a date.")]
    else:
        _check_date(errors, "start_date", terms.start_date)
    if not PLACEMENT_HOURS_MIN <= int(terms.hours_per_week or 0) <= PLACEMENT_HOURS_MAX:
        errors["hours_per_week"] = [hours_between(PLACEMENT_HOURS_MIN, PLACEMENT_HOURS_MAX)]
    wage = terms.hourly_wage if terms.hourly_wage is not None else role.hourly_wage
    if wage is not None and wage <= 0:
        errors["hourly_wage"] = [WAGE_NOT_POSITIVE]
    if terms.support & ~int(sum(Support)) or terms.support < 0:
        errors["support"] = [_("Unknown kind of support.")]
    reason = _clean_note(terms.override_reason, field="override_reason")
    if reason and actor_kind != CASEWORKER:
        errors["override_reason"] = [_("Only a caseworker can agree terms outside the usual checks.")]
    if errors:
        raise ValidationError(errors)
    hours = int(terms.hours_per_week)
    refused = {**_hours_outside(hours, role, seeker), **_wage_too_low(wage, terms.start_date, role, seeker)}
    if refused and not reason:
        raise ValidationError(refused)
    support = int(terms.support) | (int(Support.JOB_COACH) if terms.job_coach else 0)
    overridden = tuple(str(message) for messages in refused.values() for message in messages)
    return PlacementTerms(start_date=terms.start_date, hours_per_week=hours, hourly_wage=wage, support=support,
                          job_coach=bool(support & Support.JOB_COACH), override_reason=reason if refused else "",
                          overridden=overridden)


def _checked_end(terms: EndTerms | None, application: Application) -> EndTerms:
    reason = _clean_note(terms.reason if terms else "", field="reason")
    if not reason:
        raise ValidationError({"reason": [_("Say why the placement ends.")]})
    placement = Placement.objects.filter(application=application).first()
    end_date = terms.end_date if terms else None
    if end_date is None:
        # Without a date the placement ends today, or on its first day if it had not started yet.
        end_date = max(timezone.localdate(), placement.start_date) if placement else timezone.localdate()
    errors = {}
    _check_date(errors, "end_date", end_date)
    if errors:
        raise ValidationError(errors)
    if placement is not None and end_date < placement.start_date:
        raise ValidationError({"end_date": [_("The end date cannot be before the start date of the placement.")]})
    return EndTerms(reason=reason, end_date=end_date)


def _check_date(errors: dict, field: str, value: datetime.date) -> None:
    # The placement is written without full_clean (its checkpoints follow from it), so the model's
    # date validator is applied here.
    try:
        validate_plausible_date(value)
    except ValidationError as error:
        errors[field] = error.messages


# Places (seats) -----------------------------------------------------------------------------------------------

def _sync_seats(role: Role) -> None:
    """Seats 1..places exist; free seats above ``places`` (after the role was made smaller) are gone."""
    existing = set(RoleSeat.objects.filter(role=role).values_list("number", flat=True))
    missing = [RoleSeat(role=role, number=number) for number in range(1, role.places + 1) if number not in existing]
    RoleSeat.objects.bulk_create(missing, ignore_conflicts=True)
    RoleSeat.objects.filter(role=role, number__gt=role.places, application__isnull=True).delete()


def _occupied(role: Role) -> int:
    return Application.objects.for_role(role).seated().count()


def _overbooked(role: Role) -> Overbooked:
    return Overbooked(
        _("Every place of this role is taken (%(taken)d of %(places)d). A trial can start when a place frees up.")
        % {"taken": _occupied(role), "places": role.places}
    )


def _take_seat(role: Role) -> RoleSeat:
    _sync_seats(role)
    if _occupied(role) >= role.places:
        raise _overbooked(role)
    seat = (RoleSeat.objects.filter(role=role, number__lte=role.places, application__isnull=True)
            .order_by("number").first())
    if seat is None:
        raise _overbooked(role)
    return seat


def role_seats_check_places(*, role: Role, places: int) -> None:
    """Refuse to give a role fewer places than seekers in trial or placed (for the role services to call)."""
    taken = _occupied(role)
    if places < taken:
        raise ValidationError({"places": [
            _("%(taken)d people are in trial or placed in this role; it needs at least that many places.")
            % {"taken": taken}
        ]})


def _sync_role_status(role: Role) -> None:
    """A role whose places are all taken is filled; a filled role with a place free again is published."""
    full = _occupied(role) >= role.places
    if full and ROLE_WORKFLOW.allowed(role.status, RoleStatus.FILLED, SYSTEM):
        role.status = RoleStatus.FILLED
    elif not full and ROLE_WORKFLOW.allowed(role.status, RoleStatus.PUBLISHED, SYSTEM):
        role.status = RoleStatus.PUBLISHED
    else:
        return
    role.save(update_fields=["status", "updated_at"])


def _save_with_seat(application: Application, role: Role, *, new_seat: bool) -> None:
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError:
        # The seat's one-to-one constraint caught a second taker that got past the role lock.
        if new_seat:
            raise _overbooked(role) from None
        raise


# Side effects -------------------------------------------------------------------------------------------------

def _create_placement(application: Application, terms: PlacementTerms, *, actor_user, actor_kind: str) -> Placement:
    if terms.overridden:
        note = "\n".join([terms.override_reason, *(f"– {message}" for message in terms.overridden)])
        _record(application, from_status=application.status, actor_user=actor_user, actor_kind=actor_kind,
                note=note, kind=ApplicationEvent.Kind.TERMS_OVERRIDE)
    placement = Placement.objects.create(
        application=application, start_date=terms.start_date, hours_per_week=terms.hours_per_week,
        hourly_wage=terms.hourly_wage, support=terms.support,
    )
    RetentionCheckpoint.objects.bulk_create(
        RetentionCheckpoint(placement=placement, months=months, due_date=add_months(terms.start_date, months))
        for months in RETENTION_MONTHS
    )
    return placement


def _end_placement(application: Application, terms: EndTerms) -> None:
    placement = Placement.objects.filter(application=application).first()
    if placement is None:
        return
    placement.end_date, placement.end_reason = terms.end_date, terms.reason
    placement.save(update_fields=["end_date", "end_reason"])
    placement.checkpoints.filter(status=RetentionCheckpoint.Status.PLANNED, due_date__gt=terms.end_date).update(
        status=RetentionCheckpoint.Status.CANCELLED, recorded_at=timezone.now()
    )


def _sync_seeker_status(application: Application, to_status: str) -> None:
    seekers = JobSeeker.objects.filter(pk=application.seeker_id)
    if to_status == S.PLACED:
        seekers.filter(status=SeekerStatus.ACTIVE).update(status=SeekerStatus.PLACED, updated_at=timezone.now())
    elif to_status == S.ENDED and not Application.objects.filter(seeker_id=application.seeker_id,
                                                                  status=S.PLACED).exists():
        seekers.filter(status=SeekerStatus.PLACED).update(status=SeekerStatus.ACTIVE, updated_at=timezone.now())


def _notify(application: Application, to_status: str, actor_user) -> None:
    # Recorded in this transaction (the outbox), sent by the worker once it commits.
    notifications_record_for_application(application=application, to_status=to_status, actor_user=actor_user)


def _record(application: Application, *, from_status: str, actor_user, actor_kind: str, note: str,
            kind: str = ApplicationEvent.Kind.STATUS) -> ApplicationEvent:
    return ApplicationEvent.objects.create(
        application=application, kind=kind, from_status=from_status, to_status=application.status,
        actor=actor_user if getattr(actor_user, "pk", None) else None, actor_kind=actor_kind, note=note,
    )


# The one move -------------------------------------------------------------------------------------------------

def _move(application: Application, role: Role, *, to_status: str, actor_user, actor_kind: str, note: str = "",
          placement: PlacementTerms | None = None, end: EndTerms | None = None) -> Application:
    """Make a move already allowed by the table for ``actor_kind``; both rows are locked by the caller."""
    note = _clean_note(note)
    if to_status == S.PLACED:
        placement = _checked_placement(placement, role, application.seeker, actor_kind)
    if to_status == S.ENDED:
        end = _checked_end(end, application)
    _check_role_open(role, to_status)
    if to_status == S.INTRODUCED:
        if not application_has_consent(application):
            raise ConsentRequired()
        application.introduced_at = timezone.now()

    from_status = application.status
    new_seat = to_status in SEATED_STATUSES and application.seat_id is None
    if new_seat:
        application.seat = _take_seat(role)
    elif to_status not in SEATED_STATUSES:
        application.seat = None
    application.status = to_status
    _save_with_seat(application, role, new_seat=new_seat)
    _record(application, from_status=from_status, actor_user=actor_user, actor_kind=actor_kind, note=note)

    if to_status == S.PLACED:
        _create_placement(application, placement, actor_user=actor_user, actor_kind=actor_kind)
    if to_status == S.ENDED:
        _end_placement(application, end)
    if (from_status in SEATED_STATUSES) != (to_status in SEATED_STATUSES):
        _sync_role_status(role)
    _sync_seeker_status(application, to_status)
    _notify(application, to_status, actor_user)
    return application


@transaction.atomic
def application_transition(*, application: Application, to_status: str, actor_user, note: str = "",
                           placement: PlacementTerms | None = None, end: EndTerms | None = None) -> Application:
    """Move ``application`` to ``to_status`` on behalf of ``actor_user``, if the workflow table allows it.

    Raises NotYourOrganisation/NotYourMunicipality when the application is none of the user's
    business (shown as "not found"), TransitionNotAllowed when the move does not exist or is not
    theirs to make, ConsentRequired for an introduction without consent, Overbooked when a trial
    would need a place the role does not have, and ValidationError for bad placement or end terms.
    """
    role, application = _lock(application)
    actor = actor_for(actor_user)
    kinds = actor_kinds_for(actor=actor, application=application)
    if not kinds:
        raise _not_found(actor)
    actor_kind = APPLICATION_WORKFLOW.check(application.status, to_status, kinds)
    return _move(application, role, to_status=to_status, actor_user=actor_user, actor_kind=actor_kind, note=note,
                 placement=placement, end=end)


# The verbs ----------------------------------------------------------------------------------------------------

@transaction.atomic
def application_express_interest(*, seeker: JobSeeker, role: Role) -> tuple[Application, bool]:
    """Record that ``seeker`` is interested in ``role``; returns the application and whether it is new.

    Idempotent: asking twice keeps the one application as it is, whatever its status by then,
    except that a suggestion from a matching round becomes an interest. Only published roles of
    the seeker's own municipality can be chosen, so that the caseworkers who see the application
    are the seeker's own. The seeker's caseworker is told by e-mail.
    """
    role = Role.objects.select_for_update().get(pk=role.pk)
    if role.status != RoleStatus.PUBLISHED:
        raise NotAllowed(_("This role is no longer open."), field="role")
    if role.municipality_id != seeker.municipality_id:
        raise NotYourMunicipality(_("This role is in another municipality."), field="role")
    existing = Application.objects.filter(seeker=seeker, role=role).first()
    if existing is not None:
        if existing.status == S.SUGGESTED:
            _role, existing = _lock(existing)
            APPLICATION_WORKFLOW.check(existing.status, S.INTERESTED, (SEEKER,))
            _move(existing, role, to_status=S.INTERESTED, actor_user=seeker.user, actor_kind=SEEKER)
        return existing, False
    application = Application.objects.create(seeker=seeker, role=role, status=S.INTERESTED, created_by=seeker.user,
                                             candidate_number=_candidate_number(role))
    _record(application, from_status="", actor_user=seeker.user, actor_kind=SEEKER, note="")
    _notify(application, S.INTERESTED, seeker.user)
    return application, True


def _invitation_limit() -> RateLimit:
    return RateLimit("invitations", settings.INVITATIONS_PER_HOUR, 3600)


def _candidate_number(locked_role: Role, wanted: int | None = None) -> int:
    """The number of a new application for ``locked_role`` (locked by the caller): the card's number
    when it is still free (cards are numbered from the first free one), else the first free one."""
    first_free = next_candidate_numbers([locked_role.pk])[locked_role.pk]
    if wanted is not None and first_free <= wanted < first_free + CANDIDATE_NUMBERS_AHEAD:
        return wanted
    return first_free


@transaction.atomic
def application_invite(*, role: Role, seeker: JobSeeker, actor_user, note: str = "",
                       candidate_number: int | None = None) -> Application:
    """An employer or caseworker asks ``seeker`` to be introduced for ``role``; the seeker gets an e-mail.

    ``candidate_number`` is the number on the card the employer invited ("Kandidaat 3"); the
    application keeps it when it is still free, so the candidate keeps one name throughout.

    A new application starts as ``proposed``; an existing suggestion or interest becomes
    ``proposed``, or ``introduced`` straight away when the seeker already consented. Employers
    can only invite seekers who allow an anonymous card; see ``seeker_invitable``.
    """
    role = Role.objects.select_for_update().get(pk=role.pk)
    actor = actor_for(actor_user)
    kinds = actor_kinds_for_role(actor=actor, role=role)
    if not kinds:
        raise _not_found(actor)
    if role.status != RoleStatus.PUBLISHED:
        raise TransitionNotAllowed(_("Only published roles take invitations."), field="role")
    if seeker_invitable(actor=actor, role=role, seeker_id=seeker.pk) is None:
        raise ValidationError({"seeker": [SEEKER_NOT_INVITABLE]})
    actor_kind = EMPLOYER if EMPLOYER in kinds else CASEWORKER
    if actor_kind == EMPLOYER and not _invitation_limit().attempt(role.organisation_id):
        # Counted per organisation, across the portal and the API: many invitations are a way to probe people.
        raise TooManyInvitations()
    existing = Application.objects.filter(seeker=seeker, role=role).first()
    if existing is None:
        application = Application.objects.create(seeker=seeker, role=role, status=S.PROPOSED, created_by=actor_user,
                                                 candidate_number=_candidate_number(role, candidate_number))
        _record(application, from_status="", actor_user=actor_user, actor_kind=actor_kind, note=_clean_note(note))
        _notify(application, S.PROPOSED, actor_user)
        return application
    _role, existing = _lock(existing)
    if existing.status not in (S.SUGGESTED, S.INTERESTED):
        raise ApplicationExists(
            _("This job seeker already has an application for this role; it is %(status)s.")
            % {"status": APPLICATION_WORKFLOW.label(existing.status)}
        )
    target = S.INTRODUCED if application_has_consent(existing) else S.PROPOSED
    actor_kind = APPLICATION_WORKFLOW.check(existing.status, target, (actor_kind,))
    return _move(existing, role, to_status=target, actor_user=actor_user, actor_kind=actor_kind, note=note)


@transaction.atomic
def application_consent(*, application: Application, actor_user, note: str = "") -> Application:
    """The seeker agrees that this employer may see their name and contact details.

    On a proposal (the employer or caseworker asked) the consent is the answer, so the seeker is
    introduced at once; otherwise the consent waits for the employer's or caseworker's introduction.
    """
    role, application = _lock(application)
    actor = actor_for(actor_user)
    kinds = actor_kinds_for(actor=actor, application=application)
    if not kinds:
        raise _not_found(actor)
    if SEEKER not in kinds:
        raise NotAllowed(_("Only the job seeker can give this consent."))
    if application.status not in BEFORE_INTRODUCTION:
        raise TransitionNotAllowed(
            _("Consent is given before an introduction; this application is %(status)s.")
            % {"status": APPLICATION_WORKFLOW.label(application.status)}
        )
    note = _clean_note(note)
    if application.seeker_consented_at is None:
        application.seeker_consented_at = timezone.now()
        application.save(update_fields=["seeker_consented_at", "updated_at"])
        _record(application, from_status=application.status, actor_user=actor_user, actor_kind=SEEKER, note=note,
                kind=ApplicationEvent.Kind.CONSENT)
    if application.status == S.PROPOSED:
        return _move(application, role, to_status=S.INTRODUCED, actor_user=actor_user, actor_kind=SEEKER)
    return application


def application_introduce(*, application: Application, actor_user, note: str = "") -> Application:
    return application_transition(application=application, to_status=S.INTRODUCED, actor_user=actor_user, note=note)


def application_start_trial(*, application: Application, actor_user, note: str = "") -> Application:
    return application_transition(application=application, to_status=S.TRIAL, actor_user=actor_user, note=note)


def application_place(*, application: Application, actor_user, terms: PlacementTerms, note: str = "") -> Application:
    return application_transition(application=application, to_status=S.PLACED, actor_user=actor_user, note=note,
                                  placement=terms)


def application_end(*, application: Application, actor_user, reason: str,
                    end_date: datetime.date | None = None) -> Application:
    return application_transition(application=application, to_status=S.ENDED, actor_user=actor_user, note=reason,
                                  end=EndTerms(reason=reason, end_date=end_date))


def application_decline(*, application: Application, actor_user, note: str = "") -> Application:
    return application_transition(application=application, to_status=S.DECLINED, actor_user=actor_user, note=note)


def application_withdraw(*, application: Application, actor_user, note: str = "") -> Application:
    return application_transition(application=application, to_status=S.WITHDRAWN, actor_user=actor_user, note=note)


@transaction.atomic
def retention_checkpoint_record(*, checkpoint: RetentionCheckpoint, status: str, actor_user,
                                note: str = "") -> RetentionCheckpoint:
    """A caseworker of the role's municipality records whether the person still works at a checkpoint."""
    checkpoint = (RetentionCheckpoint.objects.select_for_update().select_related("placement__application__role")
                  .get(pk=checkpoint.pk))
    actor = actor_for(actor_user)
    role = checkpoint.placement.application.role
    if not actor.is_caseworker or actor.caseworker.municipality_id != role.municipality_id:
        raise NotYourMunicipality()
    if status not in (RetentionCheckpoint.Status.RETAINED, RetentionCheckpoint.Status.NOT_RETAINED):
        raise ValidationError({"status": [_("Record whether the person still works or not.")]})
    checkpoint.status, checkpoint.note = status, _clean_note(note)
    checkpoint.recorded_at, checkpoint.recorded_by = timezone.now(), actor_user
    checkpoint.save(update_fields=["status", "note", "recorded_at", "recorded_by"])
    return checkpoint

