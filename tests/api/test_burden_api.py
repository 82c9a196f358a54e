"""Draaglast severities through the API: written with the seeker, read with labels, the versions behind a purpose."""

import pytest

from marketplace.models import BurdenVersion, SeekerBurden, SensitiveAccessLog
from marketplace.selectors.burden import HISTORY_LOG_FIELD
from marketplace.services.burden import burden_update

pytestmark = pytest.mark.django_db

SEEKERS = "/api/v1/seekers/"


def history_url(seeker) -> str:
    return f"{SEEKERS}{seeker.pk}/burden/history/"


def test_a_caseworker_sets_severities_and_reads_them_back_as_codes_with_labels(world, client_for):
    caseworker = client_for(world.caseworker_a)

    written = caseworker.patch(f"{SEEKERS}{world.seeker.pk}/",
                               {"burden": {"debts_severity": 2, "housing_severity": 0, "housing": "Huurwoning"}},
                               format="json")
    read = caseworker.post(f"{SEEKERS}{world.seeker.pk}/burden/read/", {"purpose": "Intakegesprek"},
                           format="json", HTTP_ACCEPT_LANGUAGE="en")

    assert written.status_code == 200 and "burden" not in written.json()
    burden = read.json()["burden"]
    assert (burden["debts_severity"], burden["debts_severity_label"]) == (2, "Serious")
    assert (burden["housing_severity"], burden["housing_severity_label"], burden["housing"]) == (0, "None",
                                                                                                 "Huurwoning")
    assert (burden["health_severity"], burden["health_severity_label"]) == (None, None)


def test_a_read_of_one_severity_shows_only_that_one_with_its_label(world, client_for):
    burden_update(actor_user=world.caseworker_a, seeker=world.seeker, data={"addiction_severity": 3})

    response = client_for(world.caseworker_a).post(
        f"{SEEKERS}{world.seeker.pk}/burden/read/", {"purpose": "Verwijzing", "fields": ["addiction_severity"]},
        format="json", HTTP_ACCEPT_LANGUAGE="en")

    assert response.json()["burden"] == {"addiction_severity": 3, "addiction_severity_label": "Blocking"}
    assert SensitiveAccessLog.objects.get().fields == "addiction_severity"


@pytest.mark.parametrize("value", [4, -1, "serious", True, 1.5])
def test_a_bad_severity_is_a_400_naming_the_field_and_writes_nothing(world, client_for, value):
    response = client_for(world.caseworker_a).patch(
        f"{SEEKERS}{world.seeker.pk}/", {"burden": {"debts": "Nieuw", "debts_severity": value}}, format="json")

    assert response.status_code == 400
    assert list(response.json()) == ["burden"]
    assert list(response.json()["burden"]) == ["debts_severity"]
    assert SeekerBurden.objects.get(seeker=world.seeker).debts == "SENTINEL-SCHULD"
    assert not BurdenVersion.objects.exists()


def test_a_severity_label_cannot_be_written(world, client_for):
    response = client_for(world.caseworker_a).patch(
        f"{SEEKERS}{world.seeker.pk}/", {"burden": {"debts_severity_label": "Serious"}}, format="json")

    assert response.status_code == 400
    assert list(response.json()["burden"]) == ["debts_severity_label"]


def test_the_history_needs_a_purpose_and_answers_every_version_newest_first(world, client_for):
    burden_update(actor_user=world.caseworker_a, seeker=world.seeker, data={"debts_severity": 2})
    burden_update(actor_user=world.caseworker_a, seeker=world.seeker, data={"debts_severity": 1})

    response = client_for(world.caseworker_a).post(history_url(world.seeker), {"purpose": "Evaluatie traject"},
                                                   format="json", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    body = response.json()
    assert (body["seeker"], body["purpose"]) == (world.seeker.pk, "Evaluatie traject")
    assert [version["version"] for version in body["versions"]] == [2, 1]
    newest = body["versions"][0]
    assert newest["changes"] == [{"field": "debts_severity", "before": 2, "after": 1}]
    assert (newest["values"]["debts_severity"], newest["values"]["debts_severity_label"]) == (1, "Light")
    assert newest["by"] == "own_caseworker"
    assert "no-store" in response["Cache-Control"]
    entry = SensitiveAccessLog.objects.get()
    assert (entry.actor, entry.seeker, entry.fields, entry.purpose) == (
        world.caseworker_a, world.seeker, HISTORY_LOG_FIELD, "Evaluatie traject")


@pytest.mark.parametrize("body", [{}, {"purpose": ""}, {"purpose": "..."}, {"purpose": "Intake", "fields": ["debts"]}])
def test_a_history_read_without_a_meaningful_purpose_is_a_400_and_not_logged(world, client_for, body):
    burden_update(actor_user=world.caseworker_a, seeker=world.seeker, data={"debts_severity": 2})

    response = client_for(world.caseworker_a).post(history_url(world.seeker), body, format="json")

    assert response.status_code == 400
    assert set(response.json()) <= {"purpose", "fields"} and response.json()
    assert "SENTINEL-SCHULD" not in response.content.decode()
    assert not SensitiveAccessLog.objects.exists()


@pytest.mark.parametrize(("persona", "status"), [
    ("caseworker_b", 404), ("employer_a", 403), ("provider_a", 403), ("association", 403), ("seeker_user", 403),
    (None, 401),
])
def test_only_caseworkers_of_the_municipality_reach_the_history(world, client_for, persona, status):
    burden_update(actor_user=world.caseworker_a, seeker=world.seeker, data={"debts_severity": 2})
    user = getattr(world, persona) if persona else None

    response = client_for(user).post(history_url(world.seeker), {"purpose": "Even kijken"}, format="json")

    assert response.status_code == status
    assert "SENTINEL-SCHULD" not in response.content.decode()
    assert not SensitiveAccessLog.objects.exists()


@pytest.mark.parametrize("method", ["get", "put", "patch", "delete"])
def test_the_history_only_takes_a_post(world, client_for, method):
    response = getattr(client_for(world.caseworker_a), method)(f"{history_url(world.seeker)}?purpose=Intake")

    assert response.status_code == 405
    assert not SensitiveAccessLog.objects.exists()


def test_the_seeker_sees_their_own_severities_with_labels_without_a_log_entry(world, client_for):
    burden_update(actor_user=world.caseworker_a, seeker=world.seeker, data={"care_duties_severity": 1})

    response = client_for(world.seeker_user).get("/api/v1/me/profile/", HTTP_ACCEPT_LANGUAGE="en")

    burden = response.json()["burden"]
    assert (burden["care_duties_severity"], burden["care_duties_severity_label"]) == (1, "Light")
    assert not SensitiveAccessLog.objects.exists()


def test_the_schema_documents_the_history_as_a_post_with_a_required_purpose(client_for, db):
    schema = client_for(None).get("/api/v1/schema/", {"format": "json"}).json()

    history = schema["paths"]["/api/v1/seekers/{id}/burden/history/"]
    reference = history["post"]["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    component = schema["components"]["schemas"][reference.rsplit("/", 1)[-1]]
    assert set(history) - {"parameters"} == {"post"}
    assert component["required"] == ["purpose"]
    assert {"200", "400", "404"} <= set(history["post"]["responses"])
