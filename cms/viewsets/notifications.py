"""The e-mail outbox in the admin: superusers see what is waiting, what is retried and what failed, and why.

Read-only: the worker owns the rows' state, and ``manage.py deliver_notifications --retry-failed``
gives failed ones a new start. Rows hold recipients of every municipality, so no caseworker sees them.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

from marketplace.models import Notification


class SuperuserViewOnlyPolicy(ModelPermissionPolicy):
    """Grants "view" to active superusers and nothing to anyone else."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.is_superuser

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True, is_superuser=True)
        return users if "view" in actions else users.none()


class NotificationViewSet(ModelViewSet):
    model = Notification
    icon = "mail"
    add_to_admin_menu = True
    menu_label = _("E-mail outbox")
    menu_order = 9000
    inspect_view_enabled = True
    list_display = ["kind", "recipient", "status", "attempts", "next_attempt_at", "sent_at", "created_at"]
    list_filter = ["status", "kind"]
    search_fields = ["recipient"]
    inspect_view_fields = ["kind", "recipient", "language", "application", "service_request", "status", "attempts",
                           "next_attempt_at", "claimed_until", "last_error", "created_at", "sent_at"]
    form_fields = []

    def on_register(self):
        if policy_registry.get_by_type(self.model, fallback=False) is None:
            register_permission_policy(self.model, SuperuserViewOnlyPolicy(self.model))
        super().on_register()

    def get_permissions_to_register(self):
        return Permission.objects.none()

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]


def notification_admin_viewset():
    return NotificationViewSet("marketplace_notification")
