"""Builders shared by the matching-engine tests (pure Python, no database).

``seeker()`` and ``role()`` describe a pair that passes every hard constraint; a test changes the
one attribute it is about. ``random_profiles`` draws small, varied populations (with missing data,
ties and rung overrides) for comparing the engine with the per-pair reference.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from marketplace.constants import LanguageLevel, Rung, SkillLevel, Support, Weekday
from marketplace.matching import RoleProfile, RoleSet, SeekerProfile, SeekerSet, SkillIndex

CENTRE_LAT, CENTRE_LON = 52.09, 5.12
KM_PER_DEGREE_LAT = 6371.0 * np.pi / 180  # along a meridian the haversine distance is exactly this

# skill id -> category id: two categories of two skills, one of one skill
SKILLS = {101: 1, 102: 1, 201: 2, 202: 2, 301: 3}
SKILL_INDEX = SkillIndex(SKILLS)


def north(km: float) -> float:
    """The latitude ``km`` north of the centre (same longitude)."""
    return CENTRE_LAT + km / KM_PER_DEGREE_LAT


def seeker(**changes) -> SeekerProfile:
    base = SeekerProfile(
        id=1,
        lat=CENTRE_LAT,
        lon=CENTRE_LON,
        max_km=10.0,
        hours_min=8.0,
        hours_max=24.0,
        weekdays=int(Weekday.MON | Weekday.TUE | Weekday.WED),
        language=int(LanguageLevel.B1),
        rung=int(Rung.UNPAID_WORK),
        active=True,
        card_consent=True,
        interests=frozenset({1}),
        skills={101: int(SkillLevel.ROUTINE), 102: int(SkillLevel.BASIC)},
    )
    return replace(base, **changes)


def role(**changes) -> RoleProfile:
    base = RoleProfile(
        id=10,
        lat=north(4.0),
        lon=CENTRE_LON,
        hours_min=12.0,
        hours_max=16.0,
        weekdays=int(Weekday.MON | Weekday.TUE),
        target_rung=int(Rung.PAID_WORK_WITH_SUPPORT),
        language_required=int(LanguageLevel.A2),
        support_offered=int(Support.JOB_COACH),
        places_left=1,
        required_skills={101: int(SkillLevel.ROUTINE)},
        nice_skills={102: int(SkillLevel.BASIC)},
    )
    return replace(base, **changes)


def build(seekers: list[SeekerProfile], roles: list[RoleProfile]) -> tuple[SeekerSet, RoleSet]:
    return SeekerSet.from_profiles(seekers, SKILL_INDEX), RoleSet.from_profiles(roles, SKILL_INDEX)


def random_profiles(seed: int, n_seekers: int = 40, n_roles: int = 25):
    """Varied small populations: a ~12 km town, whole-hour ranges, shared skills, some missing data.

    Returns (seekers, roles, overrides) where overrides are (seeker id, role id) pairs.
    """
    rng = np.random.default_rng(seed)
    skill_ids = list(SKILLS)
    seekers = [_random_seeker(rng, 1000 + i, skill_ids) for i in range(n_seekers)]
    roles = [_random_role(rng, 5000 + i, skill_ids) for i in range(n_roles)]
    overrides = {(s.id, r.id) for s, r in zip(rng.choice(seekers, 15), rng.choice(roles, 15), strict=True)}
    return seekers, roles, sorted(overrides)


def _place(rng: np.random.Generator) -> tuple[float, float]:
    return CENTRE_LAT + rng.uniform(-0.05, 0.05), CENTRE_LON + rng.uniform(-0.09, 0.09)


def _skills(rng: np.random.Generator, skill_ids: list[int], most: int) -> dict[int, int]:
    chosen = rng.choice(skill_ids, size=int(rng.integers(0, most + 1)), replace=False)
    return {int(s): int(rng.integers(1, 4)) for s in chosen}


def _random_seeker(rng: np.random.Generator, seeker_id: int, skill_ids: list[int]) -> SeekerProfile:
    lat, lon = _place(rng) if rng.random() > 0.08 else (None, None)
    hours_min = float(rng.choice([0, 4, 8, 16]))
    hours_max = 0.0 if rng.random() < 0.08 else hours_min + float(rng.choice([4, 8, 12]))
    return SeekerProfile(
        id=seeker_id,
        lat=lat,
        lon=lon,
        max_km=float(rng.choice([3.0, 5.5, 8.0, 12.0])),
        hours_min=hours_min if hours_max else 0.0,
        hours_max=hours_max,
        weekdays=int(rng.integers(0, 128)),
        language=int(rng.integers(0, 7)),
        physical_limits=int(rng.choice([0, 0, 1, 8, 9])),
        support_needs=int(rng.choice([0, 0, 1, 4, 5])),
        rung=int(rng.integers(1, 7)),
        active=bool(rng.random() > 0.1),
        card_consent=bool(rng.random() > 0.3),
        interests=frozenset(
            int(c) for c in rng.choice([1, 2, 3], size=int(rng.integers(0, 3)), replace=False)
        ),
        skills=_skills(rng, skill_ids, 4),
    )


def _random_role(rng: np.random.Generator, role_id: int, skill_ids: list[int]) -> RoleProfile:
    lat, lon = _place(rng)
    hours_min = float(rng.choice([4, 8, 12, 20]))
    return RoleProfile(
        id=role_id,
        lat=lat,
        lon=lon,
        hours_min=hours_min,
        hours_max=hours_min + float(rng.choice([0, 4, 8])),
        weekdays=int(rng.integers(1, 128)),
        target_rung=int(rng.integers(1, 7)),
        language_required=int(rng.integers(0, 5)),
        physical_demands=int(rng.choice([0, 0, 1, 2, 8])),
        support_offered=int(rng.choice([0, 1, 4, 5, 127])),
        places_left=int(rng.choice([0, 1, 1, 2, 3])),
        published=bool(rng.random() > 0.1),
        required_skills=_skills(rng, skill_ids, 3),
        nice_skills=_skills(rng, skill_ids, 2),
    )
