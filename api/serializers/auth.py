"""The token exchange: username and password (and for staff a code) in, an API token out."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.authtoken.serializers import AuthTokenSerializer


class TokenRequestSerializer(AuthTokenSerializer):
    # Bounded like the sign-in form: the lock-out records the username, and hashing an endless
    # password would cost the server more than the request costs the sender.
    username = serializers.CharField(label=_("Username"), max_length=150, write_only=True)
    password = serializers.CharField(label=_("Password"), max_length=4096, trim_whitespace=False, write_only=True,
                                     style={"input_type": "password"})
    otp_code = serializers.CharField(
        label=_("Code"), max_length=20, required=False, allow_blank=True, write_only=True,
        help_text=_("Caseworkers and administrators only: the six digits from their authenticator app, "
                    "or one of their backup codes."),
    )


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(
        read_only=True, help_text=_('Send as the header "Authorization: Token <token>" with every request.')
    )
    expires_at = serializers.DateTimeField(
        read_only=True, allow_null=True,
        help_text=_("When the token stops working; ask for a new one then. Empty if it lasts until revoked."),
    )
