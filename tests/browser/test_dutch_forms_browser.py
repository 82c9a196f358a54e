"""The forms in Dutch, the default language, in Chromium: decimals typed the Dutch way (14,40; 7,5; 12,5)
are stored exactly, and the days stored are the days ticked.

The wizard and the stapelbaan journeys are walked to the end; every other form that carries a
decimal or days (the employer's role and placement forms, and the admin forms we define) is filled
in once and what was stored is checked. The labels are looked up in the Dutch catalogue, so the
test reads the page as a Dutch user does.
"""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from marketplace.access import actor_for
from marketplace.constants import Weekday
from marketplace.models import JobAnalysis, Role, ServiceRequest, ServiceRequestStatus, Task
from marketplace.models.applications import Placement
from marketplace.services.applications import application_consent, application_invite, application_start_trial
from marketplace.services.bundles import BundleParameters, bundle_propose
from marketplace.services.service_requests import service_request_submit
from tests import factories
from tests.browser.accessibility import blocking_violations
from tests.browser.sign_in import nl, session_sign_in
from tests.carving_data import ensure_wagtail_site, hospital_analysis, supermarket_analysis
from tests.cms.public_site import add_postcode_areas_and_category
from tests.cms.test_admin import admin_user as staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SIMPLE = "1 Simple: anyone can do it after a short explanation"
SKILLED = "3 Skilled: needs a professional qualification"


def field(page, label: str, **params):
    """The control labelled with the Dutch ``label``, required or not."""
    text = re.escape(nl(label, **params))
    return page.get_by_label(re.compile(rf"^{text}( \({re.escape(nl('required'))}\))?$"))


def button(page, label: str, **params):
    return page.get_by_role("button", name=nl(label, **params), exact=True)


def day(page, name: str):
    return page.get_by_label(nl(name), exact=True)


def assert_accessible(page) -> None:
    assert blocking_violations(page) == [], page.url


@pytest.fixture
def site(live_server):
    ensure_wagtail_site()
    return live_server.url


# (a) The carving wizard to the end ------------------------------------------------------------------------------

def add_task(page, name, hours, start, end, days, complexity):
    field(page, "Task").fill(name)
    field(page, "Hours per week").fill(hours)
    page.get_by_label(re.compile(re.escape(nl(complexity)))).check()
    for name_of_day in days:
        day(page, name_of_day).check()
    field(page, "From").fill(start)
    field(page, "Until").fill(end)
    button(page, "Add the task").click()
    expect(page.get_by_role("cell", name=name, exact=True)).to_be_visible()


def test_the_carving_wizard_creates_a_role_with_a_wage_in_cents_in_dutch(page, world, site):
    session_sign_in(page, world.employer_a, site)
    page.goto(site + reverse("carving-create"))
    field(page, "Job title").fill("Verpleegkundige")
    field(page, "Number of staff in this job").fill("10")
    field(page, "Hours per week of one position").fill("36,5")
    field(page, "Hourly cost of the job (EUR)").fill("38,50")
    button(page, "Next: the tasks").click()
    assert_accessible(page)

    add_task(page, "Bedden opmaken", "7,5", "07:00", "11:00", ["Tuesday", "Thursday"], SIMPLE)
    add_task(page, "Maaltijden rondbrengen", "4,5", "11:30", "14:00", ["Tuesday", "Thursday"], SIMPLE)
    add_task(page, "Verpleegkundige zorg", "21", "07:00", "15:30", ["Monday", "Tuesday", "Wednesday"], SKILLED)
    assert_accessible(page)

    page.get_by_role("link", name=nl("Next: see the proposals")).click()
    expect(field(page, "Hourly wage of the new role (EUR)")).to_have_value("14,71")  # the suggested minimum
    field(page, "Smallest role (hours per week)").fill("7,5")
    field(page, "Hourly wage of the new role (EUR)").fill("14,40")
    button(page, "Update the proposals").click()
    expect(page.get_by_label(nl("Create role %(number)s", number=1))).to_be_checked()
    assert_accessible(page)

    button(page, "Next: review the roles").click()
    field(page, "Title of role %(number)s", number=1).fill("Zorgondersteuner")
    assert_accessible(page)
    button(page, "Create the draft role").click()
    expect(page.get_by_role("link", name="Zorgondersteuner")).to_be_visible()

    analysis = JobAnalysis.objects.get()
    assert (analysis.hours_per_week, analysis.hourly_cost) == (Decimal("36.50"), Decimal("38.50"))
    bedden = Task.objects.get(name="Bedden opmaken")
    assert (bedden.hours_per_week, bedden.weekdays) == (Decimal("7.50"), Weekday.TUE | Weekday.THU)
    role = Role.objects.get()
    assert role.hourly_wage == Decimal("14.40")
    assert str(role.hourly_wage) == "14.40"


# (b) A stapelbaan to the end --------------------------------------------------------------------------------------

@pytest.mark.parametrize("speed", [None, "12,5"], ids=["default 15,0", "12,5"])
def test_a_caseworker_creates_a_stapelbaan_in_dutch_with_the_travel_speed_as_typed(page, world, site, speed):
    hospital = hospital_analysis(world.employer_a, world.organisation_a)
    supermarket = supermarket_analysis(world.employer_b, world.organisation_b)
    session_sign_in(page, world.caseworker_a, site)
    page.goto(site + reverse("carving-bundles"))

    page.get_by_label("Bakkerij A: Verpleegkundige").check()
    page.get_by_label("Hotel B: Medewerker supermarkt").check()
    speed_field = field(page, "Travel speed between sites (km/h)")
    expect(speed_field).to_have_value("15,0")
    if speed:
        speed_field.fill(speed)
    button(page, "Show combined jobs").click()
    first = page.locator("article.proposal").first
    expect(first).to_be_visible()
    assert_accessible(page)

    # The travel times shown are worked out at exactly the speed typed (or shown).
    exact = Decimal((speed or "15,0").replace(",", "."))
    expected = bundle_propose(actor=actor_for(world.caseworker_a), analyses=[hospital, supermarket],
                              parameters=BundleParameters(target_min_hours=Decimal(8), target_max_hours=Decimal(24),
                                                          travel_speed_kmh=exact))
    for leg in expected.proposals[0].legs:
        expect(first).to_contain_text(f"{round(leg.minutes_needed)} minuten nodig")
    first.get_by_label(re.compile(rf"^{re.escape(nl('Hourly wage (EUR)'))}")).fill("14,40")
    first.get_by_role("button", name=nl("Create combined job %(number)s as a draft", number=1)).click()

    expect(page.get_by_text(nl("The combined job is created as a draft. Check it and publish it."))).to_be_visible()
    role = Role.objects.get()
    assert role.hourly_wage == Decimal("14.40")
    assert set(role.participating_organisations.values_list("name", flat=True)) == {"Bakkerij A", "Hotel B"}


# (c) Every other form with decimals or days, in Dutch ------------------------------------------------------------

def fill_employer_role_form(page, world, site):
    session_sign_in(page, world.employer_a, site)
    page.goto(site + reverse("employer-role-create"))
    field(page, "Title").fill("Kratten klaarzetten")
    field(page, "What is the work?").fill("Elke ochtend de kratten klaarzetten.")
    field(page, "Fewest hours a week").fill("8")
    field(page, "Most hours a week").fill("16")
    day(page, "Tuesday").check()
    day(page, "Thursday").check()
    field(page, "Hourly wage (EUR)").fill("14,40")
    field(page, "Postcode").fill("1234 AB")
    assert_accessible(page)
    button(page, "Save as draft").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kratten klaarzetten")
    role = Role.objects.get(title="Kratten klaarzetten")
    return (role.hourly_wage, role.weekdays), (Decimal("14.40"), Weekday.TUE | Weekday.THU)


def fill_placement_form(page, world, site):
    role = factories.RoleFactory(organisation=world.organisation_a, published=True, title="Afwassen",
                                 hours_min=8, hours_max=16, hourly_wage=Decimal("14.40"))
    application = application_invite(role=role, seeker=world.seeker, actor_user=world.employer_a)
    application_consent(application=application, actor_user=world.seeker_user)
    application_start_trial(application=application, actor_user=world.employer_a)
    session_sign_in(page, world.employer_a, site)
    page.goto(site + reverse("employer-application-place", args=[application.pk]))
    field(page, "Start date").fill("2025-09-01")
    field(page, "Hours a week").fill("12")
    field(page, "Hourly wage (EUR)").fill("15,10")
    assert_accessible(page)
    button(page, "Accept the placement").click()
    expect(page.get_by_role("status")).to_contain_text(nl("The placement is recorded. Congratulations!"))
    expect(page.get_by_text("€ 15,10 per uur")).to_be_visible()
    placement = Placement.objects.get()
    return ((placement.start_date, placement.hours_per_week, placement.hourly_wage),
            (datetime.date(2025, 9, 1), 12, Decimal("15.10")))


def triaged_request(world, timing_notes: str) -> ServiceRequest:
    category = add_postcode_areas_and_category(world.municipality_a, world.municipality_b)
    service_request = service_request_submit(
        municipality=world.municipality_a, category=category, description="De lijnen van het veld trekken.",
        street="Sportlaan 3", postcode="1234ab", city="Havenstad", requester_name="Mevrouw Jansen",
        requester_email="jansen@example.nl", requester_phone="0612345678", timing_notes=timing_notes)
    ServiceRequest.objects.filter(pk=service_request.pk).update(status=ServiceRequestStatus.TRIAGED)
    return service_request


def plan_as_roles(page, world, site, days):
    """The request asked for "zaterdag 9–13 uur": Saturday is proposed, and labelled as taken from the request."""
    service_request = triaged_request(world, "zaterdag 9–13 uur")
    session_sign_in(page, staff(world.caseworker_a, "view_servicerequest", "change_servicerequest"), site)
    page.goto(site + reverse("service_requests:plan", args=[service_request.pk]))
    expect(page.get_by_text(nl("Ticked from the request's preferred days or times: “%(notes)s”. Check them.",
                               notes="zaterdag 9–13 uur"))).to_be_visible()
    for name_of_day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Sunday"):
        expect(day(page, name_of_day)).not_to_be_checked()
    expect(day(page, "Saturday")).to_be_checked()
    if days != ["Saturday"]:
        day(page, "Saturday").uncheck()
        for name_of_day in days:
            day(page, name_of_day).check()
    page.locator('input[name="hourly_wage"]').fill("14,40")
    button(page, "Publish roles").click()
    expect(page).to_have_url(re.compile(rf"{reverse('service_requests:inspect', args=[service_request.pk])}$"))
    role = Role.objects.get(service_request=service_request)
    flags = sum(Weekday[{"Tuesday": "TUE", "Thursday": "THU", "Saturday": "SAT"}[name]] for name in days)
    return (role.weekdays, role.hourly_wage), (flags, Decimal("14.40"))


def plan_on_tuesday_and_thursday(page, world, site):
    return plan_as_roles(page, world, site, ["Tuesday", "Thursday"])


def plan_on_saturday_alone(page, world, site):
    return plan_as_roles(page, world, site, ["Saturday"])


def edit_role_in_the_admin(page, world, site):
    role = factories.RoleFactory(organisation=world.organisation_a, title="Afwassen", hourly_wage=Decimal("13.00"))
    session_sign_in(page, staff(world.caseworker_a, "view_role", "change_role"), site)
    page.goto(site + reverse("marketplace_role:edit", args=[role.pk]))
    expect(page.locator('input[name="hourly_wage"]')).to_have_value("13,00")
    page.locator('input[name="hourly_wage"]').fill("14,40")
    page.locator('input[name="hours_max"]').fill("12")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page).to_have_url(re.compile(r"/admin/marketplace/role/$"))
    role.refresh_from_db()
    return (role.hourly_wage, role.hours_max), (Decimal("14.40"), 12)


def edit_wage_subsidy_in_the_admin(page, world, site):
    subsidy = factories.InstrumentFactory(municipality=world.municipality_a, wage_cost_subsidy=True)
    session_sign_in(page, staff(world.caseworker_a, "view_instrument", "change_instrument"), site)
    page.goto(site + reverse("marketplace_instrument:edit", args=[subsidy.pk]))
    expect(page.locator('input[name="subsidy_percent"]')).to_have_value("50,00")
    page.locator('input[name="subsidy_percent"]').fill("37,5")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page).to_have_url(re.compile(r"/admin/marketplace/instrument/$"))
    subsidy.refresh_from_db()
    return subsidy.subsidy_percent, Decimal("37.50")


@pytest.mark.parametrize("fill", [
    fill_employer_role_form, fill_placement_form, plan_on_tuesday_and_thursday, plan_on_saturday_alone,
    edit_role_in_the_admin, edit_wage_subsidy_in_the_admin,
], ids=lambda fill: fill.__name__)
def test_each_form_stores_exactly_what_was_typed_and_ticked_in_dutch(page, world, site, fill):
    stored, typed = fill(page, world, site)
    assert stored == typed
