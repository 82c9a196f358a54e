"""A caseworker sets up two-step sign-in in Chromium: password, QR code, code from the app, backup codes, admin.

Every page on the way is checked with axe-core; the code is computed from the device's key, as the
authenticator app on a phone would.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests import factories
from tests.browser.accessibility import blocking_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

@pytest.fixture
def caseworker(settings):
    settings.REQUIRE_STAFF_2FA = True
    user = factories.CaseworkerFactory(user__username="klantmanager-2fa").user
    user.is_staff = True
    user.save()
    user.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin",
                                                     codename="access_admin"))
    return get_user_model().objects.get(pk=user.pk)


def test_a_caseworker_sets_up_an_authenticator_app_and_reaches_the_admin(page, live_server, caseworker,
                                                                          screenshot):
    page.goto(f"{live_server.url}/admin/login/")
    page.locator("#id_username").fill(caseworker.username)
    page.locator("#id_password").fill("geheim-wachtwoord-123")
    page.locator("#id_password").press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen in twee stappen instellen")
    expect(page.get_by_role("img", name=re.compile("QR-code"))).to_be_visible()
    assert blocking_violations(page) == []
    screenshot(page, "two-factor-setup")

    device = TOTPDevice.objects.get(user=caseworker)
    page.get_by_label(re.compile("^Code uit je authenticator-app")).fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Bevestigen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Bewaar je reservecodes")
    expect(page.locator("ol code")).to_have_count(10)
    assert blocking_violations(page) == []
    page.get_by_role("link", name="Ik heb de codes bewaard, verder").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
