"""Security headers: a strict Content-Security-Policy, HSTS and the HTTPS redirect outside DEBUG,
Referrer-Policy, Permissions-Policy and the rest, on the pages people actually open."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, override_settings

from marketplace.models import ServiceRequest
from tests.cms.public_site import build_public_site
from tests.security.test_check_deploy import production_environment

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_SETTINGS = ("SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS",
                       "SECURE_HSTS_PRELOAD", "SECURE_PROXY_SSL_HEADER", "SESSION_COOKIE_SECURE",
                       "CSRF_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY", "CSRF_COOKIE_HTTPONLY",
                       "SECURE_REFERRER_POLICY", "SECURE_CONTENT_TYPE_NOSNIFF", "X_FRAME_OPTIONS")
# What a source in a policy may be: this site, nothing, or the request's nonce; never another host.
OWN_SOURCES = re.compile(r"^('self'|'none'|'nonce-[A-Za-z0-9+/=]+')$")


def settings_of(**environment) -> dict:
    """The security settings a process started with ``environment`` ends up with."""
    code = ("import json, django; django.setup(); from django.conf import settings; "
            f"print(json.dumps({{name: getattr(settings, name) for name in {PRODUCTION_SETTINGS!r}}}))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=production_environment(**environment),
                            capture_output=True, text=True, timeout=120, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {directive.split()[0]: directive.split()[1:] for directive in header.split(";") if directive.strip()}


@pytest.fixture
def site(world):
    return build_public_site(world.municipality_a, other_municipality=world.municipality_b)


@pytest.fixture
def status_page(site, world):
    service_request = ServiceRequest.objects.create(
        municipality=world.municipality_a, category=site.green_category, requester_name="Mevrouw Jansen",
        requester_email="jansen@example.nl", requester_phone="0612345678", description="De heg snoeien.",
        street="Lindelaan 12", postcode="1234 AB", city="Havenstad",
    )
    return f"/aanvraag/{service_request.token}/"


PUBLIC_PAGES = ["/", "/werk/", "/en/", "/accounts/login/", "/werkgevers/"]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_get_the_strict_policy(client, site, path):
    response = client.get(path)

    assert response.status_code == 200
    assert policy(response) == {
        "default-src": ["'self'"], "script-src": ["'self'"], "style-src": ["'self'"], "img-src": ["'self'"],
        "font-src": ["'self'"], "connect-src": ["'self'"], "object-src": ["'none'"], "base-uri": ["'self'"],
        "form-action": ["'self'"], "frame-ancestors": ["'none'"],
    }


def test_the_status_page_with_its_secret_link_gets_the_strict_policy_and_sends_no_referer(client, status_page):
    response = client.get(status_page)

    assert response.status_code == 200
    assert policy(response)["script-src"] == ["'self'"]
    assert response["Referrer-Policy"] == "no-referrer"


def test_a_page_with_scripts_names_them_with_a_fresh_nonce_and_allows_no_inline_script(client, db):
    nonces = []
    for _attempt in range(2):
        response = client.get("/api/v1/docs/")
        script_src = policy(response)["script-src"]
        [nonce] = [source[len("'nonce-"):-1] for source in script_src if source.startswith("'nonce-")]
        tags = re.findall(r"<script\b[^>]*>", response.content.decode())

        assert response.status_code == 200
        assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
        assert tags and all(f'nonce="{nonce}"' in tag for tag in tags)
        nonces.append(nonce)

    assert nonces[0] != nonces[1]
    assert len(nonces[0]) >= 16


def test_no_policy_names_another_host(client, site, world):
    client.force_login(world.caseworker_a)
    for path in [*PUBLIC_PAGES, "/api/v1/docs/", "/api/v1/roles/", "/admin/login/", "/admin/"]:
        for directive, sources in policy(client.get(path)).items():
            assert all(OWN_SOURCES.match(source) or source in ("data:", "blob:", "'unsafe-inline'")
                       for source in sources), (path, directive, sources)


def test_the_admin_has_its_own_looser_policy_on_its_own_pages_only(client, site):
    admin = policy(client.get("/admin/login/"))
    public = policy(client.get("/"))

    assert admin["script-src"] == ["'self'", "'unsafe-inline'"]
    assert admin["frame-ancestors"] == ["'self'"]
    assert admin["object-src"] == ["'none'"] and admin["default-src"] == ["'self'"]
    assert admin["form-action"] == ["'self'"] and admin["base-uri"] == ["'self'"]
    assert "'unsafe-inline'" not in public["script-src"] + public["style-src"]


def test_the_api_docs_may_draw_data_images_and_nothing_else_extra(client, db):
    docs = policy(client.get("/api/v1/docs/"))

    assert docs["img-src"] == ["'self'", "data:"]
    assert docs["frame-ancestors"] == ["'none'"]


@pytest.mark.parametrize("path", ["/", "/api/v1/roles/", "/admin/login/"])
def test_every_answer_carries_the_other_security_headers(client, site, path):
    response = client.get(path)

    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    features = dict(item.strip().split("=", 1) for item in response["Permissions-Policy"].split(","))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert features[feature] == "()"


def test_production_settings_redirect_to_https_and_send_hsts():
    production = settings_of()

    assert production["SECURE_SSL_REDIRECT"] is True
    assert production["SECURE_HSTS_SECONDS"] >= 365 * 24 * 3600
    assert production["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert production["SECURE_HSTS_PRELOAD"] is True
    assert production["SESSION_COOKIE_SECURE"] is True and production["CSRF_COOKIE_SECURE"] is True
    assert production["SESSION_COOKIE_HTTPONLY"] is True and production["CSRF_COOKIE_HTTPONLY"] is True

    with override_settings(**{name: production[name] for name in PRODUCTION_SETTINGS
                              if name != "SECURE_PROXY_SSL_HEADER"},
                           SECURE_PROXY_SSL_HEADER=tuple(production["SECURE_PROXY_SSL_HEADER"])):
        plain = Client().get("/werk/?kind=buurtdienst")
        secure = Client().get("/werk/", secure=True)
        behind_proxy = Client().get("/werk/", HTTP_X_FORWARDED_PROTO="https")

    assert plain.status_code == 301
    assert plain["Location"] == "https://testserver/werk/?kind=buurtdienst"
    assert "Strict-Transport-Security" not in plain
    assert secure["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert behind_proxy.status_code != 301
    assert "Strict-Transport-Security" in behind_proxy


def test_a_deployment_behind_a_redirecting_proxy_can_switch_the_redirect_and_preload_off():
    behind_proxy = settings_of(SECURE_SSL_REDIRECT="false", SECURE_HSTS_PRELOAD="false")

    assert behind_proxy["SECURE_SSL_REDIRECT"] is False
    assert behind_proxy["SECURE_HSTS_PRELOAD"] is False
    assert behind_proxy["SECURE_HSTS_SECONDS"] > 0


def test_local_development_without_https_is_not_redirected():
    development = settings_of(DEBUG="true")

    assert development["SECURE_SSL_REDIRECT"] is False
    assert development["SECURE_HSTS_SECONDS"] == 0


def test_the_session_and_csrf_cookies_are_out_of_reach_of_scripts(client, world):
    world.employer_a.set_password("geheim-wachtwoord-123")
    world.employer_a.save()
    client.get("/accounts/login/")
    response = client.post("/accounts/login/", {"username": "werkgever-a", "password": "geheim-wachtwoord-123"})

    assert response.status_code == 302
    session, csrf = client.cookies["sessionid"], client.cookies["csrftoken"]
    assert session["httponly"] and csrf["httponly"]
    assert session["samesite"] == "Lax" and csrf["samesite"] == "Lax"


def test_the_api_answers_a_browser_in_json_and_leaves_exploring_to_the_docs(client, db):
    response = client.get("/api/v1/roles/", HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
