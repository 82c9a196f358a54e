"""Draaglast severities stay out of matching and out of everything employers and providers receive.

Changing how heavy a person's debts or health weigh must not move a single engine input, score or
ranking; and no answer to an employer or a provider carries a severity, a version or their labels.
"""

import dataclasses

import numpy as np
import pytest
from django.urls import reverse
from django.utils import translation
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from marketplace.access import actor_for
from marketplace.matching import feasible_pairs
from marketplace.models import JobSeeker, Role, SeekerBurden
from marketplace.models.seekers import BURDEN_CATEGORIES
from marketplace.selectors import matching
from marketplace.selectors.matching_data import SEEKER_COLUMNS, role_set, seeker_set, skill_index
from marketplace.services.burden import burden_update
from tests import factories
from tests.portal.helpers import signed_in
from tests.trajectory_data import trajectories

pytestmark = pytest.mark.django_db

KM_NORTH = 1 / 111.2
NOTE_SENTINEL = "SENTINEL-ERNST"
HEAVIEST = {**{f"{key}_severity": 3 for key in BURDEN_CATEGORIES}, **{key: NOTE_SENTINEL for key in BURDEN_CATEGORIES}}
LIGHTEST = {**{f"{key}_severity": 0 for key in BURDEN_CATEGORIES}, **{key: "" for key in BURDEN_CATEGORIES}}
FORBIDDEN_KEYS = {*SeekerBurden.SENSITIVE_FIELDS, *(f"{name}_label" for name in SeekerBurden.SEVERITY_FIELDS),
                  "burden", "versions", "burden_history"}


@pytest.fixture
def roles(world):
    category = factories.SkillCategoryFactory(code="logistiek")
    skills = [factories.SkillFactory(category=category) for _ in range(3)]
    factories.SeekerSkillFactory(seeker=world.seeker, skill=skills[0], level=2)
    factories.SeekerSkillFactory(seeker=world.seeker, skill=skills[1], level=1)
    near = factories.RoleFactory(organisation=world.organisation_a, published=True, title="Inpakken")
    far = factories.RoleFactory(organisation=world.organisation_a, published=True, title="Balie",
                                latitude=52.37 + 5 * KM_NORTH)
    for role, skill in ((near, skills[0]), (near, skills[1]), (far, skills[2])):
        factories.RoleSkillFactory(role=role, skill=skill, level=2)
    return near, far


def engine_view(world, roles):
    """Every engine input column of the seeker and the scores and rankings built from them, as plain values."""
    index = skill_index()
    seekers = seeker_set(JobSeeker.objects.filter(pk=world.seeker.pk), index)
    role_columns = role_set(Role.objects.filter(pk__in=[role.pk for role in roles]), index)
    pairs = feasible_pairs(seekers, role_columns)
    columns = {field.name: getattr(seekers, field.name) for field in dataclasses.fields(seekers)}
    inputs = {name: value.tolist() for name, value in columns.items() if isinstance(value, np.ndarray)}
    for_seeker = [(match.role.pk, match.score) for match in matching.roles_for_seeker(seeker=world.seeker)]
    candidates = [(match.score, match.reasons)
                  for match in matching.candidates_for_role(role=roles[0], actor=actor_for(world.employer_a))]
    return inputs, pairs.score.tolist(), for_seeker, candidates


def test_severities_change_no_engine_input_score_or_ranking(world, roles):
    burden_update(actor_user=world.caseworker_a, seeker=world.seeker, data=LIGHTEST)
    light = engine_view(world, roles)
    burden_update(actor_user=world.caseworker_a, seeker=world.seeker, data=HEAVIEST)
    heavy = engine_view(world, roles)

    assert light == heavy
    assert {"skill_levels", "language", "rung", "support_needs"} <= set(light[0])
    assert light[2] and light[3], "the seeker is matched at all, so the comparison means something"


def test_the_engine_reads_no_draaglast_column():
    assert not set(SEEKER_COLUMNS) & set(SeekerBurden.SENSITIVE_FIELDS)
    assert not any("severity" in column or "burden" in column for column in SEEKER_COLUMNS)


def keys_in(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {key for item in value.values() for key in keys_in(item)}
    if isinstance(value, list):
        return {key for item in value for key in keys_in(item)}
    return set()


def api(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


def assert_shows_no_burden(response):
    assert response.status_code == 200, response.request["PATH_INFO"]
    text = response.content.decode()
    assert NOTE_SENTINEL not in text and "severity" not in text.lower()
    if response.get("Content-Type", "").startswith("application/json"):
        assert keys_in(response.json()) & FORBIDDEN_KEYS == set()


def test_no_employer_answer_carries_a_severity_or_a_version(world, roles):
    burden_update(actor_user=world.caseworker_a, seeker=world.seeker, data=HEAVIEST)
    near, _far = roles
    with translation.override("en"):
        role_page = reverse("employer-role", args=[near.pk])

    answers = [api(world.employer_a).get(f"/api/v1/roles/{near.pk}/candidates/"),
               api(world.employer_a).get(f"/api/v1/roles/{near.pk}/"),
               signed_in(world.employer_a).get(role_page)]

    assert len(answers[0].json()) == 1  # the seeker is a candidate, so a leak would show
    for answer in answers:
        assert_shows_no_burden(answer)


def test_no_provider_answer_carries_a_severity_or_a_version(world):
    paths = trajectories(world)
    burden_update(actor_user=world.caseworker_a, seeker=paths.mine.seeker, data=HEAVIEST)
    with translation.override("en"):
        client_page = reverse("provider-client", args=[paths.mine.pk])

    answers = [api(world.provider_a).get("/api/v1/trajectories/"),
               api(world.provider_a).get(f"/api/v1/trajectories/{paths.mine.pk}/"),
               signed_in(world.provider_a).get(client_page)]

    for answer in answers:
        assert_shows_no_burden(answer)
