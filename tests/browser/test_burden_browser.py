"""The draaglast page in Chromium on the demo data, in Dutch, every state checked with axe-core.

The caseworker states a purpose, sees the current picture and the version history, sets a severity,
saves, states a purpose again and finds the change as the newest version. The admin speaks Dutch, so
button names come from the catalogue.
"""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from marketplace.models import BurdenVersion, JobSeeker, SensitiveAccessLog
from tests.browser.accessibility import ADMIN_CONTENT, blocking_violations
from tests.browser.sign_in import admin_sign_in, nl

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def show_draaglast(page, purpose: str) -> None:
    page.locator("#id_purpose").fill(purpose)
    page.get_by_role("button", name=nl("Show draaglast")).click()
    expect(page.locator("#burden-history")).to_be_visible()


def test_the_caseworker_states_a_purpose_sets_a_severity_and_sees_it_in_the_version_history(page, demo, screenshot):
    samira = JobSeeker.objects.get(first_name="Samira", last_name="Benali")
    burden_page = demo + reverse("marketplace_jobseeker:burden", args=[samira.pk])

    admin_sign_in(page, demo)
    page.goto(burden_page)
    expect(page.locator("html")).to_have_attribute("lang", re.compile(r"^nl"))
    expect(page.locator("#burden-picture")).to_have_count(0)
    assert blocking_violations(page, ADMIN_CONTENT) == [], page.url

    show_draaglast(page, "Voorbereiding evaluatiegesprek")
    expect(page.locator("#burden-history tbody tr[data-version]")).to_have_count(2)
    expect(page.locator('#burden-picture tr[data-category="other"] td[data-severity="1"]')).to_have_count(1)
    assert blocking_violations(page, ADMIN_CONTENT) == [], page.url
    screenshot(page, "admin-draaglast")

    page.locator("#id_other_severity").select_option("2")
    page.get_by_role("button", name=nl("Save draaglast")).click()
    expect(page.locator("#id_purpose")).to_be_visible()  # after saving, nothing is shown without a new purpose
    expect(page.locator("#burden-history")).to_have_count(0)

    show_draaglast(page, "Controle van de wijziging")
    newest = page.locator('#burden-history tr[data-version="3"]')
    expect(newest).to_contain_text(nl("Serious"))
    expect(page.locator('#burden-picture tr[data-category="other"] td[data-severity="2"]')).to_have_count(1)
    assert blocking_violations(page, ADMIN_CONTENT) == [], page.url

    assert BurdenVersion.objects.get(seeker=samira, version=3).values["other_severity"] == 2
    assert list(SensitiveAccessLog.objects.filter(seeker=samira).order_by("id").values_list("purpose", flat=True)) == [
        "Voorbereiding evaluatiegesprek", "Controle van de wijziging"]
