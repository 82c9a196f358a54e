"""Token authentication: trade a username and password for a token once, then send the token."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from accounts.lockout import locked_out_json
from accounts.two_factor import confirmed_device, two_factor_required, verify_any_code
from api.authentication import token_expires_at, token_issue, token_revoke
from api.parsers import FORM_AND_JSON_PARSERS
from api.serializers.auth import TokenRequestSerializer, TokenSerializer
from api.views.base import ActorMixin

DETAIL = inline_serializer("Detail", {"detail": serializers.CharField()})


class TokenView(ActorMixin, ObtainAuthToken):
    """Exchange a username and password for an API token, or revoke it."""

    # Standard clients send the credentials as a form as often as JSON.
    parser_classes = FORM_AND_JSON_PARSERS
    serializer_class = TokenRequestSerializer

    def initialize_request(self, request, *args, **kwargs):
        drf_request = super().initialize_request(request, *args, **kwargs)
        if request.method == "POST":
            # Trading a password for a token needs no other credentials: an expired token that a
            # client still sends along must not stand in the way of getting a new one.
            drf_request.authenticators = ()
        return drf_request

    def get_permissions(self):
        return [IsAuthenticated()] if self.request.method == "DELETE" else super().get_permissions()

    @extend_schema(
        summary=_("Get an API token"),
        description=_(
            'Send your username and password; use the token as the header "Authorization: Token <token>". '
            "The same token is returned until it expires (see expires_at) or is revoked; after that you get a "
            "new one. Caseworkers and administrators also send the code from their authenticator app as "
            "otp_code. After several wrong passwords for one username from one address, signing in is blocked "
            "for a while (429, with Retry-After in seconds)."
        ),
        request=TokenRequestSerializer,
        responses={
            200: TokenSerializer,
            400: OpenApiResponse(description=_("Wrong username or password, or a missing or wrong code.")),
            429: OpenApiResponse(DETAIL, description=_("Too many failed attempts: try again after Retry-After "
                                                       "seconds.")),
        },
        examples=[OpenApiExample("Sign in", request_only=True,
                                 value={"username": "werkgever", "password": "a long passphrase"})],
        auth=[],
    )
    def post(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        if not serializer.is_valid():
            # django-axes marks the request when this username from this address is (now) locked out.
            if getattr(request, "axes_locked_out", False):
                return locked_out_json(request, getattr(request, "axes_credentials", None))
            raise ValidationError(serializer.errors)
        user = serializer.validated_data["user"]
        if two_factor_required(user):
            self._check_second_step(user, serializer.validated_data.get("otp_code", ""))
        token = token_issue(user=user)
        return Response(TokenSerializer({"token": token.key, "expires_at": token_expires_at(token)}).data)

    @staticmethod
    def _check_second_step(user, code: str) -> None:
        if confirmed_device(user) is None:
            raise ValidationError({"otp_code": [_(
                "This account signs in with two steps, and no authenticator app is set up yet. Sign in at "
                "/admin/ first and follow the steps."
            )]})
        if not code:
            raise ValidationError({"otp_code": [_(
                "This account signs in with two steps: send the code from your authenticator app as otp_code."
            )]})
        if verify_any_code(user, code) is None:
            raise ValidationError({"otp_code": [_(
                "The code is not right, has been used already, or came too soon after a wrong one."
            )]})

    @extend_schema(
        summary=_("Revoke your API token"),
        description=_("The token you signed in with stops working at once, for every client that uses it. "
                      "Ask for a new one with your username and password."),
        request=None,
        responses={204: OpenApiResponse(description=_("The token is revoked.")),
                   401: OpenApiResponse(DETAIL, description=_("No valid token or session was sent."))},
    )
    def delete(self, request, *args, **kwargs):
        token_revoke(user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
