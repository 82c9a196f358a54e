"""The provider side of the demo: the staff login of "Re-integratie Havenstad" and two clients it coaches.

The caseworker deploys two trajectories at the provider with the person's consent (the demo job
seeker's job coaching, and another person's activation linked to the step of their plan it serves);
the provider's staff member reported progress on them. Everything goes through the services, as
in the portal. Idempotent: a person who already has a trajectory at the provider keeps it, and a
trajectory with reports gets no more.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from marketplace.access import actor_for
from marketplace.choices import MembershipRole, OrganisationKind
from marketplace.demo.koffer import date_the_deployment
from marketplace.demo.plans import OTHERS
from marketplace.models import Instrument, InstrumentAssignment, JobSeeker, Membership, Organisation, PlanAction
from marketplace.models.koffer import InstrumentKind
from marketplace.services.instruments import assignment_create, instrument_create
from marketplace.services.progress_reports import progress_report_add

PROVIDER_NAME = "Re-integratie Havenstad"


@dataclass(frozen=True)
class DemoInstrument:
    kind: str
    name: str
    cost: Decimal
    weeks: int


@dataclass(frozen=True)
class DemoTrajectory:
    instrument: DemoInstrument
    started_days_ago: int
    reports: tuple[tuple[int, str], ...]  # (days ago, text), oldest first
    plan_action: str = ""  # the description of the plan action it serves, when linked


JOB_COACHING = DemoInstrument(InstrumentKind.JOB_COACH, "Jobcoaching Re-integratie Havenstad", Decimal("2400.00"), 26)
ACTIVATION = DemoInstrument(InstrumentKind.ACTIVATION, "Werkfit-traject Re-integratie Havenstad",
                            Decimal("1800.00"), 16)

FOR_THE_DEMO_SEEKER = DemoTrajectory(JOB_COACHING, 42, (
    (28, "Kennismakingsgesprek gehad. Samira wil graag in de schoonmaak of in een hotel werken, ochtenden onder "
         "schooltijd. We hebben haar cv samen bijgewerkt."),
    (7, "Twee sollicitatiegesprekken geoefend. Ze presenteert zich steeds zekerder; volgende stap is een "
        "meeloopdag bij een hotel."),
))
FOR_ANOTHER_SEEKER = DemoTrajectory(ACTIVATION, 21, (
    (5, "Komt trouw op dinsdag- en donderdagochtend. Het ritme gaat goed; we bouwen rustig op naar drie ochtenden."),
), plan_action=OTHERS[0].actions[0].description)


def _provider(municipality) -> Organisation:
    """The provider by its name, made here when the koffer's demo has not made it (yet)."""
    provider, _created = Organisation.objects.get_or_create(
        municipality=municipality, kind=OrganisationKind.PROVIDER, name=PROVIDER_NAME,
        defaults={"street": "Stationsweg 8", "postcode": "7411 AH", "city": municipality.name,
                  "email": "info@reintegratie-havenstad.example", "phone": "0570 123 456"},
    )
    return provider


def _instrument(caseworker, provider: Organisation, spec: DemoInstrument) -> Instrument:
    """The provider's instrument of the kind in the koffer, or a new one in the catalogue."""
    municipality = caseworker.caseworker.municipality
    existing = (Instrument.objects.for_municipality(municipality).available()
                .filter(provider=provider, kind=spec.kind).order_by("pk").first())
    if existing is not None:
        return existing
    return instrument_create(actor=caseworker, municipality=municipality, data={
        "kind": spec.kind, "name": spec.name, "cost": spec.cost, "duration_weeks": spec.weeks, "provider": provider,
    })


def _trajectory(caseworker, staff, provider: Organisation, seeker: JobSeeker, spec: DemoTrajectory,
                today: date) -> InstrumentAssignment:
    assignment = InstrumentAssignment.objects.filter(seeker=seeker, provider=provider).order_by("pk").first()
    if assignment is None:
        action = (PlanAction.objects.filter(plan__seeker=seeker, description=spec.plan_action).first()
                  if spec.plan_action else None)
        assignment = date_the_deployment(assignment_create(
            actor=caseworker, seeker=seeker, instrument=_instrument(caseworker, provider, spec.instrument), data={
                "provider": provider, "start_date": today - timedelta(days=spec.started_days_ago), "consent": True,
                "plan_action": action,
            }))
    if not assignment.reports.exists():
        for days_ago, text in spec.reports:
            progress_report_add(actor=staff, assignment=assignment, date=today - timedelta(days=days_ago), text=text)
    return assignment


def _another_seeker(municipality, demo_seeker: JobSeeker | None) -> JobSeeker | None:
    """The person whose plan has the step the activation serves, else the first person without a login."""
    with_plan = JobSeeker.objects.filter(municipality=municipality, plan__goal=OTHERS[0].goal).first()
    if with_plan is not None:
        return with_plan
    return (JobSeeker.objects.filter(municipality=municipality, user__isnull=True)
            .exclude(pk=getattr(demo_seeker, "pk", None)).order_by("pk").first())


def load_providers_demo(*, caseworker_user, provider_user, seeker_user) -> int:
    """Make ``provider_user`` staff of Re-integratie Havenstad, with two consented trajectories and their reports.

    ``caseworker_user`` deploys them in their municipality; one is for the demo job seeker ``seeker_user``.
    Returns how many trajectories the provider has afterwards.
    """
    caseworker = actor_for(caseworker_user)
    municipality = caseworker.caseworker.municipality
    provider = _provider(municipality)
    Membership.objects.get_or_create(user=provider_user, organisation=provider,
                                     defaults={"role": MembershipRole.ADMIN})
    provider_user.__dict__.pop("_werkplaats_actor", None)  # the actor was resolved before the membership existed
    staff = actor_for(provider_user)
    today = timezone.localdate()
    demo_seeker = JobSeeker.objects.filter(user=seeker_user, municipality=municipality).first()
    people = [(demo_seeker, FOR_THE_DEMO_SEEKER), (_another_seeker(municipality, demo_seeker), FOR_ANOTHER_SEEKER)]
    for seeker, spec in people:
        if seeker is not None:
            _trajectory(caseworker, staff, provider, seeker, spec, today)
    return InstrumentAssignment.objects.filter(provider=provider).count()
