"""A plain per-pair implementation of the matching rules, as a yardstick for the engine.

It reads the profiles directly (no arrays, no bit tricks, the textbook haversine formula) and
applies the rules of ``engine`` one pair at a time. Tests require the engine's rankings and
scores to equal these; the benchmark times the engine against it. Numbers the engine stores as
float32 (hours, travel radius) are rounded the same way here, and the score components and
their weighted sum use the same float32 operations, so that scores agree to the bit.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np

from marketplace.constants import Support
from marketplace.geo import haversine_km

from .data import RoleProfile, SeekerProfile, SkillIndex
from .engine import SCORE_SCALE
from .weights import DEFAULT_WEIGHTS, LADDER_STEP_SCORES, Weights


def f32(value: float) -> float:
    return float(np.float32(value))


def exclusion_codes(
    seeker: SeekerProfile, role: RoleProfile, *, overridden: bool = False, require_card_consent: bool = False
) -> list[str]:
    """The codes of every hard constraint the pair fails (empty: feasible)."""
    codes = []
    has_hours = seeker.hours_max > 0
    checks = [
        ("seeker_inactive", not seeker.active),
        ("no_card_consent", require_card_consent and not seeker.card_consent),
        ("no_home_location", seeker.lat is None or seeker.lon is None),
        ("no_hours", not has_hours),
        ("role_not_published", not role.published),
        ("no_places_left", role.places_left <= 0),
        ("no_role_location", role.lat is None or role.lon is None),
        ("too_far", _distance(seeker, role) > f32(seeker.max_km)),
        ("hours_not_available", has_hours and f32(role.hours_min) > f32(seeker.hours_max)),
        ("hours_too_few", has_hours and f32(role.hours_max) < f32(seeker.hours_min)),
        ("no_common_weekday", not seeker.weekdays & role.weekdays),
        ("language_below_required", seeker.language < role.language_required and not _language_support(role)),
        ("physical_demand", bool(role.physical_demands & seeker.physical_limits)),
        ("support_not_offered", bool(seeker.support_needs & ~role.support_offered)),
        ("rung_gap", role.target_rung > seeker.rung + 1 and not overridden),
    ]
    codes.extend(code for code, failed in checks if failed)
    return codes


def _language_support(role: RoleProfile) -> bool:
    return bool(role.support_offered & Support.LANGUAGE)


def _distance(seeker: SeekerProfile, role: RoleProfile) -> float:
    """Haversine km, or -inf when a location is missing (that pair fails on the location rule)."""
    if None in (seeker.lat, seeker.lon, role.lat, role.lon):
        return -math.inf
    return haversine_km(seeker.lat, seeker.lon, role.lat, role.lon)


def components(seeker: SeekerProfile, role: RoleProfile, skill_index: SkillIndex) -> dict[str, float]:
    """The score components of a feasible pair, each the float32 result of the rule."""
    f = np.float32
    categories = {skill_index.category_of(s) for s in (*role.required_skills, *role.nice_skills)}
    step = role.target_rung - seeker.rung
    ladder = "next" if step == 1 else "same" if step == 0 else "lower" if step < 0 else "override"
    max_km = f32(seeker.max_km)
    common, total = (seeker.weekdays & role.weekdays).bit_count(), role.weekdays.bit_count()
    values = {
        "required_skills": _coverage(seeker.skills, role.required_skills),
        "nice_skills": _coverage(seeker.skills, role.nice_skills),
        "hours": f(min(f32(seeker.hours_max), f32(role.hours_max))) / f(role.hours_max),
        "weekdays": f(common) / f(total),
        "distance": f(max(0.0, 1.0 - _distance(seeker, role) / max_km)) if max_km > 0 else f(1),
        "interests": f(1) if categories & set(seeker.interests) else f(0),
        "ladder": f(LADDER_STEP_SCORES[ladder]),
    }
    return {name: float(value) for name, value in values.items()}


def _coverage(held: dict[int, int], wanted: dict[int, int]) -> np.float32:
    if not wanted:
        return np.float32(1)
    half = 0
    for skill, level in wanted.items():
        have = held.get(skill, 0)
        half += 2 if have >= level else 1 if have >= 1 and have == level - 1 else 0
    return np.float32(half) / np.float32(2 * len(wanted))


def score(components_: dict[str, float], weights: Weights = DEFAULT_WEIGHTS) -> float:
    """The score on the engine's grid: float32 operations in component order, then rounded."""
    total = np.float32(0)
    for weight, value in zip(weights.normalised().astype(np.float32), components_.values(), strict=True):
        total = total + weight * np.float32(value)
    return float(np.round(total * np.float32(100 * SCORE_SCALE)) / np.float32(SCORE_SCALE))


def feasible_scores(
    seekers: Sequence[SeekerProfile],
    roles: Sequence[RoleProfile],
    skill_index: SkillIndex,
    weights: Weights = DEFAULT_WEIGHTS,
    *,
    overrides: Iterable[tuple[int, int]] = (),
    require_card_consent: bool = False,
) -> dict[tuple[int, int], float]:
    """(seeker id, role id) -> score for every feasible pair."""
    allowed = set(overrides)
    return {
        (s.id, r.id): score(components(s, r, skill_index), weights)
        for r in roles
        for s in seekers
        if not exclusion_codes(
            s, r, overridden=(s.id, r.id) in allowed, require_card_consent=require_card_consent
        )
    }


def top_seekers_for_role(
    seekers: Sequence[SeekerProfile],
    role: RoleProfile,
    skill_index: SkillIndex,
    k: int,
    weights: Weights = DEFAULT_WEIGHTS,
    *,
    overrides: Iterable[tuple[int, int]] = (),
    require_card_consent: bool = True,
) -> list[tuple[int, float]]:
    """[(seeker id, score)], best first, ties by id."""
    scores = feasible_scores(
        seekers, [role], skill_index, weights, overrides=overrides, require_card_consent=require_card_consent
    )
    return sorted(((s, v) for (s, _), v in scores.items()), key=lambda x: (-x[1], x[0]))[:k]


def top_roles_for_seeker(
    seeker: SeekerProfile,
    roles: Sequence[RoleProfile],
    skill_index: SkillIndex,
    k: int,
    weights: Weights = DEFAULT_WEIGHTS,
    *,
    overrides: Iterable[tuple[int, int]] = (),
) -> list[tuple[int, float]]:
    """[(role id, score)], best first, ties by id."""
    scores = feasible_scores([seeker], roles, skill_index, weights, overrides=overrides)
    return sorted(((r, v) for (_, r), v in scores.items()), key=lambda x: (-x[1], x[0]))[:k]
