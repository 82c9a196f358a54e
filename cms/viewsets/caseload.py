"""Caseload categories, contacts and the worklist in the admin.

Two pages join a job seeker's caseload pages (cms/viewsets/plans.py): "Category" shows the proposal
with its reasons, the current category and the history, with a form to confirm the proposal or choose
another category with a reason; "Contacts" shows the contact log with a form to record one. The
categories of the municipality are listed with their approach, and a team leader changes them.
"Worklist" lists the caseworker's people with stuck signals, most urgent first; a team leader chooses
one caseworker or the whole municipality. Every write goes through the services, every read through
the selectors; what a service refuses shows next to its field, and nothing is written.
"""

from django import forms
from django.contrib.auth import get_permission_codename
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views import View
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem as AdminMenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permissions import policy_registry

from cms.cockpit.figures import signal_text
from cms.viewsets.marketplace import MARKETPLACE_MENU_HOOK
from cms.viewsets.plans import SeekerPageView
from marketplace.access import actor_for
from marketplace.constants import NOTE_MAX_LENGTH
from marketplace.exceptions import DomainError
from marketplace.form_errors import add_service_errors
from marketplace.form_fields import DateInput, whole_number
from marketplace.models import CaseloadCategory, CategoryPlacement, ContactKind, ContactMoment, JobSeeker
from marketplace.selectors.categories import (
    categories_for,
    category_of,
    category_proposal_for,
    contact_moments_for,
    instrument_choices_for,
    placements_for,
)
from marketplace.selectors.signals import MUNICIPALITY, worklist_for
from marketplace.services.categories import category_place, category_update, category_update_errors
from marketplace.services.contacts import contact_record

WHOLE_MUNICIPALITY = "all"
# A page shows the most urgent people; a whole municipality's worklist can run into thousands.
WORKLIST_SHOWN = 250


def _policy(model):
    return policy_registry.get_by_type(model)


def _attempt(request, form, write, done_url):
    """Run ``write`` once ``form`` is valid (it returns the message to show) and go to ``done_url``. When the form or
    the service refuses, put the errors on ``form`` under one banner and return None."""
    if form.is_valid():
        try:
            success = write()
        except ValidationError as error:
            add_service_errors(form, error)
        except DomainError as error:
            form.add_error(None, str(error.message))
        else:
            messages.success(request, success)
            return redirect(done_url)
    messages.validation_error(request, _("Nothing was saved, because of the errors below."), form)
    return None


# A job seeker's category and contacts.


class PlacementForm(forms.Form):
    category = forms.ModelChoiceField(label=pgettext_lazy("caseload", "Category"),
                                      queryset=CaseloadCategory.objects.none(), widget=forms.RadioSelect,
                                      empty_label=None)
    reason = forms.CharField(label=_("Reason"), max_length=NOTE_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("Why this category fits the person now. Details of debts or health belong "
                                         "in the draaglast, not here."))

    def __init__(self, *args, categories, proposed_key=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["category"]
        field.queryset = categories
        # The proposal is named, not chosen: the caseworker confirms it by choosing it.
        field.label_from_instance = lambda category: (
            _("%(name)s (proposed)") % {"name": category.name} if category.key == proposed_key else category.name
        )


class ContactForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput(), help_text=_("Today or earlier."))
    kind = forms.ChoiceField(label=_("How"), choices=ContactKind.choices, widget=forms.RadioSelect)
    note = forms.CharField(label=_("Note"), max_length=NOTE_MAX_LENGTH, required=False,
                           widget=forms.Textarea(attrs={"rows": 3}),
                           help_text=_("What you discussed and agreed, in a few lines."))


class CategoryPageView(SeekerPageView):
    """The proposal with its reasons, the current category, the form to place the person, and the history."""

    model = CategoryPlacement
    template_name = "cms/caseload_admin/category.html"
    page_title = pgettext_lazy("caseload", "Category")
    header_icon = "tag"

    def write_actions(self):
        return ("add",)

    def show(self, form=None, status=200):
        # A superuser without a caseworker keeps the records but reads no scores, so gets no proposal.
        proposal = category_proposal_for(self.actor, self.seeker) if self.actor.is_caseworker else None
        categories = categories_for(self.actor)
        form = form or PlacementForm(categories=categories, proposed_key=getattr(proposal, "key", None))
        current = JobSeeker.objects.select_related("category").get(pk=self.seeker.pk).category
        may_write = self.actor.is_caseworker and _policy(CategoryPlacement).user_has_permission(
            self.request.user, "add")
        return self.render(status=status, proposal=proposal, current=current, form=form,
                           history=placements_for(self.actor, self.seeker), has_categories=categories.exists(),
                           may_write=may_write)

    def get(self, request, *args, **kwargs):
        return self.show()

    def post(self, request, *args, **kwargs):
        if not self.actor.is_caseworker:
            raise PermissionDenied
        proposal = category_proposal_for(self.actor, self.seeker)
        form = PlacementForm(request.POST, categories=categories_for(self.actor), proposed_key=proposal.key)

        def write():
            placement = category_place(actor=self.actor, seeker=self.seeker, **form.cleaned_data)
            return _("%(name)s is placed in “%(category)s”.") % {"name": self.seeker.full_name,
                                                                  "category": placement.category.name}

        if done := _attempt(request, form, write, self.page_url):
            return done
        return self.show(form=form, status=400)


class ContactsPageView(SeekerPageView):
    """The contact log, newest first, and a form to record a contact."""

    model = ContactMoment
    template_name = "cms/caseload_admin/contacts.html"
    page_title = _("Contacts")
    header_icon = "mail"

    def write_actions(self):
        return ("add",)

    def show(self, form=None, status=200):
        return self.render(status=status, form=form or ContactForm(),
                           moments=list(contact_moments_for(self.actor, self.seeker)),
                           may_write=self.actor.is_caseworker and _policy(ContactMoment).user_has_permission(
                               self.request.user, "add"))

    def get(self, request, *args, **kwargs):
        return self.show()

    def post(self, request, *args, **kwargs):
        form = ContactForm(request.POST)

        def write():
            contact_record(actor=self.actor, seeker=self.seeker, **form.cleaned_data)
            return _("The contact is recorded.")

        if done := _attempt(request, form, write, self.page_url):
            return done
        return self.show(form=form, status=400)


# The municipality's categories.


class CategoryEditForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    description = forms.CharField(label=_("Approach"), max_length=NOTE_MAX_LENGTH, required=False,
                                  widget=forms.Textarea(attrs={"rows": 4}),
                                  help_text=_("The standard approach for people in this category, in a few lines."))
    contact_every_weeks = whole_number(_("Contact at least every (weeks)"), help_text=_("From 1 to 104."))
    review_every_weeks = whole_number(_("Review the plan every (weeks)"), help_text=_("From 1 to 104."))
    stuck_after_months = whole_number(_("No rung change for (months) counts as stuck"),
                                      help_text=_("From 1 to 60."))
    follow_up_within_weeks = whole_number(_("Follow up an ended instrument within (weeks)"),
                                          help_text=_("From 1 to 104."))
    default_instruments = forms.ModelMultipleChoiceField(
        label=_("Instruments to consider first"), queryset=None, required=False,
        widget=forms.CheckboxSelectMultiple, help_text=_("From your municipality's koffer."),
    )

    def __init__(self, *args, instruments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["default_instruments"].queryset = instruments


class CaseworkerAdminView(WagtailAdminTemplateMixin, View):
    """A page for caseworkers with ``permission`` on ``model``; anyone else is refused."""

    model = CaseloadCategory
    permission = "view"
    http_method_names = ["get", "post", "head", "options"]
    url_names: dict = {}

    def dispatch(self, request, *args, **kwargs):
        self.actor = actor_for(request.user)
        if not self.actor.is_caseworker or not _policy(self.model).user_has_permission(request.user, self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, *self.parent_breadcrumbs(),
                {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()}]

    def parent_breadcrumbs(self) -> list[dict]:
        return []

    @cached_property
    def may_change_categories(self) -> bool:
        return self.actor.caseworker.is_team_leader and _policy(CaseloadCategory).user_has_permission(
            self.request.user, "change")


class CategoryIndexView(CaseworkerAdminView):
    template_name = "cms/caseload_admin/categories.html"
    page_title = _("Caseload categories")
    header_icon = "tag"

    def get(self, request, *args, **kwargs):
        context = self.get_context_data(categories=list(categories_for(self.actor)),
                                        may_change=self.may_change_categories, edit_url_name=self.url_names["edit"])
        return self.render_to_response(context)


class CategoryEditView(CaseworkerAdminView):
    template_name = "cms/caseload_admin/category_edit.html"
    page_title = _("Change the approach")
    header_icon = "tag"
    permission = "change"

    def dispatch(self, request, *args, **kwargs):
        # Only a team leader changes an approach (see marketplace/services/categories.py); others only read it.
        if not getattr(actor_for(request.user).caseworker, "is_team_leader", False):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.category.name

    def parent_breadcrumbs(self) -> list[dict]:
        return [{"url": reverse(self.url_names["index"]), "label": CategoryIndexView.page_title}]

    def setup_category(self):
        self.category = category_of(self.actor, self.kwargs["pk"])
        if self.category is None:
            raise Http404

    def show(self, form=None, status=200):
        category = self.category
        form = form or CategoryEditForm(instruments=instrument_choices_for(self.actor), initial={
            "name": category.name, "description": category.description,
            "contact_every_weeks": category.contact_every_weeks, "review_every_weeks": category.review_every_weeks,
            "stuck_after_months": category.stuck_after_months,
            "follow_up_within_weeks": category.follow_up_within_weeks,
            "default_instruments": list(category.default_instruments.all()),
        })
        context = self.get_context_data(category=category, form=form, index_url=reverse(self.url_names["index"]),
                                        may_change=self.may_change_categories)
        return self.render_to_response(context, status=status)

    def get(self, request, *args, **kwargs):
        self.setup_category()
        return self.show()

    def post(self, request, *args, **kwargs):
        self.setup_category()
        form = CategoryEditForm(request.POST, instruments=instrument_choices_for(self.actor))
        if not form.is_valid():
            # What the form could read is checked by the service's rules too, so every error shows in one round.
            for name, messages_ in category_update_errors(category=self.category, data=form.cleaned_data).items():
                if name not in form.errors:
                    form.add_error(name if name in form.fields else None, messages_)

        def write():
            category_update(actor=self.actor, category=self.category, data=form.cleaned_data)
            return _("The approach of “%(name)s” is saved.") % {"name": form.cleaned_data["name"]}

        if done := _attempt(request, form, write, reverse(self.url_names["index"])):
            return done
        return self.show(form=form, status=400)


def _is_shown_for(model, actions):
    def is_shown(_self, request):
        return actor_for(request.user).is_caseworker and _policy(model).user_has_any_permission(request.user, actions)

    return is_shown


class CaseloadCategoryViewSet(ViewSet):
    """The categories of the municipality with their approach; a team leader changes them."""

    name = "caseload_categories"
    url_prefix = "caseload-categories"
    icon = "tag"
    menu_label = _("Caseload categories")
    menu_hook = MARKETPLACE_MENU_HOOK
    add_to_admin_menu = True

    @cached_property
    def url_names(self) -> dict:
        return {"index": self.get_url_name("index"), "edit": self.get_url_name("edit")}

    @cached_property
    def menu_item_class(self):
        return type("CategoriesMenuItem", (AdminMenuItem,), {"is_shown": _is_shown_for(CaseloadCategory, {"view"})})

    def on_register(self):
        super().on_register()
        hooks.register("register_permissions", self.get_permissions_to_register)

    def get_permissions_to_register(self):
        codenames = [get_permission_codename(action, CaseloadCategory._meta) for action in ("view", "change")]
        return Permission.objects.filter(content_type__app_label="marketplace", codename__in=codenames)

    def get_urlpatterns(self):
        return [
            path("", CategoryIndexView.as_view(url_names=self.url_names), name="index"),
            path("<int:pk>/", CategoryEditView.as_view(url_names=self.url_names), name="edit"),
        ]


# The worklist.


class WorklistChoiceForm(forms.Form):
    """A team leader's choice of whose worklist to see (a GET form: nothing changes)."""

    caseworker = forms.ChoiceField(label=_("Worklist of"), required=False)

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        colleagues = actor.caseworker.municipality.caseworkers.select_related("user").order_by(
            "user__last_name", "user__first_name", "id")
        others = [(str(caseworker.pk), str(caseworker)) for caseworker in colleagues
                  if caseworker.pk != actor.caseworker.pk]
        self.fields["caseworker"].choices = [
            ("", _("My own caseload")), (WHOLE_MUNICIPALITY, _("The whole municipality")), *others,
        ]
        self.colleagues = {str(caseworker.pk): caseworker for caseworker in colleagues}

    def whose(self):
        value = self.cleaned_data.get("caseworker") if self.is_valid() else ""
        if value == WHOLE_MUNICIPALITY:
            return MUNICIPALITY
        return self.colleagues.get(value)


def worklist_caption(whose) -> str:
    """Whose people the worklist shows, above the table, so the choice made stays in view."""
    if whose is None:
        return _("People with signals in your caseload, most urgent first")
    if whose == MUNICIPALITY:
        return _("People with signals in the whole municipality, most urgent first")
    return _("People with signals in the caseload of %(name)s, most urgent first") % {"name": whose}


class WorklistView(CaseworkerAdminView):
    """The caseworker's people with stuck signals, most urgent first."""

    model = JobSeeker
    template_name = "cms/caseload_admin/worklist.html"
    page_title = _("Worklist")
    header_icon = "warning"
    http_method_names = ["get", "head", "options"]

    def get(self, request, *args, **kwargs):
        leader = self.actor.caseworker.is_team_leader
        choice = WorklistChoiceForm(request.GET or None, actor=self.actor) if leader else None
        whose = choice.whose() if choice is not None else None
        worklist = worklist_for(self.actor.caseworker, of=whose)
        rows = [(row, [(item, signal_text(item)) for item in row.items]) for row in worklist[:WORKLIST_SHOWN]]
        context = self.get_context_data(rows=rows, total=len(worklist), choice=choice,
                                        caption=worklist_caption(whose), show_caseworker=whose is not None,
                                        person_url_name="caseload:contacts")
        return self.render_to_response(context)


class WorklistViewSet(ViewSet):
    name = "worklist"
    url_prefix = "worklist"
    icon = "warning"
    menu_label = _("Worklist")
    menu_order = 150
    add_to_admin_menu = True

    @cached_property
    def menu_item_class(self):
        return type("WorklistMenuItem", (AdminMenuItem,), {"is_shown": _is_shown_for(JobSeeker, {"view"})})

    def get_urlpatterns(self):
        return [path("", WorklistView.as_view(), name="index")]


def caseload_category_admin_viewset():
    """Registered through the ``register_admin_viewset`` hook; joins the Marketplace menu."""
    return CaseloadCategoryViewSet()


def worklist_admin_viewset():
    """Registered through the ``register_admin_viewset`` hook; an item of the main menu."""
    return WorklistViewSet()
