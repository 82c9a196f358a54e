from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Signing in: lock-outs after failed attempts, two-factor authentication for staff, password resets."""

    name = "accounts"
    verbose_name = _("Signing in")
