"""The matching engine: hard constraints, soft score, top-k queries, why-not and feasible pairs.

Rules (DESIGN.md §5). A seeker–role pair is excluded when any of these holds:

* the seeker is not active, has no known home location (``no_home_location``) or no known
  hours (``no_hours``: hours_max == 0); for employer-facing queries also without card consent;
* the role is not published, has no places left or no known location;
* the haversine distance (Earth radius 6371.0 km) exceeds the seeker's ``max_km``;
* the hour ranges do not overlap: the role needs more than the seeker can offer
  (role.hours_min > seeker.hours_max) or offers less than the seeker needs
  (role.hours_max < seeker.hours_min). Both sides count: a seeker who needs 20 hours to leave
  the benefit is not helped by a 4-hour task, and the 4-hour task not by a 20-hour person;
* no common weekday;
* the seeker's Dutch level is below the requirement and the role offers no language support;
* the role has a physical demand the seeker cannot meet, or the seeker needs support the
  role does not offer;
* the role's target rung is more than one above the seeker's rung, unless a caseworker
  allowed that (seeker, role) pair (``RungOverrides``).

A seeker without skills stays matchable; their skill coverage is 0 and the ``no_skills`` reason
says why. Feasible pairs get a score 0..100 from ``weights`` (see ``weights.py`` for the
components). Scores are float32 and quantised to 1/1024 of a point so that sums over a round are
exact in integer arithmetic (``allocation``); results show them rounded to one decimal. Rankings
are by score descending, then id ascending, so equal scores always come out in the same order.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property, partial

import numpy as np

from .data import (
    EARTH_RADIUS_KM,
    SIG_RUNG_BITS,
    FeasiblePairs,
    RoleSet,
    RungOverrides,
    SeekerSet,
    index_dtype,
)
from .reasons import Reason, reason
from .weights import COMPONENTS, DEFAULT_WEIGHTS, LADDER_STEP_SCORES, Weights

SCORE_SCALE = 1024  # scores are multiples of 1/SCORE_SCALE
_PLANE_SLACK = 1e-4  # relative margin of the float32 distance prefilter (its rounding is ~1e-6)

# Half-credits for a required level (row, 0 = padding) against the seeker's level (column):
# at or above the level 2, one level below 1, lower or not held 0.
HALF_CREDIT = np.array([[0, 0, 0, 0], [0, 2, 2, 2], [0, 1, 2, 2], [0, 0, 1, 2]], dtype=np.int16)
_HALF_CREDIT_FLAT = HALF_CREDIT.reshape(-1)

# Ladder component by (target rung - seeker rung) + 5, for steps -5..5.
_LADDER_BY_STEP = np.array(
    [LADDER_STEP_SCORES["lower"]] * 5
    + [LADDER_STEP_SCORES["same"], LADDER_STEP_SCORES["next"]]
    + [LADDER_STEP_SCORES["override"]] * 4,
    dtype=np.float32,
)

# Share of the role's weekdays (row) that the seeker (column) can do, flattened: 128 * role + seeker.
_DAYS = np.arange(128, dtype=np.uint8)
_WEEKDAY_SHARE = (
    np.bitwise_count(_DAYS[:, None] & _DAYS[None, :]).astype(np.float32)
    / np.maximum(np.bitwise_count(_DAYS), 1).astype(np.float32)[:, None]
).reshape(-1)
_F32_1, _F32_2 = np.float32(1), np.float32(2)
_F32_SCALE = np.float32(SCORE_SCALE)
_F32_POINTS_SCALE = np.float32(100 * SCORE_SCALE)

_OverridesArg = RungOverrides | Iterable[tuple[int, int]] | None


@dataclass
class Match:
    """A feasible pair: score 0..100 (one decimal), components 0..1 (three decimals) and the
    reasons behind them, which are rendered on first access so that ranking stays cheap.
    (Not a frozen dataclass only because frozen construction is several times slower.)"""

    seeker_id: int
    role_id: int
    score: float
    components: Mapping[str, float]
    explain: Callable[[], tuple[Reason, ...]] = field(repr=False, compare=False)

    @cached_property
    def reasons(self) -> tuple[Reason, ...]:
        return self.explain()


@dataclass(frozen=True, slots=True)
class WhyNot:
    """Every hard constraint a pair fails; when there is none, ``match`` holds its score."""

    seeker_id: int
    role_id: int
    exclusions: tuple[Reason, ...]
    match: Match | None

    @property
    def matchable(self) -> bool:
        return not self.exclusions


# --- rules, vectorised over aligned seeker positions ``s`` and role positions ``r`` ----------------
# ``s`` and ``r`` may each be an int, an index array or ``slice(None)``; NumPy broadcasting makes
# the same code serve one role against all seekers, one seeker against all roles, and pairs.


def _cheap_mask(seekers: SeekerSet, roles: RoleSet, s, r, constraint_mask) -> np.ndarray:
    """Pairs passing physical, support, language, rung (packed signature), weekday and hour rules."""
    ok = (seekers.signature[s] & constraint_mask) == 0
    ok &= (seekers.weekdays[s] & roles.weekdays[r]) != 0
    ok &= seekers.hours_max[s] >= roles.hours_min[r]
    ok &= seekers.hours_min[s] <= roles.hours_max[r]
    return ok


def _chord2(seekers: SeekerSet, roles: RoleSet, s, r) -> np.ndarray:
    (sx, sy, sz), (rx, ry, rz) = seekers.unit, roles.unit  # rows are contiguous: 1-D takes are fastest
    return (sx[s] - rx[r]) ** 2 + (sy[s] - ry[r]) ** 2 + (sz[s] - rz[r]) ** 2


def _km(chord2: np.ndarray) -> np.ndarray:
    """Haversine distance from the squared chord between unit vectors: hav(θ) = chord² / 4."""
    return (2.0 * EARTH_RADIUS_KM) * np.arcsin(np.minimum(1.0, np.sqrt(chord2) / 2.0))


def distance_km(seekers: SeekerSet, roles: RoleSet, s, r) -> np.ndarray:
    """Haversine distance (Earth radius 6371.0 km) between seekers ``s`` and roles ``r``."""
    return _km(_chord2(seekers, roles, s, r))


def _within_reach(seekers: SeekerSet, roles: RoleSet, s, r) -> tuple[np.ndarray, np.ndarray]:
    """Positions (into the pair arrays) of the pairs within the seeker's travel radius, and their
    distances. The squared chord is compared with a precomputed bound first, so the arcsine is
    only evaluated for pairs that may be in reach; the final test is on the haversine distance."""
    chord2 = _chord2(seekers, roles, s, r)
    maybe = np.flatnonzero(chord2 <= _at(seekers.chord_limit2, s, None))
    km = _km(chord2[maybe])
    reach = km <= _at(seekers.max_km, s, maybe)
    return maybe[reach], km[reach]


def _at(column: np.ndarray, s, positions) -> np.ndarray:
    """``column[s]``, narrowed to ``positions`` when ``s`` is an index array."""
    values = column[s]
    return values if np.ndim(values) == 0 or positions is None else values[positions]


def _coverage(seekers: SeekerSet, s, r, by_slot: tuple[np.ndarray, np.ndarray], count, n: int) -> np.ndarray:
    """Skill coverage in [0, 1] of the roles' skill lists, given per list slot as (K, R) skill
    positions and levels (level 0 = padding): half-credits / (2 * count), or 1 without skills."""
    starts = _role_runs(s, r, n)
    half = (
        _half_credits_flat(seekers, s, r, by_slot, n)
        if starts is None
        else _half_credits_by_run(seekers, s, r, by_slot, starts, n)
    )
    count = np.asarray(count, dtype=np.float32)
    return np.where(count > 0, half.astype(np.float32) / np.maximum(_F32_2 * count, _F32_1), _F32_1)


def _role_runs(s, r, n: int) -> np.ndarray | None:
    """Start of each run of pairs with the same role, when the pairs come in few such runs."""
    if np.ndim(r) == 0:
        return np.zeros(1, dtype=np.intp)
    if np.ndim(s) == 0 or n == 0:
        return None
    starts = np.concatenate([[0], np.flatnonzero(r[1:] != r[:-1]) + 1])
    return starts if 16 * len(starts) <= n else None


def _half_credits_by_run(seekers, s, r, by_slot, starts: np.ndarray, n: int) -> np.ndarray:
    """Half-credits for pairs grouped by role: per role and skill, one take from that skill's
    contiguous row of seeker levels and one lookup in a four-entry table."""
    half = np.zeros(n, dtype=np.int16)
    skills_by_slot, levels_by_slot = by_slot
    stops = np.append(starts[1:], n)
    for start, stop in zip(starts.tolist(), stops.tolist(), strict=True):
        role = r if np.ndim(r) == 0 else r[start]
        run = s if np.ndim(s) == 0 else s[start:stop]
        for skills, levels in zip(skills_by_slot, levels_by_slot, strict=True):
            if levels[role]:
                held = seekers.skill_levels[skills[role]][run].astype(np.intp)  # intp takes are fastest
                half[start:stop] += HALF_CREDIT[levels[role]].take(held)
    return half


def _half_credits_flat(seekers, s, r, by_slot, n: int) -> np.ndarray:
    half = np.zeros(n, dtype=np.int16)
    for skills, levels in zip(*by_slot, strict=True):
        required = levels[r]
        if not np.any(required):
            continue
        held = seekers.skill_levels_flat[skills[r] * len(seekers) + s]
        half += _HALF_CREDIT_FLAT[required * 4 + held]
    return half


def _components(seekers: SeekerSet, roles: RoleSet, s, r, dist: np.ndarray) -> list[np.ndarray]:
    """The score components (``COMPONENTS`` order), each float32 in [0, 1], for feasible pairs.

    Float32 halves the memory traffic of a round; every value is one correctly rounded IEEE
    operation on exact inputs (or a table of such), which the reference repeats bit for bit.
    """
    n = len(dist)
    required = _coverage(seekers, s, r, roles.required_by_slot, roles.n_required[r], n)
    nice = _coverage(seekers, s, r, roles.nice_by_slot, roles.n_nice[r], n)
    role_max = roles.hours_max[r]
    hours = np.minimum(seekers.hours_max[s], role_max) / role_max
    weekdays = _WEEKDAY_SHARE[roles.weekdays[r].astype(np.intp) * 128 + seekers.weekdays[s]]
    max_km = seekers.max_km[s].astype(np.float64)
    # 1 at the door, 0 at the radius; a radius of 0 only admits the door itself, which scores 1.
    distance = np.maximum(0.0, 1.0 - np.divide(dist, max_km, out=np.zeros(n), where=max_km > 0))
    distance = distance.astype(np.float32)
    interests = ((seekers.interests[s] & roles.categories[r]) != 0).astype(np.float32)
    step = roles.target_rung[r].astype(np.intp) - seekers.rung[s]
    ladder = _LADDER_BY_STEP[step + 5]
    return [np.broadcast_to(c, (n,)) for c in (required, nice, hours, weekdays, distance, interests, ladder)]


def _scores(components: list[np.ndarray], weights: Weights) -> np.ndarray:
    """Scores 0..100 on the 1/SCORE_SCALE grid, as float32."""
    # Accumulate component by component, in COMPONENTS order, so that the per-pair reference
    # (the same float32 operations on NumPy scalars) gets bit-identical scores.
    total = np.zeros(len(components[0]), dtype=np.float32)
    for weight, component in zip(weights.normalised().astype(np.float32), components, strict=True):
        total = total + weight * component
    return np.round(total * _F32_POINTS_SCALE) / _F32_SCALE


def _top(scores: np.ndarray, ids: np.ndarray, k: int) -> np.ndarray:
    """Positions of the k best by (score desc, id asc); exact at ties on the k-th score."""
    n = len(scores)
    if k <= 0 or n == 0:
        return np.zeros(0, dtype=np.intp)
    if k < n:
        threshold = np.partition(scores, n - k)[n - k]
        candidates = np.flatnonzero(scores >= threshold)
    else:
        candidates = np.arange(n)
    order = np.lexsort((ids[candidates], -scores[candidates]))[:k]
    return candidates[order]


# --- queries ------------------------------------------------------------------------------------


def top_seekers_for_role(
    seekers: SeekerSet,
    roles: RoleSet,
    role_id: int,
    k: int = 20,
    weights: Weights = DEFAULT_WEIGHTS,
    *,
    require_card_consent: bool = True,
    overrides: _OverridesArg = None,
    tiebreak: np.ndarray | None = None,
) -> list[Match]:
    """The k best feasible seekers for one role, best first.

    ``require_card_consent`` (default on, for employer-facing lists) drops seekers who did not
    consent to an anonymous card; caseworkers pass False. ``tiebreak`` (one integer key per seeker
    in ``seekers``, ascending) orders equal scores instead of the seeker id: an employer's list
    passes random keys, so that the order of equal candidates says nothing about who they are.
    """
    r = roles.lookup.position(role_id)
    if not roles.available[r]:
        return []
    base = seekers.matchable & seekers.card_consent if require_card_consent else seekers.matchable
    mask = base & _cheap_mask(seekers, roles, slice(None), r, roles.constraint_mask[r])
    allowed = seekers.lookup.known_positions(RungOverrides.of(overrides).seekers_for_role(role_id))
    if allowed.size:
        relaxed = roles.constraint_mask[r] & ~SIG_RUNG_BITS
        mask[allowed] = base[allowed] & _cheap_mask(seekers, roles, allowed, r, relaxed)
    s = np.flatnonzero(mask)
    near, dist = _within_reach(seekers, roles, s, r)
    keys = seekers.ids if tiebreak is None else np.asarray(tiebreak, dtype=np.int64)
    return _ranked(seekers, roles, s[near], r, dist, weights, k, by_seeker=True, keys=keys)


def top_roles_for_seeker(
    seekers: SeekerSet,
    roles: RoleSet,
    seeker_id: int,
    k: int = 20,
    weights: Weights = DEFAULT_WEIGHTS,
    *,
    overrides: _OverridesArg = None,
) -> list[Match]:
    """The k best feasible roles for one seeker, best first (empty when the seeker is not
    matchable; ``seeker_blockers`` says why)."""
    s = seekers.lookup.position(seeker_id)
    if not seekers.matchable[s]:
        return []
    mask = roles.available & _cheap_mask(seekers, roles, s, slice(None), roles.constraint_mask)
    allowed = roles.lookup.known_positions(RungOverrides.of(overrides).roles_for_seeker(seeker_id))
    if allowed.size:
        relaxed = roles.constraint_mask[allowed] & ~SIG_RUNG_BITS
        mask[allowed] = roles.available[allowed] & _cheap_mask(seekers, roles, s, allowed, relaxed)
    r = np.flatnonzero(mask)
    near, dist = _within_reach(seekers, roles, s, r)
    return _ranked(seekers, roles, s, r[near], dist, weights, k, by_seeker=False)


def _ranked(seekers, roles, s, r, dist, weights, k, *, by_seeker: bool, keys: np.ndarray | None = None) -> list[Match]:
    components = _components(seekers, roles, s, r, dist)
    scores = _scores(components, weights)
    best = _top(scores, (seekers.ids if keys is None else keys)[s] if by_seeker else roles.ids[r], k)
    return [
        _match(
            seekers,
            roles,
            int(s[b]) if by_seeker else s,
            r if by_seeker else int(r[b]),
            float(dist[b]),
            float(scores[b]),
            [float(c[b]) for c in components],
        )
        for b in best.tolist()
    ]


def seeker_blockers(
    seekers: SeekerSet, seeker_id: int, *, require_card_consent: bool = False
) -> list[Reason]:
    """Reasons that exclude the seeker from every role (inactive, no location, no hours, ...)."""
    s = seekers.lookup.position(seeker_id)
    return list(_seeker_exclusions(seekers, s, require_card_consent))


def why_not(
    seekers: SeekerSet,
    roles: RoleSet,
    seeker_id: int,
    role_id: int,
    weights: Weights = DEFAULT_WEIGHTS,
    *,
    require_card_consent: bool = False,
    overrides: _OverridesArg = None,
) -> WhyNot:
    """All hard constraints the pair fails, or its ``Match`` when it is feasible."""
    s, r = seekers.lookup.position(seeker_id), roles.lookup.position(role_id)
    overridden = RungOverrides.of(overrides).allows(seeker_id, role_id)
    exclusions = tuple(_exclusions(seekers, roles, s, r, overridden, require_card_consent))
    if exclusions:
        return WhyNot(int(seeker_id), int(role_id), exclusions, None)
    dist = np.array([float(distance_km(seekers, roles, s, r))])
    components = _components(seekers, roles, s, r, dist)
    score = float(_scores(components, weights)[0])
    match = _match(seekers, roles, s, r, float(dist[0]), score, [float(c[0]) for c in components])
    return WhyNot(int(seeker_id), int(role_id), (), match)


# --- explanations -------------------------------------------------------------------------------


def _seeker_exclusions(seekers: SeekerSet, s: int, require_card_consent: bool):
    if not seekers.active[s]:
        yield reason("seeker_inactive")
    if require_card_consent and not seekers.card_consent[s]:
        yield reason("no_card_consent")
    if not seekers.has_location[s]:
        yield reason("no_home_location")
    if not seekers.has_hours[s]:
        yield reason("no_hours")


def _role_exclusions(roles: RoleSet, r: int):
    if not roles.published[r]:
        yield reason("role_not_published")
    if roles.places_left[r] <= 0:
        yield reason("no_places_left")
    if not roles.has_location[r]:
        yield reason("no_role_location")


def _exclusions(seekers: SeekerSet, roles: RoleSet, s: int, r: int, overridden: bool, consent: bool):
    """Every failing hard constraint of one pair, one rule at a time (the readable twin of
    ``_cheap_mask`` + distance; tests keep the two in agreement)."""
    yield from _seeker_exclusions(seekers, s, consent)
    yield from _role_exclusions(roles, r)
    if seekers.has_location[s] and roles.has_location[r]:
        km = float(distance_km(seekers, roles, s, r))
        if km > seekers.max_km[s]:
            yield reason("too_far", km=round(km, 1), max_km=float(seekers.max_km[s]))
    if seekers.has_hours[s]:
        if roles.hours_min[r] > seekers.hours_max[s]:
            yield reason(
                "hours_not_available",
                role_min=float(roles.hours_min[r]),
                seeker_max=float(seekers.hours_max[s]),
            )
        if roles.hours_max[r] < seekers.hours_min[s]:
            yield reason(
                "hours_too_few", role_max=float(roles.hours_max[r]), seeker_min=float(seekers.hours_min[s])
            )
    if not seekers.weekdays[s] & roles.weekdays[r]:
        yield reason(
            "no_common_weekday", role_days=int(roles.weekdays[r]), seeker_days=int(seekers.weekdays[s])
        )
    if seekers.language[s] < roles.language_required[r] and not roles.language_support[r]:
        yield reason(
            "language_below_required",
            level=int(seekers.language[s]),
            required=int(roles.language_required[r]),
        )
    if demands := int(roles.physical_demands[r] & seekers.physical_limits[s]):
        yield reason("physical_demand", demands=demands)
    if needs := int(seekers.support_needs[s] & ~roles.support_offered[r]):
        yield reason("support_not_offered", needs=needs)
    if roles.target_rung[r] > seekers.rung[s] + 1 and not overridden:
        yield reason("rung_gap", rung=int(seekers.rung[s]), target_rung=int(roles.target_rung[r]))


def _skill_counts(seekers: SeekerSet, s: int, skills: np.ndarray, levels: np.ndarray) -> tuple[int, int]:
    """(held at or above the level, held one level below) over one role's skill list."""
    full = below = 0
    for skill, required in zip(skills.tolist(), levels.tolist(), strict=True):
        if required:
            held = int(seekers.skill_levels[skill, s])
            full += held >= required
            below += 1 <= held == required - 1
    return full, below


def _match(seekers, roles, s: int, r: int, dist: float, score: float, components: list[float]) -> Match:
    interests = components[COMPONENTS.index("interests")]
    return Match(
        seeker_id=int(seekers.ids[s]),
        role_id=int(roles.ids[r]),
        score=round(score, 1),
        components={name: round(value, 3) for name, value in zip(COMPONENTS, components, strict=True)},
        explain=partial(_match_reasons, seekers, roles, s, r, dist, interests),
    )


def _match_reasons(seekers: SeekerSet, roles: RoleSet, s: int, r: int, dist: float, interests: float):
    return tuple(_match_reason_list(seekers, roles, s, r, dist, interests))


def _match_reason_list(seekers: SeekerSet, roles: RoleSet, s: int, r: int, dist: float, interests: float):
    step = int(roles.target_rung[r]) - int(seekers.rung[s])
    name = "next" if step == 1 else "same" if step == 0 else "lower" if step < 0 else "override"
    yield reason("ladder", step=name, target_rung=int(roles.target_rung[r]))
    if roles.n_required[r]:
        full, below = _skill_counts(seekers, s, roles.required_skill[r], roles.required_level[r])
        yield reason("skills", matched=full, partial=below, required=int(roles.n_required[r]))
    else:
        yield reason("no_required_skills")
    if roles.n_nice[r]:
        full, _ = _skill_counts(seekers, s, roles.nice_skill[r], roles.nice_level[r])
        yield reason("nice_skills", matched=full, total=int(roles.n_nice[r]))
    if not seekers.n_skills_held[s]:
        yield reason("no_skills")
    yield reason("distance", km=round(dist, 1))
    hours = float(min(seekers.hours_max[s], roles.hours_max[r]))
    yield reason("hours", hours=hours, role_max=float(roles.hours_max[r]))
    common = int(seekers.weekdays[s] & roles.weekdays[r]).bit_count()
    yield reason("weekdays", common=common, total=int(roles.weekdays[r]).bit_count())
    if interests:
        yield reason("interests")
    if seekers.language[s] < roles.language_required[r]:
        yield reason("language_support", level=int(seekers.language[s]))


# --- a whole round ------------------------------------------------------------------------------


def feasible_pairs(
    seekers: SeekerSet,
    roles: RoleSet,
    weights: Weights = DEFAULT_WEIGHTS,
    *,
    overrides: _OverridesArg = None,
    require_card_consent: bool = False,
    block_roles: int = 32,
    workers: int | None = None,
) -> FeasiblePairs:
    """Every feasible (seeker, role) pair with its score, for a matching round.

    Works on blocks of ``block_roles`` roles against all matchable seekers: the cheap rules run
    as one 2-D mask per block, distance and scores only for the pairs that pass them, so memory
    stays proportional to the block and the pairs kept (8 bytes each, see ``FeasiblePairs``).
    Runs of blocks go to ``workers`` threads (default: the CPU count, at most 8); NumPy releases
    the GIL inside its loops, and the result is the same for any number of threads. Pairs come
    out grouped by role, then by seeker ascending; allowed rung overrides last.
    """
    pool = np.flatnonzero(seekers.matchable & (seekers.card_consent | (not require_card_consent)))
    # Blocks of roles with equally many skills skip the padding columns of the skill lists.
    open_roles = np.flatnonzero(roles.available)
    open_roles = open_roles[np.lexsort((open_roles, roles.n_nice[open_roles], roles.n_required[open_roles]))]
    blocks = [open_roles[start : start + block_roles] for start in range(0, len(open_roles), block_roles)]

    def pairs_of(run: list[np.ndarray]) -> _Parts:
        columns, parts = _PoolColumns(seekers, pool), _Parts(len(seekers), len(roles))
        for block in run:
            # flatnonzero + divmod is about three times faster than a 2-D nonzero
            role_at, pool_at = np.divmod(np.flatnonzero(columns.candidates(roles, block)), len(pool))
            parts.add(*_scored(seekers, roles, pool[pool_at], block[role_at], weights))
        return parts

    threads = max(1, min(workers or default_workers(), len(blocks)))
    runs = [blocks[i::threads] for i in range(threads)]  # interleaved: every thread gets all block sizes
    with ThreadPoolExecutor(threads) as executor:
        done = list(executor.map(pairs_of, runs))
    parts = _Parts.interleave(done, [len(run) for run in runs])
    parts.add(*_overridden_pairs(seekers, roles, pool, RungOverrides.of(overrides), weights))
    return parts.concatenate()


def default_workers() -> int:
    return max(1, min(8, os.cpu_count() or 1))


class _PoolColumns:
    """Contiguous copies of the matchable seekers' cheap-rule columns, laid out as 2-D rows.

    For distance it keeps each seeker's position in a plane tangent to the sphere at the pool's
    centre (east and north components of the unit vector). The chord between two points is at
    least the length of its projection on that plane, so "projected distance <= chord limit" is a
    safe float32 prefilter; near the centre it is almost exact, so few pairs reach the exact test.
    """

    def __init__(self, seekers: SeekerSet, pool: np.ndarray):
        self.signature = seekers.signature[pool][None, :]
        self.weekdays = seekers.weekdays[pool][None, :]
        self.hours_min = seekers.hours_min[pool][None, :]
        self.hours_max = seekers.hours_max[pool][None, :]
        self.plane = _tangent_plane(seekers.unit[:, pool])
        east, north = self.plane @ seekers.unit[:, pool]
        self.east, self.north = east.astype(np.float32)[None, :], north.astype(np.float32)[None, :]
        limit2 = seekers.chord_limit2[pool] * (1 + _PLANE_SLACK) + _PLANE_SLACK * 1e-12
        self.limit2 = limit2.astype(np.float32)[None, :]
        self._ok = None

    def candidates(self, roles: RoleSet, block: np.ndarray) -> np.ndarray:
        """(len(block), pool) mask: the physical, support, language, rung, weekday and hour rules,
        and the distance prefilter. Reuses its buffers: fresh multi-megabyte temporaries per
        block would cost more in page faults than the arithmetic."""
        shape = (len(block), self.signature.shape[1])
        if self._ok is None or self._ok.shape != shape:
            self._ok, self._test = np.empty(shape, dtype=bool), np.empty(shape, dtype=bool)
            self._bits = np.empty(shape, dtype=np.uint32)
            self._d2, self._diff = np.empty(shape, dtype=np.float32), np.empty(shape, dtype=np.float32)
        ok, test, bits, d2, diff = self._ok, self._test, self._bits, self._d2, self._diff
        np.bitwise_and(self.signature, roles.constraint_mask[block][:, None], out=bits)
        np.equal(bits, 0, out=ok)
        np.bitwise_and(self.weekdays, roles.weekdays[block][:, None], out=bits)
        ok &= np.not_equal(bits, 0, out=test)
        ok &= np.greater_equal(self.hours_max, roles.hours_min[block][:, None], out=test)
        ok &= np.less_equal(self.hours_min, roles.hours_max[block][:, None], out=test)
        role_east, role_north = (self.plane @ roles.unit[:, block]).astype(np.float32)
        np.square(np.subtract(self.east, role_east[:, None], out=d2), out=d2)
        d2 += np.square(np.subtract(self.north, role_north[:, None], out=diff), out=diff)
        ok &= np.less_equal(d2, self.limit2, out=test)
        return ok


def _tangent_plane(unit: np.ndarray) -> np.ndarray:
    """(2, 3): unit east and north directions at the (normalised) mean of the points."""
    centre = unit.mean(axis=1) if unit.size else np.array([1.0, 0.0, 0.0])
    centre = centre / (np.linalg.norm(centre) or 1.0)
    east = np.cross([0.0, 0.0, 1.0], centre)
    east = east / np.linalg.norm(east) if np.linalg.norm(east) > 1e-9 else np.array([0.0, 1.0, 0.0])
    return np.stack([east, np.cross(centre, east)])


def _scored(seekers: SeekerSet, roles: RoleSet, s: np.ndarray, r: np.ndarray, weights: Weights):
    """The pairs among (s, r) within travel distance, with their scores."""
    near, dist = _within_reach(seekers, roles, s, r)
    s, r = s[near], r[near]
    return s, r, _scores(_components(seekers, roles, s, r, dist), weights)


def _overridden_pairs(
    seekers: SeekerSet, roles: RoleSet, pool: np.ndarray, overrides: RungOverrides, weights
):
    """Pairs that fail only the rung rule and that a caseworker allowed."""
    if not overrides.pairs:
        return _scored(seekers, roles, pool[:0], np.zeros(0, dtype=np.intp), weights)
    pair_ids = np.array(sorted(overrides.pairs), dtype=np.int64)
    known = np.isin(pair_ids[:, 0], seekers.ids) & np.isin(pair_ids[:, 1], roles.ids)
    s, r = seekers.lookup.positions(pair_ids[known, 0]), roles.lookup.positions(pair_ids[known, 1])
    strict = _cheap_mask(seekers, roles, s, r, roles.constraint_mask[r])
    relaxed = _cheap_mask(seekers, roles, s, r, roles.constraint_mask[r] & ~SIG_RUNG_BITS)
    ok = relaxed & ~strict & np.isin(s, pool) & roles.available[r]
    return _scored(seekers, roles, s[ok], r[ok], weights)


class _Parts:
    """Per-block pairs kept in the compact dtypes of ``FeasiblePairs`` (8 bytes a pair), joined one
    column at a time while the parts are released, so the peak stays near 1.5 copies of the pairs."""

    def __init__(self, n_seekers: int, n_roles: int):
        self.dtypes = (index_dtype(n_seekers), index_dtype(n_roles), np.dtype(np.float32))
        self.columns: tuple[list, list, list] = ([], [], [])

    def add(self, s: np.ndarray, r: np.ndarray, score: np.ndarray) -> None:
        for column, values, dtype in zip(self.columns, (s, r, score), self.dtypes, strict=True):
            column.append(values.astype(dtype))

    @classmethod
    def interleave(cls, parts: list[_Parts], lengths: list[int]) -> _Parts:
        """The blocks of threads that took every n-th block, back in block order."""
        merged = cls.__new__(cls)
        merged.dtypes = parts[0].dtypes
        merged.columns = ([], [], [])
        for i in range(max(lengths)):
            for part, length in zip(parts, lengths, strict=True):
                if i < length:
                    for column, source in zip(merged.columns, part.columns, strict=True):
                        column.append(source[i])
        return merged

    def concatenate(self) -> FeasiblePairs:
        joined = []
        for column in self.columns:
            joined.append(np.concatenate(column))
            column.clear()
        return FeasiblePairs(*joined)
