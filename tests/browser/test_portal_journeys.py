"""The three portal journeys in Chromium on the demo data, each page checked with axe-core.

(1) The job seeker signs in, sees work that fits with its reasons, shows interest and agrees to an
introduction; (2) the employer sees the anonymous card, introduces the candidate, sees the name,
and accepts a trial and a placement; (3) the association files a request and sees its status.
The English interface under /en/ keeps the assertions independent of the Dutch translations.
"""

import re

import pytest
from playwright.sync_api import expect

from marketplace.choices import ApplicationStatus
from marketplace.models import JobSeeker, Role
from marketplace.models.applications import Application
from marketplace.services.applications import application_express_interest
from tests.browser.accessibility import blocking_violations
from tests.browser.sign_in import portal_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DEMO_SEEKER_NAME = "Samira Benali"
HOSPITAL_ROLE = "Bedden opmaken en kamers klaarzetten"


def assert_accessible(page, visited: list[str]) -> None:
    visited.append(page.url)
    assert blocking_violations(page) == [], page.url


def sign_in(page, base_url: str, username: str, visited: list[str]) -> None:
    """Sign in through the English login page, which counts as a visited page and is checked too."""
    portal_sign_in(page, base_url, username, language="en", on_login_page=lambda: assert_accessible(page, visited))


def test_a_job_seeker_finds_work_that_fits_shows_interest_and_agrees_to_an_introduction(page, demo, screenshot):
    visited: list[str] = []
    page.goto(f"{demo}/en/accounts/password_reset/")
    assert_accessible(page, visited)
    sign_in(page, demo, "werkzoekende", visited)
    expect(page).to_have_url(re.compile(r"/en/mijn/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello Samira")
    assert_accessible(page, visited)

    page.get_by_role("navigation", name="My pages").get_by_role("link", name="Work that fits you").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Work that fits you")
    first = page.locator(".match").first
    expect(first.locator(".reasons li").first).to_be_visible()
    screenshot(page, "portal-seeker-matches")
    assert_accessible(page, visited)

    title = first.locator(".card__title a").inner_text()
    first.locator(".card__title a").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    assert_accessible(page, visited)
    page.get_by_role("button", name="Show interest").click()

    expect(page.get_by_role("status")).to_contain_text("Your caseworker will contact you")
    expect(page.get_by_text("You showed interest. Your caseworker will contact you.")).to_be_visible()
    assert_accessible(page, visited)
    page.get_by_role("button", name="Yes, they may see my name and contact details").click()
    expect(page.get_by_role("status")).to_contain_text("Thank you.")
    screenshot(page, "portal-seeker-application")
    assert_accessible(page, visited)

    application = Application.objects.get(seeker__first_name="Samira", role__title=title)
    assert application.seeker_consented_at is not None

    for name in ("My applications", "My profile", "Consent", "My data"):
        page.get_by_role("navigation", name="My pages").get_by_role("link", name=name, exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(page, visited)
    page.get_by_role("navigation", name="My pages").get_by_role("link", name="Find work").click()
    assert_accessible(page, visited)
    assert len(visited) == 12


def test_an_employer_introduces_an_anonymous_candidate_and_accepts_a_trial_and_a_placement(page, demo, screenshot):
    seeker = JobSeeker.objects.get(first_name="Samira", last_name="Benali")
    role = Role.objects.get(title=HOSPITAL_ROLE)
    application, _created = application_express_interest(seeker=seeker, role=role)
    visited: list[str] = []

    sign_in(page, demo, "werkgever", visited)
    expect(page).to_have_url(re.compile(r"/en/werkgever/$"))
    assert_accessible(page, visited)

    page.get_by_role("navigation", name="Employer pages").get_by_role("link", name="My roles").click()
    assert_accessible(page, visited)
    page.get_by_role("link", name=HOSPITAL_ROLE).click()
    expect(page.get_by_role("heading", name="Candidates who fit")).to_be_visible()
    assert DEMO_SEEKER_NAME not in page.content()
    screenshot(page, "portal-employer-role")
    assert_accessible(page, visited)

    page.get_by_role("link", name=f"Candidate {application.candidate_number}").click()
    expect(page.get_by_role("heading", name=f"Candidate {application.candidate_number}")).to_be_visible()
    assert DEMO_SEEKER_NAME not in page.content()
    assert_accessible(page, visited)

    page.get_by_role("button", name="Introduce: see name and contact details").click()
    expect(page.get_by_role("heading", name=DEMO_SEEKER_NAME)).to_be_visible()
    page.get_by_role("button", name="Accept a trial").click()
    expect(page.get_by_role("status")).to_contain_text("The trial is agreed")
    assert_accessible(page, visited)

    page.get_by_role("link", name="Accept a placement").click()
    page.get_by_role("button", name="Accept the placement").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_label(re.compile(r"^Start date"))).to_have_attribute("aria-invalid", "true")
    assert_accessible(page, visited)
    page.get_by_label(re.compile(r"^Start date")).fill("2026-03-02")
    page.get_by_label(re.compile(r"^Hours a week")).fill("16")
    page.get_by_label("A job coach supports the new colleague").check()
    page.get_by_role("button", name="Accept the placement").click()

    expect(page.get_by_role("status")).to_contain_text("The placement is recorded")
    screenshot(page, "portal-employer-placed")
    assert_accessible(page, visited)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.PLACED
    assert application.placement.has_job_coach

    page.get_by_role("link", name="End the placement").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("End the placement")
    assert_accessible(page, visited)
    menu = page.get_by_role("navigation", name="Employer pages")
    menu.get_by_role("link", name="Candidates and applications").click()
    expect(page.get_by_role("link", name=DEMO_SEEKER_NAME)).to_be_visible()
    assert_accessible(page, visited)
    menu.get_by_role("link", name="My roles").click()
    page.get_by_role("link", name="Post new work").click()
    page.get_by_role("button", name="Save as draft").click()
    expect(page.get_by_label(re.compile(r"^Title"))).to_have_attribute("aria-invalid", "true")
    assert_accessible(page, visited)
    page.goto(f"{demo}/en/mijn/")
    expect(page.get_by_role("heading", level=1)).to_have_text("This page is not for your account")
    assert_accessible(page, visited)


def test_an_association_files_a_request_and_sees_its_status(page, demo, screenshot):
    visited: list[str] = []
    sign_in(page, demo, "vereniging", visited)
    expect(page).to_have_url(re.compile(r"/en/vereniging/$"))
    assert_accessible(page, visited)

    page.get_by_role("link", name="New request").first.click()
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_label(re.compile(r"^What needs doing"))).to_have_attribute("aria-invalid", "true")
    assert_accessible(page, visited)

    page.get_by_role("group", name=re.compile(r"^Kind of service")).get_by_role("radio").first.check()
    page.get_by_label(re.compile(r"^What needs doing")).fill("De lijnen op het hockeyveld moeten opnieuw.")
    page.get_by_label(re.compile(r"^Street and house number")).fill("Sportlaan 3")
    page.get_by_label(re.compile(r"^Postcode")).fill("7413 AB")
    page.get_by_label("Every month").check()
    page.get_by_role("button", name="Send the request").click()

    expect(page.get_by_role("status")).to_contain_text("We have received your request")
    expect(page.locator(".status").first).to_have_text(re.compile("Submitted"))
    screenshot(page, "portal-association-request")
    assert_accessible(page, visited)

    page.get_by_role("navigation", name="Association pages").get_by_role("link", name="My requests").click()
    # The demo association starts with requests of its own; the new one is listed first.
    rows = page.get_by_role("row")
    expect(rows).to_have_count(1 + 4 + 1)  # the header, the demo's four requests and the new one
    expect(rows.nth(1).get_by_role("cell").last).to_have_text(re.compile("Submitted"))
    assert_accessible(page, visited)
