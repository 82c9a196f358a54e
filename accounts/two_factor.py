"""Two-factor authentication (TOTP) for the staff who can open the draaglast: caseworkers and superusers.

A password alone does not let them in: after it, they confirm a code from an authenticator app
(or, once, a backup code). Until then their session reaches nothing but the two-factor pages and
sign-out (``accounts.middleware.StaffTwoFactorMiddleware``), and an API token counts for them
only if it was issued after they set up their app, which the token endpoint does only with a code.
``REQUIRE_STAFF_2FA`` (on unless ``DEBUG``) switches the whole rule on.
"""

from __future__ import annotations

import re
from base64 import b32encode

import segno
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp import verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from marketplace.access import actor_for

BACKUP_CODE_COUNT = 10
TOTP_DEVICE_NAME = "authenticator"
BACKUP_DEVICE_NAME = "backup codes"


def two_factor_required(user) -> bool:
    """Whether ``user`` must confirm a second factor: caseworkers and superusers, when the setting is on."""
    if not settings.REQUIRE_STAFF_2FA or not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or actor_for(user).is_caseworker


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("-id").first()


def enrolment_device(user) -> TOTPDevice:
    """The app this user is setting up: one unconfirmed device, kept until confirmed so the QR code stays."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("-id").first()
    return device or TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)


def secret_for_manual_entry(device: TOTPDevice) -> str:
    """The key as authenticator apps ask for it when typed in: base32, in groups of four."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device: TOTPDevice) -> str:
    """The ``otpauth://`` link as an inline SVG image; segno escapes the title it writes."""
    svg = segno.make(device.config_url, error="m").svg_inline(
        scale=5, dark="#000", light="#fff", title=_("QR code to add Werkplaats to your authenticator app"),
    )
    return svg.replace("<svg ", '<svg role="img" ', 1)


def normalise_code(code: str) -> str:
    return re.sub(r"[\s-]", "", code or "").lower()


def throttled(device) -> bool:
    """Whether the device refuses codes for now after wrong ones (django-otp waits 1, 2, 4 … seconds)."""
    allowed, _details = device.verify_is_allowed()
    return not allowed


@transaction.atomic
def confirm_enrolment(device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the app with a code it shows; then issue fresh backup codes and return them (None if wrong)."""
    if verify_token(device.user, device.persistent_id, normalise_code(code)) is None:
        return None
    TOTPDevice.objects.filter(pk=device.pk).update(confirmed=True)
    device.confirmed = True
    return issue_backup_codes(device.user)


def issue_backup_codes(user) -> list[str]:
    """Replace the user's backup codes with new ones; only their holder sees them, once."""
    StaticDevice.objects.filter(user=user).delete()
    backup = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _number in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=backup, token=code) for code in codes)
    return codes


def verify_app_code(user, code: str) -> TOTPDevice | None:
    device = confirmed_device(user)
    if device is None:
        return None
    return verify_token(user, device.persistent_id, normalise_code(code))


def backup_device(user) -> StaticDevice | None:
    return StaticDevice.objects.devices_for_user(user, confirmed=True).order_by("-id").first()


def verify_backup_code(user, code: str) -> StaticDevice | None:
    """A backup code works once: django-otp deletes it when it matches."""
    backup = backup_device(user)
    if backup is None:
        return None
    return verify_token(user, backup.persistent_id, normalise_code(code))


def verify_any_code(user, code: str):
    """An app code or a backup code (the API takes either in one field)."""
    code = normalise_code(code)
    if code.isdigit():
        return verify_app_code(user, code)
    return verify_backup_code(user, code)


def token_trusted(user, token) -> bool:
    """Whether an API token may act for ``user``: for staff who need two factors, only a token issued
    after they set up their app (the token endpoint asks them for a code)."""
    if not two_factor_required(user):
        return True
    device = confirmed_device(user)
    if device is None:
        return False
    return device.created_at is None or token.created >= device.created_at
