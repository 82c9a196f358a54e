"""Input of the matching engine: small profile dataclasses and the column arrays built from them.

The database adapter (or a test) describes each job seeker and role as a ``SeekerProfile`` /
``RoleProfile`` and turns lists of them into a ``SeekerSet`` / ``RoleSet``: one NumPy array per
attribute, so that "one role against every seeker" is a handful of vectorised operations.

Skills are referenced by their database id and mapped to dense positions by a shared
``SkillIndex``. Seekers hold a skill-major level matrix ``skill_levels[skill, seeker]`` (uint8,
0 = not held): a role needs only a few skills, so scoring one role reads a few contiguous rows
instead of popcounting bitsets over the whole taxonomy. Roles list their required and
nice-to-have skills as padded (position, level) matrices, level 0 marking padding.

Protected attributes (nationality, origin, gender, age, religion, ...) have no field anywhere in
this module, so they cannot reach a score; ``from_mapping`` drops every key it does not know.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields

import numpy as np

from marketplace.constants import RUNG_MAX, RUNG_MIN, LanguageLevel, SkillLevel, Support
from marketplace.geo import EARTH_RADIUS_KM

_FLAG_MASK = 0x7F  # Weekday, Support and Physical each use seven bits
_LANGUAGE_MAX = int(max(LanguageLevel))
_SKILL_LEVEL_MAX = int(max(SkillLevel))

# Bit layout of the packed constraint signature (see ``SeekerSet.signature``).
_SIG_PHYSICAL = 0
_SIG_SUPPORT = 7
_SIG_LANGUAGE = 14  # bit 14 + k - 1 set on a seeker whose language level is below k (k = 1..6)
_SIG_RUNG = 20  # bit 20 + k - 1 set on a seeker whose rung is below k (k = 1..5)
SIG_RUNG_BITS = np.uint32(((1 << (RUNG_MAX - 1)) - 1) << _SIG_RUNG)


class SkillIndex:
    """Dense positions for skill ids and interest bits for skill-category ids.

    ``skill_categories`` maps every skill id the engine may see to its category id (or None).
    Positions follow ascending skill id; category bits follow ascending category id, at most 64
    categories because interests and role categories are one ``uint64`` each.
    """

    def __init__(self, skill_categories: Mapping[int, int | None]):
        self.skill_ids = tuple(sorted(int(s) for s in skill_categories))
        self._position = {skill_id: pos for pos, skill_id in enumerate(self.skill_ids)}
        category_ids = sorted({int(c) for c in skill_categories.values() if c is not None})
        if len(category_ids) > 64:
            raise ValueError(f"at most 64 skill categories are supported, got {len(category_ids)}")
        self.category_ids = tuple(category_ids)
        self._category_bit = {cat: bit for bit, cat in enumerate(category_ids)}
        self._skill_category = {int(s): (None if c is None else int(c)) for s, c in skill_categories.items()}

    @property
    def n_skills(self) -> int:
        return len(self.skill_ids)

    def position(self, skill_id: int) -> int:
        try:
            return self._position[int(skill_id)]
        except KeyError:
            raise ValueError(f"skill id {skill_id} is not in the skill index") from None

    def category_of(self, skill_id: int) -> int | None:
        self.position(skill_id)  # raises for unknown skills
        return self._skill_category[int(skill_id)]

    def interest_mask(self, category_ids: Iterable[int]) -> int:
        """Interest bits of ``category_ids``; categories without any skill cannot match, so are dropped."""
        mask = 0
        for cat in category_ids:
            bit = self._category_bit.get(int(cat))
            if bit is not None:
                mask |= 1 << bit
        return mask

    def categories_mask(self, skill_ids: Iterable[int]) -> int:
        """Category bits of the given skills (the role's "categories")."""
        return self.interest_mask(c for c in (self.category_of(s) for s in skill_ids) if c is not None)


@dataclass(frozen=True, slots=True)
class SeekerProfile:
    """What the engine knows of one job seeker. Unknown location: lat/lon None; unknown hours: 0/0.

    ``physical_limits`` are the Physical demands the seeker cannot meet, ``support_needs`` the
    Support they need, ``interests`` skill-category ids, ``skills`` skill id -> SkillLevel.
    """

    id: int
    lat: float | None = None
    lon: float | None = None
    max_km: float = 0.0
    hours_min: float = 0.0
    hours_max: float = 0.0
    weekdays: int = 0
    language: int = 0
    physical_limits: int = 0
    support_needs: int = 0
    rung: int = RUNG_MIN
    active: bool = True
    card_consent: bool = False
    interests: frozenset[int] = frozenset()
    skills: Mapping[int, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "interests", frozenset(int(c) for c in self.interests))
        object.__setattr__(self, "skills", _checked_skills(self.skills, f"seeker {self.id}"))
        _check_range(f"seeker {self.id} language", self.language, 0, _LANGUAGE_MAX)
        _check_range(f"seeker {self.id} rung", self.rung, RUNG_MIN, RUNG_MAX)
        for name in ("weekdays", "physical_limits", "support_needs"):
            _check_range(f"seeker {self.id} {name}", getattr(self, name), 0, _FLAG_MASK)

    @classmethod
    def from_mapping(cls, data: Mapping[str, object]) -> SeekerProfile:
        """A profile from a dict (e.g. a queryset's ``values()``); keys without a field are dropped."""
        return cls(**_known_keys(cls, data))


@dataclass(frozen=True, slots=True)
class RoleProfile:
    """What the engine knows of one role. Location is the workplace (or the requester's address)."""

    id: int
    lat: float | None
    lon: float | None
    hours_min: float
    hours_max: float
    weekdays: int
    target_rung: int
    language_required: int = 0
    physical_demands: int = 0
    support_offered: int = 0
    places_left: int = 1
    published: bool = True
    required_skills: Mapping[int, int] = field(default_factory=dict)
    nice_skills: Mapping[int, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        label = f"role {self.id}"
        object.__setattr__(self, "required_skills", _checked_skills(self.required_skills, label))
        object.__setattr__(self, "nice_skills", _checked_skills(self.nice_skills, label))
        _check_range(f"{label} language_required", self.language_required, 0, _LANGUAGE_MAX)
        _check_range(f"{label} target_rung", self.target_rung, RUNG_MIN, RUNG_MAX)
        _check_range(f"{label} weekdays", self.weekdays, 1, _FLAG_MASK)
        for name in ("physical_demands", "support_offered"):
            _check_range(f"{label} {name}", getattr(self, name), 0, _FLAG_MASK)
        if self.hours_max <= 0 or self.hours_min > self.hours_max:
            raise ValueError(f"{label} needs 0 < hours_max and hours_min <= hours_max")

    @classmethod
    def from_mapping(cls, data: Mapping[str, object]) -> RoleProfile:
        """A profile from a dict; keys without a field are dropped."""
        return cls(**_known_keys(cls, data))


def _known_keys(cls: type, data: Mapping[str, object]) -> dict[str, object]:
    names = {f.name for f in fields(cls)}
    return {key: value for key, value in data.items() if key in names}


def _check_range(label: str, value: int, low: int, high: int) -> None:
    if not low <= int(value) <= high:
        raise ValueError(f"{label} must be in {low}..{high}, got {value}")


def _checked_skills(skills: Mapping[int, int], label: str) -> dict[int, int]:
    checked = {int(s): int(level) for s, level in dict(skills).items()}
    for level in checked.values():
        _check_range(f"{label} skill level", level, 1, _SKILL_LEVEL_MAX)
    return checked


def _float_or_nan(value: float | None) -> float:
    return np.nan if value is None else float(value)


def unit_vectors(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """Points on the unit sphere, shape (3, n); NaN where the location is unknown.

    The engine measures distance through the chord between unit vectors, which gives exactly the
    haversine distance (hav = chord² / 4) without trigonometry per pair.
    """
    phi, lam = np.radians(lat), np.radians(lon)
    return np.stack([np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)])


def _as(values, dtype, n: int, name: str) -> np.ndarray:
    array = np.ascontiguousarray(values, dtype=dtype)
    if array.shape != (n,):
        raise ValueError(f"{name} must have shape ({n},), got {array.shape}")
    return array


def _thermometer(values: np.ndarray, top: int, shift: int) -> np.ndarray:
    """Bit ``shift + k - 1`` set where ``values < k``, for k = 1..top."""
    bits = np.zeros(values.shape, dtype=np.uint32)
    for k in range(1, top + 1):
        bits |= (values < k).astype(np.uint32) << np.uint32(shift + k - 1)
    return bits


class _Lookup:
    """Id -> row position, vectorised through a sorted copy of the ids."""

    def __init__(self, ids: np.ndarray, what: str):
        self._order = np.argsort(ids, kind="stable")
        self._sorted = ids[self._order]
        if np.any(self._sorted[1:] == self._sorted[:-1]):
            raise ValueError(f"{what} ids must be unique")
        self._what = what

    def positions(self, ids) -> np.ndarray:
        ids = np.atleast_1d(np.asarray(ids, dtype=np.int64))
        at = np.searchsorted(self._sorted, ids)
        at = np.minimum(at, len(self._sorted) - 1) if len(self._sorted) else at
        if len(self._sorted) == 0 or np.any(self._sorted[at] != ids):
            missing = ids if len(self._sorted) == 0 else ids[self._sorted[at] != ids]
            raise KeyError(f"unknown {self._what} id(s): {missing[:5].tolist()}")
        return self._order[at]

    def position(self, item_id: int) -> int:
        return int(self.positions([item_id])[0])

    def known_positions(self, ids) -> np.ndarray:
        """Positions of those ``ids`` that are present; unknown ids are skipped."""
        ids = np.atleast_1d(np.asarray(ids, dtype=np.int64))
        if len(self._sorted) == 0 or len(ids) == 0:
            return np.zeros(0, dtype=np.intp)
        at = np.minimum(np.searchsorted(self._sorted, ids), len(self._sorted) - 1)
        return self._order[at[self._sorted[at] == ids]]


@dataclass(eq=False)
class SeekerSet:
    """Job seekers as columns (length S). See the module docstring for ``skill_levels``.

    Derived, read-only attributes: ``unit`` (3, S) positions on the unit sphere, ``chord_limit2``
    (squared chord of the travel radius, a distance prefilter), ``matchable``
    (active with location and hours), ``signature`` (packed physical/support/language/rung bits,
    see ``RoleSet.constraint_mask``), ``n_skills_held``.
    """

    ids: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    max_km: np.ndarray
    hours_min: np.ndarray
    hours_max: np.ndarray
    weekdays: np.ndarray
    language: np.ndarray
    physical_limits: np.ndarray
    support_needs: np.ndarray
    rung: np.ndarray
    active: np.ndarray
    card_consent: np.ndarray
    interests: np.ndarray
    skill_levels: np.ndarray
    skill_levels_flat: np.ndarray = field(init=False, repr=False)
    unit: np.ndarray = field(init=False, repr=False)
    chord_limit2: np.ndarray = field(init=False, repr=False)
    has_location: np.ndarray = field(init=False, repr=False)
    has_hours: np.ndarray = field(init=False, repr=False)
    matchable: np.ndarray = field(init=False, repr=False)
    signature: np.ndarray = field(init=False, repr=False)
    n_skills_held: np.ndarray = field(init=False, repr=False)
    lookup: _Lookup = field(init=False, repr=False)

    def __post_init__(self) -> None:
        n = len(np.asarray(self.ids))
        for name, dtype in _SEEKER_DTYPES.items():
            setattr(self, name, _as(getattr(self, name), dtype, n, name))
        self.skill_levels = np.ascontiguousarray(self.skill_levels, dtype=np.uint8)
        if self.skill_levels.ndim != 2 or self.skill_levels.shape[1] != n:
            raise ValueError(f"skill_levels must have shape (n_skills, {n})")
        self.skill_levels_flat = self.skill_levels.reshape(-1)  # index skill * S + seeker
        self.unit = unit_vectors(self.lat, self.lon)
        # A pair is within max_km exactly when its chord is within 2 sin(max_km / 2R); the small
        # relative margin keeps this a safe prefilter under rounding.
        half_angle = self.max_km.astype(np.float64) / (2.0 * EARTH_RADIUS_KM)
        self.chord_limit2 = (2.0 * np.sin(np.minimum(half_angle, np.pi / 2))) ** 2 * (1 + 1e-9) + 1e-18
        self.has_location = ~(np.isnan(self.lat) | np.isnan(self.lon))
        self.has_hours = self.hours_max > 0
        self.matchable = self.active & self.has_location & self.has_hours
        self.signature = (
            (self.physical_limits.astype(np.uint32) << _SIG_PHYSICAL)
            | (self.support_needs.astype(np.uint32) << _SIG_SUPPORT)
            | _thermometer(self.language, _LANGUAGE_MAX, _SIG_LANGUAGE)
            | _thermometer(self.rung, RUNG_MAX - 1, _SIG_RUNG)
        )
        self.n_skills_held = np.count_nonzero(self.skill_levels, axis=0).astype(np.int16)
        self.lookup = _Lookup(self.ids, "seeker")

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def from_profiles(cls, profiles: Sequence[SeekerProfile], skill_index: SkillIndex) -> SeekerSet:
        levels = np.zeros((skill_index.n_skills, len(profiles)), dtype=np.uint8)
        for col, profile in enumerate(profiles):
            for skill_id, level in profile.skills.items():
                levels[skill_index.position(skill_id), col] = level
        columns = {name: [getattr(p, name) for p in profiles] for name in _SEEKER_DTYPES if name != "ids"}
        columns["ids"] = [p.id for p in profiles]
        columns["lat"] = [_float_or_nan(p.lat) for p in profiles]
        columns["lon"] = [_float_or_nan(p.lon) for p in profiles]
        columns["interests"] = [skill_index.interest_mask(p.interests) for p in profiles]
        return cls(**columns, skill_levels=levels)


_SEEKER_DTYPES = {
    "ids": np.int64,
    "lat": np.float64,
    "lon": np.float64,
    "max_km": np.float32,
    "hours_min": np.float32,
    "hours_max": np.float32,
    "weekdays": np.uint8,
    "language": np.int8,
    "physical_limits": np.uint8,
    "support_needs": np.uint8,
    "rung": np.int8,
    "active": np.bool_,
    "card_consent": np.bool_,
    "interests": np.uint64,
}


@dataclass(eq=False)
class RoleSet:
    """Roles as columns (length R).

    ``required_skill`` / ``nice_skill`` are (R, K) skill positions and ``required_level`` /
    ``nice_level`` the matching (R, K) levels, 0 marking padding. ``categories`` holds the
    interest bits of the categories of the role's skills.

    Derived: ``unit``, ``has_location``, ``language_support`` (Support.LANGUAGE offered),
    ``available`` (published, located, places left), ``n_required``, ``n_nice``, the skill lists
    transposed per list slot (``required_by_slot``, ``nice_by_slot``: (skills, levels), each (K, R)) and
    ``constraint_mask``: a seeker fails the physical, support, language or rung rule exactly
    when ``seeker.signature & role.constraint_mask != 0``.
    """

    ids: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    hours_min: np.ndarray
    hours_max: np.ndarray
    weekdays: np.ndarray
    language_required: np.ndarray
    physical_demands: np.ndarray
    support_offered: np.ndarray
    target_rung: np.ndarray
    places_left: np.ndarray
    published: np.ndarray
    categories: np.ndarray
    required_skill: np.ndarray
    required_level: np.ndarray
    nice_skill: np.ndarray
    nice_level: np.ndarray
    unit: np.ndarray = field(init=False, repr=False)
    has_location: np.ndarray = field(init=False, repr=False)
    language_support: np.ndarray = field(init=False, repr=False)
    available: np.ndarray = field(init=False, repr=False)
    n_required: np.ndarray = field(init=False, repr=False)
    n_nice: np.ndarray = field(init=False, repr=False)
    required_by_slot: tuple[np.ndarray, np.ndarray] = field(init=False, repr=False)
    nice_by_slot: tuple[np.ndarray, np.ndarray] = field(init=False, repr=False)
    constraint_mask: np.ndarray = field(init=False, repr=False)
    lookup: _Lookup = field(init=False, repr=False)

    def __post_init__(self) -> None:
        n = len(np.asarray(self.ids))
        for name, dtype in _ROLE_DTYPES.items():
            setattr(self, name, _as(getattr(self, name), dtype, n, name))
        for name, dtype in (("skill", np.int32), ("level", np.uint8)):
            for kind in ("required", "nice"):
                attr = f"{kind}_{name}"
                array = np.ascontiguousarray(getattr(self, attr), dtype=dtype)
                array = array.reshape(n, array.size // n if n else 0)
                setattr(self, attr, array)
        self.unit = unit_vectors(self.lat, self.lon)
        self.has_location = ~(np.isnan(self.lat) | np.isnan(self.lon))
        self.language_support = (self.support_offered & int(Support.LANGUAGE)) != 0
        self.available = self.published & (self.places_left > 0) & self.has_location
        self.n_required = np.count_nonzero(self.required_level, axis=1).astype(np.int16)
        self.n_nice = np.count_nonzero(self.nice_level, axis=1).astype(np.int16)
        # (K, R) intp copies: the k-th skill of many roles at once is a contiguous one-dimensional take.
        self.required_by_slot = (self.required_skill.T.astype(np.intp), self.required_level.T.astype(np.intp))
        self.nice_by_slot = (self.nice_skill.T.astype(np.intp), self.nice_level.T.astype(np.intp))
        self.constraint_mask = self._constraint_mask()
        self.lookup = _Lookup(self.ids, "role")

    def _constraint_mask(self) -> np.ndarray:
        language = self.language_required.astype(np.int64)
        language_bit = np.where(
            (language >= 1) & ~self.language_support, np.left_shift(1, _SIG_LANGUAGE + language - 1), 0
        )
        target = self.target_rung.astype(np.int64)
        rung_bit = np.where(target >= 2, np.left_shift(1, _SIG_RUNG + target - 2), 0)
        missing_support = (~self.support_offered & _FLAG_MASK).astype(np.int64)
        packed = (self.physical_demands.astype(np.int64) << _SIG_PHYSICAL) | (missing_support << _SIG_SUPPORT)
        return (packed | language_bit | rung_bit).astype(np.uint32)

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def from_profiles(cls, profiles: Sequence[RoleProfile], skill_index: SkillIndex) -> RoleSet:
        derived = ("ids", "categories")
        columns = {name: [getattr(p, name) for p in profiles] for name in _ROLE_DTYPES if name not in derived}
        columns["ids"] = [p.id for p in profiles]
        columns["lat"] = [_float_or_nan(p.lat) for p in profiles]
        columns["lon"] = [_float_or_nan(p.lon) for p in profiles]
        columns["categories"] = [
            skill_index.categories_mask([*p.required_skills, *p.nice_skills]) for p in profiles
        ]
        required = _padded_skills([p.required_skills for p in profiles], skill_index)
        nice = _padded_skills([p.nice_skills for p in profiles], skill_index)
        return cls(
            **columns,
            required_skill=required[0],
            required_level=required[1],
            nice_skill=nice[0],
            nice_level=nice[1],
        )


_ROLE_DTYPES = {
    "ids": np.int64,
    "lat": np.float64,
    "lon": np.float64,
    "hours_min": np.float32,
    "hours_max": np.float32,
    "weekdays": np.uint8,
    "language_required": np.int8,
    "physical_demands": np.uint8,
    "support_offered": np.uint8,
    "target_rung": np.int8,
    "places_left": np.int16,
    "published": np.bool_,
    "categories": np.uint64,
}


def _padded_skills(
    skill_maps: Sequence[Mapping[int, int]], skill_index: SkillIndex
) -> tuple[np.ndarray, np.ndarray]:
    width = max((len(m) for m in skill_maps), default=0)
    positions = np.zeros((len(skill_maps), width), dtype=np.int32)
    levels = np.zeros((len(skill_maps), width), dtype=np.uint8)
    for row, skills in enumerate(skill_maps):
        for col, (skill_id, level) in enumerate(sorted(skills.items())):
            positions[row, col] = skill_index.position(skill_id)
            levels[row, col] = level
    return positions, levels


class RungOverrides:
    """(seeker id, role id) pairs a caseworker allowed despite a ladder gap of more than one rung."""

    def __init__(self, pairs: Iterable[tuple[int, int]] = ()):
        self.pairs = frozenset((int(s), int(r)) for s, r in pairs)
        self._by_role: dict[int, list[int]] = defaultdict(list)
        self._by_seeker: dict[int, list[int]] = defaultdict(list)
        for seeker_id, role_id in sorted(self.pairs):
            self._by_role[role_id].append(seeker_id)
            self._by_seeker[seeker_id].append(role_id)

    @classmethod
    def of(cls, value: RungOverrides | Iterable[tuple[int, int]] | None) -> RungOverrides:
        if isinstance(value, RungOverrides):
            return value
        return cls(value or ())

    def __len__(self) -> int:
        return len(self.pairs)

    def allows(self, seeker_id: int, role_id: int) -> bool:
        return (int(seeker_id), int(role_id)) in self.pairs

    def seekers_for_role(self, role_id: int) -> list[int]:
        return self._by_role.get(int(role_id), [])

    def roles_for_seeker(self, seeker_id: int) -> list[int]:
        return self._by_seeker.get(int(seeker_id), [])


def index_dtype(n: int) -> np.dtype:
    """The smallest unsigned integer type for positions 0..n-1."""
    return np.dtype(np.uint16 if n <= 1 << 16 else np.uint32)


def _positions(values) -> np.ndarray:
    array = np.ascontiguousarray(values)
    if array.dtype.kind not in "iu":
        array = array.astype(np.int64)
    if array.size and array.min() < 0:
        raise ValueError("positions must be >= 0")
    return array


@dataclass(eq=False)
class FeasiblePairs:
    """All feasible pairs of a round as aligned arrays: positions into the SeekerSet and RoleSet
    (not ids) and the float32 score of each pair; each (seeker, role) pair at most once.

    Positions use the smallest unsigned type that holds them (``index_dtype``): a large city has
    tens of millions of feasible pairs, and uint16 positions halve their memory.
    """

    seeker_idx: np.ndarray
    role_idx: np.ndarray
    score: np.ndarray

    def __post_init__(self) -> None:
        self.seeker_idx = _positions(self.seeker_idx)
        self.role_idx = _positions(self.role_idx)
        self.score = np.ascontiguousarray(self.score, dtype=np.float32)
        if not len(self.seeker_idx) == len(self.role_idx) == len(self.score):
            raise ValueError("seeker_idx, role_idx and score must have the same length")

    def __len__(self) -> int:
        return len(self.score)

    @property
    def nbytes(self) -> int:
        return self.seeker_idx.nbytes + self.role_idx.nbytes + self.score.nbytes
