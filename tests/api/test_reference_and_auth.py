"""Public reference data, the token exchange and the documented schema."""

import re

import pytest
from django.core.management import call_command

from tests import factories

pytestmark = pytest.mark.django_db


def test_anyone_lists_skills_with_their_category(client_for, skills):
    response = client_for(None).get("/api/v1/skills/?category=logistiek&q=pak")

    assert response.status_code == 200
    [skill] = response.json()["results"]
    assert (skill["id"], skill["name_nl"], skill["category"]["code"]) == (skills[0].pk, "Inpakken", "logistiek")


def test_anyone_lists_skill_categories(client_for, skills):
    response = client_for(None).get("/api/v1/skill-categories/")

    assert [category["code"] for category in response.json()["results"]] == ["logistiek"]


def test_municipalities_show_only_name_and_cbs_code(world, client_for):
    response = client_for(None).get("/api/v1/municipalities/")

    assert response.json()["results"] == [
        {"id": world.municipality_a.pk, "name": "Havenstad", "cbs_code": "GM9901"},
        {"id": world.municipality_b.pk, "name": "Veenwijk", "cbs_code": "GM9902"},
    ]


def test_reference_data_cannot_be_written(world, client_for):
    response = client_for(world.caseworker_a).post("/api/v1/municipalities/", {"name": "X"}, format="json")

    assert response.status_code == 405


def test_a_token_is_issued_for_a_username_and_password_and_works(world, client_for):
    factories.UserFactory(username="nieuw", password="een-lang-wachtwoord")
    anonymous = client_for(None)

    issued = anonymous.post("/api/v1/auth/token/", {"username": "nieuw", "password": "een-lang-wachtwoord"},
                            format="json")
    refused = anonymous.post("/api/v1/auth/token/", {"username": "nieuw", "password": "fout"}, format="json")

    assert issued.status_code == 200
    assert refused.status_code == 400
    anonymous.credentials(HTTP_AUTHORIZATION=f"Token {issued.json()['token']}")
    assert anonymous.get("/api/v1/me/organisations/").status_code == 403  # signed in, but no organisation


def test_the_schema_and_the_docs_render(client_for):
    schema = client_for(None).get("/api/v1/schema/?format=json")
    docs = client_for(None).get("/api/v1/docs/")

    assert schema.status_code == 200
    paths = schema.json()["paths"]
    assert {"/api/v1/roles/", "/api/v1/auth/token/", "/api/v1/me/profile/", "/api/v1/seekers/{id}/"} <= set(paths)
    assert all(path.startswith("/api/v1/") for path in paths)
    assert paths["/api/v1/roles/"]["post"]["requestBody"]["content"]["application/json"]["examples"]
    assert docs.status_code == 200


def test_the_docs_page_loads_every_script_and_stylesheet_from_our_own_site(client_for):
    page = client_for(None).get("/api/v1/docs/").content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    start_script = client_for(None).get("/api/v1/docs/?script=")

    assert '<html lang="nl">' in page
    assert "/api/v1/docs/?script=" in sources
    assert all(source.startswith("/") and not source.startswith("//") for source in sources)
    assert "<script>" not in page and "<style>" not in page
    assert start_script.status_code == 200 and b"SwaggerUIBundle" in start_script.content


def test_the_schema_validates_without_warnings(tmp_path):
    target = tmp_path / "schema.yml"

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))

    assert "/api/v1/roles/{id}/publish/" in target.read_text()
