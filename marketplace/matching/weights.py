"""The one place where the matching engine's tunable numbers live.

The soft score of a feasible seeker–role pair is

    score = 100 * sum(weight[c] * component[c]) / sum(weight)

over the components below, each a number in [0, 1]. Because the weights are normalised, only
their ratios matter: a municipality may write ``{"distance": 30}`` to make travel distance count
twice as much as the default without touching the others.

Components (see ``engine`` for the exact formulas):

``required_skills``
    Coverage of the role's required skills with levels: a skill held at or above the required
    level counts 1, one level below counts 0.5, otherwise 0; divided by the number of required
    skills. A role without required skills scores 1.
``nice_skills``
    The same coverage over the role's nice-to-have skills; a role without them scores 1.
``hours``
    The share of the role's maximum hours the seeker can offer: min(seeker max, role max) / role max.
``weekdays``
    The share of the role's weekdays on which the seeker is available.
``distance``
    1 at the role's door, falling linearly to 0 at the seeker's travel radius.
``interests``
    1 when one of the categories of the role's skills is among the seeker's interests, else 0.
``ladder``
    The step on the participation ladder, scored by ``LADDER_STEP_SCORES``: the next rung is
    the step we want to propose (doorlopende lijn), the same rung keeps someone going, a lower
    rung is a step back, and a jump further up only happens with a caseworker's override.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace

import numpy as np

COMPONENTS = ("required_skills", "nice_skills", "hours", "weekdays", "distance", "interests", "ladder")

#: Ladder component by step from the seeker's rung to the role's target rung.
LADDER_NEXT_RUNG = 1.0  # target == rung + 1
LADDER_SAME_RUNG = 0.7  # target == rung
LADDER_LOWER_RUNG = 0.3  # target < rung
LADDER_OVERRIDE_JUMP = 0.5  # target > rung + 1, only feasible with a caseworker's override
LADDER_STEP_SCORES = {
    "next": LADDER_NEXT_RUNG,
    "same": LADDER_SAME_RUNG,
    "lower": LADDER_LOWER_RUNG,
    "override": LADDER_OVERRIDE_JUMP,
}


@dataclass(frozen=True, slots=True)
class Weights:
    """Relative weights of the score components; any non-negative numbers with a positive sum."""

    required_skills: float = 35.0
    nice_skills: float = 5.0
    hours: float = 10.0
    weekdays: float = 10.0
    distance: float = 15.0
    interests: float = 10.0
    ladder: float = 15.0

    def __post_init__(self) -> None:
        for name in COMPONENTS:
            _check_weight(name, getattr(self, name))
        if sum(getattr(self, name) for name in COMPONENTS) <= 0:
            raise ValueError("at least one matching weight must be positive")

    @classmethod
    def from_overrides(cls, overrides: Mapping[str, object] | None, base: Weights | None = None) -> Weights:
        """The ``base`` weights (default: ``DEFAULT_WEIGHTS``) with a municipality's overrides applied.

        ``overrides`` is typically a JSON object stored per municipality. Unknown component names,
        non-numbers, negatives, NaN/infinity and an all-zero result raise ``ValueError`` so that a
        typo in the configuration fails loudly instead of silently changing rankings.
        """
        base = DEFAULT_WEIGHTS if base is None else base
        if not overrides:
            return base
        unknown = sorted(set(overrides) - set(COMPONENTS))
        if unknown:
            raise ValueError(f"unknown matching weight(s): {', '.join(map(str, unknown))}")
        values = {name: _check_weight(name, value) for name, value in overrides.items()}
        return replace(base, **values)

    def as_dict(self) -> dict[str, float]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def normalised(self) -> np.ndarray:
        """The weights in ``COMPONENTS`` order as float64, summing to 1."""
        raw = np.array([getattr(self, name) for name in COMPONENTS], dtype=np.float64)
        return raw / raw.sum()


def _check_weight(name: str, value: object) -> float:
    # bool is an int subclass; True as a weight is almost certainly a configuration mistake.
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"matching weight {name!r} must be a number, got {value!r}")
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"matching weight {name!r} must be a finite number >= 0, got {value!r}")
    return float(value)


DEFAULT_WEIGHTS = Weights()
