"""The service-request channel has one rate limit per client address, shared by the public form and the API.

A client cannot reset its count with an ``X-Forwarded-For`` header of its own: the header counts only
when the request comes from a proxy in ``TRUSTED_PROXIES``. The count is kept atomically in the
shared cache, so simultaneous requests cannot get past it either.
"""


import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from rest_framework.test import APIClient

from marketplace.models import ServiceRequest
from marketplace.ratelimit import client_address
from marketplace.throttles import service_request_limit
from tests.cms.public_site import build_public_site
from tests.threads import all_at_once

API = "/api/v1/service-requests/"
LIMIT = 5
PROXY = "10.0.0.2"


@pytest.fixture(autouse=True)
def _shared_limit(settings):
    settings.THROTTLE_ANON_SERVICE_REQUESTS = f"{LIMIT}/hour"
    settings.TRUSTED_PROXIES = []
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site(world):
    return build_public_site(world.municipality_a, other_municipality=world.municipality_b)


def form_data(**changes) -> dict:
    return {"requester_name": "Mevrouw Jansen", "requester_email": "jansen@example.nl",
            "requester_phone": "06 12345678", "street": "Lindelaan 12", "postcode": "1234ab", "city": "Havenstad",
            "description": "De heg langs de stoep is te hoog.", "frequency": "monthly", "website": "", **changes}


def api_data() -> dict:
    data = {"category": "groenonderhoud", **form_data()}
    del data["website"]  # the form's trap for robots is not part of the API
    return data


def post_form(site, **headers):
    return Client().post(site.green.url, form_data(), **headers)


def post_api(**headers):
    return APIClient().post(API, api_data(), format="json", **headers)


def test_rotating_forwarded_for_from_an_untrusted_peer_does_not_reset_the_form_count(site):
    statuses = [post_form(site, HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code for n in range(LIMIT + 1)]

    assert statuses == [302] * LIMIT + [429]
    assert ServiceRequest.objects.count() == LIMIT


def test_rotating_forwarded_for_from_an_untrusted_peer_does_not_reset_the_api_count(site):
    statuses = [post_api(HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code for n in range(LIMIT + 1)]

    assert statuses == [201] * LIMIT + [429]
    assert ServiceRequest.objects.count() == LIMIT


def test_a_trusted_proxy_is_believed_about_the_client_behind_it(site, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]

    different_clients = [post_api(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code
                         for n in range(LIMIT + 1)]
    one_client = [post_form(site, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.9").status_code
                  for _n in range(LIMIT + 1)]

    assert different_clients == [201] * (LIMIT + 1)
    assert one_client == [302] * LIMIT + [429]


def test_a_client_cannot_prepend_addresses_to_what_the_trusted_proxy_appends(site, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]

    statuses = [post_api(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"203.0.113.{n}, 198.51.100.9").status_code
                for n in range(LIMIT + 1)]

    assert statuses == [201] * LIMIT + [429]


def test_the_form_and_the_api_share_one_count_and_the_api_says_when_to_come_back(site):
    form_statuses = [post_form(site).status_code for _n in range(LIMIT)]

    response = post_api()

    assert form_statuses == [302] * LIMIT
    assert response.status_code == 429
    assert int(response["Retry-After"]) == 3600
    assert "meerdere aanvragen" in response.json()["detail"]
    assert ServiceRequest.objects.count() == LIMIT
    assert post_form(site).status_code == 429


def test_signed_in_requesters_are_not_counted_against_the_anonymous_limit(site, world, client_for):
    for _n in range(LIMIT):
        assert post_form(site).status_code == 302

    association = client_for(world.association)

    assert association.post(API, api_data(), format="json").status_code == 201


def test_fifty_simultaneous_attempts_from_one_address_admit_exactly_the_limit():
    meta = {"REMOTE_ADDR": "192.0.2.50", "HTTP_X_FORWARDED_FOR": "203.0.113.1"}

    outcomes = all_at_once(lambda: service_request_limit().attempt(client_address(meta)), 50)

    assert outcomes.count(True) == LIMIT
    assert outcomes.count(False) == 50 - LIMIT


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL: set DATABASE_URL")
def test_twenty_simultaneous_api_requests_store_exactly_the_limit(site):
    # SQLite cannot take twenty writers at once in a test database; PostgreSQL lets them overlap.
    outcomes = all_at_once(lambda: post_api().status_code, 20)

    assert sorted(outcomes) == [201] * LIMIT + [429] * (20 - LIMIT)
    assert ServiceRequest.objects.count() == LIMIT
