"""Writes of job analyses and their tasks: a job as it is done today, task by task.

Every write checks the job and its tasks with the carving logic, so that what is stored can
always be carved: the tasks fit in the job's hours, and each task is complete.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from marketplace.access import Actor
from marketplace.carving import job_problems
from marketplace.messages import WEEKDAY_REQUIRED
from marketplace.models import JobAnalysis, Organisation, Skill, Task, TaskSkill
from marketplace.selectors.carving import message_text
from marketplace.services._carving import (
    ensure_may_carve_for,
    job_spec,
    location,
    locked_analysis,
    number_or_none,
    ordered_tasks,
    task_spec,
)
from marketplace.services._common import (
    apply_fields,
    check_coordinates,
    check_skill_levels,
    raise_if_errors,
    reject_unknown_fields,
)

JOB_FIELDS = frozenset({"title", "staff_count", "hours_per_week", "hourly_cost"})
TASK_FIELDS = frozenset({
    "name", "hours_per_week", "complexity", "weekdays", "window_start", "window_end", "street", "postcode", "city",
    "latitude", "longitude", "physical_demands", "language_level", "learnable_on_the_job",
})
REQUIRED_TASK_FIELDS = ("name", "hours_per_week", "weekdays", "window_start", "window_end")


@dataclass(frozen=True)
class TaskSkillInput:
    skill: Skill
    level: int = 1


# Job analyses -------------------------------------------------------------------------------------


def _validate_analysis(analysis: JobAnalysis) -> None:
    """The job's own rules, then whether its tasks still fit in it (named after the field that changed)."""
    errors: dict[str, list] = {}
    for name in ("title", "staff_count", "hours_per_week", "hourly_cost"):
        if getattr(analysis, name) in (None, ""):
            errors[name] = [_("This field is required.")]
    raise_if_errors(errors)
    if number_or_none(analysis.staff_count) is None:
        raise ValidationError({"staff_count": [_("Enter a whole number.")]})
    tasks = ordered_tasks(analysis) if analysis.pk else []
    spec = job_spec(analysis, [task_spec(task, analysis) for task in tasks])
    for problem in job_problems(spec):
        if problem.field.startswith("tasks"):
            index = problem.field.split(".")[1] if "." in problem.field else None
            prefix = f"{tasks[int(index)].name}: " if index is not None else ""
            errors.setdefault("hours_per_week", []).append(prefix + message_text(problem.message))
        else:
            errors.setdefault(problem.field, []).append(message_text(problem.message))
    raise_if_errors(errors)
    analysis.full_clean(exclude=["created_by"])


@transaction.atomic
def job_analysis_create(*, actor: Actor, organisation: Organisation, data: Mapping[str, Any]) -> JobAnalysis:
    """A new analysis of one of ``organisation``'s jobs, in the organisation's municipality."""
    ensure_may_carve_for(actor, organisation)
    reject_unknown_fields(data, JOB_FIELDS)
    analysis = JobAnalysis(organisation=organisation, municipality_id=organisation.municipality_id,
                           created_by=actor.user, **data)
    _validate_analysis(analysis)
    analysis.save()
    return analysis


@transaction.atomic
def job_analysis_update(*, actor: Actor, analysis: JobAnalysis, data: Mapping[str, Any]) -> JobAnalysis:
    analysis = locked_analysis(analysis)
    ensure_may_carve_for(actor, analysis.organisation)
    reject_unknown_fields(data, JOB_FIELDS)
    for name, value in data.items():
        setattr(analysis, name, value)
    _validate_analysis(analysis)
    analysis.save()
    return analysis


# Tasks --------------------------------------------------------------------------------------------


def _task_problems(analysis: JobAnalysis, task: Task, levels: Mapping[int, int]) -> dict[str, list]:
    """Problems of ``task`` as it would stand among the analysis's other tasks, by the task's field names."""
    others = [other for other in ordered_tasks(analysis) if other.pk != task.pk]
    specs = [task_spec(other, analysis) for other in others] + [task_spec(task, analysis, levels=levels)]
    index = len(specs) - 1
    errors: dict[str, list] = {}
    for problem in job_problems(job_spec(analysis, specs)):
        if problem.field.startswith(f"tasks.{index}."):
            errors.setdefault(problem.field.split(".", 2)[2], []).append(message_text(problem.message))
        elif problem.field == "tasks":
            errors.setdefault("hours_per_week", []).append(message_text(problem.message))
    return errors


def _validate_task(analysis: JobAnalysis, task: Task, skills: Sequence[TaskSkillInput]) -> None:
    errors: dict[str, list] = {}
    for name in REQUIRED_TASK_FIELDS:
        if getattr(task, name) in (None, "") or (name == "weekdays" and not task.weekdays):
            errors[name] = [WEEKDAY_REQUIRED if name == "weekdays" else _("This field is required.")]
    if task.postcode and location(task) is None:
        errors["postcode"] = [_("This postcode is not on our map; leave it empty if the task is done at the "
                                "organisation's own address.")]
    check_coordinates(task, errors)
    raise_if_errors(errors)
    check_skill_levels(skills)
    if number_or_none(task.hours_per_week) is None:
        raise ValidationError({"hours_per_week": [_("Enter a number.")]})
    raise_if_errors(_task_problems(analysis, task, {item.skill.pk: int(item.level) for item in skills}))
    task.full_clean(exclude=["analysis"])


def _save_task(analysis: JobAnalysis, task: Task, data: Mapping[str, Any], skills: Sequence[TaskSkillInput]) -> Task:
    """Apply ``data`` to ``task``, check it among the analysis's other tasks, and store it with ``skills``."""
    apply_fields(task, data, allowed=TASK_FIELDS)
    _validate_task(analysis, task, skills)
    task.save()
    task.skill_levels.all().delete()
    TaskSkill.objects.bulk_create(TaskSkill(task=task, skill=item.skill, level=int(item.level)) for item in skills)
    return task


@transaction.atomic
def task_create(*, actor: Actor, analysis: JobAnalysis, data: Mapping[str, Any],
                skills: Sequence[TaskSkillInput] | None = ()) -> Task:
    """A new task at the end of the analysis's list."""
    analysis = locked_analysis(analysis)
    ensure_may_carve_for(actor, analysis.organisation)
    last = analysis.tasks.order_by("-order").values_list("order", flat=True).first()
    task = Task(analysis=analysis, order=0 if last is None else last + 1)
    return _save_task(analysis, task, data, skills or ())


@transaction.atomic
def task_update(*, actor: Actor, task: Task, data: Mapping[str, Any],
                skills: Sequence[TaskSkillInput] | None = None) -> Task:
    """Change a task; ``skills``, when given, replaces all of its skills."""
    analysis = locked_analysis(task.analysis)
    ensure_may_carve_for(actor, analysis.organisation)
    task = Task.objects.get(pk=task.pk, analysis=analysis)
    if skills is None:
        skills = [TaskSkillInput(item.skill, item.level) for item in task.skill_levels.select_related("skill")]
    return _save_task(analysis, task, data, skills)


@transaction.atomic
def task_delete(*, actor: Actor, task: Task) -> None:
    """Remove a task; roles already carved from it keep their own copy of hours, days and skills."""
    analysis = locked_analysis(task.analysis)
    ensure_may_carve_for(actor, analysis.organisation)
    Task.objects.filter(pk=task.pk, analysis=analysis).delete()


@transaction.atomic
def task_reorder(*, actor: Actor, analysis: JobAnalysis, task_ids: Sequence) -> list[Task]:
    """Put the tasks in the order of ``task_ids``, which must name every task of the analysis once."""
    analysis = locked_analysis(analysis)
    ensure_may_carve_for(actor, analysis.organisation)
    tasks = {task.pk: task for task in analysis.tasks.all()}
    try:
        wanted = [int(task_id) for task_id in task_ids]
    except (TypeError, ValueError):
        raise ValidationError({"task_ids": [_("Give the ids of the tasks as numbers.")]}) from None
    if len(wanted) != len(set(wanted)) or set(wanted) != set(tasks):
        raise ValidationError({"task_ids": [_("Give every task of this analysis exactly once.")]})
    for position, task_id in enumerate(wanted):
        tasks[task_id].order = position
    Task.objects.bulk_update(tasks.values(), ["order"])
    return [tasks[task_id] for task_id in wanted]


def task_move(*, actor: Actor, task: Task, offset: int) -> list[Task]:
    """Move a task ``offset`` places up (negative) or down in its list; beyond either end it stays put."""
    ids = list(task.analysis.tasks.order_by("order", "id").values_list("pk", flat=True))
    position = ids.index(task.pk)
    target = min(max(position + offset, 0), len(ids) - 1)
    ids.insert(target, ids.pop(position))
    return task_reorder(actor=actor, analysis=task.analysis, task_ids=ids)
