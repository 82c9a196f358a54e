"""Brute force: the portal, the admin and the API token endpoint lock a username after repeated wrong
passwords from one address, and the password reset form is limited per address and per e-mail address."""

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings as django_settings
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.cache import cache
from django.db.models import F
from django.test import Client

from tests import factories

pytestmark = pytest.mark.django_db

PASSWORD = "geheim-wachtwoord-123"
LIMIT = 3


@pytest.fixture(autouse=True)
def _lockout_settings(settings):
    settings.AXES_FAILURE_LIMIT = LIMIT
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)
    cache.clear()
    yield
    cache.clear()


@dataclass(frozen=True)
class Endpoint:
    url: str
    signed_in_status: int
    refused_status: int

    def sign_in(self, client, username, password, **extra):
        return client.post(self.url, {"username": username, "password": password}, **extra)

    def signed_in(self, response) -> bool:
        if self.url.startswith("/api/"):
            return response.status_code == 200 and bool(response.json()["token"])
        return response.status_code == 302 and "_auth_user_id" in response.wsgi_request.session


PORTAL = Endpoint("/accounts/login/", signed_in_status=302, refused_status=200)
ADMIN = Endpoint("/admin/login/", signed_in_status=302, refused_status=200)
TOKEN = Endpoint("/api/v1/auth/token/", signed_in_status=200, refused_status=400)
ENDPOINTS = pytest.mark.parametrize("endpoint", [PORTAL, ADMIN, TOKEN], ids=["portal", "admin", "api-token"])


def admin_user(username):
    user = factories.UserFactory(username=username, is_staff=True)
    user.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    return user


@pytest.fixture
def people():
    return admin_user("medewerker-a"), admin_user("medewerker-b")


def lock(endpoint, client, username, **extra):
    responses = [endpoint.sign_in(client, username, "verkeerd", **extra) for _attempt in range(LIMIT)]
    assert [r.status_code for r in responses[:-1]] == [endpoint.refused_status] * (LIMIT - 1)
    return responses[-1]


def assert_lock_message(response):
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 15 * 60
    text = response.json()["detail"] if response["Content-Type"].startswith("application/json") \
        else response.content.decode()
    assert "Te vaak een verkeerd wachtwoord" in text
    assert "15 minuten" in text


def page_text(response, typed: str) -> str:
    """The page without what the visitor typed and without the form's random CSRF token."""
    html = response.content.decode().replace(typed, "")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def end_the_lock():
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=16))


@ENDPOINTS
def test_repeated_wrong_passwords_lock_the_username_with_a_clear_message(endpoint, people):
    response = lock(endpoint, Client(), people[0].username)

    assert_lock_message(response)


@ENDPOINTS
def test_the_right_password_is_refused_while_locked_and_accepted_when_the_lock_ends(endpoint, people):
    client = Client()
    lock(endpoint, client, people[0].username)

    during = endpoint.sign_in(client, people[0].username, PASSWORD)
    assert_lock_message(during)
    assert not endpoint.signed_in(during)

    end_the_lock()
    after = endpoint.sign_in(Client(), people[0].username, PASSWORD)
    assert after.status_code == endpoint.signed_in_status
    assert endpoint.signed_in(after)


@ENDPOINTS
def test_another_user_at_the_same_address_can_still_sign_in(endpoint, people):
    lock(endpoint, Client(), people[0].username)

    response = endpoint.sign_in(Client(), people[1].username, PASSWORD)

    assert endpoint.signed_in(response)


@ENDPOINTS
def test_the_same_user_can_still_sign_in_from_another_address(endpoint, people):
    lock(endpoint, Client(), people[0].username, REMOTE_ADDR="198.51.100.7")

    response = endpoint.sign_in(Client(), people[0].username, PASSWORD, REMOTE_ADDR="198.51.100.8")

    assert endpoint.signed_in(response)


@ENDPOINTS
def test_a_forged_forwarded_for_header_does_not_escape_the_lock(endpoint, people):
    client = Client()
    for attempt in range(LIMIT):
        endpoint.sign_in(client, people[0].username, "verkeerd", HTTP_X_FORWARDED_FOR=f"203.0.113.{attempt}")

    response = endpoint.sign_in(client, people[0].username, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.99")

    assert_lock_message(response)


def test_a_username_that_does_not_exist_is_locked_like_one_that_does(people):
    """The lock says nothing about which usernames exist."""
    unknown = lock(PORTAL, Client(), "bestaat-niet")
    known = lock(PORTAL, Client(), people[0].username)

    assert unknown.status_code == known.status_code == 429
    assert page_text(unknown, "bestaat-niet") == page_text(known, people[0].username)


def test_a_successful_sign_in_clears_earlier_failures(people):
    client = Client()
    for _attempt in range(LIMIT - 1):
        PORTAL.sign_in(client, people[0].username, "verkeerd")
    assert PORTAL.signed_in(PORTAL.sign_in(Client(), people[0].username, PASSWORD))

    response = PORTAL.sign_in(Client(), people[0].username, "verkeerd")

    assert response.status_code == PORTAL.refused_status


def test_no_record_of_successful_sign_ins_and_no_password_is_kept(people):
    from axes.models import AccessLog

    PORTAL.sign_in(Client(), people[0].username, "mijn-geheime-poging")
    PORTAL.sign_in(Client(), people[0].username, PASSWORD)
    PORTAL.sign_in(Client(), people[1].username, "mijn-geheime-poging")

    assert not AccessLog.objects.exists()
    assert all("mijn-geheime-poging" not in attempt.post_data for attempt in AccessAttempt.objects.all())


# Password reset -----------------------------------------------------------------------------------------------

RESET = "/accounts/password_reset/"


def ask_reset(email, address="192.0.2.10"):
    return Client().post(RESET, {"email": email}, REMOTE_ADDR=address)


@pytest.fixture
def reset_limit(settings):
    settings.THROTTLE_PASSWORD_RESETS = "3/hour"
    return 3


def test_password_resets_are_limited_per_address(reset_limit, people):
    statuses = [ask_reset(f"iemand-{number}@example.nl").status_code for number in range(reset_limit)]
    sent = len(mail.outbox)

    limited = ask_reset(people[0].email)

    assert statuses == [302] * reset_limit
    assert limited.status_code == 429
    assert "Wacht een uur" in limited.content.decode()
    assert len(mail.outbox) == sent  # the known address got no e-mail past the limit


def test_password_resets_are_limited_per_e_mail_address_from_any_address(reset_limit, people):
    statuses = [ask_reset(people[0].email, address=f"192.0.2.{number}").status_code for number in range(reset_limit)]

    limited = ask_reset(people[0].email, address="198.51.100.1")

    assert statuses == [302] * reset_limit
    assert limited.status_code == 429
    assert len(mail.outbox) == reset_limit


def test_the_reset_limit_does_not_reveal_whether_an_account_exists(reset_limit, people):
    known = [ask_reset(people[0].email, address=f"192.0.2.{n}") for n in range(reset_limit + 1)]
    unknown = [ask_reset("niemand@example.nl", address=f"198.51.100.{n}") for n in range(reset_limit + 1)]

    assert [r.status_code for r in known] == [r.status_code for r in unknown] == [302] * reset_limit + [429]
    assert known[0].url == unknown[0].url
    assert page_text(known[-1], people[0].email) == page_text(unknown[-1], "niemand@example.nl")


def test_the_admin_has_no_reset_form_of_its_own_that_would_escape_the_limit(client):
    assert client.get("/admin/password_reset/").status_code == 404
    assert "password_reset" not in client.get("/admin/login/").content.decode()


# Configuration --------------------------------------------------------------------------------------------------

def settings_from_environment(**environment) -> dict:
    """Read the settings module in a fresh process with the given environment."""
    code = ("import json, config.settings as s; print(json.dumps({'limit': s.AXES_FAILURE_LIMIT, "
            "'cooloff': s.AXES_COOLOFF_TIME.total_seconds(), 'parameters': s.AXES_LOCKOUT_PARAMETERS, "
            "'backends': s.AUTHENTICATION_BACKENDS}))")
    env = {key: value for key, value in os.environ.items() if key not in ("LOGIN_FAILURE_LIMIT",
                                                                           "LOGIN_LOCKOUT_MINUTES")}
    env.update(DEBUG="false", SECRET_KEY="only-for-this-test", **environment)
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                            cwd=django_settings.BASE_DIR, check=True)
    return json.loads(result.stdout)


def test_the_limit_and_the_lock_duration_come_from_the_environment():
    configured = settings_from_environment(LOGIN_FAILURE_LIMIT="7", LOGIN_LOCKOUT_MINUTES="30")
    default = settings_from_environment()

    assert configured["limit"] == 7 and configured["cooloff"] == 30 * 60
    assert default["limit"] == 5 and default["cooloff"] == 15 * 60
    assert default["parameters"] == [["username", "ip_address"]]
    assert default["backends"][0] == "axes.backends.AxesBackend"
