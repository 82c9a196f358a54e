"""A well-formed postcode that we cannot place says so, on the public role list and in the API's near filter."""

import pytest

from tests.cms.public_site import build_public_site, publish_varied_roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(world):
    site = build_public_site(world.municipality_a)
    publish_varied_roles(world.organisation_a)
    return site


def test_an_unknown_postcode_is_named_on_the_role_list_and_the_list_says_it_is_not_by_distance(client, site):
    response = client.get(site.role_index.url, {"postcode": "5555 XY", "distance": "5"})

    html = response.content.decode()
    assert "Deze postcode kennen we niet." in html
    assert "Deze lijst is daarom niet beperkt tot een afstand." in html
    assert response.context["area"] is None


def test_a_known_postcode_limits_the_list_without_a_word_about_unknown_postcodes(client, site):
    response = client.get(site.role_index.url, {"postcode": "1234 AB", "distance": "10"})

    html = response.content.decode()
    assert "kennen we niet" not in html
    assert [role.title for role in response.context["roles"]] == ["Heggen knippen in de wijk"]


def test_the_api_finds_roles_near_a_known_postcode(client, site):
    response = client.get("/api/v1/roles/", {"near": "1234 AB", "radius_km": "10"})

    assert response.status_code == 200
    assert [role["title"] for role in response.json()["results"]] == ["Heggen knippen in de wijk"]


def test_the_api_refuses_an_unknown_postcode_in_near_by_name(client, site):
    response = client.get("/api/v1/roles/", {"near": "5555"}, HTTP_ACCEPT_LANGUAGE="nl")

    assert response.status_code == 400
    assert response.json() == {"near": ["Deze postcode kennen we niet. Probeer een postcode in de buurt."]}
