"""The demo's koffer: a catalogue in each municipality with its wage-cost subsidy, Havenstad's providers, and
instruments deployed for about 25 people in every status; a second run adds nothing."""

from collections import Counter
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from marketplace.choices import AssignmentStatus, OrganisationKind
from marketplace.demo import content
from marketplace.demo.koffer import load_koffer_demo
from marketplace.models import Instrument, InstrumentAssignment, Municipality, Organisation
from marketplace.selectors.instruments import wage_subsidy_percent
from tests.marketplace.test_load_demo import run_load_demo

pytestmark = pytest.mark.django_db


def load() -> int:
    users = get_user_model().objects.filter(username__in=["klantmanager", "klantmanager-veenwijk"])
    return load_koffer_demo(caseworker_users=list(users))


def test_the_demo_has_a_koffer_in_each_municipality_and_instruments_in_every_status():
    run_load_demo()

    deployed = load()

    havenstad = Municipality.objects.get(cbs_code=content.HAVENSTAD)
    veenwijk = Municipality.objects.get(cbs_code=content.VEENWIJK)
    assert wage_subsidy_percent(havenstad) == Decimal("50.00")
    assert wage_subsidy_percent(veenwijk) == Decimal("40.00")
    for municipality in (havenstad, veenwijk):
        kinds = set(Instrument.objects.filter(municipality=municipality).values_list("kind", flat=True))
        assert {"activation", "training", "language_course", "debt_help", "coaching", "job_coach",
                "wage_cost_subsidy", "no_risk_policy", "trial_placement", "sheltered_work",
                "day_activities"} <= kinds
    assert {"Werkfit Havenstad", "Taalschool De Brug", "Stichting Schuldhulp Havenstad"} <= set(
        Organisation.objects.filter(municipality=havenstad, kind=OrganisationKind.PROVIDER)
        .values_list("name", flat=True))
    assignments = InstrumentAssignment.objects.filter(seeker__municipality=havenstad)
    assert deployed == assignments.count() >= 25
    statuses = Counter(assignments.values_list("status", flat=True))
    assert statuses[AssignmentStatus.PLANNED] >= 5 and statuses[AssignmentStatus.ACTIVE] >= 12
    ended = assignments.filter(status=AssignmentStatus.ENDED)
    assert ended.exclude(result="").count() == ended.count() >= 8
    assert ended.filter(followed_up_at__isnull=True).count() >= 3  # the caseload signals these
    assert not assignments.filter(provider__isnull=False, consent_at__isnull=True).exists()
    assert not InstrumentAssignment.objects.filter(seeker__municipality=veenwijk).exists()


def test_loading_the_koffer_again_adds_nothing():
    run_load_demo()
    load()
    before = (Instrument.objects.count(), InstrumentAssignment.objects.count(), Organisation.objects.count())

    load()

    assert (Instrument.objects.count(), InstrumentAssignment.objects.count(), Organisation.objects.count()) == before
