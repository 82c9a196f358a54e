"""Admin listings that can only be read: no add, edit or delete page exists, and no permission grants one."""

from django.contrib.auth import get_permission_codename
from django.urls import path
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

from cms.viewsets.scoping import TenantScopedViewSet


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Grants only "view", whatever a user's Django permissions say; superusers included."""

    READ_ACTIONS = frozenset({"view"})

    def user_has_permission(self, user, action):
        return action in self.READ_ACTIONS and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a in self.READ_ACTIONS])


class ReadOnlyTenantViewSet(TenantScopedViewSet):
    """A tenant-scoped listing with an inspect page and nothing else: the rows change elsewhere, or never."""

    form_fields = []

    def on_register(self):
        if policy_registry.get_by_type(self.model, fallback=False) is None:
            register_permission_policy(self.model, ReadOnlyPermissionPolicy(self.model))
        super().on_register()

    def get_permissions_to_register(self):
        view_codename = get_permission_codename("view", self.model_opts)
        return super().get_permissions_to_register().filter(codename=view_codename)

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]
