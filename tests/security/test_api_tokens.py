"""API tokens expire after API_TOKEN_LIFETIME_HOURS and can be revoked by their holder."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

PASSWORD = "geheim-wachtwoord-123"
TOKEN = "/api/v1/auth/token/"
MINE = "/api/v1/me/organisations/"


@pytest.fixture(autouse=True)
def _lifetime(settings):
    settings.API_TOKEN_LIFETIME_HOURS = 24


def issued(user) -> dict:
    response = APIClient().post(TOKEN, {"username": user.username, "password": PASSWORD}, format="json")
    assert response.status_code == 200
    return response.json()


def with_token(key) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def age(key, hours):
    Token.objects.filter(key=key).update(created=timezone.now() - timedelta(hours=hours))


def test_a_token_says_when_it_expires_and_works_until_then(world):
    body = issued(world.employer_a)
    age(body["token"], 23)

    response = with_token(body["token"]).get(MINE)

    expires_at = timezone.datetime.fromisoformat(body["expires_at"])
    assert abs(expires_at - (timezone.now() + timedelta(hours=24))) < timedelta(minutes=1)
    assert response.status_code == 200


def test_an_expired_token_is_refused_with_401_and_a_clear_message(world):
    key = issued(world.employer_a)["token"]
    age(key, 25)

    response = with_token(key).get(MINE)

    assert response.status_code == 401
    assert "verlopen" in response.json()["detail"]
    assert "/api/v1/auth/token/" in response.json()["detail"]


def test_after_expiry_signing_in_again_gives_a_new_token_that_works(world):
    old = issued(world.employer_a)["token"]
    age(old, 25)

    # A client that still sends its expired token along is not stopped by it.
    new = with_token(old).post(TOKEN, {"username": world.employer_a.username, "password": PASSWORD},
                               format="json").json()["token"]

    assert new != old
    assert with_token(new).get(MINE).status_code == 200
    assert with_token(old).get(MINE).status_code == 401


def test_signing_in_again_before_expiry_returns_the_same_token(world):
    assert issued(world.employer_a)["token"] == issued(world.employer_a)["token"]


def test_a_lifetime_of_zero_keeps_tokens_until_they_are_revoked(world, settings):
    settings.API_TOKEN_LIFETIME_HOURS = 0
    body = issued(world.employer_a)
    age(body["token"], 24 * 365 * 5)

    assert body["expires_at"] is None
    assert with_token(body["token"]).get(MINE).status_code == 200


def test_the_holder_revokes_the_token_and_it_stops_working_at_once(world):
    key = issued(world.employer_a)["token"]
    client = with_token(key)

    revoked = client.delete(TOKEN)

    assert revoked.status_code == 204
    assert not Token.objects.filter(key=key).exists()
    assert client.get(MINE).status_code == 401
    assert issued(world.employer_a)["token"] != key


def test_revoking_needs_a_valid_token(world):
    key = issued(world.employer_a)["token"]

    assert APIClient().delete(TOKEN).status_code == 401
    assert with_token("0" * 40).delete(TOKEN).status_code == 401
    assert Token.objects.filter(key=key).exists()


def test_revoking_touches_only_the_callers_token(world):
    mine, theirs = issued(world.employer_a)["token"], issued(world.employer_b)["token"]

    with_token(mine).delete(TOKEN)

    assert with_token(theirs).get(MINE).status_code == 200


def test_the_schema_documents_expiry_and_revocation():
    schema = APIClient().get("/api/v1/schema/?format=json").json()

    token = schema["paths"][TOKEN]
    assert {"post", "delete"} <= set(token)
    assert "429" in token["post"]["responses"]
    assert "expires_at" in schema["components"]["schemas"]["Token"]["properties"]
