"""A job seeker keeps their own profile; an employer sees and (as administrator) changes their organisations."""

import pytest

from marketplace.choices import MembershipRole
from marketplace.constants import Weekday
from marketplace.models import Membership, SensitiveAccessLog
from tests import factories

pytestmark = pytest.mark.django_db

PROFILE = "/api/v1/me/profile/"


def test_a_seeker_reads_their_own_profile_with_their_burden(world, client_for):
    response = client_for(world.seeker_user).get(PROFILE)

    assert response.status_code == 200
    assert response.json()["id"] == world.seeker.pk
    assert response.json()["burden"]["health"] == "SENTINEL-GEZONDHEID"
    assert not SensitiveAccessLog.objects.exists()


def test_a_seeker_changes_availability_consent_and_skills(world, client_for, skills):
    response = client_for(world.seeker_user).patch(PROFILE, {
        "hours_max": 12, "weekdays": ["sat", "sun"], "max_travel_km": 5, "introduction_allowed": True,
        "skills": [{"skill": skills[1].pk, "level": 3}], "interests": [skills[1].category.pk],
    }, format="json")

    assert response.status_code == 200, response.json()
    world.seeker.refresh_from_db()
    assert (world.seeker.hours_max, world.seeker.weekdays, world.seeker.max_travel_km) == (
        12, Weekday.SAT | Weekday.SUN, 5)
    assert world.seeker.introduction_allowed and world.seeker.consent_updated_at is not None
    assert response.json()["skills"] == [{"skill": skills[1].pk, "name": "Schoonmaken", "level": 3}]


@pytest.mark.parametrize("field, value", [
    ("rung", 6), ("burden", {"debts": ""}), ("first_name", "Anders"), ("physical_limits", []),
    ("status", "placed"),
])
def test_a_seeker_cannot_change_what_their_caseworker_keeps(world, client_for, field, value):
    response = client_for(world.seeker_user).patch(PROFILE, {field: value, "hours_max": 10}, format="json",
                                                   HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 400
    assert "caseworker" in response.json()[field][0]
    world.seeker.refresh_from_db()
    assert world.seeker.hours_max == 24
    assert world.seeker.burden.debts == "SENTINEL-SCHULD"


def test_a_seeker_keeps_their_own_dutch_level_up_to_date(world, client_for):
    response = client_for(world.seeker_user).patch(PROFILE, {"language_level": "B2"}, format="json")

    assert response.status_code == 200, response.json()
    world.seeker.refresh_from_db()
    assert world.seeker.language_level == 4


def test_an_unknown_dutch_level_is_refused_by_name(world, client_for):
    response = client_for(world.seeker_user).patch(PROFILE, {"language_level": "D1"}, format="json")

    assert response.status_code == 400 and "language_level" in response.json()
    world.seeker.refresh_from_db()
    assert world.seeker.language_level == 3


@pytest.mark.parametrize("persona", ["employer_a", "caseworker_a"])
def test_people_without_a_seeker_profile_get_403(world, client_for, persona):
    assert client_for(getattr(world, persona)).get(PROFILE).status_code == 403


def test_anonymous_visitors_have_no_profile(world, client_for):
    assert client_for(None).get(PROFILE).status_code == 401


def test_an_employer_lists_only_their_own_organisations(world, client_for):
    response = client_for(world.employer_a).get("/api/v1/me/organisations/")

    assert [org["id"] for org in response.json()["results"]] == [world.organisation_a.pk]
    other = client_for(world.employer_a).get(f"/api/v1/me/organisations/{world.organisation_b.pk}/")
    assert other.status_code == 404


def test_only_an_administrator_changes_the_organisation(world, client_for):
    url = f"/api/v1/me/organisations/{world.organisation_a.pk}/"
    payload = {"name": "Bakkerij Zon", "kvk_number": "8765 4321", "postcode": "1234ab"}

    as_member = client_for(world.employer_a).patch(url, payload, format="json")
    Membership.objects.filter(user=world.employer_a).update(role=MembershipRole.ADMIN)
    as_admin = client_for(world.employer_a).patch(url, payload, format="json")

    assert as_member.status_code == 403
    assert as_admin.status_code == 200, as_admin.json()
    assert (as_admin.json()["name"], as_admin.json()["kvk_number"], as_admin.json()["postcode"]) == (
        "Bakkerij Zon", "87654321", "1234 AB")


def test_a_kvk_number_in_use_by_another_organisation_is_refused(world, client_for):
    Membership.objects.filter(user=world.employer_a).update(role=MembershipRole.ADMIN)
    factories.OrganisationFactory(kvk_number="11112222")

    response = client_for(world.employer_a).patch(f"/api/v1/me/organisations/{world.organisation_a.pk}/",
                                                  {"kvk_number": "11112222"}, format="json")

    assert response.status_code == 400
    assert "kvk_number" in response.json()
