"""The koffer of the demo: each municipality's catalogue of instruments, Havenstad's providers, and instruments
deployed for about 25 people of Havenstad.

Everything goes through the services, as a caseworker would: the providers (a re-integration company,
a language school and debt help) are organisations of Havenstad, the catalogues carry realistic costs
and durations and each municipality's wage-cost subsidy (which carved roles are subsidised with), and
the deployed instruments show every status: planned, running, ended with a result and followed up,
and ended without a follow-up (so the caseload shows that signal). Idempotent: an instrument,
provider or deployment that is already there is left as it is.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from marketplace.access import actor_for
from marketplace.choices import OrganisationKind
from marketplace.demo import content
from marketplace.models import Instrument, InstrumentAssignment, JobSeeker, Organisation
from marketplace.models.koffer import AssignmentResult, InstrumentKind
from marketplace.selectors.instruments import wage_subsidy_instrument
from marketplace.services.instruments import (
    assignment_create,
    assignment_end,
    assignment_follow_up,
    instrument_create,
)
from marketplace.services.organisations import organisation_create

K = InstrumentKind
REINTEGRATION, LANGUAGE_SCHOOL, DEBT_HELP = "reintegration", "language_school", "debt_help"


@dataclass(frozen=True)
class DemoProvider:
    key: str
    name: str
    kvk_number: str
    street: str
    postcode: str
    email: str


# In Havenstad; KvK numbers 9903xxxx, outside the range of real ones like the rest of the demo.
PROVIDERS: tuple[DemoProvider, ...] = (
    DemoProvider(REINTEGRATION, "Werkfit Havenstad", "99030001", "Stationsweg 8", "7411 AH",
                 "info@werkfit-havenstad.example"),
    DemoProvider(LANGUAGE_SCHOOL, "Taalschool De Brug", "99030002", "Brugstraat 14", "7413 BR",
                 "info@taalschooldebrug.example"),
    DemoProvider(DEBT_HELP, "Stichting Schuldhulp Havenstad", "99030003", "Molenweg 3", "7418 MA",
                 "info@schuldhulp-havenstad.example"),
)


@dataclass(frozen=True)
class DemoInstrument:
    kind: str
    name: str
    cost: Decimal
    weeks: int | None
    description: str
    provider: str = ""  # a key of PROVIDERS; Havenstad only, since Veenwijk's providers are not in the demo
    subsidy_percent: Decimal | None = None


# The wage-cost subsidy each municipality pays for carved roles (it was a setting of the municipality).
WAGE_SUBSIDY_PERCENT = {content.HAVENSTAD: Decimal("50.00"), content.VEENWIJK: Decimal("40.00")}


def catalogue(cbs_code: str) -> tuple[DemoInstrument, ...]:
    """The instruments of one demo municipality, in the order of the ladder from day activities to paid work."""
    return (
        DemoInstrument(K.DAY_ACTIVITIES, "Dagbesteding", Decimal("4800.00"), 52,
                       "Een vaste plek om een paar dagdelen per week mee te doen, met begeleiding."),
        DemoInstrument(K.ACTIVATION, "Activeringstraject Op Weg", Decimal("1800.00"), 26,
                       "Weer een ritme opbouwen, met een groep en een vaste begeleider.", REINTEGRATION),
        DemoInstrument(K.DEBT_HELP, "Schuldhulpverlening", Decimal("1500.00"), 52,
                       "Overzicht van de schulden, een plan en afspraken met schuldeisers.", DEBT_HELP),
        DemoInstrument(K.LANGUAGE_COURSE, "Taalcursus NT2 (A2 naar B1)", Decimal("1250.00"), 26,
                       "Twee lessen per week, met oefenen voor het werk.", LANGUAGE_SCHOOL),
        DemoInstrument(K.TRAINING, "Training Werknemersvaardigheden", Decimal("950.00"), 8,
                       "Op tijd komen, samenwerken, afspraken nakomen: oefenen in de praktijk.", REINTEGRATION),
        DemoInstrument(K.COACHING, "Coaching naar werk", Decimal("1200.00"), 13,
                       "Een coach die helpt met solliciteren en de eerste stappen op het werk.", REINTEGRATION),
        DemoInstrument(K.SHELTERED_WORK, "Begeleiding beschut werk", Decimal("6500.00"), 52,
                       "Werk in een beschutte omgeving met vaste begeleiding."),
        DemoInstrument(K.TRIAL_PLACEMENT, "Proefplaatsing", Decimal("0.00"), 8,
                       "Met behoud van uitkering twee maanden meedraaien bij een werkgever."),
        DemoInstrument(K.JOB_COACH, "Jobcoach op de werkvloer", Decimal("3400.00"), 26,
                       "Begeleiding van werknemer en werkgever in de eerste maanden.", REINTEGRATION),
        DemoInstrument(K.WAGE_COST_SUBSIDY, "Loonkostensubsidie", Decimal("0.00"), None,
                       "De gemeente betaalt een deel van het loon zolang iemand niet het volle loon kan verdienen.",
                       subsidy_percent=WAGE_SUBSIDY_PERCENT[cbs_code]),
        DemoInstrument(K.NO_RISK_POLICY, "No-riskpolis", Decimal("0.00"), 260,
                       "De werkgever krijgt het loon vergoed als de werknemer ziek wordt."),
    )


@dataclass(frozen=True)
class DemoDeployment:
    """An instrument deployed for one person, by name, with its dates relative to today."""

    instrument: str
    start_in_days: int  # negative: started that many days ago
    ended_days_ago: int | None = None
    result: str = ""
    result_note: str = ""
    follow_up: str = ""  # empty on an ended one: not followed up yet, so the caseload signals it


R = AssignmentResult
# For the people of Havenstad in turn: 5 planned, 12 running, 5 ended and followed up, 3 ended without a follow-up.
DEPLOYMENTS: tuple[DemoDeployment, ...] = (
    DemoDeployment("Taalcursus NT2 (A2 naar B1)", 14),
    DemoDeployment("Activeringstraject Op Weg", 7),
    DemoDeployment("Training Werknemersvaardigheden", 21),
    DemoDeployment("Schuldhulpverlening", 10),
    DemoDeployment("Proefplaatsing", 28),
    DemoDeployment("Taalcursus NT2 (A2 naar B1)", -45),
    DemoDeployment("Activeringstraject Op Weg", -60),
    DemoDeployment("Schuldhulpverlening", -120),
    DemoDeployment("Coaching naar werk", -30),
    DemoDeployment("Jobcoach op de werkvloer", -75),
    DemoDeployment("Dagbesteding", -200),
    DemoDeployment("Taalcursus NT2 (A2 naar B1)", -90),
    DemoDeployment("Training Werknemersvaardigheden", -20),
    DemoDeployment("Loonkostensubsidie", -150),
    DemoDeployment("Begeleiding beschut werk", -300),
    DemoDeployment("Activeringstraject Op Weg", -15),
    DemoDeployment("Coaching naar werk", -50),
    DemoDeployment("Taalcursus NT2 (A2 naar B1)", -220, 40, R.GOAL_REACHED, "Examen B1 gehaald.",
                   "Volgende stap: proefplaatsing in de zorg besproken."),
    DemoDeployment("Training Werknemersvaardigheden", -120, 60, R.GOAL_REACHED, "Alle modules afgerond.",
                   "Aangemeld voor de vacature bij de supermarkt."),
    DemoDeployment("Proefplaatsing", -150, 90, R.PARTLY_REACHED, "Werk bevalt, tempo nog te laag.",
                   "Jobcoach ingezet om het tempo op te bouwen."),
    DemoDeployment("Coaching naar werk", -130, 35, R.NOT_REACHED, "Te veel zorgen thuis om nu te werken.",
                   "Eerst schuldhulp; over drie maanden opnieuw kijken."),
    DemoDeployment("Activeringstraject Op Weg", -200, 25, R.DROPPED_OUT, "Na acht weken niet meer gekomen.",
                   "Gesprek gehad; dagbesteding past nu beter."),
    DemoDeployment("Taalcursus NT2 (A2 naar B1)", -240, 45, R.PARTLY_REACHED, "Spreekt nu op A2-niveau."),
    DemoDeployment("Jobcoach op de werkvloer", -210, 30, R.GOAL_REACHED, "Vaste uren bij het hotel."),
    DemoDeployment("Schuldhulpverlening", -400, 21, R.GOAL_REACHED, "Schuldregeling loopt, budget op orde."),
)


def _providers(actor, municipality) -> dict[str, Organisation]:
    """Havenstad's providers, found by name (another part of the demo may have made one) or made here."""
    found = {}
    for spec in PROVIDERS:
        existing = (Organisation.objects.filter(municipality=municipality, kind=OrganisationKind.PROVIDER,
                                                name=spec.name).order_by("pk").first()
                    or Organisation.objects.filter(kvk_number=spec.kvk_number).first())
        found[spec.key] = existing or organisation_create(actor=actor, municipality=municipality, data={
            "kind": OrganisationKind.PROVIDER, "name": spec.name, "kvk_number": spec.kvk_number,
            "street": spec.street, "postcode": spec.postcode, "city": municipality.name, "email": spec.email,
        })
    return found


def _catalogue(actor, municipality, providers: dict[str, Organisation]) -> dict[str, Instrument]:
    existing = {instrument.name: instrument for instrument in Instrument.objects.for_municipality(municipality)}
    for spec in catalogue(municipality.cbs_code):
        if spec.name in existing:
            continue
        in_use = wage_subsidy_instrument(municipality) if spec.kind == K.WAGE_COST_SUBSIDY else None
        if in_use is not None:
            existing[spec.name] = in_use  # the municipality already has its wage-cost subsidy, by another name
            continue
        existing[spec.name] = instrument_create(actor=actor, municipality=municipality, data={
            "kind": spec.kind, "name": spec.name, "description": spec.description, "cost": spec.cost,
            "duration_weeks": spec.weeks, "provider": providers.get(spec.provider),
            "subsidy_percent": spec.subsidy_percent,
        })
    return existing


def date_the_deployment(assignment: InstrumentAssignment) -> InstrumentAssignment:
    """Date the deployment, and the person's consent with it, a week before a start that lies in the past.

    The service records both as happening now, which is true for a real deployment; the demo's trajectories
    began weeks or months ago, and consent given after the start would read as a lapse in the records.
    """
    today = timezone.localdate()
    if assignment.start_date >= today:
        return assignment
    day = assignment.start_date - timedelta(days=7)
    moment = timezone.make_aware(datetime.combine(day, time(10, 0)))
    fields = {"created_at": moment, "consent_at": moment if assignment.consent_at is not None else None}
    InstrumentAssignment.objects.filter(pk=assignment.pk).update(**fields)
    for name, value in fields.items():
        setattr(assignment, name, value)
    return assignment


def _deploy(actor, seeker: JobSeeker, instrument: Instrument, spec: DemoDeployment, today: date) -> None:
    if not instrument.active or InstrumentAssignment.objects.filter(seeker=seeker, instrument=instrument).exists():
        return
    start = today + timedelta(days=spec.start_in_days)
    assignment = date_the_deployment(assignment_create(
        actor=actor, seeker=seeker, instrument=instrument,
        data={"start_date": start, "consent": instrument.provider_id is not None}))
    if spec.ended_days_ago is None:
        return
    ended = today - timedelta(days=spec.ended_days_ago)
    assignment = assignment_end(actor=actor, assignment=assignment, end_date=ended, result=spec.result,
                                result_note=spec.result_note)
    if spec.follow_up:
        assignment_follow_up(actor=actor, assignment=assignment, note=spec.follow_up)


def load_koffer_demo(*, caseworker_users) -> int:
    """Each caseworker's municipality gets its catalogue; Havenstad also its providers and deployed instruments.

    ``caseworker_users`` are caseworker accounts, one per demo municipality. Returns how many instruments
    are deployed in Havenstad afterwards.
    """
    today = timezone.localdate()
    deployed = 0
    for user in caseworker_users:
        actor = actor_for(user)
        municipality = actor.caseworker.municipality
        is_havenstad = municipality.cbs_code == content.HAVENSTAD
        providers = _providers(actor, municipality) if is_havenstad else {}
        instruments = _catalogue(actor, municipality, providers)
        if not is_havenstad:
            continue
        # People without a login, after the few whose plans the plans demo fills in.
        people = JobSeeker.objects.filter(municipality=municipality, user__isnull=True).order_by("pk")
        for seeker, spec in zip(people[3:3 + len(DEPLOYMENTS)], DEPLOYMENTS, strict=False):
            _deploy(actor, seeker, instruments[spec.instrument], spec, today)
        deployed = InstrumentAssignment.objects.filter(seeker__municipality=municipality).count()
    return deployed
