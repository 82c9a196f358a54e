"""On a 375 × 667 phone every page starts with its own heading, and the compact menus work with the keyboard.

On narrow screens the header's menu folds behind a "Menu" disclosure and a portal's menu behind one
named after it, so that the first screen shows the page's h1 without scrolling, in its upper half:
with every menu open the headings ended between 330 and 600 px down, with hardly any content below.
The disclosures are native details/summary elements: they need no script (the public pages have
none), open with Tab and Enter, and tell screen readers whether they are open. The pages are the
demo's, in Dutch (the longer texts), for each persona and for the public site.
"""

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect
from wagtail.models import Page

from cms.models import RoleIndexPage, ServicePage
from marketplace.models import JobSeeker, Organisation, Role, ServiceRequest
from marketplace.services.applications import application_express_interest
from tests.browser.accessibility import blocking_violations
from tests.browser.conftest import DESKTOP
from tests.browser.sign_in import portal_sign_in
from tests.browser.test_portal_journeys import HOSPITAL_ROLE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 375, "height": 667}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="nl-NL")
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone_without_scripts(browser):
    context = browser.new_context(viewport=PHONE, locale="nl-NL", java_script_enabled=False)
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


@pytest.fixture
def application(demo):  # noqa: F811
    seeker = JobSeeker.objects.get(first_name="Samira", last_name="Benali")
    application, _created = application_express_interest(seeker=seeker, role=Role.objects.get(title=HOSPITAL_ROLE))
    return application


def dutch(name: str, *args) -> str:
    with translation.override("nl"):
        return reverse(name, args=args)


def heading_off_the_first_screen(page, url: str) -> str | None:
    """None when the page's one h1 lies wholly inside the first screen, unscrolled, and ends in its upper half
    (so that the page's own content follows it on that screen); else what is wrong."""
    response = page.goto(url)
    if response is None or response.status != 200:
        return f"{url}: answered {response and response.status}"
    heading = page.locator("h1")
    if heading.count() != 1:
        return f"{url}: {heading.count()} h1 elements"
    box = heading.bounding_box()
    scrolled = page.evaluate("window.scrollY")
    if box is None or scrolled != 0 or box["y"] < 0 or box["y"] + box["height"] > PHONE["height"] / 2:
        return f"{url}: the h1 {heading.inner_text()!r} is at {box} with the page scrolled by {scrolled}px"
    return None


def assert_headings_on_the_first_screen(page, base_url: str, paths: list[str]) -> None:
    problems = [problem for path in paths if (problem := heading_off_the_first_screen(page, base_url + path))]
    assert not problems, "\n".join(problems)


def test_each_job_seeker_page_starts_with_its_heading_on_a_phone(phone, demo, application):  # noqa: F811
    role = application.role
    portal_sign_in(phone, demo, "werkzoekende")

    assert_headings_on_the_first_screen(phone, demo, [
        dutch("seeker-home"), dutch("seeker-matches"), dutch("seeker-roles"), dutch("seeker-role", role.pk),
        dutch("seeker-applications"), dutch("seeker-application", application.pk), dutch("seeker-profile"),
        dutch("seeker-consent"), dutch("seeker-data"), dutch("seeker-plan"),
    ])


def test_each_employer_page_starts_with_its_heading_on_a_phone(phone, demo, application):  # noqa: F811
    portal_sign_in(phone, demo, "werkgever")

    assert_headings_on_the_first_screen(phone, demo, [
        dutch("employer-home"), dutch("employer-roles"), dutch("employer-role", application.role.pk),
        dutch("employer-role-create"), dutch("employer-applications"), dutch("employer-application", application.pk),
        dutch("carving-list"), dutch("carving-create"),
    ])


def test_each_association_and_caseworker_page_starts_with_its_heading_on_a_phone(phone, demo):  # noqa: F811
    association = Organisation.objects.get(name="Wijkvereniging Oostkade")
    service_request = ServiceRequest.objects.filter(organisation=association).first()
    portal_sign_in(phone, demo, "vereniging")
    assert_headings_on_the_first_screen(phone, demo, [
        dutch("association-home"), dutch("association-request-create"),
        dutch("association-request", service_request.pk),
    ])

    phone.context.clear_cookies()
    portal_sign_in(phone, demo, "klantmanager")
    assert_headings_on_the_first_screen(phone, demo, [dutch("carving-list"), dutch("carving-create")])


def test_each_public_page_starts_with_its_heading_on_a_phone(phone, demo):  # noqa: F811
    roles = Page.objects.type(RoleIndexPage).live().first().specific
    role = Role.objects.get(title=HOSPITAL_ROLE)
    service = Page.objects.type(ServicePage).live().first()

    assert_headings_on_the_first_screen(phone, demo, [
        "/", roles.url, roles.url + roles.reverse_subpage("role_detail", args=[role.pk]), service.url,
        dutch("login"), dutch("password_reset"),
    ])


def disclosure(page, name: str):
    """The summary element that opens the menu called ``name``."""
    return page.locator("summary", has_text=name)


def expanded(page, name: str) -> bool:
    """Whether the disclosure ``name`` is open, as the browser tells assistive technology."""
    session = page.context.new_cdp_session(page)
    try:
        for node in session.send("Accessibility.getFullAXTree")["nodes"]:
            if node["role"].get("value") == "DisclosureTriangle" and node.get("name", {}).get("value") == name:
                return {item["name"]: item["value"].get("value") for item in node.get("properties", [])}["expanded"]
    finally:
        session.detach()
    raise AssertionError(f"no disclosure {name!r} in the accessibility tree")


def tab_to(page, target, presses: int) -> None:
    for _press in range(presses):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"Tab does not reach {target}")


def test_the_menus_open_with_the_keyboard_and_their_links_are_then_reachable(phone, demo):  # noqa: F811
    portal_sign_in(phone, demo, "werkzoekende")
    phone.goto(demo + dutch("seeker-matches"))
    menu, my_pages = disclosure(phone, "Menu"), disclosure(phone, "Mijn pagina's")
    stories = phone.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Verhalen")
    profile = phone.get_by_role("navigation", name="Mijn pagina's").get_by_role("link", name="Mijn profiel")
    expect(stories).to_be_hidden()
    expect(profile).to_be_hidden()
    assert not expanded(phone, "Menu") and not expanded(phone, "Mijn pagina's")
    assert blocking_violations(phone) == []

    tab_to(phone, menu, 3)
    assert menu.evaluate("element => getComputedStyle(element).outlineStyle") != "none", "no visible focus"
    phone.keyboard.press("Enter")
    expect(stories).to_be_visible()
    assert expanded(phone, "Menu")
    tab_to(phone, stories, 6)

    tab_to(phone, my_pages, 20)
    phone.keyboard.press("Enter")
    expect(profile).to_be_visible()
    assert expanded(phone, "Mijn pagina's")
    assert blocking_violations(phone) == []
    tab_to(phone, profile, 8)
    phone.keyboard.press("Enter")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Mijn profiel")
    expect(profile).to_be_hidden()


def test_the_menus_need_no_javascript(phone_without_scripts, demo):  # noqa: F811
    page = phone_without_scripts
    portal_sign_in(page, demo, "werkzoekende")
    page.goto(demo + dutch("seeker-matches"))
    assert page.locator("script").count() == 0

    disclosure(page, "Mijn pagina's").click()
    menu = page.get_by_role("navigation", name="Mijn pagina's")
    for name in ("Overzicht", "Werk dat bij je past", "Werk zoeken", "Mijn aanmeldingen", "Mijn profiel"):
        expect(menu.get_by_role("link", name=name, exact=True)).to_be_visible()
    disclosure(page, "Menu").click()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
    menu.get_by_role("link", name="Mijn profiel").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn profiel")


def test_on_a_wide_screen_the_menus_show_as_before_without_disclosures(phone, demo):  # noqa: F811
    portal_sign_in(phone, demo, "werkzoekende")
    phone.set_viewport_size(DESKTOP)
    phone.goto(demo + dutch("seeker-matches"))

    expect(disclosure(phone, "Menu")).to_be_hidden()
    expect(disclosure(phone, "Mijn pagina's")).to_be_hidden()
    portal_menu = phone.get_by_role("navigation", name="Mijn pagina's")
    expect(portal_menu.get_by_role("link", name="Mijn profiel")).to_be_visible()
    expect(phone.get_by_role("button", name="Uitloggen")).to_be_visible()
    name = phone.get_by_role("link", name="Werkplaats", exact=True).bounding_box()
    menu = phone.get_by_role("navigation", name="Hoofdmenu").bounding_box()
    assert abs(name["y"] + name["height"] / 2 - (menu["y"] + menu["height"] / 2)) < 10, "the main menu left its row"
    assert menu["x"] > name["x"] + name["width"]
