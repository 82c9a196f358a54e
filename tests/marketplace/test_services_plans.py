"""Plans of action: the caseworker keeps the plan, the job seeker comments, agrees and ticks actions off.

An agreement covers one version of the plan: a change to the goal, the review date or the actions
asks the person again; ticking an action off does not. Every write leaves a history line nobody can
change, and a refused write leaves nothing at all.
"""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from marketplace.access import actor_for
from marketplace.exceptions import NotAllowed
from marketplace.models import Plan, PlanAction, PlanEvent
from marketplace.models.plans import ActionOwner, ActionStatus, AgreementState, PlanEventKind
from marketplace.selectors.plans import changes_since_agreement, plan_history
from marketplace.services.plans import (
    PlanChanged,
    plan_action_add,
    plan_action_mark_done,
    plan_action_update,
    plan_agree,
    plan_comment_add,
    plan_create,
    plan_update,
)
from tests import factories

pytestmark = pytest.mark.django_db


def days(n: int):
    return timezone.localdate() + timedelta(days=n)


@pytest.fixture
def caseworker(world):
    return actor_for(world.caseworker_a)


@pytest.fixture
def seeker(world):
    return actor_for(world.seeker_user)


@pytest.fixture
def plan(world, caseworker) -> Plan:
    return plan_create(actor=caseworker, seeker=world.seeker, goal="Ik wil weer in een keuken werken.",
                       review_date=days(60))


def add(caseworker, plan, description="Sollicitatiebrief schrijven", owner=ActionOwner.SEEKER, due=30, **extra):
    return plan_action_add(actor=caseworker, plan=plan, description=description, owner=owner, due_date=days(due),
                           **extra)


def fresh(plan) -> Plan:
    return Plan.objects.get(pk=plan.pk)


def errors_of(excinfo) -> dict:
    return excinfo.value.message_dict


def test_a_caseworker_makes_a_plan_with_the_goal_in_the_persons_own_words(world, caseworker, plan):
    assert plan.seeker == world.seeker
    assert plan.goal == "Ik wil weer in een keuken werken."
    assert plan.version == 1
    assert plan.agreement_state == AgreementState.NOT_AGREED
    [entry] = plan_history(plan)
    assert entry.kind == PlanEventKind.CREATED
    assert entry.actor_name == (world.caseworker_a.get_full_name() or world.caseworker_a.username)
    assert [line.field for line in entry.changes] == ["goal", "review_date"]


@pytest.mark.parametrize("goal, review_date, field", [
    ("   ", days(30), "goal"),
    ("Werken", days(-1), "review_date"),
    ("Werken", None, "review_date"),
    ("Werken", days(365 * 10), "review_date"),
])
def test_a_plan_needs_a_goal_and_a_review_date_from_today(world, caseworker, goal, review_date, field):
    with pytest.raises(ValidationError) as excinfo:
        plan_create(actor=caseworker, seeker=world.seeker, goal=goal, review_date=review_date)

    assert field in errors_of(excinfo)
    assert not Plan.objects.exists()


def test_a_job_seeker_has_one_plan_that_is_changed_from_then_on(world, caseworker, plan):
    with pytest.raises(ValidationError) as excinfo:
        plan_create(actor=caseworker, seeker=world.seeker, goal="Nog een plan", review_date=days(30))

    assert "seeker" in errors_of(excinfo)
    assert Plan.objects.count() == 1


def test_a_caseworker_of_another_municipality_cannot_make_or_change_a_plan_for_someone_here(world, plan):
    other = actor_for(world.caseworker_b)

    with pytest.raises(ValidationError) as made:
        plan_create(actor=other, seeker=factories.JobSeekerFactory(municipality=world.municipality_a),
                    goal="Werken", review_date=days(30))
    with pytest.raises(ValidationError) as changed:
        plan_update(actor=other, plan=plan, data={"goal": "Iets anders"})
    with pytest.raises(ValidationError) as acted:
        add(other, plan)

    for excinfo in (made, changed, acted):
        assert "seeker" in errors_of(excinfo)
    assert fresh(plan).goal == "Ik wil weer in een keuken werken."
    assert not PlanAction.objects.exists()
    assert Plan.objects.count() == 1


@pytest.mark.parametrize("persona", ["employer_a", "seeker_user", "association"])
def test_only_caseworkers_make_plans_and_add_actions(world, plan, persona):
    actor = actor_for(getattr(world, persona))

    with pytest.raises(NotAllowed):
        plan_create(actor=actor, seeker=world.seeker_b, goal="Werken", review_date=days(30))
    with pytest.raises(NotAllowed):
        add(actor, plan)


@pytest.mark.parametrize("owner, owner_name, field", [
    ("", "", "owner"),
    ("buurman", "", "owner"),
    (ActionOwner.OTHER, "", "owner_name"),
    (ActionOwner.OTHER, "   ", "owner_name"),
])
def test_an_action_needs_an_owner_and_a_named_other_party(caseworker, plan, owner, owner_name, field):
    with pytest.raises(ValidationError) as excinfo:
        add(caseworker, plan, owner=owner, owner_name=owner_name)

    assert field in errors_of(excinfo)
    assert not PlanAction.objects.exists()
    assert fresh(plan).version == 1


def test_an_action_for_another_party_keeps_its_name(caseworker, plan):
    action = add(caseworker, plan, owner=ActionOwner.OTHER, owner_name="Taalschool De Brug")

    assert action.owner_label == "Taalschool De Brug"


@pytest.mark.parametrize("due", [-1, 61])
def test_an_action_is_due_from_today_and_not_after_the_review_date(caseworker, plan, due):
    with pytest.raises(ValidationError) as excinfo:
        add(caseworker, plan, due=due)

    assert "due_date" in errors_of(excinfo)
    assert not PlanAction.objects.exists()


def test_an_action_due_on_the_review_date_itself_is_fine(caseworker, plan):
    assert add(caseworker, plan, due=60).due_date == plan.review_date


def test_moving_the_review_date_before_an_open_action_is_refused_naming_that_action(caseworker, plan):
    add(caseworker, plan, description="Taalles volgen", due=50)

    with pytest.raises(ValidationError) as excinfo:
        plan_update(actor=caseworker, plan=plan, data={"review_date": days(40)})

    assert "Taalles volgen" in " ".join(errors_of(excinfo)["review_date"])
    assert fresh(plan).review_date == days(60)


def test_a_review_date_in_the_past_is_refused(caseworker, plan):
    with pytest.raises(ValidationError) as excinfo:
        plan_update(actor=caseworker, plan=plan, data={"review_date": days(-3)})

    assert "review_date" in errors_of(excinfo)


def test_the_plan_takes_no_fields_but_goal_and_review_date(caseworker, plan):
    with pytest.raises(ValidationError) as excinfo:
        plan_update(actor=caseworker, plan=plan, data={"version": 9})

    assert "version" in errors_of(excinfo)
    assert fresh(plan).version == 1


def test_a_change_that_changes_nothing_leaves_the_version_and_the_history_alone(caseworker, plan):
    plan_update(actor=caseworker, plan=plan, data={"goal": plan.goal, "review_date": plan.review_date})

    assert fresh(plan).version == 1
    assert PlanEvent.objects.filter(plan=plan).count() == 1


def test_the_seeker_agrees_to_the_version_they_read(world, caseworker, seeker, plan):
    add(caseworker, plan)
    version = fresh(plan).version

    agreed = plan_agree(actor=seeker, plan=plan, version=version)

    assert agreed.agreement_state == AgreementState.AGREED
    assert agreed.agreed_version == version
    assert agreed.agreed_at is not None
    assert plan_history(agreed)[-1].kind == PlanEventKind.AGREED
    assert plan_history(agreed)[-1].by == "self"


def test_an_agreement_to_an_older_version_is_refused_and_nothing_is_written(caseworker, seeker, plan):
    add(caseworker, plan)
    read = fresh(plan).version
    add(caseworker, plan, description="Nog iets")

    with pytest.raises(PlanChanged):
        plan_agree(actor=seeker, plan=plan, version=read)

    assert fresh(plan).agreed_version is None
    assert not PlanEvent.objects.filter(kind=PlanEventKind.AGREED).exists()


def test_agreeing_twice_to_the_same_version_writes_one_history_line(caseworker, seeker, plan):
    add(caseworker, plan)
    version = fresh(plan).version

    plan_agree(actor=seeker, plan=plan, version=version)
    plan_agree(actor=seeker, plan=plan, version=version)

    assert PlanEvent.objects.filter(kind=PlanEventKind.AGREED).count() == 1


def test_a_plan_without_actions_has_nothing_to_agree_to_yet(seeker, plan):
    with pytest.raises(ValidationError) as excinfo:
        plan_agree(actor=seeker, plan=plan, version=1)

    assert "actions" in errors_of(excinfo)


@pytest.mark.parametrize("persona", ["caseworker_a", "employer_a", "caseworker_b"])
def test_only_the_job_seeker_agrees_to_their_own_plan(world, caseworker, plan, persona):
    add(caseworker, plan)

    with pytest.raises(NotAllowed):
        plan_agree(actor=actor_for(getattr(world, persona)), plan=plan, version=fresh(plan).version)


def test_another_job_seeker_cannot_agree_comment_or_tick_off(world, caseworker, plan):
    action = add(caseworker, plan)
    other = factories.JobSeekerFactory(municipality=world.municipality_a, with_account=True)
    actor = actor_for(other.user)

    with pytest.raises(NotAllowed):
        plan_agree(actor=actor, plan=plan, version=fresh(plan).version)
    with pytest.raises(NotAllowed):
        plan_comment_add(actor=actor, plan=plan, text="Hallo")
    with pytest.raises(NotAllowed):
        plan_action_mark_done(actor=actor, action=action)
    assert PlanEvent.objects.filter(plan=plan).count() == 2


def test_adding_an_action_after_the_agreement_asks_the_seeker_again_and_shows_what_changed(caseworker, seeker,
                                                                                          plan):
    add(caseworker, plan)
    plan_agree(actor=seeker, plan=plan, version=fresh(plan).version)

    add(caseworker, plan, description="Gesprek bij de bakkerij")

    plan = fresh(plan)
    assert plan.agreement_state == AgreementState.CHANGED
    [change] = changes_since_agreement(plan)
    assert change.kind == PlanEventKind.ACTION_ADDED
    assert change.action == "Gesprek bij de bakkerij"

    plan_agree(actor=seeker, plan=plan, version=plan.version)
    assert fresh(plan).agreement_state == AgreementState.AGREED


@pytest.mark.parametrize("change", [
    {"goal": "Ik wil in een bakkerij werken."},
    {"review_date": "later"},
])
def test_changing_the_goal_or_review_date_after_the_agreement_asks_again(caseworker, seeker, plan, change):
    add(caseworker, plan)
    plan_agree(actor=seeker, plan=plan, version=fresh(plan).version)
    if change.get("review_date") == "later":
        change = {"review_date": days(70)}

    plan_update(actor=caseworker, plan=plan, data=change)

    assert fresh(plan).agreement_state == AgreementState.CHANGED
    [line] = changes_since_agreement(fresh(plan))[0].changes
    assert line.field == next(iter(change))


def test_ticking_an_action_off_keeps_the_agreement(caseworker, seeker, plan):
    action = add(caseworker, plan)
    plan_agree(actor=seeker, plan=plan, version=fresh(plan).version)

    plan_action_mark_done(actor=seeker, action=action)
    plan_action_update(actor=caseworker, action=PlanAction.objects.get(pk=action.pk), data={"status": "open"})
    plan_action_mark_done(actor=caseworker, action=action)

    assert fresh(plan).agreement_state == AgreementState.AGREED
    assert PlanAction.objects.get(pk=action.pk).status == ActionStatus.DONE


def test_cancelling_an_action_changes_the_plan_and_a_cancelled_action_cannot_be_done(caseworker, seeker, plan):
    action = add(caseworker, plan)
    plan_agree(actor=seeker, plan=plan, version=fresh(plan).version)

    plan_action_update(actor=caseworker, action=action, data={"status": ActionStatus.CANCELLED})

    assert fresh(plan).agreement_state == AgreementState.CHANGED
    with pytest.raises(ValidationError) as excinfo:
        plan_action_mark_done(actor=seeker, action=action)
    assert "status" in errors_of(excinfo)


def test_the_seeker_ticks_off_their_own_and_another_partys_actions_but_not_the_caseworkers(caseworker, seeker,
                                                                                          plan):
    own = add(caseworker, plan, owner=ActionOwner.SEEKER)
    school = add(caseworker, plan, owner=ActionOwner.OTHER, owner_name="Taalschool")
    caseworkers = add(caseworker, plan, owner=ActionOwner.CASEWORKER)

    plan_action_mark_done(actor=seeker, action=own)
    plan_action_mark_done(actor=seeker, action=school)
    with pytest.raises(NotAllowed):
        plan_action_mark_done(actor=seeker, action=caseworkers)

    statuses = dict(PlanAction.objects.values_list("pk", "status"))
    assert statuses == {own.pk: "done", school.pk: "done", caseworkers.pk: "open"}
    done = [entry for entry in plan_history(fresh(plan)) if entry.kind == PlanEventKind.ACTION_DONE]
    assert [entry.by for entry in done] == ["self", "self"]


def test_changing_an_action_records_what_it_said_before(caseworker, plan):
    action = add(caseworker, plan, description="Cv maken", due=20)

    plan_action_update(actor=caseworker, action=action, data={"description": "Cv maken met de buurtcoach",
                                                               "due_date": days(25)})

    change = plan_history(fresh(plan))[-1]
    assert change.kind == PlanEventKind.ACTION_CHANGED
    assert {line.field: line.before for line in change.changes}["description"] == "Cv maken"
    assert change.raw_changes["due_date"] == {"from": days(20).isoformat(), "to": days(25).isoformat()}


def test_an_unchanged_past_due_date_does_not_block_other_changes(caseworker, plan):
    action = add(caseworker, plan, due=5)
    PlanAction.objects.filter(pk=action.pk).update(due_date=days(-5))  # the date has passed since

    changed = plan_action_update(actor=caseworker, action=action, data={"description": "Cv afmaken"})

    assert changed.description == "Cv afmaken"
    assert changed.overdue


def test_comments_from_both_sides_are_kept_and_an_empty_comment_is_refused(world, caseworker, seeker, plan):
    plan_comment_add(actor=seeker, plan=plan, text="Kan het ook op donderdag?")
    plan_comment_add(actor=caseworker, plan=plan, text="Ja, dat kan.")
    with pytest.raises(ValidationError) as excinfo:
        plan_comment_add(actor=seeker, plan=plan, text="  ")

    assert "text" in errors_of(excinfo)
    comments = [entry for entry in plan_history(fresh(plan)) if entry.kind == PlanEventKind.COMMENT]
    assert [(entry.by, entry.text) for entry in comments] == [("self", "Kan het ook op donderdag?"),
                                                             ("own_caseworker", "Ja, dat kan.")]
    assert fresh(plan).version == 1


def test_a_comment_longer_than_a_note_is_refused(seeker, plan):
    with pytest.raises(ValidationError) as excinfo:
        plan_comment_add(actor=seeker, plan=plan, text="x" * 1001)

    assert "text" in errors_of(excinfo)


def test_the_history_cannot_be_changed_or_deleted(plan):
    entry = PlanEvent.objects.get(plan=plan)
    entry.text = "anders"

    with pytest.raises(ValueError):
        entry.save()
    with pytest.raises(ValueError):
        entry.delete()


def test_erasing_a_job_seeker_takes_their_plan_and_its_history_along(world, caseworker, seeker, plan):
    add(caseworker, plan)
    plan_comment_add(actor=seeker, plan=plan, text="Prima")

    world.seeker.delete()

    assert not Plan.objects.exists()
    assert not PlanAction.objects.exists()
    assert not PlanEvent.objects.exists()
