"""A seeded synthetic city for the matching benchmark: job seekers, roles and a skill taxonomy.

The city is ~25 km across around a Utrecht-like centre. Seekers live in neighbourhoods of
uneven size (some neighbourhoods hold far more of the caseload); roles sit in business areas
and, for neighbourhood services, among the homes. Distributions follow the brief: travel radius
3–25 km (mostly 5–10), hours 4–32, Dutch levels skewed A1–B2, ladder rungs weighted towards 2–5,
roles with 1–5 places and 1–4 required skills, 300 skills in 20 categories. A few percent of
seekers lack a home location, hours or skills, so the engine's missing-data paths run at scale.

All attributes are drawn column-wise with one seeded NumPy generator, so a city of 60,000
profiles takes a few seconds and the same arguments always give the same city.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from marketplace.constants import Physical, Support
from marketplace.matching.data import RoleProfile, SeekerProfile, SkillIndex

CENTRE_LAT, CENTRE_LON = 52.09, 5.12
CITY_RADIUS_KM = 12.5
_KM_PER_DEG_LAT = 111.2
_SEEKER_ID0, _ROLE_ID0, _SKILL_ID0 = 100_000, 500_000, 1000


@dataclass
class City:
    skill_index: SkillIndex
    seekers: list[SeekerProfile]
    roles: list[RoleProfile]
    overrides: list[tuple[int, int]]  # (seeker id, role id) pairs a caseworker allowed


def generate_city(
    n_seekers: int = 50_000,
    n_roles: int = 10_000,
    n_skills: int = 300,
    n_categories: int = 20,
    seed: int = 20240601,
) -> City:
    """The same city for the same arguments."""
    rng = np.random.default_rng(seed)
    skill_category = np.arange(n_skills) * n_categories // n_skills
    skill_index = SkillIndex({_SKILL_ID0 + i: 1 + int(c) for i, c in enumerate(skill_category)})
    taxonomy = _Taxonomy(rng, skill_category, n_categories)
    places = _Places(rng)
    seekers = _seekers(rng, n_seekers, places, taxonomy)
    roles = _roles(rng, n_roles, places, taxonomy)
    picks = rng.integers(0, [n_seekers, n_roles], size=(max(1, n_roles // 50), 2))
    overrides = sorted({(_SEEKER_ID0 + int(s), _ROLE_ID0 + int(r)) for s, r in picks})
    return City(skill_index, seekers, roles, overrides)


class _Places:
    """Homes and workplaces: Gaussian neighbourhoods of uneven size in a disc, clipped to the city."""

    def __init__(self, rng: np.random.Generator, neighbourhoods: int = 40, business_areas: int = 8):
        self.rng = rng
        self.centres = _in_disc(rng, neighbourhoods, CITY_RADIUS_KM * 0.8)
        weights = rng.lognormal(0.0, 0.8, neighbourhoods)
        self.weights = weights / weights.sum()
        self.spread = rng.uniform(0.8, 2.0, neighbourhoods)
        self.business = _in_disc(rng, business_areas, CITY_RADIUS_KM * 0.6)

    def homes(self, n: int) -> np.ndarray:
        which = self.rng.choice(len(self.centres), size=n, p=self.weights)
        return self.centres[which] + self.rng.normal(size=(n, 2)) * self.spread[which, None]

    def workplaces(self, n: int) -> np.ndarray:
        # Half among the homes (shops, schools, neighbourhood services), half in business areas.
        among_homes = self.rng.random(n) < 0.5
        which = self.rng.integers(len(self.business), size=n)
        spots = self.business[which] + self.rng.normal(0.0, 1.2, size=(n, 2))
        spots[among_homes] = self.homes(int(among_homes.sum()))
        return spots


class _Taxonomy:
    """Skills in categories; within a category a few skills are far more common (Zipf-like)."""

    def __init__(self, rng: np.random.Generator, skill_category: np.ndarray, n_categories: int):
        self.rng = rng
        self.by_category = [np.flatnonzero(skill_category == c) for c in range(n_categories)]
        self.category_p = rng.dirichlet(np.full(n_categories, 2.0))

    def categories(self, n: int) -> np.ndarray:
        return self.rng.choice(len(self.category_p), size=n, p=self.category_p)

    def skill_lists(
        self, primary: np.ndarray, counts: np.ndarray, level_p: list[float]
    ) -> list[dict[int, int]]:
        """Per owner, ``counts`` skills mostly from its primary category (20% from elsewhere)."""
        owner = np.repeat(np.arange(len(counts)), counts)
        category = np.where(self.rng.random(len(owner)) < 0.2, self.categories(len(owner)), primary[owner])
        rank = np.minimum(self.rng.zipf(1.6, len(owner)) - 1, 14)
        sizes = np.array([len(m) for m in self.by_category])
        skill = np.array([m[0] for m in self.by_category])[category] + np.minimum(rank, sizes[category] - 1)
        level = self.rng.choice(3, size=len(owner), p=level_p) + 1
        lists: list[dict[int, int]] = [{} for _ in counts]
        for o, s, lv in zip(owner.tolist(), skill.tolist(), level.tolist(), strict=True):
            lists[o][_SKILL_ID0 + s] = lv
        return lists


def _seekers(rng: np.random.Generator, n: int, places: _Places, taxonomy: _Taxonomy) -> list[SeekerProfile]:
    xy = places.homes(n)
    located = rng.random(n) > 0.015
    hours_min = rng.choice([0, 4, 8, 12, 16], size=n, p=[0.3, 0.3, 0.2, 0.12, 0.08]).astype(float)
    hours_max = np.clip(hours_min + rng.choice([4, 8, 12, 16, 20, 24], size=n), 4, 32).astype(float)
    no_hours = rng.random(n) < 0.02
    hours_min[no_hours] = hours_max[no_hours] = 0.0
    days = (rng.random((n, 5)) < 0.75) @ np.array([1, 2, 4, 8, 16]) | np.where(rng.random(n) < 0.25, 32, 0)
    primary = taxonomy.categories(n)
    second = taxonomy.categories(n)
    n_skills = np.where(rng.random(n) < 0.08, 0, np.minimum(10, 1 + rng.poisson(3, n)))
    skills = taxonomy.skill_lists(primary, n_skills, [0.4, 0.4, 0.2])
    columns = {
        "max_km": _travel_radius(rng, n),
        "language": rng.choice(7, size=n, p=[0.03, 0.17, 0.25, 0.25, 0.18, 0.08, 0.04]),
        "physical_limits": _flags(rng, n, Physical, 0.35, [3, 3, 2, 1, 1, 1, 1]),
        "support_needs": _flags(rng, n, Support, 0.4, [4, 1, 2, 1, 2, 1, 3]),
        "rung": rng.choice(6, size=n, p=[0.05, 0.17, 0.25, 0.25, 0.2, 0.08]) + 1,
        "active": rng.random(n) > 0.07,
        "card_consent": rng.random(n) < 0.65,
        "has_second_interest": rng.random(n) < 0.5,
        "has_interests": rng.random(n) > 0.1,
    }
    seekers = []
    for i in range(n):
        lat, lon = _to_latlon(xy[i]) if located[i] else (None, None)
        interests = {primary[i] + 1} | ({second[i] + 1} if columns["has_second_interest"][i] else set())
        seekers.append(
            SeekerProfile(
                id=_SEEKER_ID0 + i,
                lat=lat,
                lon=lon,
                max_km=float(columns["max_km"][i]),
                hours_min=float(hours_min[i]),
                hours_max=float(hours_max[i]),
                weekdays=int(days[i]) or 1,
                language=int(columns["language"][i]),
                physical_limits=int(columns["physical_limits"][i]),
                support_needs=int(columns["support_needs"][i]),
                rung=int(columns["rung"][i]),
                active=bool(columns["active"][i]),
                card_consent=bool(columns["card_consent"][i]),
                interests=frozenset(int(c) for c in interests)
                if columns["has_interests"][i]
                else frozenset(),
                skills=skills[i],
            )
        )
    return seekers


def _roles(rng: np.random.Generator, n: int, places: _Places, taxonomy: _Taxonomy) -> list[RoleProfile]:
    xy = places.workplaces(n)
    hours_min = rng.choice([4, 6, 8, 12, 16, 20, 24], size=n, p=[0.2, 0.15, 0.2, 0.2, 0.15, 0.05, 0.05])
    hours_max = np.minimum(32, hours_min + rng.choice([0, 4, 8], size=n))
    n_days = rng.choice(5, size=n, p=[0.15, 0.25, 0.25, 0.2, 0.15]) + 1
    day_order = np.argsort(rng.random((n, 5)), axis=1)
    days = (np.left_shift(1, day_order) * (np.arange(5) < n_days[:, None])).sum(axis=1)
    days |= np.where(rng.random(n) < 0.1, 32, 0)
    offer_p = np.array([0.3, 0.1, 0.25, 0.1, 0.1, 0.2, 0.3])
    offered = (rng.random((n, 7)) < offer_p) @ np.array([int(f) for f in Support])
    primary = taxonomy.categories(n)
    required = taxonomy.skill_lists(
        primary, rng.choice(4, size=n, p=[0.3, 0.35, 0.2, 0.15]) + 1, [0.5, 0.4, 0.1]
    )
    nice = taxonomy.skill_lists(primary, rng.choice(4, size=n, p=[0.4, 0.3, 0.2, 0.1]), [0.5, 0.4, 0.1])
    places_left = np.where(rng.random(n) > 0.03, rng.choice(5, size=n, p=[0.4, 0.25, 0.15, 0.1, 0.1]) + 1, 0)
    target = rng.choice(6, size=n, p=[0.02, 0.05, 0.15, 0.28, 0.32, 0.18]) + 1
    language = rng.choice(5, size=n, p=[0.15, 0.25, 0.3, 0.25, 0.05])
    demands = _flags(rng, n, Physical, 0.55, [4, 4, 3, 3, 1, 1, 1])
    published = rng.random(n) > 0.05
    roles = []
    for i in range(n):
        lat, lon = _to_latlon(xy[i])
        roles.append(
            RoleProfile(
                id=_ROLE_ID0 + i,
                lat=lat,
                lon=lon,
                hours_min=float(hours_min[i]),
                hours_max=float(hours_max[i]),
                weekdays=int(days[i]),
                target_rung=int(target[i]),
                language_required=int(language[i]),
                physical_demands=int(demands[i]),
                support_offered=int(offered[i]),
                places_left=int(places_left[i]),
                published=bool(published[i]),
                required_skills=required[i],
                nice_skills=nice[i],
            )
        )
    return roles


def _travel_radius(rng: np.random.Generator, n: int) -> np.ndarray:
    band = rng.choice(3, size=n, p=[0.7, 0.15, 0.15])
    low, high = np.array([5.0, 3.0, 10.0])[band], np.array([10.0, 5.0, 25.0])[band]
    return np.round(rng.uniform(low, high) * 2) / 2


def _flags(rng: np.random.Generator, n: int, flag_type, p_any: float, weights: list[float]) -> np.ndarray:
    """For a share ``p_any`` of the rows, one or two flags drawn by ``weights``; else 0."""
    p = np.asarray(weights, dtype=float) / sum(weights)
    bits = np.array([int(f) for f in flag_type])
    first = rng.choice(len(bits), size=n, p=p)
    second = rng.choice(len(bits), size=n, p=p)
    value = bits[first] | np.where(rng.random(n) < 0.5, bits[second], 0)
    return np.where(rng.random(n) < p_any, value, 0)


def _in_disc(rng: np.random.Generator, n: int, radius_km: float) -> np.ndarray:
    angle = rng.uniform(0, 2 * np.pi, n)
    r = radius_km * np.sqrt(rng.random(n))
    return np.column_stack([r * np.cos(angle), r * np.sin(angle)])


def _to_latlon(xy_km: np.ndarray) -> tuple[float, float]:
    x, y = float(xy_km[0]), float(xy_km[1])
    norm = np.hypot(x, y)
    if norm > CITY_RADIUS_KM:  # keep everyone inside the city limits
        x, y = x * CITY_RADIUS_KM / norm, y * CITY_RADIUS_KM / norm
    lat = CENTRE_LAT + y / _KM_PER_DEG_LAT
    lon = CENTRE_LON + x / (_KM_PER_DEG_LAT * np.cos(np.radians(CENTRE_LAT)))
    return float(lat), float(lon)
