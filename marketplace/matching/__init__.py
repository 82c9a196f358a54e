"""The pure matching engine (DESIGN.md §5): no Django, only NumPy/SciPy and ``marketplace.constants``.

A database adapter builds ``SeekerProfile`` / ``RoleProfile`` lists (or the arrays directly),
turns them into a ``SeekerSet`` / ``RoleSet`` with a shared ``SkillIndex``, and calls the queries
below; a service persists what it needs from the returned ``Match`` / ``RoundResult`` objects.
"""

from .allocation import RoundResult, greedy_round, optimal_round
from .data import (
    FeasiblePairs,
    RoleProfile,
    RoleSet,
    RungOverrides,
    SeekerProfile,
    SeekerSet,
    SkillIndex,
)
from .engine import (
    SCORE_SCALE,
    Match,
    WhyNot,
    feasible_pairs,
    seeker_blockers,
    top_roles_for_seeker,
    top_seekers_for_role,
    why_not,
)
from .reasons import EXCLUSION_CODES, MATCH_CODES, Reason
from .weights import COMPONENTS, DEFAULT_WEIGHTS, Weights

__all__ = [
    "COMPONENTS",
    "DEFAULT_WEIGHTS",
    "EXCLUSION_CODES",
    "MATCH_CODES",
    "SCORE_SCALE",
    "FeasiblePairs",
    "Match",
    "Reason",
    "RoleProfile",
    "RoleSet",
    "RoundResult",
    "RungOverrides",
    "SeekerProfile",
    "SeekerSet",
    "SkillIndex",
    "Weights",
    "WhyNot",
    "feasible_pairs",
    "greedy_round",
    "optimal_round",
    "seeker_blockers",
    "top_roles_for_seeker",
    "top_seekers_for_role",
    "why_not",
]
