"""Writes of job seekers: caseworkers keep the caseload; a seeker keeps their own availability."""

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.access import Actor
from marketplace.choices import RungChoice
from marketplace.constants import SEEKER_HOURS_MAX, SEEKER_HOURS_MIN, TRAVEL_KM_MAX, TRAVEL_KM_MIN
from marketplace.exceptions import NotAllowed, NotYourMunicipality
from marketplace.messages import ONLY_SEEKERS_HAVE_A_PROFILE, km_between
from marketplace.models import JobSeeker, LadderStep, Municipality, SeekerBurden, SeekerSkill, Skill, SkillCategory
from marketplace.selectors.burden import staff_may_access_burden
from marketplace.services._common import (
    check_coordinates,
    check_skill_levels,
    place_from_postcode,
    raise_if_errors,
    reject_unknown_fields,
    take_postcode,
)
from marketplace.services.burden import burden_update
from marketplace.validators import hours_range_errors

# What a caseworker sets on a seeker; the rung changes through ladder steps, the draaglast through
# ``marketplace.services.burden.burden_update``.
SEEKER_STAFF_FIELDS = frozenset({
    "first_name", "last_name", "email", "phone", "date_of_birth", "home_postcode", "latitude", "longitude",
    "max_travel_km", "hours_min", "hours_max", "weekdays", "language_level", "physical_limits", "support_needs",
    "motivation", "status", "card_visible", "introduction_allowed", "preferred_language", "caseworker",
})
# What a seeker may change themselves: availability, consent and language of the interface.
SEEKER_OWN_FIELDS = frozenset({
    "hours_min", "hours_max", "weekdays", "max_travel_km", "language_level", "card_visible",
    "introduction_allowed", "preferred_language",
})
# An administrator (a superuser in the admin) also links a seeker to a user account.
SEEKER_ADMINISTRATOR_FIELDS = SEEKER_STAFF_FIELDS | {"user"}
CONSENT_FIELDS = ("card_visible", "introduction_allowed")


@dataclass(frozen=True)
class SkillHeld:
    skill: Skill
    level: int = 1


def _ensure_caseworker_of(actor: Actor, seeker: JobSeeker) -> None:
    """Caseworkers manage the seekers of their own municipality; administrators those of every municipality."""
    if actor.is_administrator:
        return
    if not actor.is_caseworker:
        raise NotAllowed(_("Only caseworkers manage job seekers."))
    if seeker.municipality_id != actor.caseworker.municipality_id:
        raise NotYourMunicipality()


def _validate_seeker(seeker: JobSeeker) -> None:
    errors = hours_range_errors(seeker.hours_min, seeker.hours_max, minimum=SEEKER_HOURS_MIN,
                                maximum=SEEKER_HOURS_MAX)
    if seeker.max_travel_km is not None and not TRAVEL_KM_MIN <= seeker.max_travel_km <= TRAVEL_KM_MAX:
        errors["max_travel_km"] = [km_between(TRAVEL_KM_MIN, TRAVEL_KM_MAX)]
    if seeker.caseworker is not None and seeker.caseworker.municipality_id != seeker.municipality_id:
        errors["caseworker"] = [_("Choose a caseworker of the job seeker's municipality.")]
    check_coordinates(seeker, errors)
    raise_if_errors(errors)
    seeker.full_clean()


def _apply(seeker: JobSeeker, data: Mapping[str, Any], allowed: Iterable[str]) -> None:
    reject_unknown_fields(data, allowed)
    data = dict(data)
    take_postcode(seeker, data, postcode_field="home_postcode")
    if any(name in data and data[name] != getattr(seeker, name) for name in CONSENT_FIELDS):
        seeker.consent_updated_at = timezone.now()
    for name, value in data.items():
        setattr(seeker, name, value)
    place_from_postcode(seeker, postcode_field="home_postcode")


def _set_skills(seeker: JobSeeker, skills: Sequence[SkillHeld]) -> None:
    check_skill_levels(skills)
    seeker.skill_levels.all().delete()
    SeekerSkill.objects.bulk_create(SeekerSkill(seeker=seeker, skill=item.skill, level=int(item.level))
                                    for item in skills)


def _set_profile_lists(seeker, skills, interests) -> None:
    if skills is not None:
        _set_skills(seeker, skills)
    if interests is not None:
        seeker.interests.set(interests)


def _locked(seeker: JobSeeker) -> JobSeeker:
    return JobSeeker.objects.select_for_update().get(pk=seeker.pk)


def _staff_fields(actor: Actor) -> frozenset[str]:
    return SEEKER_ADMINISTRATOR_FIELDS if actor.is_administrator else SEEKER_STAFF_FIELDS


def _municipality_of_new_seeker(actor: Actor, municipality: Municipality | None) -> int:
    """A caseworker adds seekers to their own municipality; an administrator, who has none, names one."""
    if actor.is_administrator and municipality is not None:
        return municipality.pk
    if not actor.is_caseworker:
        if actor.is_administrator:
            raise ValidationError({"municipality": [_("Choose the job seeker's municipality.")]})
        raise NotAllowed(_("Only caseworkers manage job seekers."))
    if municipality is not None and municipality.pk != actor.caseworker.municipality_id:
        raise NotYourMunicipality(field="municipality")
    return actor.caseworker.municipality_id


@transaction.atomic
def seeker_create(
    *, actor: Actor, data: Mapping[str, Any], rung: int = RungChoice.SOCIAL_CONTACTS,
    skills: Sequence[SkillHeld] = (), interests: Iterable[SkillCategory] = (),
    burden: Mapping[str, str] | None = None, municipality: Municipality | None = None,
) -> JobSeeker:
    """A job seeker in the caseworker's municipality, with the intake rung as the first ladder step.

    An administrator, who works for no municipality of their own, names the ``municipality``.
    """
    seeker = JobSeeker(municipality_id=_municipality_of_new_seeker(actor, municipality),
                       caseworker=actor.caseworker, rung=rung)
    _apply(seeker, data, _staff_fields(actor))
    _validate_seeker(seeker)
    seeker.save()
    if burden is not None or staff_may_access_burden(actor.user, seeker):
        # A caseworker's new seeker starts with an empty draaglast; an administrator may keep none.
        _write_burden(actor, seeker, burden or {})
    _set_profile_lists(seeker, skills, interests)
    ladder_step_record(actor=actor, seeker=seeker, rung=rung, note=str(_("Intake")))
    return seeker


@transaction.atomic
def seeker_update(
    *, actor: Actor, seeker: JobSeeker, data: Mapping[str, Any], rung: int | None = None,
    skills: Sequence[SkillHeld] | None = None, interests: Iterable[SkillCategory] | None = None,
    burden: Mapping[str, str] | None = None, ladder_note: str = "",
) -> JobSeeker:
    """A caseworker's change to a seeker of their municipality; a new ``rung`` is recorded as a ladder step
    of today, with ``ladder_note`` saying why."""
    _ensure_caseworker_of(actor, seeker)
    seeker = _locked(seeker)
    _apply(seeker, data, _staff_fields(actor))
    _validate_seeker(seeker)
    seeker.save()
    _set_profile_lists(seeker, skills, interests)
    if burden is not None:
        _write_burden(actor, seeker, burden)
    if rung is not None and rung != seeker.rung:
        ladder_step_record(actor=actor, seeker=seeker, rung=rung, note=ladder_note)
        seeker.refresh_from_db(fields=["rung"])
    return seeker


@transaction.atomic
def seeker_update_own_profile(
    *, actor: Actor, data: Mapping[str, Any], skills: Sequence[SkillHeld] | None = None,
    interests: Iterable[SkillCategory] | None = None,
) -> JobSeeker:
    """A seeker's change to their own availability, consent, skills and interests; nothing else."""
    if not actor.is_seeker:
        raise NotAllowed(ONLY_SEEKERS_HAVE_A_PROFILE)
    seeker = _locked(actor.seeker)
    _apply(seeker, data, SEEKER_OWN_FIELDS)
    _validate_seeker(seeker)
    seeker.save()
    _set_profile_lists(seeker, skills, interests)
    return seeker


@transaction.atomic
def ladder_step_record(
    *, actor: Actor, seeker: JobSeeker, rung: int, date: datetime.date | None = None, note: str = ""
) -> LadderStep:
    """Record a rung on the participation ladder; the seeker's rung follows the most recent step."""
    _ensure_caseworker_of(actor, seeker)
    step = LadderStep(seeker=seeker, rung=rung, date=date or timezone.localdate(), note=note,
                      recorded_by=actor.user)
    step.full_clean()
    step.save()
    latest = LadderStep.objects.filter(seeker=seeker).order_by("-date", "-id").values_list("rung", flat=True)[0]
    JobSeeker.objects.filter(pk=seeker.pk).update(rung=latest, updated_at=timezone.now())
    return step


def _write_burden(actor: Actor, seeker: JobSeeker, data: Mapping[str, str]) -> SeekerBurden:
    # One service writes the draaglast for the admin and the API alike; errors are named as the API nests them.
    try:
        burden = burden_update(actor_user=actor.user, seeker=seeker, data=data)
    except ValidationError as exc:
        raise ValidationError({f"burden.{name}": messages for name, messages in exc.message_dict.items()}) from None
    seeker.burden = burden  # later reads of seeker.burden see what was written
    return burden
