"""The employer marks a published role as filled from its page, after confirming; nobody else can."""

import pytest

from marketplace.choices import RoleStatus
from tests.portal import fake_matching as matching
from tests.portal.helpers import en, messages_of, post, published_role, signed_in

pytestmark = pytest.mark.django_db
ROLES = "/api/v1/roles/"


@pytest.fixture(autouse=True)
def fake_matching(monkeypatch):
    return matching.install(monkeypatch)


@pytest.fixture
def role(world):
    return published_role(world.organisation_a, title="Broodkratten klaarzetten")


def public_ids(client_for) -> set[int]:
    return {row["id"] for row in client_for(None).get(ROLES).json()["results"]}


def test_employer_marks_a_published_role_filled_after_confirming_and_it_leaves_the_public_list(world, role,
                                                                                             client_for):
    employer = signed_in(world.employer_a)
    page = employer.get(en("employer-role", role.pk))
    assert en("employer-role-filled", role.pk) in page.content.decode()
    confirm = employer.get(en("employer-role-filled", role.pk))
    assert confirm.status_code == 200
    assert "Are all places of" in confirm.content.decode()
    role.refresh_from_db()
    assert role.status == RoleStatus.PUBLISHED
    assert role.pk in public_ids(client_for)

    response = post(employer, en("employer-role-filled", role.pk), follow=True)

    role.refresh_from_db()
    assert role.status == RoleStatus.FILLED
    assert "The role is marked as filled. Job seekers no longer find it." in messages_of(response)
    assert role.pk not in public_ids(client_for)
    assert en("employer-role-filled", role.pk) not in response.content.decode()


def test_the_confirmation_speaks_dutch_with_u(world, role):
    page = signed_in(world.employer_a).get(f"/werkgever/rollen/{role.pk}/vervuld/")
    assert "Zijn alle plaatsen van" in page.content.decode()
    assert "u krijgt geen nieuwe kandidaten" in page.content.decode()


def test_employer_cannot_mark_another_organisations_role_filled(world, role):
    other = signed_in(world.employer_b)
    assert other.get(en("employer-role-filled", role.pk)).status_code == 404
    assert post(other, en("employer-role-filled", role.pk)).status_code == 404
    role.refresh_from_db()
    assert role.status == RoleStatus.PUBLISHED


def test_a_draft_cannot_be_marked_filled(world):
    draft = published_role(world.organisation_a, status=RoleStatus.DRAFT)
    employer = signed_in(world.employer_a)
    response = employer.get(en("employer-role-filled", draft.pk), follow=True)
    assert "Only a published role can be marked as filled." in messages_of(response)
    post(employer, en("employer-role-filled", draft.pk))
    draft.refresh_from_db()
    assert draft.status == RoleStatus.DRAFT
