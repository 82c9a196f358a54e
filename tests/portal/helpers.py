"""Clients and URLs for the portal tests: signed-in browsers that send CSRF tokens, and English pages."""

from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests import factories

SENTINELS = ("Sentinelia", "Geheimnaam", "sentinel-seeker@example.nl", "0699999999", "SENTINEL-SCHULD",
             "SENTINEL-GEZONDHEID", "Geheimstraat")


def en(name: str, *args, **kwargs) -> str:
    """The English page: assertions read the source strings, whatever the Dutch translations say."""
    with translation.override("en"):
        return reverse(name, args=args, kwargs=kwargs)


def signed_in(user) -> Client:
    """A client that, like a browser, must send the CSRF token with every form."""
    client = Client(enforce_csrf_checks=True)
    if user is not None:
        client.force_login(user)
    return client


def post(client: Client, url: str, data: dict | None = None, **kwargs):
    """Post a form the way a browser does: load a page for the CSRF cookie, then send the token."""
    if "csrftoken" not in client.cookies:
        client.get(en("login"))
    return client.post(url, {**(data or {}), "csrfmiddlewaretoken": client.cookies["csrftoken"].value}, **kwargs)


def leaked(html: str, sentinels=SENTINELS) -> list[str]:
    return [value for value in sentinels if value in html]


def published_role(organisation, **fields):
    return factories.RoleFactory(organisation=organisation, published=True, **fields)


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]] if response.context else []
