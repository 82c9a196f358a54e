"""Writes of the koffer: the municipality's catalogue of instruments, and deploying one for a person.

The catalogue is kept by the municipality's caseworkers (and administrators): name, kind, usual cost
and duration, the provider that carries it out and, for a wage-cost subsidy, the share of the wage
the municipality pays. ``assignment_create`` deploys an instrument for one job seeker; its signature
is the contract other parts of the project (the provider side, the demo) call:

    assignment_create(*, actor, seeker, instrument, data) -> InstrumentAssignment

with ``data`` holding any of ``provider`` (an Organisation; the instrument's own provider when left
out or None), ``start_date`` (required), ``end_date``, ``cost`` (the instrument's cost when left out
or None), ``consent`` (True when the person agreed that the provider receives their name and contact
details: required whenever a provider carries it out), ``plan_action`` and ``application``.

Status moves follow marketplace/workflows/instruments.py. Starting and ending are open to staff of
the provider too, when the person consented, because the provider reports when the trajectory began
and what came of it; everything else is the municipality's. Every refusal names the field it is
about and writes nothing.
"""

import datetime
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.access import Actor
from marketplace.choices import AssignmentStatus, OrganisationKind
from marketplace.constants import NOTE_MAX_LENGTH
from marketplace.exceptions import NotAllowed, NotEditable, NotYourMunicipality, NotYourOrganisation
from marketplace.models import Application, Instrument, InstrumentAssignment, JobSeeker, Municipality, Organisation
from marketplace.models.koffer import INSTRUMENT_DURATION_WEEKS_MAX, AssignmentResult, InstrumentKind
from marketplace.models.plans import PlanAction
from marketplace.services._caseload import ensure_caseworker_of, merge_model_errors
from marketplace.services._common import raise_if_errors, reject_unknown_fields
from marketplace.workflows.base import CASEWORKER
from marketplace.workflows.instruments import ASSIGNMENT_EDITABLE_STATUSES, INSTRUMENT_WORKFLOW, PROVIDER

INSTRUMENT_FIELDS = frozenset({
    "kind", "name", "description", "cost", "duration_weeks", "provider", "subsidy_percent", "active",
})
ASSIGNMENT_CREATE_FIELDS = frozenset({
    "provider", "start_date", "end_date", "cost", "consent", "plan_action", "application",
})
ASSIGNMENT_UPDATE_FIELDS = frozenset({"start_date", "end_date", "cost", "plan_action", "application"})

ONLY_KEEPERS = _("Only caseworkers keep the municipality's instruments.")
ONLY_CASEWORKERS_ASSIGN = _("Only caseworkers deploy instruments for people.")
ONLY_THE_MUNICIPALITY = _("Only caseworkers of the municipality do this.")
COST_INVALID = _("Enter the cost in euros, such as 1250.50.")
COST_NEGATIVE = _("The cost cannot be negative.")
END_BEFORE_START = _("The end date cannot be before the start date.")
NOT_A_PROVIDER = _("Choose a provider of this municipality: a re-integration company, language school or debt help.")


# Shared checks --------------------------------------------------------------------------------------------


def _as_decimal(value) -> Decimal | None:
    """``value`` as a Decimal, or None when it is no number (a boolean is no number either)."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = Decimal(str(value)) if not isinstance(value, Decimal) else value
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _check_cost(value, errors: dict) -> None:
    cost = _as_decimal(value)
    if cost is None:
        errors["cost"] = [COST_INVALID]
    elif cost < 0:
        errors["cost"] = [COST_NEGATIVE]


def _check_provider(provider, municipality_id: int, errors: dict) -> None:
    if provider is None:
        return
    if (not isinstance(provider, Organisation) or provider.kind != OrganisationKind.PROVIDER
            or provider.municipality_id != municipality_id):
        errors["provider"] = [NOT_A_PROVIDER]


def _is_date(value) -> bool:
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


def _text(value) -> str:
    return str(value or "").strip()


# The catalogue ---------------------------------------------------------------------------------------------


def _ensure_keeper(actor: Actor, municipality_id: int) -> None:
    """A caseworker of the municipality or an administrator; another municipality's caseworker finds nothing."""
    if actor.is_administrator and not actor.is_caseworker:
        return
    if not actor.is_caseworker:
        raise NotAllowed(ONLY_KEEPERS)
    if actor.caseworker.municipality_id != municipality_id:
        raise NotYourMunicipality(field="municipality")


def _check_subsidy(instrument: Instrument, errors: dict) -> None:
    percent = instrument.subsidy_percent
    if instrument.kind != InstrumentKind.WAGE_COST_SUBSIDY:
        if percent is not None:
            errors["subsidy_percent"] = [_("Only a wage-cost subsidy has a subsidy percentage; leave it empty.")]
        return
    number = _as_decimal(percent)
    if number is None:
        errors["subsidy_percent"] = [_("Give the share of the wage the municipality pays, from 0 to 100 percent.")]
    elif not 0 <= number <= 100:
        errors["subsidy_percent"] = [_("Enter a percentage from 0 to 100.")]
    elif instrument.active:
        others = (Instrument.objects.for_municipality(instrument.municipality_id).available()
                  .filter(kind=InstrumentKind.WAGE_COST_SUBSIDY).exclude(pk=instrument.pk).first())
        if others is not None:
            # Carved roles take their subsidy from the one in use, so there is never a choice between two.
            errors["kind"] = [_("“%(name)s” is the wage-cost subsidy in use. Take it out of use first.")
                              % {"name": others.name}]


def _instrument_errors(instrument: Instrument) -> dict:
    errors: dict[str, list] = {}
    instrument.name = " ".join(_text(instrument.name).split())
    if not instrument.name:
        errors["name"] = [_("Give the instrument a name.")]
    elif (Instrument.objects.for_municipality(instrument.municipality_id).filter(name__iexact=instrument.name)
          .exclude(pk=instrument.pk).exists()):
        errors["name"] = [_("The municipality already has an instrument with this name.")]
    if instrument.kind not in InstrumentKind.values:
        errors["kind"] = [_("Choose what kind of instrument this is.")]
    _check_cost(instrument.cost, errors)
    weeks = instrument.duration_weeks
    if weeks is not None and (isinstance(weeks, bool) or not isinstance(weeks, int)
                              or not 1 <= weeks <= INSTRUMENT_DURATION_WEEKS_MAX):
        errors["duration_weeks"] = [_("Give the usual duration from 1 to %(max)d weeks, or leave it empty.")
                                    % {"max": INSTRUMENT_DURATION_WEEKS_MAX}]
    if not isinstance(instrument.active, bool):
        errors["active"] = [_("Say whether the instrument is in use.")]
    _check_provider(instrument.provider, instrument.municipality_id, errors)
    if "kind" not in errors:
        _check_subsidy(instrument, errors)
    instrument.description = _text(instrument.description)
    merge_model_errors(instrument, errors, exclude=["municipality", "provider"])
    return errors


# What each link must be; anything else is refused on the field rather than failing on assignment.
LINKS = {"provider": (Organisation, NOT_A_PROVIDER),
         "plan_action": (PlanAction, _("Choose an action of this person's plan.")),
         "application": (Application, _("Choose an application or placement of this person."))}


def _apply(instance, data: Mapping[str, Any]) -> None:
    """Set ``data`` on ``instance``; a link that is no record of its kind raises a ValidationError on its field."""
    for name, value in data.items():
        if name in LINKS and value is not None and not isinstance(value, LINKS[name][0]):
            raise ValidationError({name: [LINKS[name][1]]})
        setattr(instance, name, value)


@transaction.atomic
def instrument_create(*, actor: Actor, municipality: Municipality, data: Mapping[str, Any]) -> Instrument:
    """A new instrument in the municipality's catalogue, in use unless ``data`` says otherwise."""
    reject_unknown_fields(data, INSTRUMENT_FIELDS)
    _ensure_keeper(actor, municipality.pk)
    instrument = Instrument(municipality=municipality)
    _apply(instrument, data)
    raise_if_errors(_instrument_errors(instrument))
    instrument.save()
    return instrument


@transaction.atomic
def instrument_update(*, actor: Actor, instrument: Instrument, data: Mapping[str, Any]) -> Instrument:
    """Change an instrument of the catalogue; ``{"active": False}`` takes it out of use.

    People it was deployed for keep their assignments as they were: an instrument out of use is only
    no longer offered.
    """
    reject_unknown_fields(data, INSTRUMENT_FIELDS)
    _ensure_keeper(actor, instrument.municipality_id)
    instrument = Instrument.objects.select_for_update().get(pk=instrument.pk)
    _apply(instrument, data)
    raise_if_errors(_instrument_errors(instrument))
    instrument.save()
    return instrument


# Deploying an instrument for a person ----------------------------------------------------------------------


def _assignment_errors(assignment: InstrumentAssignment, errors: dict) -> None:
    """Dates in order, a cost that is a sum of money, and links only to the person's own plan and applications."""
    if not _is_date(assignment.start_date):
        errors["start_date"] = [_("Give the start date.")]
    if assignment.end_date is not None:
        if not _is_date(assignment.end_date):
            errors["end_date"] = [_("Give the end date as a date, or leave it empty.")]
        elif _is_date(assignment.start_date) and assignment.end_date < assignment.start_date:
            errors["end_date"] = [END_BEFORE_START]
    _check_cost(assignment.cost, errors)
    action = assignment.plan_action
    if action is not None and action.plan.seeker_id != assignment.seeker_id:
        errors["plan_action"] = [LINKS["plan_action"][1]]
    if assignment.application is not None and assignment.application.seeker_id != assignment.seeker_id:
        errors["application"] = [LINKS["application"][1]]
    merge_model_errors(assignment, errors, exclude=[
        "seeker", "instrument", "provider", "plan_action", "application", "assigned_by"])


@transaction.atomic
def assignment_create(
    *, actor: Actor, seeker: JobSeeker, instrument: Instrument, data: Mapping[str, Any]
) -> InstrumentAssignment:
    """Deploy ``instrument`` for ``seeker``: planned, or running at once when it starts today or earlier.

    Only a caseworker of the seeker's municipality, with an instrument in use in that municipality's
    catalogue. A trajectory carried out by a provider needs the person's consent (``consent``: True),
    recorded with the time. See the module's docstring for ``data``.
    """
    reject_unknown_fields(data, ASSIGNMENT_CREATE_FIELDS)
    ensure_caseworker_of(actor, seeker, message=ONLY_CASEWORKERS_ASSIGN)
    if not isinstance(instrument, Instrument) or instrument.municipality_id != seeker.municipality_id:
        raise ValidationError({"instrument": [_("Choose an instrument of this municipality's koffer.")]})
    errors: dict[str, list] = {}
    if not instrument.active:
        errors["instrument"] = [_("This instrument is no longer in use.")]
    data = dict(data)
    consent = data.pop("consent", False)
    assignment = InstrumentAssignment(seeker=seeker, instrument=instrument, assigned_by=actor.user)
    _apply(assignment, {**data, "provider": data.get("provider") or instrument.provider,
                        "cost": instrument.cost if data.get("cost") is None else data["cost"]})
    _check_provider(assignment.provider, seeker.municipality_id, errors)
    if assignment.provider is not None:
        if consent is not True:
            errors["consent"] = [_("The provider receives the person's name and contact details. Ask the person "
                                   "for consent first, and record it.")]
        assignment.consent_at = timezone.now()
    _assignment_errors(assignment, errors)
    raise_if_errors(errors)
    started = assignment.start_date <= timezone.localdate()
    assignment.status = AssignmentStatus.ACTIVE if started else AssignmentStatus.PLANNED
    assignment.save()
    return assignment


def _locked(assignment: InstrumentAssignment) -> InstrumentAssignment:
    return (InstrumentAssignment.objects.select_for_update(of=("self",)).select_related("seeker", "instrument")
            .get(pk=assignment.pk))


def acting_as(actor: Actor, assignment: InstrumentAssignment, *, others=ONLY_THE_MUNICIPALITY) -> str:
    """The capacity ``actor`` acts in: a caseworker of the person's municipality, or staff of the provider.

    Provider staff reach only their own organisation's trajectories in their own municipality that the
    person consented to; any other one does not exist for them, as another municipality's does not for
    a caseworker. Anyone else is refused with ``others``.
    """
    if actor.is_caseworker:
        if actor.caseworker.municipality_id != assignment.seeker.municipality_id:
            raise NotYourMunicipality()
        return CASEWORKER
    if actor.is_provider:
        if (assignment.provider_id not in actor.provider_organisation_ids or assignment.consent_at is None
                or assignment.provider.municipality_id != assignment.seeker.municipality_id):
            raise NotYourOrganisation(field="assignment")
        return PROVIDER
    raise NotAllowed(others)


def _move(assignment: InstrumentAssignment, target: str, actor_kind: str) -> None:
    """Check the move against the table: a move that does not exist is refused first, then one for others."""
    current = assignment.status
    if INSTRUMENT_WORKFLOW.exists(current, target) and not INSTRUMENT_WORKFLOW.allowed(current, target, actor_kind):
        raise NotAllowed(ONLY_THE_MUNICIPALITY)
    INSTRUMENT_WORKFLOW.check(current, target, [actor_kind])
    assignment.status = target


def _as_caseworker(actor: Actor, assignment: InstrumentAssignment) -> None:
    if acting_as(actor, assignment) != CASEWORKER:
        raise NotAllowed(ONLY_THE_MUNICIPALITY)


@transaction.atomic
def assignment_update(*, actor: Actor, assignment: InstrumentAssignment,
                      data: Mapping[str, Any]) -> InstrumentAssignment:
    """Change the dates, the cost or what the assignment is linked to, while it is planned or running."""
    reject_unknown_fields(data, ASSIGNMENT_UPDATE_FIELDS)
    _as_caseworker(actor, assignment)
    assignment = _locked(assignment)
    if assignment.status not in ASSIGNMENT_EDITABLE_STATUSES:
        raise NotEditable(_("An instrument that has ended or was cancelled can no longer be changed."))
    _apply(assignment, data)
    errors: dict[str, list] = {}
    if "cost" in data and data["cost"] is None:
        errors["cost"] = [COST_INVALID]
    if (assignment.status == AssignmentStatus.ACTIVE and _is_date(assignment.start_date)
            and assignment.start_date > timezone.localdate()):
        errors["start_date"] = [_("This instrument is running, so it started today or earlier.")]
    _assignment_errors(assignment, errors)
    raise_if_errors(errors)
    assignment.save()
    return assignment


@transaction.atomic
def assignment_start(*, actor: Actor, assignment: InstrumentAssignment,
                     start_date: datetime.date | None = None) -> InstrumentAssignment:
    """A planned instrument is running, from ``start_date`` (today or earlier).

    Without a date it keeps its planned start when that has come, and starts today otherwise.
    """
    actor_kind = acting_as(actor, assignment)
    assignment = _locked(assignment)
    _move(assignment, AssignmentStatus.ACTIVE, actor_kind)
    today = timezone.localdate()
    if start_date is None:
        start_date = min(assignment.start_date, today)
    errors: dict[str, list] = {}
    if not _is_date(start_date):
        errors["start_date"] = [_("Give the start date.")]
    elif start_date > today:
        errors["start_date"] = [_("An instrument starts today at the latest. Plan a later start date instead.")]
    else:
        assignment.start_date = start_date
        if assignment.end_date is not None and assignment.end_date < start_date:
            errors["start_date"] = [_("The planned end date is before this start date. Change the end date first.")]
    raise_if_errors(errors)
    assignment.save(update_fields=["status", "start_date", "updated_at"])
    return assignment


@transaction.atomic
def assignment_end(*, actor: Actor, assignment: InstrumentAssignment, end_date: datetime.date, result: str,
                   result_note: str = "") -> InstrumentAssignment:
    """A running instrument has ended on ``end_date`` with ``result``: by the caseworker, or by the provider."""
    actor_kind = acting_as(actor, assignment)
    assignment = _locked(assignment)
    _move(assignment, AssignmentStatus.ENDED, actor_kind)
    errors: dict[str, list] = {}
    if not _is_date(end_date):
        errors["end_date"] = [_("Give the date it ended.")]
    elif end_date < assignment.start_date:
        errors["end_date"] = [END_BEFORE_START]
    elif end_date > timezone.localdate():
        errors["end_date"] = [_("An instrument ends today at the latest.")]
    if result not in AssignmentResult.values:
        errors["result"] = [_("Choose the result: goal reached, partly reached, not reached, or stopped early.")]
    result_note = _text(result_note)
    if len(result_note) > NOTE_MAX_LENGTH:
        errors["result_note"] = [_("Write at most %(max)d characters.") % {"max": NOTE_MAX_LENGTH}]
    raise_if_errors(errors)
    assignment.end_date, assignment.result, assignment.result_note = end_date, result, result_note
    assignment.save(update_fields=["status", "end_date", "result", "result_note", "updated_at"])
    return assignment


@transaction.atomic
def assignment_cancel(*, actor: Actor, assignment: InstrumentAssignment, reason: str) -> InstrumentAssignment:
    """The municipality calls off a planned or running instrument, saying why. A running one ends today."""
    actor_kind = acting_as(actor, assignment)
    assignment = _locked(assignment)
    was_running = assignment.status == AssignmentStatus.ACTIVE
    _move(assignment, AssignmentStatus.CANCELLED, actor_kind)
    reason = _text(reason)
    if not reason:
        raise ValidationError({"reason": [_("Say why the instrument is cancelled.")]})
    if len(reason) > NOTE_MAX_LENGTH:
        raise ValidationError({"reason": [_("Write at most %(max)d characters.") % {"max": NOTE_MAX_LENGTH}]})
    assignment.result_note = reason
    if was_running:
        assignment.end_date = max(timezone.localdate(), assignment.start_date)
    assignment.save(update_fields=["status", "end_date", "result_note", "updated_at"])
    return assignment


@transaction.atomic
def assignment_follow_up(*, actor: Actor, assignment: InstrumentAssignment, note: str) -> InstrumentAssignment:
    """The caseworker followed up an ended instrument: what comes next for the person. A later one replaces it."""
    _as_caseworker(actor, assignment)
    assignment = _locked(assignment)
    if assignment.status != AssignmentStatus.ENDED:
        raise NotEditable(_("Record the follow-up once the instrument has ended."))
    note = _text(note)
    if not note:
        raise ValidationError({"note": [_("Write what was agreed as the next step.")]})
    if len(note) > NOTE_MAX_LENGTH:
        raise ValidationError({"note": [_("Write at most %(max)d characters.") % {"max": NOTE_MAX_LENGTH}]})
    assignment.followed_up_at = timezone.now()
    assignment.follow_up_note = note
    assignment.save(update_fields=["followed_up_at", "follow_up_note", "updated_at"])
    return assignment
