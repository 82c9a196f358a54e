"""Signing in for the browser tests, one way per door: the admin, the portal, or straight in with a session.

``nl`` gives the Dutch of a message id from the catalogue, so a test finds a button by the words a
Dutch user reads.
"""

import re

from django.conf import settings
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext, pgettext

from marketplace.demo import DEMO_PASSWORD

# Django's own login form on both doors; the ids hold in every language.
USERNAME, PASSWORD = "#id_username", "#id_password"


def nl(text: str, *, context: str | None = None, **params) -> str:
    """``text`` as the Dutch catalogue has it (in ``context`` when given), with ``params`` filled in."""
    with translation.override("nl"):
        translated = pgettext(context, text) if context else gettext(text)
    return translated % params if params else translated


def _fill_in_and_submit(page, username: str, password: str) -> None:
    page.locator(USERNAME).fill(username)
    page.locator(PASSWORD).fill(password)
    page.locator(PASSWORD).press("Enter")


def admin_sign_in(page, site: str, username: str = "klantmanager", *, password: str = DEMO_PASSWORD) -> None:
    """Sign in to the Wagtail admin as ``username``, leaving whoever was signed in before, and land on its home."""
    page.context.clear_cookies()
    page.goto(f"{site}/admin/login/")
    _fill_in_and_submit(page, username, password)
    page.wait_for_url(re.compile(r"/admin/$"))


def portal_sign_in(page, site: str, username: str, *, language: str = "nl", on_login_page=None,
                   password: str = DEMO_PASSWORD) -> None:
    """Sign in through the site's login page in ``language`` (the Dutch one has no prefix) as ``username``.

    ``on_login_page`` is called once the login page is open, before anything is typed, e.g. to check it.
    Returns when the browser has left the login page for the account's own start page.
    """
    page.context.clear_cookies()
    prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
    page.goto(f"{site}{prefix}/accounts/login/")
    if on_login_page is not None:
        on_login_page()
    _fill_in_and_submit(page, username, password)
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def session_sign_in(page, user, site: str) -> None:
    """Give the browser a session of ``user`` without the login form, for tests about other pages."""
    client = Client()
    client.force_login(user)
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME,
                               "value": client.cookies[settings.SESSION_COOKIE_NAME].value, "url": site}])
