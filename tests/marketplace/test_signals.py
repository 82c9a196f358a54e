"""The stuck signals and the worklist: each signal shows from the first day past its category's threshold.

A person "on track" has a plan with an open action, a review date ahead, a recent contact and a
recent rung change; each test moves one date to just before and just past a threshold.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from marketplace.caseload.approach import NO_CATEGORY, months_before
from marketplace.exceptions import NotAllowed, NotYourMunicipality
from marketplace.models import (
    AssignmentStatus,
    ContactMoment,
    JobSeeker,
    LadderStep,
    Plan,
    PlanAction,
)
from marketplace.selectors.signals import (
    INSTRUMENT_NOT_FOLLOWED_UP,
    MUNICIPALITY,
    NO_ACTIVE_PLAN,
    NO_CONTACT,
    NO_RUNG_CHANGE,
    REVIEW_OVERDUE,
    WEIGHTS,
    SignalKind,
    signal_counts,
    worklist_for,
)
from marketplace.services.categories import ensure_default_categories
from tests import factories

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def days(n: int):
    return TODAY + timedelta(days=n)


def on_track(municipality, caseworker, *, category=None, **fields) -> JobSeeker:
    """A person without any signal today."""
    seeker = factories.JobSeekerFactory(municipality=municipality, caseworker=caseworker, category=category, **fields)
    plan = Plan.objects.create(seeker=seeker, goal="Werken in de zorg", review_date=days(30))
    PlanAction.objects.create(plan=plan, description="Cv maken", owner="seeker", due_date=days(10))
    ContactMoment.objects.create(seeker=seeker, date=days(-1), kind="phone")
    LadderStep.objects.create(seeker=seeker, rung=seeker.rung, date=days(-1))
    return seeker


def kinds_of(caseworker, seeker) -> tuple:
    row = next((row for row in worklist_for(caseworker) if row.seeker.pk == seeker.pk), None)
    return tuple(sorted(row.kinds)) if row else ()


@pytest.fixture
def categories(world):
    return {category.key: category for category in ensure_default_categories(world.municipality_a)}


@pytest.fixture
def caseworker(world):
    return world.caseworker_a.caseworker


@pytest.fixture
def person(world, caseworker, categories):
    """On track, in "direct to work": contact every 4 weeks, stuck after 6 months, follow-up within 2 weeks."""
    return on_track(world.municipality_a, caseworker, category=categories["direct_to_work"])


def test_a_person_on_track_is_not_on_the_worklist(caseworker, person):
    assert kinds_of(caseworker, person) == ()


@pytest.mark.parametrize(("ago", "shown"), [(28, False), (29, True)])
def test_no_contact_shows_the_day_after_the_categorys_interval(caseworker, person, ago, shown):
    ContactMoment.objects.filter(seeker=person).update(date=days(-ago))

    assert kinds_of(caseworker, person) == ((NO_CONTACT,) if shown else ())


@pytest.mark.parametrize(("ago", "shown"), [(42, False), (43, True)])
def test_care_first_allows_six_weeks_between_contacts(caseworker, person, categories, ago, shown):
    JobSeeker.objects.filter(pk=person.pk).update(category=categories["care_first"])
    ContactMoment.objects.filter(seeker=person).update(date=days(-ago))

    assert kinds_of(caseworker, person) == ((NO_CONTACT,) if shown else ())


def test_a_person_never_contacted_counts_from_the_day_they_were_registered(world, caseworker, person):
    ContactMoment.objects.filter(seeker=person).delete()
    assert kinds_of(caseworker, person) == ()

    JobSeeker.objects.filter(pk=person.pk).update(created_at=timezone.now() - timedelta(days=40))
    assert kinds_of(caseworker, person) == (NO_CONTACT,)


@pytest.mark.parametrize(("shift", "shown"), [(0, False), (-1, True)])
def test_no_rung_change_shows_the_day_after_the_categorys_months(caseworker, person, shift, shown):
    LadderStep.objects.filter(seeker=person).update(date=months_before(TODAY, 6) + timedelta(days=shift))

    assert kinds_of(caseworker, person) == ((NO_RUNG_CHANGE,) if shown else ())


def test_without_a_ladder_step_the_registration_date_counts(caseworker, person):
    LadderStep.objects.filter(seeker=person).delete()
    JobSeeker.objects.filter(pk=person.pk).update(created_at=timezone.now() - timedelta(days=250))

    assert NO_RUNG_CHANGE in kinds_of(caseworker, person)


def test_a_person_without_a_category_uses_the_default_approach(world, caseworker):
    person = on_track(world.municipality_a, caseworker)
    LadderStep.objects.filter(seeker=person).update(date=months_before(TODAY, NO_CATEGORY.stuck_after_months))
    ContactMoment.objects.filter(seeker=person).update(date=days(-7 * NO_CATEGORY.contact_every_weeks - 1))

    assert kinds_of(caseworker, person) == (NO_CONTACT,)


def test_no_plan_or_a_plan_without_an_open_action_is_no_active_plan(caseworker, person):
    PlanAction.objects.filter(plan__seeker=person).update(status="done")
    assert kinds_of(caseworker, person) == (NO_ACTIVE_PLAN,)

    Plan.objects.filter(seeker=person).delete()
    assert kinds_of(caseworker, person) == (NO_ACTIVE_PLAN,)


@pytest.mark.parametrize(("review", "shown"), [(0, False), (-1, True)])
def test_review_overdue_shows_the_day_after_the_review_date(caseworker, person, review, shown):
    Plan.objects.filter(seeker=person).update(review_date=days(review))

    assert kinds_of(caseworker, person) == ((REVIEW_OVERDUE,) if shown else ())


@pytest.mark.parametrize(("ended", "shown"), [(14, False), (15, True)])
def test_an_ended_instrument_without_follow_up_shows_after_the_follow_up_weeks(world, caseworker, person, ended,
                                                                                shown):
    factories.InstrumentAssignmentFactory(
        instrument__municipality=world.municipality_a, seeker=person, start_date=days(-100), end_date=days(-ended),
        status=AssignmentStatus.ENDED,
    )

    assert kinds_of(caseworker, person) == ((INSTRUMENT_NOT_FOLLOWED_UP,) if shown else ())


def test_a_followed_up_or_running_instrument_gives_no_signal(world, caseworker, person):
    factories.InstrumentAssignmentFactory(
        instrument__municipality=world.municipality_a, seeker=person, start_date=days(-100), end_date=days(-60),
        status=AssignmentStatus.ENDED, followed_up_at=timezone.now(),
    )
    factories.InstrumentAssignmentFactory(
        instrument__municipality=world.municipality_a, seeker=person, start_date=days(-100), end_date=days(-60),
        status=AssignmentStatus.ACTIVE,
    )

    assert kinds_of(caseworker, person) == ()


def test_only_active_people_are_signalled(world, caseworker):
    paused = factories.JobSeekerFactory(municipality=world.municipality_a, caseworker=caseworker, paused=True)

    shown = {row.seeker.pk for row in worklist_for(caseworker)}

    assert world.seeker.pk in shown and paused.pk not in shown  # neither has a plan
    assert signal_counts(JobSeeker.objects.filter(pk=paused.pk))[NO_ACTIVE_PLAN] == 0
    assert signal_counts(JobSeeker.objects.filter(pk=world.seeker.pk))[NO_ACTIVE_PLAN] == 1


def test_one_row_per_person_with_all_signals_ordered_by_urgency(world, caseworker, person, categories):
    quiet = on_track(world.municipality_a, caseworker, category=categories["direct_to_work"], last_name="Aa")
    ContactMoment.objects.filter(seeker=quiet).update(date=days(-30))  # two days overdue
    Plan.objects.filter(seeker=person).update(review_date=days(-10))
    ContactMoment.objects.filter(seeker=person).update(date=days(-40))  # twelve days overdue

    rows = [row for row in worklist_for(caseworker) if row.seeker.pk in (person.pk, quiet.pk)]

    assert [row.seeker.pk for row in rows] == [person.pk, quiet.pk]
    first = rows[0]
    assert sorted(first.kinds) == sorted([NO_CONTACT, REVIEW_OVERDUE])
    overdue = {item.kind: item.days_overdue for item in first.items}
    assert overdue == {NO_CONTACT: 12, REVIEW_OVERDUE: 10}
    assert first.urgency == WEIGHTS[NO_CONTACT] + 12 + WEIGHTS[REVIEW_OVERDUE] + 10
    assert rows[1].urgency == WEIGHTS[NO_CONTACT] + 2


def test_a_longer_overdue_contact_comes_first(world, caseworker, categories):
    JobSeeker.objects.filter(pk=world.seeker.pk).update(status="paused")
    late = on_track(world.municipality_a, caseworker, category=categories["direct_to_work"], last_name="Zijl")
    later = on_track(world.municipality_a, caseworker, category=categories["direct_to_work"], last_name="Aalst")
    ContactMoment.objects.filter(seeker=late).update(date=days(-60))
    ContactMoment.objects.filter(seeker=later).update(date=days(-31))

    assert [row.seeker.pk for row in worklist_for(caseworker)] == [late.pk, later.pk]
    assert [row.seeker.pk for row in worklist_for(caseworker, limit=1)] == [late.pk]


# Whose worklist.


def test_a_caseworker_sees_only_their_own_caseload(world, caseworker):
    colleague = factories.CaseworkerFactory(municipality=world.municipality_a)
    mine = factories.JobSeekerFactory(municipality=world.municipality_a, caseworker=caseworker)
    theirs = factories.JobSeekerFactory(municipality=world.municipality_a, caseworker=colleague)

    shown = {row.seeker.pk for row in worklist_for(caseworker)}

    assert mine.pk in shown and theirs.pk not in shown
    with pytest.raises(NotAllowed):
        worklist_for(caseworker, of=MUNICIPALITY)
    with pytest.raises(NotAllowed):
        worklist_for(caseworker, of=colleague)


def test_a_team_leader_sees_the_municipality_or_one_caseworker(world, caseworker):
    caseworker.is_team_leader = True
    caseworker.save()
    colleague = factories.CaseworkerFactory(municipality=world.municipality_a)
    theirs = factories.JobSeekerFactory(municipality=world.municipality_a, caseworker=colleague)
    nobodys = factories.JobSeekerFactory(municipality=world.municipality_a, caseworker=None)

    everyone = {row.seeker.pk for row in worklist_for(caseworker, of=MUNICIPALITY)}
    one = {row.seeker.pk for row in worklist_for(caseworker, of=colleague)}

    assert {theirs.pk, nobodys.pk, world.seeker.pk} <= everyone and world.seeker_b.pk not in everyone
    assert one == {theirs.pk}
    with pytest.raises(NotYourMunicipality):
        worklist_for(caseworker, of=world.caseworker_b.caseworker)


# Counts and the number of queries.


def test_the_counts_agree_with_the_worklist(world, caseworker, person, categories):
    ContactMoment.objects.filter(seeker=person).update(date=days(-40))
    stale = on_track(world.municipality_a, caseworker, category=categories["care_first"])
    Plan.objects.filter(seeker=stale).update(review_date=days(-3))
    LadderStep.objects.filter(seeker=stale).update(date=days(-600))

    counts = signal_counts(JobSeeker.objects.filter(caseworker=caseworker))

    assert set(counts) == set(SignalKind.values)
    rows = worklist_for(caseworker)
    assert counts == {kind: sum(kind in row.kinds for row in rows) for kind in SignalKind.values}
    assert counts[NO_RUNG_CHANGE] == 1 and counts[REVIEW_OVERDUE] == 1 and counts[NO_CONTACT] == 1


def _caseload(world, caseworker, categories, size: int) -> None:
    keys = list(categories)
    for index in range(size):
        person = on_track(world.municipality_a, caseworker, category=categories[keys[index % 4]] if index % 5 else None)
        ContactMoment.objects.filter(seeker=person).update(date=days(-index))
        factories.InstrumentAssignmentFactory(instrument__municipality=world.municipality_a, seeker=person,
                                              start_date=days(-200), end_date=days(-index),
                                              status=AssignmentStatus.ENDED)


def _queries(function) -> int:
    with CaptureQueriesContext(connection) as captured:
        function()
    return len(captured)


def test_the_worklist_and_counts_take_as_many_queries_for_150_people_as_for_10(world, caseworker, categories):
    _caseload(world, caseworker, categories, 10)
    small = (_queries(lambda: worklist_for(caseworker)),
             _queries(lambda: signal_counts(JobSeeker.objects.filter(caseworker=caseworker))))
    _caseload(world, caseworker, categories, 140)

    rows = []
    large = (_queries(lambda: rows.extend(worklist_for(caseworker))),
             _queries(lambda: signal_counts(JobSeeker.objects.filter(caseworker=caseworker))))

    assert small == large == (2, 1)
    assert len(rows) > 100
    assert all(row.category is None or row.category.name for row in rows)  # loaded with the rows
