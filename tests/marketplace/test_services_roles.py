"""Role services: who may write, what gets validated, where a role is placed."""

import pytest
from django.core.exceptions import ValidationError

from marketplace.access import actor_for
from marketplace.choices import RoleStatus
from marketplace.constants import WORKWEEK
from marketplace.exceptions import NotEditable, NotYourOrganisation
from marketplace.models import PostcodeArea, Role, RoleSkill
from marketplace.selectors.roles import role_list_editable, role_list_visible
from marketplace.services.roles import (
    SkillRequirement,
    role_close,
    role_create,
    role_mark_filled,
    role_publish,
    role_update,
)
from tests import factories

pytestmark = pytest.mark.django_db


def role_data(**changes):
    data = {"kind": "carved_task", "title": "Afwassen", "description": "In de keuken.", "hours_min": 8,
            "hours_max": 12, "weekdays": WORKWEEK}
    data.update(changes)
    return data


@pytest.fixture
def employer():
    return factories.MembershipFactory()


def test_a_new_role_is_a_draft_in_its_organisations_municipality(employer):
    skill = factories.SkillFactory()

    role = role_create(actor=actor_for(employer.user), organisation=employer.organisation, data=role_data(),
                       skills=[SkillRequirement(skill=skill, level=2, required=False)])

    assert (role.status, role.municipality, role.created_by) == (
        RoleStatus.DRAFT, employer.organisation.municipality, employer.user)
    assert list(role.skill_requirements.values_list("skill", "level", "required")) == [(skill.pk, 2, False)]


def test_only_members_create_roles_for_an_organisation(employer):
    stranger = factories.MembershipFactory()

    with pytest.raises(NotYourOrganisation):
        role_create(actor=actor_for(stranger.user), organisation=employer.organisation, data=role_data())
    assert not Role.objects.exists()


@pytest.mark.parametrize("changes, field", [
    ({"hours_min": 12, "hours_max": 8}, "hours_max"),
    ({"hours_max": 50}, "hours_max"),
    ({"places": 0}, "places"),
    ({"weekdays": 0}, "weekdays"),
    ({"weekdays": 999}, "weekdays"),
    ({"postcode": "1234 SA"}, "postcode"),
    ({"target_rung": 7}, "target_rung"),
    ({"latitude": 52.0}, "longitude"),
    ({"status": "published"}, "status"),
])
def test_invalid_role_data_raises_a_field_named_error_and_writes_nothing(employer, changes, field):
    with pytest.raises(ValidationError) as raised:
        role_create(actor=actor_for(employer.user), organisation=employer.organisation, data=role_data(**changes))

    assert field in raised.value.message_dict
    assert not Role.objects.exists()


def test_an_invalid_skill_level_rolls_the_whole_role_back(employer):
    skill = factories.SkillFactory()

    with pytest.raises(ValidationError):
        role_create(actor=actor_for(employer.user), organisation=employer.organisation, data=role_data(),
                    skills=[SkillRequirement(skill=skill, level=4)])

    assert not Role.objects.exists()
    assert not RoleSkill.objects.exists()


def test_a_postcode_without_coordinates_is_placed_at_the_area_centre(employer):
    PostcodeArea.objects.create(digits="1234", municipality=employer.organisation.municipality, latitude=52.1,
                                longitude=5.2)

    role = role_create(actor=actor_for(employer.user), organisation=employer.organisation,
                       data=role_data(postcode="1234ab"))

    assert (role.postcode, role.latitude, role.longitude) == ("1234 AB", 52.1, 5.2)


def test_moving_a_role_to_another_postcode_replaces_its_old_coordinates(employer):
    PostcodeArea.objects.create(digits="5678", municipality=employer.organisation.municipality, latitude=51.5,
                                longitude=5.5)
    role = factories.RoleFactory(organisation=employer.organisation, latitude=52.37, longitude=4.89)

    role_update(actor=actor_for(employer.user), role=role, data={"postcode": "5678 CD"})

    role.refresh_from_db()
    assert (role.latitude, role.longitude) == (51.5, 5.5)


def test_a_closed_role_cannot_be_edited(employer):
    role = factories.RoleFactory(organisation=employer.organisation, status=RoleStatus.CLOSED)

    with pytest.raises(NotEditable):
        role_update(actor=actor_for(employer.user), role=role, data={"title": "Anders"})


def test_publishing_stamps_the_time_once_and_the_verbs_walk_the_workflow(employer):
    actor = actor_for(employer.user)
    role = factories.RoleFactory(organisation=employer.organisation)

    role = role_publish(actor=actor, role=role)
    published_at = role.published_at
    role = role_mark_filled(actor=actor, role=role)
    role = role_close(actor=actor, role=role)

    assert published_at is not None
    assert (role.status, role.published_at) == (RoleStatus.CLOSED, published_at)


def test_others_see_published_roles_and_members_see_their_own_drafts(employer):
    draft = factories.RoleFactory(organisation=employer.organisation)
    published = factories.RoleFactory(published=True)
    stranger = actor_for(factories.MembershipFactory().user)

    assert set(role_list_visible(actor=actor_for(employer.user))) == {draft, published}
    assert set(role_list_visible(actor=stranger)) == {published}
    assert set(role_list_editable(actor=stranger)) == set()


def test_caseworkers_see_every_role_of_their_municipality(employer):
    draft = factories.RoleFactory(organisation=employer.organisation)
    elsewhere = factories.RoleFactory()
    caseworker = factories.CaseworkerFactory(municipality=employer.organisation.municipality)

    visible = set(role_list_visible(actor=actor_for(caseworker.user)))

    assert draft in visible and elsewhere not in visible
