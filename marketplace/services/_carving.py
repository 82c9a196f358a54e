"""What the carving services share: the carving logic's input built from the models, who may carve,
and the logic's problems as field-named errors.

The carving logic itself (``marketplace.carving``) knows no database: these helpers build its input
records from the models and turn what it reports into Django ``ValidationError``s. Caseworkers of
the employer service team act on behalf of the employers of their municipality; employers act for
their own organisations only.
"""

from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from marketplace.access import Actor
from marketplace.carving import CarvingInputError, JobSpec, TaskSpec
from marketplace.constants import ROLE_HOURS_MAX, ROLE_HOURS_MIN
from marketplace.exceptions import NotYourOrganisation
from marketplace.messages import hours_between
from marketplace.models import JobAnalysis, Membership, Organisation, Task
from marketplace.selectors.carving import may_carve_for

MAX_WAGE = Decimal("999.99")


def carving_errors(exc: CarvingInputError) -> ValidationError:
    return ValidationError(exc.messages(translation.get_language() or "nl"))


# Access -------------------------------------------------------------------------------------------


def ensure_may_carve_for(actor: Actor, organisation: Organisation) -> None:
    if not may_carve_for(actor, organisation):
        raise NotYourOrganisation()


def acting_for(actor: Actor, organisation: Organisation) -> Actor:
    """The actor as the role services need it: acting for ``organisation``.

    The role services accept people who act for the role's organisation. A caseworker of the
    employer service team creates and publishes carved roles on behalf of an employer of their
    municipality (checked before this is called), so they act for that organisation here.
    """
    if organisation.pk in actor.organisation_ids:
        return actor
    delegated = Membership(user=actor.user, organisation=organisation)
    return Actor(user=actor.user, caseworker=actor.caseworker, memberships=(delegated,))


def locked_analysis(analysis: JobAnalysis) -> JobAnalysis:
    # Lock the analysis row only: its organisation and municipality are read, not changed.
    return (JobAnalysis.objects.select_for_update(of=("self",)).select_related("organisation", "municipality")
            .get(pk=analysis.pk))


# Specs for the carving logic ----------------------------------------------------------------------


def location(place) -> tuple[float, float] | None:
    if place.latitude is None or place.longitude is None:
        return None
    return (place.latitude, place.longitude)


def task_spec(task: Task, analysis: JobAnalysis, *, levels: Mapping[int, int] | None = None,
              fallback_location: bool = False) -> TaskSpec:
    """``fallback_location`` puts a task without coordinates at its organisation (needed for bundles)."""
    if levels is None:
        levels = {item.skill_id: int(item.level) for item in task.skill_levels.all()}
    place = location(task)
    if place is None and fallback_location:
        place = location(analysis.organisation)
    return TaskSpec(
        id=task.pk, name=task.name, hours_per_week=task.hours_per_week, complexity=task.complexity,
        weekdays=task.weekdays, window_start=task.window_start, window_end=task.window_end,
        skills=frozenset(levels), skill_levels=dict(levels), location=place,
        physical_demands=task.physical_demands, language_level=task.language_level,
        learnable_on_the_job=task.learnable_on_the_job, organisation_id=analysis.organisation_id,
        municipality_id=analysis.municipality_id,
    )


def job_spec(analysis: JobAnalysis, tasks: Sequence[TaskSpec]) -> JobSpec:
    return JobSpec(
        title=analysis.title, staff_count=analysis.staff_count or 0, hours_per_week=analysis.hours_per_week,
        hourly_cost=analysis.hourly_cost, tasks=tuple(tasks), location=location(analysis.organisation),
    )


def ordered_tasks(analysis: JobAnalysis) -> list[Task]:
    return list(Task.objects.with_skills().filter(analysis=analysis).select_related("analysis__organisation")
                .order_by("order", "id"))


# Numbers typed in ---------------------------------------------------------------------------------


def number_or_none(value) -> Decimal | None:
    try:
        number = Decimal(str(value))
    except (InvalidOperation, TypeError, ValueError):
        return None
    return number if number.is_finite() else None


def parameter_problems(target_max_hours, carved_hourly_wage) -> dict[str, list]:
    """Problems of the hours and wage set for proposals, which the carving logic leaves to us."""
    errors: dict[str, list] = {}
    maximum = number_or_none(target_max_hours)
    if maximum is not None and maximum > ROLE_HOURS_MAX:
        errors["target_max_hours"] = [hours_between(ROLE_HOURS_MIN, ROLE_HOURS_MAX)]
    wage = number_or_none(carved_hourly_wage)
    if wage is not None and (wage > MAX_WAGE or wage != wage.quantize(Decimal("0.01"))):
        errors["carved_hourly_wage"] = [_("Enter an hourly wage in euros and cents, below 1000.")]
    return errors
