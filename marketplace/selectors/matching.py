"""Matching reads for pages and the API: top roles for a job seeker, top candidates for a role, and why not.

Each function builds the engine's arrays for just the people and roles it needs (see
``matching_data``), asks the pure engine, and hands back results with reasons as
``{"code", "text", "fits"}`` dictionaries in the active language (Dutch by default), worded for the
job seeker ("je") unless they describe a candidate to an employer or caseworker.

Scoping: a job seeker is only matched with published roles of their own municipality. Employers
get anonymous candidate cards (``selectors.candidates``), only of job seekers who agreed to such a
card, with an encrypted reference instead of an id (``marketplace.references``); caseworkers of the
role's municipality also get the seeker.

An employer's list is computed so that it cannot locate or follow anyone: homes are moved to the
centre of their grid square before matching (who appears, the score and the order then depend on
no more than the square), the ladder step is left out of the score, and equal scores come in a
random order on every request. See docs/privacy.md.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field, replace
from typing import TypedDict

import numpy as np
from django.conf import settings
from django.db.models import Prefetch
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from marketplace import matching as engine
from marketplace.access import Actor
from marketplace.exceptions import NotYourOrganisation
from marketplace.matching.reasons import SEEKER
from marketplace.matching.reasons import reason as engine_reason
from marketplace.models import JobSeeker, Role, SeekerSkill
from marketplace.references import candidate_reference_issue, candidate_reference_open
from marketplace.selectors.applications import actor_kinds_for_role, seeker_invitable
from marketplace.selectors.candidates import CandidateCard, candidate_card
from marketplace.selectors.matching_data import (
    municipality_weights,
    role_set,
    rung_overrides,
    seeker_set,
    skill_index,
)
from marketplace.workflows.base import CASEWORKER, EMPLOYER


class Reason(TypedDict):
    code: str
    text: str
    fits: bool


@dataclass(frozen=True)
class RoleMatch:
    role: Role
    score: float
    reasons: list[Reason] = field(default_factory=list)
    distance_km: float | None = None


@dataclass(frozen=True)
class CandidateMatch:
    """One candidate for a role. ``card`` holds no name, contact detail, address, rung or draaglast field."""

    candidate_ref: str
    card: CandidateCard
    score: float
    seeker: JobSeeker | None = None

    @property
    def reasons(self) -> list[Reason]:
        return list(self.card.reasons)


def as_reasons(reasons, audience: str = SEEKER) -> list[Reason]:
    """Engine reasons as ``{"code", "text", "fits"}`` in the active language, worded for ``audience``."""
    language = get_language() or settings.LANGUAGE_CODE
    return [{"code": item.code, "text": item.text(language, audience), "fits": item.fits} for item in reasons]


def _one_seeker(seeker: JobSeeker):
    return JobSeeker.objects.filter(pk=seeker.pk)


def roles_for_seeker(*, seeker: JobSeeker, k: int = 20, audience: str = SEEKER) -> list[RoleMatch]:
    """The k best published roles of the seeker's municipality for ``seeker``, best first.

    Empty when the seeker cannot be matched at all; ``seeker_match_problems`` says why. The reasons
    address the job seeker ("je") unless ``audience`` is ``reasons.EMPLOYER``: staff reading about
    the person as a candidate.
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
        RoleMatch(role=found[m.role_id], score=m.score, reasons=as_reasons(m.reasons, audience),
                  distance_km=_distance(m))
        for m in matches
        if m.role_id in found
    ]


def seeker_match_problems(*, seeker: JobSeeker, audience: str = SEEKER) -> list[Reason]:
    """What in the seeker's profile stops or weakens matching: not active, no home location, no hours, no skills.

    Worded for ``audience`` as in ``roles_for_seeker``.
    """
    seekers = seeker_set(_one_seeker(seeker), skill_index())
    if not len(seekers):
        return []
    problems = list(engine.seeker_blockers(seekers, seeker.pk))
    if not seekers.skill_levels[:, 0].any():
        problems.append(engine_reason("no_skills"))
    return as_reasons(problems, audience)


def employer_weights(weights: engine.Weights) -> engine.Weights:
    """``weights`` without the ladder step: an employer's score and order must not tell the rung."""
    try:
        return replace(weights, ladder=0.0)
    except ValueError:  # only the ladder was weighted
        return replace(engine.DEFAULT_WEIGHTS, ladder=0.0)


def candidates_for_role(*, role: Role, actor: Actor, k: int = 20) -> list[CandidateMatch]:
    """The k best job seekers for ``role``, best first.

    A caseworker of the role's municipality gets every active seeker there, with ``seeker`` set
    and exact distances; a member of the role's organisation gets anonymous cards of seekers who
    agreed to one, computed from the centres of their homes' grid squares, scored without the
    ladder step, equal scores in random order, each with a fresh encrypted reference.
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
    seekers, roles = seeker_set(seekers_qs, skills, homes_by_area=not as_caseworker), role_set(roles_qs, skills)
    if roles is None:
        return []
    weights = municipality_weights(role.municipality_id)
    tiebreak = None
    if not as_caseworker:
        weights = employer_weights(weights)
        tiebreak = np.random.default_rng(secrets.randbits(128)).permutation(len(seekers))
    matches = engine.top_seekers_for_role(
        seekers, roles, role.pk, k, weights, require_card_consent=not as_caseworker,
        overrides=rung_overrides(seekers=seekers_qs, roles=roles_qs), tiebreak=tiebreak,
    )
    people = JobSeeker.objects.prefetch_related(
        Prefetch("skill_levels", queryset=SeekerSkill.objects.select_related("skill"))
    ).in_bulk([m.seeker_id for m in matches])
    return [
        CandidateMatch(
            candidate_ref=str(m.seeker_id) if as_caseworker else candidate_reference_issue(
                seeker_id=m.seeker_id, role_id=role.pk, organisation_id=role.organisation_id),
            card=candidate_card(seeker=people[m.seeker_id], role=role, for_employer=not as_caseworker,
                                reasons=m.reasons),
            score=m.score,
            seeker=people[m.seeker_id] if as_caseworker else None,
        )
        for m in matches
        if m.seeker_id in people
    ]


def why_not(*, seeker: JobSeeker, role: Role, audience: str = SEEKER) -> list[Reason]:
    """Every hard rule that keeps ``seeker`` and ``role`` apart; empty when they can be matched.

    Worded for ``audience`` as in ``roles_for_seeker``.
    """
    if role.municipality_id != seeker.municipality_id:
        return [{"code": "other_municipality", "text": _("This work is in another municipality"), "fits": False}]
    skills = skill_index()
    seekers_qs, roles_qs = _one_seeker(seeker), Role.objects.filter(pk=role.pk)
    seekers, roles = seeker_set(seekers_qs, skills), role_set(roles_qs, skills)
    if not len(seekers) or roles is None:
        return []
    result = engine.why_not(
        seekers, roles, seeker.pk, role.pk, municipality_weights(role.municipality_id),
        overrides=rung_overrides(seekers=seekers_qs, roles=roles_qs),
    )
    return as_reasons(result.exclusions, audience)


def seeker_for_candidate_ref(*, actor: Actor, role: Role, candidate_ref: str) -> JobSeeker | None:
    """The job seeker behind a ``candidate_ref`` from ``candidates_for_role``, if ``actor`` may invite them.

    An employer's reference opens only for the role and organisation it was made for, and only
    until it expires; caseworkers may also use a plain job seeker id.
    """
    kinds = actor_kinds_for_role(actor=actor, role=role)
    if not kinds:
        return None
    seeker_id = None
    if EMPLOYER in kinds:
        seeker_id = candidate_reference_open(candidate_ref, role_id=role.pk,
                                             organisation_ids={role.organisation_id} & set(actor.organisation_ids))
    text = str(candidate_ref or "")
    if seeker_id is None and CASEWORKER in kinds and text.isascii() and text.isdigit() and len(text) <= 18:
        seeker_id = int(text)
    if seeker_id is None:
        return None
    return seeker_invitable(actor=actor, role=role, seeker_id=seeker_id)


def _distance(match) -> float | None:
    for item in match.reasons:
        if item.code == "distance":
            return float(item.params["km"])
    return None
