"""JSON nested a thousand or a hundred thousand levels deep is refused with a 400 on every API endpoint.

Python's JSON decoder recurses once per level, so without a limit such a body ends in a
RecursionError (a 500) or makes every later step walk the depth again. The endpoints come from
the URL resolver, so a new endpoint is tried here without a line of this file changing.
"""

import re

import pytest
from django.core.cache import cache
from drf_spectacular.generators import EndpointEnumerator
from rest_framework.test import APIClient

from api.parsers import MAX_JSON_DEPTH, json_depth_exceeds

pytestmark = pytest.mark.django_db

BODY_METHODS = ("POST", "PUT", "PATCH")
PERSONAS = ("anonymous", "employer_a", "association", "seeker_user", "caseworker_a")
# Endpoints anyone may call without signing in: they must refuse the body to anonymous callers.
ANONYMOUS_ENDPOINTS = {("POST", "/api/v1/service-requests/"), ("POST", "/api/v1/auth/token/")}


def api_endpoints() -> list[tuple[str, str]]:
    """(method, path) of every API endpoint that takes a body, path parameters filled with 1."""
    endpoints = {
        (method, re.sub(r"\{\w+\}", "1", path))
        for path, _regex, method, _callback in EndpointEnumerator().get_api_endpoints()
        if path.startswith("/api/") and method in BODY_METHODS
    }
    return sorted(endpoints, key=lambda endpoint: (endpoint[1], endpoint[0]))


ENDPOINTS = api_endpoints()


def nested_list(depth: int) -> str:
    return "[" * depth + "]" * depth


def nested_object(depth: int) -> str:
    return '{"a": ' * depth + "1" + "}" * depth


NESTED_BODIES = {
    "1000 lists": nested_list(1_000),
    "1000 objects": nested_object(1_000),
    "100000 lists": nested_list(100_000),
    "100000 objects": nested_object(100_000),
}


def send(client: APIClient, method: str, path: str, body: str):
    # Rate limits count anonymous requests in the cache; this test is about the body, not the limits.
    cache.clear()
    return client.generic(method, path, body, content_type="application/json")


def names_the_nesting(response) -> bool:
    return "nest" in str(response.json().get("detail", "")).lower()


def test_the_endpoint_list_is_derived_and_complete():
    paths = {path for _method, path in ENDPOINTS}

    assert ("POST", "/api/v1/service-requests/") in ENDPOINTS
    assert ("POST", "/api/v1/auth/token/") in ENDPOINTS
    assert {"/api/v1/roles/", "/api/v1/roles/1/", "/api/v1/seekers/", "/api/v1/applications/"} <= paths


@pytest.mark.parametrize("method, path", ENDPOINTS, ids=[f"{method} {path}" for method, path in ENDPOINTS])
def test_deeply_nested_json_is_refused_with_a_400_on_every_endpoint(world, client_for, method, path):
    answered_400 = []
    for persona in PERSONAS:
        client = client_for(None if persona == "anonymous" else getattr(world, persona))
        for shape, body in NESTED_BODIES.items():
            response = send(client, method, path, body)

            assert response.status_code < 500, (persona, shape, response.status_code)
            if response.status_code == 400:
                assert names_the_nesting(response), (persona, shape, response.json())
                answered_400.append(persona)
            else:
                # Only a caller who may not use the endpoint at all is turned away before the body is read.
                assert response.status_code in (401, 403, 404, 405), (persona, shape, response.status_code)

    assert answered_400, f"nobody got as far as the body of {method} {path}"
    if (method, path) in ANONYMOUS_ENDPOINTS:
        assert "anonymous" in answered_400


@pytest.mark.parametrize("persona", ["anonymous", "employer_a"])
def test_a_request_for_a_service_nested_deep_inside_is_refused_and_nothing_is_stored(world, client_for, persona):
    from marketplace.models import ServiceRequest

    body = '{"category": "groenonderhoud", "description": ' + nested_object(5_000) + "}"
    client = client_for(None if persona == "anonymous" else getattr(world, persona))

    response = send(client, "POST", "/api/v1/service-requests/", body)

    assert response.status_code == 400
    assert names_the_nesting(response)
    assert not ServiceRequest.objects.exists()


def test_json_nested_as_deep_as_a_real_payload_still_works(world, client_for):
    """The limit is far above what any client sends: a role with its skills nests three levels."""
    body = nested_list(MAX_JSON_DEPTH)

    response = send(client_for(world.employer_a), "POST", "/api/v1/roles/", body)

    assert response.status_code == 400
    assert not names_the_nesting(response)


@pytest.mark.parametrize("text, deeper_than_two", [
    ("[[1]]", False),
    ("[[[1]]]", True),
    ('{"a": {"b": [1]}}', True),
    ('["[[[[[[", "{{{{{{"]', False),  # brackets inside strings do not count
    ('["\\"[[[[", "\\\\"]', False),  # nor after an escaped quote
    ('[[[', True),  # malformed, but deep; the decoder names what is wrong with it
    ("[] [] [] [] []", False),
])
def test_the_depth_is_measured_outside_strings(text, deeper_than_two):
    assert json_depth_exceeds(text, 2) is deeper_than_two


def test_measuring_a_million_brackets_needs_no_recursion():
    assert json_depth_exceeds(nested_list(1_000_000), MAX_JSON_DEPTH)
    assert not json_depth_exceeds("[]" * 1_000_000, MAX_JSON_DEPTH)
