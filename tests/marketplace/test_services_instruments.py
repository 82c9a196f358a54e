"""The koffer: caseworkers keep the municipality's instruments and deploy them for people.

A trajectory ordered from a provider needs the person's consent; the provider's staff start and end
it and report the result; the caseworker follows up what ended. Every refusal names the field it is
about and writes nothing.
"""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from marketplace.access import actor_for
from marketplace.choices import AssignmentStatus
from marketplace.exceptions import NotAllowed, NotEditable, NotYourMunicipality, NotYourOrganisation
from marketplace.models import Application, Instrument, InstrumentAssignment
from marketplace.services.instruments import (
    assignment_cancel,
    assignment_create,
    assignment_end,
    assignment_follow_up,
    assignment_start,
    assignment_update,
    instrument_create,
    instrument_update,
)
from marketplace.services.plans import plan_action_add, plan_create
from tests import factories

pytestmark = pytest.mark.django_db


def days(n: int):
    return timezone.localdate() + timedelta(days=n)


@pytest.fixture
def caseworker(world):
    return actor_for(world.caseworker_a)


@pytest.fixture
def course(world):
    return factories.InstrumentFactory(municipality=world.municipality_a, name="Taalcursus B1",
                                       provider=world.provider_organisation_other, cost=Decimal("1250.50"))


def refused_on(call) -> set[str]:
    with pytest.raises(ValidationError) as refused:
        call()
    return set(refused.value.message_dict)


def rows() -> tuple[int, int]:
    return Instrument.objects.count(), InstrumentAssignment.objects.count()


# The catalogue ---------------------------------------------------------------------------------------------


def test_a_caseworker_adds_an_instrument_with_its_provider_to_the_catalogue(world, caseworker):
    instrument = instrument_create(actor=caseworker, municipality=world.municipality_a, data={
        "kind": "job_coach", "name": "  Jobcoach   op de werkvloer ", "cost": Decimal("3400.00"), "duration_weeks": 26,
        "provider": world.provider_organisation_a})

    assert (instrument.name, instrument.provider, instrument.active) == (
        "Jobcoach op de werkvloer", world.provider_organisation_a, True)


def test_a_wage_cost_subsidy_carries_its_percentage(world, caseworker):
    instrument = instrument_create(actor=caseworker, municipality=world.municipality_a, data={
        "kind": "wage_cost_subsidy", "name": "Loonkostensubsidie", "subsidy_percent": Decimal("37.5")})

    assert instrument.subsidy_percent == Decimal("37.5")


VALID_INSTRUMENT = {"kind": "coaching", "name": "Coaching", "cost": Decimal("800")}


@pytest.mark.parametrize("changes, field", [
    ({"cost": Decimal("-1")}, "cost"),
    ({"cost": "veel"}, "cost"),
    ({"cost": True}, "cost"),
    ({"name": "  "}, "name"),
    ({"name": "Taalcursus b1"}, "name"),  # the same name as the course, but for the case
    ({"kind": "toverstaf"}, "kind"),
    ({"duration_weeks": 0}, "duration_weeks"),
    ({"duration_weeks": 261}, "duration_weeks"),
    ({"subsidy_percent": Decimal("50")}, "subsidy_percent"),  # only a wage-cost subsidy has one
    ({"kind": "wage_cost_subsidy", "subsidy_percent": Decimal("100.01")}, "subsidy_percent"),
    ({"kind": "wage_cost_subsidy", "subsidy_percent": Decimal("-5")}, "subsidy_percent"),
    ({"kind": "wage_cost_subsidy"}, "subsidy_percent"),
    ({"provider": "employer"}, "provider"),
    ({"provider": "provider_b"}, "provider"),
    ({"colour": "rood"}, "colour"),
])
def test_a_bad_instrument_is_refused_on_its_field_and_nothing_is_written(world, caseworker, course, changes, field):
    organisations = {"employer": world.organisation_a, "provider_b": world.provider_organisation_b}
    if changes.get("provider") in organisations:
        changes = {**changes, "provider": organisations[changes["provider"]]}
    before = rows()

    assert refused_on(lambda: instrument_create(actor=caseworker, municipality=world.municipality_a,
                                                data={**VALID_INSTRUMENT, **changes})) == {field}
    assert rows() == before


def test_a_municipality_has_one_wage_cost_subsidy_in_use(world, caseworker):
    factories.InstrumentFactory(municipality=world.municipality_a, wage_cost_subsidy=True)

    assert refused_on(lambda: instrument_create(actor=caseworker, municipality=world.municipality_a, data={
        "kind": "wage_cost_subsidy", "name": "Nieuwe loonkostensubsidie", "subsidy_percent": 40})) == {"kind"}


def test_the_same_name_may_be_used_by_another_municipality(world, course):
    instrument = instrument_create(actor=actor_for(world.caseworker_b), municipality=world.municipality_b,
                                   data={"kind": "language_course", "name": course.name})

    assert instrument.municipality == world.municipality_b


def test_another_municipalitys_caseworker_does_not_find_the_catalogue(world, course):
    with pytest.raises(NotYourMunicipality):
        instrument_create(actor=actor_for(world.caseworker_b), municipality=world.municipality_a,
                          data=VALID_INSTRUMENT)
    with pytest.raises(NotYourMunicipality):
        instrument_update(actor=actor_for(world.caseworker_b), instrument=course, data={"cost": Decimal("1")})

    course.refresh_from_db()
    assert course.cost == Decimal("1250.50")


@pytest.mark.parametrize("who", ["provider_a", "employer_a", "seeker_user"])
def test_only_caseworkers_keep_the_catalogue(world, course, who):
    with pytest.raises(NotAllowed):
        instrument_update(actor=actor_for(getattr(world, who)), instrument=course, data={"active": False})

    course.refresh_from_db()
    assert course.active


def test_taking_an_instrument_out_of_use_keeps_who_it_was_deployed_for(world, caseworker, course):
    factories.InstrumentAssignmentFactory(instrument=course, seeker=world.seeker)

    instrument_update(actor=caseworker, instrument=course, data={"active": False})

    course.refresh_from_db()
    assert not course.active and course.assignments.count() == 1


# Deploying an instrument -----------------------------------------------------------------------------------


def test_a_caseworker_orders_a_trajectory_from_the_provider_with_the_persons_consent(world, caseworker, course):
    assignment = assignment_create(actor=caseworker, seeker=world.seeker, instrument=course,
                                   data={"start_date": days(7), "consent": True})

    assert assignment.provider == world.provider_organisation_other  # the instrument's own provider
    assert assignment.cost == Decimal("1250.50")  # the instrument's cost
    assert assignment.status == AssignmentStatus.PLANNED
    assert assignment.consent_at is not None
    assert assignment.assigned_by == world.caseworker_a


def test_an_instrument_starting_today_is_running_at_once(world, caseworker, course):
    assignment = assignment_create(actor=caseworker, seeker=world.seeker, instrument=course, data={
        "start_date": days(0), "end_date": days(90), "consent": True, "cost": Decimal("900"),
        "provider": world.provider_organisation_a})

    assert (assignment.status, assignment.cost, assignment.provider) == (
        AssignmentStatus.ACTIVE, Decimal("900"), world.provider_organisation_a)


def test_an_instrument_without_a_provider_needs_no_consent(world, caseworker):
    activation = factories.InstrumentFactory(municipality=world.municipality_a, kind="activation")

    assignment = assignment_create(actor=caseworker, seeker=world.seeker, instrument=activation,
                                   data={"start_date": days(1)})

    assert assignment.provider is None and assignment.consent_at is None


def test_an_instrument_serves_an_action_of_the_persons_plan(world, caseworker, course):
    plan = plan_create(actor=caseworker, seeker=world.seeker, goal="Beter Nederlands", review_date=days(90))
    action = plan_action_add(actor=caseworker, plan=plan, description="Taalles volgen", owner="seeker",
                             due_date=days(60))

    assignment = assignment_create(actor=caseworker, seeker=world.seeker, instrument=course,
                                   data={"start_date": days(1), "consent": True, "plan_action": action})

    assert assignment.plan_action == action


def _others_plan_action(world, caseworker):
    other = factories.JobSeekerFactory(municipality=world.municipality_a)
    plan = plan_create(actor=caseworker, seeker=other, goal="Werk", review_date=days(90))
    return plan_action_add(actor=caseworker, plan=plan, description="Cv", owner="seeker", due_date=days(30))


@pytest.mark.parametrize("changes, field", [
    ({"consent": False}, "consent"),
    ({"consent": "ja"}, "consent"),
    ({"start_date": None}, "start_date"),
    ({"end_date": days(-1)}, "end_date"),
    ({"cost": Decimal("-0.01")}, "cost"),
    ({"provider": "employer"}, "provider"),
    ({"provider": "provider_b"}, "provider"),
    ({"plan_action": "someone_elses"}, "plan_action"),
    ({"application": "someone_elses"}, "application"),
    ({"status": "ended"}, "status"),
])
def test_a_bad_assignment_is_refused_on_its_field_and_nothing_is_written(world, caseworker, course, changes, field):
    values = {"employer": world.organisation_a, "provider_b": world.provider_organisation_b}
    if changes.get("plan_action") == "someone_elses":
        changes = {"plan_action": _others_plan_action(world, caseworker)}
    if changes.get("application") == "someone_elses":
        role = factories.RoleFactory(organisation=world.organisation_a, published=True)
        other = factories.JobSeekerFactory(municipality=world.municipality_a)
        changes = {"application": Application.objects.create(seeker=other, role=role, status="interested")}
    if changes.get("provider") in values:
        changes = {**changes, "provider": values[changes["provider"]]}

    assert refused_on(lambda: assignment_create(actor=caseworker, seeker=world.seeker, instrument=course, data={
        "start_date": days(0), "consent": True, **changes})) == {field}
    assert not InstrumentAssignment.objects.exists()


def test_another_municipalitys_instrument_is_refused_on_the_instrument(world, caseworker):
    elsewhere = factories.InstrumentFactory(municipality=world.municipality_b)

    assert refused_on(lambda: assignment_create(actor=caseworker, seeker=world.seeker, instrument=elsewhere,
                                                data={"start_date": days(0)})) == {"instrument"}
    assert not InstrumentAssignment.objects.exists()


def test_an_instrument_out_of_use_is_no_longer_deployed(world, caseworker, course):
    course.active = False
    course.save()

    assert refused_on(lambda: assignment_create(actor=caseworker, seeker=world.seeker, instrument=course,
                                                data={"start_date": days(0), "consent": True})) == {"instrument"}


def test_another_municipalitys_job_seeker_is_refused_on_the_seeker(world, caseworker, course):
    assert refused_on(lambda: assignment_create(actor=caseworker, seeker=world.seeker_b, instrument=course,
                                                data={"start_date": days(0), "consent": True})) == {"seeker"}
    assert not InstrumentAssignment.objects.exists()


@pytest.mark.parametrize("who", ["provider_a", "employer_a", "seeker_user"])
def test_only_caseworkers_deploy_instruments(world, course, who):
    with pytest.raises(NotAllowed):
        assignment_create(actor=actor_for(getattr(world, who)), seeker=world.seeker, instrument=course,
                          data={"start_date": days(0), "consent": True})

    assert not InstrumentAssignment.objects.exists()


# From planned to ended, and the follow-up ------------------------------------------------------------------


@pytest.fixture
def planned(world, caseworker, course):
    return assignment_create(actor=caseworker, seeker=world.seeker, instrument=course, data={
        "start_date": days(3), "consent": True, "provider": world.provider_organisation_a})


def test_the_provider_starts_the_trajectory_and_reports_its_result(world, planned):
    provider = actor_for(world.provider_a)

    started = assignment_start(actor=provider, assignment=planned)
    ended = assignment_end(actor=provider, assignment=started, end_date=days(0), result="partly_reached",
                           result_note="  Spreekt nu op A2-niveau. ")

    assert started.start_date == days(0)  # started earlier than planned
    assert (ended.status, ended.end_date, ended.result, ended.result_note) == (
        AssignmentStatus.ENDED, days(0), "partly_reached", "Spreekt nu op A2-niveau.")
    assert ended.followed_up_at is None


def test_another_providers_staff_do_not_find_the_trajectory(world, planned):
    with pytest.raises(NotYourOrganisation):
        assignment_start(actor=actor_for(world.provider_other), assignment=planned)

    planned.refresh_from_db()
    assert planned.status == AssignmentStatus.PLANNED


def test_without_consent_the_provider_does_not_find_the_trajectory(world, planned):
    InstrumentAssignment.objects.filter(pk=planned.pk).update(consent_at=None)
    planned.refresh_from_db()

    with pytest.raises(NotYourOrganisation):
        assignment_start(actor=actor_for(world.provider_a), assignment=planned)


def test_the_provider_does_not_cancel_the_municipalitys_order(world, planned):
    with pytest.raises(NotAllowed):
        assignment_cancel(actor=actor_for(world.provider_a), assignment=planned, reason="Geen plek")

    planned.refresh_from_db()
    assert planned.status == AssignmentStatus.PLANNED


@pytest.mark.parametrize("end_date, result, field", [
    (days(-10), "goal_reached", "end_date"),  # before the start
    (days(1), "goal_reached", "end_date"),  # not yet
    (None, "goal_reached", "end_date"),
    (days(0), "geweldig", "result"),
    (days(0), "", "result"),
])
def test_an_end_without_a_proper_date_or_result_is_refused_on_its_field(world, caseworker, planned, end_date,
                                                                          result, field):
    started = assignment_start(actor=caseworker, assignment=planned, start_date=days(-3))

    assert refused_on(lambda: assignment_end(actor=caseworker, assignment=started, end_date=end_date,
                                             result=result)) == {field}
    started.refresh_from_db()
    assert (started.status, started.result) == (AssignmentStatus.ACTIVE, "")


def test_a_start_in_the_future_is_refused_on_the_start_date(world, caseworker, planned):
    assert refused_on(lambda: assignment_start(actor=caseworker, assignment=planned,
                                               start_date=days(2))) == {"start_date"}


def test_the_caseworker_cancels_a_running_trajectory_saying_why(world, caseworker, planned):
    started = assignment_start(actor=caseworker, assignment=planned)

    assert refused_on(lambda: assignment_cancel(actor=caseworker, assignment=started, reason=" ")) == {"reason"}
    cancelled = assignment_cancel(actor=caseworker, assignment=started, reason="Verhuisd")

    assert (cancelled.status, cancelled.end_date, cancelled.result_note) == (
        AssignmentStatus.CANCELLED, days(0), "Verhuisd")


def test_the_caseworker_follows_up_an_ended_instrument(world, caseworker, planned):
    with pytest.raises(NotEditable):
        assignment_follow_up(actor=caseworker, assignment=planned, note="Te vroeg")
    started = assignment_start(actor=caseworker, assignment=planned)
    ended = assignment_end(actor=caseworker, assignment=started, end_date=days(0), result="goal_reached")

    assert refused_on(lambda: assignment_follow_up(actor=caseworker, assignment=ended, note="")) == {"note"}
    followed = assignment_follow_up(actor=caseworker, assignment=ended, note="Volgende stap: proefplaats.")

    assert followed.followed_up_at is not None and followed.follow_up_note == "Volgende stap: proefplaats."
    with pytest.raises(NotAllowed):
        assignment_follow_up(actor=actor_for(world.provider_a), assignment=ended, note="Door ons")


def test_the_caseworker_changes_dates_and_cost_until_it_ends(world, caseworker, planned):
    changed = assignment_update(actor=caseworker, assignment=planned, data={
        "start_date": days(5), "end_date": days(60), "cost": Decimal("1100")})

    assert (changed.start_date, changed.end_date, changed.cost) == (days(5), days(60), Decimal("1100"))
    assert refused_on(lambda: assignment_update(actor=caseworker, assignment=changed,
                                                data={"end_date": days(4)})) == {"end_date"}
    assert refused_on(lambda: assignment_update(actor=caseworker, assignment=changed,
                                                data={"cost": Decimal("-3")})) == {"cost"}
    cancelled = assignment_cancel(actor=caseworker, assignment=changed, reason="Andere aanpak")
    with pytest.raises(NotEditable):
        assignment_update(actor=caseworker, assignment=cancelled, data={"cost": Decimal("1")})
    cancelled.refresh_from_db()
    assert cancelled.cost == Decimal("1100")


def test_a_caseworker_of_another_municipality_does_not_find_the_assignment(world, planned):
    with pytest.raises(NotYourMunicipality):
        assignment_update(actor=actor_for(world.caseworker_b), assignment=planned, data={"cost": Decimal("1")})
    with pytest.raises(NotYourMunicipality):
        assignment_cancel(actor=actor_for(world.caseworker_b), assignment=planned, reason="Weg")
