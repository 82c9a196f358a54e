"""The token exchange: username and password in, an API token out."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(
        read_only=True, help_text=_('Send as the header "Authorization: Token <token>" with every request.')
    )
