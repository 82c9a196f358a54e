from decimal import Decimal

from marketplace.carving import propose_roles
from marketplace.constants import Physical, Support, Weekday

from .helpers import HOSPITAL, carve, hospital_job, job, task

ONE_KM_NORTH = (HOSPITAL[0] + 0.009, HOSPITAL[1])


def test_hospital_beds_meals_and_restocking_become_one_role_of_fifteen_hours():
    result = carve(hospital_job())

    assert len(result.proposals) == 1
    role = result.proposals[0]
    assert [t.name for t in role.tasks] == ["Bedden opmaken", "Maaltijden rondbrengen", "Voorraad aanvullen"]
    assert role.hours == 15
    assert role.skilled_hours_freed_per_week == 15
    assert role.weekdays == Weekday.MON | Weekday.TUE | Weekday.WED | Weekday.THU | Weekday.FRI
    assert result.hours_carved == 15
    assert result.explanation is None


def test_skilled_nursing_stays_with_the_nurses_and_says_why():
    result = carve(hospital_job())

    [left] = result.not_carved
    assert left.task.name == "Verpleegkundige zorg"
    assert left.reason.en == "Skilled work (complexity 3) stays with skilled staff."
    assert left.reason.nl == "Vakwerk (complexiteit 3) blijft bij de vakkrachten."


def test_carved_role_asks_the_union_of_skills_and_demands_and_the_highest_language_level():
    role = carve(hospital_job()).proposals[0]

    assert role.required_skills == {11: 1, 12: 1, 13: 2}
    assert role.language_level == 1
    assert role.physical_demands == Physical.HEAVY_LIFTING


def test_carved_role_shows_its_timetable_and_suggests_a_job_coach():
    role = carve(hospital_job()).proposals[0]

    monday = [(entry.start.strftime("%H:%M"), entry.task_name) for entry in role.schedule if entry.weekday == 1]
    assert monday == [("07:00", "Bedden opmaken"), ("11:30", "Maaltijden rondbrengen"), ("14:00", "Voorraad aanvullen")]
    assert role.suggested_support == Support.JOB_COACH
    assert [hint.code for hint in role.support_hints] == ["hint_job_coach", "hint_split_shift"]


def test_a_task_that_needs_training_first_is_named_in_the_support_hint():
    sterilising = task(2, 5, "10:00-11:00", name="Sterilisatie", learnable_on_the_job=False)
    analysis = job(task(1, 5, "07:00-09:00"), sterilising)

    role = carve(analysis).proposals[0]

    assert role.suggested_support == 0
    assert role.support_hints[0].en == "Plan instruction before the start for: Sterilisatie."


def test_business_case_compares_the_nurses_rate_with_the_carved_wage_and_adds_the_subsidy():
    case = carve(hospital_job()).proposals[0].business_case

    assert case.yearly_skilled_cost == Decimal("30030.00")  # 15 h x 38.50 x 52
    assert case.yearly_carved_cost == Decimal("11700.00")  # 15 h x 15.00 x 52
    assert case.yearly_wage_subsidy == Decimal("3510.00")  # 30 %
    assert case.net_yearly_saving == Decimal("21840.00")


def test_tasks_at_the_same_time_go_into_different_roles():
    analysis = job(task(1, 8, "07:00-09:00"), task(2, 8, "08:00-10:00"))

    result = carve(analysis, minimum=8, maximum=16)

    assert [proposal.task_ids for proposal in result.proposals] == [(1,), (2,)]


def test_tasks_on_different_days_may_share_the_same_hours():
    analysis = job(task(1, 6, "07:00-09:00", weekdays=Weekday.MON | Weekday.TUE | Weekday.WED),
                   task(2, 4, "07:00-09:00", weekdays=Weekday.THU | Weekday.FRI))

    assert [proposal.task_ids for proposal in carve(analysis).proposals] == [(1, 2)]


def test_back_to_back_tasks_do_not_overlap():
    analysis = job(task(1, 5, "07:00-08:00"), task(2, 5, "08:00-09:00"))

    assert [proposal.task_ids for proposal in carve(analysis, minimum=10).proposals] == [(1, 2)]


def test_tasks_in_a_building_a_kilometre_away_are_not_combined():
    analysis = job(task(1, 5, "07:00-08:00"), task(2, 5, "10:00-11:00", location=ONE_KM_NORTH))

    result = carve(analysis, minimum=10, maximum=20)

    assert result.proposals == ()
    assert result.explanation.code == "constraints_block_target"
    assert result.explanation.en.startswith("The simple tasks add up to 10 hours per week, but they overlap in time")


def test_a_task_without_its_own_location_is_at_the_jobs_site():
    analysis = job(task(1, 5, "07:00-08:00", location=HOSPITAL), task(2, 5, "10:00-11:00"))

    assert [proposal.task_ids for proposal in carve(analysis, minimum=10).proposals] == [(1, 2)]


def test_more_simple_hours_than_one_role_holds_are_split_over_several_full_roles():
    windows = ["07:00-08:00", "08:00-09:00", "09:00-10:00", "10:00-11:00", "11:00-12:00", "13:00-14:00"]
    analysis = job(*[task(number, 5, window) for number, window in enumerate(windows, start=1)])

    result = carve(analysis, minimum=8, maximum=16)

    assert [proposal.hours for proposal in result.proposals] == [15, 15]
    carved = [task_id for proposal in result.proposals for task_id in proposal.task_ids]
    assert sorted(carved) == [1, 2, 3, 4, 5, 6]
    assert result.yearly_net_saving == sum(p.business_case.net_yearly_saving for p in result.proposals)


def test_a_target_the_simple_tasks_cannot_fill_gives_a_clear_message_instead_of_proposals():
    analysis = job(task(1, 3, "07:00-09:00"), task(2, 2, "10:00-11:00"), task(3, 20, "11:00-16:00", complexity=3))

    result = carve(analysis, minimum=8, maximum=24)

    assert result.proposals == ()
    assert result.explanation.en == "The simple tasks together are 5 hours per week; the target is at least 8 hours."
    assert result.explanation.nl == "De eenvoudige taken samen zijn 5 uur per week; het doel is minstens 8 uur."
    assert {outcome.task.id for outcome in result.not_carved} == {1, 2, 3}


def test_half_hours_are_written_with_a_decimal_comma_in_dutch():
    result = carve(job(task(1, 2.5, "07:00-09:00")), minimum=8)

    assert result.explanation.nl.startswith("De eenvoudige taken samen zijn 2,5 uur per week")


def test_a_job_of_only_skilled_work_explains_there_is_nothing_to_carve():
    result = carve(job(task(1, 20, "08:00-12:00", complexity=3)))

    assert result.explanation.en == "There are no simple tasks (complexity 1 or 2) to carve out."


def test_a_task_larger_than_the_largest_role_is_left_out_with_its_reason():
    analysis = job(task(1, 30, "08:00-16:00"), task(2, 10, "16:00-18:00"))

    result = carve(analysis, minimum=8, maximum=24)

    assert [proposal.task_ids for proposal in result.proposals] == [(2,)]
    [left] = result.not_carved
    assert left.reason.en == "This task alone (30 hours) is more than the largest role (24 hours)."


def test_excluded_tasks_stay_with_skilled_staff():
    result = carve(hospital_job(), exclude_ids={2})

    assert result.proposals[0].task_ids == (1, 3)
    assert {o.task.id: o.reason.code for o in result.not_carved} == {2: "task_excluded", 4: "task_skilled"}


def test_included_tasks_limit_the_proposal_to_the_chosen_tasks():
    result = carve(hospital_job(), include_ids=[1, 3])

    assert result.proposals[0].task_ids == (1, 3)
    assert result.proposals[0].hours == 10


def test_the_same_analysis_always_gives_the_same_proposals():
    windows = ["07:00-08:00", "07:30-08:30", "09:00-10:00", "09:00-11:00", "12:00-13:00", "13:00-14:00",
               "14:00-15:00", "14:30-16:00"]
    analysis = job(*[task(number, 3 + number % 3, window) for number, window in enumerate(windows)])

    first = carve(analysis, minimum=8, maximum=12)
    second = carve(analysis, minimum=8, maximum=12)

    assert first == second
    assert [p.task_ids for p in first.proposals] == [p.task_ids for p in second.proposals]


def test_proposals_can_be_asked_for_with_plain_numbers_for_the_target():
    result = propose_roles(hospital_job(), target_min_hours=8.5, target_max_hours=Decimal("15"),
                           carved_hourly_wage=Decimal("14.40"), subsidy_percent=Decimal("0"))

    assert result.proposals[0].hours == 15
