from decimal import Decimal

from marketplace.carving import propose_bundles
from marketplace.constants import WORKWEEK, Weekday
from marketplace.geo import haversine_km

from .helpers import SCHOOL, SUPERMARKET, task

SUPERMARKET_ID, SCHOOL_ID, LIBRARY_ID = 101, 202, 303
MON_TO_SAT = WORKWEEK | Weekday.SAT


def supermarket(task_id, hours, window, **extra):
    return task(task_id, hours, window, organisation_id=SUPERMARKET_ID, location=SUPERMARKET, **extra)


def school(task_id, hours, window, **extra):
    return task(task_id, hours, window, organisation_id=SCHOOL_ID, location=SCHOOL, **extra)


def supermarket_and_school_tasks():
    return [
        supermarket("shelves", 8, "07:00-09:00", name="Schappen spiegelen"),
        supermarket("trolleys", 6, "16:00-18:00", name="Winkelwagens ophalen", weekdays=MON_TO_SAT),
        school("canteen", 6, "12:00-13:30", name="Kantine"),
        school("playground", 3, "15:00-15:45", name="Schoolplein schoonmaken", complexity=2),
    ]


def test_supermarket_and_school_tasks_become_one_stapelbaan():
    [bundle] = propose_bundles(supermarket_and_school_tasks(), target_min_hours=12, target_max_hours=24)

    assert sorted(bundle.task_ids) == ["canteen", "playground", "shelves", "trolleys"]
    assert bundle.hours == 23
    assert bundle.organisation_ids == (SUPERMARKET_ID, SCHOOL_ID)
    assert bundle.hours_by_organisation == {SUPERMARKET_ID: 14, SCHOOL_ID: 9}
    assert bundle.weekdays == MON_TO_SAT


def test_the_organisation_with_most_of_the_hours_is_the_employer_of_record():
    [bundle] = propose_bundles(supermarket_and_school_tasks(), target_min_hours=12, target_max_hours=24)

    assert bundle.employer_of_record == SUPERMARKET_ID


def test_the_stapelbaan_shows_each_ride_and_the_weekly_distance():
    [bundle] = propose_bundles(supermarket_and_school_tasks(), target_min_hours=12, target_max_hours=24)

    one_way = haversine_km(*SUPERMARKET, *SCHOOL)  # about 1.2 km
    monday = [(leg.from_task_id, leg.to_task_id) for leg in bundle.legs if leg.weekday == Weekday.MON]
    assert monday == [("shelves", "canteen"), ("playground", "trolleys")]
    assert len(bundle.legs) == 10  # two rides on each weekday, none on Saturday
    assert bundle.travel_km_per_week == Decimal(str(round(10 * one_way, 1)))
    assert all(leg.minutes_needed <= leg.minutes_available for leg in bundle.legs)


def test_a_gap_too_short_to_cycle_between_the_sites_keeps_the_tasks_apart():
    tasks = [school("canteen", 4, "11:00-11:55"), supermarket("lunch rush", 5, "12:00-13:00")]

    bundles = propose_bundles(tasks, target_min_hours=9, target_max_hours=24)

    assert list(bundles) == []
    assert bundles.explanation.code == "bundle_constraints_block_target"
    assert "too little time to travel" in bundles.explanation.en


def test_a_slower_travel_speed_can_rule_out_a_bundle_a_bike_allows():
    tasks = [school("playground", 3, "15:00-15:45"), supermarket("trolleys", 5, "16:00-17:00")]

    by_bike = propose_bundles(tasks, target_min_hours=8, target_max_hours=24)
    on_foot = propose_bundles(tasks, target_min_hours=8, target_max_hours=24, travel_speed_kmh=4.5)

    assert len(by_bike) == 1
    assert list(on_foot) == []


def test_tasks_of_a_single_employer_do_not_make_a_stapelbaan():
    tasks = [supermarket("shelves", 8, "07:00-09:00"), supermarket("trolleys", 6, "16:00-18:00")]

    bundles = propose_bundles(tasks, target_min_hours=8, target_max_hours=24)

    assert list(bundles) == []
    assert bundles.explanation.en == "A combined job (stapelbaan) needs simple tasks of at least two organisations."


def test_when_no_organisation_carries_more_than_half_the_hours_the_municipality_employs():
    library = task("books", 5, "13:00-14:00", organisation_id=LIBRARY_ID, location=SCHOOL)
    tasks = [supermarket("shelves", 5, "07:00-08:00"), school("canteen", 5, "11:00-12:00"), library]

    [bundle] = propose_bundles(tasks, target_min_hours=12, target_max_hours=24)

    assert bundle.employer_of_record is None
    assert set(bundle.organisation_ids) == {SUPERMARKET_ID, SCHOOL_ID, LIBRARY_ID}


def test_overlapping_tasks_of_two_employers_are_never_combined():
    tasks = [supermarket("shelves", 8, "07:00-09:00"), school("gate", 8, "08:00-10:00")]

    assert list(propose_bundles(tasks, target_min_hours=8, target_max_hours=24)) == []


def test_tasks_of_different_municipalities_are_never_bundled():
    tasks = [supermarket("shelves", 8, "07:00-09:00", municipality_id=1),
             school("canteen", 6, "12:00-13:30", municipality_id=2)]

    assert list(propose_bundles(tasks, target_min_hours=12, target_max_hours=24)) == []


def test_skilled_tasks_are_never_bundled():
    tasks = [supermarket("shelves", 8, "07:00-09:00"), school("teaching", 10, "12:00-14:00", complexity=3)]

    bundles = propose_bundles(tasks, target_min_hours=12, target_max_hours=24)

    assert list(bundles) == []
    assert bundles.explanation.code == "single_organisation"
