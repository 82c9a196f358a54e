"""Assessments, the draagkracht picture and the ladder history through the API.

Caseworkers of the municipality read the open domains as they like and the sensitive ones only with
a purpose, which is logged; the job seeker reads all of their own under /me/. Everyone else is
refused: 404 for another municipality's caseworker, 403 for the rest.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from marketplace.access import actor_for
from marketplace.models import Assessment, DraagkrachtPicture, SensitiveAccessLog
from marketplace.models.assessments import SENSITIVE_DOMAINS
from marketplace.services.assessments import assessment_record, draagkracht_record
from marketplace.services.seekers import ladder_step_record

pytestmark = pytest.mark.django_db


def days(n: int):
    return timezone.localdate() + timedelta(days=n)


def url(seeker, tail="assessments/") -> str:
    return f"/api/v1/seekers/{seeker.pk}/{tail}"


@pytest.fixture
def assessed(world):
    caseworker = actor_for(world.caseworker_a)
    assessment_record(actor=caseworker, seeker=world.seeker, date=days(-90),
                      scores={"income": 2, "debts": 1, "mental_health": 2, "language": 3})
    assessment_record(actor=caseworker, seeker=world.seeker, date=days(0),
                      scores={"income": 3, "debts": 3, "mental_health": 2, "language": 3})
    return world.seeker


def test_a_caseworker_records_an_assessment_and_sees_the_open_domains_with_their_progress(world, client_for,
                                                                                         assessed):
    client = client_for(world.caseworker_a)

    recorded = client.post(url(assessed), {"date": days(0).isoformat(),
                                           "scores": {"income": 4, "debts": 4, "social_network": 3}}, format="json")

    assert recorded.status_code == 201, recorded.json()
    body = client.get(url(assessed)).json()
    assert set(body["hidden_domains"]) == set(SENSITIVE_DOMAINS)
    assert [row["scores"]["income"] for row in body["results"]] == [2, 3, 4]
    assert [row["changes"]["income"] for row in body["results"]] == [None, 1, 1]
    assert all(domain not in row["scores"] for row in body["results"] for domain in SENSITIVE_DOMAINS)
    assert body["results"][-1]["recorded_by"]
    assert not SensitiveAccessLog.objects.exists()


def test_the_sensitive_scores_come_only_with_a_purpose_and_the_read_is_logged(world, client_for, assessed):
    client = client_for(world.caseworker_a)

    response = client.post(url(assessed, "assessments/read/"), {"purpose": "Voorbereiding schuldhulp"},
                           format="json")

    assert response.status_code == 200
    assert [row["scores"]["debts"] for row in response.json()["results"]] == [1, 3]
    assert response.json()["hidden_domains"] == []
    assert "no-store" in response["Cache-Control"]
    entry = SensitiveAccessLog.objects.get()
    assert (entry.actor, entry.purpose) == (world.caseworker_a, "Voorbereiding schuldhulp")


@pytest.mark.parametrize("payload", [{}, {"purpose": ""}, {"purpose": "..."}, {"purpose": "Doel", "extra": 1}])
def test_a_read_without_a_meaningful_purpose_answers_400_and_logs_nothing(world, client_for, assessed, payload):
    response = client_for(world.caseworker_a).post(url(assessed, "assessments/read/"), payload, format="json")

    assert response.status_code == 400
    assert set(response.json()) & {"purpose", "extra"}
    assert not SensitiveAccessLog.objects.exists()


@pytest.mark.parametrize("scores, field", [
    ({"income": 0}, "income"),
    ({"income": 6}, "income"),
    ({"debts": True}, "debts"),
    ({"debts": "drie"}, "debts"),
    ({"debts": 2.5}, "debts"),
    ({"gambling": 2}, "gambling"),
    ({}, "non_field_errors"),
    ({"income": None}, "non_field_errors"),
])
def test_a_bad_score_answers_400_naming_the_domain_and_writes_nothing(world, client_for, scores, field):
    response = client_for(world.caseworker_a).post(url(world.seeker), {"date": days(0).isoformat(),
                                                                        "scores": scores}, format="json")

    assert response.status_code == 400
    assert field in response.json()["scores"]
    assert not Assessment.objects.exists()


@pytest.mark.parametrize("date", [days(1).isoformat(), "1999-12-31", "gisteren", None])
def test_a_bad_date_answers_400_naming_the_date(world, client_for, date):
    response = client_for(world.caseworker_a).post(url(world.seeker), {"date": date, "scores": {"income": 3}},
                                                   format="json")

    assert response.status_code == 400
    assert "date" in response.json()
    assert not Assessment.objects.exists()


def test_the_job_seeker_reads_all_their_own_scores_their_picture_and_their_ladder(world, client_for, assessed):
    caseworker = actor_for(world.caseworker_a)
    draagkracht_record(actor=caseworker, seeker=world.seeker, data={"motivation": 4, "wishes": "Keuken"})
    ladder_step_record(actor=caseworker, seeker=world.seeker, rung=3, date=days(-30), note="Vrijwilligerswerk")
    client = client_for(world.seeker_user)

    scores = client.get("/api/v1/me/assessments/").json()
    picture = client.get("/api/v1/me/picture/").json()
    ladder = client.get("/api/v1/me/ladder/").json()

    assert [row["scores"]["debts"] for row in scores["results"]] == [1, 3]
    assert scores["hidden_domains"] == []
    assert all(row["recorded_by"] is None for row in scores["results"])
    assert picture["current"]["wishes"] == "Keuken"
    assert picture["current"]["recorded_by"] is None
    assert {"date": days(-30).isoformat(), "rung": 3, "note": "Vrijwilligerswerk"} in ladder
    assert not SensitiveAccessLog.objects.exists()


def test_a_caseworker_records_the_draagkracht_picture_as_versions(world, client_for):
    client = client_for(world.caseworker_a)

    first = client.post(url(world.seeker, "picture/"), {"motivation": 3, "network": "Buren"}, format="json")
    same = client.post(url(world.seeker, "picture/"), {"network": "Buren"}, format="json")
    second = client.post(url(world.seeker, "picture/"), {"motivation": 4}, format="json")

    assert (first.status_code, same.status_code, second.status_code) == (201, 200, 201)
    body = client.get(url(world.seeker, "picture/")).json()
    assert body["current"]["version"] == 2
    assert body["current"]["network"] == "Buren"
    assert [version["motivation"] for version in body["versions"]] == [4, 3]
    assert "competences" in body


@pytest.mark.parametrize("payload, field", [
    ({"network": "Buren"}, "motivation"),
    ({"motivation": 9}, "motivation"),
    ({"motivation": 3, "debts": "veel"}, "debts"),
])
def test_a_bad_picture_answers_400_naming_the_field(world, client_for, payload, field):
    response = client_for(world.caseworker_a).post(url(world.seeker, "picture/"), payload, format="json")

    assert response.status_code == 400
    assert field in response.json()
    assert not DraagkrachtPicture.objects.exists()


CASEWORKER_ENDPOINTS = [("get", "assessments/"), ("post", "assessments/"), ("post", "assessments/read/"),
                        ("get", "picture/"), ("post", "picture/")]


@pytest.mark.parametrize("method, tail", CASEWORKER_ENDPOINTS)
@pytest.mark.parametrize("persona, status", [
    ("caseworker_b", 404), ("employer_a", 403), ("association", 403), ("seeker_user", 403), (None, 401),
])
def test_nobody_but_a_caseworker_of_the_municipality_reaches_the_picture_of_a_person(world, client_for, assessed,
                                                                                    method, tail, persona, status):
    client = client_for(getattr(world, persona) if persona else None)
    payload = {"purpose": "Nieuwsgierig naar de scores", "date": days(0).isoformat(), "scores": {"income": 5},
               "motivation": 5}

    response = getattr(client, method)(url(assessed, tail), payload, format="json")

    assert response.status_code == status
    assert Assessment.objects.count() == 2
    assert not DraagkrachtPicture.objects.exists()
    assert not SensitiveAccessLog.objects.exists()


@pytest.mark.parametrize("path", ["/api/v1/me/assessments/", "/api/v1/me/picture/", "/api/v1/me/ladder/"])
@pytest.mark.parametrize("persona", ["caseworker_a", "employer_a", "association"])
def test_the_seekers_own_reads_refuse_everyone_else(world, client_for, path, persona):
    assert client_for(getattr(world, persona)).get(path).status_code == 403


def test_the_schema_documents_the_assessment_endpoints(client_for, db):
    paths = client_for(None).get("/api/v1/schema/?format=json").json()["paths"]

    for path in ("/api/v1/seekers/{id}/assessments/", "/api/v1/seekers/{id}/assessments/read/",
                 "/api/v1/seekers/{id}/picture/", "/api/v1/me/assessments/", "/api/v1/me/picture/",
                 "/api/v1/me/ladder/"):
        assert path in paths, path
