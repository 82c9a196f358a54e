"""Caseworkers keep the job seekers of their own municipality; sensitive reads are logged."""

import pytest

from marketplace.models import JobSeeker, LadderStep, SeekerBurden, SensitiveAccessLog
from tests import factories

pytestmark = pytest.mark.django_db

SEEKERS = "/api/v1/seekers/"


def test_a_caseworker_cannot_list_or_read_seekers_of_another_municipality(world, client_for):
    caseworker_b = client_for(world.caseworker_b)

    listed = [seeker["id"] for seeker in caseworker_b.get(SEEKERS).json()["results"]]
    detail = caseworker_b.get(f"{SEEKERS}{world.seeker.pk}/")

    assert listed == [world.seeker_b.pk]
    assert detail.status_code == 404
    assert not SensitiveAccessLog.objects.exists()


def test_a_caseworker_cannot_change_seekers_of_another_municipality(world, client_for):
    response = client_for(world.caseworker_b).patch(f"{SEEKERS}{world.seeker.pk}/", {"motivation": "x"},
                                                    format="json")

    assert response.status_code == 404
    world.seeker.refresh_from_db()
    assert world.seeker.motivation == ""


@pytest.mark.parametrize("persona", ["employer_a", "seeker_user", "association"])
def test_only_caseworkers_reach_the_caseload(world, client_for, persona):
    assert client_for(getattr(world, persona)).get(SEEKERS).status_code == 403


def test_anonymous_visitors_must_sign_in_for_the_caseload(world, client_for):
    assert client_for(None).get(SEEKERS).status_code == 401


def test_the_caseload_list_shows_no_sensitive_data_or_contact_details(world, client_for):
    body = client_for(world.caseworker_a).get(SEEKERS).content.decode()

    assert "Sentinelia" in body
    for sentinel in ("SENTINEL-SCHULD", "SENTINEL-GEZONDHEID", "Geheimstraat", "sentinel-seeker@example.nl",
                     "0699999999", "burden"):
        assert sentinel not in body
    assert not SensitiveAccessLog.objects.exists()


def test_reading_a_seeker_shows_contact_details_but_not_the_draaglast_and_logs_nothing(world, client_for):
    response = client_for(world.caseworker_a).get(f"{SEEKERS}{world.seeker.pk}/")

    assert response.status_code == 200
    assert response.json()["email"] == "sentinel-seeker@example.nl"
    assert "burden" not in response.json()
    assert not SensitiveAccessLog.objects.exists()


def test_reading_the_draaglast_with_a_purpose_returns_it_and_logs_who_read_it_and_why(world, client_for):
    response = client_for(world.caseworker_a).post(f"{SEEKERS}{world.seeker.pk}/burden/read/",
                                                   {"purpose": "Voorbereiding gesprek"}, format="json")

    assert response.status_code == 200
    body = response.json()
    assert body["burden"]["debts"] == "SENTINEL-SCHULD"
    assert set(body["burden"]) == {*SeekerBurden.SENSITIVE_FIELDS,
                                   *(f"{name}_label" for name in SeekerBurden.SEVERITY_FIELDS)}
    assert (body["seeker"], body["purpose"]) == (world.seeker.pk, "Voorbereiding gesprek")
    entry = SensitiveAccessLog.objects.get()
    assert (entry.actor, entry.seeker, entry.purpose) == (world.caseworker_a, world.seeker, "Voorbereiding gesprek")
    assert set(entry.fields.split(",")) == set(SeekerBurden.SENSITIVE_FIELDS)
    assert body["read_at"].startswith(entry.at.date().isoformat())
    assert "no-store" in response["Cache-Control"]


def test_a_caseworker_who_asks_for_some_fields_sees_and_is_logged_for_only_those(world, client_for):
    response = client_for(world.caseworker_a).post(
        f"{SEEKERS}{world.seeker.pk}/burden/read/",
        {"purpose": "Schuldhulp aanvragen", "fields": ["health", "debts", "debts"]}, format="json",
    )

    assert response.status_code == 200
    assert response.json()["burden"] == {"debts": "SENTINEL-SCHULD", "health": "SENTINEL-GEZONDHEID"}
    assert "Geheimstraat" not in response.content.decode()
    assert SensitiveAccessLog.objects.get().fields == "debts,health"


def test_asking_for_an_unknown_draaglast_field_names_it_and_logs_nothing(world, client_for):
    response = client_for(world.caseworker_a).post(
        f"{SEEKERS}{world.seeker.pk}/burden/read/", {"purpose": "Intake", "fields": ["bsn"]}, format="json",
    )

    assert response.status_code == 400
    assert "fields" in response.json()
    assert not SensitiveAccessLog.objects.exists()


def test_a_caseworker_adds_a_seeker_to_their_own_municipality(world, client_for, skills):
    payload = {
        "first_name": "Ann", "last_name": "Jansen", "home_postcode": "1234ab", "latitude": 52.37,
        "longitude": 4.89, "hours_min": 8, "hours_max": 20, "weekdays": ["mon", "tue"], "rung": 3,
        "language_level": "A2", "support_needs": ["job_coach"], "card_visible": True,
        "skills": [{"skill": skills[0].pk, "level": 2}], "interests": [skills[0].category.pk],
        "burden": {"debts": "Schuldhulp loopt", "care_duties": "Mantelzorg"},
    }

    response = client_for(world.caseworker_a).post(SEEKERS, payload, format="json")

    assert response.status_code == 201, response.json()
    seeker = JobSeeker.objects.get(pk=response.json()["id"])
    assert (seeker.municipality, seeker.caseworker.user, seeker.home_postcode) == (
        world.municipality_a, world.caseworker_a, "1234 AB")
    assert seeker.burden.debts == "Schuldhulp loopt"
    assert seeker.consent_updated_at is not None
    assert list(seeker.ladder_history.values_list("rung", flat=True)) == [3]
    assert response.json()["skills"] == [{"skill": skills[0].pk, "name": "Inpakken", "level": 2}]
    assert response.json()["support_needs"] == ["job_coach"]


def test_a_new_rung_is_recorded_as_a_ladder_step(world, client_for):
    response = client_for(world.caseworker_a).patch(f"{SEEKERS}{world.seeker.pk}/", {"rung": 5}, format="json")

    assert response.status_code == 200
    assert response.json()["rung"] == 5
    step = LadderStep.objects.get(seeker=world.seeker)
    assert (step.rung, step.recorded_by) == (5, world.caseworker_a)


def test_a_caseworker_updates_the_burden_without_the_answer_showing_it(world, client_for):
    response = client_for(world.caseworker_a).patch(f"{SEEKERS}{world.seeker.pk}/",
                                                    {"burden": {"language_gap": "Taalcursus B1"}}, format="json")

    assert response.status_code == 200
    assert "burden" not in response.json()
    assert "SENTINEL-SCHULD" not in response.content.decode()
    burden = SeekerBurden.objects.get(seeker=world.seeker)
    assert (burden.language_gap, burden.debts) == ("Taalcursus B1", "SENTINEL-SCHULD")


def test_the_caseload_can_be_searched_by_name_and_narrowed_to_my_own(world, client_for):
    factories.JobSeekerFactory(municipality=world.municipality_a, first_name="Piet", last_name="Bakker")
    caseworker = client_for(world.caseworker_a)

    by_name = [s["id"] for s in caseworker.get(f"{SEEKERS}?q=sentin").json()["results"]]
    mine = [s["id"] for s in caseworker.get(f"{SEEKERS}?mine=true").json()["results"]]

    assert by_name == [world.seeker.pk]
    assert mine == [world.seeker.pk]
