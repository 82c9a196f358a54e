"""The search shared by carving and bundling: fill roles as fully as the constraints allow.

Tasks are items with hours; a role is a set of pairwise compatible items whose hours stay
within ``[minimum, maximum]``. Which pairs are compatible (time, place, travel) is decided by
the caller. The heuristic repeatedly takes the fullest role that the remaining tasks allow
(a depth-first branch and bound over subsets, largest tasks first) and stops when the fullest
role left is below the minimum. Every role it returns meets all constraints exactly; the
total is not guaranteed to be the global optimum, but the fullest-first rule carves as many
hours as possible into each role, and the fixed order makes the result deterministic.
"""

import math
from collections.abc import Callable, Sequence
from decimal import Decimal

# Enough for analyses of several dozen tasks; beyond it, the best role found so far is used.
SEARCH_BUDGET = 50_000


def _as_units(hours: Sequence[Decimal], cap: Decimal) -> tuple[list[int], int]:
    """Hours as whole units (integers are much faster to add than decimals) and the reachable cap.

    With every task a multiple of the same unit (say whole hours), no role can be fuller than
    the cap rounded down to that unit, so the search may stop as soon as it reaches it.
    """
    places = max([0] + [-value.as_tuple().exponent for value in [*hours, cap]])
    scale = 10 ** places
    units = [int(value * scale) for value in hours]
    step = math.gcd(*units) or 1
    return units, int(cap * scale) // step * step


def fullest_subset(
    order: Sequence[int],
    hours: Sequence[Decimal],
    compatible: Callable[[int, int], bool],
    cap: Decimal,
    accept: Callable[[list[int]], bool] | None = None,
    budget: int = SEARCH_BUDGET,
) -> tuple[tuple[int, ...], Decimal]:
    """The pairwise compatible subset of ``order`` with the most hours up to ``cap``.

    ``accept`` can demand more of a subset (for bundles: at least two organisations). Among
    equally full subsets the first in ``order`` wins. Returns ``((), 0)`` when none qualifies.
    """
    units, reachable = _as_units([hours[item] for item in order], cap)
    size = len(order)
    # fits[p]: bit q is set when the tasks at positions p and q may share a role.
    fits = [sum(1 << q for q in range(size) if q != p and compatible(order[p], order[q])) for p in range(size)]
    best: list = [(), 0]
    nodes = 0
    chosen: list[int] = []

    def visit(start: int, total: int, allowed: int) -> bool:
        """Explore subsets extending ``chosen``; True means stop the whole search."""
        nonlocal nodes
        nodes += 1
        if total > best[1] and (accept is None or accept([order[p] for p in chosen])):
            best[:] = [tuple(order[p] for p in chosen), total]
        if best[1] == reachable or nodes > budget:
            return True
        open_positions = [p for p in range(start, size) if allowed >> p & 1 and total + units[p] <= reachable]
        left = sum(units[p] for p in open_positions)
        for position in open_positions:
            if min(reachable, total + left) <= best[1]:
                return False
            left -= units[position]
            chosen.append(position)
            stop = visit(position + 1, total + units[position], allowed & fits[position])
            chosen.pop()
            if stop:
                return True
        return False

    visit(0, 0, (1 << size) - 1)
    return best[0], sum((hours[item] for item in best[0]), Decimal(0))


def pack(
    items: Sequence[int],
    hours: Sequence[Decimal],
    compatible: Callable[[int, int], bool],
    minimum: Decimal,
    maximum: Decimal,
    accept: Callable[[list[int]], bool] | None = None,
) -> list[tuple[int, ...]]:
    """Disjoint groups of ``items``, each within ``[minimum, maximum]`` hours, fullest first.

    ``items`` are indices into ``hours``; larger items are tried first, ties by lower index.
    """
    remaining = sorted(items, key=lambda item: (-hours[item], item))
    groups = []
    while remaining:
        group, total = fullest_subset(remaining, hours, compatible, maximum, accept)
        if not group or total < minimum:
            break
        groups.append(tuple(sorted(group)))
        taken = set(group)
        remaining = [item for item in remaining if item not in taken]
    return groups
