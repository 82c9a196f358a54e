"""Carving one analysed job into roles of a target size.

Which tasks may be carved: complexity 1 and 2 only; complexity 3 always stays with skilled
staff. ``include_ids`` (when given) limits the candidates to those tasks, ``exclude_ids``
removes tasks (exclusion wins when a task is in both).

Which tasks may share a role: no two of them happen on a shared weekday at intersecting
times, and all of them lie within ``max_site_distance_km`` of each other (default 0.25 km:
one building or campus, where walking between tasks is part of the work and needs no
travel time). Tasks further apart go into separate roles, so that no role asks for travel
the employer has not planned.
"""

from collections.abc import Collection
from decimal import Decimal

from marketplace.carving.business_case import business_case, money_problems
from marketplace.carving.data import CarvingResult, JobSpec, RoleProposal, TaskOutcome, as_hours
from marketplace.carving.geo import location_distance_km
from marketplace.carving.messages import CarvingInputError, Message, Problem
from marketplace.carving.packing import pack
from marketplace.carving.shape import describe, windows_overlap
from marketplace.carving.validation import job_problems, target_problems

DEFAULT_SITE_DISTANCE_KM = 0.25


def _id_problems(job: JobSpec, include_ids, exclude_ids) -> list[Problem]:
    known = {task.id for task in job.tasks}
    problems = []
    for name, ids in (("include_ids", include_ids), ("exclude_ids", exclude_ids)):
        unknown = sorted(map(str, set(ids or ()) - known))
        if unknown:
            problems.append(Problem(name, Message("unknown_task_ids", {"task_ids": ", ".join(unknown)})))
    skilled = sorted(str(task.id) for task in job.tasks if task.id in set(include_ids or ()) and not task.is_simple)
    if skilled:
        problems.append(Problem("include_ids", Message("skilled_task_included", {"task_ids": ", ".join(skilled)})))
    return problems


def _why_left(task, *, include_ids, exclude_ids, maximum) -> Message:
    if not task.is_simple:
        return Message("task_skilled")
    if task.id in exclude_ids or (include_ids is not None and task.id not in include_ids):
        return Message("task_excluded")
    if task.hours > maximum:
        return Message("task_above_max", {"hours": task.hours, "maximum": maximum})
    return Message("task_did_not_fit")


def _explanation(candidates, minimum: Decimal, maximum: Decimal) -> Message:
    total = sum((task.hours for task in candidates), Decimal(0))
    if not candidates:
        return Message("no_simple_tasks")
    if total < minimum:
        return Message("simple_tasks_below_target", {"hours": total, "minimum": minimum})
    return Message("constraints_block_target", {"hours": total, "minimum": minimum, "maximum": maximum})


def propose_roles(
    job: JobSpec,
    *,
    target_min_hours,
    target_max_hours,
    carved_hourly_wage: Decimal,
    subsidy_percent: Decimal,
    include_ids: Collection | None = None,
    exclude_ids: Collection | None = None,
    weeks_per_year: int = 52,
    max_site_distance_km: float = DEFAULT_SITE_DISTANCE_KM,
) -> CarvingResult:
    """Roles of ``target_min_hours``..``target_max_hours`` carved from the simple tasks of ``job``.

    Raises ``CarvingInputError`` for invalid input (fields named as in ``job_problems`` and as
    these keyword arguments). A target that the tasks cannot fill is not an error: the result
    then has no proposals and an ``explanation``.
    """
    problems = job_problems(job) + target_problems(target_min_hours, target_max_hours)
    problems += money_problems(carved_hourly_wage=carved_hourly_wage, subsidy_percent=subsidy_percent,
                               weeks_per_year=weeks_per_year)
    problems += _id_problems(job, include_ids, exclude_ids)
    if problems:
        raise CarvingInputError(problems)
    minimum, maximum = as_hours(target_min_hours), as_hours(target_max_hours)
    tasks = list(job.tasks)
    include = None if include_ids is None else set(include_ids)
    exclude = set(exclude_ids or ())
    candidates = [
        index for index, task in enumerate(tasks)
        if task.is_simple and task.id not in exclude and (include is None or task.id in include)
    ]

    def compatible(a: int, b: int) -> bool:
        near = location_distance_km(tasks[a].location or job.location, tasks[b].location or job.location)
        return near <= max_site_distance_km and not windows_overlap(tasks[a], tasks[b])

    groups = pack(candidates, [task.hours for task in tasks], compatible, minimum, maximum)
    proposals = tuple(
        _proposal(job, [tasks[index] for index in group], carved_hourly_wage, subsidy_percent, weeks_per_year)
        for group in groups
    )
    carved = {index for group in groups for index in group}
    not_carved = tuple(
        TaskOutcome(task, _why_left(task, include_ids=include, exclude_ids=exclude, maximum=maximum))
        for index, task in enumerate(tasks) if index not in carved
    )
    return CarvingResult(
        proposals=proposals,
        not_carved=not_carved,
        explanation=None if proposals else _explanation([tasks[i] for i in candidates], minimum, maximum),
        hours_carved=sum((proposal.hours for proposal in proposals), Decimal(0)),
        yearly_net_saving=sum((p.business_case.net_yearly_saving for p in proposals), Decimal("0.00")),
    )


def _proposal(job, tasks, carved_hourly_wage, subsidy_percent, weeks_per_year) -> RoleProposal:
    shape = describe(tasks)
    case = business_case(
        hours_per_week=shape["hours"], skilled_hourly_cost=job.hourly_cost, carved_hourly_wage=carved_hourly_wage,
        subsidy_percent=subsidy_percent, weeks_per_year=weeks_per_year,
    )
    return RoleProposal(**shape, skilled_hours_freed_per_week=shape["hours"], business_case=case)
