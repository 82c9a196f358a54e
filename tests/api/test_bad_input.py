"""Bad input answers a 4xx naming what was wrong, never a 500, and leaves the database as it was."""

import pytest

from marketplace.choices import MembershipRole
from marketplace.models import JobSeeker, Membership, Organisation, Role, RoleSkill

pytestmark = pytest.mark.django_db

ROLES = "/api/v1/roles/"


def assert_names_field(response, field, status=400):
    assert response.status_code == status, response.content
    body = response.json()
    assert field in body, body
    assert all(str(message) for message in body[field])


@pytest.mark.parametrize("changes, field", [
    ({"postcode": "0123 AB"}, "postcode"),
    ({"postcode": "1234 SS"}, "postcode"),
    ({"postcode": "12345"}, "postcode"),
    ({"hours_min": 20, "hours_max": 10}, "hours_max"),
    ({"hours_min": 0}, "hours_min"),
    ({"hours_max": 41}, "hours_max"),
    ({"places": 0}, "places"),
    ({"places": -3}, "places"),
    ({"skills": [{"skill": 999999, "level": 1}]}, "skills"),
    ({"skills": [{"skill": "\x00", "level": 1}]}, "skills"),
    ({"skills": [{"level": 1}]}, "skills"),
    ({"target_rung": 7}, "target_rung"),
    ({"target_rung": 0}, "target_rung"),
    ({"weekdays": ["mon", "someday"]}, "weekdays"),
    ({"weekdays": "mon"}, "weekdays"),
    ({"weekdays": []}, "weekdays"),
    ({"support_offered": ["free_lunch"]}, "support_offered"),
    ({"language_level_required": "D1"}, "language_level_required"),
    ({"language_level_required": 3}, "language_level_required"),
    ({"kind": "astronaut"}, "kind"),
    ({"title": "Afwas\x00sen"}, "title"),
    ({"description": "Zeep\x00"}, "description"),
    ({"city": "Haven\x00stad"}, "city"),
    ({"title": ...}, "title"),
    ({"latitude": 91}, "latitude"),
    ({"latitude": None}, "longitude"),
    ({"hourly_wage": "-1"}, "hourly_wage"),
    ({"hourly_wage": "12.50", "volunteer_allowance": "50"}, "volunteer_allowance"),
    ({"start_date": "2025-05-01", "end_date": "2025-04-01"}, "end_date"),
    ({"status": "published"}, "status"),
    ({"created_by": 1}, "created_by"),
    ({"ti\x00tle": "x"}, "ti\x00tle"),
])
def test_bad_role_input_is_refused_by_field_and_nothing_is_written(world, client_for, role_payload, changes,
                                                                   field):
    response = client_for(world.employer_a).post(ROLES, role_payload(**changes), format="json")

    assert_names_field(response, field)
    assert not Role.objects.exists()
    assert not RoleSkill.objects.exists()


def test_a_bad_update_leaves_the_role_and_its_skills_unchanged(world, client_for, published_role, skills):
    response = client_for(world.employer_a).patch(
        f"{ROLES}{published_role.pk}/",
        {"title": "Nieuw", "hours_min": 30, "skills": [{"skill": skills[2].pk, "level": 1}]}, format="json",
    )

    assert_names_field(response, "hours_max")
    published_role.refresh_from_db()
    assert published_role.title == "Afwassen"
    assert list(published_role.skill_requirements.values_list("skill", flat=True)) == [skills[0].pk]


def test_the_same_skill_twice_is_refused(world, client_for, role_payload, skills):
    payload = role_payload(skills=[{"skill": skills[0].pk, "level": 1}, {"skill": skills[0].pk, "level": 2}])

    assert_names_field(client_for(world.employer_a).post(ROLES, payload, format="json"), "skills")
    assert not Role.objects.exists()


def test_malformed_json_is_a_400_with_a_message(world, client_for):
    response = client_for(world.employer_a).post(ROLES, '{"title": "Afwassen",', content_type="application/json")

    assert response.status_code == 400
    assert "JSON" in response.json()["detail"]
    assert not Role.objects.exists()


@pytest.mark.parametrize("content_type, body", [
    ("text/plain", "title=Afwassen"),
    ("application/x-www-form-urlencoded", "title=Afwassen"),
    ("application/xml", "<role/>"),
])
def test_a_body_that_is_not_json_is_a_415_with_a_message(world, client_for, content_type, body):
    response = client_for(world.employer_a).post(ROLES, body, content_type=content_type)

    assert response.status_code == 415
    assert content_type in response.json()["detail"]
    assert not Role.objects.exists()


@pytest.mark.parametrize("query, field, status", [
    ("page=0", "page", 400),
    ("page=-1", "page", 400),
    ("page=abc", "page", 400),
    ("page=999999", "page", 404),
    ("page_size=100000", "page_size", 400),
    ("page_size=0", "page_size", 400),
    ("q=afwas%00sen", "q", 400),
    ("near=52.37,4.89%00", "near", 400),
    ("ti%00tle=x", "ti\\0tle", 400),
    ("near=52.37", "near", 400),
    ("near=north,east", "near", 400),
    ("near=95,4.89", "near", 400),
    ("near=nan,4.89", "near", 400),
    ("near=52.37,4.89&radius_km=1000", "radius_km", 400),
    ("near=52.37,4.89&radius_km=0", "radius_km", 400),
    ("near=52.37,4.89&radius_km=far", "radius_km", 400),
    ("radius_km=5", "radius_km", 400),
    ("ordering=distance", "ordering", 400),
    ("ordering=salary", "ordering", 400),
    ("hours_min=20&hours_max=10", "hours_max", 400),
    ("hours_min=many", "hours_min", 400),
    ("weekday=funday", "weekday", 400),
    ("kind=astronaut", "kind", 400),
    ("skill=999999", "skill", 400),
    ("skill=abc", "skill", 400),
    ("language_level=C3", "language_level", 400),
    ("support_offered=free_lunch", "support_offered", 400),
    ("municipality=GM12", "municipality", 400),
    ("municipality=Havenstad", "municipality", 400),
    ("status=lost", "status", 400),
])
def test_bad_list_parameters_are_refused_by_name(world, client_for, published_role, query, field, status):
    assert_names_field(client_for(None).get(f"{ROLES}?{query}"), field, status)


def test_a_nul_byte_in_a_detail_path_is_simply_not_found(world, client_for):
    assert client_for(None).get(f"{ROLES}%00/").status_code == 404


def test_an_invalid_kvk_number_is_refused_and_nothing_is_written(world, client_for):
    Membership.objects.filter(user=world.employer_a).update(role=MembershipRole.ADMIN)
    url = f"/api/v1/me/organisations/{world.organisation_a.pk}/"

    for kvk in ("1234567", "123456789", "1234567a"):
        response = client_for(world.employer_a).patch(url, {"kvk_number": kvk, "name": "Nieuw"}, format="json")
        assert_names_field(response, "kvk_number")

    assert Organisation.objects.get(pk=world.organisation_a.pk).name == "Bakkerij A"


@pytest.mark.parametrize("changes, field", [
    ({"rung": 7}, "rung"),
    ({"home_postcode": "ABCD 12"}, "home_postcode"),
    ({"hours_min": 30, "hours_max": 10}, "hours_max"),
    ({"first_name": "Ann\x00"}, "first_name"),
    ({"burden": {"debts": "veel\x00"}}, "burden"),
    ({"skills": [{"skill": 999999, "level": 2}]}, "skills"),
    ({"skills": [{"skill": None, "level": 4}]}, "skills"),
    ({"interests": [999999]}, "interests"),
    ({"language_level": "Z9"}, "language_level"),
    ({"caseworker": 999999}, "caseworker"),
    ({"email": "not-an-address"}, "email"),
])
def test_bad_seeker_input_is_refused_by_field_and_nothing_is_written(world, client_for, changes, field):
    payload = {"first_name": "Ann", "last_name": "Jansen", **changes}
    before = JobSeeker.objects.count()

    response = client_for(world.caseworker_a).post("/api/v1/seekers/", payload, format="json")

    assert_names_field(response, field)
    assert JobSeeker.objects.count() == before


def test_a_caseworker_of_another_municipality_is_refused_as_caseworker(world, client_for):
    other = world.caseworker_b.caseworker.pk

    response = client_for(world.caseworker_a).patch(f"/api/v1/seekers/{world.seeker.pk}/", {"caseworker": other},
                                                    format="json")

    assert_names_field(response, "caseworker")


def test_a_nul_byte_in_the_token_request_is_refused(world, client_for):
    response = client_for(None).post("/api/v1/auth/token/", {"username": "werk\x00gever-a", "password": "x"},
                                     format="json")

    assert_names_field(response, "username")


def test_a_nul_byte_in_the_token_header_is_an_authentication_failure(world, client_for):
    client = client_for(None)
    client.credentials(HTTP_AUTHORIZATION="Token abc\x00def")

    response = client.get(ROLES)

    assert response.status_code == 401
    assert response.json()["detail"]


@pytest.mark.parametrize("query", ["organisation=10000000000000000000000", "skill=10000000000000000000000"])
def test_ids_beyond_the_database_range_are_refused_by_name(world, client_for, query):
    assert_names_field(client_for(None).get(f"{ROLES}?{query}"), query.split("=")[0])


def test_a_skill_id_beyond_the_database_range_is_refused(world, client_for, role_payload):
    payload = role_payload(skills=[{"skill": 10**30, "level": 1}])

    assert_names_field(client_for(world.employer_a).post(ROLES, payload, format="json"), "skills")


@pytest.mark.parametrize("query", [f"municipality={10**30}", f"municipality={'9' * 5000}", "municipality=²",
                                   f"skill={'9' * 5000}", "skill=²", f"organisation={'9' * 5000}",
                                   f"page={'9' * 5000}", f"page_size={'9' * 5000}"])
def test_numbers_that_are_no_database_ids_are_refused_by_name(world, client_for, query):
    response = client_for(None).get(f"{ROLES}?{query}")

    assert response.status_code in (400, 404)
    assert query.split("=")[0] in response.json()


@pytest.mark.parametrize("query", [f"role={10**30}", "role=1e30", "role=1.5", "role=abc"])
def test_an_application_role_filter_that_is_no_database_id_is_refused_by_name(world, client_for, query):
    assert_names_field(client_for(world.employer_a).get(f"/api/v1/applications/?{query}"), "role")


def test_a_role_skill_without_a_skill_in_a_patch_is_refused_by_name_and_the_skills_stay(world, client_for,
                                                                                         published_role):
    response = client_for(world.employer_a).patch(f"{ROLES}{published_role.pk}/", {"skills": [{"level": 1}]},
                                                  format="json")

    assert_names_field(response, "skills")
    assert list(response.json()["skills"]["0"]) == ["skill"]
    assert published_role.skill_requirements.count() == 1


def test_a_role_skill_patched_without_level_or_required_gets_the_defaults(world, client_for, published_role, skills):
    response = client_for(world.employer_a).patch(f"{ROLES}{published_role.pk}/",
                                                  {"skills": [{"skill": skills[1].pk}]}, format="json")

    assert response.status_code == 200, response.json()
    assert [(rs.skill, rs.level, rs.required) for rs in published_role.skill_requirements.all()] == [
        (skills[1], 1, True)
    ]


@pytest.mark.parametrize("persona, url", [("caseworker_a", "seeker"), ("seeker_user", "/api/v1/me/profile/")])
def test_a_seeker_skill_without_a_skill_in_a_patch_is_refused_by_name(world, client_for, persona, url):
    url = f"/api/v1/seekers/{world.seeker.pk}/" if url == "seeker" else url

    response = client_for(getattr(world, persona)).patch(url, {"skills": [{"level": 2}]}, format="json")

    assert_names_field(response, "skills")


def test_an_unknown_id_is_not_found_without_naming_what_was_looked_for(world, client_for):
    caseworker = client_for(world.caseworker_a)

    responses = [caseworker.get("/api/v1/seekers/999999/"), caseworker.get("/api/v1/applications/999999/"),
                 client_for(None).get("/api/v1/roles/999999/")]

    for response in responses:
        assert response.status_code == 404
        body = response.content.decode()
        assert "JobSeeker" not in body and "matches the given query" not in body
        assert response.json() == {"detail": "Niet gevonden."}
