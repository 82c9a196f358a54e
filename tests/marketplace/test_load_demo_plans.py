"""The demo shows the caseload work: plans (the demo login's changed since agreement), assessments over time and
a draagkracht picture with a history; a second run adds nothing."""

import pytest

from marketplace.models import Assessment, DraagkrachtPicture, JobSeeker, Plan, PlanEvent
from marketplace.models.plans import AgreementState
from tests.marketplace.test_load_demo import run_load_demo

pytestmark = pytest.mark.django_db


def counts() -> dict:
    return {model.__name__: model.objects.count() for model in (Plan, PlanEvent, Assessment, DraagkrachtPicture)}


def test_the_demo_has_plans_assessments_over_time_and_a_draagkracht_picture():
    run_load_demo()
    samira = JobSeeker.objects.get(user__username="werkzoekende")

    plan = Plan.objects.get(seeker=samira)
    assert plan.agreement_state == AgreementState.CHANGED  # the portal asks her to agree again
    assert plan.events.filter(kind="comment", actor_kind="seeker").exists()
    assert plan.actions.filter(status="done").exists()
    assert len(set(Assessment.objects.filter(seeker=samira).values_list("date", flat=True))) == 3
    assert DraagkrachtPicture.objects.filter(seeker=samira).count() == 2
    assert Plan.objects.filter(seeker__municipality=samira.municipality).count() >= 3
    assert Assessment.objects.exclude(seeker=samira).values("seeker").distinct().count() >= 2


def test_loading_the_demo_again_adds_no_plans_or_assessments():
    run_load_demo()
    before = counts()

    run_load_demo()

    assert counts() == before
