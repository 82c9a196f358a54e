"""Applications in the caseworkers' workspace: a listing of their municipality's applications, and each one's
timeline and placement.

Only caseworkers (and superusers) reach these views: ``scope_to_tenant`` gives anyone else, an employer
given admin access included, no application at all. The inspect view shows the one candidate card of
``marketplace.selectors.candidates``.

Read-only on purpose: every status change goes through the workflow services (the API's actions),
which check the transitions table, consent and places. The filters offer only the user's own
municipality's roles and job seekers, so the filter lists themselves do not show other tenants' data.
"""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column

from cms.viewsets.marketplace import MARKETPLACE_MENU_HOOK
from cms.viewsets.read_only import ReadOnlyTenantViewSet
from cms.viewsets.scoping import ScopedInspectView, scope_to_tenant
from marketplace.access import actor_for
from marketplace.choices import ApplicationStatus
from marketplace.models import JobSeeker, Role
from marketplace.models.applications import Application
from marketplace.selectors.candidates import application_card


def _roles(request):
    if request is None:
        return Role.objects.none()
    return scope_to_tenant(Role.objects.order_by("title"), request.user, "municipality")


def _seekers(request):
    if request is None:
        return JobSeeker.objects.none()
    return scope_to_tenant(JobSeeker.objects.order_by("last_name", "first_name"), request.user, "municipality")


class ApplicationFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ApplicationStatus.choices)
    role = django_filters.ModelChoiceFilter(label=_("Role"), queryset=_roles)
    seeker = django_filters.ModelChoiceFilter(label=_("Job seeker"), queryset=_seekers)

    class Meta:
        model = Application
        fields = ["status", "role", "seeker"]


class StatusColumn(Column):
    """The status in words, so that it never depends on colour."""

    def get_value(self, instance):
        return instance.get_status_display()


class ApplicationInspectView(ScopedInspectView):
    template_name = "cms/application_admin/inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["events"] = self.object.events.select_related("actor").order_by("at", "id")
        context["placement"] = getattr(self.object, "placement", None)
        # The same candidate card as everywhere; for the caseworker of the municipality with the exact distance.
        context["card"] = application_card(actor=actor_for(self.request.user), application=self.object)
        return context


class ApplicationViewSet(ReadOnlyTenantViewSet):
    """Listing and inspecting only: status changes belong to the workflow services."""

    model = Application
    tenant_lookup = "role__municipality"
    icon = "list-ul"
    menu_label = _("Applications")
    menu_hook = MARKETPLACE_MENU_HOOK
    add_to_admin_menu = True
    list_display = ["seeker", "role", StatusColumn("status", label=_("Status")), "score", "updated_at"]
    filterset_class = ApplicationFilterSet
    list_select_related = ["seeker", "role"]
    search_fields = ["seeker__first_name", "seeker__last_name", "role__title"]
    inspect_view_class = ApplicationInspectView
    inspect_view_fields = ["seeker", "role", "status", "score", "seeker_consented_at", "introduced_at", "created_at"]


def application_admin_viewset():
    """Registered through the ``register_admin_viewset`` hook; joins the Marketplace menu."""
    return ApplicationViewSet()
