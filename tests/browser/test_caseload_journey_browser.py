"""One caseload journey in Chromium on the demo data, in Dutch, every page checked with axe-core.

The caseworker opens the worklist, then Samira Benali from her caseload pages: records a life-domains
assessment, adds a step to her plan and deploys an instrument with a provider, a cost typed the Dutch
way and her consent, ticked by the caseworker. Samira reads the new step on "Mijn plan" and agrees;
the provider's staff find her among their clients, open the new trajectory and report progress.
What each of them did is then found in the database exactly as typed and ticked.

Date fields are filled with ISO dates: the native date picker shows the browser's own format and
always sends ISO (marketplace/form_fields.py); the pages write dates back in Dutch words.
"""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from playwright.sync_api import expect

from marketplace.choices import AssignmentStatus
from marketplace.models import Assessment, InstrumentAssignment, JobSeeker, Plan, ProgressReport
from marketplace.models.assessments import DOMAINS
from marketplace.models.koffer import ReportAuthorKind
from marketplace.models.plans import ActionOwner, AgreementState
from tests.browser.accessibility import ADMIN_CONTENT, blocking_violations
from tests.browser.sign_in import admin_sign_in, nl, portal_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SCORES = {"income": 3, "daily_activities": 4, "social_network": 3, "language": 4}
NEW_ACTION = "Meelopen bij de schoonmaakploeg van Hotel Havenzicht"
INSTRUMENT = "Training Werknemersvaardigheden"
PROVIDER = "Re-integratie Havenstad"
REPORT = "Eerste trainingsochtend gehad: op tijd, goed meegedaan en zelf vragen gesteld."


def in_dutch(day) -> str:
    """``day`` as the admin and the portal write it: "5 december 2026"."""
    with translation.override("nl"):
        return date_format(day, "j F Y")


def assert_admin_page_accessible(page) -> None:
    assert blocking_violations(page, ADMIN_CONTENT) == [], page.url


def assert_portal_page_accessible(page) -> None:
    assert blocking_violations(page) == [], page.url


def submit_to_the_same_page(page, button) -> None:
    """Pages that post to themselves come back at the same address: wait for the new page, not for the address."""
    with page.expect_navigation():
        button.click()
    page.wait_for_load_state()


def open_caseload_page(page, samira: JobSeeker, url_name: str, label: str) -> None:
    """Follow the link to one of Samira's caseload pages, named in Dutch, from the one that is open."""
    url = reverse(url_name, args=[samira.pk])
    page.locator(f'nav a[href="{url}"]').filter(has_text=nl(label)).click()
    expect(page).to_have_url(re.compile(rf"{re.escape(url)}$"))
    page.wait_for_load_state()  # the address changes before the new page has arrived
    expect(page.locator("html")).to_have_attribute("lang", "nl")


def caseworker_finds_samira(page, site: str, samira: JobSeeker) -> None:
    admin_sign_in(page, site, "klantmanager")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    page.get_by_role("link", name=nl("Worklist"), exact=True).first.click()
    expect(page).to_have_url(site + reverse("worklist:index"))
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(nl("Worklist")))
    assert_admin_page_accessible(page)

    page.goto(site + reverse("caseload:index") + "?q=Benali")
    assert_admin_page_accessible(page)
    page.get_by_role("link", name=samira.full_name).click()
    expect(page).to_have_url(site + reverse("caseload:plan", args=[samira.pk]))
    assert_admin_page_accessible(page)


def caseworker_records_an_assessment(page, samira: JobSeeker, today) -> None:
    open_caseload_page(page, samira, "caseload:assessments", "Life-domains assessments")
    # One row per assessment, oldest first; the open domains only, as no purpose was given.
    rows = page.locator("#progress-heading ~ div table tbody tr")
    recorded_before = Assessment.objects.filter(seeker=samira).count()
    expect(rows).to_have_count(recorded_before)
    assert_admin_page_accessible(page)

    page.locator("#id_date").fill(today.isoformat())
    for domain, score in SCORES.items():
        page.locator(f"#id_{domain}").select_option(str(score))
    submit_to_the_same_page(page, page.get_by_role("button", name=nl("Record the assessment")))
    expect(rows).to_have_count(recorded_before + 1)
    expect(rows.last.get_by_role("rowheader")).to_have_text(in_dutch(today))
    assert_admin_page_accessible(page)


def caseworker_adds_an_action(page, samira: JobSeeker, due) -> None:
    open_caseload_page(page, samira, "caseload:plan", "Plan of action")
    page.locator("#id_description").fill(NEW_ACTION)
    page.locator(f"input[name='owner'][value='{ActionOwner.SEEKER}']").check()
    page.locator("#id_due_date").fill(due.isoformat())
    page.get_by_role("button", name=nl("Add the action")).click()
    expect(page.get_by_role("cell", name=NEW_ACTION, exact=True)).to_be_visible()
    assert_admin_page_accessible(page)


def caseworker_deploys_an_instrument(page, samira: JobSeeker, today) -> InstrumentAssignment:
    before = set(InstrumentAssignment.objects.filter(seeker=samira).values_list("pk", flat=True))
    open_caseload_page(page, samira, "caseload:instruments", "Instruments")
    expect(page.locator("#id_consent")).not_to_be_checked()  # the person's consent is never assumed
    assert_admin_page_accessible(page)

    page.locator("#id_instrument").select_option(label=INSTRUMENT)
    page.locator("#id_provider").select_option(label=PROVIDER)
    page.locator("#id_start_date").fill(today.isoformat())
    page.locator("#id_cost").fill("1250,50")
    page.locator("#id_plan_action").select_option(label=NEW_ACTION)
    page.locator("#id_consent").check()
    submit_to_the_same_page(page, page.locator('form:has(input[name="form"][value="assign"]) button[type="submit"]'))

    [assignment] = InstrumentAssignment.objects.filter(seeker=samira).exclude(pk__in=before)
    row = page.locator(f'tr[data-assignment="{assignment.pk}"]')
    expect(row).to_contain_text(INSTRUMENT)
    expect(row).to_contain_text(NEW_ACTION)
    expect(row).to_contain_text("1.250,50")
    expect(row).to_contain_text(in_dutch(today))
    assert_admin_page_accessible(page)
    return assignment


def seeker_agrees_to_the_plan(page, site: str, due, today) -> None:
    portal_sign_in(page, site, "werkzoekende")
    expect(page).to_have_url(f"{site}/mijn/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    assert_portal_page_accessible(page)

    page.get_by_role("navigation", name=nl("My pages")).get_by_role("link", name=nl("My plan")).click()
    expect(page).to_have_url(f"{site}/mijn/plan/")
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("My plan"))
    expect(page.get_by_role("heading", name=nl("Your plan has changed"))).to_be_visible()
    step = page.locator(".plan-action", has_text=NEW_ACTION)
    expect(step).to_contain_text(in_dutch(due))
    assert_portal_page_accessible(page)

    page.get_by_role("button", name=nl("I agree with this plan")).click()
    expect(page.get_by_text(nl("You agreed to this plan on %(date)s.", date=in_dutch(today)))).to_be_visible()
    expect(page.get_by_role("button", name=nl("I agree with this plan"))).to_have_count(0)
    assert_portal_page_accessible(page)


def provider_reports_progress(page, site: str, assignment: InstrumentAssignment, today) -> None:
    portal_sign_in(page, site, "aanbieder")
    expect(page).to_have_url(f"{site}/aanbieder/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    trajectory = page.locator(f"#trajectory-{assignment.pk}")
    expect(trajectory).to_contain_text(INSTRUMENT)
    assert_portal_page_accessible(page)

    trajectory.get_by_role("link", name="Samira Benali").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Samira Benali")
    expect(page.locator("#trajectory-heading + dl")).to_contain_text(in_dutch(today))
    expect(page.locator("#plan-heading ~ p strong")).to_have_text(NEW_ACTION)  # the step the trajectory serves
    assert_portal_page_accessible(page)

    page.locator("#id_date").fill(today.isoformat())
    page.locator("#id_text").fill(REPORT)
    page.locator(".provider-report button[type=submit]").click()
    expect(page.get_by_role("status")).to_be_visible()
    latest = page.locator(".provider-reports li").last
    expect(latest).to_contain_text(REPORT)
    expect(latest.locator("time")).to_have_text(in_dutch(today))
    expect(latest.locator("time")).to_have_attribute("datetime", today.isoformat())
    assert_portal_page_accessible(page)


def test_a_caseworker_a_job_seeker_and_a_provider_take_the_caseload_journey_in_dutch(page, demo):
    samira = JobSeeker.objects.get(user__username="werkzoekende")
    assert samira.full_name == "Samira Benali"
    today = timezone.localdate()
    due = today + timedelta(days=20)
    version_before = Plan.objects.get(seeker=samira).version

    caseworker_finds_samira(page, demo, samira)
    caseworker_records_an_assessment(page, samira, today)
    caseworker_adds_an_action(page, samira, due)
    assignment = caseworker_deploys_an_instrument(page, samira, today)
    seeker_agrees_to_the_plan(page, demo, due, today)
    provider_reports_progress(page, demo, assignment, today)

    assessment = Assessment.objects.filter(seeker=samira).latest("recorded_at")
    assert (assessment.date, assessment.recorded_by.username) == (today, "klantmanager")
    assert assessment.scores() == {domain: SCORES.get(domain) for domain in DOMAINS}

    plan = Plan.objects.get(seeker=samira)
    [action] = plan.actions.filter(description=NEW_ACTION)
    assert (action.owner, action.due_date) == (ActionOwner.SEEKER, due)
    assert plan.version > version_before
    assert (plan.agreement_state, plan.agreed_version) == (AgreementState.AGREED, plan.version)

    assignment.refresh_from_db()
    assert (assignment.instrument.name, assignment.provider.name, assignment.plan_action) == (
        INSTRUMENT, PROVIDER, action)
    assert (assignment.cost, assignment.start_date, assignment.status) == (
        Decimal("1250.50"), today, AssignmentStatus.ACTIVE)
    assert assignment.consent_at is not None

    [report] = ProgressReport.objects.filter(assignment=assignment)
    assert (report.text, report.date, report.author_kind, report.author.username, report.result) == (
        REPORT, today, ReportAuthorKind.PROVIDER, "aanbieder", "")
