"""Demo job analyses for Havenstad and one stapelbaan made from them.

The hospital's nursing job is left uncarved on purpose: carving it is what the demo shows in the
wizard. The supermarket's and the hotel's simple tasks are combined into one published
stapelbaan. Everything goes through the carving services, so the demo data obeys the same rules
as data entered by hand. Running it again adds only what is missing.
"""

from datetime import time
from decimal import Decimal
from typing import NamedTuple

from django.db import transaction

from marketplace.access import Actor
from marketplace.constants import Physical, flags_from_names
from marketplace.demo import content
from marketplace.demo.content import days
from marketplace.models import Caseworker, JobAnalysis, Organisation, Role, Skill
from marketplace.services.bundles import BundleParameters, bundle_accept, bundle_propose
from marketplace.services.carved_roles import ProposalChoice, carved_role_publish
from marketplace.services.job_analyses import TaskSkillInput, job_analysis_create, task_create

BUNDLE_TITLE = "Stapelbaan winkel en hotel: vullen, afruimen en buitenwerk"
BUNDLE_WAGE = content.WAGE


class TaskSpec(NamedTuple):
    name: str
    hours: str
    weekdays: str
    window: tuple[str, str]
    complexity: int
    skills: tuple[str, ...] = ()
    physical: tuple[str, ...] = ()
    language: int = 1
    learnable: bool = True


class AnalysisSpec(NamedTuple):
    organisation: str  # key in content.ORGANISATIONS
    title: str
    staff_count: int
    hours_per_week: str
    hourly_cost: str
    tasks: tuple[TaskSpec, ...]


ANALYSES: dict[str, tuple[AnalysisSpec, ...]] = {
    content.HAVENSTAD: (
        AnalysisSpec("ziekenhuis", "Verpleegkundige afdeling interne geneeskunde", 12, "36", "38.50", (
            TaskSpec("Bedden opmaken", "6", "ma-vr", ("07:00", "09:00"), 1, ("Bedden opmaken",), ("long_standing",)),
            TaskSpec("Maaltijden rondbrengen", "5", "ma-vr", ("11:30", "12:30"), 1, ("Maaltijden rondbrengen",),
                     ("walking",)),
            TaskSpec("Voorraad aanvullen", "4", "ma-vr", ("14:00", "15:00"), 2,
                     ("Goederen ontvangen en controleren",), ("heavy_lifting",)),
            TaskSpec("Linnen sorteren en vouwen", "3", "ma wo vr", ("15:00", "16:00"), 1,
                     ("Linnen sorteren en vouwen",)),
            TaskSpec("Verpleegkundige zorg en observatie", "24", "ma-vr", ("07:00", "15:30"), 3, (), (), 4, False),
            TaskSpec("Medicatie klaarzetten en delen", "6", "ma-vr", ("08:00", "09:30"), 3, (), (), 4, False),
        )),
        AnalysisSpec("supermarkt", "Medewerker vulploeg", 8, "32", "24.00", (
            TaskSpec("Vakken vullen", "8", "ma-vr", ("06:00", "08:00"), 1, ("Vakken vullen",), ("heavy_lifting",)),
            TaskSpec("Winkelwagens verzamelen", "5", "ma-vr", ("12:00", "13:00"), 1, ("Winkelwagens verzamelen",),
                     ("outdoor", "walking")),
            TaskSpec("Schappen spiegelen", "6", "ma-vr", ("17:00", "18:30"), 1, ("Schappen spiegelen",),
                     ("long_standing",)),
            TaskSpec("Houdbaarheid controleren", "3", "di do", ("08:00", "09:30"), 2, ("Houdbaarheid controleren",)),
            TaskSpec("Bestellingen plaatsen", "6", "ma-vr", ("09:00", "11:00"), 3, ("Basisvaardigheden computer",),
                     (), 3, False),
        )),
        AnalysisSpec("hotel", "Medewerker housekeeping", 6, "30", "26.00", (
            TaskSpec("Ontbijtzaal afruimen", "5", "ma-vr", ("10:00", "11:00"), 1, ("Tafels dekken en afruimen",)),
            TaskSpec("Terras en entree vegen", "4", "ma-vr", ("14:00", "15:00"), 1, (), ("outdoor",)),
            TaskSpec("Linnenkamer bijhouden", "4", "di do", ("13:00", "15:00"), 1, ("Linnen sorteren en vouwen",)),
            TaskSpec("Kamers schoonmaken", "20", "ma-vr", ("09:00", "14:00"), 2, ("Kamers schoonmaken",),
                     ("long_standing",)),
            TaskSpec("Gastenklachten afhandelen", "3", "ma-vr", ("15:00", "17:00"), 3, ("Gasten ontvangen",),
                     (), 4, False),
        )),
    ),
}

# The analyses combined into the demo stapelbaan: the supermarket's and the hotel's.
BUNDLES: dict[str, tuple[str, ...]] = {content.HAVENSTAD: ("supermarkt", "hotel")}


def _at(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def _service_team(municipality) -> Actor:
    """The demo acts as the municipality's employer service team, which may carve for every employer there."""
    return Actor(user=None, caseworker=Caseworker(municipality=municipality))


def _organisations(municipality) -> dict[str, Organisation]:
    kvk = {spec.key: spec.kvk_number for spec in content.ORGANISATIONS}
    found = {org.kvk_number: org for org in Organisation.objects.filter(municipality=municipality,
                                                                        kvk_number__in=kvk.values())}
    return {key: found[number] for key, number in kvk.items() if number in found}


def _task_data(spec: TaskSpec) -> dict:
    return {
        "name": spec.name, "hours_per_week": Decimal(spec.hours), "complexity": spec.complexity,
        "weekdays": days(spec.weekdays), "window_start": _at(spec.window[0]), "window_end": _at(spec.window[1]),
        "physical_demands": flags_from_names(Physical, spec.physical), "language_level": spec.language,
        "learnable_on_the_job": spec.learnable,
    }


def _analysis(actor: Actor, organisation: Organisation, spec: AnalysisSpec, skills: dict) -> tuple[JobAnalysis, bool]:
    existing = JobAnalysis.objects.filter(organisation=organisation, title=spec.title).first()
    if existing is not None:
        return existing, False
    analysis = job_analysis_create(actor=actor, organisation=organisation, data={
        "title": spec.title, "staff_count": spec.staff_count, "hours_per_week": Decimal(spec.hours_per_week),
        "hourly_cost": Decimal(spec.hourly_cost)})
    for task in spec.tasks:
        task_create(actor=actor, analysis=analysis, data=_task_data(task),
                    skills=[TaskSkillInput(skills[name]) for name in task.skills if name in skills])
    return analysis, True


def _bundle(actor: Actor, municipality, analyses: list[JobAnalysis]) -> int:
    if len(analyses) < 2 or Role.objects.filter(municipality=municipality, title=BUNDLE_TITLE).exists():
        return 0
    parameters = BundleParameters(target_min_hours=Decimal(8), target_max_hours=Decimal(24),
                                  travel_speed_kmh=Decimal(15), carved_hourly_wage=BUNDLE_WAGE)
    if not bundle_propose(actor=actor, analyses=analyses, parameters=parameters).proposals:
        return 0
    role = bundle_accept(actor=actor, analyses=analyses, parameters=parameters,
                         choice=ProposalChoice(index=0, title=BUNDLE_TITLE))
    carved_role_publish(actor=actor, role=role)
    return 1


@transaction.atomic
def load_carving_demo(*, municipality) -> dict[str, int]:
    """Create the demo analyses (and the stapelbaan) of ``municipality`` that do not exist yet; say how many."""
    actor = _service_team(municipality)
    organisations = _organisations(municipality)
    skills = {skill.name_nl: skill for skill in Skill.objects.all()}
    created = {"job analyses": 0, "stapelbanen": 0}
    by_organisation = {}
    for spec in ANALYSES.get(municipality.cbs_code, ()):
        if spec.organisation not in organisations:
            continue
        analysis, new = _analysis(actor, organisations[spec.organisation], spec, skills)
        by_organisation[spec.organisation] = analysis
        created["job analyses"] += new
    chosen = [by_organisation[key] for key in BUNDLES.get(municipality.cbs_code, ()) if key in by_organisation]
    created["stapelbanen"] = _bundle(actor, municipality, chosen)
    return created
