"""The API answers in the language of the request, Dutch by default, DRF's own messages included; and its
schema says truthfully when a resident's contact fields are required."""

import pytest
from django.core.cache import cache

from marketplace.throttles import service_request_limit
from tests.cms.public_site import add_postcode_areas_and_category

URL = "/api/v1/service-requests/"


@pytest.fixture(autouse=True)
def _empty_cache():
    """The anonymous throttle counts in the cache; every test starts with a clean count."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def category(world):
    return add_postcode_areas_and_category(world.municipality_a, world.municipality_b)


def request_body(**changes) -> dict:
    body = {"category": "groenonderhoud", "description": "De heg is te hoog.", "street": "Lindelaan 12",
            "postcode": "1234 AB", "requester_name": "Mevrouw Jansen", "requester_email": "jansen@example.nl",
            "requester_phone": "06 12345678"}
    body.update(changes)
    return {key: value for key, value in body.items() if value is not ...}


@pytest.mark.parametrize(("headers", "expected"), [
    ({}, "Dit is geen geldige tekst."),
    ({"HTTP_ACCEPT_LANGUAGE": "nl"}, "Dit is geen geldige tekst."),
    ({"HTTP_ACCEPT_LANGUAGE": "en"}, "Not a valid string."),
])
def test_drfs_own_field_messages_follow_the_language_of_the_request(client_for, category, headers, expected):
    response = client_for(None).post(URL, request_body(description={"tekst": "heg"}), format="json", **headers)

    assert response.status_code == 400
    assert response.json()["description"] == [expected]


@pytest.mark.parametrize(("headers", "waiting"), [
    ({}, "Probeer het over {wait} seconden opnieuw."),
    ({"HTTP_ACCEPT_LANGUAGE": "nl"}, "Probeer het over {wait} seconden opnieuw."),
    ({"HTTP_ACCEPT_LANGUAGE": "en"}, "Expected available in {wait} seconds."),
])
def test_the_waiting_time_of_a_throttled_request_is_in_the_language_of_the_request(client_for, category, headers,
                                                                                   waiting):
    client = client_for(None)
    for _number in range(service_request_limit().limit):
        assert client.post(URL, request_body(), format="json").status_code == 201

    response = client.post(URL, request_body(), format="json", **headers)

    assert response.status_code == 429
    wait = int(response["Retry-After"])
    assert response.json()["detail"].endswith(" " + waiting.format(wait=wait))
    assert ("Expected available" in response.json()["detail"]) == (headers.get("HTTP_ACCEPT_LANGUAGE") == "en")


def test_a_resident_without_a_phone_number_gets_400_naming_the_field(client_for, category):
    response = client_for(None).post(URL, request_body(requester_phone=...), format="json")

    assert response.status_code == 400
    assert list(response.json()) == ["requester_phone"]


def test_the_schema_says_when_the_contact_fields_are_required(client_for):
    schema = client_for(None).get("/api/v1/schema/?format=json&lang=en").json()
    fields = schema["components"]["schemas"]["ServiceRequestWriteRequest"]["properties"]

    for name in ("requester_name", "requester_email", "requester_phone"):
        assert fields[name]["description"] == (
            "Required when you ask without an account, and whenever you do not act for an association."
        ), name
    dutch = client_for(None).get("/api/v1/schema/?format=json").json()
    assert dutch["components"]["schemas"]["ServiceRequestWriteRequest"]["properties"]["requester_phone"][
        "description"].startswith("Verplicht als u vraagt zonder account")
