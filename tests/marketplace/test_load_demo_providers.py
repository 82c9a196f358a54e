"""The demo's provider: a staff login of Re-integratie Havenstad with two consented clients and their reports."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from marketplace.access import actor_for
from marketplace.choices import OrganisationKind
from marketplace.demo.koffer import load_koffer_demo
from marketplace.demo.loader import DEMO_LOGINS
from marketplace.demo.providers import PROVIDER_NAME, load_providers_demo
from marketplace.models import InstrumentAssignment, Organisation, ProgressReport
from marketplace.models.koffer import AssignmentStatus, ReportAuthorKind
from marketplace.selectors.trajectories import trajectories_for_provider, trajectory_for_provider
from tests.marketplace.test_load_demo import run_load_demo, signs_in

pytestmark = pytest.mark.django_db


def load_providers():
    users = get_user_model().objects.in_bulk(["klantmanager", "aanbieder", "werkzoekende"], field_name="username")
    return load_providers_demo(caseworker_user=users["klantmanager"], provider_user=users["aanbieder"],
                               seeker_user=users["werkzoekende"])


@pytest.fixture
def demo():
    run_load_demo()
    load_providers()


def counts() -> tuple[int, int, int]:
    return Organisation.objects.count(), InstrumentAssignment.objects.count(), ProgressReport.objects.count()


def test_the_provider_login_is_printed_and_signs_in(demo):
    login = next(login for login in DEMO_LOGINS if login.username == "aanbieder")

    assert login.actor == "provider"
    assert signs_in("aanbieder")


def test_the_provider_login_coaches_two_consented_clients_one_of_them_the_demo_seeker(demo):
    staff = actor_for(get_user_model().objects.get(username="aanbieder"))
    provider = Organisation.objects.get(name=PROVIDER_NAME, kind=OrganisationKind.PROVIDER)

    assert staff.provider_organisation_ids == {provider.pk}
    assert provider.municipality.name == "Havenstad"
    rows = trajectories_for_provider(staff)
    assert len(rows) == 2
    assert "Samira Benali" in {row.name for row in rows}
    assert all(row.status == AssignmentStatus.ACTIVE for row in rows)
    for row in rows:
        trajectory = trajectory_for_provider(staff, row.id)
        assert 1 <= len(trajectory.reports) <= 2
        assert {report.author_kind for report in trajectory.reports} == {ReportAuthorKind.PROVIDER}
        assert trajectory.goal  # each person has a plan whose goal the trajectory serves
    assert any(trajectory_for_provider(staff, row.id).plan_action for row in rows)


def test_loading_the_provider_demo_again_adds_nothing(demo):
    before = counts()

    assert load_providers() == 2
    run_load_demo()

    assert counts() == before


def test_the_provider_demo_uses_the_provider_of_that_name_when_it_exists_already(db):
    run_load_demo()
    havenstad = actor_for(get_user_model().objects.get(username="klantmanager")).caseworker.municipality
    existing, _made = Organisation.objects.get_or_create(
        name=PROVIDER_NAME, kind=OrganisationKind.PROVIDER, municipality=havenstad, defaults={"kvk_number": "99019999"})

    assert load_providers() == 2
    assert Organisation.objects.filter(name=PROVIDER_NAME).count() == 1
    assert actor_for(get_user_model().objects.get(username="aanbieder")).provider_organisation_ids == {existing.pk}


def test_every_demo_trajectory_has_consent_dated_on_or_before_its_start_and_creation(demo):
    load_koffer_demo(caseworker_users=list(get_user_model().objects.filter(username="klantmanager")))
    consented = InstrumentAssignment.objects.filter(consent_at__isnull=False)

    assert consented.filter(start_date__lt=timezone.localdate()).exists()  # trajectories that began long ago
    for assignment in consented:
        assert timezone.localdate(assignment.consent_at) <= timezone.localdate(assignment.created_at), assignment
        assert timezone.localdate(assignment.consent_at) <= max(assignment.start_date, timezone.localdate()), assignment
        if assignment.start_date < timezone.localdate():
            assert timezone.localdate(assignment.consent_at) <= assignment.start_date, assignment
