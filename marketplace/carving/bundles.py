"""Cross-employer bundles (stapelbanen): simple tasks of several organisations in one role.

Two tasks may share a bundle when they belong to the same municipality and, on every
weekday they share, one ends before the other starts with time enough to get there: the
gap between the windows is at least the haversine distance at ``travel_speed_kmh`` plus
``changeover_minutes`` (locking the bike, signing in) when the sites differ (further apart
than ``same_site_km``). Checking every pair, not only consecutive ones, is slightly
stricter than needed and makes every consecutive move on every day feasible.

A bundle holds tasks of at least two organisations. Its employer of record is the
organisation that contributes more than half of the hours; when none does, it is ``None``:
the municipality's employment organisation employs the worker and seconds them to all.
"""

import math
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from marketplace.carving.data import BundleList, BundleProposal, TaskSpec, TravelLeg, as_hours
from marketplace.carving.geo import travel_minutes
from marketplace.carving.messages import CarvingInputError, Message, Problem
from marketplace.carving.packing import pack
from marketplace.carving.shape import describe
from marketplace.carving.validation import bundle_task_problems, seconds_of_day, target_problems
from marketplace.geo import haversine_km

DEFAULT_TRAVEL_SPEED_KMH = 15.0  # cycling
DEFAULT_CHANGEOVER_MINUTES = 5.0
DEFAULT_SAME_SITE_KM = 0.1


class _Travel:
    """The travel rules of one call, shared by the compatibility test and the legs shown."""

    def __init__(self, speed_kmh: float, changeover_minutes: float, same_site_km: float):
        self.speed_kmh, self.changeover, self.same_site_km = speed_kmh, changeover_minutes, same_site_km

    def minutes_needed(self, distance_km: float) -> float:
        changeover = self.changeover if distance_km > self.same_site_km else 0.0
        return travel_minutes(distance_km, self.speed_kmh) + changeover

    def fits_after(self, first: TaskSpec, second: TaskSpec) -> bool:
        """Can the worker finish ``first`` and reach ``second`` on time?"""
        gap = (seconds_of_day(second.window_start) - seconds_of_day(first.window_end)) / 60
        return gap >= 0 and gap >= self.minutes_needed(haversine_km(*first.location, *second.location))

    def compatible(self, a: TaskSpec, b: TaskSpec) -> bool:
        if a.municipality_id != b.municipality_id:
            return False
        if not a.weekdays & b.weekdays:
            return True
        return self.fits_after(a, b) or self.fits_after(b, a)


def _finite(value) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _setting_problems(travel_speed_kmh, changeover_minutes, same_site_km) -> list[Problem]:
    problems = []
    speed = _finite(travel_speed_kmh)
    if speed is None or speed <= 0:
        problems.append(Problem("travel_speed_kmh", Message("speed_not_positive")))
    for name, value in (("changeover_minutes", changeover_minutes), ("same_site_km", same_site_km)):
        number = _finite(value)
        if number is None or number < 0:
            problems.append(Problem(name, Message("not_negative")))
    return problems


def propose_bundles(
    tasks,
    *,
    target_min_hours,
    target_max_hours,
    travel_speed_kmh: float = DEFAULT_TRAVEL_SPEED_KMH,
    changeover_minutes: float = DEFAULT_CHANGEOVER_MINUTES,
    same_site_km: float = DEFAULT_SAME_SITE_KM,
) -> BundleList:
    """Stapelbanen of ``target_min_hours``..``target_max_hours`` from the simple tasks of several employers.

    Every task needs ``organisation_id`` and ``location``. Raises ``CarvingInputError`` for
    invalid input (task fields named ``tasks.<index>.<field>``); when no bundle can be made,
    returns an empty list whose ``explanation`` says why.
    """
    tasks = list(tasks)
    problems = bundle_task_problems(tasks) + target_problems(target_min_hours, target_max_hours)
    problems += _setting_problems(travel_speed_kmh, changeover_minutes, same_site_km)
    if problems:
        raise CarvingInputError(problems)
    travel = _Travel(float(travel_speed_kmh), float(changeover_minutes), float(same_site_km))
    minimum, maximum = as_hours(target_min_hours), as_hours(target_max_hours)
    candidates = [index for index, task in enumerate(tasks) if task.is_simple]

    def several_organisations(chosen: list[int]) -> bool:
        return len({tasks[index].organisation_id for index in chosen}) >= 2

    groups = pack(
        candidates, [task.hours for task in tasks], lambda a, b: travel.compatible(tasks[a], tasks[b]),
        minimum, maximum, accept=several_organisations,
    )
    proposals = [_bundle([tasks[index] for index in group], travel) for group in groups]
    explanation = None if proposals else _explanation([tasks[index] for index in candidates], minimum, maximum)
    return BundleList(proposals, explanation)


def _explanation(candidates, minimum: Decimal, maximum: Decimal) -> Message:
    total = sum((task.hours for task in candidates), Decimal(0))
    if not candidates:
        return Message("no_simple_tasks")
    if len({task.organisation_id for task in candidates}) < 2:
        return Message("single_organisation")
    if total < minimum:
        return Message("simple_tasks_below_target", {"hours": total, "minimum": minimum})
    return Message("bundle_constraints_block_target", {"hours": total, "minimum": minimum, "maximum": maximum})


def _bundle(tasks: list[TaskSpec], travel: _Travel) -> BundleProposal:
    shape = describe(tasks)
    hours_by_organisation: dict = defaultdict(Decimal)
    for task in tasks:
        hours_by_organisation[task.organisation_id] += task.hours
    ranked = dict(sorted(hours_by_organisation.items(), key=lambda item: -item[1]))
    leader, leader_hours = next(iter(ranked.items()))
    legs = _legs(tasks, shape["schedule"], travel)
    km = sum((leg.distance_km for leg in legs), 0.0)
    return BundleProposal(
        **shape,
        organisation_ids=tuple(ranked),
        hours_by_organisation=ranked,
        employer_of_record=leader if leader_hours * 2 > shape["hours"] else None,
        legs=legs,
        travel_km_per_week=Decimal(str(km)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP),
    )


def _legs(tasks, schedule, travel: _Travel) -> tuple[TravelLeg, ...]:
    """The moves between consecutive tasks at different places, day by day."""
    by_id = {task.id: task for task in tasks}
    legs = []
    for previous, following in zip(schedule, schedule[1:], strict=False):
        if previous.weekday != following.weekday:
            continue
        first, second = by_id[previous.task_id], by_id[following.task_id]
        distance = haversine_km(*first.location, *second.location)
        if distance == 0:
            continue
        available = (seconds_of_day(second.window_start) - seconds_of_day(first.window_end)) / 60
        legs.append(TravelLeg(previous.weekday, first.id, second.id, distance, travel.minutes_needed(distance),
                              available))
    return tuple(legs)
