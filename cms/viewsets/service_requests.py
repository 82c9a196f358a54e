"""Triage of neighbourhood service requests in the admin: read, move through the workflow, plan as roles.

Staff see only their own municipality's requests (superusers see all). The status never changes
through the edit form: the "Change status" and "Plan as roles" pages call the services, which
write the history and e-mail the requester.
"""

from decimal import Decimal

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views import View
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

from cms.viewsets.marketplace import MARKETPLACE_MENU_HOOK
from cms.viewsets.scoping import (
    ScopedIndexView,
    ScopedInspectView,
    TenantScopedForm,
    TenantScopedViewSet,
    admin_formfield,
    scope_to_tenant,
)
from marketplace.constants import (
    ALLOWANCE_MAX_DIGITS,
    LONG_TEXT_MAX_LENGTH,
    ROLE_HOURS_MAX,
    ROLE_HOURS_MIN,
    ROLE_PLACES_MAX,
    ROLE_PLACES_MIN,
)
from marketplace.exceptions import DomainError
from marketplace.form_fields import DateInput, HoursRangeMixin, money, weekdays_field, whole_number
from marketplace.messages import WAGE_OR_ALLOWANCE
from marketplace.models import ServiceCategory, ServiceRequest, ServiceRequestStatus
from marketplace.selectors.service_requests import service_request_with_history
from marketplace.services.service_requests import (
    MAX_ROLES_PER_PLAN,
    RolePlan,
    service_request_plan_roles,
    service_request_set_status,
)
from marketplace.timing_notes import weekdays_named_in
from marketplace.workflows.service_requests import SERVICE_REQUEST_WORKFLOW, manual_targets


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reason for rejection"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Needed when you reject the request. The requester reads this, so write it plainly."),
    )

    def __init__(self, *args, current_status: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (value, ServiceRequestStatus(value).label) for value in manual_targets(current_status)
        ]


class RolePlanForm(HoursRangeMixin, forms.Form):
    """The shape of the buurtdienst roles to publish for one request."""

    title = forms.CharField(label=_("Title of the role"), max_length=150)
    description = forms.CharField(
        label=_("Description"), max_length=LONG_TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("This text is public. Leave out the requester's name and street."),
    )
    hours_min = whole_number(_("Minimum hours per week"), min_value=ROLE_HOURS_MIN, max_value=ROLE_HOURS_MAX)
    hours_max = whole_number(_("Maximum hours per week"), min_value=ROLE_HOURS_MIN, max_value=ROLE_HOURS_MAX)
    weekdays = weekdays_field(_("Weekdays"))
    count = whole_number(
        _("Number of roles"), min_value=1, max_value=MAX_ROLES_PER_PLAN, initial=1,
        help_text=_("For example two roles when the work is split between two people."),
    )
    places = whole_number(_("Places per role"), min_value=ROLE_PLACES_MIN, max_value=ROLE_PLACES_MAX, initial=1)
    start_date = forms.DateField(label=_("Start date"), required=False, widget=DateInput())
    end_date = forms.DateField(label=_("End date"), required=False, widget=DateInput())
    volunteer_allowance = money(_("Volunteer allowance per month (EUR)"), max_digits=ALLOWANCE_MAX_DIGITS)
    hourly_wage = money(_("Hourly wage (EUR)"), min_value=Decimal("0.01"), help_text=WAGE_OR_ALLOWANCE)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("hourly_wage") and cleaned.get("volunteer_allowance"):
            self.add_error("hourly_wage", WAGE_OR_ALLOWANCE)
        return cleaned

    @classmethod
    def for_request(cls, service_request: ServiceRequest, data=None) -> "RolePlanForm":
        """The plan form, filled in from the request. Days are ticked only when the request names them,
        and the form then says where they came from."""
        hours = service_request.category.default_hours or 4
        weekdays = weekdays_named_in(service_request.timing_notes)
        initial = {
            "title": f"{service_request.category.name_nl} in {service_request.city or service_request.municipality}",
            "description": service_request.description,
            "hours_min": min(hours, ROLE_HOURS_MAX), "hours_max": min(hours, ROLE_HOURS_MAX),
            "start_date": service_request.preferred_date,
        }
        if weekdays:
            initial["weekdays"] = weekdays
        form = cls(data, initial=initial)
        if weekdays:
            form.fields["weekdays"].help_text = _(
                "Ticked from the request's preferred days or times: “%(notes)s”. Check them."
            ) % {"notes": service_request.timing_notes}
        return form


class ServiceRequestActionView(WagtailAdminTemplateMixin, View):
    """Base of the status and plan pages: the request, scoped to the user's municipality, and the change right."""

    template_name = "cms/service_request_admin/action.html"
    header_icon = "help"
    index_url_name = None
    inspect_url_name = None
    form_class = None
    submit_label = ""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        requests = scope_to_tenant(ServiceRequest.objects.with_relations(), request.user, "municipality")
        self.object = get_object_or_404(requests, pk=kwargs["pk"])

    def dispatch(self, request, *args, **kwargs):
        if not policy_registry.get_by_type(ServiceRequest).user_has_permission(request.user, "change"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def inspect_url(self) -> str:
        return reverse(self.inspect_url_name, args=[self.object.pk])

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": capfirst(ServiceRequest._meta.verbose_name_plural)},
            {"url": self.inspect_url, "label": str(self.object)},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def render(self, form, status=200):
        context = self.get_context_data(form=form, object=self.object, submit_label=self.submit_label,
                                        cancel_url=self.inspect_url)
        return self.render_to_response(context, status=status)

    def attempt(self, request, form, write):
        """Run ``write`` and go back to the request; on a refusal, show why next to the form."""
        try:
            write()
        except ValidationError as error:
            for field, errors in getattr(error, "message_dict", {None: error.messages}).items():
                form.add_error(field if field in form.fields else None, errors)
        except DomainError as error:
            form.add_error(None, str(error.message))
        else:
            return redirect(self.inspect_url)
        messages.validation_error(request, _("The request could not be changed."), form)
        return self.render(form, status=400)


class ServiceRequestStatusView(ServiceRequestActionView):
    page_title = _("Change status")
    submit_label = _("Save status")

    def get(self, request, *args, **kwargs):
        return self.render(StatusForm(current_status=self.object.status))

    def post(self, request, *args, **kwargs):
        form = StatusForm(request.POST, current_status=self.object.status)
        if not form.is_valid():
            return self.render(form, status=400)

        def write():
            service_request_set_status(service_request=self.object, to_status=form.cleaned_data["status"],
                                       by=request.user, reason=form.cleaned_data["reason"])
            messages.success(request, _("Status of request %(request)s changed.") % {"request": self.object})

        return self.attempt(request, form, write)


class ServiceRequestPlanView(ServiceRequestActionView):
    page_title = _("Plan as roles")
    submit_label = _("Publish roles")

    def _not_plannable(self, request):
        """Back to the request, saying why, before staff fill in a whole form that the workflow would refuse."""
        if SERVICE_REQUEST_WORKFLOW.allowed(self.object.status, ServiceRequestStatus.PLANNED):
            return None
        messages.error(request, _("Only a request that is being assessed can be planned as roles. Change its "
                                  "status first."))
        return redirect(self.inspect_url)

    def get(self, request, *args, **kwargs):
        return self._not_plannable(request) or self.render(RolePlanForm.for_request(self.object))

    def post(self, request, *args, **kwargs):
        refused = self._not_plannable(request)
        if refused is not None:
            return refused
        form = RolePlanForm.for_request(self.object, data=request.POST)
        if not form.is_valid():
            return self.render(form, status=400)

        def write():
            roles = service_request_plan_roles(service_request=self.object, plan=RolePlan(**form.cleaned_data),
                                               by=request.user)
            message = ngettext("%(count)d buurtdienst role published for request %(request)s.",
                               "%(count)d buurtdienst roles published for request %(request)s.", len(roles))
            messages.success(request, message % {"count": len(roles), "request": self.object})

        return self.attempt(request, form, write)


class ServiceRequestIndexView(ScopedIndexView):
    """Each request in the list opens its detail page, where the history and the triage actions are;
    the edit form (for correcting what was asked) is one click further."""

    def get_edit_url(self, instance):
        return None


class ServiceRequestInspectView(ScopedInspectView):
    template_name = "cms/service_request_admin/inspect.html"
    status_url_name = None
    plan_url_name = None

    def get_object(self, queryset=None):
        requests = service_request_with_history(self.scope(ServiceRequest.objects.with_relations()))
        return get_object_or_404(requests, pk=self.pk)

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return "–" if value is None or value == "" else value

    @cached_property
    def header_buttons(self):
        buttons = []
        if not policy_registry.get_by_type(ServiceRequest).user_has_permission(self.request.user, "change"):
            return buttons
        if manual_targets(self.object.status):
            buttons.append(Button(_("Change status"), url=reverse(self.status_url_name, args=[self.object.pk]),
                                  icon_name="resubmit", priority=10))
        if SERVICE_REQUEST_WORKFLOW.allowed(self.object.status, ServiceRequestStatus.PLANNED):
            buttons.append(Button(_("Plan as roles"), url=reverse(self.plan_url_name, args=[self.object.pk]),
                                  icon_name="plus", priority=20, classname="button-primary"))
        return buttons


class TriagePermissionPolicy(ModelPermissionPolicy):
    """Staff read and change requests; nobody adds or deletes them here, since a request starts with the
    requester (with its history and e-mail) and is kept as a record of what was asked."""

    ACTIONS = frozenset({"view", "change"})

    def user_has_permission(self, user, action):
        return action in self.ACTIONS and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action in self.ACTIONS])


class StatusColumn(Column):
    """The status in words, so that it never depends on colour."""

    def get_value(self, instance):
        return instance.get_status_display()


class ServiceRequestForm(TenantScopedForm):
    """Staff may correct what was asked; who asked, where, and the status stay as submitted."""


class ServiceRequestViewSet(TenantScopedViewSet):
    model = ServiceRequest
    tenant_lookup = "municipality"
    base_form_class = ServiceRequestForm
    icon = "help"
    menu_label = _("Service requests")
    menu_hook = MARKETPLACE_MENU_HOOK
    add_to_admin_menu = True
    list_display = ["__str__", "category", Column("requester_display", label=_("Requested by")),
                    StatusColumn("status", label=_("Status")), "created_at"]
    list_filter = ["status", "category"]
    list_select_related = ["category", "organisation"]
    search_fields = ["description", "requester_name", "postcode", "street"]
    form_fields = ["category", "description", "frequency", "preferred_date", "timing_notes"]
    index_view_class = ServiceRequestIndexView
    inspect_view_class = ServiceRequestInspectView
    inspect_view_fields = [
        "status", "rejection_reason", "category", "organisation", "requester_name", "requester_email",
        "requester_phone", "street", "postcode", "city", "description", "frequency", "preferred_date",
        "timing_notes", "created_at",
    ]

    def on_register(self):
        if policy_registry.get_by_type(self.model, fallback=False) is None:
            register_permission_policy(self.model, TriagePermissionPolicy(self.model))
        super().on_register()

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            status_url_name=self.get_url_name("status"), plan_url_name=self.get_url_name("plan"), **kwargs
        )

    def _action_view(self, view_class):
        return view_class.as_view(index_url_name=self.get_url_name("index"),
                                  inspect_url_name=self.get_url_name("inspect"))

    def get_urlpatterns(self):
        # The edit page links to the usage page ("Used in"), so it stays; add and delete do not exist here.
        kept = {"index", "index_results", "edit", "history", "history_results", "inspect", "usage"}
        return [
            *[pattern for pattern in super().get_urlpatterns() if pattern.name in kept],
            path("status/<int:pk>/", self._action_view(ServiceRequestStatusView), name="status"),
            path("plan/<int:pk>/", self._action_view(ServiceRequestPlanView), name="plan"),
        ]


class ServiceCategoryViewSet(ModelViewSet):
    """The kinds of neighbourhood service on offer: shared by every municipality, like the skill taxonomy."""

    model = ServiceCategory
    icon = "tag"
    menu_label = _("Service categories")
    menu_hook = MARKETPLACE_MENU_HOOK
    add_to_admin_menu = True
    list_display = ["name_nl", "name_en", "slug", "is_active", "sort_order"]
    form_fields = ["name_nl", "name_en", "slug", "default_hours", "is_active", "sort_order"]
    copy_view_enabled = False

    def formfield_for_dbfield(self, db_field, **kwargs):
        return admin_formfield(db_field, **kwargs)


def service_request_admin_viewsets():
    """Registered through the ``register_admin_viewset`` hook; both join the Marketplace menu."""
    return [ServiceRequestViewSet("service_requests"), ServiceCategoryViewSet("service_categories")]
