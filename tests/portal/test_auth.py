"""Signing in and out, resetting a password by e-mail, landing on the right portal, and the DigiD slot."""

import re

import pytest
from django.conf import settings
from django.contrib.auth import authenticate
from django.core import mail
from django.test import Client, RequestFactory, override_settings

from portal.auth_backends import ExternalIdentity, ExternalIdentityBackend
from tests import factories
from tests.portal.helpers import en, post, signed_in

pytestmark = pytest.mark.django_db

PASSWORD = "geheim-wachtwoord-123"


def sign_in(username, password=PASSWORD, next_url=""):
    client = Client(enforce_csrf_checks=True)
    data = {"username": username, "password": password}
    if next_url:
        data["next"] = next_url
    return client, post(client, en("login"), data)


@pytest.mark.parametrize(("persona", "landing"), [
    ("seeker_user", "/en/mijn/"),
    ("employer_a", "/en/werkgever/"),
    ("association", "/en/vereniging/"),
])
def test_each_actor_lands_on_their_own_portal_after_signing_in(world, persona, landing):
    client, response = sign_in(getattr(world, persona).username)

    assert response.status_code == 302
    assert client.get(response.url).url == landing


def test_a_caseworker_is_sent_to_the_admin_workspace(world):
    response = signed_in(world.caseworker_a).get(en("portal-home"))

    assert response.status_code == 302
    assert response.url == "/admin/"


def test_an_account_without_a_portal_is_told_so():
    response = signed_in(factories.UserFactory()).get(en("portal-home"))

    assert response.status_code == 200
    assert "not linked to a job seeker, an employer or an association" in response.content.decode()


def test_a_wrong_password_re_renders_the_form_with_the_username_kept(world):
    _client, response = sign_in("werkzoekende", password="verkeerd")

    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in html
    assert 'value="werkzoekende"' in html


def test_signing_in_returns_to_the_page_that_asked_for_it(world):
    client, response = sign_in("werkzoekende", next_url="/en/mijn/profiel/")

    assert response.url == "/en/mijn/profiel/"


@pytest.mark.parametrize("url_name", ["seeker-home", "seeker-applications", "employer-home", "employer-roles",
                                      "association-home", "portal-home", "seeker-data-download"])
def test_portal_pages_send_anonymous_visitors_to_sign_in(url_name):
    url = en(url_name)
    response = Client().get(url)

    assert response.status_code == 302
    assert response.url.startswith(settings.LOGIN_URL)
    assert response.url.endswith(f"?next={url}")


def test_signing_out_takes_a_post_and_ends_the_session(world):
    client = signed_in(world.seeker_user)

    assert client.get(en("logout")).status_code == 405
    response = post(client, en("logout"))

    assert response.status_code == 200
    assert "You are signed out" in response.content.decode()
    assert client.get(en("seeker-home")).status_code == 302


def test_the_header_offers_sign_in_to_visitors_and_sign_out_to_people_signed_in(world):
    anonymous = Client().get(en("login")).content.decode()
    member = signed_in(world.seeker_user).get(en("seeker-consent")).content.decode()

    assert 'href="/en/accounts/login/"' in anonymous
    assert 'action="/en/accounts/logout/"' in member
    assert 'href="/en/portaal/"' in member


def test_a_forgotten_password_is_reset_through_a_dutch_e_mail_link(world):
    client = Client(enforce_csrf_checks=True)
    response = post(client, "/accounts/password_reset/", {"email": world.seeker_user.email})
    assert response.status_code == 302

    message = mail.outbox[-1]
    assert message.subject == "Kies een nieuw wachtwoord voor Werkplaats"
    assert "Klik dan op deze link" in message.body
    link = re.search(r"https?://[^/]+(/accounts/reset/\S+)", message.body).group(1)

    form_page = client.get(link, follow=True)
    assert form_page.context["validlink"] is True
    done = post(client, form_page.redirect_chain[-1][0],
                {"new_password1": "Nieuw-Wachtwoord-2025", "new_password2": "Nieuw-Wachtwoord-2025"})
    assert done.status_code == 302
    assert authenticate(RequestFactory().post("/accounts/login/"), username=world.seeker_user.username,
                        password="Nieuw-Wachtwoord-2025") is not None


def test_an_english_page_sends_the_reset_e_mail_in_english(world):
    post(Client(enforce_csrf_checks=True), en("password_reset"), {"email": world.employer_a.email})

    assert mail.outbox[-1].subject == "Choose a new password for Werkplaats"
    assert "/en/accounts/reset/" in mail.outbox[-1].body


class LinkedDigidBackend(ExternalIdentityBackend):
    """What a municipality would write: DigiD subjects linked to accounts (here: a fixed table)."""

    schemes = frozenset({"digid"})
    links: dict = {}

    def user_for_identity(self, identity):
        return self.links.get(identity.subject)


def test_no_external_identity_backend_is_active_by_default():
    # The lock-out backend only refuses locked-out attempts; the model backend is the only one that signs in.
    assert settings.AUTHENTICATION_BACKENDS == ["axes.backends.AxesBackend",
                                                "django.contrib.auth.backends.ModelBackend"]
    request = RequestFactory().get("/digid/callback/")
    assert authenticate(request, identity=ExternalIdentity(scheme="digid", subject="s-1")) is None


@override_settings(AUTHENTICATION_BACKENDS=["django.contrib.auth.backends.ModelBackend",
                                            "tests.portal.test_auth.LinkedDigidBackend"])
def test_a_registered_digid_backend_signs_in_the_linked_account_only(world):
    LinkedDigidBackend.links = {"s-1": world.seeker_user}

    assert authenticate(identity=ExternalIdentity(scheme="digid", subject="s-1")) == world.seeker_user
    assert authenticate(identity=ExternalIdentity(scheme="digid", subject="s-2")) is None
    assert authenticate(identity=ExternalIdentity(scheme="eherkenning", subject="s-1")) is None
    assert authenticate(username=world.seeker_user.username, password=PASSWORD) == world.seeker_user


def test_the_backend_skeleton_refuses_to_guess_who_an_identity_is():
    with pytest.raises(NotImplementedError):
        ExternalIdentityBackend().user_for_identity(ExternalIdentity(scheme="digid", subject="s-1"))
