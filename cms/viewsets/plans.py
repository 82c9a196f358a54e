"""The caseload in the admin: per job seeker the plan of action, the draagkracht picture and the assessments.

One viewset over the job seekers of the caseworker's municipality (``CaseloadViewSet``), scoped like
every other (cms/viewsets/scoping.py): a job seeker of another municipality does not exist here
(404). Its pages are keyed by the job seeker, so they open before a plan exists, and every write
goes through the services; what they refuse is shown next to the form that was sent, and nothing
is written. Rights come from the models' own permissions (plan, draagkracht picture, assessment),
checked before the job seeker is looked up.

The scores on the sensitive life domains appear only in the answer to a posted purpose, which is
logged like a read of the draaglast (``assessments_read_for_staff``); no cache keeps that answer.
"""

from django import forms
from django.contrib.auth import get_permission_codename
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views import View
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem as AdminMenuItem
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permissions import policy_registry

from cms.viewsets.marketplace import MARKETPLACE_MENU_HOOK
from cms.viewsets.scoping import ScopedIndexView, TenantScopedViewSet, scope_to_tenant
from marketplace.access import actor_for
from marketplace.constants import NOTE_MAX_LENGTH, TEXT_MAX_LENGTH
from marketplace.exceptions import DomainError
from marketplace.form_errors import add_service_errors
from marketplace.form_fields import DateInput
from marketplace.models import (
    Assessment,
    CategoryPlacement,
    ContactMoment,
    DraagkrachtPicture,
    InstrumentAssignment,
    JobSeeker,
    Plan,
)
from marketplace.models.assessments import LifeDomain, SelfSufficiency
from marketplace.models.draagkracht import PICTURE_FIELDS, PICTURE_TEXT_FIELDS
from marketplace.models.plans import ACTION_DESCRIPTION_MAX_LENGTH, OWNER_NAME_MAX_LENGTH, ActionOwner, ActionStatus
from marketplace.selectors.assessments import (
    assessments_for_staff,
    assessments_read_for_staff,
    draagkracht_for_staff,
)
from marketplace.selectors.burden import PURPOSE_MAX_LENGTH, clean_purpose, staff_may_access_burden
from marketplace.selectors.plans import (
    caseload_with_plans,
    changes_since_agreement,
    plan_action_of,
    plan_for_staff,
    plan_history,
)
from marketplace.services.assessments import assessment_record, draagkracht_record
from marketplace.services.plans import (
    plan_action_add,
    plan_action_update,
    plan_comment_add,
    plan_create,
    plan_update,
)

CASELOAD_MODELS = (Plan, DraagkrachtPicture, Assessment, InstrumentAssignment, CategoryPlacement, ContactMoment)
# The draaglast's own page (cms/viewsets/burden.py): it asks for a purpose and logs the read before it shows anything.
BURDEN_URL_NAME = "marketplace_jobseeker:burden"
NO_SCORE = ""


def _policy(model):
    return policy_registry.get_by_type(model)


# Forms. Numbers and dates follow marketplace/form_fields.py; the services decide what is valid.


class PlanForm(forms.Form):
    goal = forms.CharField(
        label=_("Goal"), max_length=TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("In the person's own words. Details of debts or health belong in the draaglast, not here."),
    )
    review_date = forms.DateField(label=_("Review date"), widget=DateInput(),
                                  help_text=_("When you look at the plan together again."))


class ActionForm(forms.Form):
    description = forms.CharField(label=_("What"), max_length=ACTION_DESCRIPTION_MAX_LENGTH,
                                  help_text=_("One step, in words the job seeker understands."))
    owner = forms.ChoiceField(label=_("Who does it"), choices=ActionOwner.choices, widget=forms.RadioSelect)
    owner_name = forms.CharField(label=_("Name of the other party"), max_length=OWNER_NAME_MAX_LENGTH,
                                 required=False, help_text=_("Only when someone else does it."))
    due_date = forms.DateField(label=_("Due date"), widget=DateInput(),
                               help_text=_("From today, and not after the review date."))
    action_id = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def service_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in ("description", "owner", "owner_name", "due_date")}


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Comment"), max_length=NOTE_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 3}),
                           help_text=_("The job seeker reads this on their plan page."))


class ActionStatusForm(forms.Form):
    action_id = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(choices=ActionStatus.choices)


class PurposeForm(forms.Form):
    purpose = forms.CharField(
        label=_("Purpose of this read"), max_length=PURPOSE_MAX_LENGTH,
        help_text=_("Recorded in the audit log with your name and the time, for example “review of the plan”. "
                    "The job seeker sees this purpose under “my data”."),
    )

    def clean_purpose(self):
        try:
            return clean_purpose(self.cleaned_data["purpose"])
        except ValidationError as error:
            raise ValidationError(error.message_dict["purpose"]) from None


class AssessmentForm(forms.Form):
    date = forms.DateField(label=_("Date of the assessment"), widget=DateInput(), initial=timezone.localdate)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(NO_SCORE, _("Not assessed")), *SelfSufficiency.choices]
        for domain in LifeDomain:
            self.fields[domain.value] = forms.TypedChoiceField(
                label=domain.label, choices=choices, coerce=int, empty_value=None, required=False,
            )

    def scores(self) -> dict:
        return {domain: self.cleaned_data.get(domain) for domain in LifeDomain.values}


def draagkracht_form_class():
    """The picture's fields with the model's labels and limits; the service validates what is sent."""
    fields = {}
    for name in PICTURE_FIELDS:
        model_field = DraagkrachtPicture._meta.get_field(name)
        if name in PICTURE_TEXT_FIELDS:
            fields[name] = forms.CharField(label=capfirst(model_field.verbose_name), required=False,
                                           max_length=TEXT_MAX_LENGTH, help_text=model_field.help_text,
                                           widget=forms.Textarea(attrs={"rows": 3}))
        else:
            fields[name] = forms.TypedChoiceField(label=capfirst(model_field.verbose_name), coerce=int,
                                                  choices=model_field.choices, widget=forms.RadioSelect)
    return type("DraagkrachtForm", (forms.Form,), fields)


DraagkrachtForm = draagkracht_form_class()


# Pages of one job seeker.


class SeekerPageView(WagtailAdminTemplateMixin, View):
    """A page about one job seeker of the user's municipality, for users with a permission on ``model``."""

    model = Plan
    read_actions = ("view", "add", "change")
    header_icon = "user"
    index_url_name = None
    page_url_names: dict = {}
    http_method_names = ["get", "post", "head", "options"]

    def dispatch(self, request, *args, **kwargs):
        # Rights first, then the row: someone without the right is refused alike for every job seeker.
        needed = self.write_actions() if request.method == "POST" else self.read_actions
        if not _policy(self.model).user_has_any_permission(request.user, needed):
            raise PermissionDenied
        seekers = scope_to_tenant(JobSeeker.objects.select_related("municipality", "caseworker__user"),
                                  request.user, "municipality")
        self.seeker = get_object_or_404(seekers, pk=kwargs["pk"])
        self.actor = actor_for(request.user)
        return super().dispatch(request, *args, **kwargs)

    def write_actions(self):
        return ("change",)

    @cached_property
    def page_url(self) -> str:
        return self.request.path

    def get_page_subtitle(self):
        return self.seeker.full_name

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": capfirst(_("Plans and progress"))},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def render(self, status=200, **context):
        pages = [(label, reverse(url_name, args=[self.seeker.pk]), url_name == self.current_url_name)
                 for label, url_name in self.page_links()]
        context = self.get_context_data(seeker=self.seeker, pages=pages, burden_url=self.burden_url, **context)
        return self.render_to_response(context, status=status)

    @cached_property
    def burden_url(self) -> str | None:
        """The draaglast page for those it opens to (caseworkers of the seeker's municipality), otherwise None."""
        may_open = staff_may_access_burden(self.request.user, self.seeker) and _policy(
            JobSeeker).user_has_any_permission(self.request.user, {"view", "change"})
        return reverse(BURDEN_URL_NAME, args=[self.seeker.pk]) if may_open else None

    def page_links(self):
        burden = [(_("Draaglast"), BURDEN_URL_NAME)] if self.burden_url else []
        return [(_("Plan of action"), self.page_url_names["plan"]),
                (_("Draagkracht"), self.page_url_names["picture"]),
                *burden,
                (_("Life-domains assessments"), self.page_url_names["assessments"]),
                (_("Instruments"), self.page_url_names["instruments"]),
                (pgettext_lazy("caseload", "Category"), self.page_url_names["category"]),
                (_("Contacts"), self.page_url_names["contacts"])]

    current_url_name = None

    def attempt(self, form, write):
        """Run ``write`` once ``form`` is valid; it returns what to tell the user, then the page shows afresh. When
        the form or the service refuses, show why next to ``form`` under one banner and return None."""
        if form.is_valid():
            try:
                success = write()
            except ValidationError as error:
                add_service_errors(form, error)
            except DomainError as error:
                form.add_error(None, str(error.message))
            else:
                messages.success(self.request, success)
                return redirect(self.page_url)
        messages.validation_error(self.request, _("Nothing was saved, because of the errors below."), form)
        return None


class PlanPageView(SeekerPageView):
    """The plan: goal and review date, the actions, the agreement, comments and the history."""

    template_name = "cms/plan_admin/plan.html"
    page_title = _("Plan of action")
    header_icon = "calendar-check"

    def write_actions(self):
        return ("change",) if Plan.objects.filter(seeker_id=self.kwargs["pk"]).exists() else ("add",)

    @cached_property
    def plan(self) -> Plan | None:
        return plan_for_staff(actor=self.actor, seeker=self.seeker)

    def get(self, request, *args, **kwargs):
        action = plan_action_of(plan=self.plan, action_id=request.GET.get("action", "")) if self.plan else None
        return self.show(action_form=self._action_form(action), editing=action)

    def _action_form(self, action, data=None):
        if action is None:
            return ActionForm(data)
        return ActionForm(data, initial={
            "description": action.description, "owner": action.owner, "owner_name": action.owner_name,
            "due_date": action.due_date, "action_id": action.pk,
        })

    def show(self, status=200, **forms_):
        plan = self.plan
        initial = {"goal": plan.goal, "review_date": plan.review_date} if plan is not None else {}
        context = {
            "plan": plan, "plan_form": PlanForm(initial=initial), "action_form": ActionForm(),
            "comment_form": CommentForm(), "editing": None,
            "history": list(reversed(plan_history(plan))) if plan else [],
            "changes": changes_since_agreement(plan) if plan else [],
            "may_write": _policy(Plan).user_has_any_permission(self.request.user, self.write_actions()),
            "status_choices": ActionStatus,
        }
        context.update(forms_)
        return self.render(status=status, **context)

    def post(self, request, *args, **kwargs):
        handler = {"plan": self.save_plan, "action": self.save_action, "status": self.set_status,
                   "comment": self.comment}.get(request.POST.get("form"))
        if handler is None:
            return self.show(status=400)
        return handler(request)

    def save_plan(self, request):
        form = PlanForm(request.POST)
        plan = self.plan

        def write():
            if plan is None:
                plan_create(actor=self.actor, seeker=self.seeker, **form.cleaned_data)
                return _("The plan is made. Add the first actions.")
            changed = plan_update(actor=self.actor, plan=plan, data=form.cleaned_data)
            if changed.version == plan.version:
                return _("Nothing changed.")
            return _("The plan is changed. The job seeker is asked to agree again.")

        if done := self.attempt(form, write):
            return done
        return self.show(status=400, plan_form=form)

    def save_action(self, request):
        if self.plan is None:
            raise Http404
        form = ActionForm(request.POST)
        editing = None
        if form.is_valid():
            action_id = form.cleaned_data["action_id"]
            editing = plan_action_of(plan=self.plan, action_id=action_id) if action_id else None
            if action_id and editing is None:
                raise Http404

        def write():
            if editing is None:
                plan_action_add(actor=self.actor, plan=self.plan, **form.service_data())
                return _("The action is added. The job seeker is asked to agree again.")
            plan_action_update(actor=self.actor, action=editing, data=form.service_data())
            return _("The action is saved.")

        if done := self.attempt(form, write):
            return done
        return self.show(status=400, action_form=form, editing=editing)

    def set_status(self, request):
        action = plan_action_of(plan=self.plan, action_id=request.POST.get("action_id", "")) if self.plan else None
        if action is None:
            raise Http404
        form = ActionStatusForm(request.POST)
        told = {ActionStatus.DONE: _("The action is ticked off."),
                ActionStatus.CANCELLED: _("The action is cancelled. The job seeker is asked to agree again."),
                ActionStatus.OPEN: _("The action is open again.")}

        def write():
            status = form.cleaned_data["status"]
            plan_action_update(actor=self.actor, action=action, data={"status": status})
            return told[status]

        if done := self.attempt(form, write):
            return done
        return self.show(status=400, status_form=form)

    def comment(self, request):
        if self.plan is None:
            raise Http404
        form = CommentForm(request.POST)

        def write():
            plan_comment_add(actor=self.actor, plan=self.plan, text=form.cleaned_data["text"])
            return _("Your comment is added to the plan.")

        if done := self.attempt(form, write):
            return done
        return self.show(status=400, comment_form=form)


class DraagkrachtPageView(SeekerPageView):
    """The current draagkracht picture with the skills, a form for the next version, and every version."""

    model = DraagkrachtPicture
    template_name = "cms/plan_admin/picture.html"
    page_title = _("Draagkracht")
    header_icon = "user"

    def write_actions(self):
        return ("add",)

    def show(self, form=None, status=200):
        overview = draagkracht_for_staff(actor=self.actor, seeker=self.seeker)
        if form is None:
            initial = overview.current.values() if overview.current else {"motivation_words": self.seeker.motivation}
            form = DraagkrachtForm(initial=initial)
        return self.render(status=status, overview=overview, form=form, may_write=_policy(
            DraagkrachtPicture).user_has_permission(self.request.user, "add"))

    def get(self, request, *args, **kwargs):
        return self.show()

    def post(self, request, *args, **kwargs):
        form = DraagkrachtForm(request.POST)

        def write():
            picture, created = draagkracht_record(actor=self.actor, seeker=self.seeker, data=form.cleaned_data)
            if not created:
                return _("Nothing changed, so no new version was recorded.")
            return _("The draagkracht picture is saved as version %(version)d.") % {"version": picture.version}

        if done := self.attempt(form, write):
            return done
        return self.show(form=form, status=400)


class AssessmentPageView(SeekerPageView):
    """The assessments over time (open domains), a read of every score with a purpose, and a new assessment."""

    model = Assessment
    template_name = "cms/plan_admin/assessments.html"
    page_title = _("Life-domains assessments")
    header_icon = "table"
    READ, RECORD = "read", "record"

    def write_actions(self):
        # A read with a purpose is a read; recording is adding.
        return self.read_actions if self.request.POST.get("action") == self.READ else ("add",)

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    def show(self, status=200, progress=None, **context):
        progress = progress or assessments_for_staff(actor=self.actor, seeker=self.seeker)
        context.setdefault("record_form", AssessmentForm())
        context.setdefault("purpose_form", PurposeForm())
        return self.render(
            status=status, progress=progress, read_action=self.READ, record_action=self.RECORD,
            may_read_all=staff_may_access_burden(self.request.user, self.seeker),
            may_write=_policy(Assessment).user_has_permission(self.request.user, "add"), **context,
        )

    def get(self, request, *args, **kwargs):
        # Only the open domains; a purpose in the query string is ignored, so nothing sensitive is read via a URL.
        return self.show()

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") == self.READ:
            return self.read(request)
        form = AssessmentForm(request.POST)

        def write():
            assessment_record(actor=self.actor, seeker=self.seeker, date=form.cleaned_data["date"],
                              scores=form.scores())
            return _("The assessment is recorded.")

        if done := self.attempt(form, write):
            return done
        return self.show(status=400, record_form=form)

    def read(self, request):
        form = PurposeForm(request.POST)
        if not form.is_valid():
            return self.show(status=400, purpose_form=form)
        try:
            progress = assessments_read_for_staff(actor=self.actor, seeker=self.seeker,
                                                  purpose=form.cleaned_data["purpose"])
        except DomainError as error:
            form.add_error(None, str(error.message))
            return self.show(status=403, purpose_form=form)
        return self.show(progress=progress, purpose=form.cleaned_data["purpose"])


# The listing: the caseload with the state of each plan.


class PlanStateColumn(Column):
    """Whether the job seeker agreed to the current version of their plan, in words."""

    def get_value(self, instance):
        plan = getattr(instance, "plan", None)
        return plan.get_agreement_state_display() if plan is not None else _("No plan yet")


class ReviewDateColumn(Column):
    def get_value(self, instance):
        plan = getattr(instance, "plan", None)
        if plan is None:
            return "–"
        text = date_format(plan.review_date, "j F Y")
        return _("%(date)s (past)") % {"date": text} if plan.review_overdue else text


class LastAssessedColumn(Column):
    def get_value(self, instance):
        return date_format(instance.last_assessed, "j F Y") if instance.last_assessed else "–"


class CaseloadIndexView(ScopedIndexView):
    page_urls: dict = {}

    @cached_property
    def permission_policy(self):
        return _policy(Plan)

    def get_base_queryset(self):
        return caseload_with_plans(super().get_base_queryset())

    @cached_property
    def columns(self):
        columns = super().columns
        columns[0].label = _("Name")  # the title column is the seeker's name, a property without a label
        return columns

    def get_edit_url(self, instance):
        return reverse(self.page_urls["plan"], args=[instance.pk])

    def get_list_more_buttons(self, instance):
        return [
            MenuItem(_("Plan of action"), url=reverse(self.page_urls["plan"], args=[instance.pk]),
                     icon_name="calendar-check", priority=10),
            MenuItem(_("Draagkracht"), url=reverse(self.page_urls["picture"], args=[instance.pk]),
                     icon_name="user", priority=20),
            MenuItem(_("Life-domains assessments"), url=reverse(self.page_urls["assessments"], args=[instance.pk]),
                     icon_name="table", priority=30),
            MenuItem(_("Instruments"), url=reverse(self.page_urls["instruments"], args=[instance.pk]),
                     icon_name="tasks", priority=40),
        ]


class CaseloadViewSet(TenantScopedViewSet):
    """The caseload with plans, draagkracht and assessments. A second view of the job seekers, so it leaves
    the job seekers' own admin (edit links, permissions) to ``JobSeekerViewSet``."""

    model = JobSeeker
    name = "caseload"
    url_prefix = "caseload"
    tenant_lookup = "municipality"
    icon = "calendar-check"
    menu_label = _("Plans and progress")
    menu_hook = MARKETPLACE_MENU_HOOK
    add_to_admin_menu = True
    list_display = ["full_name", "rung", PlanStateColumn("plan", label=_("Plan")),
                    ReviewDateColumn("review_date", label=_("Review date")),
                    LastAssessedColumn("last_assessed", label=_("Last assessment"))]
    list_select_related = ["caseworker__user"]
    search_fields = ["first_name", "last_name"]
    index_view_class = CaseloadIndexView
    inspect_view_enabled = False
    form_fields = []

    @cached_property
    def page_url_names(self) -> dict:
        return {"plan": self.get_url_name("plan"), "picture": self.get_url_name("picture"),
                "assessments": self.get_url_name("assessments"), "instruments": self.get_url_name("instruments"),
                "category": self.get_url_name("category"), "contacts": self.get_url_name("contacts")}

    @cached_property
    def menu_item_class(self):
        def is_shown(_self, request):
            return any(_policy(model).user_has_any_permission(request.user, {"view", "add", "change"})
                       for model in CASELOAD_MODELS)

        return type("CaseloadMenuItem", (AdminMenuItem,), {"is_shown": is_shown})

    def register_admin_url_finder(self):
        """Links to a job seeker's admin page keep going to the job seekers' own edit page."""

    def get_permissions_to_register(self):
        codenames = [get_permission_codename(action, model._meta) for model in CASELOAD_MODELS
                     for action in ("view", "add", "change")]
        return Permission.objects.filter(content_type__app_label="marketplace", codename__in=codenames)

    def register_permissions(self):
        # The job seekers' permissions are registered by their own viewset; these pages have their own models'.
        hooks.register("register_permissions", self.get_permissions_to_register)

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(page_urls=self.page_url_names, **kwargs)

    def get_common_view_kwargs(self, **kwargs):
        kwargs = super().get_common_view_kwargs(**kwargs)
        for name in ("add_url_name", "edit_url_name", "delete_url_name", "copy_url_name", "inspect_url_name",
                     "history_url_name", "usage_url_name"):
            kwargs[name] = None
        return kwargs

    def _page(self, view_class, current):
        return view_class.as_view(index_url_name=self.get_url_name("index"), page_url_names=self.page_url_names,
                                  current_url_name=self.get_url_name(current))

    def get_urlpatterns(self):
        # The koffer's, category and contacts pages build on SeekerPageView above, so they are imported once this
        # module is loaded.
        from cms.viewsets.caseload import CategoryPageView, ContactsPageView
        from cms.viewsets.koffer import InstrumentsPageView

        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("plan/<int:pk>/", self._page(PlanPageView, "plan"), name="plan"),
            path("picture/<int:pk>/", self._page(DraagkrachtPageView, "picture"), name="picture"),
            path("assessments/<int:pk>/", self._page(AssessmentPageView, "assessments"), name="assessments"),
            path("instruments/<int:pk>/", self._page(InstrumentsPageView, "instruments"), name="instruments"),
            path("category/<int:pk>/", self._page(CategoryPageView, "category"), name="category"),
            path("contacts/<int:pk>/", self._page(ContactsPageView, "contacts"), name="contacts"),
        ]


def caseload_admin_viewset():
    """Registered through the ``register_admin_viewset`` hook; joins the Marketplace menu."""
    return CaseloadViewSet()
