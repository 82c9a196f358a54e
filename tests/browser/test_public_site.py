"""Journeys through the public site in Chromium, with axe-core checks and screenshots at two widths."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from playwright.sync_api import expect

from marketplace.constants import Weekday
from marketplace.models import Role, ServiceRequest, ServiceRequestStatus
from tests.browser.accessibility import blocking_violations
from tests.browser.sign_in import admin_sign_in
from tests.cms.public_site import build_public_site, publish_varied_roles
from tests.cms.test_service_requests import staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

@pytest.fixture
def site(world, live_server):
    cache.clear()
    built = build_public_site(world.municipality_a)
    built.roles = publish_varied_roles(world.organisation_a)
    built.url = live_server.url
    return built


def fill_request_form(page, **overrides) -> None:
    values = {"Uw naam": "Mevrouw Jansen", "E-mailadres": "jansen@example.nl", "Telefoonnummer": "06 12345678",
              "Straat en huisnummer": "Lindelaan 12", "Postcode": "1234 ab", "Plaats": "Havenstad",
              "Wat moet er gebeuren?": "De heg langs de stoep is te hoog geworden."}
    values.update(overrides)
    for label, value in values.items():
        page.get_by_label(re.compile(rf"^{re.escape(label)}")).fill(value)
    page.get_by_label("Elke maand").check()


def test_job_seeker_goes_from_home_to_roles_filters_and_opens_a_role(page, site, screenshot):
    page.goto(site.url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Werk dat past, dicht bij huis")
    screenshot(page, "home")

    page.get_by_role("link", name="Bekijk open werk").click()
    expect(page).to_have_url(re.compile(r"/werk/$"))
    expect(page.get_by_role("heading", name="2 werkplekken gevonden")).to_be_visible()

    page.get_by_label("Soort werk").select_option("buurtdienst")
    page.get_by_label("Uw postcode").fill("1234")
    page.get_by_role("button", name="Toon werk").click()
    expect(page.get_by_role("heading", name="1 werkplek gevonden")).to_be_visible()
    expect(page.get_by_label("Soort werk")).to_have_value("buurtdienst")
    screenshot(page, "roles-filtered")

    page.get_by_role("link", name="Heggen knippen in de wijk").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Heggen knippen in de wijk")
    sign_in = page.get_by_role("link", name="Log in om interesse te tonen")
    expect(sign_in).to_have_attribute("href", re.compile(rf"next=%2Fwerk%2F{site.roles.near_green.pk}%2F"))
    screenshot(page, "role-detail")


def test_resident_requests_a_service_and_sees_the_confirmation(page, site, screenshot):
    page.goto(f"{site.url}{site.green.url}")
    page.get_by_role("button", name="Aanvraag versturen").click()
    expect(page.get_by_role("alert")).to_contain_text("problemen met uw antwoorden")
    expect(page.get_by_label(re.compile(r"^Postcode"))).to_have_attribute("aria-invalid", "true")
    screenshot(page, "service-request-errors")

    fill_request_form(page, **{"Wat moet er gebeuren?": "<script>alert('x')</script> heg knippen"})
    page.get_by_role("button", name="Aanvraag versturen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor uw aanvraag")
    screenshot(page, "service-request-thanks")
    service_request = ServiceRequest.objects.get()
    assert service_request.postcode == "1234 AB"
    assert service_request.description.startswith("<script>")

    page.goto(f"{site.url}/aanvraag/{service_request.token}/")
    expect(page.get_by_text("<script>alert('x')</script> heg knippen")).to_be_visible()
    expect(page.get_by_text("Ingediend").first).to_be_visible()


def test_visitor_switches_to_english_and_back(page, site):
    page.goto(site.url + "/werk/")
    page.get_by_role("button", name="English").click()

    expect(page).to_have_url(site.url + "/en/werk/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="Find work that fits you")).to_be_visible()

    page.get_by_role("button", name="Nederlands").click()
    expect(page).to_have_url(site.url + "/werk/")
    expect(page.get_by_role("heading", name="Zoek werk dat bij u past")).to_be_visible()


def test_key_pages_have_no_serious_or_critical_accessibility_violations(page, site, screenshot):
    pages = {
        "home": "/",
        "roles": "/werk/",
        "role-detail": f"/werk/{site.roles.near_green.pk}/",
        "service": site.green.url,
        "employers": "/werkgevers/",
        "faq": "/veelgestelde-vragen/",
    }
    problems = {}
    for name, path in pages.items():
        page.goto(site.url + path)
        problems[name] = blocking_violations(page)
        screenshot(page, f"axe-{name}")
    page.goto(site.url + site.green.url)
    page.get_by_role("button", name="Aanvraag versturen").click()
    problems["request-form-with-errors"] = blocking_violations(page)

    assert {name: found for name, found in problems.items() if found} == {}


def test_pages_fit_a_320_pixel_screen_without_sideways_scrolling(page, site):
    page.set_viewport_size({"width": 320, "height": 640})
    for path in ("/", "/werk/", site.green.url, f"/werk/{site.roles.near_green.pk}/"):
        page.goto(site.url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{path} is {width}px wide"


def test_skip_link_comes_first_and_focus_is_visible(page, site):
    page.goto(site.url + "/werk/")
    page.keyboard.press("Tab")

    focused = page.evaluate("document.activeElement.textContent.trim()")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert focused == "Direct naar de inhoud"
    assert outline != "none"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))


def test_role_list_downloads_less_than_150_kb_without_images_and_no_scripts(page, site):
    responses = []
    page.on("response", lambda response: responses.append(response))

    page.goto(site.url + "/werk/")
    page.wait_for_load_state("networkidle")

    assert sum(len(response.body()) for response in responses) < 150 * 1024
    assert page.locator("script").count() == 0


def test_request_from_the_browser_is_planned_as_a_published_role_by_municipal_staff(page, site, world,
                                                                                      screenshot):
    page.goto(f"{site.url}{site.green.url}")
    fill_request_form(page, **{"Wat moet er gebeuren?": "Graag de heg van de speeltuin snoeien."})
    page.get_by_role("button", name="Aanvraag versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor uw aanvraag")
    service_request = ServiceRequest.objects.get()

    staff_member = staff(world.caseworker_a)
    admin_sign_in(page, site.url, staff_member.username, password="geheim-wachtwoord-123")
    page.goto(f"{site.url}{reverse('service_requests:index')}")
    page.get_by_role("link", name=str(service_request)).click()

    page.get_by_role("link", name="Status wijzigen").click()
    page.get_by_label("In behandeling").check()
    page.get_by_role("button", name="Status opslaan").click()
    page.get_by_role("link", name="Inplannen als rollen").click()
    page.get_by_label("Titel van de rol").fill("Heg snoeien bij de speeltuin")
    page.get_by_label("Beschrijving").fill("Een heg snoeien bij een speeltuin in de wijk, met een begeleider.")
    page.get_by_label("Dinsdag").check()
    page.get_by_role("button", name="Rollen publiceren").click()
    expect(page.get_by_text("Heg snoeien bij de speeltuin")).to_be_visible()
    screenshot(page, "admin-service-request-planned")

    service_request.refresh_from_db()
    assert service_request.status == ServiceRequestStatus.PLANNED
    assert {role.weekdays for role in Role.objects.filter(service_request=service_request)} == {Weekday.TUE}
    page.goto(site.url + "/werk/?kind=buurtdienst")
    expect(page.get_by_role("link", name="Heg snoeien bij de speeltuin")).to_be_visible()
