"""The caseload demo: categories in both municipalities, most of Havenstad's caseload placed with a reason,
contacts over the past months with some people out of touch; a second run adds nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.db.models import F

from marketplace.demo import content
from marketplace.demo.caseload import load_caseload_demo
from marketplace.models import CaseloadCategory, CategoryPlacement, ContactMoment, JobSeeker, Municipality
from marketplace.selectors.signals import NO_CONTACT, signal_counts, worklist_for
from tests.marketplace.test_load_demo import run_load_demo

pytestmark = pytest.mark.django_db


def load():
    return load_caseload_demo(caseworker_user=get_user_model().objects.get(username="klantmanager"),
                              municipalities=Municipality.objects.all())


def test_the_demo_places_most_people_and_leaves_some_out_of_touch():
    run_load_demo()

    havenstad = Municipality.objects.get(cbs_code=content.HAVENSTAD)
    seekers = JobSeeker.objects.filter(municipality=havenstad)
    assert CaseloadCategory.objects.filter(municipality__cbs_code=content.VEENWIJK).count() == 4
    assert CategoryPlacement.objects.filter(seeker__municipality=havenstad).count() == seekers.filter(
        category__isnull=False).count()
    assert 0.7 * seekers.count() < seekers.filter(category__isnull=False).count() < seekers.count()
    assert CategoryPlacement.objects.exclude(proposed_key=F("category__key")).exists()  # chosen otherwise
    assert ContactMoment.objects.values("seeker").distinct().count() == seekers.count()
    assert signal_counts(seekers)[NO_CONTACT] > 10
    caseworker = get_user_model().objects.get(username="klantmanager").caseworker
    assert any(NO_CONTACT in row.kinds for row in worklist_for(caseworker, limit=20))


def test_loading_the_caseload_demo_again_adds_nothing():
    run_load_demo()
    load()
    before = (CaseloadCategory.objects.count(), CategoryPlacement.objects.count(), ContactMoment.objects.count())

    assert load() == {"placements": 0, "contacts": 0}
    assert (CaseloadCategory.objects.count(), CategoryPlacement.objects.count(),
            ContactMoment.objects.count()) == before
