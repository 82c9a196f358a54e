"""The koffer in the admin: the municipality's catalogue of instruments, and a job seeker's instruments.

``InstrumentViewSet`` keeps the catalogue, scoped like every other viewset (cms/viewsets/scoping.py):
create and edit save through ``instrument_create`` and ``instrument_update``, and "take out of use"
replaces deleting, since people keep the instruments they were given. ``InstrumentsPageView`` is
the caseload page of one job seeker (next to the plan, the draagkracht and the assessments): what
was deployed for them, and forms to deploy an instrument, start it, end it with its result, cancel
it and record the follow-up. Every write goes through marketplace/services/instruments.py; what it
refuses is shown on the form that was sent, and nothing is written.
"""

from django import forms
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import floatformat
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin import messages
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.permissions import policy_registry

from cms.viewsets.marketplace import MARKETPLACE_MENU_HOOK
from cms.viewsets.plans import SeekerPageView
from cms.viewsets.readable import NOTHING, readable_value
from cms.viewsets.scoping import (
    ScopedCreateView,
    ScopedEditView,
    ScopedIndexView,
    TenantScopedViewSet,
    scope_to_tenant,
)
from cms.viewsets.service_writes import ServiceForm, ServiceWriteMixin
from marketplace.access import actor_for
from marketplace.choices import AssignmentStatus, OrganisationKind
from marketplace.constants import NOTE_MAX_LENGTH
from marketplace.exceptions import DomainError
from marketplace.form_fields import DateInput, decimal_number
from marketplace.models import Instrument, InstrumentAssignment, Organisation, PlanAction
from marketplace.models.koffer import COST_MAX_DIGITS, AssignmentResult
from marketplace.selectors.instruments import (
    assignment_of,
    assignments_of_seeker,
    instrument_catalogue,
    open_plan_actions_of,
    providers_of,
)
from marketplace.selectors.trajectories import reports_for_assignment, with_reports
from marketplace.services.instruments import (
    assignment_cancel,
    assignment_create,
    assignment_end,
    assignment_follow_up,
    assignment_start,
    instrument_create,
    instrument_update,
)

# The catalogue ---------------------------------------------------------------------------------------------


class InstrumentForm(ServiceForm):
    tenant_choice_lookups = {"municipality": "pk", "provider": "municipality"}
    not_service_fields = ("municipality",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "provider" in self.fields:
            self.fields["provider"].queryset = self.fields["provider"].queryset.filter(
                kind=OrganisationKind.PROVIDER).order_by("name")
            self.fields["provider"].help_text = _("Who carries it out, if anyone: a re-integration company, a "
                                                  "language school or debt help of the municipality.")
        if self.instance.pk is not None and "municipality" in self.fields:
            self.fields["municipality"].disabled = True  # the services never move an instrument to another town


class InstrumentCreateView(ServiceWriteMixin, ScopedCreateView):
    def write(self, form):
        return instrument_create(actor=actor_for(self.request.user), municipality=form.cleaned_data["municipality"],
                                 data=form.service_data())


class InstrumentEditView(ServiceWriteMixin, ScopedEditView):
    def write(self, form):
        return instrument_update(actor=actor_for(self.request.user), instrument=self.object, data=form.service_data())


class MoneyColumn(Column):
    """An amount as every koffer page shows it: € 1.800,00."""

    def get_value(self, instance):
        value = super().get_value(instance)
        return NOTHING if value is None else f"€ {floatformat(value, '2g')}"


class YesNoColumn(Column):
    """Ja/Nee, as on the admin's other pages, rather than Python's True/False."""

    def get_value(self, instance):
        return readable_value(None, super().get_value(instance))


class InstrumentIndexView(ScopedIndexView):
    deactivate_url_name = None
    template_name = "cms/koffer/catalogue.html"

    # Widths of name, kind, cost, weeks, provider, subsidy, in use. The name is what people scan for; left to
    # the browser, the long headers of nearly empty columns took the room and names broke mid-word.
    column_widths = ("30%", "14%", "12%", "8%", "18%", "8%", "10%")

    @cached_property
    def columns(self):
        columns = super().columns
        for column, width in zip(columns, self.column_widths, strict=False):
            column.width = width
        return columns

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.active and self.permission_policy.user_has_permission(self.request.user, "change"):
            buttons.append(MenuItem(_("Take out of use"), url=reverse(self.deactivate_url_name, args=[instance.pk]),
                                    icon_name="no-view", priority=30))
        return buttons


class InstrumentDeactivateView(PermissionCheckedMixin, WagtailAdminTemplateMixin, View):
    """Ask, then take an instrument out of use: no longer offered, while people keep what they were given."""

    model = Instrument
    permission_required = "change"
    template_name = "cms/koffer/deactivate.html"
    page_title = _("Take out of use")
    header_icon = "no-view"
    index_url_name = None
    http_method_names = ["get", "post", "head", "options"]

    def dispatch(self, request, *args, **kwargs):
        instruments = scope_to_tenant(Instrument.objects.all(), request.user, "municipality")
        self.object = get_object_or_404(instruments, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.object.name

    def get_context_data(self, **kwargs):
        return super().get_context_data(index_url=reverse(self.index_url_name), **kwargs)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(object=self.object, errors=[]))

    def post(self, request, *args, **kwargs):
        try:
            instrument_update(actor=actor_for(request.user), instrument=self.object, data={"active": False})
        except DomainError as error:
            return self.render_to_response(self.get_context_data(object=self.object, errors=[error.message]),
                                           status=403)
        messages.success(request, _("“%(name)s” is out of use. People who have it keep it.")
                         % {"name": self.object.name})
        return redirect(self.index_url_name)


class InstrumentViewSet(TenantScopedViewSet):
    """The municipality's koffer: the instruments caseworkers deploy for people, with cost and provider."""

    model = Instrument
    tenant_lookup = "municipality"
    base_form_class = InstrumentForm
    index_view_class = InstrumentIndexView
    add_view_class = InstrumentCreateView
    edit_view_class = InstrumentEditView
    icon = "tasks"
    menu_label = _("Instruments (koffer)")
    menu_hook = MARKETPLACE_MENU_HOOK
    add_to_admin_menu = True
    list_display = ["name", "kind", MoneyColumn("cost", label=_("Cost"), classname="w-whitespace-nowrap"),
                    "duration_weeks", "provider", "subsidy_percent", YesNoColumn("active", label=_("In use"))]
    list_filter = ["kind", "active"]
    list_select_related = ["provider"]
    search_fields = ["name"]
    form_fields = ["municipality", "kind", "name", "description", "cost", "duration_weeks", "provider",
                   "subsidy_percent", "active"]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(deactivate_url_name=self.get_url_name("deactivate"), **kwargs)

    def get_urlpatterns(self):
        deactivate = InstrumentDeactivateView.as_view(index_url_name=self.get_url_name("index"))
        return [*super().get_urlpatterns(), path("deactivate/<int:pk>/", deactivate, name="deactivate")]


def instrument_admin_viewset():
    """Registered through the ``register_admin_viewset`` hook; joins the Marketplace menu."""
    return InstrumentViewSet()


# The instruments of one job seeker -----------------------------------------------------------------------


class AssignForm(forms.Form):
    instrument = forms.ModelChoiceField(label=_("Instrument"), queryset=Instrument.objects.none(),
                                        help_text=_("From the municipality's koffer, instruments in use."))
    provider = forms.ModelChoiceField(
        label=_("Provider"), queryset=Organisation.objects.none(), required=False,
        empty_label=_("As in the koffer"),
        help_text=_("Leave it as in the koffer to order from the instrument's own provider, if it has one."),
    )
    consent = forms.BooleanField(
        label=_("The person agrees that the provider receives their name and contact details"), required=False,
        help_text=_("Needed whenever a provider carries it out. Ask first; tick only when the person agreed."),
    )
    start_date = forms.DateField(label=_("Start date"), widget=DateInput(), initial=timezone.localdate)
    end_date = forms.DateField(label=_("Planned end date"), widget=DateInput(), required=False)
    cost = decimal_number(_("Cost (€)"), max_digits=COST_MAX_DIGITS, decimal_places=2, required=False,
                          help_text=_("Leave empty for the cost in the koffer."))
    plan_action = forms.ModelChoiceField(label=_("For the plan action"), queryset=PlanAction.objects.none(),
                                         required=False, empty_label=_("Not linked to an action"))

    def __init__(self, *args, actor, seeker, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instrument"].queryset = instrument_catalogue(actor=actor, in_use_only=True)
        self.fields["provider"].queryset = providers_of(seeker.municipality_id)
        self.fields["plan_action"].queryset = open_plan_actions_of(seeker)
        self.fields["plan_action"].label_from_instance = lambda action: action.description

    def service_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in
                ("provider", "consent", "start_date", "end_date", "cost", "plan_action")}


class AssignmentForm(forms.Form):
    """What every form about one assignment sends: which one."""

    assignment_id = forms.IntegerField(widget=forms.HiddenInput)


class StartForm(AssignmentForm):
    start_date = forms.DateField(label=_("Started on"), widget=DateInput(), required=False,
                                 help_text=_("Empty: the planned start date, or today if that is still ahead."))


class EndForm(AssignmentForm):
    end_date = forms.DateField(label=_("Ended on"), widget=DateInput(), initial=timezone.localdate)
    result = forms.ChoiceField(label=_("Result"), choices=[("", "–"), *AssignmentResult.choices])
    result_note = forms.CharField(label=_("About the result"), max_length=NOTE_MAX_LENGTH, required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}))


class CancelForm(AssignmentForm):
    reason = forms.CharField(label=_("Why it is cancelled"), max_length=NOTE_MAX_LENGTH,
                             widget=forms.Textarea(attrs={"rows": 2}))


class FollowUpForm(AssignmentForm):
    note = forms.CharField(label=_("Follow-up"), max_length=NOTE_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 2}),
                           help_text=_("What you agreed with the person after the instrument ended."))


# Which forms an assignment offers in each status, and what the page says after each.
FORMS_BY_STATUS = {
    AssignmentStatus.PLANNED: ("start", "cancel"),
    AssignmentStatus.ACTIVE: ("end", "cancel"),
    AssignmentStatus.ENDED: ("follow_up",),
    AssignmentStatus.CANCELLED: (),
}
ACTION_FORMS = {"start": StartForm, "end": EndForm, "cancel": CancelForm, "follow_up": FollowUpForm}


class InstrumentsPageView(SeekerPageView):
    """The instruments deployed for one job seeker, and the forms to deploy and follow them."""

    model = InstrumentAssignment
    template_name = "cms/koffer/instruments.html"
    page_title = _("Instruments")
    header_icon = "tasks"

    def write_actions(self):
        return ("add",) if self.request.POST.get("form") == "assign" else ("change",)

    @cached_property
    def assignments(self):
        # The reports of every assignment are read with the list, not once per row.
        return list(with_reports(assignments_of_seeker(actor=self.actor, seeker=self.seeker)))

    def reports(self):
        """Each assignment with its progress reports, for those that have any: what the provider told the
        municipality."""
        pairs = ((assignment, reports_for_assignment(self.actor, assignment)) for assignment in self.assignments)
        return [(assignment, reports) for assignment, reports in pairs if reports]

    def _assignment(self, assignment_id):
        found = assignment_of(actor=self.actor, seeker=self.seeker, assignment_id=assignment_id)
        if found is None:
            raise Http404
        return found

    def show(self, status=200, selected=None, **forms_):
        policy = policy_registry.get_by_type(InstrumentAssignment)
        context = {
            "assignments": self.assignments, "selected": selected, "reports": self.reports(),
            "may_assign": policy.user_has_permission(self.request.user, "add"),
            "may_change": policy.user_has_permission(self.request.user, "change"),
            "assign_form": AssignForm(actor=self.actor, seeker=self.seeker),
        }
        if selected is not None:
            for name in FORMS_BY_STATUS[selected.status]:
                context[f"{name}_form"] = ACTION_FORMS[name](initial={"assignment_id": selected.pk}, prefix=name)
        context.update(forms_)
        return self.render(status=status, **context)

    def get(self, request, *args, **kwargs):
        selected = request.GET.get("assignment")
        return self.show(selected=self._assignment(selected) if selected else None)

    def post(self, request, *args, **kwargs):
        name = request.POST.get("form")
        if name == "assign":
            return self.assign(request)
        if name not in ACTION_FORMS:
            return self.show(status=400)
        # Each form of the page has its own prefix, so that no two inputs share an id.
        assignment = self._assignment(request.POST.get(f"{name}-assignment_id", ""))
        form = ACTION_FORMS[name](request.POST, prefix=name)
        if form.is_valid() and (done := self.attempt(form, lambda: self.act(name, assignment, form.cleaned_data))):
            return done
        return self.show(status=400, selected=assignment, **{f"{name}_form": form})

    def act(self, name, assignment, data) -> str:
        """Make the move ``name`` on ``assignment`` and return what to tell the user."""
        if name == "start":
            assignment_start(actor=self.actor, assignment=assignment, start_date=data["start_date"])
            return _("The instrument is running.")
        if name == "end":
            assignment_end(actor=self.actor, assignment=assignment, end_date=data["end_date"], result=data["result"],
                           result_note=data["result_note"])
            return _("The instrument has ended. Record the follow-up once you have spoken with the person.")
        if name == "cancel":
            assignment_cancel(actor=self.actor, assignment=assignment, reason=data["reason"])
            return _("The instrument is cancelled.")
        assignment_follow_up(actor=self.actor, assignment=assignment, note=data["note"])
        return _("The follow-up is recorded.")

    def assign(self, request):
        form = AssignForm(request.POST, actor=self.actor, seeker=self.seeker)
        if form.is_valid():
            def write():
                assignment = assignment_create(actor=self.actor, seeker=self.seeker,
                                               instrument=form.cleaned_data["instrument"], data=form.service_data())
                if assignment.status == AssignmentStatus.ACTIVE:
                    return _("“%(name)s” is deployed and running.") % {"name": assignment.instrument.name}
                return _("“%(name)s” is planned.") % {"name": assignment.instrument.name}

            if done := self.attempt(form, write):
                return done
        return self.show(status=400, assign_form=form)
