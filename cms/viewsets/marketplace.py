"""Admin viewsets for the marketplace models, grouped under one "Marketplace" menu.

Each viewset names ``tenant_lookup``, the path from its model to a Municipality, so a
caseworker only ever meets rows of their own municipality (see cms/viewsets/scoping.py).
Skills and skill categories are the shared taxonomy and are visible to every admin user.
"""

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
from cms.viewsets.scoping import ScopedIndexView, TenantScopedForm, TenantScopedViewSet, admin_formfield
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

ADDRESS_FIELDS = ["street", "postcode", "city", "latitude", "longitude"]


class MunicipalityViewSet(TenantScopedViewSet):
    model = Municipality
    tenant_lookup = "pk"
    icon = "site"
    list_display = ["name", "cbs_code", "contact_email", "wage_subsidy_percent"]
    search_fields = ["name", "cbs_code"]
    form_fields = ["name", "cbs_code", "contact_email", "contact_phone", "wage_subsidy_percent", "matching_weights"]


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


class OrganisationViewSet(TenantScopedViewSet):
    model = Organisation
    tenant_lookup = "municipality"
    base_form_class = MunicipalityChoiceForm
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


class RoleForm(TenantScopedForm):
    """The role's municipality follows its organisation, so a role can never cross tenants."""

    tenant_choice_lookups = {"organisation": "municipality"}

    def clean(self):
        cleaned_data = super().clean()
        organisation = cleaned_data.get("organisation")
        if organisation is not None:
            self.instance.municipality = organisation.municipality
        if self.instance.pk is None and self.for_user is not None:
            self.instance.created_by = self.for_user
        return cleaned_data


class RoleSkillCreateView(InlineCreateView):
    inline_formset_heading = _("Skills")
    inline_item_label = _("Skill")


class RoleSkillEditView(InlineEditView):
    inline_formset_heading = _("Skills")
    inline_item_label = _("Skill")


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


class JobSeekerForm(TenantScopedForm):
    tenant_choice_lookups = {"municipality": "pk", "caseworker": "municipality"}
    superuser_only_fields = ("user",)

    def clean(self):
        cleaned_data = super().clean()
        municipality, caseworker = cleaned_data.get("municipality"), cleaned_data.get("caseworker")
        if municipality is not None and caseworker is not None and caseworker.municipality_id != municipality.pk:
            self.add_error("caseworker", _("Choose a caseworker of the job seeker's municipality."))
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
        return buttons


class JobSeekerCreateView(InlineCreateView):
    inline_formset_heading = _("Skills")
    inline_item_label = _("Skill")


class JobSeekerEditView(BurdenLinkMixin, InlineEditView):
    inline_formset_heading = _("Skills")
    inline_item_label = _("Skill")

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if url := self.burden_url_for(self.object):
            buttons.append(Button(_("Draaglast"), url=url, icon_name="lock", priority=25))
        return buttons


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
        "home_postcode", "latitude", "longitude", "max_travel_km", "hours_min", "hours_max", "weekdays",
        "language_level", "physical_limits", "support_needs", "rung", "motivation", "interests", "status",
        "card_visible", "introduction_allowed",
    ]
    index_view_class = JobSeekerIndexView
    add_view_class = JobSeekerCreateView
    edit_view_class = JobSeekerEditView
    create_template_name = INLINE_FORM_TEMPLATE
    edit_template_name = INLINE_FORM_TEMPLATE
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
