"""The provider's portal in Chromium, in Dutch, on the demo data, every page checked with axe-core.

The demo provider's staff member signs in to the Dutch site, opens a client from "my clients",
first sends a report without text (the error is on the field and the date chosen stays), then
reports progress and sees the report listed with its date in Dutch words; also on a 375 px phone.
"""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone, translation
from playwright.sync_api import expect

from marketplace.demo.providers import load_providers_demo
from marketplace.formatting import readable_date
from marketplace.models import ProgressReport
from marketplace.models.koffer import ReportAuthorKind
from tests.browser.accessibility import blocking_violations
from tests.browser.conftest import MOBILE
from tests.browser.sign_in import portal_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

REPORT = "Meeloopdag bij Hotel Havenzicht gehad; de leidinggevende was enthousiast."


@pytest.fixture
def site(demo):
    users = get_user_model().objects.in_bulk(["klantmanager", "aanbieder", "werkzoekende"], field_name="username")
    load_providers_demo(caseworker_user=users["klantmanager"], provider_user=users["aanbieder"],
                        seeker_user=users["werkzoekende"])
    return demo


def choose_date(page, day) -> None:
    """The date picker shows the browser's own format and always sends ISO (see marketplace/form_fields.py)."""
    page.locator("#id_date").fill(day.isoformat())


def in_dutch(day) -> str:
    with translation.override("nl"):
        return readable_date(day)


def test_provider_staff_report_progress_on_a_client_in_dutch(page, site, screenshot):
    yesterday = timezone.localdate() - timedelta(days=1)

    portal_sign_in(page, site, "aanbieder")
    expect(page).to_have_url(re.compile(r"/aanbieder/$"))
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    assert page.locator("script").count() == 0
    assert blocking_violations(page) == [], page.url
    page.get_by_role("link", name="Samira Benali").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Samira Benali")
    assert page.locator("script").count() == 0
    assert blocking_violations(page) == [], page.url

    choose_date(page, yesterday)
    page.locator(".provider-report button[type=submit]").click()
    expect(page.locator("#id_text")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_date")).to_have_value(yesterday.isoformat())
    assert not ProgressReport.objects.filter(text=REPORT).exists()
    assert blocking_violations(page) == [], page.url

    page.locator("#id_text").fill(REPORT)
    page.locator(".provider-report button[type=submit]").click()
    expect(page.get_by_role("status")).to_be_visible()
    latest = page.locator(".provider-reports li").last
    expect(latest).to_contain_text(REPORT)
    expect(latest.locator("time")).to_have_text(in_dutch(yesterday))  # "4 december 2026"
    expect(latest.locator("time")).to_have_attribute("datetime", yesterday.isoformat())
    report = ProgressReport.objects.get(text=REPORT)
    assert (report.date, report.author_kind, report.result) == (yesterday, ReportAuthorKind.PROVIDER, "")
    assert blocking_violations(page) == [], page.url

    page.set_viewport_size(MOBILE)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways"
    assert blocking_violations(page) == [], page.url
    screenshot(page, "portal-provider-client")


def test_on_a_phone_every_column_of_my_clients_is_on_the_screen(page, site):
    portal_sign_in(page, site, "aanbieder")
    page.set_viewport_size(MOBILE)
    page.reload(wait_until="load")

    width = page.evaluate("window.innerWidth")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways"
    cells = page.locator(".provider-clients tbody tr").first.locator("td")
    assert cells.count() == 4
    for index in range(cells.count()):
        box = cells.nth(index).bounding_box()
        assert box is not None and box["x"] + box["width"] <= width, f"column {index + 1} is off-screen"
    assert blocking_violations(page) == [], page.url

