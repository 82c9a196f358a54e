"""The cockpit page (/admin/cockpit/): every figure for one scope, the worklist, and the exports.

A caseworker sees their own caseload; a team leader chooses the whole municipality or one caseworker
with a GET form (``?scope=municipality`` or ``?scope=<caseworker id>``). A scope the user may not
choose is refused (PermissionDenied, which the admin answers by sending the user to its home page
with a message); a caseworker of another municipality does not exist (404).

The exports are posted to the same page (the purpose of a draaglast export never goes into a URL).
Bad input shows the page again with the errors next to the fields (400) and writes nothing; a good
request answers with the file. Apart from the access log of a draaglast export nothing is written.
"""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import path, reverse_lazy
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permissions import policy_registry

from cms.cockpit import figures
from cms.cockpit.panels import COCKPIT_URL_NAME, worklist_rows
from cms.exports import CSV, FORMATS, XLSX, export_response
from marketplace.access import actor_for
from marketplace.exceptions import NotAllowed, NotYourMunicipality
from marketplace.models import JobSeeker
from marketplace.selectors.burden import PURPOSE_MAX_LENGTH, clean_purpose
from marketplace.selectors.cockpit import cockpit_for, cockpit_scope_for, scope_choices
from marketplace.selectors.exports import (
    assignment_columns,
    assignment_export,
    caseload_columns,
    caseload_export,
)
from marketplace.selectors.signals import MUNICIPALITY, SignalKind, signal_counts, worklist_for

WORKLIST_SIZE = 25
CASELOAD, INSTRUMENTS = "caseload", "instruments"


class ScopeForm(forms.Form):
    scope = forms.ChoiceField(label=_("Show"), required=False)

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scope"].choices = choices


class ExportForm(forms.Form):
    """One export: which report is fixed by the form, the format by the button that was pressed."""

    report = CASELOAD
    scope = forms.CharField(required=False, widget=forms.HiddenInput)
    file_format = forms.ChoiceField(choices=[(XLSX, "XLSX"), (CSV, "CSV")])


class CaseloadExportForm(ExportForm):
    include_burden = forms.BooleanField(
        label=_("Include the draaglast"), required=False,
        help_text=_("Severity and note per draaglast category. Every person in the file is recorded in the audit "
                    "log with your name, the time and the purpose below, and can see that read."),
    )
    purpose = forms.CharField(
        label=_("Purpose of including the draaglast"), required=False, max_length=PURPOSE_MAX_LENGTH,
        help_text=_("Only with the draaglast, for example “preparing the case review with the team”."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("include_burden"):
            try:
                cleaned["purpose"] = clean_purpose(cleaned.get("purpose"))
            except ValidationError as error:
                self.add_error("purpose", error.message_dict["purpose"])
        elif cleaned.get("purpose"):
            self.add_error("include_burden", _("Tick this box to include the draaglast, or leave the purpose empty."))
        return cleaned


class InstrumentExportForm(ExportForm):
    report = INSTRUMENTS


EXPORT_FORMS = {CASELOAD: CaseloadExportForm, INSTRUMENTS: InstrumentExportForm}


class CockpitView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "cms/cockpit/page.html"
    page_title = _("Caseload cockpit")
    header_icon = "table"
    http_method_names = ["get", "post", "head", "options"]

    @cached_property
    def actor(self):
        return actor_for(self.request.user)

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    def scope_for(self, key):
        try:
            return cockpit_scope_for(self.actor, key)
        except NotYourMunicipality:
            raise Http404 from None
        except NotAllowed as error:
            raise PermissionDenied(str(error.message)) from None

    def get(self, request, *args, **kwargs):
        if self.actor.caseworker is None:
            return self.render_to_response(self.get_context_data(no_caseworker=True))
        return self.show(self.scope_for(request.GET.get("scope")))

    def show(self, scope, status=200, **forms_):
        cockpit = cockpit_for(scope)
        prefix = "cockpit"
        of = MUNICIPALITY if scope.is_municipality else scope.caseworker
        worklist = worklist_for(self.actor.caseworker, limit=WORKLIST_SIZE, of=of)
        choices = scope_choices(self.actor)
        context = {
            "scope": scope, "cockpit": cockpit, "summary": figures.caseload_summary(cockpit.plans),
            "signals_caption": figures.signals_caption(cockpit.active),
            "scope_label": self.scope_label(scope, choices),
            "scope_form": ScopeForm(initial={"scope": scope.key}, choices=choices) if choices else None,
            "charts": [figures.rung_chart(cockpit.by_rung, prefix),
                       figures.category_chart(cockpit.by_category, prefix)],
            "plans_table": figures.plans_table(cockpit.plans, prefix),
            "funnel": cockpit.funnel, "funnel_chart": figures.application_funnel_chart(cockpit.funnel, prefix),
            "overview": cockpit.instruments,
            "instruments_chart": figures.instruments_chart(cockpit.instruments, prefix)
            if cockpit.instruments.in_use else None,
            "results_table": figures.results_table(cockpit.instruments, prefix) if cockpit.instruments.results
            else None,
            "rows": worklist_rows(worklist), "show_caseworker": scope.is_municipality,
            "signal_counts": self.signal_rows(scope),
            "caseload_form": CaseloadExportForm(prefix=CASELOAD, initial={"scope": scope.key}),
            "instruments_form": InstrumentExportForm(prefix=INSTRUMENTS, initial={"scope": scope.key}),
            "may_export": self.may_export(),
        }
        context.update(forms_)
        return self.render_to_response(self.get_context_data(**context), status=status)

    def scope_label(self, scope, choices) -> str:
        if scope.is_municipality:
            return gettext("The whole municipality")
        if scope.caseworker.pk == self.actor.caseworker.pk:
            return gettext("My caseload")
        return gettext("Caseload of %(name)s") % {"name": scope.caseworker}

    def signal_rows(self, scope):
        counted = signal_counts(scope.people())
        return [(str(kind.label), figures.number(counted[kind.value])) for kind in SignalKind]

    def may_export(self) -> bool:
        return policy_registry.get_by_type(JobSeeker).user_has_permission(self.request.user, "view")

    def post(self, request, *args, **kwargs):
        if self.actor.caseworker is None or not self.may_export():
            raise PermissionDenied
        report = request.POST.get("report")
        form_class = EXPORT_FORMS.get(report)
        if form_class is None:
            raise Http404
        form = form_class(request.POST, prefix=report)
        scope = self.scope_for(form.data.get(form.add_prefix("scope")))
        if not form.is_valid():
            return self.show(scope, status=400, **{f"{report}_form": form})
        return self.export(scope, form)

    def export(self, scope, form):
        data = form.cleaned_data
        with_burden = bool(data.get("include_burden"))
        if form.report == CASELOAD:
            header, title = caseload_columns(with_burden=with_burden), gettext("Caseload")
        else:
            header, title = assignment_columns(), gettext("Instruments")
        file = FORMATS[data["file_format"]](title, header)
        if form.report == CASELOAD:
            caseload_export(actor=self.actor, scope=scope, emit=lambda row: file.row(row.values()),
                            burden_purpose=data["purpose"] if with_burden else None)
        else:
            assignment_export(actor=self.actor, scope=scope, emit=lambda row: file.row(row.values()))
        filename = f"{title.lower()}-{timezone.localdate().isoformat()}"
        return export_response(file, filename)


def cockpit_urls():
    """The ``register_admin_urls`` hook."""
    return [path("cockpit/", CockpitView.as_view(), name=COCKPIT_URL_NAME)]


class CockpitMenuItem(MenuItem):
    def is_shown(self, request):
        return actor_for(request.user).caseworker is not None


def cockpit_menu_item():
    """The ``register_admin_menu_item`` hook: the cockpit in the main menu, for caseworkers."""
    return CockpitMenuItem(_("Caseload cockpit"), reverse_lazy(COCKPIT_URL_NAME), name="cockpit", icon_name="table",
                           order=150)
