"""The matching API: my matches, a job seeker's matches, candidates of a role, why not, rounds and overrides."""

import json

import pytest

from marketplace.choices import ApplicationStatus
from marketplace.models import JobSeeker, LadderOverride, MatchRound, SeekerBurden
from marketplace.models.applications import Application
from tests import factories

pytestmark = pytest.mark.django_db

KM_NORTH = 1 / 111.2
SENTINELS = ("Sentinelia", "Geheimnaam", "sentinel-seeker@example.nl", "0699999999", "SENTINEL-SCHULD",
             "SENTINEL-GEZONDHEID", "Geheimstraat")
PERSONAL_KEYS = ("date_of_birth", "burden", "debts", "health", "street_address", "email", "phone", "first_name",
                 "last_name", "home_postcode", "latitude", "longitude", *SeekerBurden.SENSITIVE_FIELDS,
                 *(f"{name}_label" for name in SeekerBurden.SEVERITY_FIELDS), "versions")


@pytest.fixture
def matchable(world, skills):
    """The world's seeker with two skills, and two published roles of employer A that fit, one better."""
    factories.SeekerSkillFactory(seeker=world.seeker, skill=skills[0], level=2)
    factories.SeekerSkillFactory(seeker=world.seeker, skill=skills[1], level=2)
    best = factories.RoleFactory(organisation=world.organisation_a, published=True, title="Inpakken")
    for skill in skills[:2]:
        factories.RoleSkillFactory(role=best, skill=skill, level=2)
    second = factories.RoleFactory(organisation=world.organisation_a, published=True, title="Balie",
                                   latitude=52.37 + 6 * KM_NORTH)
    factories.RoleSkillFactory(role=second, skill=skills[2], level=1)
    return best, second


def keys_of(payload) -> set[str]:
    if isinstance(payload, dict):
        return set(payload) | {key for value in payload.values() for key in keys_of(value)}
    if isinstance(payload, list):
        return {key for item in payload for key in keys_of(item)}
    return set()


# My matches ---------------------------------------------------------------------------------------------------


def test_a_seeker_gets_ranked_roles_with_dutch_reasons(world, client_for, matchable):
    best, second = matchable
    response = client_for(world.seeker_user).get("/api/v1/me/matches/")
    assert response.status_code == 200
    body = response.json()
    assert [match["role"]["id"] for match in body["results"]] == [best.pk, second.pk]
    assert body["results"][0]["score"] > body["results"][1]["score"]
    assert body["results"][0]["role"]["organisation"]["name"] == "Bakkerij A"
    texts = [reason["text"] for reason in body["results"][0]["reasons"]]
    assert "Je hebt 2 van de 2 vaardigheden" in texts
    assert "Dit is een stap verder dan wat je nu doet: betaald werk met ondersteuning" in texts
    assert body["results"][1]["distance_km"] == pytest.approx(6.0, abs=0.1)
    assert body["problems"] == []


def test_each_reason_says_whether_it_fits_so_a_client_can_show_the_two_groups(world, client_for, matchable):
    _best, second = matchable
    body = client_for(world.seeker_user).get("/api/v1/me/matches/").json()
    balie = next(match for match in body["results"] if match["role"]["id"] == second.pk)
    reasons = {reason["code"]: reason for reason in balie["reasons"]}
    assert all(set(reason) == {"code", "text", "fits"} for reason in balie["reasons"])
    assert reasons["skills"] == {"code": "skills", "text": "Je hebt de vaardigheid die nodig is nog niet",
                                 "fits": False}
    assert reasons["hours"]["fits"] is True
    candidates = client_for(world.employer_a).get(f"/api/v1/roles/{second.pk}/candidates/").json()
    shown = {reason["code"]: reason for reason in candidates[0]["reasons"]}
    assert shown["skills"] == {"code": "skills", "text": "De kandidaat heeft de vaardigheid die u vraagt nog niet",
                               "fits": False}
    assert shown["distance_band"]["fits"] is True


def test_reasons_follow_the_language_of_the_request(world, client_for, matchable, settings):
    # Paths without a language prefix are answered in LANGUAGE_CODE (i18n_patterns without default prefix).
    settings.LANGUAGE_CODE = "en"
    response = client_for(world.seeker_user).get("/api/v1/me/matches/")
    assert "You have 2 of the 2 skills" in [reason["text"] for reason in response.json()["results"][0]["reasons"]]


def test_a_seeker_without_home_location_is_told_why_instead_of_a_crash(world, client_for, matchable):
    JobSeeker.objects.filter(pk=world.seeker.pk).update(latitude=None, longitude=None, home_postcode="")
    response = client_for(world.seeker_user).get("/api/v1/me/matches/")
    assert response.status_code == 200
    assert response.json() == {"results": [], "problems": [{"code": "no_home_location",
                                                           "text": "We weten nog niet waar je woont",
                                                           "fits": False}]}


def test_a_seeker_without_hours_or_skills_is_told_why(world, client_for, matchable):
    JobSeeker.objects.filter(pk=world.seeker.pk).update(hours_min=None, hours_max=None)
    world.seeker.skill_levels.all().delete()
    response = client_for(world.seeker_user).get("/api/v1/me/matches/")
    assert response.status_code == 200
    assert [p["code"] for p in response.json()["problems"]] == ["no_hours", "no_skills"]


def test_only_job_seekers_have_my_matches(world, client_for):
    assert client_for(world.employer_a).get("/api/v1/me/matches/").status_code == 403
    assert client_for(None).get("/api/v1/me/matches/").status_code in (401, 403)


# A job seeker's matches and why not, for caseworkers ----------------------------------------------------------------


def test_a_caseworker_sees_the_matches_of_a_seeker_of_their_municipality(world, client_for, matchable):
    best, _second = matchable
    response = client_for(world.caseworker_a).get(f"/api/v1/seekers/{world.seeker.pk}/matches/?k=1")
    assert response.status_code == 200
    assert [match["role"]["id"] for match in response.json()["results"]] == [best.pk]


@pytest.mark.parametrize("path", ["matches/", "why-not/?role=1", "ladder-overrides/"])
def test_seekers_of_another_municipality_or_unknown_ones_are_not_found(world, client_for, path):
    assert client_for(world.caseworker_b).get(f"/api/v1/seekers/{world.seeker.pk}/{path}").status_code == 404
    assert client_for(world.caseworker_a).get(f"/api/v1/seekers/999999/{path}").status_code == 404
    assert client_for(world.employer_a).get(f"/api/v1/seekers/{world.seeker.pk}/{path}").status_code == 403


def test_why_not_explains_each_rule_a_pair_fails(world, client_for, matchable):
    best, _second = matchable
    saturday = factories.RoleFactory(organisation=world.organisation_a, published=True, weekdays=32, target_rung=6)
    caseworker = client_for(world.caseworker_a)
    response = caseworker.get(f"/api/v1/seekers/{world.seeker.pk}/why-not/?role={saturday.pk}")
    assert response.status_code == 200
    assert response.json()["matchable"] is False
    assert [reason["code"] for reason in response.json()["reasons"]] == ["no_common_weekday", "rung_gap"]
    fits = caseworker.get(f"/api/v1/seekers/{world.seeker.pk}/why-not/?role={best.pk}").json()
    assert fits == {"matchable": True, "reasons": []}
    mine = client_for(world.seeker_user).get(f"/api/v1/me/why-not/?role={saturday.pk}")
    assert mine.status_code == 200
    assert "Dit werk is nu nog een te grote stap voor je" in [reason["text"] for reason in mine.json()["reasons"]]


def test_why_not_needs_a_known_role(world, client_for, matchable):
    caseworker = client_for(world.caseworker_a)
    base = f"/api/v1/seekers/{world.seeker.pk}/why-not/"
    for query in ("", "?role=", "?role=abc", "?role=-3", "?role=²", "?role=1.0"):
        response = caseworker.get(base + query)
        assert response.status_code == 400
        assert list(response.json()) == ["role"]
    assert caseworker.get(base + "?role=999999").status_code == 404
    assert caseworker.get(base + "?role=99999999999999999999999").status_code == 404
    elsewhere = factories.RoleFactory(organisation=factories.OrganisationFactory(municipality=world.municipality_b),
                                      published=True)
    assert caseworker.get(base + f"?role={elsewhere.pk}").status_code == 404
    assert client_for(world.seeker_user).get(f"/api/v1/me/why-not/?role={elsewhere.pk}").status_code == 404
    assert client_for(world.seeker_user).get("/api/v1/me/why-not/").status_code == 400


# Candidates of a role -----------------------------------------------------------------------------------------


def test_the_employer_gets_anonymous_cards_only(world, client_for, matchable):
    best, _second = matchable
    JobSeeker.objects.filter(pk=world.seeker.pk).update(date_of_birth="1980-05-17")
    SeekerBurden.objects.filter(seeker=world.seeker).update(debts_severity=3, health_severity=2)
    response = client_for(world.employer_a).get(f"/api/v1/roles/{best.pk}/candidates/")
    assert response.status_code == 200
    body = response.json()
    assert len(body) == 1
    candidate = body[0]
    assert candidate["seeker"] is None
    assert candidate["card"]["language_level"] == "B1"
    assert (candidate["card"]["distance_band"], candidate["card"]["distance_km"]) == ("0–5 km", None)
    assert "rung" not in keys_of(body) and "ladder" not in [reason["code"] for reason in candidate["reasons"]]
    assert [skill["name"] for skill in candidate["card"]["skills"]] == ["Inpakken", "Schoonmaken"]
    assert "De kandidaat heeft 2 van de 2 gevraagde vaardigheden" in [reason["text"] for reason in candidate["reasons"]]
    assert candidate["candidate_ref"] != str(world.seeker.pk)
    text = json.dumps(body, ensure_ascii=False)
    for sentinel in (*SENTINELS, "1980-05-17"):
        assert sentinel not in text
    assert not keys_of(body) & set(PERSONAL_KEYS)


def test_the_employer_only_sees_seekers_who_agreed_to_a_card(world, client_for, matchable):
    best, _second = matchable
    JobSeeker.objects.filter(pk=world.seeker.pk).update(card_visible=False)
    assert client_for(world.employer_a).get(f"/api/v1/roles/{best.pk}/candidates/").json() == []


def test_a_caseworker_of_the_municipality_gets_candidates_with_names(world, client_for, matchable):
    best, _second = matchable
    body = client_for(world.caseworker_a).get(f"/api/v1/roles/{best.pk}/candidates/").json()
    assert body[0]["seeker"] == {"id": world.seeker.pk, "first_name": "Sentinelia", "last_name": "Geheimnaam"}
    assert body[0]["card"]["distance_km"] == 0.0
    assert body[0]["candidate_ref"] == str(world.seeker.pk)


@pytest.mark.parametrize("who", ["employer_b", "employer_other_town", "caseworker_b", "seeker_user", "association"])
def test_candidates_of_someone_elses_role_are_not_found(world, client_for, matchable, who):
    best, _second = matchable
    assert client_for(getattr(world, who)).get(f"/api/v1/roles/{best.pk}/candidates/").status_code == 404


def test_candidates_of_an_unknown_role_are_not_found(world, client_for):
    assert client_for(world.employer_a).get("/api/v1/roles/999999/candidates/").status_code == 404


@pytest.mark.parametrize("k", ["0", "101", "abc", "-1", "2.5", "", "²", "99999999999999999999999"])
def test_k_outside_1_to_100_is_refused_naming_k(world, client_for, matchable, k):
    best, _second = matchable
    for user, path in ((world.seeker_user, "/api/v1/me/matches/"),
                       (world.caseworker_a, f"/api/v1/seekers/{world.seeker.pk}/matches/"),
                       (world.employer_a, f"/api/v1/roles/{best.pk}/candidates/")):
        response = client_for(user).get(path, {"k": k})
        assert response.status_code == 400, path
        assert list(response.json()) == ["k"]


def test_k_at_the_edges_is_accepted(world, client_for, matchable):
    assert len(client_for(world.seeker_user).get("/api/v1/me/matches/?k=1").json()["results"]) == 1
    assert len(client_for(world.seeker_user).get("/api/v1/me/matches/?k=100").json()["results"]) == 2


# Matching rounds ----------------------------------------------------------------------------------------------


def test_a_caseworker_runs_a_round_that_stores_suggestions(world, client_for, matchable):
    response = client_for(world.caseworker_a).post("/api/v1/match-rounds/")
    assert response.status_code == 201
    body = response.json()
    assert (body["municipality"], body["dry_run"], body["proposals"], body["stored"]) == ("GM9901", False, 1, 1)
    assert body["total_score"] >= body["greedy_total"]
    assert body["started_by"]
    suggestion = Application.objects.get(status=ApplicationStatus.SUGGESTED)
    assert suggestion.seeker == world.seeker and suggestion.score > 0 and suggestion.reasons


def test_a_dry_run_round_stores_no_suggestion(world, client_for, matchable):
    response = client_for(world.caseworker_a).post("/api/v1/match-rounds/?dry_run=true")
    assert response.status_code == 201
    assert (response.json()["dry_run"], response.json()["proposals"], response.json()["stored"]) == (True, 1, 0)
    assert not Application.objects.exists()


def test_round_input_is_checked_by_name(world, client_for):
    caseworker = client_for(world.caseworker_a)
    assert "dry_run" in caseworker.post("/api/v1/match-rounds/?dry_run=maybe").json()
    assert "places" in caseworker.post("/api/v1/match-rounds/", {"places": 3}, format="json").json()
    assert not MatchRound.objects.exists()


def test_only_caseworkers_run_rounds_and_each_sees_their_own(world, client_for, matchable):
    assert client_for(world.employer_a).post("/api/v1/match-rounds/").status_code == 403
    assert client_for(world.seeker_user).get("/api/v1/match-rounds/").status_code == 403
    client_for(world.caseworker_a).post("/api/v1/match-rounds/?dry_run=true")
    own = client_for(world.caseworker_a).get("/api/v1/match-rounds/").json()
    rounds = own["results"] if isinstance(own, dict) else own
    assert [item["municipality"] for item in rounds] == ["GM9901"]
    other = client_for(world.caseworker_b).get("/api/v1/match-rounds/").json()
    assert (other["results"] if isinstance(other, dict) else other) == []
    round_id = rounds[0]["id"]
    assert client_for(world.caseworker_b).get(f"/api/v1/match-rounds/{round_id}/").status_code == 404


# Ladder overrides ---------------------------------------------------------------------------------------------


def test_a_caseworker_allows_a_step_up_and_the_role_then_fits(world, client_for, matchable):
    paid_work = factories.RoleFactory(organisation=world.organisation_a, published=True, target_rung=6,
                                      title="Magazijn")
    caseworker = client_for(world.caseworker_a)
    url = f"/api/v1/seekers/{world.seeker.pk}/ladder-overrides/"
    response = caseworker.post(url, {"role": paid_work.pk, "reason": "Werkt al een jaar als vrijwilliger."},
                               format="json")
    assert response.status_code == 201
    assert response.json()["reason"] == "Werkt al een jaar als vrijwilliger."
    assert response.json()["granted_by"]
    assert LadderOverride.objects.get().granted_by == world.caseworker_a
    assert [item["role"] for item in caseworker.get(url).json()] == [paid_work.pk]
    roles = [m["role"]["id"] for m in client_for(world.seeker_user).get("/api/v1/me/matches/").json()["results"]]
    assert paid_work.pk in roles


def test_a_ladder_override_names_its_bad_input(world, client_for, matchable):
    best, _second = matchable
    url = f"/api/v1/seekers/{world.seeker.pk}/ladder-overrides/"
    caseworker = client_for(world.caseworker_a)
    assert "reason" in caseworker.post(url, {"role": best.pk, "reason": ""}, format="json").json()
    assert "role" in caseworker.post(url, {"role": best.pk, "reason": "Ja"}, format="json").json()
    assert "role" in caseworker.post(url, {"role": 999999, "reason": "Ja"}, format="json").json()
    assert "role" in caseworker.post(url, {"role": "abc", "reason": "Ja"}, format="json").json()
    assert "colour" in caseworker.post(url, {"role": best.pk, "reason": "Ja", "colour": 1}, format="json").json()
    assert not LadderOverride.objects.exists()
