"""Every admin view of every model registered in the Wagtail admin, opened by every persona.

The URLs come from Wagtail's viewset registry (model viewsets, snippets, choosers), with each
viewset's own URL patterns, so a model added to the admin is opened here without a line of this
file changing; a tenant-scoped model without a row in each municipality of the test world fails
loudly instead of being skipped. No view may answer 500; anonymous visitors and people without
admin access are sent to the login; a caseworker opens the rows of their own municipality and
finds those of the other one missing (404), whatever permissions they hold.
"""

import re
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import get_resolver, reverse
from wagtail.admin.viewsets import viewsets as viewset_registry
from wagtail.models import Site

from cms.snippets import Menu
from cms.viewsets.scoping import TenantScopedViewSet
from marketplace.demo.loader import CASEWORKER_PERMISSIONS
from marketplace.models import (
    Application,
    PostcodeArea,
    SensitiveAccessLog,
    ServiceCategory,
    ServiceRequest,
    ServiceRequestStatus,
)
from tests import factories

pytestmark = pytest.mark.django_db

# The one row a URL is about: ``<int:pk>``, ``<str:pk>``, or another name such as ``<int:image_id>``.
ROW_KWARG = re.compile(r"<(?:int|str|path|slug):(\w+)>")
# What a page may answer at all: shown, sent on (a login, a listing), refused or not there.
ANSWERS = {200, 302, 403, 404}
LISTINGS = {"index", "index_results", "list", "list_results"}


@dataclass(frozen=True)
class AdminView:
    viewset: object
    name: str  # the URL name within the viewset
    row_kwarg: str | None  # the URL argument that names a row, if any

    @property
    def has_pk(self) -> bool:
        return self.row_kwarg is not None

    @property
    def model(self):
        model = self.viewset.model
        return apps.get_model(model) if isinstance(model, str) else model

    @property
    def tenant_lookup(self) -> str | None:
        return getattr(self.viewset, "tenant_lookup", None) if isinstance(self.viewset, TenantScopedViewSet) else None

    def url(self, pk=None) -> str:
        return reverse(f"{self.viewset.url_namespace}:{self.name}", kwargs={self.row_kwarg: pk} if self.has_pk else {})

    def __str__(self):
        return f"{self.viewset.url_namespace}:{self.name}"


def registered_admin_views() -> list[AdminView]:
    """Every URL of every viewset in Wagtail's registry that belongs to a model."""
    get_resolver().url_patterns  # noqa: B018 - loading the admin's URLs fills the registry
    views = []
    for viewset in viewset_registry.viewsets:
        if getattr(viewset, "model", None) is None:
            continue
        try:
            namespace = viewset.url_namespace
        except Exception:  # noqa: BLE001 - a viewset without a URL namespace has no URLs to open
            continue
        for pattern in viewset.get_urlpatterns():
            if pattern.name and namespace:
                row_kwarg = ROW_KWARG.search(str(pattern.pattern))
                views.append(AdminView(viewset, pattern.name, row_kwarg.group(1) if row_kwarg else None))
    return views


ADMIN_VIEWS = registered_admin_views()


def test_the_registry_holds_every_marketplace_admin():
    """The list below is derived, not written by hand; it must at least find what the workspace offers."""
    namespaces = {view.viewset.url_namespace for view in ADMIN_VIEWS}

    assert {"marketplace_jobseeker", "marketplace_role", "service_requests", "marketplace_application",
            "marketplace_sensitiveaccesslog", "wagtailsnippets_cms_menu"} <= namespaces
    assert any(view.name == "burden" for view in ADMIN_VIEWS)


@pytest.fixture
def admin_world(world):
    """The persona matrix with a row of every admin model in each municipality, and shared rows once."""
    category = ServiceCategory.objects.create(slug="groenonderhoud", name_nl="Groenonderhoud",
                                              name_en="Green maintenance")
    skill = factories.SkillFactory()
    for municipality, digits in ((world.municipality_a, "1234"), (world.municipality_b, "9999")):
        PostcodeArea.objects.create(digits=digits, municipality=municipality, latitude=52.3, longitude=4.9)
    role_a = factories.RoleFactory(organisation=world.organisation_a, published=True)
    organisation_b = factories.OrganisationFactory(municipality=world.municipality_b)
    role_b = factories.RoleFactory(organisation=organisation_b, published=True)
    for role in (role_a, role_b):
        factories.RoleSkillFactory(role=role, skill=skill)
    Application.objects.create(seeker=world.seeker, role=role_a, status="interested")
    Application.objects.create(seeker=world.seeker_b, role=role_b, status="interested")
    for seeker, reader in ((world.seeker, world.caseworker_a), (world.seeker_b, world.caseworker_b)):
        SensitiveAccessLog.objects.create(actor=reader, seeker=seeker, fields="debts", purpose="Intake")
    for municipality, postcode in ((world.municipality_a, "1234 AB"), (world.municipality_b, "9999 ZZ")):
        ServiceRequest.objects.create(
            municipality=municipality, category=category, requester_name="Mevrouw Jansen",
            requester_email="jansen@example.nl", requester_phone="0612345678", description="De heg snoeien.",
            street="Lindelaan 12", postcode=postcode, city="Havenstad",
            # Being assessed, so that every triage page (status and plan) opens with its form.
            status=ServiceRequestStatus.TRIAGED,
        )
    for municipality in (world.municipality_a, world.municipality_b):
        factories.InstrumentFactory(municipality=municipality, name="Taalcursus")
    Menu.objects.create(name="Hoofdmenu")
    Group.objects.get_or_create(name="Redactie")
    assert Site.objects.exists()
    return world


@dataclass(frozen=True)
class Persona:
    name: str
    user: object  # None for anonymous


def staff_with(user, codenames=None):
    """``user`` with access to the admin and the given marketplace permissions (all of them when None)."""
    user.is_staff = True
    user.save()
    marketplace = Permission.objects.filter(content_type__app_label="marketplace")
    if codenames is not None:
        marketplace = marketplace.filter(codename__in=codenames)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"), *marketplace,
    )
    return user


def demo_caseworker_permissions() -> list[str]:
    codenames = [f"{action}_{model}" for model in CASEWORKER_PERMISSIONS["view_add_change"]
                 for action in ("view", "add", "change")]
    return codenames + [f"view_{model}" for model in CASEWORKER_PERMISSIONS["view"]]


def rows(view: AdminView, world) -> dict[str, object]:
    """The row to open for each municipality ("a", "b"), or the one shared row under "shared"."""
    manager = view.model._default_manager
    if view.tenant_lookup is None:
        row = manager.order_by("pk").first()
        return {"shared": row}
    found = {
        key: manager.filter(**{view.tenant_lookup: municipality.pk}).order_by("pk").first()
        for key, municipality in (("a", world.municipality_a), ("b", world.municipality_b))
    }
    missing = [key for key, row in found.items() if row is None]
    assert not missing, (f"The test world has no {view.model._meta.verbose_name} in municipality "
                         f"{', '.join(missing)}: add one to admin_world so that {view} is opened.")
    return found


def opened(client: Client, url: str) -> int:
    response = client.get(url)
    assert response.status_code != 500, url
    assert response.status_code in ANSWERS, (url, response.status_code)
    if response.status_code == 302:
        # Wagtail sends people away from what they may not do: to the login or to the dashboard.
        assert response["Location"].split("?")[0] in (reverse("wagtailadmin_login"), reverse("wagtailadmin_home")), (
            url, response["Location"])
    return response.status_code


def signed_in(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize("view", [view for view in ADMIN_VIEWS], ids=str)
def test_no_admin_view_fails_for_any_persona(admin_world, view):
    world = admin_world
    targets = rows(view, world)
    superuser = factories.UserFactory(username="beheerder", is_staff=True, is_superuser=True)

    def url_for(row):
        return view.url(row.pk if row is not None else 999_999_999) if view.has_pk else view.url()

    # Nobody without admin access gets past the login, whatever the row.
    for user in (None, world.employer_a, world.seeker_user, world.association):
        for row in targets.values():
            response = signed_in(user).get(url_for(row))
            assert response.status_code == 302, (str(view), user, response.status_code)
            assert "/admin/login/" in response["Location"]

    # The superuser reaches every view; a row-less page, or a view this model does not offer, may refuse.
    for row in targets.values():
        opened(signed_in(superuser), url_for(row))


@pytest.mark.parametrize("permissions", ["demo caseworker group", "every marketplace permission"])
@pytest.mark.parametrize("view", [view for view in ADMIN_VIEWS], ids=str)
def test_a_caseworker_opens_their_own_municipalitys_rows_and_never_the_others(admin_world, view, permissions):
    world = admin_world
    targets = rows(view, world)
    codenames = demo_caseworker_permissions() if permissions == "demo caseworker group" else None
    caseworkers = {"a": staff_with(world.caseworker_a, codenames), "b": staff_with(world.caseworker_b, codenames)}

    for own, other in (("a", "b"), ("b", "a")):
        client = signed_in(caseworkers[own])
        if not view.has_pk and view.tenant_lookup is not None:
            # A listing links its rows; none of the other municipality's rows may be among them.
            response = client.get(view.url())
            assert response.status_code in ANSWERS
            content = response.content.decode()
            row_views = [row_view for row_view in ADMIN_VIEWS if row_view.viewset is view.viewset and row_view.has_pk]
            assert not [v for v in row_views if v.url(targets[other].pk) in content], (str(view), own)
            if response.status_code == 200 and view.name in LISTINGS:
                assert [v for v in row_views if v.url(targets[own].pk) in content], (str(view), own)
            continue
        if not view.has_pk or view.tenant_lookup is None:
            opened(client, view.url(targets["shared"].pk) if view.has_pk and targets["shared"] else
                   view.url(999_999_999) if view.has_pk else view.url())
            continue
        own_status = opened(client, view.url(targets[own].pk))
        other_status = opened(client, view.url(targets[other].pk))
        # Another municipality's row does not exist for this caseworker. Only a view they may not use at
        # all refuses their own rows too, and then the same way before it looks the row up.
        refused = own_status in (302, 403) and other_status == own_status
        assert other_status == 404 or refused, (str(view), own, own_status, other_status)


def test_the_edit_page_of_a_service_request_opens(admin_world, client):
    """It used to fail: the page links to the request's usage page, which the viewset did not offer."""
    request_a = ServiceRequest.objects.get(municipality=admin_world.municipality_a)
    client.force_login(staff_with(admin_world.caseworker_a))

    response = client.get(reverse("service_requests:edit", args=[request_a.pk]))

    assert response.status_code == 200
    assert reverse("service_requests:usage", args=[request_a.pk]).encode() in response.content
