"""Anonymous visitors read published roles, filter them, and never see personal data."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from marketplace.choices import RoleKind
from marketplace.constants import LanguageLevel, Support, Weekday
from tests import factories

pytestmark = pytest.mark.django_db

ROLES = "/api/v1/roles/"


def ids(response) -> set[int]:
    assert response.status_code == 200, response.json()
    return {role["id"] for role in response.json()["results"]}


def test_anonymous_visitors_see_published_roles_only(world, client_for, published_role):
    draft = factories.RoleFactory(organisation=world.organisation_a)
    closed = factories.RoleFactory(organisation=world.organisation_a, status="closed")
    anonymous = client_for(None)

    assert ids(anonymous.get(ROLES)) == {published_role.pk}
    assert anonymous.get(f"{ROLES}{draft.pk}/").status_code == 404
    assert anonymous.get(f"{ROLES}{closed.pk}/").status_code == 404


def test_an_anonymous_role_payload_contains_no_personal_data(world, client_for, published_role):
    creator = world.employer_a
    sentinels = [
        "Sentinelia", "Geheimnaam", "sentinel-seeker@example.nl", "0699999999", "SENTINEL-SCHULD",
        "SENTINEL-GEZONDHEID", "Geheimstraat", creator.username, creator.email, creator.last_name,
        "Marktstraat",  # the street is for the organisation and caseworkers only
    ]
    anonymous = client_for(None)

    bodies = [anonymous.get(ROLES).content.decode(), anonymous.get(f"{ROLES}{published_role.pk}/").content.decode()]

    for body in bodies:
        assert published_role.title in body
        for sentinel in sentinels:
            assert sentinel not in body
        assert "created_by" not in body
        assert "user" not in json.loads(body)


def test_work_at_a_residents_address_shows_only_the_area_to_the_public(world, client_for):
    role = factories.RoleFactory(organisation=world.association_organisation, published=True,
                                 at_requester_address=True, postcode="1234 AB", latitude=52.371234,
                                 longitude=4.894321, kind=RoleKind.BUURTDIENST)

    public = client_for(None).get(f"{ROLES}{role.pk}/").json()
    insider = client_for(world.association).get(f"{ROLES}{role.pk}/").json()

    assert (public["postcode"], public["latitude"], public["longitude"], public["street"]) == (
        "1234", 52.37, 4.89, None)
    assert (insider["postcode"], insider["latitude"], insider["street"]) == ("1234 AB", 52.371234, "Marktstraat 1")


def test_distances_to_work_at_a_residents_address_are_whole_kilometres_for_the_public(world, client_for):
    role = factories.RoleFactory(organisation=world.association_organisation, published=True,
                                 at_requester_address=True, latitude=52.371234, longitude=4.894321,
                                 kind=RoleKind.BUURTDIENST)
    near = f"{ROLES}?near=52.3800,4.9100&radius_km=10"

    public = next(item for item in client_for(None).get(near).json()["results"] if item["id"] == role.pk)
    insider = next(item for item in client_for(world.association).get(near).json()["results"]
                   if item["id"] == role.pk)

    assert insider["distance_km"] == 1.4
    # Measured from the point the public sees (52.37, 4.89), in whole kilometres.
    assert public["distance_km"] == 2.0


def test_searches_from_many_points_cannot_tell_two_doors_in_the_same_public_square_apart(world, client_for):
    doors = [factories.RoleFactory(organisation=world.association_organisation, published=True,
                                   at_requester_address=True, latitude=latitude, longitude=longitude,
                                   kind=RoleKind.BUURTDIENST)
             for latitude, longitude in ((52.366, 4.886), (52.3749, 4.8949))]
    anonymous = client_for(None)

    for step in range(12):
        latitude, longitude = 52.33 + step * 0.007, 4.86 + step * 0.005
        for radius in ("0.5", "1.2", "2.5", "4"):
            results = anonymous.get(f"{ROLES}?near={latitude},{longitude}&radius_km={radius}&ordering=distance"
                                    ).json()["results"]
            seen = {item["id"]: (item["distance_km"], item["latitude"], item["longitude"]) for item in results}
            assert (doors[0].pk in seen) == (doors[1].pk in seen), (latitude, longitude, radius)
            if doors[0].pk in seen:
                assert seen[doors[0].pk] == seen[doors[1].pk]


def test_the_role_list_query_count_does_not_grow_with_the_page_size(world, client_for, skills):
    for number in range(30):
        role = factories.RoleFactory(organisation=world.organisation_a if number % 2 else world.organisation_b,
                                     published=True)
        for skill in skills[: 1 + number % 3]:
            factories.RoleSkillFactory(role=role, skill=skill)
    anonymous = client_for(None)
    counts = {}

    for size in (10, 100):
        with CaptureQueriesContext(connection) as queries:
            response = anonymous.get(f"{ROLES}?page_size={size}")
        assert len(response.json()["results"]) == min(size, 30)
        counts[size] = len(queries)

    assert counts[10] == counts[100]


@pytest.fixture
def catalogue(world, skills):
    """Four published roles that differ in one respect each from the first."""
    make = factories.RoleFactory
    base = make(organisation=world.organisation_a, published=True, title="Inpakken in de bakkerij",
                hours_min=8, hours_max=16, weekdays=Weekday.MON | Weekday.TUE, language_level_required=1,
                support_offered=Support.JOB_COACH | Support.BUDDY)
    factories.RoleSkillFactory(role=base, skill=skills[0])
    far = make(organisation=world.organisation_b, published=True, title="Kamers opmaken", kind=RoleKind.PART_TIME,
               hours_min=20, hours_max=32, weekdays=Weekday.SAT, language_level_required=4,
               latitude=53.2, longitude=6.56, description="Hotelkamers schoonmaken.")
    factories.RoleSkillFactory(role=far, skill=skills[1], required=False)
    other_town = make(organisation__municipality=world.municipality_b, published=True, title="Groenonderhoud",
                      kind=RoleKind.BUURTDIENST, hours_min=4, hours_max=8, latitude=52.38, longitude=4.90,
                      weekdays=Weekday.WED)
    return {"base": base.pk, "far": far.pk, "other_town": other_town.pk}


@pytest.mark.parametrize("query, expected", [
    ("kind=carved_task", {"base"}),
    ("kind=part_time,buurtdienst", {"far", "other_town"}),
    ("kind=part_time&kind=buurtdienst", {"far", "other_town"}),
    ("skill={skill0}", {"base"}),
    ("skill={skill0},{skill1}", {"base", "far"}),
    ("hours_min=18", {"far"}),
    ("hours_max=6", {"other_town"}),
    ("hours_min=10&hours_max=12", {"base"}),
    ("weekday=sat", {"far"}),
    ("weekday=tue,sat", {"base", "far"}),
    ("language_level=A2", {"base", "other_town"}),
    ("language_level=B2", {"base", "far", "other_town"}),
    ("support_offered=job_coach", {"base"}),
    ("support_offered=job_coach,transport", set()),
    ("municipality={municipality_b}", {"other_town"}),
    ("municipality=GM9902", {"other_town"}),
    ("municipality=gm9901", {"base", "far"}),
    ("near=52.37,4.89&radius_km=5", {"base", "other_town"}),
    ("near=52.37,4.89", {"base", "other_town"}),
    ("near=53.2,6.56&radius_km=1", {"far"}),
    ("q=hotel", {"far"}),
    ("q=BAKKERIJ", {"base"}),
])
def test_published_roles_can_be_filtered(world, client_for, catalogue, skills, query, expected):
    query = query.format(skill0=skills[0].pk, skill1=skills[1].pk, municipality_b=world.municipality_b.pk)

    found = ids(client_for(None).get(f"{ROLES}?{query}"))

    assert found == {catalogue[name] for name in expected}


def test_roles_near_a_point_carry_their_distance_and_can_be_ordered_by_it(world, client_for, catalogue):
    response = client_for(None).get(f"{ROLES}?near=52.37,4.89&radius_km=100&ordering=distance")

    results = response.json()["results"]
    assert [role["id"] for role in results] == [catalogue["base"], catalogue["other_town"]]
    assert results[0]["distance_km"] == 0
    assert 1 < results[1]["distance_km"] < 2


@pytest.mark.parametrize("ordering, expected", [
    ("title", ["other_town", "base", "far"]),
    ("-title", ["far", "base", "other_town"]),
    ("hours", ["other_town", "base", "far"]),
    ("-hours", ["far", "base", "other_town"]),
])
def test_roles_can_be_ordered_by_title_and_hours(world, client_for, catalogue, ordering, expected):
    response = client_for(None).get(f"{ROLES}?ordering={ordering}")

    assert [role["id"] for role in response.json()["results"]] == [catalogue[name] for name in expected]


def test_newest_published_roles_come_first(world, client_for):
    old = factories.RoleFactory(organisation=world.organisation_a, published=True,
                                published_at=timezone.now() - timezone.timedelta(days=3))
    new = factories.RoleFactory(organisation=world.organisation_a, published=True)

    response = client_for(None).get(ROLES)

    assert [role["id"] for role in response.json()["results"]] == [new.pk, old.pk]


def test_codes_and_levels_are_shown_as_names(world, client_for, catalogue):
    role = client_for(None).get(f"{ROLES}{catalogue['base']}/").json()

    assert role["weekdays"] == ["mon", "tue"]
    assert role["support_offered"] == ["job_coach", "buddy"]
    assert role["language_level_required"] == LanguageLevel.A1.name
    assert role["kind"] == "carved_task"


def test_pages_default_to_twenty_roles(world, client_for):
    factories.RoleFactory.create_batch(25, organisation=world.organisation_a, published=True)

    first = client_for(None).get(ROLES).json()
    second = client_for(None).get(f"{ROLES}?page=2").json()

    assert (first["count"], len(first["results"]), len(second["results"])) == (25, 20, 5)
