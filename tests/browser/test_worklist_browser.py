"""The worklist in Chromium on the demo data, every page checked with axe-core, the admin in Dutch.

The caseworker opens the worklist, opens a person who has not been contacted for too long, records a
contact (the log shows its date in Dutch) and confirms the proposed category with a reason; back on
the worklist the person's no-contact signal is gone.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import override
from playwright.sync_api import expect

from marketplace.demo.caseload import load_caseload_demo
from marketplace.models import CaseloadCategory, CategoryPlacement, ContactMoment, JobSeeker, Municipality
from marketplace.selectors.categories import proposal_of
from tests.browser.accessibility import ADMIN_CONTENT, blocking_violations
from tests.browser.sign_in import admin_sign_in, nl

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

REASON = "Heeft een jobcoach nodig bij de start; zo afgesproken in het gesprek."


@pytest.fixture
def site(demo):
    load_caseload_demo(caseworker_user=get_user_model().objects.get(username="klantmanager"),
                       municipalities=Municipality.objects.all())
    return demo


def signals_of(page, seeker_pk: int):
    return page.locator(f"#worklist tr[data-seeker='{seeker_pk}'] li[data-signal]")


def test_the_caseworker_works_through_the_worklist(page, site, screenshot):
    today = timezone.localdate()
    admin_sign_in(page, site)
    page.get_by_role("link", name=nl("Worklist"), exact=True).first.click()
    expect(page).to_have_url(site + reverse("worklist:index"))
    expect(page.locator("#worklist caption")).to_have_count(1)
    assert blocking_violations(page, ADMIN_CONTENT) == [], page.url
    screenshot(page, "admin-worklist")

    row = page.locator("#worklist tbody tr:has(li[data-signal='no_contact'])").first
    seeker = JobSeeker.objects.get(pk=int(row.get_attribute("data-seeker")))
    row.get_by_role("link", name=seeker.full_name).click()
    expect(page).to_have_url(site + reverse("caseload:contacts", args=[seeker.pk]))
    assert blocking_violations(page, ADMIN_CONTENT) == [], page.url

    # The native date field shows the date in the browser's own format and sends it as ISO 8601; the log
    # then writes it out in Dutch.
    page.locator("#id_date").fill(today.isoformat())
    page.locator("input[name='kind'][value='phone']").check()
    page.locator("#id_note").fill("Gebeld over de proefplaats bij de bakkerij.")
    page.get_by_role("button", name=nl("Record the contact")).click()
    with override("nl"):
        dutch_today = date_format(today, "j F Y")
    expect(page.locator("#contact-log tbody tr").first.get_by_role("rowheader")).to_have_text(dutch_today)
    assert ContactMoment.objects.filter(seeker=seeker, date=today, recorded_by__username="klantmanager").exists()
    assert blocking_violations(page, ADMIN_CONTENT) == [], page.url

    page.get_by_role("navigation").get_by_role("link", name=nl("Category", context="caseload"), exact=True).click()
    expect(page).to_have_url(site + reverse("caseload:category", args=[seeker.pk]))
    proposed = CaseloadCategory.objects.get(municipality=seeker.municipality, key=proposal_of(seeker).key)
    choice = page.locator(f"input[name='category'][value='{proposed.pk}']")
    expect(page.locator("input[name='category']:checked")).to_have_count(0)  # nothing chosen for the caseworker
    assert blocking_violations(page, ADMIN_CONTENT) == [], page.url
    choice.check()
    page.locator("#id_reason").fill(REASON)
    page.get_by_role("button", name=nl("Place in this category")).click()
    expect(page.locator("#placement-history tbody tr").first).to_contain_text(REASON)
    placement = CategoryPlacement.objects.filter(seeker=seeker).first()
    assert (placement.category, placement.proposed_key, placement.reason) == (proposed, proposed.key, REASON)
    assert blocking_violations(page, ADMIN_CONTENT) == [], page.url
    screenshot(page, "admin-caseload-category")

    page.goto(site + reverse("worklist:index"))
    expect(signals_of(page, seeker.pk).and_(page.locator("[data-signal='no_contact']"))).to_have_count(0)
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(nl("Worklist")))
