"""A matching round: assign seekers to roles, each seeker at most once and each role at most its places.

``optimal_round`` maximises the total score exactly; ``greedy_round`` takes pairs best-first and
exists for comparison. Both take a round's ``FeasiblePairs`` and the places left per role.

Scores are converted to integer units of 1/SCORE_SCALE of a point (the engine's scores lie on
that grid, so nothing is lost), which keeps every sum and comparison exact. A pair with score 0
adds nothing and is never proposed.

How the optimum is found, and why it is exact
---------------------------------------------

The round is a maximum-weight bipartite b-matching, an LP whose dual is

    minimise  D(u, v) = sum_s u[s] + sum_r places[r] * v[r]
    subject to u[s] + v[r] >= w[s, r] for every pair,  u, v >= 0.

For any feasible dual (u, v) and any feasible assignment with total P, every optimal assignment
uses only pairs whose slack u[s] + v[r] - w[s, r] is at most the gap D - P: the slacks of an
optimal assignment are non-negative and add up to at most D - OPT <= D - P. So, for a large round:

1. a fast auction (seekers bid for roles, each role keeps its best bids; Bertsekas) on a
   growing subset of the pairs gives role prices ``v`` and a near-optimal assignment;
2. ``u[s] = max(0, max_r w[s, r] - v[r])`` makes (u, v) dual feasible for *all* pairs (checked
   by scans over all pairs, see ``_reduce_by_duals``);
3. the pairs with slack <= gap, typically about one per place, contain every optimal assignment.

The exact step first tries an auction on those pairs with weights scaled so that its own duality
gap proves optimality (see ``_certified_auction``). Failing that (or for small inputs) it splits
the pairs into connected components and solves each exactly: a single role takes its best
seekers, a single seeker its best role, others go to SciPy's ``linear_sum_assignment`` (dense)
or ``min_weight_full_bipartite_matching`` (LAPJVsp, sparse), with roles expanded into one row
per place. All costs are integers, so the solvers' float arithmetic is exact. The auctions only
decide how small step 3 gets and how fast it is solved; exactness never rests on them without a
proof. Small rounds skip the reduction and solve all pairs directly.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.optimize import linear_sum_assignment
from scipy.sparse.csgraph import connected_components, min_weight_full_bipartite_matching

from .data import FeasiblePairs
from .engine import SCORE_SCALE

DIRECT_LIMIT = 200_000  # rounds with at most this many pairs go straight to the exact step
_CHUNK = 1 << 21  # pairs per vectorised chunk when passing over all pairs
_PRICE_STEP = 64  # the auction bids in 1/64 of a score unit: finer steps leave a smaller gap
_MAX_ROUNDS = 5_000  # bidding rounds per auction run (a city round needs well under 1,000)
_SEQUENTIAL_BELOW = 64  # fewer bidders than this: bid one at a time
# Tied seekers outbid each other one step at a time: a price war that could last millions of
# rounds. A seeker outbid more than _PATIENCE times doubles its bid step with every further
# loss (up to 2**_MAX_ESCALATION, about 256 points), which ends any war within a few dozen rounds.
_PATIENCE = 100
_MAX_ESCALATION = 24
_NEAR_POINTS = 10  # the auction sees the pairs within 10 points of being worth it at its prices
_WIDE_POINTS = 20  # a verifying scan keeps those within 20 points: the largest gap it can certify
_MAX_SCANS = 4
_INITIAL_PER_PLACE = 16  # the rough first auction sees each role's best 16 seekers per place
_DENSE_LIMIT = 4_000_000  # components up to this many matrix cells go to the dense solver
_AUCTION_FIRST = 20_000  # from this many candidate pairs on, try a certified auction first


@dataclass(frozen=True, eq=False)
class RoundResult:
    """Chosen pairs (positions into the SeekerSet/RoleSet), sorted by role then seeker."""

    seeker_idx: np.ndarray
    role_idx: np.ndarray
    score: np.ndarray

    @property
    def placed(self) -> int:
        return len(self.seeker_idx)

    @property
    def total_score(self) -> float:
        return float(np.sum(self.score, dtype=np.float64))


def score_units(score: np.ndarray) -> np.ndarray:
    """Scores as int64 multiples of 1/SCORE_SCALE (exact for engine scores, rounded otherwise)."""
    return np.rint(np.asarray(score, dtype=np.float32) * np.float32(SCORE_SCALE)).astype(np.int64)


def optimal_round(
    pairs: FeasiblePairs, places_left: np.ndarray, *, direct_limit: int = DIRECT_LIMIT
) -> RoundResult:
    """The assignment with the maximum total score (exact; see the module docstring).

    Among assignments with the same total, which one is returned is up to the exact solvers.
    """
    places = np.maximum(np.asarray(places_left, dtype=np.int64), 0)
    pairs = _usable(pairs, places)
    large = len(pairs) > direct_limit
    candidates = _reduce_by_duals(pairs, places) if large else np.arange(len(pairs))
    chosen = candidates[_solve_exact(pairs, candidates, places)]
    chosen = chosen[np.lexsort((pairs.seeker_idx[chosen], pairs.role_idx[chosen]))]
    return RoundResult(
        pairs.seeker_idx[chosen].astype(np.int64),
        pairs.role_idx[chosen].astype(np.int64),
        pairs.score[chosen],
    )


def greedy_round(pairs: FeasiblePairs, places_left: np.ndarray) -> RoundResult:
    """Best pair first (score desc, then seeker and role position asc), skipping taken seekers and
    full roles: the simple baseline that ``optimal_round`` is compared with. Scores in the result
    are read back from the 1/SCORE_SCALE grid, which is where the engine's scores lie."""
    places = np.maximum(np.asarray(places_left, dtype=np.int64), 0)
    pairs = _usable(pairs, places)
    n_seekers, n_roles = int(pairs.seeker_idx.max(initial=0)) + 1, len(places)
    # One int64 key per pair orders by (score desc, seeker, role) and encodes all three, so a
    # plain in-place sort replaces a memory-hungry lexsort over all pairs.
    key = np.concatenate(
        [
            np.zeros(0, dtype=np.int64),
            *(_greedy_keys(pairs, c, n_seekers, n_roles) for c in _chunks(len(pairs))),
        ]
    )
    key.sort()
    taken = _take_greedily(key, places, n_seekers)
    rest, roles = np.divmod(taken, n_roles)
    units, seekers = np.divmod(rest, n_seekers)
    order = np.lexsort((seekers, roles))
    score = ((_UNITS_TOP - units) / SCORE_SCALE).astype(np.float32)
    return RoundResult(seekers[order], roles[order], score[order])


_UNITS_TOP = 100 * SCORE_SCALE + 1  # above any score in units


def _at(positions: np.ndarray, chunk: slice) -> np.ndarray:
    """A chunk of positions as intp: NumPy indexes many times faster with intp than with uint16."""
    return positions[chunk].astype(np.intp)


def _chunks(n: int, size: int = _CHUNK):
    return (slice(start, min(start + size, n)) for start in range(0, n, size))


def _usable(pairs: FeasiblePairs, places: np.ndarray) -> FeasiblePairs:
    """The pairs that can contribute (a place left, a positive score): ``pairs`` itself when that
    is all of them, as for the engine's pairs (checked cheaply), else a filtered copy."""
    no_places = places <= 0
    zero_score = len(pairs) > 0 and score_units(pairs.score.min(keepdims=True))[0] <= 0
    full_roles_used = no_places.any() and _pairs_per_role(pairs, len(places))[no_places].any()
    if not (zero_score or full_roles_used):
        return pairs
    keep = [
        c.start + np.flatnonzero((score_units(pairs.score[c]) > 0) & ~no_places[_at(pairs.role_idx, c)])
        for c in _chunks(len(pairs))
    ]
    idx = np.concatenate([np.zeros(0, dtype=np.int64), *keep])
    return FeasiblePairs(pairs.seeker_idx[idx], pairs.role_idx[idx], pairs.score[idx])


def _pairs_per_role(pairs: FeasiblePairs, n_roles: int) -> np.ndarray:
    counts = np.zeros(n_roles, dtype=np.int64)
    for chunk in _chunks(len(pairs), 4 * _CHUNK):
        counts += np.bincount(_at(pairs.role_idx, chunk), minlength=n_roles)
    return counts


def _greedy_keys(pairs: FeasiblePairs, chunk: slice, n_seekers: int, n_roles: int) -> np.ndarray:
    rank = (_UNITS_TOP - score_units(pairs.score[chunk])) * n_seekers + _at(pairs.seeker_idx, chunk)
    return rank * n_roles + _at(pairs.role_idx, chunk)


def _take_greedily(keys: np.ndarray, places: np.ndarray, n_seekers: int) -> np.ndarray:
    """The keys a sequential greedy pass takes. Chunks are pre-filtered with NumPy, so Python only
    visits pairs that were still possible at the start of their chunk."""
    free = np.ones(n_seekers, dtype=bool)
    left = places.copy()
    taken: list[int] = []
    chunk, start = 1 << 12, 0
    while start < len(keys) and left.any() and free.any():
        block = keys[start : start + chunk]
        seekers, roles = (block // len(places)) % n_seekers, block % len(places)
        alive = np.flatnonzero(free[seekers] & (left[roles] > 0))
        for key, s, r in zip(
            block[alive].tolist(), seekers[alive].tolist(), roles[alive].tolist(), strict=True
        ):
            if free[s] and left[r] > 0:
                free[s] = False
                left[r] -= 1
                taken.append(key)
        start, chunk = start + chunk, min(chunk * 2, 1 << 17)
    return np.asarray(taken, dtype=np.int64)


# --- exact step ---------------------------------------------------------------------------------------


def _solve_exact(pairs: FeasiblePairs, idx: np.ndarray, places: np.ndarray) -> np.ndarray:
    """Positions into ``idx`` of a maximum-score assignment among the pairs ``idx``."""
    if len(idx) and len(idx) >= _AUCTION_FIRST:
        certified = _certified_auction(pairs, idx, places)
        if certified is not None:
            return certified
    return _solve_by_components(pairs, idx, places)


def _certified_auction(pairs: FeasiblePairs, idx: np.ndarray, places: np.ndarray) -> np.ndarray | None:
    """Positions into ``idx`` of an assignment proven optimal, or None when the proof fails.

    With weights in score units times K = (total places + 1), all totals are multiples of K.
    An auction with unit bid steps ends within one step per placed seeker (< K) of its own dual
    bound D, so D - P < K proves P optimal. Escalated steps (after price wars) can break that
    bound; the check catches it and the caller falls back on the component solvers.
    """
    scale = int(places.sum()) + 1
    n_seekers = int(pairs.seeker_idx[idx].max()) + 1
    auction = _Auction.fresh(places, n_seekers, pairs, idx, scale)
    gap = _dual_objective(auction.seeker_values(), auction.prices(), places) - auction.primal()
    if gap >= scale:
        return None
    order = np.argsort(idx)
    return order[np.searchsorted(idx[order], auction.assignment())]


def _solve_by_components(pairs: FeasiblePairs, idx: np.ndarray, places: np.ndarray) -> np.ndarray:
    """Positions into ``idx`` of a maximum-score assignment, solved exactly per connected
    component of the seeker–role graph."""
    if len(idx) == 0:
        return np.zeros(0, dtype=np.int64)
    seekers = pairs.seeker_idx[idx].astype(np.int64)
    roles = pairs.role_idx[idx].astype(np.int64)
    units = score_units(pairs.score[idx])
    n_seekers = int(seekers.max()) + 1
    graph = sparse.coo_array(
        (np.ones(len(idx)), (seekers, n_seekers + roles)), shape=(n_seekers + len(places),) * 2
    )
    _, label = connected_components(graph, directed=False)
    component = label[seekers]
    order = np.argsort(component, kind="stable")
    bounds = np.flatnonzero(np.diff(component[order])) + 1
    chosen = [
        part[_solve_component(seekers[part], roles[part], units[part], places)]
        for part in np.split(order, bounds)
    ]
    return np.concatenate(chosen)


def _solve_component(
    seekers: np.ndarray, roles: np.ndarray, units: np.ndarray, places: np.ndarray
) -> np.ndarray:
    """Positions of an optimal assignment within one connected component."""
    if np.all(roles == roles[0]):  # one role: its best seekers
        return np.argsort(-units, kind="stable")[: places[roles[0]]]
    if np.all(seekers == seekers[0]):  # one seeker: its best role
        return np.argmax(units)[None]
    seeker_ids, col = np.unique(seekers, return_inverse=True)
    role_ids, role_of = np.unique(roles, return_inverse=True)
    if len(np.unique(role_of * len(seeker_ids) + col)) != len(col):
        raise ValueError("FeasiblePairs must hold each (seeker, role) pair once")
    # One row per place, but never more rows than the role has candidates; rows of a role are
    # interchangeable.
    n_rows = np.minimum(places[role_ids], np.bincount(role_of))
    row_start = np.concatenate([[0], np.cumsum(n_rows)])
    edge = np.repeat(np.arange(len(units)), n_rows[role_of])
    row = (
        row_start[role_of[edge]]
        + np.arange(len(edge))
        - np.repeat(np.cumsum(n_rows[role_of]) - n_rows[role_of], n_rows[role_of])
    )
    if row_start[-1] * len(seeker_ids) <= _DENSE_LIMIT:
        rows, cols = _dense_assignment(row, col[edge], units[edge], int(row_start[-1]), len(seeker_ids))
    else:
        rows, cols = _sparse_assignment(row, col[edge], units[edge], int(row_start[-1]), len(seeker_ids))
    row_role = np.repeat(np.arange(len(role_ids)), n_rows)
    key = role_of * len(seeker_ids) + col
    key_order = np.argsort(key)
    return key_order[np.searchsorted(key[key_order], row_role[rows] * len(seeker_ids) + cols)]


def _dense_assignment(row, col, units, n_rows: int, n_cols: int):
    """(row, col) of the chosen real pairs; absent pairs weigh 0, so matching them means "empty"."""
    weight = np.zeros((n_rows, n_cols))
    weight[row, col] = units
    rows, cols = linear_sum_assignment(weight, maximize=True)
    real = weight[rows, cols] > 0
    return rows[real], cols[real]


def _sparse_assignment(row, col, units, n_rows: int, n_cols: int):
    """(row, col) of the chosen real pairs, by LAPJVsp. Each row also gets its own "empty" column,
    so that a full matching of the rows exists; costs top - units are positive integers."""
    top = float(units.max()) + 1.0
    graph = sparse.csr_array(
        (
            np.concatenate([top - units, np.full(n_rows, top)]),
            (np.concatenate([row, np.arange(n_rows)]), np.concatenate([col, n_cols + np.arange(n_rows)])),
        ),
        shape=(n_rows, n_cols + n_rows),
    )
    rows, cols = min_weight_full_bipartite_matching(graph)
    real = cols < n_cols
    return rows[real], cols[real]


# --- reduction by LP duality -----------------------------------------------------------------------


def _reduce_by_duals(pairs: FeasiblePairs, places: np.ndarray) -> np.ndarray:
    """Indices of the pairs that can be in an optimal assignment: those with slack <= gap (see the
    module docstring), narrowed per component; typically one or two pairs per place.

    A rough auction on each role's best pairs prices the roles, and a scan collects the pairs
    within ``_NEAR_POINTS`` of being worth it at those prices. An auction on them lands close to
    the optimum; a scan over all pairs then makes its duals feasible and collects every pair within
    ``_WIDE_POINTS``, which certifies any gap up to that. (Seekers with a better pair that the
    auction did not see raise the gap by their gain; moving them instead would leave priced places
    empty, which costs more.) If the gap is too large, the new near pairs are added and the
    auction runs again from zero prices.
    """
    n_seekers = int(pairs.seeker_idx.max()) + 1
    near_margin = _NEAR_POINTS * SCORE_SCALE * _PRICE_STEP
    candidates = _initial_candidates(pairs, places)
    rough = _Auction.fresh(places, n_seekers, pairs, candidates)
    near, _, _ = _scan(pairs, rough.seeker_values(), rough.prices(), near_margin)
    edges = np.concatenate([candidates, near])  # duplicates are dropped by the auction
    for _ in range(_MAX_SCANS):
        auction = _Auction.fresh(places, n_seekers, pairs, edges)
        certificate = _Certificate.of(pairs, auction)
        if certificate.gap <= certificate.margin:
            return certificate.pairs_that_can_matter(pairs)
        edges = np.concatenate([edges, certificate.wide[certificate.slack <= near_margin]])
    # Still too loose: every pair with slack <= gap, by one more scan (always exact, just larger).
    return _scan(pairs, auction.seeker_values(), auction.prices(), certificate.gap)[0]


@dataclass(eq=False)
class _Certificate:
    """Feasible duals (u, v) for all pairs, an assignment (the auction's holders) and the pairs
    within ``margin`` slack: everything needed to name the pairs that can be optimal."""

    wide: np.ndarray  # indices of the pairs with slack <= margin under the auction's own u
    slack: np.ndarray  # their slacks under that u (lower bounds of the slacks under ``u``)
    u: np.ndarray  # covers every pair, so (u, v) is dual feasible
    v: np.ndarray
    gap: int
    margin: int
    held: np.ndarray  # placed seekers
    held_w: np.ndarray  # their pairs' weights
    places: np.ndarray

    @classmethod
    def of(cls, pairs: FeasiblePairs, auction: _Auction) -> _Certificate:
        margin = _WIDE_POINTS * SCORE_SCALE * _PRICE_STEP
        u, v = auction.seeker_values(), auction.prices()
        wide, slack, covering = _scan(pairs, u, v, margin)
        held = np.flatnonzero(auction.slot_of >= 0)
        gap = _dual_objective(covering, v, auction.places) - int(auction.held_w[held].sum())
        return cls(wide, slack, covering, v, gap, margin, held, auction.held_w[held], auction.places)

    def pairs_that_can_matter(self, pairs: FeasiblePairs) -> np.ndarray:
        """The pairs with slack <= gap, narrowed per connected component.

        Those pairs fall apart into components that are independent problems, and the argument
        of the module docstring holds within each with the component's own gap: its part of D
        minus the assignment within it. A badly priced corner then only loosens its own
        component. Pruning can split components, so this repeats until nothing changes. The
        assignment's pairs always stay, because their slacks are part of their component's gap.
        """
        seekers = pairs.seeker_idx[self.wide].astype(np.intp)
        roles = pairs.role_idx[self.wide].astype(np.intp)
        slack = self.u[seekers] + self.v[roles] - score_units(pairs.score[self.wide]) * _PRICE_STEP
        keep = np.flatnonzero(slack <= self.gap)
        n_seekers, n_roles = len(self.u), len(self.v)
        dual = np.concatenate([self.u, self.places * self.v])
        while True:
            graph = sparse.coo_array(
                (np.ones(len(keep)), (seekers[keep], n_seekers + roles[keep])),
                shape=(n_seekers + n_roles,) * 2,
            )
            _, label = connected_components(graph, directed=False)
            in_pairs = np.zeros(n_seekers + n_roles, dtype=bool)
            in_pairs[seekers[keep]] = in_pairs[n_seekers + roles[keep]] = True
            gaps = np.bincount(label, weights=dual * in_pairs, minlength=label.max() + 1)
            gaps -= np.bincount(label[self.held], weights=self.held_w, minlength=len(gaps))
            narrowed = keep[slack[keep] <= gaps[label[seekers[keep]]]]
            if len(narrowed) == len(keep):
                return self.wide[keep]
            keep = narrowed


def _dual_objective(u: np.ndarray, v: np.ndarray, places: np.ndarray) -> int:
    return int(u.sum()) + int(np.dot(places, v))


def _scan(pairs: FeasiblePairs, u: np.ndarray, v: np.ndarray, margin: int):
    """One pass over all pairs: indices and slacks of the pairs with slack u[s] + v[r] - w <= margin
    (in auction units), and ``u`` raised to cover the pairs with negative slack, which makes
    (u, v) dual feasible for all pairs. Works in int32: weights, prices and u stay below 2**25."""
    found, slacks = [], []
    covering = u.copy()
    u32, v32 = u.astype(np.int32), v.astype(np.int32)
    margin = min(margin, np.iinfo(np.int32).max)  # slacks fit in int32, so this changes nothing
    scale = np.float32(SCORE_SCALE * _PRICE_STEP)
    for chunk in _chunks(len(pairs)):
        seekers = _at(pairs.seeker_idx, chunk)
        gain = np.rint(pairs.score[chunk] * scale).astype(np.int32) - v32[_at(pairs.role_idx, chunk)]
        slack = u32[seekers] - gain
        hit = np.flatnonzero(slack <= margin)
        found.append(chunk.start + hit)
        slacks.append(slack[hit].astype(np.int64))
        short = hit[slack[hit] < 0]
        np.maximum.at(covering, seekers[short], gain[short].astype(np.int64))
    return np.concatenate(found), np.concatenate(slacks), covering


def _initial_candidates(pairs: FeasiblePairs, places: np.ndarray) -> np.ndarray:
    """Each role's best few seekers per place (by whole points, ties included): enough for a
    rough first auction, whose only job is to price the roles for the first scan."""
    buckets = 101  # whole points 0..100
    by_role = np.zeros(len(places) * buckets, dtype=np.int64)
    for chunk in _chunks(len(pairs), 4 * _CHUNK):
        keys = _at(pairs.role_idx, chunk) * buckets + pairs.score[chunk].astype(np.intp)
        by_role += np.bincount(keys, minlength=len(by_role))
    floor = _floor(by_role.reshape(-1, buckets), _INITIAL_PER_PLACE * places).astype(np.float32)
    chosen = [
        c.start + np.flatnonzero(pairs.score[c] >= floor[_at(pairs.role_idx, c)]) for c in _chunks(len(pairs))
    ]
    return np.concatenate(chosen)


def _floor(histogram: np.ndarray, need: np.ndarray) -> np.ndarray:
    """Per row, the highest whole-point floor with at least ``need`` pairs at or above it (0: all)."""
    at_or_above = np.cumsum(histogram[:, ::-1], axis=1)
    enough = at_or_above >= np.maximum(need, 1)[:, None]
    return np.where(enough[:, -1], histogram.shape[1] - 1 - np.argmax(enough, axis=1), 0)


# --- auction ---------------------------------------------------------------------------------------------

_NONE = np.iinfo(np.int64).min // 4


class _Auction:
    """Forward auction (Bertsekas), all unassigned seekers bidding at once (Jacobi).

    A seeker bids for the role with the highest value w - price, raising the price by the gap to
    its second-best option plus one step; a role keeps the highest bids for its places and its
    price is its lowest kept bid (0 while a place was never bid for). Weights are score units
    times ``_PRICE_STEP``; with one-unit steps the result is within ``placed / _PRICE_STEP``
    score units of the optimum on the candidate pairs (larger steps after repeated losses loosen
    that). Only used to find good prices; exactness comes from ``_solve_exact``.
    """

    def __init__(self, places: np.ndarray, n_seekers: int, scale: int = _PRICE_STEP):
        self.places = places
        self.scale = scale  # weights are score units times this
        self.slot_start = np.concatenate([[0], np.cumsum(places)])
        self.slot_role = np.repeat(np.arange(len(places)), places)
        self.slot_bid = np.zeros(len(self.slot_role), dtype=np.int64)
        self.slot_seeker = np.full(len(self.slot_role), -1, dtype=np.int64)
        self.price = np.zeros(len(places), dtype=np.int64)
        self.slot_of = np.full(n_seekers, -1, dtype=np.int64)
        self.held_w = np.zeros(n_seekers, dtype=np.int64)
        self.held_edge = np.zeros(n_seekers, dtype=np.int64)
        self.losses = np.zeros(n_seekers, dtype=np.int64)
        self.keys = np.zeros(0, dtype=np.int64)  # candidate pairs as seeker * n_roles + role
        self.edge_w = np.zeros(0, dtype=np.int64)
        self.source = np.zeros(0, dtype=np.int64)  # index of each candidate in the FeasiblePairs

    @classmethod
    def fresh(
        cls,
        places: np.ndarray,
        n_seekers: int,
        pairs: FeasiblePairs,
        idx: np.ndarray,
        scale: int = _PRICE_STEP,
    ) -> _Auction:
        """A completed auction from zero prices on the pairs ``idx``. (Starting from earlier prices,
        or moving placed seekers afterwards, leaves priced places empty: that loosens the gap far
        more than it saves.)"""
        auction = cls(places, n_seekers, scale)
        auction.add_edges(pairs, idx)
        auction.run(np.arange(n_seekers))
        return auction

    def add_edges(self, pairs: FeasiblePairs, idx: np.ndarray) -> None:
        """Adds candidate pairs; the edge list stays sorted by seeker (CSR) and free of duplicates."""
        n_roles = len(self.places)
        keys = pairs.seeker_idx[idx].astype(np.int64) * n_roles + pairs.role_idx[idx]
        weights = score_units(pairs.score[idx]) * self.scale
        self.keys, first = np.unique(np.concatenate([self.keys, keys]), return_index=True)
        self.edge_w = np.concatenate([self.edge_w, weights])[first]
        self.source = np.concatenate([self.source, idx])[first]
        self.edge_role = self.keys % n_roles
        self.ptr = np.searchsorted(self.keys // n_roles, np.arange(len(self.slot_of) + 1))

    def run(self, active: np.ndarray) -> None:
        """Bids until every seeker holds a place or prefers none. Rounds with many bidders are
        vectorised; the long tail of single displacements runs one bid at a time, which is far
        cheaper than a vectorised round per displaced seeker."""
        for _ in range(_MAX_ROUNDS):
            active = active[self.ptr[active + 1] > self.ptr[active]]
            if len(active) <= _SEQUENTIAL_BELOW:
                self._run_sequentially(active.tolist())
                return
            active = self._resolve(*self._bid(active))

    def _run_sequentially(self, queue: list[int]) -> None:
        for _ in range(_MAX_ROUNDS * _SEQUENTIAL_BELOW):
            if not queue:
                return
            seeker = queue.pop()
            start, stop = self.ptr[seeker], self.ptr[seeker + 1]
            if start == stop:
                continue
            value = self.edge_w[start:stop] - self.price[self.edge_role[start:stop]]
            best_at = int(np.argmax(value))
            best = int(value[best_at])
            if best < 0:
                continue
            value[best_at] = _NONE
            second = max(int(value.max()), 0) if stop - start > 1 else 0
            escalation = min(max(int(self.losses[seeker]) - _PATIENCE, 0), _MAX_ESCALATION)
            edge = start + best_at
            self.held_w[seeker] = self.edge_w[edge]
            self.held_edge[seeker] = edge
            outbid = self._take_place(
                int(self.edge_role[edge]), seeker, int(self.edge_w[edge]) - second + (1 << escalation)
            )
            if outbid >= 0:
                queue.append(outbid)

    def _take_place(self, role: int, seeker: int, amount: int) -> int:
        """Puts one bid into the role's places (kept sorted by bid, highest first) and returns
        the seeker that fell out, or -1."""
        first, last = int(self.slot_start[role]), int(self.slot_start[role] + self.places[role] - 1)
        bids = self.slot_bid[first : last + 1]
        at = first + int(np.searchsorted(-bids, -amount, side="right"))  # after equal (sitting) bids
        outbid = int(self.slot_seeker[last])
        self.slot_bid[at + 1 : last + 1] = self.slot_bid[at:last].copy()
        self.slot_seeker[at + 1 : last + 1] = self.slot_seeker[at:last].copy()
        self.slot_bid[at], self.slot_seeker[at] = amount, seeker
        moved = self.slot_seeker[at : last + 1]
        self.slot_of[moved[moved >= 0]] = np.arange(at, last + 1)[moved >= 0]
        self.price[role] = self.slot_bid[last]
        if outbid >= 0:
            self.slot_of[outbid] = -1
            self.losses[outbid] += 1
        return outbid

    def _bid(self, active: np.ndarray):
        degree = self.ptr[active + 1] - self.ptr[active]
        seg_start = np.cumsum(degree) - degree
        edges = np.repeat(self.ptr[active] - seg_start, degree) + np.arange(int(degree.sum()))
        value = self.edge_w[edges] - self.price[self.edge_role[edges]]
        best = np.maximum.reduceat(value, seg_start)
        at_best = np.where(value == np.repeat(best, degree), np.arange(len(value)), len(value))
        best_at = np.minimum.reduceat(at_best, seg_start)
        value[best_at] = _NONE
        second = np.maximum.reduceat(value, seg_start)
        bidding = best >= 0  # below 0, staying unassigned is better, and prices only rise
        chosen = edges[best_at[bidding]]
        escalation = np.clip(self.losses[active[bidding]] - _PATIENCE, 0, _MAX_ESCALATION)
        amount = self.edge_w[chosen] - np.maximum(second[bidding], 0) + np.left_shift(1, escalation)
        self.held_w[active[bidding]] = self.edge_w[chosen]
        self.held_edge[active[bidding]] = chosen
        return active[bidding], self.edge_role[chosen], amount

    def _resolve(self, bidders: np.ndarray, roles: np.ndarray, amounts: np.ndarray) -> np.ndarray:
        """Each role keeps its highest bids (sitting holders win ties); returns the outbid seekers."""
        hit = np.flatnonzero(np.bincount(roles, minlength=len(self.places)))  # cheaper than np.unique here
        counts = self.places[hit]
        slots = np.repeat(self.slot_start[hit] - (np.cumsum(counts) - counts), counts) + np.arange(
            counts.sum()
        )
        role = np.concatenate([self.slot_role[slots], roles])
        bid = np.concatenate([self.slot_bid[slots], amounts])
        seeker = np.concatenate([self.slot_seeker[slots], bidders])
        order = np.lexsort((-bid, role))
        role, bid, seeker = role[order], bid[order], seeker[order]
        rank = np.arange(len(role)) - np.searchsorted(role, role)
        kept = rank < self.places[role]
        target = self.slot_start[role[kept]] + rank[kept]
        self.slot_bid[target], self.slot_seeker[target] = bid[kept], seeker[kept]
        holders = seeker[kept] >= 0
        self.slot_of[seeker[kept][holders]] = target[holders]
        self.price[hit] = self.slot_bid[self.slot_start[hit] + counts - 1]
        outbid = seeker[~kept]
        outbid = outbid[outbid >= 0]
        self.slot_of[outbid] = -1
        self.losses[outbid] += 1
        return outbid

    def prices(self) -> np.ndarray:
        return self.price.copy()

    def seeker_values(self) -> np.ndarray:
        """u[s] = max(0, best w - price over the candidate pairs of s)."""
        value = self.edge_w - self.price[self.edge_role]
        u = np.zeros(len(self.slot_of), dtype=np.int64)
        has = np.flatnonzero(self.ptr[1:] > self.ptr[:-1])
        if has.size:
            u[has] = np.maximum(np.maximum.reduceat(value, self.ptr[has]), 0)
        return u

    def assignment(self) -> np.ndarray:
        """Indices (into the FeasiblePairs) of the pairs the seekers hold."""
        return self.source[self.held_edge[self.slot_of >= 0]]

    def primal(self) -> int:
        """Total weight of the current assignment."""
        return int(self.held_w[self.slot_of >= 0].sum())
