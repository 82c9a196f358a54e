"""Provider staff in the persona matrix: each persona against each provider-facing page and endpoint, and a
provider's token against every other endpoint of the API.

Provider A sees only its own consented clients; the other provider of the same town finds nothing
of A's; the provider of the other town sees nothing of Havenstad. No answer to a provider carries
the draaglast, the draagkracht picture, assessments, the ladder or matching, nor anything about
people who are not its clients.
"""

from datetime import timedelta

import pytest
from django.urls import URLPattern, URLResolver, reverse
from django.utils import timezone, translation
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from api import urls as api_urls
from marketplace.services.applications import application_express_interest
from tests.portal.helpers import post, signed_in
from tests.trajectory_data import FORBIDDEN_KEYS, FORBIDDEN_VALUES, trajectories

pytestmark = pytest.mark.django_db

PERSONAS = ("anonymous", "seeker_user", "employer_a", "association", "provider_a", "provider_other", "provider_b",
            "caseworker_a", "caseworker_b")
PROVIDERS = ("provider_a", "provider_other", "provider_b")
# People provider A must never read about: not its clients (no consent, another provider, another town).
STRANGERS = ("Toestemming", "Andere Aanbieder")

SIGN_IN, REFUSED, OK, GONE, CREATED, UNAUTHENTICATED = 302, 403, 200, 404, 201, 401
OTHERS_REFUSED = {"seeker_user": REFUSED, "employer_a": REFUSED, "association": REFUSED}

# persona -> expected status, for each provider-facing address (the client page and endpoints are provider A's client)
MATRIX = {
    "portal list": {"anonymous": SIGN_IN, **OTHERS_REFUSED, "provider_a": OK, "provider_other": OK,
                    "provider_b": OK, "caseworker_a": REFUSED, "caseworker_b": REFUSED},
    "portal client": {"anonymous": SIGN_IN, **OTHERS_REFUSED, "provider_a": OK, "provider_other": GONE,
                      "provider_b": GONE, "caseworker_a": REFUSED, "caseworker_b": REFUSED},
    "portal report": {"anonymous": SIGN_IN, **OTHERS_REFUSED, "provider_a": SIGN_IN, "provider_other": GONE,
                      "provider_b": GONE, "caseworker_a": REFUSED, "caseworker_b": REFUSED},
    "api list": {"anonymous": UNAUTHENTICATED, **OTHERS_REFUSED, "provider_a": OK, "provider_other": OK,
                 "provider_b": OK, "caseworker_a": OK, "caseworker_b": OK},
    "api detail": {"anonymous": UNAUTHENTICATED, **OTHERS_REFUSED, "provider_a": OK, "provider_other": GONE,
                   "provider_b": GONE, "caseworker_a": OK, "caseworker_b": GONE},
    "api report": {"anonymous": UNAUTHENTICATED, **OTHERS_REFUSED, "provider_a": CREATED, "provider_other": GONE,
                   "provider_b": GONE, "caseworker_a": CREATED, "caseworker_b": GONE},
}
# Endpoints a provider's token may open: its trajectories, and what is public or empty for anyone without a role.
PROVIDER_MAY_OPEN = {"trajectory-list", "trajectory-detail", "role-list", "role-detail", "skill-list", "skill-detail",
                     "skill-category-list", "skill-category-detail", "municipality-list", "municipality-detail",
                     "application-list", "service-request-list"}
NOT_DATA = {"schema", "docs", "token"}


@pytest.fixture
def paths(world):
    return trajectories(world)


def user_of(world, persona):
    return None if persona == "anonymous" else getattr(world, persona)


def portal_url(name, *args) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


def report_body() -> dict:
    return {"date": (timezone.localdate() - timedelta(days=1)).isoformat(), "text": "Gaat goed.", "result": ""}


def request(world, paths, persona, address):
    user = user_of(world, persona)
    mine = paths.mine.pk
    if address.startswith("portal"):
        client = signed_in(user)
        url = portal_url("provider-home") if address == "portal list" else portal_url("provider-client", mine)
        return post(client, url, report_body()) if address == "portal report" else client.get(url)
    client = APIClient()
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    if address == "api list":
        return client.get("/api/v1/trajectories/")
    if address == "api detail":
        return client.get(f"/api/v1/trajectories/{mine}/")
    return client.post(f"/api/v1/trajectories/{mine}/reports/", report_body(), format="json")


def keys_in(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {key for item in value.values() for key in keys_in(item)}
    if isinstance(value, list):
        return {key for item in value for key in keys_in(item)}
    return set()


def assert_nothing_forbidden(response, persona: str) -> None:
    text = response.content.decode()
    assert [value for value in FORBIDDEN_VALUES if value in text] == [], (persona, response.request["PATH_INFO"])
    if persona == "provider_a":
        assert [name for name in STRANGERS if name in text] == []
    else:  # the client of provider A is nobody else's business
        assert "Sentinelia" not in text and "Geheimnaam" not in text
    if response.get("Content-Type", "").startswith("application/json"):
        assert keys_in(response.json()) & set(FORBIDDEN_KEYS) == set()


@pytest.mark.parametrize("address", MATRIX)
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer_from_each_provider_address(world, paths, persona, address):
    response = request(world, paths, persona, address)

    assert response.status_code == MATRIX[address][persona], (persona, address)
    if persona in PROVIDERS:
        assert_nothing_forbidden(response, persona)


@pytest.mark.parametrize("address", ["portal list", "api list"])
def test_each_provider_lists_only_its_own_consented_clients(world, paths, address):
    expected = {"provider_a": {"Sentinelia", "Gepland"}, "provider_other": {"Aanbieder"},
                "provider_b": {world.seeker_b.last_name}}
    everyone = {"Sentinelia", "Gepland", "Aanbieder", "Toestemming", "Afgerond", world.seeker_b.last_name}
    for persona, names in expected.items():
        text = request(world, paths, persona, address).content.decode()
        assert {name for name in everyone if name in text} == names, persona


@pytest.mark.parametrize("status", ["ended", "cancelled"])
def test_after_the_end_the_provider_no_longer_reads_the_client_while_the_caseworker_does(world, paths, status):
    paths.mine.status = status
    paths.mine.end_date = timezone.localdate()
    paths.mine.save()

    for address in ("portal client", "api detail", "api report"):
        response = request(world, paths, "provider_a", address)
        assert response.status_code == GONE, address
        assert not {"Sentinelia", "Geheimnaam"} & set(response.content.decode().replace('"', " ").split()), address
    assert request(world, paths, "caseworker_a", "api detail").json()["last_name"] == "Geheimnaam"


def _api_addresses(world, paths, role):
    """Every named endpoint of the API, with ids filled in: the sentinel seeker, a role, provider A's trajectory."""
    ids = {"seeker": world.seeker.pk, "role": role.pk, "trajectory": paths.mine.pk}
    patterns = []

    def walk(entries):
        for entry in entries:
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns)
            elif isinstance(entry, URLPattern) and entry.name and entry.name not in NOT_DATA:
                patterns.append(entry)

    walk(api_urls.urlpatterns)
    for pattern in patterns:
        groups = pattern.pattern.regex.groupindex
        prefix = next((kind for kind in ids if pattern.name.startswith(kind)), "seeker")
        kwargs = {name: (ids[prefix] if name == "pk" else 1) for name in groups}
        yield pattern.name, reverse(f"api:{pattern.name}", kwargs=kwargs)


@pytest.mark.parametrize("persona", PROVIDERS)
def test_every_other_endpoint_refuses_a_provider_or_shows_it_nothing(world, paths, published_role, client_for,
                                                                     persona):
    application_express_interest(seeker=world.seeker, role=published_role)
    client = client_for(getattr(world, persona))
    opened, visited = set(), set()

    for name, url in _api_addresses(world, paths, published_role):
        visited.add(name)
        response = client.get(url)
        if response.status_code == OK:
            opened.add(name)
            assert_nothing_forbidden(response, persona)
        else:
            assert response.status_code in (REFUSED, GONE, 405), (name, response.status_code)

    assert {"seeker-list", "seeker-detail", "seeker-plan", "seeker-assessments", "seeker-picture", "seeker-matches",
            "seeker-why-not", "application-list", "role-candidates"} <= visited
    assert opened <= PROVIDER_MAY_OPEN
    assert {"trajectory-list", "role-list"} <= opened
    assert client.get("/api/v1/applications/").json()["count"] == 0
    assert client.get("/api/v1/service-requests/").json()["count"] == 0


@pytest.mark.parametrize("persona", PROVIDERS)
def test_a_provider_cannot_act_as_an_employer_through_the_api(world, client_for, role_payload, persona):
    client = client_for(getattr(world, persona))

    response = client.post("/api/v1/roles/", role_payload(organisation=world.provider_organisation_a.pk),
                           format="json")

    assert response.status_code == REFUSED
    assert client.get("/api/v1/me/organisations/").status_code == REFUSED


@pytest.mark.parametrize("page", ["seeker-home", "employer-home", "employer-roles", "employer-applications",
                                  "association-home", "carving-list"])
def test_the_other_portals_are_not_for_provider_staff(world, paths, page):
    response = signed_in(world.provider_a).get(portal_url(page))

    assert response.status_code == REFUSED
    assert "Sentinelia" not in response.content.decode()


def test_provider_staff_do_not_enter_the_admin(world):
    response = signed_in(world.provider_a).get("/admin/")

    assert response.status_code == SIGN_IN
    assert "/admin/login/" in response["Location"]
