"""An employer walks the job-carving wizard once in Chromium: job, tasks, proposals, review, publish."""

import re

import pytest
from playwright.sync_api import expect

from marketplace.choices import RoleStatus
from marketplace.models import Role
from tests.browser.accessibility import blocking_violations
from tests.browser.sign_in import session_sign_in
from tests.carving_data import ensure_wagtail_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# The English interface under /en/ keeps the test independent of the Dutch translations.
WIZARD = "/en/werkgever/werkanalyses/"


WORKWEEK_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def add_task(page, name, hours, start, end, complexity="1 Simple", days=WORKWEEK_DAYS):
    page.get_by_label("Task (required)", exact=True).fill(name)
    page.get_by_label("Hours per week (required)", exact=True).fill(hours)
    page.get_by_label(re.compile(complexity)).check()
    for day in days:
        page.get_by_label(day, exact=True).check()
    page.get_by_label("From (required)", exact=True).fill(start)
    page.get_by_label("Until (required)", exact=True).fill(end)
    page.get_by_role("button", name="Add the task").click()
    expect(page.get_by_role("cell", name=name, exact=True)).to_be_visible()


def test_an_employer_carves_a_hospital_job_and_publishes_the_role(page, world, live_server, screenshot):
    ensure_wagtail_site()
    session_sign_in(page, world.employer_a, live_server.url)

    page.goto(live_server.url + WIZARD)
    page.get_by_role("link", name="Analyse a job").click()
    page.get_by_label("Job title").fill("Verpleegkundige")
    page.get_by_label("Number of staff in this job").fill("10")
    page.get_by_label("Hours per week of one position").fill("36")
    page.get_by_label("Hourly cost of the job (EUR)").fill("38.50")
    page.get_by_role("button", name="Next: the tasks").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tasks of Verpleegkundige")

    page.get_by_role("button", name="Add the task").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_label("Task (required)", exact=True)).to_have_attribute("aria-invalid", "true")

    add_task(page, "Verpleegkundige zorg", "21", "07:00", "15:30", complexity="3 Skilled")
    add_task(page, "Bedden opmaken", "6", "07:00", "09:00")
    add_task(page, "Maaltijden rondbrengen", "5", "11:30", "12:30")
    add_task(page, "Voorraad aanvullen", "4", "14:00", "15:00", complexity="2 Routine")
    page.get_by_role("button", name="Move Verpleegkundige zorg down").click()
    expect(page.locator("tbody tr").first).to_contain_text("Bedden opmaken")
    assert blocking_violations(page) == []
    screenshot(page, "carving-tasks")

    page.get_by_role("link", name="Next: see the proposals").click()
    expect(page.get_by_role("heading", name="Role 1: 15 hours a week")).to_be_visible()
    expect(page.get_by_text("Net saving per year")).to_be_visible()
    page.get_by_label("Smallest role (hours per week)").fill("20")
    page.get_by_role("button", name="Update the proposals").click()
    expect(page.locator("#id_target_min_hours_errors")).to_be_visible()
    page.get_by_label("Smallest role (hours per week)").fill("8")
    page.get_by_role("button", name="Update the proposals").click()
    expect(page.get_by_label("Create role 1")).to_be_checked()
    assert blocking_violations(page) == []
    screenshot(page, "carving-proposals")

    page.get_by_role("button", name="Next: review the roles").click()
    page.get_by_label("Title of role 1").fill("Zorgondersteuner")
    page.get_by_role("button", name="Create the draft role").click()
    expect(page.get_by_role("link", name="Zorgondersteuner")).to_be_visible()

    page.get_by_role("button", name="Publish Zorgondersteuner").click()
    expect(page.get_by_text("“Zorgondersteuner” is published.")).to_be_visible()
    role = Role.objects.get()
    assert (role.status, role.hours_min, role.hours_max) == (RoleStatus.PUBLISHED, 15, 15)
    screenshot(page, "carving-role")
