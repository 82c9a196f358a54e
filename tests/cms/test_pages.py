"""The public site: the page tree rules, every page and route rendering, and the role list with its filters."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from cms.models import (
    EmployerPage,
    HomePage,
    RoleIndexPage,
    ServiceIndexPage,
    ServicePage,
    StandardPage,
    StoryIndexPage,
    StoryPage,
)
from marketplace.choices import ApplicationStatus
from marketplace.models import Application
from tests import factories
from tests.cms.public_site import build_public_site, publish_roles, publish_varied_roles

PAGE_TYPES = [HomePage, EmployerPage, ServiceIndexPage, ServicePage, RoleIndexPage, StoryIndexPage, StoryPage,
              StandardPage]
ALLOWED_CHILDREN = {
    Page: {HomePage},
    HomePage: {EmployerPage, ServiceIndexPage, RoleIndexPage, StoryIndexPage, StandardPage},
    EmployerPage: set(),
    ServiceIndexPage: {ServicePage},
    ServicePage: set(),
    RoleIndexPage: set(),
    StoryIndexPage: {StoryPage},
    StoryPage: set(),
    StandardPage: {StandardPage},
}


class PageTreeTests(WagtailPageTestCase):
    """Wagtail's own checks, for every page type of the site."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        municipality = factories.MunicipalityFactory(name="Havenstad", cbs_code="GM9901")
        cls.site = build_public_site(municipality)
        cls.roles = publish_roles(factories.OrganisationFactory(municipality=municipality), 2)
        cls.superuser = factories.UserFactory(username="redacteur", is_staff=True, is_superuser=True)

    def test_each_page_type_can_be_created_exactly_under_its_allowed_parents(self):
        for parent in ALLOWED_CHILDREN:
            for child in PAGE_TYPES:
                with self.subTest(parent=parent.__name__, child=child.__name__):
                    if child in ALLOWED_CHILDREN[parent]:
                        self.assertCanCreateAt(parent, child)
                    else:
                        self.assertCanNotCreateAt(parent, child)

    def test_each_page_type_declares_its_subpage_types(self):
        for parent in PAGE_TYPES:
            with self.subTest(parent=parent.__name__):
                self.assertAllowedSubpageTypes(parent, ALLOWED_CHILDREN[parent])

    def test_every_page_of_every_type_is_routable_and_renderable(self):
        pages = Page.objects.live().filter(depth__gt=1).specific()
        self.assertEqual({type(page) for page in pages}, set(PAGE_TYPES))
        for page in pages:
            with self.subTest(page=page.title):
                self.assertPageIsRoutable(page)
                self.assertPageIsRenderable(page)

    def test_editors_can_open_every_page_type_in_the_admin(self):
        self.client.force_login(self.superuser)
        for model in PAGE_TYPES:
            page = model.objects.live().first()
            with self.subTest(page=model.__name__):
                response = self.client.get(f"/admin/pages/{page.pk}/edit/")
                self.assertEqual(response.status_code, 200)

    def test_role_index_routes_are_routable_and_renderable(self):
        index = self.site.role_index
        role = self.roles[0]
        self.assertPageIsRoutable(index, f"{role.pk}/")
        self.assertPageIsRenderable(index, f"{role.pk}/")
        self.assertPageIsRenderable(index, query_data={"kind": "carved_task", "hours": "8", "postcode": "1234"})
        self.assertPageIsRenderable(index, f"{role.pk}/interesse/", accept_redirect=True)
        self.assertPageIsRenderable(index, "999999/", accept_404=True)

    def test_service_routes_are_routable_and_renderable(self):
        self.assertPageIsRoutable(self.site.green, "bedankt/")
        self.assertPageIsRenderable(self.site.green, "bedankt/")
        self.assertPageIsRoutable(self.site.service_index, "mijn-aanvragen/")
        self.assertPageIsRenderable(self.site.service_index, "mijn-aanvragen/", accept_redirect=True)
        self.assertPageIsRenderable(self.site.service_index, "mijn-aanvragen/", user=self.superuser)


# The role list and role pages --------------------------------------------------------------------------------

@pytest.fixture
def site(world):
    return build_public_site(world.municipality_a)


@pytest.fixture
def roles(world):
    return publish_varied_roles(world.organisation_a)


def titles(response) -> set[str]:
    return {role.title for role in response.context["roles"]}


def test_role_list_shows_published_roles_of_the_sites_municipality_only(client, site, roles, world):
    factories.RoleFactory(organisation=world.organisation_b, published=True, title="Ook van Havenstad")
    factories.RoleFactory(municipality=world.municipality_b, organisation__municipality=world.municipality_b,
                          published=True, title="In Veenwijk")

    response = client.get(site.role_index.url)

    assert titles(response) == {"Heggen knippen in de wijk", "Broodkratten klaarzetten", "Ook van Havenstad"}


@pytest.mark.parametrize(("query", "expected"), [
    ({"kind": "buurtdienst"}, {"Heggen knippen in de wijk"}),
    ({"hours": "8"}, {"Heggen knippen in de wijk"}),
    ({"hours": "16"}, {"Heggen knippen in de wijk", "Broodkratten klaarzetten"}),
    ({"postcode": "1234 AB", "distance": "10"}, {"Heggen knippen in de wijk"}),
    ({"postcode": "1299", "distance": "25"}, {"Heggen knippen in de wijk", "Broodkratten klaarzetten"}),
    ({"support": ["job_coach", "buddy"]}, {"Heggen knippen in de wijk"}),
    ({"support": ["job_coach", "transport"]}, set()),
])
def test_each_filter_narrows_the_role_list(client, site, roles, query, expected):
    assert titles(client.get(site.role_index.url, query)) == expected


def test_skill_filter_offers_skills_in_use_and_narrows_the_list(client, site, roles):
    response = client.get(site.role_index.url, {"skill": roles.skill.pk})

    assert titles(response) == {"Heggen knippen in de wijk"}
    assert (roles.skill.pk, "Snoeien") in response.context["form"].fields["skill"].choices


def test_roles_near_a_postcode_come_nearest_first_with_their_distance(client, site, roles):
    response = client.get(site.role_index.url, {"postcode": "1234", "distance": "50"})

    assert [role.title for role in response.context["roles"]] == ["Heggen knippen in de wijk",
                                                                   "Broodkratten klaarzetten"]
    assert "km hiervandaan" in response.content.decode()


def test_work_at_a_residents_address_shows_whole_kilometres_from_its_public_point(client, site, world):
    # The door is 2.3 km from the postcode area's centre; its public point (52.37, 4.92) is 2.0 km away.
    door = factories.RoleFactory(organisation=world.association_organisation, published=True, title="Heg bij de deur",
                                 at_requester_address=True, latitude=52.3700, longitude=4.9240, kind="buurtdienst")
    shop = factories.RoleFactory(organisation=world.organisation_a, published=True, title="Winkel",
                                 latitude=52.3700, longitude=4.9240)

    response = client.get(site.role_index.url, {"postcode": "1234", "distance": "10"})

    html = re.sub(r"\s+", " ", response.content.decode())
    assert {door, shop} <= set(response.context["roles"])
    assert re.search(r"Heg bij de deur.*?\(2 km hiervandaan\)", html)
    assert re.search(r"Winkel.*?\(2,3 km hiervandaan\)", html)


def test_unknown_postcode_is_reported_next_to_the_field_and_the_list_still_shows(client, site, roles):
    response = client.get(site.role_index.url, {"postcode": "5555"})

    html = response.content.decode()
    assert 'id="id_postcode_errors"' in html
    assert len(response.context["roles"]) == 2


@pytest.mark.parametrize("query", [{"hours": "veel"}, {"hours": "99"}, {"postcode": "AB12"}, {"skill": "x"},
                                   {"kind": "<script>"}, {"support": "vliegen"}, {"page": "zeven"}])
def test_bad_filter_values_get_an_error_next_to_the_field_never_a_500(client, site, roles, query):
    response = client.get(site.role_index.url, query)

    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_role_list_is_paginated_and_filters_stay_on_the_next_page(client, site, world):
    site.role_index.page_size = 5
    site.role_index.save()
    publish_roles(world.organisation_a, 7)

    first = client.get(site.role_index.url, {"kind": "carved_task"})
    second = client.get(site.role_index.url, {"kind": "carved_task", "page": "2"})

    assert len(first.context["roles"]) == 5
    assert len(second.context["roles"]) == 2
    assert "kind=carved_task&amp;page=2" in first.content.decode()


def test_role_list_uses_the_same_number_of_queries_whatever_the_page_size(client, site, world):
    site.role_index.page_size = 50
    site.role_index.save()
    publish_roles(world.organisation_a, 2)
    client.get(site.role_index.url)  # warm the per-site caches

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(site.role_index.url, {"postcode": "1234", "distance": "50", "hours": "20"})
        assert response.status_code == 200
        return len(captured)

    few = queries()
    publish_roles(world.organisation_a, 40)
    assert queries() == few


def test_role_list_page_weighs_less_than_150_kb_without_images(client, site, world):
    site.role_index.page_size = 50
    site.role_index.save()
    publish_roles(world.organisation_a, 50)

    response = client.get(site.role_index.url)

    html = response.content.decode()
    stylesheets = [Path(settings.BASE_DIR, "static", "css", name) for name in ("site.css", "pages.css")]
    css_bytes = sum(path.stat().st_size for path in stylesheets if f"css/{path.name}" in html)
    assert len(response.content) + css_bytes < 150 * 1024
    assert "<script" not in html


def test_role_page_sends_anonymous_visitors_to_sign_in_and_back(client, site, roles):
    response = client.get(f"{site.role_index.url}{roles.near_green.pk}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Heggen knippen in de wijk" in html
    assert f"?next=%2Fwerk%2F{roles.near_green.pk}%2F" in html


def test_signed_in_job_seeker_shows_interest_once(client, site, roles, world):
    client.force_login(world.seeker_user)
    detail = f"{site.role_index.url}{roles.near_green.pk}/"

    first = client.post(f"{detail}interesse/", follow=True)
    client.post(f"{detail}interesse/")

    application = Application.objects.get(seeker=world.seeker, role=roles.near_green)
    assert application.status == ApplicationStatus.INTERESTED
    assert Application.objects.filter(seeker=world.seeker).count() == 1
    assert "U toonde interesse op" in first.content.decode()


def test_people_who_are_not_job_seekers_cannot_show_interest(client, site, roles, world):
    client.force_login(world.employer_a)

    response = client.post(f"{site.role_index.url}{roles.near_green.pk}/interesse/", follow=True)

    assert "Alleen werkzoekenden met een account kunnen interesse tonen" in response.content.decode()
    assert not Application.objects.exists()


def test_draft_roles_and_roles_of_other_municipalities_have_no_page(client, site, roles, world):
    other = factories.RoleFactory(municipality=world.municipality_b, organisation__municipality=world.municipality_b,
                                  published=True)

    assert client.get(f"{site.role_index.url}{roles.draft.pk}/").status_code == 404
    assert client.get(f"{site.role_index.url}{other.pk}/").status_code == 404


# Home, languages and the menu ---------------------------------------------------------------------------------

def test_home_page_speaks_to_the_three_audiences_with_roles_and_stories(client, site, roles):
    html = client.get("/").content.decode()

    for text in ("Voor werkgevers", "Voor werkzoekenden", "Voor verenigingen en bewoners",
                 "Heggen knippen in de wijk", "Van thuis naar de bakkerij"):
        assert text in html
    assert 'lang="nl"' in html


def test_english_prefix_shows_the_interface_in_english(client, site):
    response = client.get("/en/werk/")

    html = response.content.decode()
    assert 'lang="en"' in html
    assert "Find work that fits you" in html
    assert 'href="/en/werk/"' in html


def test_dutch_pages_show_the_interface_in_dutch(client, site):
    html = client.get("/werk/").content.decode()

    assert "Zoek werk dat bij u past" in html


@pytest.mark.parametrize(("path", "language", "arrives_at"), [
    ("/werkgevers/", "en", "/en/werkgevers/"),
    ("/en/werkgevers/", "nl", "/werkgevers/"),
    ("/en/werk/?kind=buurtdienst", "nl", "/werk/?kind=buurtdienst"),
])
def test_language_switch_brings_the_visitor_to_the_same_page_in_the_other_language(client, site, path, language,
                                                                                   arrives_at):
    html = client.get(path).content.decode()
    next_url = re.search(r'name="next" value="([^"]*)"', html).group(1).replace("&amp;", "&")

    assert 'action="/i18n/setlang/"' in html
    response = client.post("/i18n/setlang/", {"language": language, "next": next_url})
    assert response["Location"] == arrives_at


def test_main_menu_marks_the_current_section(client, site):
    html = client.get("/buurtdiensten/groenonderhoud/").content.decode()

    assert '<a href="/buurtdiensten/" aria-current="page">Buurtdiensten</a>' in html


def test_demo_site_can_be_built_twice_without_duplicates(site, world):
    from cms.demo_content import build_demo_site

    before = Page.objects.count()
    build_demo_site(municipality=world.municipality_a)

    assert Page.objects.count() == before
    assert ServicePage.objects.count() == 4
    assert StoryPage.objects.count() == 3
