"""Admin viewsets for the marketplace models, grouped under one "Marketplace" menu.

Each viewset names ``tenant_lookup``, the path from its model to a Municipality, so a
caseworker only ever meets rows of their own municipality (see cms/viewsets/scoping.py).
Skills and skill categories are the shared taxonomy and are visible to every admin user.
Organisations, roles and job seekers are created and changed through the same services as in the
API and the portals (see cms/viewsets/service_writes.py), so the admin keeps the same rules.
"""

from django import forms
from django.forms import inlineformset_factory
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.admin.widgets.button import Button

from cms.viewsets.audit import SensitiveAccessLogViewSet
from cms.viewsets.burden import BurdenView
from cms.viewsets.inlines import INLINE_FORM_TEMPLATE, InlineCreateView, InlineEditView
from cms.viewsets.scoping import (
    ScopedCreateView,
    ScopedEditView,
    ScopedIndexView,
    ScopedInspectView,
    TenantScopedForm,
    TenantScopedViewSet,
    admin_formfield,
)
from cms.viewsets.service_writes import PlacedByPostcodeMixin, ServiceForm, ServiceWriteMixin, chosen_rows
from marketplace.access import actor_for
from marketplace.constants import NOTE_MAX_LENGTH
from marketplace.models import (
    Caseworker,
    JobSeeker,
    Municipality,
    Organisation,
    PostcodeArea,
    Role,
    RoleSkill,
    SeekerSkill,
    Skill,
    SkillCategory,
)
from marketplace.selectors.burden import staff_may_access_burden
from marketplace.selectors.seekers import seeker_ladder_history
from marketplace.services.organisations import organisation_create, organisation_update
from marketplace.services.roles import SkillRequirement, role_create, role_update
from marketplace.services.seekers import SkillHeld, seeker_create, seeker_update

# No coordinates to type: the services place an address at the centre of its postcode area.
ADDRESS_FIELDS = ["street", "postcode", "city"]


class MunicipalityViewSet(TenantScopedViewSet):
    model = Municipality
    tenant_lookup = "pk"
    icon = "site"
    list_display = ["name", "cbs_code", "contact_email"]
    search_fields = ["name", "cbs_code"]
    form_fields = ["name", "cbs_code", "contact_email", "contact_phone", "matching_weights"]


class MunicipalityChoiceForm(TenantScopedForm):
    tenant_choice_lookups = {"municipality": "pk"}


class PostcodeAreaViewSet(TenantScopedViewSet):
    model = PostcodeArea
    tenant_lookup = "municipality"
    base_form_class = MunicipalityChoiceForm
    icon = "crosshairs"
    list_display = ["digits", "municipality", "latitude", "longitude"]
    list_select_related = ["municipality"]
    search_fields = ["digits"]
    form_fields = ["digits", "municipality", "latitude", "longitude"]


def _stays_in_place(form, name: str) -> None:
    """Show ``name`` but keep it as it is on an existing row: the services do not move rows between owners."""
    if form.instance.pk is not None and name in form.fields:
        form.fields[name].disabled = True


class OrganisationForm(PlacedByPostcodeMixin, ServiceForm):
    tenant_choice_lookups = {"municipality": "pk"}
    not_service_fields = ("municipality",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _stays_in_place(self, "municipality")


class OrganisationCreateView(ServiceWriteMixin, ScopedCreateView):
    def write(self, form):
        return organisation_create(actor=actor_for(self.request.user), municipality=form.cleaned_data["municipality"],
                                   data=form.service_data())


class OrganisationEditView(ServiceWriteMixin, ScopedEditView):
    def write(self, form):
        return organisation_update(actor=actor_for(self.request.user), organisation=self.object,
                                   data=form.service_data())


class OrganisationViewSet(TenantScopedViewSet):
    model = Organisation
    tenant_lookup = "municipality"
    base_form_class = OrganisationForm
    add_view_class = OrganisationCreateView
    edit_view_class = OrganisationEditView
    icon = "group"
    list_display = ["name", "kind", "municipality", "kvk_number"]
    list_filter = ["kind", "is_employment_organisation"]
    list_select_related = ["municipality"]
    search_fields = ["name", "kvk_number"]
    form_fields = [
        "name", "kind", "municipality", "kvk_number", "email", "phone", "website",
        "is_employment_organisation", *ADDRESS_FIELDS,
    ]


class SkillCategoryViewSet(TenantScopedViewSet):
    model = SkillCategory
    icon = "tag"
    list_display = ["name_nl", "name_en", "code"]
    search_fields = ["name_nl", "name_en", "code"]
    form_fields = ["code", "name_nl", "name_en"]


class SkillViewSet(TenantScopedViewSet):
    model = Skill
    icon = "tasks"
    list_display = ["name_nl", "name_en", "category"]
    list_filter = ["category"]
    list_select_related = ["category"]
    search_fields = ["name_nl", "name_en"]
    form_fields = ["name_nl", "name_en", "category", "esco_uri"]


class RoleForm(PlacedByPostcodeMixin, ServiceForm):
    """The role's municipality follows its organisation (the services see to it), so a role never crosses
    tenants; an existing role stays with its organisation."""

    tenant_choice_lookups = {"organisation": "municipality"}
    not_service_fields = ("organisation",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _stays_in_place(self, "organisation")


def skill_requirements(formset) -> list[SkillRequirement]:
    return [SkillRequirement(skill=row["skill"], level=row["level"], required=bool(row.get("required")))
            for row in chosen_rows(formset)]


class RoleSkillCreateView(ServiceWriteMixin, InlineCreateView):
    inline_formset_heading = _("Skills")
    inline_item_label = _("Skill")

    def write(self, form):
        return role_create(actor=actor_for(self.request.user), organisation=form.cleaned_data["organisation"],
                           data=form.service_data(), skills=skill_requirements(self.inline_formset))


class RoleSkillEditView(ServiceWriteMixin, InlineEditView):
    inline_formset_heading = _("Skills")
    inline_item_label = _("Skill")

    def write(self, form):
        return role_update(actor=actor_for(self.request.user), role=self.object, data=form.service_data(),
                           skills=skill_requirements(self.inline_formset))


class RoleViewSet(TenantScopedViewSet):
    """Roles with their skills. Status changes (publish, fill, close) belong to the role workflow, not this form."""

    model = Role
    tenant_lookup = "municipality"
    base_form_class = RoleForm
    icon = "clipboard-list"
    list_display = ["title", "organisation", "kind", "status", "places"]
    list_filter = ["status", "kind"]
    list_select_related = ["organisation"]
    search_fields = ["title"]
    form_fields = [
        "organisation", "kind", "title", "description", "hours_min", "hours_max", "weekdays", "start_date",
        "end_date", "at_requester_address", "language_level_required", "physical_demands", "support_offered",
        "target_rung", "places", "hourly_wage", "volunteer_allowance", *ADDRESS_FIELDS,
    ]
    add_view_class = RoleSkillCreateView
    edit_view_class = RoleSkillEditView
    create_template_name = INLINE_FORM_TEMPLATE
    edit_template_name = INLINE_FORM_TEMPLATE
    skills_formset_class = inlineformset_factory(
        Role, RoleSkill, fields=["skill", "level", "required"], extra=3, can_delete=True,
        formfield_callback=admin_formfield,
    )

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(inline_formset_class=self.skills_formset_class, **kwargs)

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(inline_formset_class=self.skills_formset_class, **kwargs)


class JobSeekerForm(PlacedByPostcodeMixin, ServiceForm):
    """A rung change becomes a dated step on the participation ladder, with the caseworker and the reason:
    the history a municipality reports on, so the form asks why."""

    tenant_choice_lookups = {"municipality": "pk", "caseworker": "municipality"}
    superuser_only_fields = ("user",)
    postcode_field = "home_postcode"
    not_service_fields = ("municipality", "rung", "rung_note", "interests")

    rung_note = forms.CharField(
        label=_("Reason for the rung change"), required=False, max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed when you change the rung. Kept in the ladder history with your name and today's "
                    "date, for example “works two mornings a week as a volunteer”."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _stays_in_place(self, "municipality")
        if self.instance.pk is None:
            # The first ladder step of a new seeker is the intake; there is no change to explain yet.
            del self.fields["rung_note"]
            caseworker = actor_for(self.for_user).caseworker if self.for_user is not None else None
            if caseworker is not None and "caseworker" in self.fields and not self.is_bound:
                self.initial.setdefault("caseworker", caseworker.pk)
        else:
            order = [name for name in self.fields if name != "rung_note"]
            order.insert(order.index("rung") + 1, "rung_note")
            self.order_fields(order)

    def clean(self):
        cleaned_data = super().clean()
        if "rung_note" in self.fields and "rung" in self.changed_data and not cleaned_data.get("rung_note"):
            self.add_error("rung_note", _("Write why the rung changes; the ladder history keeps it."))
        return cleaned_data


class BurdenLinkMixin:
    """Offers the draaglast page to the caseworkers who may open it, and to no one else."""

    burden_url_name = None

    def burden_url_for(self, seeker):
        if self.burden_url_name and staff_may_access_burden(self.request.user, seeker):
            return reverse(self.burden_url_name, args=[seeker.pk])
        return None


class JobSeekerIndexView(BurdenLinkMixin, ScopedIndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if url := self.burden_url_for(instance):
            buttons.append(MenuItem(_("Draaglast"), url=url, icon_name="lock", priority=25))
        if self.request.user.has_perm("marketplace.view_plan"):
            buttons.append(MenuItem(_("Plan of action"), url=reverse("caseload:plan", args=[instance.pk]),
                                    icon_name="calendar-check", priority=26))
        return buttons


def skills_held(formset) -> list[SkillHeld]:
    return [SkillHeld(skill=row["skill"], level=row["level"]) for row in chosen_rows(formset)]


class JobSeekerCreateView(ServiceWriteMixin, InlineCreateView):
    inline_formset_heading = _("Skills")
    inline_item_label = _("Skill")

    def write(self, form):
        cleaned_data = form.cleaned_data
        return seeker_create(
            actor=actor_for(self.request.user), municipality=cleaned_data.get("municipality"),
            data=form.service_data(), rung=cleaned_data["rung"], skills=skills_held(self.inline_formset),
            interests=cleaned_data.get("interests", ()),
        )


class LadderHistoryMixin:
    """The seeker's rungs over time (when, which rung, who, why) below the form or the details."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["ladder_history"] = seeker_ladder_history(seeker=self.object)
        return context


class JobSeekerEditView(ServiceWriteMixin, LadderHistoryMixin, BurdenLinkMixin, InlineEditView):
    inline_formset_heading = _("Skills")
    inline_item_label = _("Skill")

    def write(self, form):
        cleaned_data = form.cleaned_data
        return seeker_update(
            actor=actor_for(self.request.user), seeker=self.object, data=form.service_data(),
            rung=cleaned_data["rung"], ladder_note=cleaned_data.get("rung_note", ""),
            skills=skills_held(self.inline_formset), interests=cleaned_data.get("interests"),
        )

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if url := self.burden_url_for(self.object):
            buttons.append(Button(_("Draaglast"), url=url, icon_name="lock", priority=25))
        return buttons


class JobSeekerInspectView(LadderHistoryMixin, ScopedInspectView):
    template_name = "cms/admin/seeker_inspect.html"


class JobSeekerViewSet(TenantScopedViewSet):
    """Job seekers with their skills. The draaglast is edited on a page of its own that logs every read."""

    model = JobSeeker
    tenant_lookup = "municipality"
    base_form_class = JobSeekerForm
    icon = "user"
    list_display = ["full_name", "municipality", "caseworker", "rung", "status"]
    list_filter = ["status", "rung", "card_visible"]
    list_select_related = ["municipality", "caseworker__user"]
    search_fields = ["first_name", "last_name", "email"]
    form_fields = [
        "municipality", "caseworker", "user", "first_name", "last_name", "email", "phone", "date_of_birth",
        "home_postcode", "max_travel_km", "hours_min", "hours_max", "weekdays",
        "language_level", "physical_limits", "support_needs", "rung", "motivation", "interests", "status",
        "card_visible", "introduction_allowed",
    ]
    index_view_class = JobSeekerIndexView
    add_view_class = JobSeekerCreateView
    edit_view_class = JobSeekerEditView
    inspect_view_class = JobSeekerInspectView
    create_template_name = INLINE_FORM_TEMPLATE
    edit_template_name = "cms/admin/seeker_form.html"
    skills_formset_class = inlineformset_factory(
        JobSeeker, SeekerSkill, fields=["skill", "level"], extra=3, can_delete=True,
        formfield_callback=admin_formfield,
    )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(burden_url_name=self.get_url_name("burden"), **kwargs)

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(inline_formset_class=self.skills_formset_class, **kwargs)

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(
            inline_formset_class=self.skills_formset_class, burden_url_name=self.get_url_name("burden"), **kwargs
        )

    @property
    def burden_view(self):
        return BurdenView.as_view(index_url_name=self.get_url_name("index"), edit_url_name=self.get_url_name("edit"))

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("burden/<int:pk>/", self.burden_view, name="burden")]


class CaseworkerForm(TenantScopedForm):
    tenant_choice_lookups = {"municipality": "pk"}
    superuser_only_fields = ("user",)


class CaseworkerViewSet(TenantScopedViewSet):
    model = Caseworker
    tenant_lookup = "municipality"
    base_form_class = CaseworkerForm
    icon = "user"
    list_display = ["__str__", "municipality", "team"]
    list_select_related = ["user", "municipality"]
    search_fields = ["user__first_name", "user__last_name", "user__username", "team"]
    form_fields = ["user", "municipality", "team"]


class MarketplaceViewSetGroup(ModelViewSetGroup):
    """The caseworkers' workspace. Other viewsets join this menu with ``menu_hook = MARKETPLACE_MENU_HOOK``."""

    menu_label = _("Marketplace")
    menu_icon = "group"
    menu_order = 200
    submenu_hook = "register_marketplace_menu_item"
    items = (
        MunicipalityViewSet,
        PostcodeAreaViewSet,
        OrganisationViewSet,
        SkillCategoryViewSet,
        SkillViewSet,
        RoleViewSet,
        JobSeekerViewSet,
        CaseworkerViewSet,
        SensitiveAccessLogViewSet,
    )


MARKETPLACE_MENU_HOOK = MarketplaceViewSetGroup.submenu_hook
