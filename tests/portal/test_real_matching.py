"""The portal pages on the real matching selectors: the seeker's matches and the employer's cards."""

import re

import pytest

from marketplace.models.applications import Application
from marketplace.services.applications import application_express_interest
from tests import factories
from tests.portal.helpers import en, leaked, post, published_role, signed_in

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


def test_an_invited_candidate_keeps_the_number_of_their_card_on_every_page(world):
    role = published_role(world.organisation_a)
    other = factories.JobSeekerFactory(municipality=world.municipality_a, with_account=True, card_visible=False)
    application_express_interest(seeker=other, role=role)  # already "Kandidaat 1" for this role
    employer = signed_in(world.employer_a)
    page = employer.get(en("employer-role", role.pk)).content.decode()
    number = re.search(r'name="number" value="(\d+)"', page).group(1)
    reference = re.search(r'name="candidate" value="([^"]+)"', page).group(1)

    response = post(employer, en("employer-role-invite", role.pk), {"candidate": reference, "number": number})
    application = Application.objects.get(role=role, seeker=world.seeker)
    detail = employer.get(en("employer-application", application.pk)).content.decode()
    listing = employer.get(en("employer-applications")).content.decode()

    assert number == "2" and application.candidate_number == 2
    assert response.status_code == 302
    assert "Candidate 2" in detail and "Candidate 2" in listing
    assert "We are waiting for the candidate's answer" in detail


def test_a_crafted_card_number_far_ahead_is_replaced_by_the_first_free_one(world):
    role = published_role(world.organisation_a)
    employer = signed_in(world.employer_a)
    page = employer.get(en("employer-role", role.pk)).content.decode()
    reference = re.search(r'name="candidate" value="([^"]+)"', page).group(1)

    post(employer, en("employer-role-invite", role.pk), {"candidate": reference, "number": "2147483000"})

    assert Application.objects.get(role=role).candidate_number == 1
