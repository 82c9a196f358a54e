"""API tokens: DRF's tokens, refused when malformed, expired, or (for staff who need two steps) issued without a code.

A token lives ``API_TOKEN_LIFETIME_HOURS`` from the moment it is issued (0: until revoked). The
token endpoint hands out the same token until then, and a new one afterwards; ``DELETE`` on it
revokes the caller's token at once.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions
from rest_framework.authtoken.models import Token

from accounts.two_factor import token_trusted


def token_lifetime() -> timedelta | None:
    hours = settings.API_TOKEN_LIFETIME_HOURS
    return timedelta(hours=hours) if hours > 0 else None


def token_expires_at(token: Token) -> datetime | None:
    lifetime = token_lifetime()
    return token.created + lifetime if lifetime is not None else None


def token_expired(token: Token) -> bool:
    expires_at = token_expires_at(token)
    return expires_at is not None and expires_at <= timezone.now()


@transaction.atomic
def token_issue(*, user) -> Token:
    """The user's token: the current one while it lasts, otherwise a new one (one token per user)."""
    token, created = Token.objects.get_or_create(user=user)
    if not created and token_expired(token):
        Token.objects.filter(pk=token.pk).delete()
        token, _created = Token.objects.get_or_create(user=user)
    return token


@transaction.atomic
def token_revoke(*, user) -> bool:
    """Delete the user's token; every client that uses it is signed out. True when there was one."""
    deleted, _details = Token.objects.filter(user=user).delete()
    return bool(deleted)


class TokenAuthentication(authentication.TokenAuthentication):
    """DRF's token authentication; a token with a NUL character is refused instead of crashing PostgreSQL."""

    def authenticate_credentials(self, key):
        if "\x00" in key:
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        user, token = super().authenticate_credentials(key)
        if token_expired(token):
            raise exceptions.AuthenticationFailed(
                _("This token has expired. Ask for a new one at /api/v1/auth/token/.")
            )
        if not token_trusted(user, token):
            raise exceptions.AuthenticationFailed(_(
                "This account signs in with two steps. Ask for a new token at /api/v1/auth/token/ with the "
                "code from your authenticator app."
            ))
        return user, token
