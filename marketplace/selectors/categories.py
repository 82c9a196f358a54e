"""Reads of the caseload categories: the municipality's categories, a person's proposal, placements and contacts.

The proposal (``category_proposal_for``) reads the latest assessment with every score, the sensitive
domains included, and hands only the category key and reason codes back: the scores stay inside this
module, so proposing is not a read of sensitive data and is not logged as one (see docs/caseload.md).
"""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from marketplace.access import Actor
from marketplace.caseload import proposal as rule
from marketplace.exceptions import NotAllowed, NotYourMunicipality
from marketplace.models import (
    Assessment,
    CaseloadCategory,
    CategoryKey,
    CategoryPlacement,
    ContactMoment,
    Instrument,
    JobSeeker,
)

# What each reason code says, in a sentence a caseworker reads next to the proposal.
REASON_TEXTS = {
    rule.RUNG_ISOLATED: _("The person is on rung 1 of the participation ladder (isolated)."),
    rule.ACUTE_CARE_NEED: _("The latest assessment shows acute problems in a care domain (debts, housing or "
                            "health)."),
    rule.RUNG_PARTICIPATION: _("The person is on rung 2 or 3: taking part comes before work."),
    rule.RUNG_UNPAID_WORK: _("The person is on rung 4 (unpaid work): the step to paid work needs support."),
    rule.RUNG_PAID_WORK: _("The person is on rung 5 or 6 of the participation ladder."),
    rule.LOW_SCORES: _("The latest assessment scores a life domain at 2 or lower."),
    rule.SEVERAL_BARELY: _("The latest assessment scores two or more life domains at 3 (barely self-sufficient)."),
    rule.SCORES_SUFFICIENT: _("The latest assessment shows no life domain below 3, and at most one at 3."),
    rule.NO_ASSESSMENT: _("There is no assessment yet, so only the rung was used."),
}


@dataclass(frozen=True)
class Proposal:
    """A proposed category: the key and why, and the date of the assessment it used (None without one)."""

    key: str
    reasons: tuple[str, ...]
    assessed_on: datetime.date | None

    @property
    def label(self) -> str:
        return str(CategoryKey(self.key).label)

    def reason_texts(self) -> list[str]:
        return [str(REASON_TEXTS[code]) for code in self.reasons]


def _check_caseworker(actor: Actor, municipality_id: int) -> None:
    if not actor.is_caseworker:
        raise NotAllowed()
    if actor.caseworker.municipality_id != municipality_id:
        raise NotYourMunicipality()


def proposal_of(seeker: JobSeeker) -> Proposal:
    """The proposal for ``seeker`` from their rung and latest assessment, for callers that checked the actor."""
    latest = Assessment.objects.filter(seeker=seeker).order_by("-date", "-recorded_at", "-id").first()
    key, reasons = rule.propose_category(seeker.rung, latest.scores() if latest is not None else {})
    return Proposal(key=key, reasons=reasons, assessed_on=latest.date if latest is not None else None)


def category_proposal_for(actor: Actor, seeker: JobSeeker) -> Proposal:
    """The proposal for a caseworker of the seeker's municipality; another municipality's seeker is not found.

    Not for superusers without a caseworker: the proposal reads the sensitive scores, which they never read.
    """
    _check_caseworker(actor, seeker.municipality_id)
    return proposal_of(seeker)


def categories_for(actor: Actor) -> QuerySet[CaseloadCategory]:
    """The categories of the caseworker's municipality in their order, with the instruments to consider first."""
    if not actor.is_caseworker:
        return CaseloadCategory.objects.none()
    return CaseloadCategory.objects.filter(municipality_id=actor.caseworker.municipality_id).prefetch_related(
        Prefetch("default_instruments", queryset=Instrument.objects.order_by("name", "id")),
    ).order_by("position", "id")


def category_of(actor: Actor, category_id) -> CaseloadCategory | None:
    """One category of the caseworker's municipality by id, or None (also for another municipality's)."""
    if not str(category_id).isdigit() or len(str(category_id)) > 18:
        return None
    return categories_for(actor).filter(pk=int(category_id)).first()


def instrument_choices_for(actor: Actor) -> QuerySet[Instrument]:
    """The municipality's catalogue, to choose the instruments a category considers first."""
    if not actor.is_caseworker:
        return Instrument.objects.none()
    return Instrument.objects.filter(municipality_id=actor.caseworker.municipality_id).order_by("name", "id")


def _check_staff(actor: Actor, seeker: JobSeeker) -> None:
    """Caseworkers of the seeker's municipality, and superusers, who keep every municipality's records."""
    if actor.is_caseworker or not actor.is_administrator:
        _check_caseworker(actor, seeker.municipality_id)


def placements_for(actor: Actor, seeker: JobSeeker) -> list[CategoryPlacement]:
    """The seeker's category placements, newest first: the history of their category."""
    _check_staff(actor, seeker)
    return list(CategoryPlacement.objects.filter(seeker=seeker).select_related("category", "confirmed_by")
                .order_by("-at", "-id"))


def contact_moments_for(actor: Actor, seeker: JobSeeker) -> QuerySet[ContactMoment]:
    """The seeker's contact moments, newest first, with who recorded them."""
    _check_staff(actor, seeker)
    return ContactMoment.objects.filter(seeker=seeker).select_related("recorded_by").order_by("-date", "-id")
