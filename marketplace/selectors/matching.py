"""Matching reads for pages and the API: top roles for a job seeker, top candidates for a role, and why not.

Each function builds the engine's arrays for just the people and roles it needs (see
``matching_data``), asks the pure engine, and hands back results with reasons as
``{"code", "text"}`` dictionaries in the active language (Dutch by default).

Scoping: a job seeker is only matched with published roles of their own municipality. Employers
get anonymous candidate cards, only of job seekers who agreed to such a card, with an opaque
signed reference instead of an id; caseworkers of the role's municipality also get the seeker.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypedDict

from django.conf import settings
from django.core import signing
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from marketplace import matching as engine
from marketplace.access import Actor
from marketplace.application_workflow import CASEWORKER
from marketplace.choices import RungChoice
from marketplace.constants import LanguageLevel
from marketplace.exceptions import NotYourOrganisation
from marketplace.matching.reasons import reason as engine_reason
from marketplace.models import JobSeeker, Role, SeekerSkill
from marketplace.selectors.applications import actor_kinds_for_role, seeker_invitable
from marketplace.selectors.matching_data import (
    municipality_weights,
    role_set,
    rung_overrides,
    seeker_set,
    skill_index,
)

CANDIDATE_REF_SALT = "marketplace.matching.candidate"
DISTANCE_BANDS_KM = ((5, "0–5 km"), (10, "5–10 km"), (20, "10–20 km"))
DISTANCE_BAND_FAR = "20+ km"


class Reason(TypedDict):
    code: str
    text: str


@dataclass(frozen=True)
class RoleMatch:
    role: Role
    score: float
    reasons: list[Reason] = field(default_factory=list)
    distance_km: float | None = None


@dataclass(frozen=True)
class CandidateMatch:
    """One candidate for a role. ``card`` holds no name, contact detail, address or draaglast field."""

    candidate_ref: str
    card: dict
    score: float
    reasons: list[Reason] = field(default_factory=list)
    seeker: JobSeeker | None = None


def as_reasons(reasons) -> list[Reason]:
    """Engine reasons as ``{"code", "text"}`` in the active language."""
    language = get_language() or settings.LANGUAGE_CODE
    return [{"code": item.code, "text": item.text(language)} for item in reasons]


def _one_seeker(seeker: JobSeeker):
    return JobSeeker.objects.filter(pk=seeker.pk)


def roles_for_seeker(*, seeker: JobSeeker, k: int = 20) -> list[RoleMatch]:
    """The k best published roles of the seeker's municipality for ``seeker``, best first.

    Empty when the seeker cannot be matched at all; ``seeker_match_problems`` says why.
    """
    if k < 1:
        return []
    skills = skill_index()
    seekers_qs = _one_seeker(seeker)
    roles_qs = Role.objects.published().for_municipality(seeker.municipality_id)
    seekers, roles = seeker_set(seekers_qs, skills), role_set(roles_qs, skills)
    if not len(seekers) or roles is None:
        return []
    matches = engine.top_roles_for_seeker(
        seekers, roles, seeker.pk, k, municipality_weights(seeker.municipality_id),
        overrides=rung_overrides(seekers=seekers_qs, roles=roles_qs),
    )
    found = Role.objects.select_related("organisation", "municipality").in_bulk([m.role_id for m in matches])
    return [
        RoleMatch(role=found[m.role_id], score=m.score, reasons=as_reasons(m.reasons), distance_km=_distance(m))
        for m in matches
        if m.role_id in found
    ]


def seeker_match_problems(*, seeker: JobSeeker) -> list[Reason]:
    """What in the seeker's profile stops or weakens matching: not active, no home location, no hours, no skills."""
    seekers = seeker_set(_one_seeker(seeker), skill_index())
    if not len(seekers):
        return []
    problems = list(engine.seeker_blockers(seekers, seeker.pk))
    if not seekers.skill_levels[:, 0].any():
        problems.append(engine_reason("no_skills"))
    return as_reasons(problems)


def candidates_for_role(*, role: Role, actor: Actor, k: int = 20) -> list[CandidateMatch]:
    """The k best job seekers for ``role``, best first.

    A caseworker of the role's municipality gets every active seeker there, with ``seeker`` set;
    a member of the role's organisation gets anonymous cards of seekers who agreed to one.
    Anyone else gets ``NotYourOrganisation`` (reported as not found).
    """
    kinds = actor_kinds_for_role(actor=actor, role=role)
    if not kinds:
        raise NotYourOrganisation()
    as_caseworker = CASEWORKER in kinds
    if k < 1:
        return []
    skills = skill_index()
    seekers_qs = JobSeeker.objects.for_municipality(role.municipality_id).active()
    if not as_caseworker:
        seekers_qs = seekers_qs.with_card_consent()
    roles_qs = Role.objects.filter(pk=role.pk)
    seekers, roles = seeker_set(seekers_qs, skills), role_set(roles_qs, skills)
    if roles is None:
        return []
    matches = engine.top_seekers_for_role(
        seekers, roles, role.pk, k, municipality_weights(role.municipality_id),
        require_card_consent=not as_caseworker, overrides=rung_overrides(seekers=seekers_qs, roles=roles_qs),
    )
    seeker_ids = [m.seeker_id for m in matches]
    skills_held = _skills_of(seeker_ids)
    people = JobSeeker.objects.in_bulk(seeker_ids) if as_caseworker else {}
    return [
        CandidateMatch(
            candidate_ref=str(m.seeker_id) if as_caseworker else _signed_ref(m.seeker_id, role.pk),
            card=_card(seekers, m, skills_held.get(m.seeker_id, [])),
            score=m.score,
            reasons=as_reasons(m.reasons),
            seeker=people.get(m.seeker_id),
        )
        for m in matches
    ]


def why_not(*, seeker: JobSeeker, role: Role) -> list[Reason]:
    """Every hard rule that keeps ``seeker`` and ``role`` apart; empty when they can be matched."""
    if role.municipality_id != seeker.municipality_id:
        return [{"code": "other_municipality", "text": _("this work is in another municipality")}]
    skills = skill_index()
    seekers_qs, roles_qs = _one_seeker(seeker), Role.objects.filter(pk=role.pk)
    seekers, roles = seeker_set(seekers_qs, skills), role_set(roles_qs, skills)
    if not len(seekers) or roles is None:
        return []
    result = engine.why_not(
        seekers, roles, seeker.pk, role.pk, municipality_weights(role.municipality_id),
        overrides=rung_overrides(seekers=seekers_qs, roles=roles_qs),
    )
    return as_reasons(result.exclusions)


def seeker_for_candidate_ref(*, actor: Actor, role: Role, candidate_ref: str) -> JobSeeker | None:
    """The job seeker behind a ``candidate_ref`` from ``candidates_for_role``, if ``actor`` may invite them.

    Employers' references are signed for one role and are refused for any other; caseworkers may
    also use a plain job seeker id.
    """
    kinds = actor_kinds_for_role(actor=actor, role=role)
    seeker_id = _unsigned_ref(str(candidate_ref or ""), role.pk)
    if seeker_id is None and CASEWORKER in kinds and str(candidate_ref or "").isdigit():
        seeker_id = int(candidate_ref)
    if seeker_id is None or not kinds:
        return None
    return seeker_invitable(actor=actor, role=role, seeker_id=seeker_id)


# --- cards and references ----------------------------------------------------------------------------


def _signed_ref(seeker_id: int, role_id: int) -> str:
    return signing.Signer(salt=CANDIDATE_REF_SALT).sign_object({"s": seeker_id, "r": role_id})


def _unsigned_ref(candidate_ref: str, role_id: int) -> int | None:
    try:
        payload = signing.Signer(salt=CANDIDATE_REF_SALT).unsign_object(candidate_ref)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(payload, dict) or payload.get("r") != role_id or not isinstance(payload.get("s"), int):
        return None
    return payload["s"]


def _distance(match) -> float | None:
    for item in match.reasons:
        if item.code == "distance":
            return float(item.params["km"])
    return None


def distance_band(km: float | None) -> str | None:
    """A distance as a band: precise enough to judge the travel, too coarse to locate anyone."""
    if km is None:
        return None
    return next((band for limit, band in DISTANCE_BANDS_KM if km < limit), DISTANCE_BAND_FAR)


def _skills_of(seeker_ids: list[int]) -> dict[int, list[dict]]:
    held: dict[int, list[dict]] = {}
    rows = (SeekerSkill.objects.filter(seeker_id__in=seeker_ids).select_related("skill")
            .order_by("-level", "skill__name_nl", "skill_id"))
    for row in rows:
        held.setdefault(row.seeker_id, []).append({"name": row.skill.name, "level": str(row.get_level_display())})
    return held


def _card(seekers, match, skills: list[dict]) -> dict:
    s = seekers.lookup.position(match.seeker_id)
    return {
        "skills": skills,
        "hours_min": int(seekers.hours_min[s]),
        "hours_max": int(seekers.hours_max[s]),
        "distance_band": distance_band(_distance(match)),
        "language_level": LanguageLevel(int(seekers.language[s])).name,
        "rung": str(RungChoice(int(seekers.rung[s])).label),
    }
