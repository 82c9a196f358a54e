from decimal import Decimal

import pytest

from marketplace.carving import CarvingInputError, propose_bundles, task_problems, validate_job

from .helpers import SCHOOL, SUPERMARKET, carve, hospital_job, job, task


def errors_of(call) -> dict[str, list[str]]:
    with pytest.raises(CarvingInputError) as raised:
        call()
    return raised.value.errors


def test_a_task_of_zero_hours_is_an_error_on_that_tasks_hours():
    errors = errors_of(lambda: validate_job(job(task(1, 5), task(2, 0))))

    assert errors == {"tasks.1.hours_per_week": ["Enter more than 0 hours per week."]}


def test_a_task_with_more_hours_than_the_job_is_an_error_on_that_tasks_hours():
    errors = errors_of(lambda: validate_job(job(task(1, 30, "06:00-14:00"), hours=24)))

    assert errors == {
        "tasks.0.hours_per_week": ["A task cannot take more hours (30) than the job itself (24 hours per week)."]
    }


def test_a_window_that_ends_before_it_starts_is_an_error_on_the_end_time():
    errors = errors_of(lambda: validate_job(job(task(1, 5, "14:00-09:00"))))

    assert errors == {"tasks.0.window_end": [
        "The end time must be after the start time (windows across midnight are not supported)."]}


def test_a_window_that_ends_when_it_starts_is_an_error_on_the_end_time():
    assert "tasks.0.window_end" in errors_of(lambda: validate_job(job(task(1, 5, "09:00-09:00"))))


def test_more_hours_than_the_window_allows_is_an_error_on_the_hours():
    errors = errors_of(lambda: validate_job(job(task(1, 6, "09:00-10:00"))))

    assert errors == {"tasks.0.hours_per_week": [
        "6 hours do not fit in the time window: at most 5 hours per week on the chosen days."]}


def test_a_task_on_no_weekday_is_an_error_on_the_weekdays():
    assert "tasks.0.weekdays" in errors_of(lambda: validate_job(job(task(1, 5, weekdays=0))))


def test_tasks_adding_up_to_more_than_the_team_works_is_an_error_on_the_tasks():
    analysis = job(task(1, 10, "06:00-08:00"), task(2, 10, "08:00-10:00"), hours=16, staff=1)

    assert errors_of(lambda: validate_job(analysis)) == {
        "tasks": ["The tasks add up to 20 hours, more than the 16 hours the team works per week."]}


def test_every_wrong_field_is_reported_at_once():
    analysis = job(task(1, 0, "10:00-09:00", complexity=4), hours=0, hourly_cost="0")

    assert set(errors_of(lambda: validate_job(analysis))) == {
        "hours_per_week", "hourly_cost", "tasks.0.hours_per_week", "tasks.0.window_end", "tasks.0.complexity"}


def test_a_skill_level_outside_one_to_three_is_an_error_on_the_skill_levels():
    analysis = job(task(1, 5, skills=frozenset({7}), skill_levels={7: 4}))

    assert errors_of(lambda: validate_job(analysis)) == {"tasks.0.skill_levels": ["Choose skill level 1, 2 or 3."]}


def test_duplicate_task_ids_are_an_error():
    assert "tasks.1.id" in errors_of(lambda: validate_job(job(task(1, 5), task(1, 4, "10:00-11:00"))))


def test_errors_come_in_dutch_too_and_per_task_for_a_task_form():
    with pytest.raises(CarvingInputError) as raised:
        validate_job(job(task(1, 5), task(2, 0)))

    assert raised.value.messages("nl") == {"tasks.1.hours_per_week": ["Vul meer dan 0 uur per week in."]}
    assert raised.value.for_task(1) == {"hours_per_week": ["Enter more than 0 hours per week."]}
    assert raised.value.for_task(0) == {}


def test_a_single_task_form_gets_its_own_field_names():
    problems = task_problems(task(1, 0, "10:00-09:00"), job_hours=36)

    assert [problem.field for problem in problems] == ["window_end", "hours_per_week"]


def test_a_maximum_below_the_minimum_is_an_error_on_the_maximum():
    errors = errors_of(lambda: carve(hospital_job(), minimum=16, maximum=8))

    assert errors == {"target_max_hours": ["The maximum (8 hours) must be at least the minimum (16 hours)."]}


def test_a_minimum_of_zero_hours_is_an_error_on_the_minimum():
    assert "target_min_hours" in errors_of(lambda: carve(hospital_job(), minimum=0))


def test_wage_and_subsidy_outside_their_range_are_errors_on_those_fields():
    errors = errors_of(lambda: carve(hospital_job(), carved_hourly_wage=Decimal("0"), subsidy_percent=Decimal("120")))

    assert errors == {"carved_hourly_wage": ["Enter an amount above 0."],
                      "subsidy_percent": ["Enter a percentage from 0 to 100."]}


def test_including_skilled_work_is_an_error_on_the_included_tasks():
    errors = errors_of(lambda: carve(hospital_job(), include_ids=[1, 4]))

    assert errors == {"include_ids": [
        "Skilled work (complexity 3) stays with skilled staff and cannot be carved out: 4."]}


def test_excluding_an_unknown_task_is_an_error_on_the_excluded_tasks():
    assert errors_of(lambda: carve(hospital_job(), exclude_ids=[99])) == {"exclude_ids": ["Unknown tasks: 99."]}


def test_tasks_for_a_bundle_need_a_location_and_an_organisation():
    tasks = [task(1, 5, organisation_id=1, location=SUPERMARKET), task(2, 5, location=None)]

    errors = errors_of(lambda: propose_bundles(tasks, target_min_hours=8, target_max_hours=24))

    assert errors == {"tasks.1.location": ["Give the location of this task."],
                      "tasks.1.organisation_id": ["Say which organisation this task belongs to."]}


def test_a_bundle_needs_a_travel_speed_above_zero():
    tasks = [task(1, 5, organisation_id=1, location=SUPERMARKET), task(2, 5, organisation_id=2, location=SCHOOL)]

    errors = errors_of(lambda: propose_bundles(tasks, target_min_hours=8, target_max_hours=24, travel_speed_kmh=0))

    assert errors == {"travel_speed_kmh": ["Enter a travel speed above 0 km/h."]}
