"""Caseload categories, a person's category and contacts, and the worklist through the API.

Caseworkers only; another municipality's job seeker or category does not exist (404). Bad input
answers 400 naming the field and writes nothing. The proposal comes with reasons, never with scores.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from marketplace.access import actor_for
from marketplace.models import CaseloadCategory, CategoryPlacement, ContactMoment, JobSeeker, SensitiveAccessLog
from marketplace.services.assessments import assessment_record
from marketplace.services.categories import ensure_default_categories
from tests import factories

pytestmark = pytest.mark.django_db


def days(n: int):
    return timezone.localdate() + timedelta(days=n)


def category_url(seeker) -> str:
    return f"/api/v1/seekers/{seeker.pk}/category/"


def contacts_url(seeker) -> str:
    return f"/api/v1/seekers/{seeker.pk}/contacts/"


@pytest.fixture
def categories(world):
    ensure_default_categories(world.municipality_b)
    return {category.key: category for category in ensure_default_categories(world.municipality_a)}


@pytest.fixture
def leader(world):
    world.caseworker_a.caseworker.is_team_leader = True
    world.caseworker_a.caseworker.save()
    return world.caseworker_a


# Categories.


def test_a_caseworker_lists_the_categories_of_their_municipality(world, client_for, categories):
    body = client_for(world.caseworker_a).get("/api/v1/categories/").json()

    assert [row["key"] for row in body] == ["direct_to_work", "work_with_support", "participation_first",
                                            "care_first"]
    assert {row["id"] for row in body} == {category.pk for category in categories.values()}
    assert body[0]["contact_every_weeks"] == 4 and body[0]["approach"]


def test_a_team_leader_changes_a_category(world, client_for, categories, leader):
    course = factories.InstrumentFactory(municipality=world.municipality_a)
    category = categories["care_first"]

    answer = client_for(leader).patch(f"/api/v1/categories/{category.pk}/", {
        "approach": "Samen met het sociaal team.", "contact_every_weeks": 8, "default_instruments": [course.pk],
    }, format="json")

    assert answer.status_code == 200, answer.json()
    assert answer.json()["default_instruments"] == [course.pk]
    category.refresh_from_db()
    assert (category.description, category.contact_every_weeks) == ("Samen met het sociaal team.", 8)


def test_a_caseworker_who_is_not_team_leader_is_refused_a_change(world, client_for, categories):
    category = categories["care_first"]

    answer = client_for(world.caseworker_a).patch(f"/api/v1/categories/{category.pk}/", {"contact_every_weeks": 8},
                                                  format="json")

    assert answer.status_code == 403
    assert CaseloadCategory.objects.get(pk=category.pk).contact_every_weeks == 6


@pytest.mark.parametrize(("payload", "field"), [
    ({"contact_every_weeks": 0}, "contact_every_weeks"), ({"review_every_weeks": 105}, "review_every_weeks"),
    ({"stuck_after_months": 61}, "stuck_after_months"), ({"follow_up_within_weeks": 105}, "follow_up_within_weeks"),
    ({"name": ""}, "name"), ({"key": "care_first"}, "key"), ({"default_instruments": [999999]}, "default_instruments"),
])
def test_a_bad_change_answers_400_naming_the_field(world, client_for, categories, leader, payload, field):
    category = categories["direct_to_work"]

    answer = client_for(leader).patch(f"/api/v1/categories/{category.pk}/", payload, format="json")

    assert answer.status_code == 400
    assert field in answer.json()
    assert CaseloadCategory.objects.get(pk=category.pk).contact_every_weeks == 4


def test_an_instrument_of_another_municipality_answers_400(world, client_for, categories, leader):
    foreign = factories.InstrumentFactory(municipality=world.municipality_b)

    answer = client_for(leader).patch(f"/api/v1/categories/{categories['care_first'].pk}/",
                                      {"default_instruments": [foreign.pk]}, format="json")

    assert answer.status_code == 400 and "default_instruments" in answer.json()


def test_a_category_of_another_municipality_is_not_found(world, client_for, categories, leader):
    theirs = CaseloadCategory.objects.filter(municipality=world.municipality_b).first()

    assert client_for(leader).get(f"/api/v1/categories/{theirs.pk}/").status_code == 404
    assert client_for(leader).patch(f"/api/v1/categories/{theirs.pk}/", {"name": "X"},
                                    format="json").status_code == 404


@pytest.mark.parametrize("who", ["seeker_user", "employer_a", "provider_a", None])
def test_only_caseworkers_reach_the_caseload_endpoints(world, client_for, categories, who):
    client = client_for(getattr(world, who) if who else None)

    for url in ("/api/v1/categories/", category_url(world.seeker), contacts_url(world.seeker), "/api/v1/worklist/"):
        assert client.get(url).status_code in (401, 403), url


# A person's category.


def test_the_category_shows_the_proposal_with_reasons_and_no_scores(world, client_for, categories):
    JobSeeker.objects.filter(pk=world.seeker.pk).update(rung=6)
    assessment_record(actor=actor_for(world.caseworker_a), seeker=world.seeker, date=days(-1),
                      scores={"debts": 1, "language": 5})

    body = client_for(world.caseworker_a).get(category_url(world.seeker)).json()

    assert body["current"] is None and body["history"] == []
    assert body["proposal"]["key"] == "care_first"
    assert [reason["code"] for reason in body["proposal"]["reasons"]] == ["acute_care_need"]
    assert all(reason["text"] for reason in body["proposal"]["reasons"])
    assert set(body["proposal"]) == {"key", "reasons", "assessed_on"}
    assert set(body["proposal"]["reasons"][0]) == {"code", "text"}
    assert not SensitiveAccessLog.objects.exists()


def test_a_caseworker_places_a_person_and_reads_the_history(world, client_for, categories):
    client = client_for(world.caseworker_a)
    chosen = categories["participation_first"]

    placed = client.post(category_url(world.seeker), {"category": chosen.pk, "reason": "Eerst vrijwilligerswerk."},
                         format="json")

    assert placed.status_code == 201, placed.json()
    body = client.get(category_url(world.seeker)).json()
    assert body["current"]["id"] == chosen.pk
    assert [(row["category"], row["reason"]) for row in body["history"]] == [(chosen.pk, "Eerst vrijwilligerswerk.")]
    assert body["history"][0]["proposed_key"] == "work_with_support"  # rung 4 without an assessment


CARE_FIRST = "care first"  # stands for the id of the municipality's "care first" category


@pytest.mark.parametrize(("payload", "field"), [
    ({"reason": "Past goed."}, "category"), ({"category": 999999, "reason": "Past goed."}, "category"),
    ({"category": "abc", "reason": "Past goed."}, "category"), ({"category": CARE_FIRST, "reason": "  "}, "reason"),
    ({"category": CARE_FIRST}, "reason"),
])
def test_a_bad_placement_answers_400_naming_the_field(world, client_for, categories, payload, field):
    if payload.get("category") == CARE_FIRST:
        payload = {**payload, "category": categories["care_first"].pk}

    answer = client_for(world.caseworker_a).post(category_url(world.seeker), payload, format="json")

    assert answer.status_code == 400
    assert field in answer.json()
    assert not CategoryPlacement.objects.exists()


def test_a_category_of_another_municipality_is_refused_on_category(world, client_for, categories):
    theirs = CaseloadCategory.objects.filter(municipality=world.municipality_b).first()

    answer = client_for(world.caseworker_a).post(category_url(world.seeker), {"category": theirs.pk, "reason": "Ja"},
                                                 format="json")

    assert answer.status_code == 400 and "category" in answer.json()
    assert not CategoryPlacement.objects.exists()


def test_another_municipalitys_job_seeker_is_not_found(world, client_for, categories):
    client = client_for(world.caseworker_a)

    assert client.get(category_url(world.seeker_b)).status_code == 404
    assert client.post(category_url(world.seeker_b), {"category": categories["care_first"].pk, "reason": "Ja"},
                       format="json").status_code == 404
    assert client.get(contacts_url(world.seeker_b)).status_code == 404
    assert client.post(contacts_url(world.seeker_b), {"date": days(0).isoformat(), "kind": "phone"},
                       format="json").status_code == 404
    assert not CategoryPlacement.objects.exists() and not ContactMoment.objects.exists()


# Contacts.


def test_a_caseworker_records_a_contact_and_lists_them(world, client_for):
    client = client_for(world.caseworker_a)

    made = client.post(contacts_url(world.seeker), {"date": days(-2).isoformat(), "kind": "home_visit",
                                                    "note": "Thuis gesproken."}, format="json")

    assert made.status_code == 201, made.json()
    listed = client.get(contacts_url(world.seeker)).json()
    assert [(row["date"], row["kind"], row["note"]) for row in listed] == [
        (days(-2).isoformat(), "home_visit", "Thuis gesproken.")]
    assert listed[0]["recorded_by"]


@pytest.mark.parametrize(("payload", "field"), [
    ({"date": days(1).isoformat(), "kind": "phone"}, "date"), ({"date": "5-12-2026", "kind": "phone"}, "date"),
    ({"kind": "phone"}, "date"), ({"date": days(0).isoformat(), "kind": "pigeon"}, "kind"),
    ({"date": days(0).isoformat(), "kind": "phone", "extra": 1}, "extra"),
])
def test_a_bad_contact_answers_400_naming_the_field(world, client_for, payload, field):
    answer = client_for(world.caseworker_a).post(contacts_url(world.seeker), payload, format="json")

    assert answer.status_code == 400
    assert field in answer.json()
    assert not ContactMoment.objects.exists()


# The worklist.


def test_the_worklist_lists_the_caseworkers_people_with_their_signals(world, client_for, categories):
    body = client_for(world.caseworker_a).get("/api/v1/worklist/").json()

    assert [row["seeker"] for row in body] == [world.seeker.pk]
    assert {signal["kind"] for signal in body[0]["signals"]} == {"no_active_plan"}
    assert body[0]["urgency"] > 0 and body[0]["category"] is None


def test_recording_a_contact_takes_no_contact_off_the_worklist(world, client_for, categories):
    JobSeeker.objects.filter(pk=world.seeker.pk).update(created_at=timezone.now() - timedelta(days=60))
    client = client_for(world.caseworker_a)
    before = client.get("/api/v1/worklist/").json()

    client.post(contacts_url(world.seeker), {"date": days(0).isoformat(), "kind": "phone"}, format="json")

    after = client.get("/api/v1/worklist/").json()
    assert "no_contact" in {signal["kind"] for signal in before[0]["signals"]}
    assert "no_contact" not in {signal["kind"] for signal in after[0]["signals"]}


def test_a_team_leader_sees_another_caseworker_or_the_whole_municipality(world, client_for, categories, leader):
    colleague = factories.CaseworkerFactory(municipality=world.municipality_a)
    theirs = factories.JobSeekerFactory(municipality=world.municipality_a, caseworker=colleague)
    client = client_for(leader)

    one = client.get("/api/v1/worklist/", {"caseworker": colleague.pk}).json()
    everyone = client.get("/api/v1/worklist/", {"caseworker": "all", "limit": 10}).json()

    assert [row["seeker"] for row in one] == [theirs.pk]
    assert {row["seeker"] for row in everyone} == {theirs.pk, world.seeker.pk}


def test_a_caseworker_who_is_not_team_leader_sees_only_their_own_worklist(world, client_for, categories):
    colleague = factories.CaseworkerFactory(municipality=world.municipality_a)

    assert client_for(world.caseworker_a).get("/api/v1/worklist/", {"caseworker": colleague.pk}).status_code == 403
    assert client_for(world.caseworker_a).get("/api/v1/worklist/", {"caseworker": "all"}).status_code == 403


@pytest.mark.parametrize(("params", "field"), [
    ({"caseworker": "x"}, "caseworker"), ({"caseworker": "999999"}, "caseworker"), ({"limit": "0"}, "limit"),
    ({"limit": "lots"}, "limit"),
])
def test_a_bad_worklist_query_answers_400_naming_it(world, client_for, categories, leader, params, field):
    answer = client_for(leader).get("/api/v1/worklist/", params)

    assert answer.status_code == 400 and field in answer.json()


def test_a_caseworker_of_another_municipality_cannot_be_chosen(world, client_for, categories, leader):
    answer = client_for(leader).get("/api/v1/worklist/", {"caseworker": world.caseworker_b.caseworker.pk})

    assert answer.status_code == 400 and "caseworker" in answer.json()
