"""Two-step sign-in (TOTP) for the staff who can open the draaglast: caseworkers and superusers.

After the password they set up an authenticator app (QR code or typed key, confirmed with a code,
then backup codes shown once) or give a code from it; until then neither the admin nor the API
lets them in. Codes are computed here from the device's key, as the app on a phone does.
"""

import json
import os
import re
import subprocess
import sys
from base64 import b32encode
from io import StringIO

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests import factories

pytestmark = pytest.mark.django_db

PASSWORD = "geheim-wachtwoord-123"
SETUP = "/accounts/tweestaps/instellen/"
VERIFY = "/accounts/tweestaps/"
BACKUP = "/accounts/tweestaps/reservecode/"
TOKEN = "/api/v1/auth/token/"


@pytest.fixture(autouse=True)
def _two_steps_required(settings):
    settings.REQUIRE_STAFF_2FA = True


def staff(user):
    """The user with access to the admin and to job seekers, freshly loaded."""
    user.is_staff = True
    user.save()
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="marketplace",
                                   codename__in=["view_jobseeker", "change_jobseeker"]),
    )
    return get_user_model().objects.get(pk=user.pk)


@pytest.fixture
def caseworker(world):
    return staff(world.caseworker_a)


def app_code(device, *, step_offset: int = 0) -> str:
    """What the authenticator app shows now (or ``step_offset`` steps of 30 seconds later)."""
    device.refresh_from_db()
    code = totp(device.bin_key, step=device.step, t0=device.t0 - step_offset * device.step, digits=device.digits)
    return f"{code:06d}"


def wrong_code(device) -> str:
    right = {app_code(device, step_offset=offset) for offset in (-1, 0, 1)}
    return next(code for code in ("000000", "111111", "222222", "333333") if code not in right)


def password_signed_in(user) -> Client:
    client = Client()
    response = client.post("/admin/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def enrolled(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)


def enrol_through_the_page(client, user) -> list[str]:
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=user)
    response = client.post(SETUP, {"code": app_code(device), "next": "/admin/"})
    assert response.status_code == 200
    return response.context["codes"]


def test_after_the_password_a_caseworker_without_an_app_is_sent_to_set_one_up(caseworker):
    client = password_signed_in(caseworker)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response.url == f"{SETUP}?next=%2Fadmin%2F"


def test_the_set_up_page_shows_a_qr_code_and_the_key_to_type_with_an_accessible_code_field(caseworker):
    client = password_signed_in(caseworker)

    response = client.get(f"{SETUP}?next=/admin/")

    html = response.content.decode()
    device = TOTPDevice.objects.get(user=caseworker, confirmed=False)
    secret = b32encode(device.bin_key).decode()
    assert response.status_code == 200
    assert '<svg role="img"' in html and "<title>QR-code" in html
    assert " ".join(re.findall(".{4}", secret)) in html
    assert re.search(r'<label[^>]+for="id_code"', html)
    assert 'autocomplete="one-time-code"' in html and 'inputmode="numeric"' in html
    assert client.get(SETUP).context["secret"] == response.context["secret"]  # the same key until confirmed


def test_a_code_from_the_app_confirms_it_shows_backup_codes_once_and_opens_the_admin(caseworker):
    client = password_signed_in(caseworker)

    codes = enrol_through_the_page(client, caseworker)

    assert len(codes) == 10 and len(set(codes)) == 10
    assert TOTPDevice.objects.get(user=caseworker).confirmed
    assert client.get("/admin/").status_code == 200
    again = client.get(SETUP)
    assert again.status_code == 302 and codes[0] not in again.content.decode()


def test_a_wrong_code_is_refused_and_the_admin_stays_closed(caseworker):
    client = password_signed_in(caseworker)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=caseworker)

    response = client.post(SETUP, {"code": wrong_code(device)})

    assert response.status_code == 200
    assert "Die code klopt niet" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get("/admin/").status_code == 302


def test_before_the_code_neither_the_admin_nor_the_draaglast_nor_the_api_can_be_reached(caseworker, world):
    client = password_signed_in(caseworker)
    enrolled(caseworker)
    burden = reverse("marketplace_jobseeker:burden", args=[world.seeker.pk])

    pages = [client.get(url) for url in ("/admin/", burden, "/admin/pages/", "/portaal/")]
    draaglast = client.post(burden, {"action": "read", "purpose": "Intake"})
    api = client.get(f"/api/v1/seekers/{world.seeker.pk}/")

    assert all(page.status_code == 302 and page.url.startswith(VERIFY) for page in pages)
    assert draaglast.status_code == 302 and "SENTINEL-SCHULD" not in draaglast.content.decode()
    assert api.status_code == 403 and "authenticator" in api.json()["detail"]
    assert client.post("/admin/logout/").status_code == 302  # signing out stays possible


def test_a_caseworker_with_an_app_gives_its_code_after_the_password_and_gets_in(caseworker):
    device = enrolled(caseworker)
    client = password_signed_in(caseworker)
    asked = client.get("/admin/")

    response = client.post(asked.url, {"code": app_code(device)})

    assert asked.url == f"{VERIFY}?next=%2Fadmin%2F"
    assert response.status_code == 302 and response.url == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_the_code_page_refuses_a_wrong_code_and_after_many_asks_to_wait(caseworker):
    device = enrolled(caseworker)
    client = password_signed_in(caseworker)

    wrong = client.post(VERIFY, {"code": wrong_code(device)})
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=6,
                                                   throttling_failure_timestamp=timezone.now())
    right_but_too_soon = client.post(VERIFY, {"code": app_code(device)})

    assert "Die code klopt niet" in wrong.content.decode()
    assert "Wacht een minuut" in right_but_too_soon.content.decode()
    assert client.get("/admin/").status_code == 302


def test_a_backup_code_works_once(caseworker):
    codes = enrol_through_the_page(password_signed_in(caseworker), caseworker)

    first = password_signed_in(caseworker)
    used = first.post(BACKUP, {"code": codes[3].upper()})
    second = password_signed_in(caseworker)
    reused = second.post(BACKUP, {"code": codes[3]})

    assert used.status_code == 302 and first.get("/admin/").status_code == 200
    assert reused.status_code == 200 and "al gebruikt" in reused.content.decode()
    assert second.get("/admin/").status_code == 302


def test_a_superuser_must_use_two_steps_too(db):
    superuser = factories.UserFactory(username="beheerder", is_staff=True, is_superuser=True)

    assert password_signed_in(superuser).get("/admin/").url.startswith(SETUP)


@pytest.mark.parametrize("persona", ["employer_a", "seeker_user", "association"])
def test_people_who_cannot_open_the_draaglast_sign_in_with_their_password_alone(world, persona):
    client = Client()
    client.post("/accounts/login/", {"username": getattr(world, persona).username, "password": PASSWORD})

    response = client.get("/portaal/", follow=True)

    assert response.status_code == 200
    assert all(VERIFY not in url and SETUP not in url for url, _status in response.redirect_chain)


# The API ----------------------------------------------------------------------------------------------------

def test_the_token_endpoint_asks_caseworkers_for_the_code_from_their_app(caseworker, world):
    device = enrolled(caseworker)
    anonymous = APIClient()
    credentials = {"username": caseworker.username, "password": PASSWORD}

    without = anonymous.post(TOKEN, credentials, format="json")
    wrong = anonymous.post(TOKEN, {**credentials, "otp_code": wrong_code(device)}, format="json")
    # django-otp makes the next try wait a second after a wrong code; the app user would have waited.
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
    right = anonymous.post(TOKEN, {**credentials, "otp_code": app_code(device)}, format="json")

    assert without.status_code == 400 and "otp_code" in without.json()
    assert wrong.status_code == 400 and "otp_code" in wrong.json()
    assert right.status_code == 200
    anonymous.credentials(HTTP_AUTHORIZATION=f"Token {right.json()['token']}")
    assert anonymous.get(f"/api/v1/seekers/{world.seeker.pk}/").status_code == 200


def test_a_caseworker_without_an_app_gets_no_token_and_is_told_to_set_one_up(caseworker):
    response = APIClient().post(TOKEN, {"username": caseworker.username, "password": PASSWORD}, format="json")

    assert response.status_code == 400
    assert "/admin/" in response.json()["otp_code"][0]


def test_a_token_issued_without_the_code_does_not_work_for_a_caseworker(caseworker, world, client_for):
    old_client = client_for(caseworker)  # a token from before the app was set up
    enrolled(caseworker)

    response = old_client.get(f"/api/v1/seekers/{world.seeker.pk}/")

    assert response.status_code == 401
    assert "twee stappen" in response.json()["detail"]


def test_employers_keep_getting_tokens_with_their_password_alone(world):
    response = APIClient().post(TOKEN, {"username": world.employer_a.username, "password": PASSWORD}, format="json")

    assert response.status_code == 200


# The setting ------------------------------------------------------------------------------------------------

def required_with(**environment) -> bool:
    """REQUIRE_STAFF_2FA as the settings module reads it in a fresh process with this environment."""
    env = {key: value for key, value in os.environ.items() if key not in ("DEBUG", "REQUIRE_STAFF_2FA")}
    env.update(SECRET_KEY="only-for-this-test", **environment)
    result = subprocess.run(
        [sys.executable, "-c", "import json, config.settings as s; print(json.dumps(s.REQUIRE_STAFF_2FA))"],
        env=env, capture_output=True, text=True, cwd=django_settings.BASE_DIR, check=True,
    )
    return json.loads(result.stdout)


def test_two_steps_are_on_by_default_unless_debug_and_the_environment_can_say_otherwise():
    assert required_with() is True  # DEBUG is off by default
    assert required_with(DEBUG="false") is True
    assert required_with(DEBUG="true") is False
    assert required_with(DEBUG="true", REQUIRE_STAFF_2FA="true") is True
    assert required_with(DEBUG="false", REQUIRE_STAFF_2FA="false") is False


def test_an_administrator_can_reset_a_lost_app_so_that_the_next_sign_in_sets_up_a_new_one(caseworker, client_for):
    enrol_through_the_page(password_signed_in(caseworker), caseworker)
    client_for(caseworker)

    call_command("reset_two_factor", caseworker.username, stdout=StringIO())

    assert not TOTPDevice.objects.filter(user=caseworker).exists()
    assert not Token.objects.filter(user=caseworker).exists()
    assert password_signed_in(caseworker).get("/admin/").url.startswith(SETUP)
