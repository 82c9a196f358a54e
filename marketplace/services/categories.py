"""Writes of the caseload categories: the municipality's four categories, their approach, and placing a person.

Who may change a category's approach: only a team leader of the municipality. The approach sets
the rhythm of the whole team (how often everyone is in touch, when a person counts as stuck), so it
is a team decision, not one caseworker's; every caseworker of the municipality places people in a
category. A placement keeps the proposal of that moment next to the caseworker's choice and reason,
so the history shows where a caseworker chose otherwise.
"""

from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from marketplace.access import Actor
from marketplace.caseload.approach import DEFAULT_APPROACHES
from marketplace.caseload.proposal import CARE_FIRST, DIRECT_TO_WORK, PARTICIPATION_FIRST, WORK_WITH_SUPPORT
from marketplace.exceptions import NotAllowed, NotYourMunicipality
from marketplace.models import CaseloadCategory, CategoryKey, CategoryPlacement, Instrument, JobSeeker, Municipality
from marketplace.models.caseload import MONTHS_MAX, WEEKS_MAX
from marketplace.selectors.categories import proposal_of
from marketplace.services._caseload import ensure_caseworker_of, merge_model_errors
from marketplace.services._common import raise_if_errors, reject_unknown_fields

WEEK_FIELDS = ("contact_every_weeks", "review_every_weeks", "follow_up_within_weeks")
MONTH_FIELDS = ("stuck_after_months",)
CATEGORY_FIELDS = frozenset({"name", "description", *WEEK_FIELDS, *MONTH_FIELDS, "default_instruments"})
ONLY_TEAM_LEADERS = _("Only team leaders change the approach of a category.")

DEFAULT_DESCRIPTIONS = {
    DIRECT_TO_WORK: _("Ready for paid work. Match on vacancies and carved tasks, introduce to employers and keep "
                      "in touch every month until the first weeks of work are behind them."),
    WORK_WITH_SUPPORT: _("Can work with support. Combine a place with a job coach, a trial placement or a wage-cost "
                         "subsidy, and review the plan every quarter."),
    PARTICIPATION_FIRST: _("Taking part comes first: volunteer work, daytime activities or a language course, "
                           "with small steps up the ladder."),
    CARE_FIRST: _("Care comes first: debt help, housing or health, together with the social team. Work waits "
                  "until that is under control."),
}
ORDER = (DIRECT_TO_WORK, WORK_WITH_SUPPORT, PARTICIPATION_FIRST, CARE_FIRST)


@transaction.atomic
def ensure_default_categories(municipality: Municipality) -> list[CaseloadCategory]:
    """The municipality's four categories in their order; missing ones are made with the standard approach.

    Existing categories are left as the municipality changed them. Names and approaches are written in
    the site's language, the language the municipality works in.
    """
    existing = {category.key: category for category in CaseloadCategory.objects.filter(municipality=municipality)}
    with translation.override(settings.LANGUAGE_CODE):
        for position, key in enumerate(ORDER, start=1):
            if key in existing:
                continue
            approach = DEFAULT_APPROACHES[key]
            existing[key] = CaseloadCategory.objects.create(
                municipality=municipality, key=key, name=str(CategoryKey(key).label),
                description=str(DEFAULT_DESCRIPTIONS[key]), position=position,
                contact_every_weeks=approach.contact_every_weeks, review_every_weeks=approach.review_every_weeks,
                stuck_after_months=approach.stuck_after_months,
                follow_up_within_weeks=approach.follow_up_within_weeks,
            )
    return [existing[key] for key in ORDER]


def _ensure_team_leader_of(actor: Actor, category: CaseloadCategory) -> None:
    if not actor.is_caseworker:
        raise NotAllowed(ONLY_TEAM_LEADERS)
    if actor.caseworker.municipality_id != category.municipality_id:
        raise NotYourMunicipality()
    if not actor.caseworker.is_team_leader:
        raise NotAllowed(ONLY_TEAM_LEADERS)


def _check_interval(name: str, value, maximum: int, errors: dict, message) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= maximum:
        errors[name] = [message % {"max": maximum}]


def _instruments(category: CaseloadCategory, chosen: Iterable, errors: dict) -> list[Instrument]:
    chosen = list(chosen)
    if any(not isinstance(item, Instrument) or item.municipality_id != category.municipality_id for item in chosen):
        errors["default_instruments"] = [_("Choose instruments from your municipality's koffer.")]
    return chosen


def _apply_checked(category: CaseloadCategory, data: Mapping[str, Any]) -> tuple[dict, list[Instrument] | None]:
    """Check every field of ``data`` and set the good ones on ``category`` (unsaved): the field-named errors of all
    fields at once, and the chosen instruments (None when not given)."""
    data = dict(data)
    errors: dict[str, list] = {}
    for name in ("name", "description"):
        if name in data:
            data[name] = str(data[name] or "").strip()
    if "name" in data and not data["name"]:
        errors["name"] = [_("Give the category a name.")]
    for name in WEEK_FIELDS:
        if name in data:
            _check_interval(name, data[name], WEEKS_MAX, errors, _("Give a number of weeks from 1 to %(max)d."))
    for name in MONTH_FIELDS:
        if name in data:
            _check_interval(name, data[name], MONTHS_MAX, errors, _("Give a number of months from 1 to %(max)d."))
    instruments = _instruments(category, data.pop("default_instruments"), errors) \
        if "default_instruments" in data else None
    for name, value in data.items():
        if name not in errors:
            setattr(category, name, value)
    merge_model_errors(category, errors, exclude=["municipality", "key", *WEEK_FIELDS, *MONTH_FIELDS])
    return errors, instruments


def category_update_errors(*, category: CaseloadCategory, data: Mapping[str, Any]) -> dict[str, list]:
    """What ``category_update`` would refuse in ``data``, by field, without writing; a form whose own checks failed
    on some fields shows these for the others in the same round."""
    reject_unknown_fields(data, CATEGORY_FIELDS)
    return _apply_checked(CaseloadCategory.objects.get(pk=category.pk), data)[0]


@transaction.atomic
def category_update(*, actor: Actor, category: CaseloadCategory, data: Mapping[str, Any]) -> CaseloadCategory:
    """Change the name, approach, intervals or instruments of a category; only a team leader of its municipality.

    Weeks run from 1 to 104 and months from 1 to 60; instruments come from the municipality's koffer. Every field
    is checked before anything is refused, so one answer names all that is wrong.
    """
    reject_unknown_fields(data, CATEGORY_FIELDS)
    _ensure_team_leader_of(actor, category)
    category = CaseloadCategory.objects.select_for_update().get(pk=category.pk)
    errors, instruments = _apply_checked(category, data)
    raise_if_errors(errors)
    category.save()
    if instruments is not None:
        category.default_instruments.set(instruments)
    return category


@transaction.atomic
def category_place(*, actor: Actor, seeker: JobSeeker, category: CaseloadCategory, reason: str) -> CategoryPlacement:
    """Place ``seeker`` in ``category`` with a reason: the placement, with today's proposal, and the current category.

    Any caseworker of the seeker's municipality; the category must be one of that municipality.
    """
    ensure_caseworker_of(actor, seeker)
    seeker = JobSeeker.objects.select_for_update().get(pk=seeker.pk)
    errors: dict[str, list] = {}
    if not isinstance(category, CaseloadCategory) or category.municipality_id != seeker.municipality_id:
        errors["category"] = [_("Choose a category of this job seeker's municipality.")]
    reason = " ".join(str(reason or "").split())
    if not reason:
        errors["reason"] = [_("Say why this category fits, in a sentence.")]
    raise_if_errors(errors)
    placement = CategoryPlacement(seeker=seeker, category=category, proposed_key=proposal_of(seeker).key,
                                  reason=reason, confirmed_by=actor.user)
    merge_model_errors(placement, errors, exclude=["seeker", "category", "confirmed_by"])
    raise_if_errors(errors)
    placement.save()
    seeker.category = category
    seeker.save(update_fields=["category", "updated_at"])
    return placement

