"""Benchmark of the matching engine on a synthetic city, against the per-pair reference.

    .venv/bin/python bench/matching.py            # 50,000 seekers, 10,000 roles
    .venv/bin/python bench/matching.py --quick    # 10,000 seekers, 2,000 roles, under a minute

Measures in one run: top-20 seekers for a role and top-20 roles for a seeker (engine and
reference, medians; the reference is timed on fewer samples because it is slow), a full matching
round (feasible pairs + optimal allocation, wall time and peak memory) and the optimal round
against the greedy one. The last line printed is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import numpy as np

if not __package__:
    # Run as a script (python bench/matching.py): make the project importable.
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic_city import City, generate_city  # noqa: E402
from marketplace.matching import (  # noqa: E402
    RoleSet,
    RungOverrides,
    SeekerSet,
    feasible_pairs,
    greedy_round,
    optimal_round,
    top_roles_for_seeker,
    top_seekers_for_role,
)
from marketplace.matching import reference as ref

K = 20


def main(argv: list[str] | None = None) -> dict:
    args = _parse(argv)
    sizes = (10_000, 2_000) if args.quick else (50_000, 10_000)
    started = time.perf_counter()
    city = generate_city(*sizes, seed=args.seed)
    print(
        f"city: {sizes[0]:,} seekers, {sizes[1]:,} roles, {city.skill_index.n_skills} skills "
        f"({_since(started)})"
    )
    started = time.perf_counter()
    seekers = SeekerSet.from_profiles(city.seekers, city.skill_index)
    roles = RoleSet.from_profiles(city.roles, city.skill_index)
    overrides = RungOverrides(city.overrides)
    print(
        f"arrays built in {_since(started)}; {int(seekers.matchable.sum()):,} matchable seekers, "
        f"{int(roles.places_left[roles.available].sum()):,} open places"
    )
    rng = np.random.default_rng(args.seed)
    figures = {}
    figures |= _bench_top_seekers(city, seekers, roles, overrides, rng, args)
    figures |= _bench_top_roles(city, seekers, roles, overrides, rng, args)
    figures |= _bench_round(seekers, roles, overrides)
    print(json.dumps(figures))
    return figures


def _parse(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smaller city, under a minute")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--samples", type=int, default=50, help="engine queries per median")
    parser.add_argument("--reference-samples", type=int, default=5, help="reference queries per median")
    return parser.parse_args(argv)


def _since(started: float) -> str:
    return f"{time.perf_counter() - started:.1f} s"


def _median_ms(call: Callable[[], object], repeat: int = 1) -> tuple[float, object]:
    """Median wall time of ``repeat`` calls (ms) and the last result."""
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def _bench_top_seekers(city: City, seekers, roles, overrides, rng, args) -> dict:
    open_roles = roles.ids[roles.available]
    sample = rng.choice(open_roles, size=args.samples, replace=False).tolist()
    engine_ms, reasons_ms, found = [], [], []
    for role_id in sample:
        ms, matches = _median_ms(
            lambda r=role_id: top_seekers_for_role(seekers, roles, r, K, overrides=overrides)
        )
        engine_ms.append(ms)
        found.append(len(matches))
        reasons_ms.append(_median_ms(lambda m=matches: [x.reasons for x in m])[0])
    by_id = {r.id: r for r in city.roles}
    ref_ms = []
    for role_id in sample[: args.reference_samples]:
        ms, expected = _median_ms(
            lambda r=role_id: ref.top_seekers_for_role(
                city.seekers, by_id[r], city.skill_index, K, overrides=overrides.pairs
            )
        )
        ref_ms.append(ms)
        got = top_seekers_for_role(seekers, roles, role_id, K, overrides=overrides)
        assert [m.seeker_id for m in got] == [s for s, _ in expected], "engine and reference disagree"
    engine, reference = statistics.median(engine_ms), statistics.median(ref_ms)
    print(
        f"top-{K} seekers for a role over {len(seekers):,} seekers: engine median {engine:.3f} ms "
        f"(p90 {np.percentile(engine_ms, 90):.3f} ms, {args.samples} roles, "
        f"median {statistics.median(found):.0f} results), reference {reference:.0f} ms "
        f"({args.reference_samples} roles) -> {reference / engine:.0f}x; "
        f"rendering the reasons of {K} matches: {statistics.median(reasons_ms):.3f} ms"
    )
    return {
        "topk_role_ms": round(engine, 4),
        "topk_role_ref_ms": round(reference, 1),
        "topk_role_ratio": round(reference / engine, 1),
        "reasons_ms": round(statistics.median(reasons_ms), 4),
    }


def _bench_top_roles(city: City, seekers, roles, overrides, rng, args) -> dict:
    sample = rng.choice(seekers.ids[seekers.matchable], size=args.samples, replace=False).tolist()
    engine_ms = [
        _median_ms(lambda s=seeker_id: top_roles_for_seeker(seekers, roles, s, K, overrides=overrides))[0]
        for seeker_id in sample
    ]
    by_id = {s.id: s for s in city.seekers}
    ref_ms = []
    for seeker_id in sample[: args.reference_samples * 2]:
        ms, expected = _median_ms(
            lambda s=seeker_id: ref.top_roles_for_seeker(
                by_id[s], city.roles, city.skill_index, K, overrides=overrides.pairs
            )
        )
        ref_ms.append(ms)
        got = top_roles_for_seeker(seekers, roles, seeker_id, K, overrides=overrides)
        assert [m.role_id for m in got] == [r for r, _ in expected], "engine and reference disagree"
    engine, reference = statistics.median(engine_ms), statistics.median(ref_ms)
    print(
        f"top-{K} roles for a seeker over {len(roles):,} roles: engine median {engine:.3f} ms "
        f"({args.samples} seekers), reference {reference:.0f} ms ({len(ref_ms)} seekers) "
        f"-> {reference / engine:.0f}x"
    )
    return {
        "topk_seeker_ms": round(engine, 4),
        "topk_seeker_ref_ms": round(reference, 1),
        "topk_seeker_ratio": round(reference / engine, 1),
    }


def _bench_round(seekers, roles, overrides) -> dict:
    rss_before = _rss_mb()
    started, cpu_started = time.perf_counter(), time.process_time()
    pairs = feasible_pairs(seekers, roles, overrides=overrides)
    pairs_s = time.perf_counter() - started
    optimal = optimal_round(pairs, roles.places_left)
    round_s, round_cpu_s = time.perf_counter() - started, time.process_time() - cpu_started
    rss_growth = _peak_rss_mb() - rss_before
    _check_round(optimal, pairs, roles)
    n_pairs = len(pairs)
    print(
        f"round: {n_pairs:,} feasible pairs ({pairs.nbytes / 2**20:.0f} MB) in {pairs_s:.2f} s, optimal "
        f"allocation in {round_s - pairs_s:.2f} s, total {round_s:.2f} s (CPU {round_cpu_s:.2f} s); "
        f"peak RSS growth {rss_growth:.0f} MB"
    )
    started = time.perf_counter()
    greedy = greedy_round(pairs, roles.places_left)
    greedy_s = time.perf_counter() - started
    _check_round(greedy, pairs, roles)
    gain = optimal.total_score - greedy.total_score
    print(
        f"optimal: {optimal.placed:,} placed, total score {optimal.total_score:,.1f}; "
        f"greedy ({greedy_s:.2f} s): "
        f"{greedy.placed:,} placed, total {greedy.total_score:,.1f} -> optimal +{gain:,.1f} points "
        f"(+{100 * gain / max(greedy.total_score, 1):.2f}%), {optimal.placed - greedy.placed:+,} placements"
    )
    del pairs
    traced_peak = _traced_round_peak_mb(seekers, roles, overrides)
    print(f"peak memory of a second, traced round: {traced_peak:.0f} MB (tracemalloc: every NumPy array)")
    return {
        "round_s": round(round_s, 2),
        "round_cpu_s": round(round_cpu_s, 2),
        "pairs_s": round(pairs_s, 2),
        "allocation_s": round(round_s - pairs_s, 2),
        "feasible_pairs": n_pairs,
        "round_peak_mb": round(max(traced_peak, rss_growth), 1),
        "round_traced_peak_mb": round(traced_peak, 1),
        "round_rss_growth_mb": round(rss_growth, 1),
        "optimal_total": round(optimal.total_score, 3),
        "greedy_total": round(greedy.total_score, 3),
        "optimal_placed": optimal.placed,
        "greedy_placed": greedy.placed,
        "greedy_s": round(greedy_s, 2),
    }


def _traced_round_peak_mb(seekers, roles, overrides) -> float:
    """Peak of traced allocations over a whole round; run apart because tracing slows NumPy down."""
    tracemalloc.start()
    optimal_round(feasible_pairs(seekers, roles, overrides=overrides), roles.places_left)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return peak


def _check_round(result, pairs, roles) -> None:
    assert len(np.unique(result.seeker_idx)) == result.placed, "a seeker was placed twice"
    load = np.bincount(result.role_idx, minlength=len(roles))
    assert np.all(load <= np.maximum(roles.places_left, 0)), "a role was overbooked"


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


if __name__ == "__main__":
    main(sys.argv[1:])
