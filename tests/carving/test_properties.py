"""Random analyses and task pools: the promises of carving and bundling hold for all of them."""

import itertools
from datetime import time
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marketplace.carving import JobSpec, TaskSpec, propose_bundles, propose_roles
from marketplace.constants import Weekday
from marketplace.geo import haversine_km

from .helpers import HOSPITAL

PROPERTY_SETTINGS = settings(max_examples=150, deadline=None, database=None,
                             suppress_health_check=[HealthCheck.too_slow])
SITES = [HOSPITAL, (HOSPITAL[0] + 0.0005, HOSPITAL[1]), (HOSPITAL[0] + 0.01, HOSPITAL[1] + 0.01)]
SITE_DISTANCE_KM = 0.25
SPEED_KMH = 15.0


def minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


@st.composite
def task_specs(draw, task_id, *, location, organisation_id=None, municipality_id=None):
    start = draw(st.integers(6 * 4, 20 * 4))  # quarter hours
    end = min(start + draw(st.integers(1, 12)), 22 * 4)
    weekdays = draw(st.integers(1, 127))
    capacity = bin(weekdays).count("1") * (end - start)
    return TaskSpec(
        id=task_id, name=f"task {task_id}", hours_per_week=Decimal(draw(st.integers(1, capacity))) / 4,
        complexity=draw(st.integers(1, 3)), weekdays=weekdays,
        window_start=time(start // 4, start % 4 * 15), window_end=time(end // 4, end % 4 * 15),
        skills=frozenset(draw(st.sets(st.integers(1, 6), max_size=3))),
        physical_demands=draw(st.integers(0, 127)), language_level=draw(st.integers(0, 6)),
        learnable_on_the_job=draw(st.booleans()), location=location,
        organisation_id=organisation_id, municipality_id=municipality_id,
    )


@st.composite
def analyses(draw):
    count = draw(st.integers(0, 10))
    tasks = [draw(task_specs(number, location=draw(st.sampled_from(SITES)))) for number in range(count)]
    return JobSpec(title="Functie", staff_count=10, hours_per_week=40, hourly_cost=Decimal("35.00"), tasks=tasks)


@st.composite
def targets(draw):
    minimum = draw(st.integers(1, 20))
    return minimum, draw(st.integers(minimum, 32))


@st.composite
def task_pools(draw):
    """Tasks of up to three employers spread over a town of about 7 by 7 km, in two municipalities."""
    pool = []
    for number in range(draw(st.integers(0, 10))):
        site = (draw(st.floats(52.05, 52.11)), draw(st.floats(5.08, 5.18)))
        pool.append(draw(task_specs(number, location=site, organisation_id=draw(st.integers(1, 3)),
                                    municipality_id=draw(st.sampled_from([1, 1, 1, 2])))))
    return pool


def clash(a: TaskSpec, b: TaskSpec) -> bool:
    return bool(a.weekdays & b.weekdays) and a.window_start < b.window_end and b.window_start < a.window_end


def carve(job, minimum, maximum):
    return propose_roles(job, target_min_hours=minimum, target_max_hours=maximum,
                         carved_hourly_wage=Decimal("14.50"), subsidy_percent=Decimal("25"))


@PROPERTY_SETTINGS
@given(analyses(), targets())
def test_no_task_appears_in_two_proposals_and_every_task_is_accounted_for(job, target):
    result = carve(job, *target)

    carved = [t.id for proposal in result.proposals for t in proposal.tasks]
    assert len(carved) == len(set(carved))
    assert sorted(carved + [outcome.task.id for outcome in result.not_carved]) == [t.id for t in job.tasks]


@PROPERTY_SETTINGS
@given(analyses(), targets())
def test_every_proposal_is_within_the_target_hours(job, target):
    result = carve(job, *target)

    for proposal in result.proposals:
        assert target[0] <= proposal.hours <= target[1]
        assert proposal.hours == sum(t.hours for t in proposal.tasks)
    assert (result.explanation is None) == bool(result.proposals)


@PROPERTY_SETTINGS
@given(analyses(), targets())
def test_no_two_tasks_in_a_role_overlap_in_time_or_lie_apart(job, target):
    for proposal in carve(job, *target).proposals:
        for a, b in itertools.combinations(proposal.tasks, 2):
            assert not clash(a, b)
            assert haversine_km(*a.location, *b.location) <= SITE_DISTANCE_KM


@PROPERTY_SETTINGS
@given(analyses(), targets())
def test_a_task_of_complexity_three_is_never_carved_out(job, target):
    for proposal in carve(job, *target).proposals:
        assert all(t.complexity in (1, 2) for t in proposal.tasks)


@PROPERTY_SETTINGS
@given(analyses(), targets())
def test_the_business_case_adds_up_and_proposals_are_deterministic(job, target):
    result = carve(job, *target)

    assert result == carve(job, *target)
    for proposal in result.proposals:
        case = proposal.business_case
        assert case.net_yearly_saving == case.yearly_skilled_cost - case.yearly_carved_cost + case.yearly_wage_subsidy


def rides(bundle):
    """Each consecutive pair of tasks on each day of the bundle's week."""
    for day in Weekday:
        today = sorted((t for t in bundle.tasks if t.weekdays & day), key=lambda t: minutes(t.window_start))
        yield from zip(today, today[1:], strict=False)


@PROPERTY_SETTINGS
@given(task_pools(), targets())
def test_a_bundle_never_needs_faster_travel_than_the_stated_speed(pool, target):
    for bundle in propose_bundles(pool, target_min_hours=target[0], target_max_hours=target[1],
                                  travel_speed_kmh=SPEED_KMH):
        for before, after in rides(bundle):
            gap_hours = (minutes(after.window_start) - minutes(before.window_end)) / 60
            distance = haversine_km(*before.location, *after.location)
            assert gap_hours >= 0
            assert distance <= SPEED_KMH * gap_hours * (1 + 1e-9)


@PROPERTY_SETTINGS
@given(task_pools(), targets())
def test_bundles_hold_simple_tasks_of_several_organisations_of_one_municipality_within_the_target(pool, target):
    bundles = propose_bundles(pool, target_min_hours=target[0], target_max_hours=target[1])

    used = [t.id for bundle in bundles for t in bundle.tasks]
    assert len(used) == len(set(used))
    for bundle in bundles:
        assert target[0] <= bundle.hours <= target[1]
        assert len({t.organisation_id for t in bundle.tasks}) >= 2
        assert len({t.municipality_id for t in bundle.tasks}) == 1
        assert all(t.complexity in (1, 2) for t in bundle.tasks)
        assert abs(float(bundle.travel_km_per_week) - sum(leg.distance_km for leg in bundle.legs)) <= 0.05 + 1e-9
    assert (bundles.explanation is None) == bool(bundles)
