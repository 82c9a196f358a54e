"""Matching rounds: places and seekers are never overbooked, and the optimal round is optimal."""

import itertools

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marketplace.matching import SCORE_SCALE, FeasiblePairs, feasible_pairs, greedy_round, optimal_round

from . import build, random_profiles


@st.composite
def small_rounds(draw, max_seekers=6, max_roles=4):
    """A few seekers and roles, a random subset of pairs, scores from a small grid (many ties)."""
    n_seekers = draw(st.integers(1, max_seekers))
    n_roles = draw(st.integers(1, max_roles))
    places = draw(st.lists(st.integers(0, 3), min_size=n_roles, max_size=n_roles))
    cells = list(itertools.product(range(n_seekers), range(n_roles)))
    chosen = draw(st.lists(st.sampled_from(cells), unique=True, max_size=len(cells))) if cells else []
    units = draw(
        st.lists(
            st.sampled_from([0, 1, 512, 1024, 1536, 40960, 40961, 102400]),
            min_size=len(chosen),
            max_size=len(chosen),
        )
    )
    seekers = np.array([c[0] for c in chosen], dtype=np.int64)
    roles = np.array([c[1] for c in chosen], dtype=np.int64)
    pairs = FeasiblePairs(seekers, roles, np.array(units, dtype=np.float64) / SCORE_SCALE)
    return pairs, np.array(places, dtype=np.int64)


def brute_force_best(pairs, places):
    """The best total (in score units) over every way to give each seeker one of its pairs or none."""
    units = np.rint(pairs.score.astype(np.float64) * SCORE_SCALE).astype(int).tolist()
    options = {}
    for i, (s, r) in enumerate(zip(pairs.seeker_idx.tolist(), pairs.role_idx.tolist(), strict=True)):
        options.setdefault(s, [None]).append((r, units[i]))
    best = 0
    for choice in itertools.product(*options.values()):
        taken = [c for c in choice if c is not None]
        load = np.bincount([r for r, _ in taken], minlength=len(places))
        if np.all(load <= places):
            best = max(best, sum(u for _, u in taken))
    return best


def units_of(result):
    return int(np.rint(result.score.astype(np.float64) * SCORE_SCALE).sum())


def check_valid(result, pairs, places):
    seekers, roles = result.seeker_idx.tolist(), result.role_idx.tolist()
    assert len(set(seekers)) == len(seekers), "a seeker was assigned twice"
    load = np.bincount(np.asarray(roles, dtype=np.int64), minlength=len(places))
    assert np.all(load <= np.maximum(places, 0)), "a role got more seekers than places"
    given_pairs = {
        (s, r): v
        for s, r, v in zip(
            pairs.seeker_idx.tolist(), pairs.role_idx.tolist(), pairs.score.tolist(), strict=True
        )
    }
    for s, r, v in zip(seekers, roles, result.score.tolist(), strict=True):
        assert given_pairs[(s, r)] == v, "the round invented a pair or a score"
    assert result.placed == len(seekers)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_rounds())
def test_optimal_round_never_overbooks_and_equals_the_brute_force_optimum(case):
    pairs, places = case
    result = optimal_round(pairs, places)
    check_valid(result, pairs, places)
    assert units_of(result) == brute_force_best(pairs, places)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_rounds())
def test_optimal_round_through_the_auction_and_dual_reduction_is_still_exact(case):
    pairs, places = case
    result = optimal_round(pairs, places, direct_limit=0)
    check_valid(result, pairs, places)
    assert units_of(result) == brute_force_best(pairs, places)


@settings(max_examples=300, deadline=None)
@given(small_rounds())
def test_greedy_round_never_overbooks_and_never_beats_the_optimum(case):
    pairs, places = case
    greedy = greedy_round(pairs, places)
    check_valid(greedy, pairs, places)
    assert units_of(greedy) <= units_of(optimal_round(pairs, places))


@settings(max_examples=200, deadline=None)
@given(small_rounds())
def test_greedy_round_takes_pairs_best_first(case):
    pairs, places = case
    order = sorted(
        zip(pairs.score.tolist(), pairs.seeker_idx.tolist(), pairs.role_idx.tolist(), strict=True),
        key=lambda p: (-p[0], p[1], p[2]),
    )
    left, free, expected = list(places), set(pairs.seeker_idx.tolist()), set()
    for score, s, r in order:
        if score > 0 and s in free and left[r] > 0:
            free.discard(s)
            left[r] -= 1
            expected.add((s, r))
    greedy = greedy_round(pairs, places)
    assert set(zip(greedy.seeker_idx.tolist(), greedy.role_idx.tolist(), strict=True)) == expected


def test_greedy_can_be_worse_than_optimal():
    # Seeker 0 is a little better at role 0, but seeker 1 can only do role 0.
    pairs = FeasiblePairs(np.array([0, 0, 1]), np.array([0, 1, 0]), np.array([90.0, 80.0, 85.0]))
    places = np.array([1, 1])
    assert greedy_round(pairs, places).total_score == 90.0
    optimal = optimal_round(pairs, places)
    assert optimal.total_score == 165.0 and optimal.placed == 2


def test_empty_round_is_fine():
    empty = FeasiblePairs(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0))
    for solve in (optimal_round, greedy_round):
        assert solve(empty, np.array([2])).placed == 0


@pytest.mark.parametrize("seed", range(4))
def test_reduction_path_equals_direct_path_on_a_town(seed):
    seekers, roles, overrides = random_profiles(seed, n_seekers=400, n_roles=80)
    seeker_set, role_set = build(seekers, roles)
    pairs = feasible_pairs(seeker_set, role_set, overrides=overrides)
    places = role_set.places_left
    direct = optimal_round(pairs, places)
    reduced = optimal_round(pairs, places, direct_limit=0)
    check_valid(reduced, pairs, places)
    assert units_of(reduced) == units_of(direct)
    assert units_of(direct) >= units_of(greedy_round(pairs, places))


def test_many_tied_seekers_for_few_places_stay_exact():
    # Identical seekers competing for identical roles is the classic auction price war; the
    # capped auction may stop early, but the dual reduction keeps the answer exact.
    rng = np.random.default_rng(5)
    n_seekers, n_roles = 60, 12
    seekers = np.repeat(np.arange(n_seekers), n_roles)
    roles = np.tile(np.arange(n_roles), n_seekers)
    scores = np.where(rng.random(len(seekers)) < 0.5, 50.0, 49.0)
    pairs = FeasiblePairs(seekers, roles, scores)
    places = np.full(n_roles, 2)
    direct, reduced = optimal_round(pairs, places), optimal_round(pairs, places, direct_limit=0)
    assert units_of(direct) == units_of(reduced)
    assert direct.placed == 24


def test_round_results_are_sorted_by_role_then_seeker():
    seekers, roles, _ = random_profiles(2, n_seekers=100, n_roles=30)
    seeker_set, role_set = build(seekers, roles)
    result = optimal_round(feasible_pairs(seeker_set, role_set), role_set.places_left)
    keys = list(zip(result.role_idx.tolist(), result.seeker_idx.tolist(), strict=True))
    assert keys == sorted(keys)


@pytest.mark.parametrize("seed", range(3))
def test_certified_auction_and_component_solvers_find_the_same_optimum(seed, monkeypatch):
    from marketplace.matching import allocation

    seekers, roles, overrides = random_profiles(seed, n_seekers=300, n_roles=60)
    seeker_set, role_set = build(seekers, roles)
    pairs = feasible_pairs(seeker_set, role_set, overrides=overrides)
    totals = []
    for auction_first in (0, 10**9):  # always try the certified auction, never try it
        monkeypatch.setattr(allocation, "_AUCTION_FIRST", auction_first)
        result = optimal_round(pairs, role_set.places_left)
        check_valid(result, pairs, role_set.places_left)
        totals.append(units_of(result))
    assert totals[0] == totals[1]


def test_feasible_pairs_do_not_depend_on_the_number_of_threads():
    seekers, roles, overrides = random_profiles(9, n_seekers=200, n_roles=70)
    seeker_set, role_set = build(seekers, roles)
    one = feasible_pairs(seeker_set, role_set, overrides=overrides, block_roles=4, workers=1)
    three = feasible_pairs(seeker_set, role_set, overrides=overrides, block_roles=4, workers=3)
    for column in ("seeker_idx", "role_idx", "score"):
        assert np.array_equal(getattr(one, column), getattr(three, column))
