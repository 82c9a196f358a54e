"""The applications API: each actor sees their own, moves what the workflow lets them, and employers stay
blind to who a candidate is until the seeker agrees to an introduction."""

import json

import pytest

from marketplace.choices import ApplicationStatus, RoleStatus
from marketplace.models.applications import Application
from tests import factories

pytestmark = pytest.mark.django_db

APPLICATIONS = "/api/v1/applications/"
SENTINELS = ("Sentinelia", "Geheimnaam", "sentinel-seeker@example.nl", "0699999999", "SENTINEL-SCHULD",
             "SENTINEL-GEZONDHEID", "Geheimstraat")
SENSITIVE = ("SENTINEL-SCHULD", "SENTINEL-GEZONDHEID", "Geheimstraat")


@pytest.fixture(autouse=True)
def _english(settings):
    # The assertions read the source (English) messages; clients that send no Accept-Language get LANGUAGE_CODE.
    settings.LANGUAGE_CODE = "en"


def detail(application_id) -> str:
    return f"{APPLICATIONS}{application_id}/"


def act(client, application_id, verb, body=None):
    return client.post(f"{detail(application_id)}{verb}/", body or {}, format="json")


def leaked(response, sentinels=SENTINELS) -> list[str]:
    text = json.dumps(response.json(), ensure_ascii=False)
    return [value for value in sentinels if value in text]


@pytest.fixture
def seeker(world, client_for):
    return client_for(world.seeker_user)


@pytest.fixture
def employer(world, client_for):
    return client_for(world.employer_a)


@pytest.fixture
def caseworker(world, client_for):
    return client_for(world.caseworker_a)


@pytest.fixture
def interest(seeker, published_role):
    response = seeker.post(APPLICATIONS, {"role": published_role.pk}, format="json")
    assert response.status_code == 201, response.json()
    return response.json()


def introduced(seeker, employer, interest):
    assert act(seeker, interest["id"], "consent").status_code == 200
    response = act(employer, interest["id"], "introduce")
    assert response.status_code == 200, response.json()
    return response.json()


# Showing interest and reading ------------------------------------------------------------------------------------

def test_seeker_shows_interest_and_follows_the_application(seeker, published_role, interest):
    again = seeker.post(APPLICATIONS, {"role": published_role.pk}, format="json")
    listing = seeker.get(APPLICATIONS).json()

    assert again.status_code == 200
    assert interest["status"] == "interested"
    assert interest["role"]["title"] == "Afwassen"
    assert interest["identity"]["first_name"] == "Sentinelia"
    assert interest["available_actions"] == ["consent", "withdraw"]
    assert [event["to_status"] for event in interest["timeline"]] == ["interested"]
    assert [found["id"] for found in listing["results"]] == [interest["id"]]
    assert leaked(again, SENSITIVE) == []


def test_seeker_cannot_apply_to_a_draft_role(world, seeker):
    draft = factories.RoleFactory(organisation=world.organisation_a)

    response = seeker.post(APPLICATIONS, {"role": draft.pk}, format="json")

    assert response.status_code == 400
    assert "role" in response.json()


def test_anonymous_visitors_see_no_applications(client_for, interest):
    assert client_for(None).get(APPLICATIONS).status_code == 401


def test_unknown_fields_are_refused_by_name(seeker, published_role):
    response = seeker.post(APPLICATIONS, {"role": published_role.pk, "status": "placed"}, format="json")

    assert response.status_code == 400
    assert "status" in response.json()


# Anonymous until the introduction --------------------------------------------------------------------------------

def test_employer_sees_only_an_anonymous_card_before_the_introduction(employer, interest):
    listing = employer.get(APPLICATIONS)
    single = employer.get(detail(interest["id"]))

    assert listing.status_code == single.status_code == 200
    assert leaked(listing) == leaked(single) == []
    card = single.json()
    assert card["identity"] is None
    assert card["seeker"] is None
    assert card["candidate"]["language_level"] == "B1"
    assert (card["candidate"]["distance_band"], card["candidate"]["distance_km"]) == ("0–5 km", None)
    assert "rung" not in json.dumps(card)
    assert card["seeker_consented"] is False
    assert "introduce" not in card["available_actions"]


def test_the_seeker_and_caseworker_see_the_exact_distance_and_the_seekers_id(world, seeker, caseworker, interest):
    for client in (seeker, caseworker):
        payload = client.get(detail(interest["id"])).json()
        assert payload["seeker"] == world.seeker.pk
        assert (payload["candidate"]["distance_band"], payload["candidate"]["distance_km"]) == ("0–5 km", 0.0)


def test_employer_cannot_introduce_without_consent(employer, interest):
    response = act(employer, interest["id"], "introduce")

    assert response.status_code == 409
    assert "consent" in response.json()
    assert leaked(response) == []


def test_employer_sees_name_and_contact_after_consent_and_introduction_but_never_the_draaglast(
        seeker, employer, interest):
    before = employer.get(detail(interest["id"])).json()
    act(seeker, interest["id"], "consent")
    consented = employer.get(detail(interest["id"])).json()

    after = introduced(seeker, employer, interest)

    assert before["identity"] is None
    assert consented["identity"] is None and "introduce" in consented["available_actions"]
    assert after["status"] == "introduced"
    assert after["identity"] == {"first_name": "Sentinelia", "last_name": "Geheimnaam",
                                 "email": "sentinel-seeker@example.nl", "phone": "0699999999"}
    assert leaked(employer.get(detail(interest["id"])), SENSITIVE) == []


def test_employer_does_not_read_the_seekers_notes(seeker, employer, interest):
    act(seeker, interest["id"], "withdraw", {"note": "Sentinelia heeft ander werk gevonden"})

    response = employer.get(detail(interest["id"]))

    assert response.json()["status"] == "withdrawn"
    assert [event["note"] for event in response.json()["timeline"]] == ["", ""]
    assert leaked(response) == []


def test_employer_does_not_see_interest_of_a_seeker_without_card_consent(world, employer, seeker, interest):
    world.seeker.card_visible = False
    world.seeker.save()

    assert employer.get(APPLICATIONS).json()["count"] == 0
    assert employer.get(detail(interest["id"])).status_code == 404


# Scoping -----------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("persona", ["employer_b", "employer_other_town", "caseworker_b", "association"])
def test_outsiders_neither_see_nor_move_the_application(world, client_for, interest, persona):
    outsider = client_for(getattr(world, persona))

    assert outsider.get(APPLICATIONS).json()["count"] == 0
    assert outsider.get(detail(interest["id"])).status_code == 404
    assert act(outsider, interest["id"], "decline").status_code == 404
    assert Application.objects.get().status == ApplicationStatus.INTERESTED


def test_another_seeker_cannot_see_the_application(world, client_for, interest):
    other = factories.JobSeekerFactory(municipality=world.municipality_a, with_account=True)
    client = client_for(other.user)

    assert client.get(detail(interest["id"])).status_code == 404
    assert act(client, interest["id"], "withdraw").status_code == 404


def test_caseworker_sees_the_applications_of_their_municipality_with_names(caseworker, interest):
    response = caseworker.get(f"{APPLICATIONS}?status=interested")

    assert [found["id"] for found in response.json()["results"]] == [interest["id"]]
    assert response.json()["results"][0]["identity"]["last_name"] == "Geheimnaam"
    assert leaked(response, SENSITIVE) == []
    assert caseworker.get(f"{APPLICATIONS}?status=trial").json()["count"] == 0


def test_listing_takes_the_same_number_of_queries_for_one_or_many_applications(
        world, client_for, employer, published_role, django_assert_max_num_queries):
    for _index in range(6):
        other = factories.JobSeekerFactory(municipality=world.municipality_a, with_account=True)
        client_for(other.user).post(APPLICATIONS, {"role": published_role.pk}, format="json")
    employer.get(APPLICATIONS)

    with django_assert_max_num_queries(12):
        response = employer.get(APPLICATIONS)

    assert response.json()["count"] == 6


# Moves -----------------------------------------------------------------------------------------------------------

def test_employer_accepts_a_trial_and_a_placement_and_ends_it(seeker, employer, interest, published_role):
    introduced(seeker, employer, interest)

    trial = act(employer, interest["id"], "start-trial", {"note": "Start maandag"})
    placed = act(employer, interest["id"], "place", {"start_date": "2025-03-03", "hours_per_week": 16,
                                                     "job_coach": True, "support": ["flexible_hours"]})
    ended = act(employer, interest["id"], "end", {"reason": "Seizoen voorbij", "end_date": "2025-09-30"})

    assert trial.status_code == 200 and trial.json()["status"] == "trial"
    assert placed.status_code == 200, placed.json()
    placement = placed.json()["placement"]
    assert (placement["hours_per_week"], placement["hourly_wage"], placement["job_coach"]) == (16, "14.40", True)
    assert placement["support"] == ["job_coach", "flexible_hours"]
    assert [(c["months"], c["due_date"]) for c in placement["checkpoints"]] == [
        (1, "2025-04-03"), (3, "2025-06-03"), (6, "2025-09-03"), (12, "2026-03-03")]
    assert ended.status_code == 200
    assert ended.json()["placement"]["end_reason"] == "Seizoen voorbij"
    assert [e["to_status"] for e in ended.json()["timeline"]] == [
        "interested", "interested", "introduced", "trial", "placed", "ended"]
    assert ended.json()["timeline"][3]["note"] == "Start maandag"


def test_a_move_the_table_does_not_allow_is_a_conflict_with_the_reason(seeker, employer, interest):
    introduced(seeker, employer, interest)

    by_seeker = act(seeker, interest["id"], "start-trial")
    skipping = act(employer, interest["id"], "place", {"start_date": "2025-03-03", "hours_per_week": 16})

    assert by_seeker.status_code == 409
    assert "job seeker" in by_seeker.json()["status"][0]
    assert skipping.status_code == 409
    assert "introduced cannot become placed" in skipping.json()["status"][0]
    assert Application.objects.get().status == ApplicationStatus.INTRODUCED


def test_bad_placement_terms_are_named_by_field(seeker, employer, interest):
    introduced(seeker, employer, interest)
    act(employer, interest["id"], "start-trial")

    response = act(employer, interest["id"], "place", {"start_date": "maandag", "hours_per_week": 0})

    assert response.status_code == 400
    assert set(response.json()) == {"start_date", "hours_per_week"}
    assert Application.objects.get().status == ApplicationStatus.TRIAL


def test_ending_without_a_reason_is_refused(seeker, employer, interest):
    introduced(seeker, employer, interest)
    act(employer, interest["id"], "start-trial")
    act(employer, interest["id"], "place", {"start_date": "2025-03-03", "hours_per_week": 16})

    response = act(employer, interest["id"], "end", {})

    assert response.status_code == 400
    assert "reason" in response.json()


def test_a_trial_on_a_full_role_is_a_conflict_and_the_role_is_filled(world, client_for, employer, published_role):
    ids = []
    for _index in range(2):
        other = factories.JobSeekerFactory(municipality=world.municipality_a, with_account=True)
        client = client_for(other.user)
        application_id = client.post(APPLICATIONS, {"role": published_role.pk}, format="json").json()["id"]
        act(client, application_id, "consent")
        act(employer, application_id, "introduce")
        ids.append(application_id)

    first = act(employer, ids[0], "start-trial")
    second = act(employer, ids[1], "start-trial")

    assert first.status_code == 200
    assert second.status_code == 409
    assert "1 of 1" in second.json()["role"][0]
    published_role.refresh_from_db()
    assert published_role.status == RoleStatus.FILLED


# Invitations ----------------------------------------------------------------------------------------------------

def test_employer_invites_a_candidate_by_reference_and_the_seeker_accepts(world, employer, seeker, published_role):
    ref = employer.get(f"/api/v1/roles/{published_role.pk}/candidates/").json()[0]["candidate_ref"]
    invited = employer.post(APPLICATIONS, {"role": published_role.pk, "candidate": ref,
                                           "note": "Wij zoeken iemand voor de ochtend"}, format="json")

    assert invited.status_code == 201, invited.json()
    assert invited.json()["status"] == "proposed"
    assert leaked(invited) == []
    accepted = act(seeker, invited.json()["id"], "consent")
    assert accepted.json()["status"] == "introduced"
    assert employer.get(detail(invited.json()["id"])).json()["identity"]["first_name"] == "Sentinelia"


def test_employer_cannot_invite_seekers_they_do_not_know_of(world, employer, published_role):
    hidden = factories.JobSeekerFactory(municipality=world.municipality_a, card_visible=False)

    for seeker_id in (hidden.pk, world.seeker_b.pk, world.seeker.pk, 999999):
        response = employer.post(APPLICATIONS, {"role": published_role.pk, "seeker": seeker_id}, format="json")
        assert response.status_code == 400
        assert "seeker" in response.json()
    for ref in ("", "x" * 80, str(world.seeker.pk)):
        response = employer.post(APPLICATIONS, {"role": published_role.pk, "candidate": ref}, format="json")
        assert response.status_code == 400
        assert "candidate" in response.json()
    assert not Application.objects.exists()


def test_employer_cannot_invite_to_another_employers_role(world, client_for, published_role):
    response = client_for(world.employer_b).post(APPLICATIONS, {"role": published_role.pk,
                                                                "seeker": world.seeker.pk}, format="json")

    assert response.status_code == 400
    assert "role" in response.json()


def test_caseworker_invites_a_seeker_of_their_municipality(world, caseworker, published_role):
    response = caseworker.post(APPLICATIONS, {"role": published_role.pk, "seeker": world.seeker.pk}, format="json")

    assert response.status_code == 201
    assert response.json()["timeline"][0]["actor_kind"] == "caseworker"


def test_the_schema_documents_the_workflow_actions(client_for, db):
    schema = client_for(None).get("/api/v1/schema/?format=json").json()

    paths = schema["paths"]
    for verb in ("consent", "introduce", "start-trial", "place", "end", "decline", "withdraw"):
        assert f"/api/v1/applications/{{id}}/{verb}/" in paths
    assert "409" in paths["/api/v1/applications/{id}/start-trial/"]["post"]["responses"]
