"""The caseload cockpit's figures: right for a known caseload, one query per figure whatever its size."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from marketplace.access import actor_for
from marketplace.choices import ApplicationStatus, SeekerStatus
from marketplace.exceptions import NotAllowed, NotYourMunicipality
from marketplace.models import Application, Caseworker, JobSeeker, Plan
from marketplace.models.applications import RoleSeat
from marketplace.models.caseload import CategoryKey
from marketplace.models.koffer import AssignmentResult, AssignmentStatus, InstrumentKind
from marketplace.selectors.cockpit import (
    MUNICIPALITY,
    NO_CATEGORY,
    NO_RESULT,
    CockpitScope,
    cockpit_for,
    cockpit_scope_for,
    scope_choices,
)
from tests import factories

pytestmark = pytest.mark.django_db

S = ApplicationStatus
TODAY = timezone.localdate()


def caseworker_of(user) -> Caseworker:
    return actor_for(user).caseworker


def people(caseworker, n, **fields):
    return factories.JobSeekerFactory.create_batch(n, municipality=caseworker.municipality, caseworker=caseworker,
                                                   **fields)


def apply(seeker, role, status, *, introduced=False):
    seat = None
    if status in (S.TRIAL, S.PLACED):
        seat = RoleSeat.objects.create(role=role, number=role.seats.count() + 1)
    introduced_at = timezone.now() if introduced or status in (S.INTRODUCED, S.TRIAL, S.PLACED, S.ENDED) else None
    return Application.objects.create(seeker=seeker, role=role, status=status, seat=seat, introduced_at=introduced_at)


def assign(seeker, instrument, status=AssignmentStatus.ACTIVE, result=""):
    end = TODAY if status == AssignmentStatus.ENDED else None
    return factories.InstrumentAssignmentFactory(seeker=seeker, instrument=instrument, status=status, result=result,
                                                 end_date=end)


def plan(seeker, *, agreed=True, review_in_days=30, version=1):
    return Plan.objects.create(seeker=seeker, goal="Werken met mijn handen", review_date=TODAY + timedelta(
        days=review_in_days), version=version, agreed_version=1 if agreed else None,
        agreed_at=timezone.now() if agreed else None)


@pytest.fixture
def caseload(world):
    """Caseworker A's caseload of ten with known figures, and people around it who must not be counted."""
    mine = caseworker_of(world.caseworker_a)
    municipality = world.municipality_a
    direct = factories.CaseloadCategoryFactory(municipality=municipality, key=CategoryKey.DIRECT_TO_WORK, position=1)
    care = factories.CaseloadCategoryFactory(municipality=municipality, key=CategoryKey.CARE_FIRST, position=4)
    # world.seeker (rung 4, no category) is the first of the caseload; nine more.
    rung2 = people(mine, 3, rung=2, category=care)
    rung5 = people(mine, 4, rung=5, category=direct)
    rung6 = people(mine, 2, rung=6)
    everyone = [world.seeker, *rung2, *rung5, *rung6]
    role = factories.RoleFactory(organisation=world.organisation_a, places=5, published=True)
    apply(rung5[0], role, S.SUGGESTED)
    apply(rung5[1], role, S.INTERESTED)
    apply(rung5[2], role, S.INTRODUCED)
    apply(rung5[3], role, S.TRIAL)
    apply(rung6[0], role, S.PLACED)
    apply(rung6[1], role, S.ENDED)
    apply(rung2[0], role, S.DECLINED, introduced=True)
    apply(rung2[1], role, S.WITHDRAWN)
    course = factories.InstrumentFactory(municipality=municipality, kind=InstrumentKind.LANGUAGE_COURSE)
    coach = factories.InstrumentFactory(municipality=municipality, kind=InstrumentKind.JOB_COACH)
    assign(rung2[0], course, AssignmentStatus.PLANNED)
    assign(rung2[1], course, AssignmentStatus.ACTIVE)
    assign(rung2[2], course, AssignmentStatus.ACTIVE)
    assign(rung5[0], course, AssignmentStatus.ENDED, AssignmentResult.GOAL_REACHED)
    assign(rung5[1], course, AssignmentStatus.ENDED, AssignmentResult.DROPPED_OUT)
    assign(rung5[2], coach, AssignmentStatus.ENDED)
    assign(rung5[3], coach, AssignmentStatus.CANCELLED)
    plan(rung2[0])
    plan(rung2[1], agreed=False)
    plan(rung5[0], review_in_days=-3)
    plan(rung5[1], version=2)  # changed since the person agreed
    # Around the caseload: a colleague's person, an exited person, and another municipality's.
    colleague = factories.CaseworkerFactory(municipality=municipality, user__username="collega")
    theirs = people(colleague, 1, rung=1)[0]
    apply(theirs, role, S.PLACED)
    assign(theirs, course)
    people(mine, 1, rung=1, status=SeekerStatus.EXITED)
    other_role = factories.RoleFactory(organisation=factories.OrganisationFactory(municipality=world.municipality_b))
    apply(world.seeker_b, other_role, S.PLACED)
    assign(world.seeker_b, factories.InstrumentFactory(municipality=world.municipality_b))
    return mine, everyone, colleague


def counts(tallies) -> dict[str, int]:
    return {tally.key: tally.count for tally in tallies}


def test_a_caseworker_counts_their_own_caseload_by_rung_with_zeros(caseload):
    mine, _everyone, _colleague = caseload

    cockpit = cockpit_for(CockpitScope(mine.municipality_id, mine))

    assert counts(cockpit.by_rung) == {"1": 0, "2": 3, "3": 0, "4": 1, "5": 4, "6": 2}
    assert cockpit.people == 10


def test_people_without_a_category_are_counted_as_such_after_the_categories_in_order(caseload):
    mine, _everyone, _colleague = caseload

    by_category = cockpit_for(CockpitScope(mine.municipality_id, mine)).by_category

    assert [(tally.key, tally.count) for tally in by_category] == [
        (CategoryKey.DIRECT_TO_WORK, 4), (CategoryKey.CARE_FIRST, 3), (NO_CATEGORY, 3)]


def test_the_funnel_counts_applications_now_at_each_stage_and_those_that_reached_it(caseload):
    mine, _everyone, _colleague = caseload

    funnel = cockpit_for(CockpitScope(mine.municipality_id, mine)).funnel

    now = {stage.key: stage.now for stage in funnel.stages}
    reached = {stage.key: stage.reached for stage in funnel.stages}
    assert now == {"suggested": 1, "interested": 1, "proposed": 0, "introduced": 1, "trial": 1, "placed": 1}
    # Eight applications; the ended placement counts as placed; the declined one was introduced first.
    assert reached == {"suggested": 8, "interested": 7, "proposed": 6, "introduced": 5, "trial": 3, "placed": 2}
    assert (funnel.ended, funnel.stopped, funnel.total) == (1, 2, 8)


def test_instruments_in_use_and_results_of_ended_ones_are_counted_by_kind(caseload):
    mine, _everyone, _colleague = caseload

    instruments = cockpit_for(CockpitScope(mine.municipality_id, mine)).instruments

    assert [(use.key, use.planned, use.active) for use in instruments.in_use] == [("language_course", 1, 2)]
    results = {row.key: row.results for row in instruments.results}
    assert results["language_course"]["goal_reached"] == 1 and results["language_course"]["dropped_out"] == 1
    assert results["job_coach"][NO_RESULT] == 1 and sum(results["job_coach"].values()) == 1
    assert [key for key, _label in instruments.result_labels][-1] == NO_RESULT


def test_plans_are_counted_with_agreement_and_overdue_reviews(caseload):
    mine, _everyone, _colleague = caseload

    plans = cockpit_for(CockpitScope(mine.municipality_id, mine)).plans

    assert (plans.people, plans.with_plan, plans.without_plan, plans.agreed, plans.review_overdue) == (10, 4, 6, 2, 1)


def test_the_caseload_is_everyone_but_who_exited_counted_by_status_in_the_same_query(caseload):
    mine, everyone, _colleague = caseload
    JobSeeker.objects.filter(pk__in=[everyone[1].pk, everyone[2].pk]).update(status=SeekerStatus.PAUSED)
    JobSeeker.objects.filter(pk=everyone[3].pk).update(status=SeekerStatus.PLACED)

    cockpit = cockpit_for(CockpitScope(mine.municipality_id, mine))

    assert counts(cockpit.by_status) == {"active": 7, "paused": 2, "placed": 1}
    assert cockpit.people == 10 == sum(counts(cockpit.by_status).values()) == sum(counts(cockpit.by_rung).values())
    assert cockpit.active == 7


def test_the_municipality_counts_every_caseworkers_people_but_no_one_elses(caseload):
    mine, _everyone, _colleague = caseload

    cockpit = cockpit_for(CockpitScope(mine.municipality_id))

    assert cockpit.people == 11
    assert counts(cockpit.by_rung)["1"] == 1
    assert {stage.key: stage.now for stage in cockpit.funnel.stages}["placed"] == 2
    assert [(use.key, use.active) for use in cockpit.instruments.in_use] == [("language_course", 3)]


def queries_for(scope) -> int:
    with CaptureQueriesContext(connection) as captured:
        cockpit_for(scope)
    return len(captured.captured_queries)


def test_the_cockpit_takes_the_same_few_queries_for_10_and_for_150_people(world):
    mine = caseworker_of(world.caseworker_a)
    role = factories.RoleFactory(organisation=world.organisation_a, places=200, published=True)
    course = factories.InstrumentFactory(municipality=world.municipality_a)

    def grow_to(n):
        for seeker in people(mine, n - mine.caseload.count()):
            apply(seeker, role, S.INTERESTED)
            assign(seeker, course)
            plan(seeker)

    grow_to(10)
    small, small_municipality = queries_for(CockpitScope(mine.municipality_id, mine)), queries_for(
        CockpitScope(mine.municipality_id))
    grow_to(150)
    large, large_municipality = queries_for(CockpitScope(mine.municipality_id, mine)), queries_for(
        CockpitScope(mine.municipality_id))

    assert mine.caseload.count() == 150
    assert small == large == 4
    assert small_municipality == large_municipality == 4


def team_leader(world):
    actor = actor_for(world.caseworker_a)
    actor.caseworker.is_team_leader = True
    actor.caseworker.save()
    return actor


def test_a_caseworker_sees_their_own_caseload_and_may_not_choose_another(world):
    actor = actor_for(world.caseworker_a)
    colleague = factories.CaseworkerFactory(municipality=world.municipality_a)

    scope = cockpit_scope_for(actor)

    assert scope.caseworker == actor.caseworker
    assert cockpit_scope_for(actor, str(actor.caseworker.pk)) == scope
    for other in (MUNICIPALITY, str(colleague.pk)):
        with pytest.raises(NotAllowed):
            cockpit_scope_for(actor, other)
    assert scope_choices(actor) == []


def test_a_team_leader_sees_the_municipality_and_may_choose_a_caseworker_of_it_only(world):
    actor = team_leader(world)
    colleague = factories.CaseworkerFactory(municipality=world.municipality_a)
    elsewhere = caseworker_of(world.caseworker_b)

    assert cockpit_scope_for(actor).is_municipality
    assert cockpit_scope_for(actor, str(colleague.pk)).caseworker == colleague
    for unknown in (str(elsewhere.pk), "999999", "abc"):
        with pytest.raises(NotYourMunicipality):
            cockpit_scope_for(actor, unknown)
    assert [key for key, _name in scope_choices(actor)] == [MUNICIPALITY, *sorted(
        [str(colleague.pk), str(actor.caseworker.pk)], key=lambda key: str(Caseworker.objects.get(pk=key)))]


def test_someone_who_is_no_caseworker_has_no_cockpit(world):
    for user in (world.seeker_user, world.employer_a, factories.UserFactory(is_superuser=True, is_staff=True)):
        with pytest.raises(NotAllowed):
            cockpit_scope_for(actor_for(user))
