"""Employers create, change and move their own roles; other organisations' roles stay out of reach."""

import pytest
from rest_framework.test import APIClient

from marketplace.choices import RoleStatus
from marketplace.constants import Support, Weekday
from marketplace.models import Role
from marketplace.services.applications import (
    application_consent,
    application_express_interest,
    application_introduce,
    application_start_trial,
)
from tests import factories

pytestmark = pytest.mark.django_db

ROLES = "/api/v1/roles/"


def test_employer_posts_a_role_publishes_it_and_anonymous_visitors_find_it_nearby(world, client_for,
                                                                                   role_payload, skills):
    employer = client_for(world.employer_a)

    created = employer.post(ROLES, role_payload(), format="json")

    assert created.status_code == 201, created.json()
    role = created.json()
    assert role["status"] == "draft"
    assert role["organisation"] == {"id": world.organisation_a.pk, "name": "Bakkerij A"}
    assert role["postcode"] == "1234 AB"
    assert role["skills"] == [
        {"skill": skills[0].pk, "name": "Inpakken", "level": 2, "required": True},
        {"skill": skills[1].pk, "name": "Schoonmaken", "level": 1, "required": False},
    ]
    anonymous = client_for(None)
    nearby = f"{ROLES}?near=52.38,4.90&radius_km=5"
    assert anonymous.get(nearby).json()["count"] == 0

    published = employer.post(f"{ROLES}{role['id']}/publish/")

    assert published.status_code == 200
    assert published.json()["status"] == "published"
    results = anonymous.get(nearby).json()["results"]
    assert [found["id"] for found in results] == [role["id"]]
    assert 0 < results[0]["distance_km"] < 5


def test_employer_posts_a_role_without_skills(world, client_for, role_payload):
    response = client_for(world.employer_a).post(ROLES, role_payload(skills=...), format="json")

    assert response.status_code == 201, response.content
    assert response.json()["skills"] == []
    assert Role.objects.get(pk=response.json()["id"]).skill_requirements.count() == 0


def test_employer_cannot_edit_another_employers_role(world, client_for, published_role):
    response = client_for(world.employer_b).patch(f"{ROLES}{published_role.pk}/", {"title": "Overgenomen"},
                                                  format="json")

    assert response.status_code == 404
    published_role.refresh_from_db()
    assert published_role.title == "Afwassen"


@pytest.mark.parametrize("verb", ["publish", "fill", "close"])
def test_employer_cannot_move_another_employers_role(world, client_for, published_role, verb):
    response = client_for(world.employer_b).post(f"{ROLES}{published_role.pk}/{verb}/")

    assert response.status_code == 404
    published_role.refresh_from_db()
    assert published_role.status == RoleStatus.PUBLISHED


def test_anonymous_visitor_cannot_post_a_role(world, client_for, role_payload):
    response = client_for(None).post(ROLES, role_payload(), format="json")

    assert response.status_code in (401, 403)
    assert not Role.objects.exists()


@pytest.mark.parametrize("persona", ["seeker_user", "caseworker_a"])
def test_people_who_act_for_no_organisation_cannot_post_a_role(world, client_for, role_payload, persona):
    response = client_for(getattr(world, persona)).post(ROLES, role_payload(), format="json")

    assert response.status_code == 403
    assert not Role.objects.exists()


def test_a_role_belongs_to_its_organisations_municipality(world, client_for, role_payload):
    response = client_for(world.employer_other_town).post(ROLES, role_payload(), format="json")

    assert response.status_code == 201
    assert response.json()["municipality"]["cbs_code"] == "GM9902"
    assert Role.objects.get().municipality == world.municipality_b


def test_employer_cannot_post_a_role_for_an_organisation_they_do_not_act_for(world, client_for, role_payload):
    response = client_for(world.employer_a).post(ROLES, role_payload(organisation=world.organisation_b.pk),
                                                 format="json")

    assert response.status_code == 400
    assert "organisation" in response.json()
    assert not Role.objects.exists()


def test_employer_of_several_organisations_must_say_which_one_posts(world, client_for, role_payload):
    factories.MembershipFactory(user=world.employer_a, organisation__municipality=world.municipality_a)

    unnamed = client_for(world.employer_a).post(ROLES, role_payload(), format="json")
    named = client_for(world.employer_a).post(ROLES, role_payload(organisation=world.organisation_a.pk),
                                              format="json")

    assert unnamed.status_code == 400
    assert "organisation" in unnamed.json()
    assert named.status_code == 201


def test_employer_updates_content_and_replaces_skills(world, client_for, published_role, skills):
    response = client_for(world.employer_a).patch(
        f"{ROLES}{published_role.pk}/",
        {"title": "Afwassen en opruimen", "weekdays": ["sat"], "support_offered": ["buddy", "transport"],
         "skills": [{"skill": skills[2].pk, "level": 3, "required": False}]},
        format="json",
    )

    assert response.status_code == 200, response.json()
    published_role.refresh_from_db()
    assert published_role.title == "Afwassen en opruimen"
    assert published_role.weekdays == Weekday.SAT
    assert published_role.support_offered == Support.BUDDY | Support.TRANSPORT
    assert [(rs.skill, rs.level, rs.required) for rs in published_role.skill_requirements.all()] == [
        (skills[2], 3, False)
    ]
    assert response.json()["support_offered"] == ["transport", "buddy"]


def test_status_cannot_be_changed_through_an_update(world, client_for, published_role):
    response = client_for(world.employer_a).patch(f"{ROLES}{published_role.pk}/", {"status": "closed"},
                                                  format="json", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 400
    assert "publish, fill and close" in response.json()["status"][0]
    published_role.refresh_from_db()
    assert published_role.status == RoleStatus.PUBLISHED


def test_a_forbidden_move_answers_conflict_with_a_message(world, client_for):
    draft = factories.RoleFactory(organisation=world.organisation_a)

    response = client_for(world.employer_a).post(f"{ROLES}{draft.pk}/fill/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 409
    assert "cannot become" in response.json()["status"][0]
    draft.refresh_from_db()
    assert draft.status == RoleStatus.DRAFT


def test_employer_fills_and_closes_a_published_role(world, client_for, published_role):
    employer = client_for(world.employer_a)

    assert employer.post(f"{ROLES}{published_role.pk}/fill/").json()["status"] == "filled"
    assert employer.post(f"{ROLES}{published_role.pk}/close/").json()["status"] == "closed"
    assert employer.patch(f"{ROLES}{published_role.pk}/", {"title": "Weer open"}, format="json").status_code == 409


def test_employer_sees_own_drafts_but_not_other_employers_drafts(world, client_for):
    own = factories.RoleFactory(organisation=world.organisation_a)
    other = factories.RoleFactory(organisation=world.organisation_b)
    employer = client_for(world.employer_a)

    listed = [role["id"] for role in employer.get(ROLES).json()["results"]]

    assert own.pk in listed and other.pk not in listed
    assert employer.get(f"{ROLES}{own.pk}/").json()["street"] == "Marktstraat 1"
    assert employer.get(f"{ROLES}{other.pk}/").status_code == 404


def test_roles_cannot_be_deleted_through_the_api(world, client_for, published_role):
    response = client_for(world.employer_a).delete(f"{ROLES}{published_role.pk}/")

    assert response.status_code == 405
    assert Role.objects.filter(pk=published_role.pk).exists()


def test_missing_coordinates_come_from_the_postcode_area(world, client_for, role_payload):
    world.municipality_a.postcode_areas.create(digits="1234", latitude=52.1, longitude=5.1)

    response = client_for(world.employer_a).post(ROLES, role_payload(latitude=..., longitude=...), format="json")

    assert response.status_code == 201
    assert (response.json()["latitude"], response.json()["longitude"]) == (52.1, 5.1)


def test_a_session_signed_in_employer_can_post_too(world, role_payload):
    client = APIClient()
    client.force_login(world.employer_a)

    assert client.post(ROLES, role_payload(), format="json").status_code == 201


def test_a_role_cannot_get_fewer_places_than_people_in_trial(world, client_for):
    role = factories.RoleFactory(organisation=world.organisation_a, published=True, places=2)
    for seeker in (world.seeker, factories.JobSeekerFactory(municipality=world.municipality_a, with_account=True)):
        application, _created = application_express_interest(seeker=seeker, role=role)
        application_consent(application=application, actor_user=seeker.user)
        application_introduce(application=application, actor_user=world.employer_a)
        application_start_trial(application=application, actor_user=world.employer_a)

    response = client_for(world.employer_a).patch(f"{ROLES}{role.pk}/", {"places": 1}, format="json")

    assert response.status_code == 400
    assert "places" in response.json()
    role.refresh_from_db()
    assert role.places == 2


def test_messages_follow_the_clients_language(world, client_for):
    draft = factories.RoleFactory(organisation=world.organisation_a)
    employer = client_for(world.employer_a)

    dutch = employer.post(f"{ROLES}{draft.pk}/fill/", HTTP_ACCEPT_LANGUAGE="nl").json()["status"][0]
    english = employer.post(f"{ROLES}{draft.pk}/fill/", HTTP_ACCEPT_LANGUAGE="en").json()["status"][0]

    assert dutch != english
    assert english == "A role that is draft cannot become filled."
