"""The vectorised engine agrees exactly with the per-pair reference on small random populations."""

import numpy as np
import pytest

from marketplace.matching import (
    Weights,
    feasible_pairs,
    top_roles_for_seeker,
    top_seekers_for_role,
    why_not,
)
from marketplace.matching import reference as ref

from . import SKILL_INDEX, build, random_profiles

SEEDS = range(8)
PLAIN = Weights()
SKEWED = Weights.from_overrides({"distance": 40, "interests": 0, "ladder": 5})


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("weights", [PLAIN, SKEWED], ids=["default", "skewed"])
def test_top_seekers_for_role_equals_reference(seed, weights):
    seekers, roles, overrides = random_profiles(seed)
    seeker_set, role_set = build(seekers, roles)
    for consent in (True, False):
        for r in roles:
            got = top_seekers_for_role(
                seeker_set, role_set, r.id, 8, weights, require_card_consent=consent, overrides=overrides
            )
            expected = ref.top_seekers_for_role(
                seekers, r, SKILL_INDEX, 8, weights, overrides=overrides, require_card_consent=consent
            )
            assert [m.seeker_id for m in got] == [s for s, _ in expected]
            assert [m.score for m in got] == [round(v, 1) for _, v in expected]


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("weights", [PLAIN, SKEWED], ids=["default", "skewed"])
def test_top_roles_for_seeker_equals_reference(seed, weights):
    seekers, roles, overrides = random_profiles(seed)
    seeker_set, role_set = build(seekers, roles)
    for s in seekers:
        got = top_roles_for_seeker(seeker_set, role_set, s.id, 6, weights, overrides=overrides)
        expected = ref.top_roles_for_seeker(s, roles, SKILL_INDEX, 6, weights, overrides=overrides)
        assert [m.role_id for m in got] == [r for r, _ in expected]
        assert [m.score for m in got] == [round(v, 1) for _, v in expected]


@pytest.mark.parametrize("seed", SEEDS)
def test_feasible_pairs_and_scores_equal_reference_to_the_bit(seed):
    seekers, roles, overrides = random_profiles(seed, n_seekers=60, n_roles=40)
    seeker_set, role_set = build(seekers, roles)
    pairs = feasible_pairs(seeker_set, role_set, overrides=overrides, block_roles=7)
    got = {
        (int(seeker_set.ids[s]), int(role_set.ids[r])): float(v)
        for s, r, v in zip(
            pairs.seeker_idx.tolist(), pairs.role_idx.tolist(), pairs.score.tolist(), strict=True
        )
    }
    assert len(got) == len(pairs)
    assert got == ref.feasible_scores(seekers, roles, SKILL_INDEX, overrides=overrides)


@pytest.mark.parametrize("seed", SEEDS)
def test_why_not_lists_the_same_failing_rules_as_reference(seed):
    seekers, roles, overrides = random_profiles(seed)
    seeker_set, role_set = build(seekers, roles)
    allowed = set(overrides)
    for s in seekers:
        for r in roles:
            result = why_not(seeker_set, role_set, s.id, r.id, overrides=overrides, require_card_consent=True)
            expected = ref.exclusion_codes(
                s, r, overridden=(s.id, r.id) in allowed, require_card_consent=True
            )
            assert [x.code for x in result.exclusions] == expected
            assert (result.match is None) == bool(expected)


@pytest.mark.parametrize("seed", SEEDS)
def test_match_components_equal_reference(seed):
    seekers, roles, overrides = random_profiles(seed)
    seeker_set, role_set = build(seekers, roles)
    for s in seekers:
        for m in top_roles_for_seeker(seeker_set, role_set, s.id, 3, overrides=overrides):
            r = next(r for r in roles if r.id == m.role_id)
            expected = ref.components(s, r, SKILL_INDEX)
            assert m.components == {k: round(v, 3) for k, v in expected.items()}


def test_random_populations_exercise_every_rule():
    seen = set()
    for seed in SEEDS:
        seekers, roles, overrides = random_profiles(seed)
        allowed = set(overrides)
        for s in seekers:
            for r in roles:
                seen.update(
                    ref.exclusion_codes(s, r, overridden=(s.id, r.id) in allowed, require_card_consent=True)
                )
    from marketplace.matching import EXCLUSION_CODES

    assert seen == set(EXCLUSION_CODES) - {"no_role_location"}


def test_engine_distance_equals_the_textbook_haversine():
    from marketplace.matching.engine import distance_km

    rng = np.random.default_rng(1)

    seekers, roles, _ = random_profiles(3)
    seeker_set, role_set = build(seekers, roles)
    for s_pos, r_pos in rng.integers(0, [len(seekers), len(roles)], size=(200, 2)).tolist():
        s, r = seekers[s_pos], roles[r_pos]
        if s.lat is None:
            continue
        got = float(distance_km(seeker_set, role_set, s_pos, r_pos))
        assert got == pytest.approx(ref.haversine_km(s.lat, s.lon, r.lat, r.lon), rel=1e-12, abs=1e-9)
