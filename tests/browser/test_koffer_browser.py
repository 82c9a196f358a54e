"""The koffer in Chromium on the demo data, in Dutch, every page checked with axe-core.

The caseworker opens the instruments page of a job seeker from the caseload, deploys the language
course with the language school as provider, types the cost the Dutch way (1.250,50 as "1250,50"),
ticks the person's consent herself, and finds exactly that stored; the municipality's catalogue
opens too. The admin speaks Dutch, so labels are found by their fields, not by their words.
"""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from marketplace.demo.koffer import load_koffer_demo
from marketplace.models import InstrumentAssignment, JobSeeker
from tests.browser.accessibility import ADMIN_CONTENT, blocking_violations
from tests.browser.conftest import MOBILE
from tests.browser.sign_in import admin_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

COURSE = "Taalcursus NT2 (A2 naar B1)"


@pytest.fixture
def site(demo):
    users = get_user_model().objects.filter(username__in=["klantmanager", "klantmanager-veenwijk"])
    load_koffer_demo(caseworker_users=list(users))
    return demo


def test_the_caseworker_deploys_an_instrument_with_a_provider_consent_and_a_dutch_cost(page, site, screenshot):
    samira = JobSeeker.objects.get(first_name="Samira", last_name="Benali")
    instruments_page = site + reverse("caseload:instruments", args=[samira.pk])
    start = (timezone.localdate() + timedelta(days=14)).isoformat()
    before = set(InstrumentAssignment.objects.filter(seeker=samira).values_list("pk", flat=True))

    admin_sign_in(page, site)
    page.goto(site + reverse("caseload:plan", args=[samira.pk]))
    page.locator(f'nav a[href="{reverse("caseload:instruments", args=[samira.pk])}"]').click()
    expect(page).to_have_url(instruments_page)
    expect(page.locator("#id_instrument")).to_be_visible()  # the page itself, not only its address
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    assert blocking_violations(page, ADMIN_CONTENT) == [], page.url

    expect(page.locator("#id_consent")).not_to_be_checked()
    page.locator("#id_instrument").select_option(label=COURSE)
    page.locator("#id_provider").select_option(label="Taalschool De Brug")
    page.locator("#id_start_date").fill(start)
    page.locator("#id_cost").fill("1.250,50")  # grouped as the page shows amounts: € 1.250,50
    page.locator("#id_consent").check()
    # The page posts to itself and comes back to the same address: wait for the new page, not for the address.
    with page.expect_navigation():
        page.locator('form:has(input[name="form"][value="assign"]) button[type="submit"]').click()
    expect(page).to_have_url(instruments_page)
    page.wait_for_load_state()
    expect(page.locator("#assignments").get_by_text(COURSE).first).to_be_visible()
    assert blocking_violations(page, ADMIN_CONTENT) == [], page.url
    screenshot(page, "admin-caseload-instruments")

    [assignment] = InstrumentAssignment.objects.filter(seeker=samira).exclude(pk__in=before)
    assert (assignment.instrument.name, assignment.provider.name, assignment.cost, assignment.status) == (
        COURSE, "Taalschool De Brug", Decimal("1250.50"), "planned")
    assert assignment.consent_at is not None
    expect(page.locator(f'tr[data-assignment="{assignment.pk}"]')).to_contain_text("1.250,50")

    page.goto(site + reverse("marketplace_instrument:index"), wait_until="load")
    expect(page.get_by_role("link", name=COURSE)).to_be_visible()
    assert blocking_violations(page, ADMIN_CONTENT) == [], page.url
    name_cell = page.locator("table.listing td.title").filter(has_text=COURSE).bounding_box()
    assert name_cell["width"] >= 240, "the name column is squeezed until names break mid-word"
    expect(page.get_by_text("€ 3.400,00").first).to_be_visible()


def test_on_a_phone_the_instruments_form_stays_inside_the_screen(page, site):
    samira = JobSeeker.objects.get(first_name="Samira", last_name="Benali")

    admin_sign_in(page, site)
    page.set_viewport_size(MOBILE)
    page.goto(site + reverse("caseload:instruments", args=[samira.pk]), wait_until="load")

    width = page.evaluate("window.innerWidth")
    for field in ("#id_instrument", "#id_plan_action", "#id_provider", "#id_cost"):
        box = page.locator(field).bounding_box()
        assert box["x"] + box["width"] <= width, f"{field} runs past the right edge"
    assert blocking_violations(page, ADMIN_CONTENT) == [], page.url
