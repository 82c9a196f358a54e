"""Reads of the koffer: a municipality's catalogue of instruments, and the instruments deployed for a person.

Staff see their own municipality's catalogue and the assignments of their own municipality's job
seekers; anything of another municipality is not found. What provider staff may read of a trajectory
is decided by ``InstrumentAssignment.objects.for_provider``; these reads are for the municipality.
"""

from decimal import Decimal

from django.db.models import QuerySet

from marketplace.access import Actor
from marketplace.choices import OrganisationKind
from marketplace.exceptions import NotAllowed, NotYourMunicipality
from marketplace.models import Instrument, InstrumentAssignment, JobSeeker, Municipality, Organisation, PlanAction
from marketplace.models.koffer import InstrumentKind
from marketplace.models.plans import ActionStatus


def staff_municipality_id(actor: Actor) -> int | None:
    """The municipality whose koffer the actor keeps: a caseworker's own; None for everyone else."""
    return actor.caseworker.municipality_id if actor.is_caseworker else None


def instrument_catalogue(*, actor: Actor, in_use_only: bool = False) -> QuerySet[Instrument]:
    """The catalogue of the caseworker's municipality, by kind and name; nothing for anyone else."""
    municipality_id = staff_municipality_id(actor)
    if municipality_id is None:
        return Instrument.objects.none()
    instruments = Instrument.objects.for_municipality(municipality_id).select_related("provider")
    return instruments.available() if in_use_only else instruments


def providers_of(municipality: Municipality | int) -> QuerySet[Organisation]:
    """The organisations a municipality commissions trajectories from, by name."""
    return Organisation.objects.filter(municipality=municipality, kind=OrganisationKind.PROVIDER).order_by("name")


def _check_staff(actor: Actor, seeker: JobSeeker) -> None:
    """Caseworkers of the seeker's municipality; administrators in the admin, who see every municipality there."""
    if actor.is_caseworker:
        if actor.caseworker.municipality_id != seeker.municipality_id:
            raise NotYourMunicipality()
    elif not actor.is_administrator:
        raise NotAllowed()


def assignments_of_seeker(*, actor: Actor, seeker: JobSeeker) -> QuerySet[InstrumentAssignment]:
    """Every instrument deployed for ``seeker``, newest start first, for a caseworker of the seeker's municipality.

    Another municipality's seeker is NotYourMunicipality (reported as not found); anyone but a caseworker
    or an administrator is NotAllowed.
    """
    _check_staff(actor, seeker)
    return (InstrumentAssignment.objects.filter(seeker=seeker)
            .select_related("instrument", "provider", "plan_action", "application__role", "assigned_by"))


def assignment_of(*, actor: Actor, seeker: JobSeeker, assignment_id) -> InstrumentAssignment | None:
    """One assignment of ``seeker`` by id, or None: an id of another person's assignment is not found."""
    if not str(assignment_id).isdigit() or len(str(assignment_id)) > 18:
        return None
    return assignments_of_seeker(actor=actor, seeker=seeker).filter(pk=int(assignment_id)).first()


def open_plan_actions_of(seeker: JobSeeker) -> QuerySet[PlanAction]:
    """The open actions of the seeker's plan, which an instrument can be deployed for."""
    return PlanAction.objects.filter(plan__seeker=seeker, status=ActionStatus.OPEN).order_by("due_date", "id")


def wage_subsidy_instrument(municipality: Municipality | int) -> Instrument | None:
    """The municipality's wage-cost subsidy in use (the latest, should there ever be two), or None."""
    return (Instrument.objects.for_municipality(municipality).available()
            .filter(kind=InstrumentKind.WAGE_COST_SUBSIDY, subsidy_percent__isnull=False).order_by("-pk").first())


def wage_subsidy_percent(municipality: Municipality | int) -> Decimal:
    """The share of the wage the municipality pays for a carved role: its wage-cost subsidy's, 0 without one."""
    instrument = wage_subsidy_instrument(municipality)
    return instrument.subsidy_percent if instrument is not None else Decimal("0")
