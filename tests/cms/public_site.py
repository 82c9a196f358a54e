"""Test data for the public site: the demo page tree for a municipality, its postcode areas and some roles."""

from types import SimpleNamespace

from cms.demo_content import build_demo_site
from cms.models import RoleIndexPage, ServiceIndexPage, ServicePage
from marketplace.choices import RoleKind
from marketplace.constants import Support
from marketplace.models import PostcodeArea, ServiceCategory
from tests import factories

HAVENSTAD_CENTRE = (52.37, 4.89)


def add_postcode_areas_and_category(municipality, other_municipality=None) -> ServiceCategory:
    """Postcode area 1234 at the centre of ``municipality`` and 1299 about 11 km east of it; 9999 in
    ``other_municipality``; and the green maintenance category. Returns the category."""
    PostcodeArea.objects.update_or_create(digits="1234", defaults={
        "municipality": municipality, "latitude": HAVENSTAD_CENTRE[0], "longitude": HAVENSTAD_CENTRE[1]})
    PostcodeArea.objects.update_or_create(digits="1299", defaults={
        "municipality": municipality, "latitude": 52.37, "longitude": 5.05})
    if other_municipality is not None:
        PostcodeArea.objects.update_or_create(digits="9999", defaults={
            "municipality": other_municipality, "latitude": 53.2, "longitude": 6.5})
    category, _created = ServiceCategory.objects.update_or_create(
        slug="groenonderhoud", defaults={"name_nl": "Groenonderhoud", "name_en": "Green maintenance"})
    return category


def build_public_site(municipality, *, other_municipality=None) -> SimpleNamespace:
    """The demo page tree for ``municipality`` with the postcode areas above."""
    add_postcode_areas_and_category(municipality, other_municipality)
    build_demo_site(municipality=municipality)
    return SimpleNamespace(
        role_index=RoleIndexPage.objects.get(),
        service_index=ServiceIndexPage.objects.get(),
        green=ServicePage.objects.get(slug="groenonderhoud"),
        green_category=ServiceCategory.objects.get(slug="groenonderhoud"),
    )


def publish_roles(organisation, count: int, **fields) -> list:
    roles = []
    for number in range(count):
        role = factories.RoleFactory(organisation=organisation, published=True, title=f"Taak {number}", **fields)
        factories.RoleSkillFactory(role=role)
        roles.append(role)
    return roles


def publish_varied_roles(organisation) -> SimpleNamespace:
    """Roles that differ in one filterable property each, to see every filter do its work."""
    skill = factories.SkillFactory(name_nl="Snoeien", name_en="Pruning")
    near_green = factories.RoleFactory(
        organisation=organisation, published=True, title="Heggen knippen in de wijk", kind=RoleKind.BUURTDIENST,
        hours_min=4, hours_max=8, support_offered=Support.JOB_COACH | Support.BUDDY, at_requester_address=True,
    )
    factories.RoleSkillFactory(role=near_green, skill=skill)
    far_bakery = factories.RoleFactory(
        organisation=organisation, published=True, title="Broodkratten klaarzetten", kind=RoleKind.CARVED_TASK,
        hours_min=16, hours_max=24, latitude=52.37, longitude=5.3,
    )
    draft = factories.RoleFactory(organisation=organisation, title="Nog niet gepubliceerd")
    return SimpleNamespace(near_green=near_green, far_bakery=far_bakery, draft=draft, skill=skill)
