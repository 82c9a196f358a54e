"""Small builders for carving inputs, so that each test states only what matters to it."""

from datetime import time
from decimal import Decimal

from marketplace.carving import JobSpec, TaskSpec, propose_roles
from marketplace.constants import WORKWEEK

HOSPITAL = (52.0860, 5.1790)
SUPERMARKET = (52.0907, 5.1214)
SCHOOL = (52.0990, 5.1100)


def at(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def task(task_id, hours, window="09:00-10:00", *, complexity=1, weekdays=WORKWEEK, name=None, **extra) -> TaskSpec:
    start, end = window.split("-")
    return TaskSpec(
        id=task_id, name=name or f"task {task_id}", hours_per_week=hours, complexity=complexity, weekdays=weekdays,
        window_start=at(start), window_end=at(end), **extra,
    )


def job(*tasks, hours=36, staff=10, hourly_cost="38.50", location=HOSPITAL) -> JobSpec:
    return JobSpec(title="Verpleegkundige", staff_count=staff, hours_per_week=hours, hourly_cost=Decimal(hourly_cost),
                   tasks=list(tasks), location=location)


def hospital_job() -> JobSpec:
    return job(
        task(1, 6, "07:00-09:00", name="Bedden opmaken", skills=frozenset({11})),
        task(2, 5, "11:30-12:30", name="Maaltijden rondbrengen", skills=frozenset({12}), language_level=1),
        task(3, 4, "14:00-15:00", name="Voorraad aanvullen", complexity=2, skills=frozenset({11, 13}),
             skill_levels={13: 2}, physical_demands=1),
        task(4, 21, "07:00-15:30", name="Verpleegkundige zorg", complexity=3, skills=frozenset({20})),
    )


def carve(analysis: JobSpec, minimum=8, maximum=24, **extra):
    options = {"carved_hourly_wage": Decimal("15.00"), "subsidy_percent": Decimal("30")} | extra
    return propose_roles(analysis, target_min_hours=minimum, target_max_hours=maximum, **options)
