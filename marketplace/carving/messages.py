"""Bilingual messages that the carving logic hands to the interface.

This package stays free of Django, so it cannot call gettext. Every message therefore
carries a stable ``code``, its parameters, and the text in English and Dutch; the web
layer shows ``message.text(get_language())`` or builds its own text from the code.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

TEMPLATES: dict[str, tuple[str, str]] = {
    # Input problems, keyed to a field.
    "hours_not_positive": ("Enter more than 0 hours per week.", "Vul meer dan 0 uur per week in."),
    "hours_above_job": (
        "A task cannot take more hours ({hours}) than the job itself ({job_hours} hours per week).",
        "Een taak kan niet meer uren ({hours}) hebben dan de functie zelf ({job_hours} uur per week).",
    ),
    "hours_above_window": (
        "{hours} hours do not fit in the time window: at most {capacity} hours per week on the chosen days.",
        "{hours} uur past niet in het tijdvak: hooguit {capacity} uur per week op de gekozen dagen.",
    ),
    "tasks_above_team": (
        "The tasks add up to {hours} hours, more than the {capacity} hours the team works per week.",
        "De taken zijn samen {hours} uur, meer dan de {capacity} uur die het team per week werkt.",
    ),
    "window_end_not_after_start": (
        "The end time must be after the start time (windows across midnight are not supported).",
        "De eindtijd moet na de begintijd liggen (een tijdvak over middernacht kan niet).",
    ),
    "no_weekdays": ("Choose at least one weekday.", "Kies minstens één weekdag."),
    "weekdays_unknown": ("Unknown weekdays.", "Onbekende weekdagen."),
    "physical_unknown": ("Unknown physical demands.", "Onbekende fysieke belasting."),
    "complexity_range": ("Choose complexity 1, 2 or 3.", "Kies complexiteit 1, 2 of 3."),
    "skill_level_range": ("Choose skill level 1, 2 or 3.", "Kies vaardigheidsniveau 1, 2 of 3."),
    "language_range": ("Choose a language level from A0 to C2.", "Kies een taalniveau van A0 tot C2."),
    "location_missing": ("Give the location of this task.", "Geef de locatie van deze taak."),
    "location_range": ("The coordinates are not on the map.", "De coördinaten liggen niet op de kaart."),
    "organisation_missing": ("Say which organisation this task belongs to.",
                             "Geef aan bij welke organisatie deze taak hoort."),
    "name_missing": ("Give the task a name.", "Geef de taak een naam."),
    "duplicate_task_id": ("Two tasks share the id {task_id}.", "Twee taken hebben hetzelfde id {task_id}."),
    "title_missing": ("Give the job a title.", "Geef de functie een naam."),
    "staff_count_range": ("Enter at least 1 person.", "Vul minstens 1 persoon in."),
    "money_not_positive": ("Enter an amount above 0.", "Vul een bedrag boven 0 in."),
    "target_min_not_positive": ("Enter a minimum above 0 hours.", "Vul een minimum boven 0 uur in."),
    "target_max_below_min": (
        "The maximum ({maximum} hours) must be at least the minimum ({minimum} hours).",
        "Het maximum ({maximum} uur) moet minstens het minimum ({minimum} uur) zijn.",
    ),
    "percent_range": ("Enter a percentage from 0 to 100.", "Vul een percentage van 0 tot 100 in."),
    "weeks_range": ("Enter 1 to 53 weeks.", "Vul 1 tot 53 weken in."),
    "speed_not_positive": ("Enter a travel speed above 0 km/h.", "Vul een reissnelheid boven 0 km/u in."),
    "not_negative": ("Enter 0 or more.", "Vul 0 of meer in."),
    "unknown_task_ids": ("Unknown tasks: {task_ids}.", "Onbekende taken: {task_ids}."),
    "skilled_task_included": (
        "Skilled work (complexity 3) stays with skilled staff and cannot be carved out: {task_ids}.",
        "Vakwerk (complexiteit 3) blijft bij de vakkrachten en kan niet worden uitgesneden: {task_ids}.",
    ),
    # Why a task stayed with the skilled staff.
    "task_skilled": ("Skilled work (complexity 3) stays with skilled staff.",
                     "Vakwerk (complexiteit 3) blijft bij de vakkrachten."),
    "task_excluded": ("Left out by you.", "Door u weggelaten."),
    "task_above_max": (
        "This task alone ({hours} hours) is more than the largest role ({maximum} hours).",
        "Deze taak alleen ({hours} uur) is al meer dan de grootste rol ({maximum} uur).",
    ),
    "task_did_not_fit": (
        "No role of the target size fits this task next to the others (time, place or hours).",
        "Geen rol van de gewenste omvang past bij deze taak naast de andere (tijd, plek of uren).",
    ),
    # Why there is no proposal at all.
    "no_simple_tasks": (
        "There are no simple tasks (complexity 1 or 2) to carve out.",
        "Er zijn geen eenvoudige taken (complexiteit 1 of 2) om uit te snijden.",
    ),
    "simple_tasks_below_target": (
        "The simple tasks together are {hours} hours per week; the target is at least {minimum} hours.",
        "De eenvoudige taken samen zijn {hours} uur per week; het doel is minstens {minimum} uur.",
    ),
    "constraints_block_target": (
        "The simple tasks add up to {hours} hours per week, but they overlap in time, are too far apart or "
        "are too large to combine into a role of {minimum} to {maximum} hours.",
        "De eenvoudige taken zijn samen {hours} uur per week, maar ze overlappen in tijd, liggen te ver uit "
        "elkaar of zijn te groot voor een rol van {minimum} tot {maximum} uur.",
    ),
    "single_organisation": (
        "A combined job (stapelbaan) needs simple tasks of at least two organisations.",
        "Een stapelbaan heeft eenvoudige taken van minstens twee organisaties nodig.",
    ),
    "bundle_constraints_block_target": (
        "The simple tasks add up to {hours} hours per week, but no combination of at least two organisations "
        "fits {minimum} to {maximum} hours without overlapping times or too little time to travel.",
        "De eenvoudige taken zijn samen {hours} uur per week, maar geen combinatie van minstens twee "
        "organisaties past in {minimum} tot {maximum} uur zonder overlappende tijden of te weinig reistijd.",
    ),
    # Hints about the support a carved role probably needs.
    "hint_job_coach": (
        "All tasks can be learned on the job; a job coach for the first weeks is recommended.",
        "Alle taken zijn op de werkplek te leren; een jobcoach voor de eerste weken is aan te raden.",
    ),
    "hint_training": (
        "Plan instruction before the start for: {task_names}.",
        "Plan vóór de start instructie voor: {task_names}.",
    ),
    "hint_split_shift": (
        "On some days the work has a break of {hours} hours or more between tasks; check that this suits "
        "the candidate.",
        "Op sommige dagen zit er {hours} uur of meer tussen de taken; ga na of dat bij de kandidaat past.",
    ),
}


def format_number(value, language: str) -> str:
    """Hours and distances as people write them: no trailing zeros, a decimal comma in Dutch."""
    number = Decimal(str(value)).normalize()
    text = f"{number:f}"
    return text.replace(".", ",") if language == "nl" else text


@dataclass(frozen=True)
class Message:
    code: str
    params: Mapping[str, object] = field(default_factory=dict)

    def text(self, language: str = "en") -> str:
        """The message in Dutch when ``language`` starts with "nl", otherwise in English."""
        lang = "nl" if language.lower().startswith("nl") else "en"
        template = TEMPLATES[self.code][1 if lang == "nl" else 0]
        values = {
            key: format_number(value, lang) if isinstance(value, Decimal | int | float) and not isinstance(value, bool)
            else value
            for key, value in self.params.items()
        }
        return template.format(**values)

    @property
    def en(self) -> str:
        return self.text("en")

    @property
    def nl(self) -> str:
        return self.text("nl")

    def __str__(self) -> str:
        return self.en


@dataclass(frozen=True)
class Problem:
    """One input problem, tied to the field a form or API payload should mark.

    ``field`` is a dotted path: ``"hours_per_week"`` for a job field, ``"tasks.2.window_end"``
    for a field of the third task, ``"target_min_hours"`` for a parameter of the proposal.
    """

    field: str
    message: Message


class CarvingInputError(ValueError):
    """Raised when the input cannot be carved; ``errors`` maps each field to its messages."""

    def __init__(self, problems):
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("; ".join(f"{p.field}: {p.message.en}" for p in self.problems))

    def messages(self, language: str = "en") -> dict[str, list[str]]:
        """``{field: [text, ...]}``, the shape Django forms and DRF use for field errors."""
        result: dict[str, list[str]] = {}
        for problem in self.problems:
            result.setdefault(problem.field, []).append(problem.message.text(language))
        return result

    @property
    def errors(self) -> dict[str, list[str]]:
        return self.messages("en")

    def for_task(self, index: int, language: str = "en") -> dict[str, list[str]]:
        """The errors of one task, keyed by its own field names (for a per-task form)."""
        prefix = f"tasks.{index}."
        return {
            name[len(prefix):]: texts for name, texts in self.messages(language).items() if name.startswith(prefix)
        }
