"""Input checks with field-named problems, shared by the carving and bundling entry points.

Rules about hours: a task takes more than 0 hours and no more than the job's own weekly hours
(``JobSpec.hours_per_week``, one position); its hours fit in its windows (days x window
length); and all tasks together fit in the team's hours (staff count x weekly hours). A task's hours are
its total for the week, and a task goes whole into one carved role, so one person must be able to do them.
"""

from decimal import Decimal

from marketplace.carving.data import JobSpec, TaskSpec, as_hours
from marketplace.carving.messages import CarvingInputError, Message, Problem
from marketplace.constants import ALL_WEEKDAYS, Physical

ALL_PHYSICAL = int(sum(Physical))


def _number(value) -> Decimal | None:
    """The value as a finite ``Decimal``, or ``None`` when it is not a number."""
    try:
        number = as_hours(value)
    except (ArithmeticError, TypeError, ValueError):
        return None
    return number if number.is_finite() else None


def seconds_of_day(moment) -> int:
    return moment.hour * 3600 + moment.minute * 60 + moment.second


def window_hours(task: TaskSpec) -> Decimal:
    return Decimal(seconds_of_day(task.window_end) - seconds_of_day(task.window_start)) / 3600


def weekday_count(weekdays: int) -> int:
    return bin(weekdays & ALL_WEEKDAYS).count("1")


def _schedule_problems(task: TaskSpec) -> list[Problem]:
    problems = []
    if task.weekdays == 0:
        problems.append(Problem("weekdays", Message("no_weekdays")))
    elif task.weekdays & ~ALL_WEEKDAYS:
        problems.append(Problem("weekdays", Message("weekdays_unknown")))
    if task.window_end <= task.window_start:
        problems.append(Problem("window_end", Message("window_end_not_after_start")))
    return problems


def _hours_problems(task: TaskSpec, job_hours: Decimal | None, window_ok: bool) -> list[Problem]:
    hours = _number(task.hours_per_week)
    if hours is None or hours <= 0:
        return [Problem("hours_per_week", Message("hours_not_positive"))]
    if job_hours is not None and hours > job_hours:
        return [Problem("hours_per_week", Message("hours_above_job", {"hours": hours, "job_hours": job_hours}))]
    if window_ok:
        capacity = window_hours(task) * weekday_count(task.weekdays)
        if hours > capacity:
            params = {"hours": hours, "capacity": capacity.quantize(Decimal("0.01"))}
            return [Problem("hours_per_week", Message("hours_above_window", params))]
    return []


def _location_problems(place: TaskSpec | JobSpec, required: bool) -> list[Problem]:
    if place.location is None:
        return [Problem("location", Message("location_missing"))] if required else []
    latitude, longitude = place.location
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return [Problem("location", Message("location_range"))]
    return []


def task_problems(
    task: TaskSpec, *, job_hours=None, require_location: bool = False, require_organisation: bool = False
) -> list[Problem]:
    """Problems of one task, with the task's own field names (``"hours_per_week"``, ``"window_end"``, ...)."""
    problems = []
    if not str(task.name).strip():
        problems.append(Problem("name", Message("name_missing")))
    schedule = _schedule_problems(task)
    problems += schedule
    job_hours = None if job_hours is None else _number(job_hours)
    problems += _hours_problems(task, job_hours, window_ok=not schedule)
    if task.complexity not in (1, 2, 3):
        problems.append(Problem("complexity", Message("complexity_range")))
    if any(level not in (1, 2, 3) for level in task.skill_levels.values()):
        problems.append(Problem("skill_levels", Message("skill_level_range")))
    if not 0 <= task.language_level <= 6:
        problems.append(Problem("language_level", Message("language_range")))
    if task.physical_demands & ~ALL_PHYSICAL or task.physical_demands < 0:
        problems.append(Problem("physical_demands", Message("physical_unknown")))
    problems += _location_problems(task, require_location)
    if require_organisation and task.organisation_id is None:
        problems.append(Problem("organisation_id", Message("organisation_missing")))
    return problems


def _tasks_problems(tasks, **task_kwargs) -> list[Problem]:
    problems = []
    seen = set()
    for index, task in enumerate(tasks):
        if task.id in seen:
            problems.append(Problem(f"tasks.{index}.id", Message("duplicate_task_id", {"task_id": task.id})))
        seen.add(task.id)
        problems += [
            Problem(f"tasks.{index}.{p.field}", p.message) for p in task_problems(task, **task_kwargs)
        ]
    return problems


def job_problems(job: JobSpec) -> list[Problem]:
    """Problems of a job and its tasks; task fields are named ``tasks.<index>.<field>``."""
    problems = []
    if not str(job.title).strip():
        problems.append(Problem("title", Message("title_missing")))
    if job.staff_count < 1:
        problems.append(Problem("staff_count", Message("staff_count_range")))
    job_hours = _number(job.hours_per_week)
    if job_hours is None or job_hours <= 0:
        problems.append(Problem("hours_per_week", Message("hours_not_positive")))
        job_hours = None
    hourly_cost = _number(job.hourly_cost)
    if hourly_cost is None or hourly_cost <= 0:
        problems.append(Problem("hourly_cost", Message("money_not_positive")))
    if job.location is not None:
        problems += _location_problems(job, required=False)
    task_level = _tasks_problems(job.tasks, job_hours=job_hours)
    problems += task_level
    if job_hours is not None and job.staff_count >= 1 and not task_level:
        total = sum((task.hours for task in job.tasks), Decimal(0))
        team = job_hours * job.staff_count
        if total > team:
            problems.append(Problem("tasks", Message("tasks_above_team", {"hours": total, "capacity": team})))
    return problems


def validate_job(job: JobSpec) -> None:
    """Raise ``CarvingInputError`` naming every field of the job or its tasks that is wrong."""
    problems = job_problems(job)
    if problems:
        raise CarvingInputError(problems)


def bundle_task_problems(tasks) -> list[Problem]:
    """Problems of tasks offered for bundling: each needs a location and an organisation."""
    return _tasks_problems(tasks, require_location=True, require_organisation=True)


def target_problems(target_min_hours, target_max_hours) -> list[Problem]:
    minimum, maximum = _number(target_min_hours), _number(target_max_hours)
    if minimum is None or minimum <= 0:
        return [Problem("target_min_hours", Message("target_min_not_positive"))]
    if maximum is None or maximum < minimum:
        params = {"minimum": minimum, "maximum": "?" if maximum is None else maximum}
        return [Problem("target_max_hours", Message("target_max_below_min", params))]
    return []
