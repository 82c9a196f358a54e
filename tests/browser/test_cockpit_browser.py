"""The caseload cockpit in Chromium on the demo data, in Dutch, every page checked with axe-core.

The caseworker signs in and finds the charts of their caseload on the admin home, each printing the
numbers its table holds; the team leader opens the cockpit of the municipality, switches to one
caseworker and downloads that caseload as an Excel file, which holds exactly those people. On a
phone the charts keep labels of at least 12 px and the page never scrolls sideways; on a laptop a
wide table scrolls inside its own region instead of running past the panel.
"""

import re

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from marketplace.choices import SeekerStatus
from marketplace.models import JobSeeker
from tests.browser.accessibility import ADMIN_CONTENT, blocking_violations
from tests.browser.conftest import MOBILE
from tests.browser.sign_in import admin_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
LAPTOP = {"width": 1366, "height": 768}

def chart_matches_table(page, chart_id: str) -> list[str]:
    """The numbers printed in the chart, after checking they are the table's, row for row."""
    printed = page.locator(f"svg#{chart_id} .cockpit-value").all_text_contents()
    in_table = page.locator(f"#{chart_id}-table tbody tr td:first-of-type").all_text_contents()
    labels = page.locator(f"svg#{chart_id} .cockpit-label").all_text_contents()
    row_labels = page.locator(f"#{chart_id}-table tbody th").all_text_contents()
    assert printed == in_table and printed, chart_id
    assert all(row_label in label for label, row_label in zip(labels, row_labels, strict=True)), chart_id
    return printed


def total(numbers: list[str]) -> int:
    return sum(int(number.replace(".", "")) for number in numbers)


def caseload_of(username: str) -> int:
    return JobSeeker.objects.filter(caseworker__user__username=username).exclude(status=SeekerStatus.EXITED).count()


def test_the_caseworker_sees_the_charts_of_their_caseload_on_the_admin_home(page, demo, screenshot):
    admin_sign_in(page, demo, "klantmanager")

    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator("svg#home-rung")).to_be_visible()
    for panel in ("cockpit-worklist", "cockpit-caseload", "cockpit-funnel", "cockpit-instruments"):
        expect(page.locator(f"#{panel}-section")).to_be_visible()
    assert total(chart_matches_table(page, "home-rung")) == caseload_of("klantmanager")
    assert total(chart_matches_table(page, "home-category")) == caseload_of("klantmanager")
    if page.locator("svg#home-funnel").count():
        chart_matches_table(page, "home-funnel")
    expect(page.locator("svg#home-rung")).to_have_attribute("role", "img")
    assert blocking_violations(page, ADMIN_CONTENT) == [], page.url
    screenshot(page, "cockpit-home")


def test_the_team_leader_switches_to_one_caseworker_and_downloads_that_caseload(page, demo, screenshot, tmp_path):
    caseworker = get_user_model().objects.get(username="klantmanager").caseworker
    admin_sign_in(page, demo, "teamleider")
    page.goto(f"{demo}/admin/cockpit/")
    expect(page.locator("svg#cockpit-rung")).to_be_visible()

    everyone = total(chart_matches_table(page, "cockpit-rung"))
    assert everyone == JobSeeker.objects.filter(municipality=caseworker.municipality).exclude(
        status=SeekerStatus.EXITED).count()
    assert blocking_violations(page, ADMIN_CONTENT) == [], page.url

    page.locator("#cockpit-scope-form select").select_option(str(caseworker.pk))
    page.locator("#cockpit-scope-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"scope={caseworker.pk}"))
    page.wait_for_load_state()
    expect(page.locator("#cockpit-scope")).to_contain_text(str(caseworker))
    mine = total(chart_matches_table(page, "cockpit-rung"))
    assert mine == caseload_of("klantmanager") <= everyone
    assert blocking_violations(page, ADMIN_CONTENT) == [], page.url
    screenshot(page, "cockpit-team-leader")

    with page.expect_download() as download_info:
        page.locator("#export-caseload button[value=xlsx]").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    rows = list(openpyxl.load_workbook(path, read_only=True).active.iter_rows(values_only=True))
    assert len(rows) == 1 + mine
    assert {row[3] for row in rows[1:]} == {str(caseworker)}


def scrolls_sideways(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")


def test_on_a_phone_the_charts_keep_readable_labels_and_the_page_does_not_scroll_sideways(page, demo, screenshot):
    page.set_viewport_size(MOBILE)
    admin_sign_in(page, demo, "teamleider")
    page.goto(f"{demo}/admin/cockpit/")
    expect(page.locator("svg#cockpit-rung")).to_be_visible()

    for chart_id in ("cockpit-rung", "cockpit-category"):
        label = page.locator(f"svg#{chart_id} .cockpit-label").first
        height = label.evaluate("text => text.getBoundingClientRect().height")
        scale = page.locator(f"svg#{chart_id}").evaluate(
            "svg => svg.getBoundingClientRect().width / svg.viewBox.baseVal.width")
        assert height >= 12 and 14 * scale >= 12, (chart_id, height, scale)
        region = page.locator(f"svg#{chart_id}").locator("xpath=..")
        assert (region.get_attribute("role"), region.get_attribute("tabindex")) == ("region", "0")
    assert not scrolls_sideways(page)
    assert blocking_violations(page, ADMIN_CONTENT) == [], page.url
    screenshot(page, "cockpit-phone")


def test_on_a_laptop_every_table_fits_in_its_panel_or_scrolls_inside_it(page, demo):
    page.set_viewport_size(LAPTOP)
    admin_sign_in(page, demo, "teamleider")
    page.goto(f"{demo}/admin/cockpit/")
    expect(page.locator("#cockpit-results")).to_be_attached()

    for table in page.locator("main table.cockpit-table").all():
        region = table.locator("xpath=..")
        name = table.get_attribute("id")
        assert region.get_attribute("role") == "region" and region.get_attribute("aria-label"), name
        right = region.evaluate("box => box.getBoundingClientRect().right")
        assert right <= LAPTOP["width"], name
    results = page.locator("#cockpit-results").locator("xpath=..")
    assert results.evaluate("box => getComputedStyle(box).overflowX") == "auto"
    assert not scrolls_sideways(page)
