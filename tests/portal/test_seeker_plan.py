"""The job seeker's plan at /mijn/plan/: read it, comment, agree, tick own actions off; all of it in "my data".

The English pages keep the assertions independent of the Dutch translations.
"""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from marketplace.access import actor_for
from marketplace.models import Plan, PlanAction, PlanEvent
from marketplace.models.plans import AgreementState
from marketplace.selectors.assessments import assessments_read_for_staff
from marketplace.services.assessments import assessment_record, draagkracht_record
from marketplace.services.plans import plan_action_add, plan_create, plan_update
from tests import factories
from tests.portal.helpers import en, messages_of, post, signed_in

pytestmark = pytest.mark.django_db


def days(n: int):
    return timezone.localdate() + timedelta(days=n)


@pytest.fixture
def caseworker(world):
    return actor_for(world.caseworker_a)


@pytest.fixture
def plan(world, caseworker) -> Plan:
    plan = plan_create(actor=caseworker, seeker=world.seeker, goal="Ik wil in een bakkerij werken.",
                       review_date=days(60))
    plan_action_add(actor=caseworker, plan=plan, description="Cv maken met de buurtcoach", owner="seeker",
                    due_date=days(14))
    plan_action_add(actor=caseworker, plan=plan, description="Bakkerij Jansen bellen", owner="caseworker",
                    due_date=days(21))
    return Plan.objects.get(pk=plan.pk)


@pytest.fixture
def seeker(world):
    return signed_in(world.seeker_user)


def action(plan, description) -> PlanAction:
    return plan.actions.get(description=description)


def test_without_a_plan_the_page_says_the_caseworker_makes_one_with_them(seeker):
    response = seeker.get(en("seeker-plan"))

    assert response.status_code == 200
    assert "You and your caseworker make a plan together" in response.content.decode()


def test_the_page_shows_the_goal_the_actions_with_who_and_when_and_the_review_date(seeker, plan):
    html = seeker.get(en("seeker-plan")).content.decode()

    assert "Ik wil in een bakkerij werken." in html
    assert "Cv maken met de buurtcoach" in html and "Bakkerij Jansen bellen" in html
    assert "Your caseworker" in html and ">You<" in html
    assert "Do you agree with this plan?" in html
    assert 'aria-current="page">My plan<' in html


def test_the_seeker_agrees_and_the_page_says_so(seeker, plan):
    response = post(seeker, en("seeker-plan-agree"), {"version": plan.version}, follow=True)

    assert Plan.objects.get().agreement_state == AgreementState.AGREED
    assert "You agreed to your plan. Your caseworker can see this." in messages_of(response)
    assert "You agreed to this plan on" in response.content.decode()


def test_an_agreement_to_a_plan_that_changed_while_reading_is_refused_with_the_reason(world, seeker, caseworker,
                                                                                     plan):
    read = plan.version
    plan_update(actor=caseworker, plan=plan, data={"goal": "Ik wil in een hotel werken."})

    response = post(seeker, en("seeker-plan-agree"), {"version": read})

    assert response.status_code == 409
    assert "The plan changed after you opened it." in " ".join(messages_of(response))
    assert Plan.objects.get().agreed_version is None


def test_after_a_change_the_page_shows_what_changed_and_asks_again(seeker, caseworker, plan):
    post(seeker, en("seeker-plan-agree"), {"version": plan.version})
    plan_action_add(actor=caseworker, plan=plan, description="Proefdag bij de bakker", owner="seeker",
                    due_date=days(30))

    html = seeker.get(en("seeker-plan")).content.decode()

    assert "Your plan has changed" in html
    assert "New step: Proefdag bij de bakker" in html
    assert "I agree with this plan" in html


def test_the_seeker_comments_and_sees_the_comment_in_the_history(seeker, plan):
    response = post(seeker, en("seeker-plan-comment"), {"text": "Kan het cv ook later?"}, follow=True)

    assert "Thank you. Your caseworker can read your comment." in messages_of(response)
    html = response.content.decode()
    assert "Kan het cv ook later?" in html and "(by you)" in html
    assert PlanEvent.objects.filter(kind="comment", actor_kind="seeker").count() == 1


def test_an_empty_comment_is_refused_next_to_the_field(seeker, plan):
    response = post(seeker, en("seeker-plan-comment"), {"text": "   "})

    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    assert not PlanEvent.objects.filter(kind="comment").exists()


def test_the_seeker_ticks_off_their_own_action_but_has_no_button_for_the_caseworkers(seeker, plan):
    own, theirs = action(plan, "Cv maken met de buurtcoach"), action(plan, "Bakkerij Jansen bellen")
    html = seeker.get(en("seeker-plan")).content.decode()
    assert en("seeker-plan-action-done", own.pk) in html
    assert en("seeker-plan-action-done", theirs.pk) not in html

    done = post(seeker, en("seeker-plan-action-done", own.pk), follow=True)
    refused = post(seeker, en("seeker-plan-action-done", theirs.pk))

    assert "Well done! This action is ticked off." in messages_of(done)
    assert refused.status_code == 409
    assert dict(PlanAction.objects.values_list("description", "status")) == {
        "Cv maken met de buurtcoach": "done", "Bakkerij Jansen bellen": "open"}


def test_another_seekers_action_is_not_found(world, plan):
    other = factories.JobSeekerFactory(municipality=world.municipality_a, with_account=True)
    other_plan = plan_create(actor=actor_for(world.caseworker_a), seeker=other, goal="Werken", review_date=days(30))
    client = signed_in(other.user)

    response = post(client, en("seeker-plan-action-done", action(plan, "Cv maken met de buurtcoach").pk))

    assert response.status_code == 404
    assert other_plan.actions.count() == 0
    assert not PlanAction.objects.filter(status="done").exists()


@pytest.mark.parametrize("persona", ["employer_a", "association", "caseworker_a"])
def test_the_plan_page_is_for_job_seekers_only(world, plan, persona):
    client = signed_in(getattr(world, persona))

    assert client.get(en("seeker-plan")).status_code == 403
    assert post(client, en("seeker-plan-agree"), {"version": plan.version}).status_code == 403
    assert Plan.objects.get().agreed_version is None


def test_anonymous_visitors_are_sent_to_the_login(plan):
    response = signed_in(None).get(en("seeker-plan"))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_page_shows_how_things_are_going_with_every_score(world, seeker, caseworker):
    assessment_record(actor=caseworker, seeker=world.seeker, date=days(-90), scores={"income": 2, "debts": 1})
    assessment_record(actor=caseworker, seeker=world.seeker, date=days(0), scores={"income": 3, "debts": 3})

    html = seeker.get(en("seeker-plan")).content.decode()

    assert "How are things going?" in html
    assert "Debts" in html and "(+2)" in html and "(+1)" in html


def test_my_data_holds_the_plan_comments_agreements_assessments_and_the_draagkracht(world, seeker, caseworker,
                                                                                  plan):
    post(seeker, en("seeker-plan-comment"), {"text": "Graag op dinsdag"})
    post(seeker, en("seeker-plan-agree"), {"version": plan.version})
    assessment_record(actor=caseworker, seeker=world.seeker, date=days(0), scores={"income": 3, "mental_health": 2})
    draagkracht_record(actor=caseworker, seeker=world.seeker, data={"motivation": 4, "wishes": "Bakkerij"})

    data = json.loads(seeker.get(en("seeker-data-download")).content)
    html = seeker.get(en("seeker-data")).content.decode()

    assert data["plan"]["goal"] == "Ik wil in een bakkerij werken."
    assert data["plan"]["agreement"] == "agreed"
    assert {item["description"] for item in data["plan"]["actions"]} == {"Cv maken met de buurtcoach",
                                                                         "Bakkerij Jansen bellen"}
    kinds = [entry["kind"] for entry in data["plan_history"]]
    assert kinds[-2:] == ["comment", "agreed"]
    assert data["plan_history"][-2]["comment"] == "Graag op dinsdag"
    assert data["plan_history"][-1]["by_label"] == "you"
    scores = {score["domain"]: score["score"] for score in data["assessments"][0]["scores"]}
    assert scores["mental_health"] == 2 and scores["income"] == 3
    assert data["draagkracht"][0]["wishes"] == "Bakkerij"
    for text in ("Ik wil in een bakkerij werken.", "Graag op dinsdag", "Bakkerij"):
        assert text in html


def test_a_read_of_the_sensitive_scores_shows_in_who_looked(world, seeker, caseworker):
    assessment_record(actor=caseworker, seeker=world.seeker, date=days(0), scores={"debts": 2})
    assessments_read_for_staff(actor=caseworker, seeker=world.seeker, purpose="Voorbereiding schuldhulp")

    data = json.loads(seeker.get(en("seeker-data-download")).content)

    [read] = data["burden_reads"]
    assert read["purpose"] == "Voorbereiding schuldhulp"
    assert "Debts (score in the assessment)" in read["fields_label"]


def test_a_plan_without_steps_offers_nothing_to_agree_to_yet(world, seeker):
    plan_create(actor=actor_for(world.caseworker_a), seeker=world.seeker, goal="Werken", review_date=days(30))

    html = seeker.get(en("seeker-plan")).content.decode()

    assert "I agree with this plan" not in html
    assert "There are no steps in your plan yet." in html
