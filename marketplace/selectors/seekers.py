"""Reads of job seekers. Sensitive data (the draaglast) only through the functions that log access."""

from collections.abc import Iterable

from django.db.models import QuerySet

from marketplace.access import Actor
from marketplace.exceptions import NotAllowed, NotYourMunicipality
from marketplace.models import JobSeeker, LadderStep, SeekerBurden
from marketplace.models.seekers import JobSeekerQuerySet
from marketplace.selectors.burden import (
    BurdenHistoryRead,
    BurdenRead,
    burden_history_read_for_staff,
    burden_read_for_staff,
)


def seeker_list_for_staff(*, actor: Actor) -> JobSeekerQuerySet:
    """The caseload a caseworker may see: every job seeker of their municipality; nothing for others."""
    if not actor.is_caseworker:
        return JobSeeker.objects.none()
    return (
        JobSeeker.objects.for_municipality(actor.caseworker.municipality_id)
        .select_related("caseworker__user")
        .order_by("last_name", "first_name", "id")
    )


def seeker_own_profile(*, actor: Actor) -> JobSeeker:
    """The job seeker behind the actor, with skills and interests loaded."""
    if not actor.is_seeker:
        raise NotAllowed()
    return JobSeeker.objects.with_profile_relations().get(pk=actor.seeker.pk)


def _burden_of(seeker: JobSeeker) -> SeekerBurden:
    # Seekers created by caseworkers always have a burden row; an unsaved empty one stands in otherwise.
    return SeekerBurden.objects.filter(seeker=seeker).first() or SeekerBurden(seeker=seeker)


def seeker_burden_for_staff(
    *, actor: Actor, seeker: JobSeeker, purpose: str, fields: Iterable[str] | None = None
) -> BurdenRead:
    """The draaglast (all fields, or ``fields``) for a caseworker of the seeker's municipality, read and logged.

    Another municipality's seeker is NotYourMunicipality (reported as not found), so ids cannot be probed.
    """
    if not actor.is_caseworker:
        raise NotAllowed()
    if seeker.municipality_id != actor.caseworker.municipality_id:
        raise NotYourMunicipality()
    # The admin's draaglast view reads through the same function, so the audit log is written in one place.
    return burden_read_for_staff(actor_user=actor.user, seeker=seeker, purpose=purpose, fields=fields)


def seeker_burden_history_for_staff(*, actor: Actor, seeker: JobSeeker, purpose: str) -> BurdenHistoryRead:
    """Every version of the draaglast for a caseworker of the seeker's municipality, read and logged like a read."""
    if not actor.is_caseworker:
        raise NotAllowed()
    if seeker.municipality_id != actor.caseworker.municipality_id:
        raise NotYourMunicipality()
    return burden_history_read_for_staff(actor_user=actor.user, seeker=seeker, purpose=purpose)


def seeker_burden_for_self(*, actor: Actor) -> SeekerBurden:
    """A job seeker's own draaglast: their own data, so reading it is not logged."""
    if not actor.is_seeker:
        raise NotAllowed()
    return _burden_of(actor.seeker)


def seeker_ladder_history(*, seeker: JobSeeker) -> QuerySet[LadderStep]:
    """The seeker's rungs over time, newest first, each with who recorded it and why."""
    return LadderStep.objects.filter(seeker=seeker).select_related("recorded_by").order_by("-date", "-id")
