"""The portal pages on the real matching selectors: the seeker's matches and the employer's cards."""

import pytest

from tests.portal.helpers import en, leaked, published_role, signed_in

pytestmark = pytest.mark.django_db


def test_the_seeker_sees_a_fitting_role_with_its_reasons(world):
    role = published_role(world.organisation_a, title="Broodkratten klaarzetten")

    response = signed_in(world.seeker_user).get(en("seeker-matches"))

    matches = response.context["matches"]
    assert [match.role for match in matches] == [role]
    assert matches[0].reasons
    html = response.content.decode()
    assert "Broodkratten klaarzetten" in html
    assert all(reason["text"] in html for reason in matches[0].reasons)


def test_the_employer_sees_the_seeker_as_an_anonymous_card(world):
    role = published_role(world.organisation_a)

    response = signed_in(world.employer_a).get(en("employer-role", role.pk))

    assert len(response.context["candidates"]) == 1
    html = response.content.decode()
    assert 'name="candidate"' in html
    assert leaked(html) == []
