"""Reasons are worded for their reader: the job seeker reads "je", employers and caseworkers read about
"de kandidaat", on the portal, in the API and in the admin, on the real matching engine."""

import pytest
from django.urls import reverse

from tests import factories
from tests.portal.helpers import published_role, signed_in

pytestmark = pytest.mark.django_db

SEEKER_WORDING = "Je hebt 2 van de 2 vaardigheden"
CANDIDATE_WORDING = "De kandidaat heeft 2 van de 2 gevraagde vaardigheden"


@pytest.fixture
def skills(db):
    category = factories.SkillCategoryFactory(code="logistiek")
    return [factories.SkillFactory(category=category, name_nl=name, name_en=name)
            for name in ("Inpakken", "Schoonmaken")]


@pytest.fixture
def role(world, skills):
    """A published role of employer A asking two skills the world's job seeker has."""
    for skill in skills[:2]:
        factories.SeekerSkillFactory(seeker=world.seeker, skill=skill, level=2)
    role = published_role(world.organisation_a, title="Inpakken")
    for skill in skills[:2]:
        factories.RoleSkillFactory(role=role, skill=skill, level=2)
    return role


def texts(reasons) -> list[str]:
    return [reason["text"] for reason in reasons]


def test_the_employer_portal_shows_candidates_in_the_employers_wording(world, role):
    html = signed_in(world.employer_a).get(reverse("employer-role", args=[role.pk])).content.decode()

    assert CANDIDATE_WORDING in html
    assert SEEKER_WORDING not in html
    assert "Waarom deze kandidaat past" in html


def test_the_job_seeker_reads_the_same_match_in_their_own_wording(world, role):
    html = signed_in(world.seeker_user).get(reverse("seeker-matches")).content.decode()

    assert SEEKER_WORDING in html
    assert CANDIDATE_WORDING not in html


def test_the_candidates_api_words_reasons_for_the_employer_and_for_the_caseworker(world, client_for, role):
    for reader in (world.employer_a, world.caseworker_a):
        body = client_for(reader).get(f"/api/v1/roles/{role.pk}/candidates/").json()

        assert CANDIDATE_WORDING in texts(body[0]["reasons"]), reader
        assert SEEKER_WORDING not in texts(body[0]["reasons"]), reader


def test_a_caseworker_reads_a_job_seekers_matches_about_the_candidate_and_the_seeker_reads_them_with_je(
    world, client_for, role
):
    staff = client_for(world.caseworker_a).get(f"/api/v1/seekers/{world.seeker.pk}/matches/").json()
    own = client_for(world.seeker_user).get("/api/v1/me/matches/").json()

    assert CANDIDATE_WORDING in texts(staff["results"][0]["reasons"])
    assert not any(text.startswith("Je ") or " je " in text for text in texts(staff["results"][0]["reasons"]))
    assert SEEKER_WORDING in texts(own["results"][0]["reasons"])


def test_a_caseworker_reads_why_a_role_does_not_fit_about_the_candidate(world, client_for, role):
    saturday = published_role(world.organisation_a, weekdays=32, target_rung=6)

    staff = client_for(world.caseworker_a).get(f"/api/v1/seekers/{world.seeker.pk}/why-not/?role={saturday.pk}")
    own = client_for(world.seeker_user).get(f"/api/v1/me/why-not/?role={saturday.pk}")

    assert "Dit werk is nu nog een te grote stap voor de kandidaat" in texts(staff.json()["reasons"])
    assert "Dit werk is nu nog een te grote stap voor je" in texts(own.json()["reasons"])

