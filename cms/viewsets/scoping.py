"""Tenant scoping for admin viewsets: a caseworker sees and edits only their own municipality's rows.

Wagtail's generic views fetch rows through several entry points (listing, edit, delete,
inspect, history, usage); each scoped view below narrows its queryset with the viewset's
``tenant_lookup`` so that a row of another municipality is simply not found (404).
Superusers see everything; any other user who is not a caseworker sees nothing.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.forms.models import modelform_factory
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.forms.models import WagtailAdminModelForm, formfield_for_dbfield
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import registry as log_registry

from cms.viewsets.readable import readable_value
from marketplace.access import actor_for
from marketplace.form_fields import localize_number_field


def admin_formfield(db_field, **kwargs):
    """Wagtail's form field for ``db_field``, with numbers as localised text inputs (see marketplace/form_fields.py)."""
    field = formfield_for_dbfield(db_field, **kwargs)
    return localize_number_field(field) if field is not None else None


def scope_to_tenant(queryset, user, lookup: str | None):
    """Rows of ``queryset`` whose ``lookup`` (a path to a Municipality) is the user's municipality.

    ``lookup=None`` marks shared reference data that every admin user may see.
    """
    if lookup is None or user.is_superuser:
        return queryset
    caseworker = actor_for(user).caseworker
    if caseworker is None:
        return queryset.none()
    return queryset.filter(**{lookup: caseworker.municipality_id})


class TenantScopedViewMixin:
    tenant_lookup = None

    def scope(self, queryset):
        return scope_to_tenant(queryset, self.request.user, self.tenant_lookup)


class ScopedIndexView(TenantScopedViewMixin, generic.IndexView):
    list_select_related = ()

    def get_base_queryset(self):
        queryset = self.scope(super().get_base_queryset())
        return queryset.select_related(*self.list_select_related) if self.list_select_related else queryset


class ScopedCreateView(TenantScopedViewMixin, generic.CreateView):
    pass


class ScopedEditView(TenantScopedViewMixin, generic.EditView):
    def get_queryset(self):
        return self.scope(super().get_queryset())


class ScopedDeleteView(TenantScopedViewMixin, generic.DeleteView):
    def get_queryset(self):
        return self.scope(super().get_queryset())

    def form_valid(self, form):
        # Rows that others still point at (a role's applications, a seeker's audit entries) are protected
        # in the database; say so instead of failing.
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except (ProtectedError, RestrictedError):
            messages.error(
                self.request,
                _("%(object)s is still in use elsewhere, so it cannot be deleted.") % {"object": self.object},
            )
            return redirect(self.get_success_url())


class ScopedInspectView(TenantScopedViewMixin, generic.InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(self.scope(self.model._default_manager.all()), pk=unquote(str(self.pk)))

    def get_field_display_value(self, field_name, field):
        # Weekday names, yes/no and local times instead of bit numbers, True/False and UTC.
        return readable_value(field, super().get_field_display_value(field_name, field))


class ScopedHistoryView(TenantScopedViewMixin, history.HistoryView):
    def get_base_object_queryset(self):
        return self.scope(super().get_base_object_queryset())


class ScopedUsageView(TenantScopedViewMixin, usage.UsageView):
    def get_base_object_queryset(self):
        return self.scope(super().get_base_object_queryset())


class TenantScopedForm(WagtailAdminModelForm):
    """Admin form whose foreign-key choices stop at the user's municipality.

    ``tenant_choice_lookups`` maps a form field to the path from its related model to a
    Municipality. Fields in ``superuser_only_fields`` (links to user accounts, whose choice
    list would show every account of every municipality) are left out for everyone else.
    """

    tenant_choice_lookups: dict[str, str] = {}
    superuser_only_fields: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is None or user.is_superuser:
            return
        for name in self.superuser_only_fields:
            self.fields.pop(name, None)
        for name, lookup in self.tenant_choice_lookups.items():
            field = self.fields.get(name)
            if field is not None:
                field.queryset = scope_to_tenant(field.queryset, user, lookup)
                if len(field.queryset) == 1 and field.required and not self.is_bound and self.instance.pk is None:
                    self.initial.setdefault(name, field.queryset[0].pk)

    def clean(self):
        cleaned_data = super().clean()
        for name in self.superuser_only_fields:
            model_field = self._meta.model._meta.get_field(name)
            if name not in self.fields and not model_field.null and getattr(self.instance, f"{name}_id") is None:
                raise ValidationError(
                    _("Only an administrator can link a user account; ask one to create this %(model)s.")
                    % {"model": self._meta.model._meta.verbose_name},
                    code="superuser_only",
                )
        return cleaned_data


class TenantScopedViewSet(ModelViewSet):
    """A ModelViewSet whose every view is narrowed to the user's municipality by ``tenant_lookup``."""

    tenant_lookup: str | None = None
    list_select_related: list[str] = []
    base_form_class = TenantScopedForm
    copy_view_enabled = False
    inspect_view_enabled = True
    search_backend_name = None

    index_view_class = ScopedIndexView
    add_view_class = ScopedCreateView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    inspect_view_class = ScopedInspectView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView

    @cached_property
    def name(self):
        return f"{self.app_label}_{self.model_name}"

    @cached_property
    def url_prefix(self):
        return f"{self.app_label}/{self.model_name}"

    def get_common_view_kwargs(self, **kwargs):
        if log_registry.get_log_model_for_model(self.model) is None:
            # Models kept out of Wagtail's log (cms/viewsets/history.py) have no history to link to.
            kwargs["history_url_name"] = None
        return super().get_common_view_kwargs(tenant_lookup=self.tenant_lookup, **kwargs)

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(list_select_related=self.list_select_related, **kwargs)

    def get_form_class(self, for_update=False):
        return modelform_factory(
            self.model, form=self.base_form_class, fields=self.get_form_fields(),
            formfield_callback=admin_formfield,
        )
