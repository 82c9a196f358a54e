"""Shared API test data: a few skills, a valid role payload and a published role of employer A."""

import pytest

from marketplace.models import Role
from tests import factories


@pytest.fixture
def skills(db):
    category = factories.SkillCategoryFactory(code="logistiek")
    return [factories.SkillFactory(category=category, name_nl=name, name_en=name) for name in
            ("Inpakken", "Schoonmaken", "Klantcontact")]


@pytest.fixture
def role_payload(skills):
    """A valid role as an employer would POST it; each test changes what it is about."""

    def make(**changes):
        payload = {
            "kind": "carved_task",
            "title": "Broodkratten klaarzetten",
            "description": "Elke ochtend de kratten voor de winkels klaarzetten.",
            "hours_min": 8,
            "hours_max": 16,
            "weekdays": ["mon", "wed"],
            "language_level_required": "A2",
            "support_offered": ["job_coach"],
            "places": 2,
            "postcode": "1234ab",
            "city": "Havenstad",
            "latitude": 52.37,
            "longitude": 4.89,
            "skills": [
                {"skill": skills[0].pk, "level": 2, "required": True},
                {"skill": skills[1].pk, "level": 1, "required": False},
            ],
        }
        payload.update(changes)
        return {key: value for key, value in payload.items() if value is not ...}

    return make


@pytest.fixture
def published_role(world, skills) -> Role:
    role = factories.RoleFactory(organisation=world.organisation_a, published=True, title="Afwassen",
                                 created_by=world.employer_a)
    factories.RoleSkillFactory(role=role, skill=skills[0], level=2)
    return role
