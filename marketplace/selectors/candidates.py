"""The one candidate card: what is shown of a job seeker for a role, to an employer or to an insider.

Every candidate card (a match in an employer's list, an application in the API, the employer
portal and the admin) is built by ``candidate_card``, so there is one place that decides what an
employer can learn about a person. An employer's card shows what the person offers for the work:
skills, hours and days, level of Dutch, the support they need at work, a distance band and the
reasons why they fit. It never shows who they are, where they live, an exact distance or their
rung on the participatieladder (a fact about their welfare situation):

* the distance is only the band of ``geo.employer_distance_band``, measured from the centre of
  the grid square the home lies in, never from the home;
* the reasons leave out the ladder step, and the distance reason becomes the same band.

The job seeker and their caseworkers (insiders) get the same card with the exact distance and
every reason. Reasons are worded for the reader: "je" for the job seeker, "de kandidaat" and "u"
for an employer or caseworker; each carries ``fits`` so that pages show what fits and what to look
out for apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language

from marketplace import geo
from marketplace.access import Actor
from marketplace.constants import LanguageLevel
from marketplace.matching.reasons import EMPLOYER as FOR_EMPLOYER
from marketplace.matching.reasons import EXCLUSION_CODES, Reason, reason
from marketplace.matching.reasons import SEEKER as FOR_SEEKER
from marketplace.models import JobSeeker, Role
from marketplace.models.applications import Application
from marketplace.selectors.applications import actor_kinds_for
from marketplace.workflows.base import CASEWORKER, SEEKER

#: The reason codes an employer reads: what the person offers for the work. Left out are "ladder" (it
#: names the rung) and "distance" (an exact figure), which becomes ``DISTANCE_BAND_CODE``.
EMPLOYER_REASON_CODES = frozenset({
    "skills", "no_required_skills", "nice_skills", "no_skills", "hours", "weekdays", "interests", "language_support",
})
DISTANCE_BAND_CODE = "distance_band"


@dataclass(frozen=True)
class CardSkill:
    name: str
    level: int
    level_label: str


@dataclass(frozen=True)
class CandidateCard:
    """One person for one role. ``distance_km`` is None on an employer's card; it has no rung, no name,
    no contact detail, no address and no draaglast field at all."""

    skills: tuple[CardSkill, ...]
    hours_min: int | None
    hours_max: int | None
    weekdays: int
    language_level: str
    support_needs: int
    distance_band: str | None
    distance_km: float | None
    reasons: tuple[dict, ...]
    for_employer: bool


def _rerendered(item: dict) -> Reason | None:
    """A stored reason rendered again from its code and params, so that it reads in today's wording."""
    try:
        return reason(str(item["code"]), **dict(item["params"]))
    except (KeyError, TypeError, ValueError):
        return None


def reasons_in_language(reasons, audience: str = FOR_SEEKER) -> list[dict]:
    """Reasons as ``{"code", "text", "fits"}`` in the active language, worded for ``audience``.

    ``reasons`` are the engine's ``Reason`` objects, or what an application stored (``code``,
    ``params``, ``text``, ``text_en``), which is rendered again from code and params; a stored
    reason that cannot be rendered keeps its stored text.
    """
    language = get_language() or settings.LANGUAGE_CODE
    shown = []
    for item in reasons or ():
        if isinstance(item, Reason):
            found = item
        elif isinstance(item, dict) and "code" in item:
            found = _rerendered(item)
        else:
            continue
        if found is not None:
            shown.append({"code": found.code, "text": found.text(language, audience), "fits": found.fits})
            continue
        english = language.startswith("en") and item.get("text_en")
        shown.append({"code": str(item["code"]), "text": str(item["text_en"] if english else item.get("text", "")),
                      "fits": bool(item.get("fits", item["code"] not in EXCLUSION_CODES))})
    return shown


def employer_reasons(reasons: list[dict], band: str | None) -> list[dict]:
    """The reasons an employer may read: no ladder step, and the distance only as ``band``."""
    language = get_language() or settings.LANGUAGE_CODE
    shown = []
    for item in reasons:
        if item["code"] == "distance":
            if band is not None:
                shown.append({"code": DISTANCE_BAND_CODE, "text": reason(DISTANCE_BAND_CODE, band=band).text(
                    language, FOR_EMPLOYER), "fits": True})
        elif item["code"] in EMPLOYER_REASON_CODES:
            shown.append(item)
    return shown


def _skills(seeker: JobSeeker) -> tuple[CardSkill, ...]:
    held = sorted(seeker.skill_levels.all(), key=lambda row: (-row.level, row.skill.name.lower(), row.skill_id))
    return tuple(CardSkill(name=row.skill.name, level=row.level, level_label=str(row.get_level_display()))
                 for row in held)


def _exact_km(seeker: JobSeeker, role: Role) -> float | None:
    if None in (seeker.latitude, seeker.longitude, role.latitude, role.longitude):
        return None
    return geo.haversine_km(seeker.latitude, seeker.longitude, role.latitude, role.longitude)


def candidate_card(*, seeker: JobSeeker, role: Role, for_employer: bool, reasons=(),
                   audience: str = FOR_EMPLOYER) -> CandidateCard:
    """The card of ``seeker`` for ``role``; ``reasons`` from the engine or as an application stored them.

    The reasons talk about the candidate ("u", for employers and caseworkers) unless ``audience`` is
    ``FOR_SEEKER``, the job seeker's own card. An employer's card is always in the employer's wording.
    ``seeker.skill_levels`` should be prefetched with their skills when cards are built in bulk.
    """
    shown = reasons_in_language(reasons, FOR_EMPLOYER if for_employer else audience)
    if for_employer:
        km = None
        band = geo.employer_distance_band(seeker.latitude, seeker.longitude, role.latitude, role.longitude)
        shown = employer_reasons(shown, band)
    else:
        exact = _exact_km(seeker, role)
        km, band = (None if exact is None else round(exact, 1)), geo.distance_band(exact)
    return CandidateCard(
        skills=_skills(seeker),
        hours_min=seeker.hours_min,
        hours_max=seeker.hours_max,
        weekdays=int(seeker.weekdays or 0),
        language_level=LanguageLevel(seeker.language_level).name,
        support_needs=int(seeker.support_needs or 0),
        distance_band=band,
        distance_km=km,
        reasons=tuple(shown),
        for_employer=for_employer,
    )


def application_card(*, actor: Actor, application: Application) -> CandidateCard:
    """The card on an application: the employer's card unless ``actor`` is the job seeker or a caseworker."""
    kinds = set(actor_kinds_for(actor=actor, application=application))
    return candidate_card(seeker=application.seeker, role=application.role,
                          for_employer=not {SEEKER, CASEWORKER} & kinds, reasons=application.reasons,
                          audience=FOR_SEEKER if SEEKER in kinds else FOR_EMPLOYER)
