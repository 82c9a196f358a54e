"""What a set of tasks asks of one person: hours, days, skills, language, body, timetable, support."""

from decimal import Decimal

from marketplace.carving.data import ScheduleEntry, TaskSpec
from marketplace.carving.messages import Message
from marketplace.carving.validation import seconds_of_day
from marketplace.constants import SkillLevel, Support, Weekday

# A break this long between two tasks on one day makes a split shift worth mentioning.
SPLIT_SHIFT_SECONDS = 2 * 3600


def windows_overlap(a: TaskSpec, b: TaskSpec) -> bool:
    """True when both tasks happen on a shared weekday at intersecting times (touching is fine)."""
    return bool(a.weekdays & b.weekdays) and a.window_start < b.window_end and b.window_start < a.window_end


def schedule_of(tasks) -> tuple[ScheduleEntry, ...]:
    """Every occurrence of the tasks in the week, by weekday and start time."""
    entries = [
        ScheduleEntry(int(day), task.window_start, task.window_end, task.id, task.name, task.organisation_id)
        for day in Weekday
        for task in tasks
        if task.weekdays & day
    ]
    return tuple(sorted(entries, key=lambda entry: (entry.weekday, entry.start, entry.end)))


def _support(tasks, schedule) -> tuple[tuple[Message, ...], int]:
    hints, support = [], 0
    if all(task.learnable_on_the_job for task in tasks):
        hints.append(Message("hint_job_coach"))
        support |= Support.JOB_COACH
    else:
        names = ", ".join(task.name for task in tasks if not task.learnable_on_the_job)
        hints.append(Message("hint_training", {"task_names": names}))
    for previous, following in zip(schedule, schedule[1:], strict=False):
        same_day = previous.weekday == following.weekday
        if same_day and seconds_of_day(following.start) - seconds_of_day(previous.end) >= SPLIT_SHIFT_SECONDS:
            hints.append(Message("hint_split_shift", {"hours": SPLIT_SHIFT_SECONDS // 3600}))
            break
    return tuple(hints), int(support)


def describe(tasks) -> dict:
    """The ``CarvedRole`` fields for ``tasks`` (in the order given)."""
    tasks = tuple(tasks)
    skills: dict[int, int] = {}
    weekdays = physical = language = 0
    for task in tasks:
        weekdays |= task.weekdays
        physical |= task.physical_demands
        language = max(language, task.language_level)
        for skill in sorted(set(task.skills) | set(task.skill_levels)):
            level = task.skill_levels.get(skill, SkillLevel.BASIC)
            skills[skill] = max(skills.get(skill, 0), int(level))
    schedule = schedule_of(tasks)
    hints, support = _support(tasks, schedule)
    return {
        "tasks": tasks,
        "hours": sum((task.hours for task in tasks), Decimal(0)),
        "weekdays": weekdays,
        "required_skills": dict(sorted(skills.items())),
        "language_level": language,
        "physical_demands": physical,
        "schedule": schedule,
        "support_hints": hints,
        "suggested_support": support,
    }
