"""The persona matrix every test reuses: two municipalities and each actor in them.

Municipality A has employers A and B, an association, a job seeker with an account and a
caseworker; municipality B has its own caseworker, employer and job seeker.
"""

from types import SimpleNamespace

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests import factories


@pytest.fixture
def world(db):
    municipality_a = factories.MunicipalityFactory(name="Havenstad", cbs_code="GM9901")
    municipality_b = factories.MunicipalityFactory(name="Veenwijk", cbs_code="GM9902")
    employer_a = factories.MembershipFactory(
        user__username="werkgever-a", organisation__municipality=municipality_a, organisation__name="Bakkerij A"
    )
    employer_b = factories.MembershipFactory(
        user__username="werkgever-b", organisation__municipality=municipality_a, organisation__name="Hotel B"
    )
    employer_other_town = factories.MembershipFactory(
        user__username="werkgever-veenwijk", organisation__municipality=municipality_b
    )
    association = factories.MembershipFactory(
        user__username="vereniging", organisation__municipality=municipality_a, organisation__association=True
    )
    provider_a = factories.MembershipFactory(
        user__username="aanbieder-a", organisation__municipality=municipality_a, organisation__provider=True,
        organisation__name="Re-integratie Havenstad",
    )
    provider_other = factories.MembershipFactory(
        user__username="aanbieder-andere", organisation__municipality=municipality_a, organisation__provider=True,
        organisation__name="Taalschool De Brug",
    )
    provider_b = factories.MembershipFactory(
        user__username="aanbieder-veenwijk", organisation__municipality=municipality_b, organisation__provider=True,
    )
    caseworker_a = factories.CaseworkerFactory(user__username="klantmanager-a", municipality=municipality_a)
    caseworker_b = factories.CaseworkerFactory(user__username="klantmanager-b", municipality=municipality_b)
    seeker = factories.JobSeekerFactory(
        municipality=municipality_a, with_account=True, user__username="werkzoekende",
        caseworker=caseworker_a, first_name="Sentinelia", last_name="Geheimnaam",
        email="sentinel-seeker@example.nl", phone="0699999999",
        burden={"debts": "SENTINEL-SCHULD", "health": "SENTINEL-GEZONDHEID",
                "street_address": "Geheimstraat 99"},
    )
    seeker_b = factories.JobSeekerFactory(municipality=municipality_b, caseworker=caseworker_b)
    return SimpleNamespace(
        municipality_a=municipality_a,
        municipality_b=municipality_b,
        employer_a=employer_a.user,
        organisation_a=employer_a.organisation,
        employer_b=employer_b.user,
        organisation_b=employer_b.organisation,
        employer_other_town=employer_other_town.user,
        association=association.user,
        association_organisation=association.organisation,
        provider_a=provider_a.user,
        provider_organisation_a=provider_a.organisation,
        provider_other=provider_other.user,
        provider_organisation_other=provider_other.organisation,
        provider_b=provider_b.user,
        provider_organisation_b=provider_b.organisation,
        caseworker_a=caseworker_a.user,
        caseworker_b=caseworker_b.user,
        seeker_user=seeker.user,
        seeker=seeker,
        seeker_b=seeker_b,
    )


@pytest.fixture
def client_for():
    """An API client signed in with a token for ``user``, or anonymous for ``None``."""

    def make(user=None) -> APIClient:
        client = APIClient()
        if user is not None:
            token, _ = Token.objects.get_or_create(user=user)
            client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return client

    return make


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    # Two-step sign-in for staff is on outside DEBUG; tests of it (tests/security/) switch it on again.
    settings.REQUIRE_STAFF_2FA = False


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate-limit counters live in the cache; each test starts with none, whatever ran before it."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
