"""Never overbooked, under real concurrency: twenty accepts at once for a role with three places.

Runs against PostgreSQL (set DATABASE_URL), where transactions truly overlap; SQLite serialises
every write, so the race cannot happen there and the test is skipped. Threads wait at a barrier
and then all start a trial at the same moment, through the service and through the API.
"""

import threading
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from marketplace.choices import ApplicationStatus, RoleStatus
from marketplace.exceptions import Overbooked
from marketplace.models import Role
from marketplace.models.applications import Application
from marketplace.services.applications import application_start_trial
from tests import factories

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL: set DATABASE_URL"),
]

CANDIDATES = 20
PLACES = 3
ROUNDS = 5


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def employer():
    membership = factories.MembershipFactory(user__username="werkgever-race")
    return membership


@pytest.fixture
def seekers(employer):
    municipality = employer.organisation.municipality
    return [factories.JobSeekerFactory(municipality=municipality) for _index in range(CANDIDATES)]


def introduced_candidates(employer, seekers) -> tuple[Role, list[int]]:
    """A published role with three places and twenty candidates introduced for it, waiting for a trial."""
    role = factories.RoleFactory(organisation=employer.organisation, published=True, places=PLACES)
    now = timezone.now()
    applications = Application.objects.bulk_create(
        Application(seeker=seeker, role=role, status=ApplicationStatus.INTRODUCED, seeker_consented_at=now,
                    introduced_at=now)
        for seeker in seekers
    )
    return role, [application.pk for application in applications]


def all_at_once(work, items) -> Counter:
    """Run ``work(item)`` in one thread per item, released together by a barrier; count the outcomes."""
    barrier = threading.Barrier(len(items))
    outcomes: list[str] = []
    lock = threading.Lock()

    def run(item):
        try:
            barrier.wait(timeout=30)
            outcome = work(item)
        except Exception as error:  # any other failure must show up in the counts, not vanish with the thread
            outcome = f"error: {error!r}"
        finally:
            connection.close()
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=run, args=(item,)) for item in items]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return Counter(outcomes)


def assert_never_overbooked(role: Role) -> None:
    role.refresh_from_db()
    seated = Application.objects.filter(role=role, status=ApplicationStatus.TRIAL)
    assert seated.count() == PLACES
    assert len(set(seated.values_list("seat_id", flat=True))) == PLACES
    assert Application.objects.filter(role=role, status=ApplicationStatus.INTRODUCED).count() == CANDIDATES - PLACES
    assert role.status == RoleStatus.FILLED


@pytest.mark.parametrize("round_number", range(1, ROUNDS + 1))
def test_twenty_concurrent_trials_for_three_places_take_exactly_three(employer, seekers, round_number):
    role, application_ids = introduced_candidates(employer, seekers)
    user_id = employer.user_id

    def accept(application_id):
        user = get_user_model().objects.get(pk=user_id)
        try:
            application_start_trial(application=Application.objects.get(pk=application_id), actor_user=user)
        except Overbooked:
            return "overbooked"
        return "trial"

    outcomes = all_at_once(accept, application_ids)

    assert outcomes == Counter({"trial": PLACES, "overbooked": CANDIDATES - PLACES})
    assert_never_overbooked(role)


@pytest.mark.parametrize("round_number", range(1, ROUNDS + 1))
def test_twenty_concurrent_api_accepts_for_three_places_get_three_200s_and_seventeen_409s(
        employer, seekers, round_number):
    role, application_ids = introduced_candidates(employer, seekers)
    token, _created = Token.objects.get_or_create(user=employer.user)

    def accept(application_id):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        response = client.post(f"/api/v1/applications/{application_id}/start-trial/", {}, format="json")
        if response.status_code == 409:
            assert "3 of 3" in response.json()["role"][0]
        return response.status_code

    outcomes = all_at_once(accept, application_ids)

    assert outcomes == Counter({200: PLACES, 409: CANDIDATES - PLACES})
    assert_never_overbooked(role)
