"""Token authentication: trade a username and password for a token once, then send the token."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.authtoken.views import ObtainAuthToken

from api.serializers.auth import TokenSerializer
from api.views.base import ActorMixin


class TokenView(ActorMixin, ObtainAuthToken):
    """Exchange a username and password for an API token."""

    # Standard clients send the credentials as a form as often as JSON.
    parser_classes = ObtainAuthToken.parser_classes

    @extend_schema(
        summary=_("Get an API token"),
        description=_(
            'Send your username and password; use the token as the header "Authorization: Token <token>". '
            "The same token is returned until it is revoked."
        ),
        request=AuthTokenSerializer,
        responses={200: TokenSerializer, 400: OpenApiResponse(description=_("Wrong username or password."))},
        examples=[OpenApiExample("Sign in", request_only=True,
                                 value={"username": "werkgever", "password": "a long passphrase"})],
        auth=[],
    )
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)
