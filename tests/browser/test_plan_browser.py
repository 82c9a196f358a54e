"""The plan of action in Chromium on the demo data, every page checked with axe-core.

The caseworker adds an action in the admin; the job seeker opens "My plan", reads what changed,
comments and agrees (also on a 375 px phone); the caseworker's page then shows the agreement and
the comment. The portal runs under /en/; the admin speaks Dutch, so its texts come from the catalogue.
"""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from marketplace.models import JobSeeker, Plan
from marketplace.models.plans import AgreementState
from tests.browser.accessibility import ADMIN_CONTENT, blocking_violations
from tests.browser.conftest import MOBILE
from tests.browser.sign_in import admin_sign_in, nl, portal_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NEW_ACTION = "Proefdag in de keuken van De Linde"
COMMENT = "Op woensdag kan ik ook."


@pytest.fixture
def site(demo):
    return demo


def test_the_caseworker_adds_an_action_and_the_seeker_comments_and_agrees_to_the_plan(page, site, screenshot):
    samira = JobSeeker.objects.get(first_name="Samira", last_name="Benali")
    plan_page = site + reverse("caseload:plan", args=[samira.pk])
    due = (timezone.localdate() + timedelta(days=20)).isoformat()

    admin_sign_in(page, site)
    page.goto(site + reverse("caseload:index") + "?q=Benali")
    page.get_by_role("link", name="Samira Benali").click()
    expect(page).to_have_url(plan_page)
    assert blocking_violations(page, ADMIN_CONTENT) == [], page.url
    page.locator("#id_description").fill(NEW_ACTION)
    page.locator("#id_owner_0").check()
    page.locator("#id_due_date").fill(due)
    page.get_by_role("button", name=nl("Add the action")).click()
    expect(page.get_by_role("cell", name=NEW_ACTION, exact=True)).to_be_visible()
    assert blocking_violations(page, ADMIN_CONTENT) == [], page.url

    portal_sign_in(page, site, "werkzoekende", language="en")
    expect(page).to_have_url(re.compile(r"/en/mijn/$"))
    page.get_by_role("navigation", name="My pages").get_by_role("link", name="My plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My plan")
    expect(page.get_by_role("heading", name="Your plan has changed")).to_be_visible()
    expect(page.get_by_text(f"New step: {NEW_ACTION}").first).to_be_visible()
    assert blocking_violations(page) == [], page.url

    page.get_by_label(re.compile(r"^Your comment")).fill(COMMENT)
    page.get_by_role("button", name="Send comment").click()
    expect(page.get_by_role("status")).to_contain_text("Your caseworker can read your comment")
    page.get_by_role("button", name="I agree with this plan").click()
    expect(page.get_by_text("You agreed to this plan on")).to_be_visible()
    assert blocking_violations(page) == [], page.url

    page.set_viewport_size(MOBILE)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "the plan scrolls sideways"
    expect(page.get_by_role("button", name="I agree with this plan")).to_have_count(0)
    assert blocking_violations(page) == [], page.url
    screenshot(page, "portal-seeker-plan")

    plan = Plan.objects.get(seeker=samira)
    assert plan.agreement_state == AgreementState.AGREED

    admin_sign_in(page, site)
    page.goto(plan_page)
    agreed = nl("The job seeker agreed to this plan on %(date)s (version %(version)s).").split("%(date)s")[0]
    expect(page.get_by_text(agreed.strip())).to_be_visible()
    expect(page.get_by_text(COMMENT)).to_be_visible()
    assert blocking_violations(page, ADMIN_CONTENT) == [], page.url
    screenshot(page, "admin-caseload-plan")
