"""The koffer through the API: the catalogue under /instruments/, a job seeker's instruments under
/seekers/{id}/instruments/.

Another municipality's job seeker or assignment does not exist for a caseworker (404); an id of
another municipality's instrument or provider answers 400 on its field; employers, providers and job
seekers are refused (403). Bad input answers 400 naming the field, and nothing is written.
"""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from marketplace.access import actor_for
from marketplace.choices import AssignmentStatus
from marketplace.models import Instrument, InstrumentAssignment
from marketplace.services.instruments import assignment_create
from tests import factories

pytestmark = pytest.mark.django_db


def days(n: int) -> str:
    return (timezone.localdate() + timedelta(days=n)).isoformat()


def url(seeker, assignment=None, move="") -> str:
    base = f"/api/v1/seekers/{seeker.pk}/instruments/"
    if assignment is None:
        return base
    return f"{base}{assignment.pk}/" + (f"{move}/" if move else "")


@pytest.fixture
def course(world):
    return factories.InstrumentFactory(municipality=world.municipality_a, name="Taalcursus B1",
                                       provider=world.provider_organisation_other, cost=Decimal("1250.00"))


@pytest.fixture
def planned(world, course):
    return assignment_create(actor=actor_for(world.caseworker_a), seeker=world.seeker, instrument=course,
                             data={"start_date": timezone.localdate() + timedelta(days=3), "consent": True})


# The catalogue ---------------------------------------------------------------------------------------------


def test_a_caseworker_adds_an_instrument_and_lists_the_municipalitys_catalogue(world, client_for, course):
    factories.InstrumentFactory(municipality=world.municipality_b, name="Veenwijker cursus")
    client = client_for(world.caseworker_a)

    made = client.post("/api/v1/instruments/", {
        "kind": "wage_cost_subsidy", "name": "Loonkostensubsidie", "subsidy_percent": "45.00"}, format="json")
    listed = client.get("/api/v1/instruments/").json()

    assert made.status_code == 201, made.json()
    assert made.json()["subsidy_percent"] == "45.00"
    assert sorted(item["name"] for item in listed["results"]) == ["Loonkostensubsidie", "Taalcursus B1"]


@pytest.mark.parametrize("payload, field", [
    ({"kind": "coaching", "name": "Coaching", "cost": "-1"}, "cost"),
    ({"kind": "coaching", "name": "Coaching", "cost": True}, "cost"),
    ({"kind": "coaching", "name": "Coaching", "subsidy_percent": "20"}, "subsidy_percent"),
    ({"kind": "wage_cost_subsidy", "name": "LKS", "subsidy_percent": "101"}, "subsidy_percent"),
    ({"kind": "coaching", "name": "Taalcursus B1"}, "name"),
    ({"kind": "toverstaf", "name": "Magie"}, "kind"),
    ({"kind": "coaching", "name": "Coaching", "provider": "employer"}, "provider"),
    ({"kind": "coaching", "name": "Coaching", "provider": "provider_b"}, "provider"),
    ({"kind": "coaching", "name": "Coaching", "municipality": 2}, "municipality"),
])
def test_a_bad_instrument_answers_400_naming_the_field_and_writes_nothing(world, client_for, course, payload,
                                                                          field):
    ids = {"employer": world.organisation_a.pk, "provider_b": world.provider_organisation_b.pk}
    if payload.get("provider") in ids:
        payload = {**payload, "provider": ids[payload["provider"]]}

    response = client_for(world.caseworker_a).post("/api/v1/instruments/", payload, format="json")

    assert response.status_code == 400
    assert field in response.json()
    assert Instrument.objects.count() == 1


def test_a_caseworker_takes_an_instrument_out_of_use(world, client_for, course):
    response = client_for(world.caseworker_a).patch(f"/api/v1/instruments/{course.pk}/", {"active": False},
                                                    format="json")

    assert response.status_code == 200
    course.refresh_from_db()
    assert not course.active


def test_another_municipalitys_instrument_does_not_exist(world, client_for, course):
    client = client_for(world.caseworker_b)

    assert client.get(f"/api/v1/instruments/{course.pk}/").status_code == 404
    assert client.patch(f"/api/v1/instruments/{course.pk}/", {"cost": "1.00"}, format="json").status_code == 404
    course.refresh_from_db()
    assert course.cost == Decimal("1250.00")


@pytest.mark.parametrize("who", ["provider_a", "employer_a", "seeker_user"])
def test_only_caseworkers_use_the_koffer(world, client_for, course, who):
    client = client_for(getattr(world, who))

    assert client.get("/api/v1/instruments/").status_code == 403
    assert client.post("/api/v1/instruments/", {"kind": "coaching", "name": "X"}, format="json").status_code == 403
    assert client.get(url(world.seeker)).status_code == 403
    assert Instrument.objects.count() == 1


# A job seeker's instruments --------------------------------------------------------------------------------


def test_a_caseworker_deploys_an_instrument_with_consent_and_reads_it_back(world, client_for, course):
    client = client_for(world.caseworker_a)

    made = client.post(url(world.seeker), {"instrument": course.pk, "start_date": days(0), "consent": True,
                                           "cost": "1250.50"}, format="json")
    listed = client.get(url(world.seeker)).json()

    assert made.status_code == 201, made.json()
    body = made.json()
    assert (body["status"], body["cost"], body["provider"]["id"]) == (
        "active", "1250.50", world.provider_organisation_other.pk)
    assert body["consent_at"] is not None
    assert [item["id"] for item in listed] == [body["id"]]


@pytest.mark.parametrize("changes, field", [
    ({"consent": False}, "consent"),
    ({"consent": "misschien"}, "consent"),
    ({"start_date": None}, "start_date"),
    ({"end_date": days(-1)}, "end_date"),
    ({"cost": "-5"}, "cost"),
    ({"instrument": "elsewhere"}, "instrument"),
    ({"instrument": None}, "instrument"),
    ({"provider": "employer"}, "provider"),
    ({"provider": "provider_b"}, "provider"),
    ({"status": "ended"}, "status"),
])
def test_a_bad_deployment_answers_400_naming_the_field_and_writes_nothing(world, client_for, course, changes, field):
    ids = {"employer": world.organisation_a.pk, "provider_b": world.provider_organisation_b.pk,
           "elsewhere": factories.InstrumentFactory(municipality=world.municipality_b).pk}
    changes = {key: ids.get(value, value) if isinstance(value, str) else value for key, value in changes.items()}
    payload = {"instrument": course.pk, "start_date": days(0), "consent": True, **changes}

    response = client_for(world.caseworker_a).post(url(world.seeker), payload, format="json")

    assert response.status_code == 400
    assert field in response.json()
    assert not InstrumentAssignment.objects.exists()


def test_another_municipalitys_job_seeker_does_not_exist(world, client_for, course):
    client = client_for(world.caseworker_a)

    assert client.get(url(world.seeker_b)).status_code == 404
    response = client.post(url(world.seeker_b), {"instrument": course.pk, "start_date": days(0), "consent": True},
                           format="json")
    assert response.status_code == 404
    assert not InstrumentAssignment.objects.exists()


def test_the_caseworker_starts_ends_and_follows_up_an_instrument(world, client_for, planned):
    client = client_for(world.caseworker_a)

    started = client.post(url(world.seeker, planned, "start"), {}, format="json")
    ended = client.post(url(world.seeker, planned, "end"), {"end_date": days(0), "result": "partly_reached",
                                                            "result_note": "Spreekt nu A2."}, format="json")
    followed = client.post(url(world.seeker, planned, "follow-up"), {"note": "Verder met taalcoaching."},
                           format="json")

    assert started.json()["status"] == "active"
    assert (ended.json()["status"], ended.json()["result"]) == ("ended", "partly_reached")
    assert followed.status_code == 200
    assert followed.json()["follow_up_note"] == "Verder met taalcoaching."
    assert followed.json()["followed_up_at"] is not None


def test_the_caseworker_changes_the_cost_and_cancels(world, client_for, planned):
    client = client_for(world.caseworker_a)

    changed = client.patch(url(world.seeker, planned), {"cost": "999.99", "end_date": days(40)}, format="json")
    cancelled = client.post(url(world.seeker, planned, "cancel"), {"reason": "Eerst schuldhulp."}, format="json")
    too_late = client.patch(url(world.seeker, planned), {"cost": "1.00"}, format="json")

    assert changed.status_code == 200 and changed.json()["cost"] == "999.99"
    assert cancelled.json()["status"] == "cancelled"
    assert too_late.status_code == 409 and "status" in too_late.json()
    planned.refresh_from_db()
    assert planned.cost == Decimal("999.99")


@pytest.mark.parametrize("move, payload, field", [
    ("end", {"end_date": days(0)}, "result"),
    ("end", {"end_date": "gisteren", "result": "goal_reached"}, "end_date"),
    ("end", {"end_date": days(0), "result": "goal_reached", "extra": 1}, "extra"),
    ("cancel", {}, "reason"),
    ("follow-up", {"note": ""}, "note"),
    ("start", {"start_date": days(5)}, "start_date"),
])
def test_a_bad_move_answers_400_naming_the_field_and_changes_nothing(world, client_for, planned, move, payload,
                                                                     field):
    response = client_for(world.caseworker_a).post(url(world.seeker, planned, move), payload, format="json")

    assert response.status_code == 400
    assert field in response.json()
    planned.refresh_from_db()
    assert planned.status == AssignmentStatus.PLANNED


def test_a_move_the_status_does_not_allow_answers_409(world, client_for, planned):
    response = client_for(world.caseworker_a).post(url(world.seeker, planned, "end"),
                                                   {"end_date": days(0), "result": "goal_reached"}, format="json")

    assert response.status_code == 409
    assert "status" in response.json()


def test_an_assignment_of_another_job_seeker_is_not_found(world, client_for, course, planned):
    other = factories.InstrumentAssignmentFactory(instrument=course)

    response = client_for(world.caseworker_a).post(url(world.seeker, other, "cancel"), {"reason": "Weg"},
                                                   format="json")

    assert response.status_code == 404
    other.refresh_from_db()
    assert other.status == AssignmentStatus.PLANNED


def test_the_schema_documents_the_koffer_endpoints(client_for, db):
    paths = client_for(None).get("/api/v1/schema/?format=json").json()["paths"]

    assert {"get", "post"} <= set(paths["/api/v1/instruments/"])
    assert "patch" in paths["/api/v1/instruments/{id}/"]
    assert {"get", "post"} <= set(paths["/api/v1/seekers/{id}/instruments/"])
    assert "patch" in paths["/api/v1/seekers/{id}/instruments/{assignment_id}/"]
    for move in ("start", "end", "cancel", "follow-up"):
        assert "post" in paths[f"/api/v1/seekers/{{id}}/instruments/{{assignment_id}}/{move}/"], move
