"""Each limit on a number people give is named once, so the portal, the API and the services refuse the same
numbers, with the field named: a role's hours, a job seeker's hours and travel distance."""

import pytest
from django.core.exceptions import ValidationError

from api.serializers.roles import RoleWriteSerializer
from api.serializers.seekers import SeekerWriteSerializer
from marketplace.access import actor_for
from marketplace.constants import (
    ROLE_HOURS_MAX,
    ROLE_HOURS_MIN,
    SEEKER_HOURS_MAX,
    TRAVEL_KM_MAX,
    TRAVEL_KM_MIN,
    WORKWEEK,
)
from marketplace.models import Organisation, SkillCategory
from marketplace.services.roles import role_create
from marketplace.services.seekers import seeker_create
from portal.forms.employer import RoleForm
from portal.forms.seeker import ProfileForm
from tests import factories

pytestmark = pytest.mark.django_db


def an_organisation():
    return Organisation.objects.filter(pk=factories.OrganisationFactory().pk)


def refused_by_the_role_service(field, value) -> bool:
    membership = factories.MembershipFactory()
    data = {"kind": "carved_task", "title": "Afwassen", "description": "In de keuken.", "hours_min": ROLE_HOURS_MIN,
            "hours_max": ROLE_HOURS_MAX, "weekdays": WORKWEEK, field: value}
    try:
        role_create(actor=actor_for(membership.user), organisation=membership.organisation, data=data)
    except ValidationError as error:
        return field in error.message_dict
    return False


def refused_by_the_seeker_service(field, value) -> bool:
    caseworker = actor_for(factories.CaseworkerFactory().user)
    try:
        seeker_create(actor=caseworker, data={"first_name": "Ann", "last_name": "Jansen", field: value})
    except ValidationError as error:
        return field in error.message_dict
    return False


@pytest.mark.parametrize(("hours", "refused"), [
    (ROLE_HOURS_MIN - 1, True), (ROLE_HOURS_MIN, False), (ROLE_HOURS_MAX, False), (ROLE_HOURS_MAX + 1, True),
])
def test_the_portal_the_api_and_the_service_agree_on_the_hours_of_a_role(hours, refused):
    form = RoleForm({"hours_min": str(ROLE_HOURS_MIN), "hours_max": str(hours)}, organisations=an_organisation())
    serializer = RoleWriteSerializer(data={"hours_min": ROLE_HOURS_MIN, "hours_max": hours})
    form.is_valid()
    serializer.is_valid()

    assert ("hours_max" in form.errors) is refused
    assert ("hours_max" in serializer.errors) is refused
    assert refused_by_the_role_service("hours_max", hours) is refused


@pytest.mark.parametrize(("field", "value", "refused"), [
    ("hours_max", SEEKER_HOURS_MAX, False), ("hours_max", SEEKER_HOURS_MAX + 1, True),
    ("max_travel_km", TRAVEL_KM_MIN - 1, True), ("max_travel_km", TRAVEL_KM_MIN, False),
    ("max_travel_km", TRAVEL_KM_MAX, False), ("max_travel_km", TRAVEL_KM_MAX + 1, True),
])
def test_the_portal_the_api_and_the_service_agree_on_what_a_job_seeker_offers(field, value, refused):
    form = ProfileForm({field: str(value)}, categories=SkillCategory.objects.none())
    serializer = SeekerWriteSerializer(data={field: value})
    form.is_valid()
    serializer.is_valid()

    assert (field in form.errors) is refused
    assert (field in serializer.errors) is refused
    assert refused_by_the_seeker_service(field, value) is refused


def test_hours_the_wrong_way_round_get_the_same_words_on_every_face():
    form = RoleForm({"hours_min": "20", "hours_max": "10"}, organisations=an_organisation())
    form.is_valid()
    membership = factories.MembershipFactory()
    with pytest.raises(ValidationError) as raised:
        role_create(actor=actor_for(membership.user), organisation=membership.organisation, data={
            "kind": "carved_task", "title": "Afwassen", "description": "In de keuken.", "hours_min": 20,
            "hours_max": 10, "weekdays": WORKWEEK})

    assert form.errors["hours_max"] == raised.value.message_dict["hours_max"]
