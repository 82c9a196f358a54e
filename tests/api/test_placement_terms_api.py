"""Placement terms through the API: the same checks as in the portal, and a caseworker's logged override."""

import pytest

from marketplace.choices import ApplicationStatus
from marketplace.models.applications import Application, ApplicationEvent

pytestmark = pytest.mark.django_db

APPLICATIONS = "/api/v1/applications/"


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


def act(client, application_id, verb, body=None):
    return client.post(f"{APPLICATIONS}{application_id}/{verb}/", body or {}, format="json")


@pytest.fixture
def in_trial(world, client_for, published_role):
    seeker, employer = client_for(world.seeker_user), client_for(world.employer_a)
    application_id = seeker.post(APPLICATIONS, {"role": published_role.pk}, format="json").json()["id"]
    assert act(seeker, application_id, "consent").status_code == 200
    assert act(employer, application_id, "introduce").status_code == 200
    assert act(employer, application_id, "start-trial").status_code == 200
    return application_id


def test_hours_outside_the_role_are_refused_by_field_and_the_application_stays_in_trial(world, client_for,
                                                                                         in_trial):
    response = act(client_for(world.employer_a), in_trial, "place", {"start_date": "2025-09-01",
                                                                     "hours_per_week": 20})

    assert response.status_code == 400
    assert response.json() == {"hours_per_week": ["This role is for 8 to 16 hours a week."]}
    assert Application.objects.get().status == ApplicationStatus.TRIAL


def test_an_employer_cannot_send_an_override_reason(world, client_for, in_trial):
    response = act(client_for(world.employer_a), in_trial, "place", {
        "start_date": "2025-09-01", "hours_per_week": 30, "override_reason": "Zo afgesproken."})

    assert response.status_code == 400
    assert "override_reason" in response.json()


def test_a_caseworker_places_outside_the_checks_with_a_reason_on_the_timeline(world, client_for, in_trial):
    response = act(client_for(world.caseworker_a), in_trial, "place", {
        "start_date": "2025-09-01", "hours_per_week": 30, "override_reason": "Tijdelijk meer uren, met de werkgever."})

    assert response.status_code == 200, response.json()
    assert response.json()["placement"]["hours_per_week"] == 30
    event = ApplicationEvent.objects.get(kind=ApplicationEvent.Kind.TERMS_OVERRIDE)
    assert event.note.startswith("Tijdelijk meer uren, met de werkgever.")
    assert event.actor == world.caseworker_a
