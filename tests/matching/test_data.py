"""Input contract: profiles validate their values, sets keep a consistent layout, engine stays Django-free."""

import subprocess
import sys

import numpy as np
import pytest

from marketplace.constants import Support
from marketplace.matching import (
    FeasiblePairs,
    RoleProfile,
    RoleSet,
    RungOverrides,
    SeekerProfile,
    SeekerSet,
    SkillIndex,
)
from marketplace.matching.data import index_dtype

from . import SKILL_INDEX, build, role, seeker


def test_engine_imports_nothing_from_django():
    code = (
        "import sys, marketplace.matching, marketplace.matching.reference; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "[]"


def test_skill_positions_follow_ascending_ids_and_categories_become_interest_bits():
    index = SkillIndex({30: 7, 10: 9, 20: None})
    assert [index.position(s) for s in (10, 20, 30)] == [0, 1, 2]
    assert index.interest_mask([7, 9]) == 0b11
    assert index.categories_mask([30]) == 0b01
    assert index.categories_mask([20]) == 0
    assert index.interest_mask([12345]) == 0  # a category without skills can never match


def test_unknown_skill_is_rejected():
    with pytest.raises(ValueError, match="not in the skill index"):
        SeekerSet.from_profiles([seeker(skills={999: 1})], SKILL_INDEX)


def test_more_than_64_categories_are_rejected():
    with pytest.raises(ValueError):
        SkillIndex({i: i for i in range(65)})


@pytest.mark.parametrize(
    "changes", [{"language": 7}, {"rung": 0}, {"rung": 7}, {"skills": {101: 4}}, {"weekdays": 128}]
)
def test_out_of_range_seeker_values_are_rejected(changes):
    with pytest.raises(ValueError):
        seeker(**changes)


@pytest.mark.parametrize(
    "changes",
    [{"weekdays": 0}, {"hours_max": 0.0}, {"hours_min": 20.0, "hours_max": 10.0}, {"target_rung": 9}],
)
def test_out_of_range_role_values_are_rejected(changes):
    with pytest.raises(ValueError):
        role(**changes)


def test_sets_hold_one_row_per_profile_with_the_documented_types():
    seeker_set, role_set = build(
        [seeker(id=4, lat=None, lon=None), seeker(id=2)], [role(support_offered=int(Support.LANGUAGE))]
    )
    assert seeker_set.ids.dtype == np.int64 and seeker_set.max_km.dtype == np.float32
    assert np.isnan(seeker_set.lat[0]) and not seeker_set.matchable[0] and seeker_set.matchable[1]
    assert seeker_set.skill_levels.shape == (SKILL_INDEX.n_skills, 2)
    assert seeker_set.lookup.position(2) == 1
    assert bool(role_set.language_support[0])
    assert role_set.required_level.shape[0] == 1 and int(role_set.n_required[0]) == 1
    with pytest.raises(KeyError):
        seeker_set.lookup.position(3)


def test_seeker_ids_must_be_unique():
    with pytest.raises(ValueError, match="unique"):
        build([seeker(id=1), seeker(id=1)], [role()])


def test_sets_can_be_built_from_arrays_directly():
    seeker_set, role_set = build([seeker()], [role()])
    columns = {
        name: getattr(role_set, name)
        for name in RoleSet.__dataclass_fields__
        if RoleSet.__dataclass_fields__[name].init
    }
    assert len(RoleSet(**columns)) == 1


def test_rung_overrides_index_both_ways():
    overrides = RungOverrides([(1, 10), (2, 10), (1, 11)])
    assert overrides.seekers_for_role(10) == [1, 2]
    assert overrides.roles_for_seeker(1) == [10, 11]
    assert overrides.allows(2, 10) and not overrides.allows(2, 11)
    assert RungOverrides.of(overrides) is overrides and len(RungOverrides.of(None)) == 0


def test_feasible_pairs_use_compact_positions():
    assert index_dtype(50_000) == np.uint16 and index_dtype(70_000) == np.uint32
    pairs = FeasiblePairs(np.array([1, 2]), np.array([0, 0]), np.array([1.5, 2.5]))
    assert pairs.score.dtype == np.float32 and len(pairs) == 2
    with pytest.raises(ValueError):
        FeasiblePairs(np.array([1]), np.array([0, 1]), np.array([1.0]))


def test_profiles_keep_their_values():
    p = RoleProfile.from_mapping(
        {"id": 3, "lat": 1.0, "lon": 2.0, "hours_min": 4, "hours_max": 8, "weekdays": 1, "target_rung": 2}
    )
    assert p.places_left == 1 and p.required_skills == {}
    assert SeekerProfile(id=5).hours_max == 0.0


def test_empty_sets_give_empty_results():
    from marketplace.matching import feasible_pairs, greedy_round, optimal_round, top_roles_for_seeker

    no_seekers, no_roles = SeekerSet.from_profiles([], SKILL_INDEX), RoleSet.from_profiles([], SKILL_INDEX)
    one_seeker = SeekerSet.from_profiles([seeker()], SKILL_INDEX)
    pairs = feasible_pairs(no_seekers, no_roles)
    assert len(pairs) == 0
    assert (
        optimal_round(pairs, no_roles.places_left).placed
        == greedy_round(pairs, no_roles.places_left).placed
        == 0
    )
    assert top_roles_for_seeker(one_seeker, no_roles, 1) == []
