"""The edge between the database and the pure matching engine: querysets in, engine arrays out.

Each builder reads only the columns the engine needs, with ``values_list`` and in bulk, so the
number of queries does not grow with the number of job seekers or roles. What is not read cannot
leak into a score: no name, contact detail, date of birth or draaglast (``SeekerBurden``) column
is ever selected here, and the engine has no field for them either.

Roles done at the requester's address (buurtdiensten) are placed at the role's own coordinates:
the role services set those to the centre of the request's postcode area.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

import numpy as np
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from marketplace import geo
from marketplace.choices import RoleStatus, SeekerStatus
from marketplace.matching import RoleSet, RungOverrides, SeekerSet, SkillIndex, Weights
from marketplace.models import Application, LadderOverride, Municipality, RoleSkill, SeekerSkill, Skill
from marketplace.workflows.applications import SEATED_STATUSES

logger = logging.getLogger(__name__)

SEEKER_COLUMNS = (
    "id", "latitude", "longitude", "max_travel_km", "hours_min", "hours_max", "weekdays", "language_level",
    "physical_limits", "support_needs", "rung", "status", "card_visible",
)
ROLE_COLUMNS = (
    "id", "latitude", "longitude", "hours_min", "hours_max", "weekdays", "language_level_required",
    "physical_demands", "support_offered", "target_rung", "places", "status", "places_taken",
)


def skill_index() -> SkillIndex:
    """Every skill of the taxonomy with its category: one query."""
    return SkillIndex(dict(Skill.objects.order_by().values_list("id", "category_id")))


def seeker_set(seekers, skills: SkillIndex, *, homes_by_area: bool = False) -> SeekerSet:
    """The engine's columns for a JobSeeker queryset, in three queries whatever its size.

    With ``homes_by_area`` every home is moved to the centre of its grid square (``geo.area_centres``)
    before the engine sees it: for lists an employer reads, so that nothing in them (who appears,
    the distance, the score, the order) depends on more than the square someone lives in.
    """
    rows = list(seekers.order_by("id").values_list(*SEEKER_COLUMNS))
    ids = np.array([row[0] for row in rows], dtype=np.int64)
    column = dict(zip(SEEKER_COLUMNS, zip(*rows, strict=True), strict=True)) if rows else {}

    def numbers(name: str, dtype, missing=0) -> np.ndarray:
        return np.array([missing if v is None else v for v in column.get(name, ())], dtype=dtype)

    held = list(SeekerSkill.objects.filter(seeker__in=seekers.values("pk")).values_list("seeker_id", "skill_id",
                                                                                         "level"))
    interests = list(seekers.order_by().filter(interests__isnull=False).values_list("id", "interests"))
    lat, lon = numbers("latitude", np.float64, np.nan), numbers("longitude", np.float64, np.nan)
    if homes_by_area:
        lat, lon = geo.area_centres(lat, lon)
    return SeekerSet(
        ids=ids,
        lat=lat,
        lon=lon,
        max_km=numbers("max_travel_km", np.float32),
        hours_min=numbers("hours_min", np.float32),
        hours_max=numbers("hours_max", np.float32),
        weekdays=numbers("weekdays", np.uint8),
        language=numbers("language_level", np.int8),
        physical_limits=numbers("physical_limits", np.uint8),
        support_needs=numbers("support_needs", np.uint8),
        rung=numbers("rung", np.int8),
        active=np.array([status == SeekerStatus.ACTIVE for status in column.get("status", ())], dtype=bool),
        card_consent=np.array(column.get("card_visible", ()), dtype=bool),
        interests=_interest_masks(ids, interests, skills),
        skill_levels=_skill_matrix(ids, held, skills),
    )


def role_set(roles, skills: SkillIndex) -> RoleSet | None:
    """The engine's columns for a Role queryset, in two queries whatever its size; None when it is empty
    (the engine cannot hold a set of no roles).

    Places left are the role's places minus the applications in trial or placed.
    """
    seated = (
        Application.objects.filter(role=OuterRef("pk"), status__in=SEATED_STATUSES)
        .order_by().values("role").annotate(n=Count("pk")).values("n")
    )
    rows = list(
        roles.order_by("id")
        .annotate(places_taken=Coalesce(Subquery(seated, output_field=IntegerField()), Value(0)))
        .values_list(*ROLE_COLUMNS)
    )
    if not rows:
        return None
    column = dict(zip(ROLE_COLUMNS, zip(*rows, strict=True), strict=True))
    ids = np.array(column["id"], dtype=np.int64)
    requirements = list(
        RoleSkill.objects.filter(role__in=roles.values("pk")).order_by("role_id", "skill_id")
        .values_list("role_id", "skill_id", "level", "required")
    )
    required, nice, categories = _role_skills(ids, requirements, skills)

    def numbers(name: str, dtype, missing=0) -> np.ndarray:
        return np.array([missing if v is None else v for v in column[name]], dtype=dtype)

    return RoleSet(
        ids=ids,
        lat=numbers("latitude", np.float64, np.nan),
        lon=numbers("longitude", np.float64, np.nan),
        hours_min=numbers("hours_min", np.float32),
        hours_max=numbers("hours_max", np.float32),
        weekdays=numbers("weekdays", np.uint8),
        language_required=numbers("language_level_required", np.int8),
        physical_demands=numbers("physical_demands", np.uint8),
        support_offered=numbers("support_offered", np.uint8),
        target_rung=numbers("target_rung", np.int8),
        places_left=np.maximum(numbers("places", np.int64) - numbers("places_taken", np.int64), 0).astype(np.int16),
        published=np.array([status == RoleStatus.PUBLISHED for status in column["status"]], dtype=bool),
        categories=categories,
        required_skill=required[0],
        required_level=required[1],
        nice_skill=nice[0],
        nice_level=nice[1],
    )


def rung_overrides(*, seekers=None, roles=None) -> RungOverrides:
    """The (seeker, role) pairs a caseworker allowed across a ladder gap, limited to the given querysets."""
    overrides = LadderOverride.objects.order_by()
    if seekers is not None:
        overrides = overrides.filter(seeker__in=seekers.values("pk"))
    if roles is not None:
        overrides = overrides.filter(role__in=roles.values("pk"))
    return RungOverrides(overrides.values_list("seeker_id", "role_id"))


def municipality_weights(municipality_id: int) -> Weights:
    """The municipality's weights, or the defaults when its configuration is broken.

    Pages and lists must keep working with a typo in the configuration; the error is logged, and
    a matching round (which stores scores) refuses to run instead: see ``weights_or_error``.
    """
    try:
        return weights_or_error(municipality_id)
    except ValueError:
        logger.exception("Invalid matching weights for municipality %s; using the defaults", municipality_id)
        return Weights()


def weights_or_error(municipality_id: int) -> Weights:
    """The municipality's weights; ``ValueError`` naming the problem when the configuration is invalid."""
    overrides = Municipality.objects.filter(pk=municipality_id).values_list("matching_weights", flat=True).first()
    if overrides is not None and not isinstance(overrides, dict):
        raise ValueError(f"matching weights must be an object, got {type(overrides).__name__}")
    return Weights.from_overrides(overrides)


# --- helpers --------------------------------------------------------------------------------------


def _columns_of(ids: np.ndarray, owner_ids: Iterable[int]) -> tuple[np.ndarray, np.ndarray]:
    """Column positions of ``owner_ids`` in the sorted ``ids``, and which of them were found."""
    owners = np.fromiter(owner_ids, dtype=np.int64)
    if len(ids) == 0:
        return np.zeros(len(owners), dtype=np.intp), np.zeros(len(owners), dtype=bool)
    at = np.minimum(np.searchsorted(ids, owners), len(ids) - 1)
    return at, ids[at] == owners


def _skill_positions(skills: SkillIndex, skill_ids: Iterable[int]) -> tuple[np.ndarray, np.ndarray]:
    """Positions of ``skill_ids`` in the index, and which of them it knows (a skill added meanwhile is not)."""
    return _columns_of(np.asarray(skills.skill_ids, dtype=np.int64), skill_ids)


def _skill_matrix(ids: np.ndarray, held: list[tuple[int, int, int]], skills: SkillIndex) -> np.ndarray:
    levels = np.zeros((skills.n_skills, len(ids)), dtype=np.uint8)
    if not held:
        return levels
    seeker_ids, skill_ids, values = zip(*held, strict=True)
    col, col_ok = _columns_of(ids, seeker_ids)
    pos, pos_ok = _skill_positions(skills, skill_ids)
    ok = col_ok & pos_ok
    levels[pos[ok], col[ok]] = np.asarray(values, dtype=np.uint8)[ok]
    return levels


def _interest_masks(ids: np.ndarray, interests: list[tuple[int, int]], skills: SkillIndex) -> np.ndarray:
    masks = np.zeros(len(ids), dtype=np.uint64)
    if not interests:
        return masks
    seeker_ids, category_ids = zip(*interests, strict=True)
    bit_of = {category: skills.interest_mask([category]) for category in set(category_ids)}
    bits = np.array([bit_of[category] for category in category_ids], dtype=np.uint64)
    col, found = _columns_of(ids, seeker_ids)
    np.bitwise_or.at(masks, col[found], bits[found])
    return masks


def _role_skills(ids: np.ndarray, requirements: list[tuple[int, int, int, bool]], skills: SkillIndex):
    """Padded (positions, levels) matrices of required and nice-to-have skills, and category bits per role."""
    lists: dict[bool, list[list[tuple[int, int]]]] = {True: [[] for _ in ids], False: [[] for _ in ids]}
    categories = np.zeros(len(ids), dtype=np.uint64)
    category_bits = np.array([skills.categories_mask([skill_id]) for skill_id in skills.skill_ids], dtype=np.uint64)
    if requirements:
        role_ids, skill_ids, levels, required = zip(*requirements, strict=True)
        row, row_ok = _columns_of(ids, role_ids)
        pos, pos_ok = _skill_positions(skills, skill_ids)
        for r, p, level, is_required, ok in zip(row, pos, levels, required, row_ok & pos_ok, strict=True):
            if ok:
                lists[bool(is_required)][r].append((int(p), int(level)))
                categories[r] |= category_bits[p]
    return _padded(lists[True]), _padded(lists[False]), categories


def _padded(per_role: list[list[tuple[int, int]]]) -> tuple[np.ndarray, np.ndarray]:
    width = max((len(items) for items in per_role), default=0)
    positions = np.zeros((len(per_role), width), dtype=np.int32)
    levels = np.zeros((len(per_role), width), dtype=np.uint8)
    for row, items in enumerate(per_role):
        for col, (position, level) in enumerate(items):
            positions[row, col], levels[row, col] = position, level
    return positions, levels
