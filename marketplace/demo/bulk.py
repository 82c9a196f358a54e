"""Bulk writes shared by the demo loader and the synthetic generator.

Rows are inserted with ``bulk_create`` in batches: the demo and benchmark sets are too large
for one query per row. Callers wrap these functions in a transaction.
"""

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime, timedelta
from itertools import islice

from marketplace.choices import RoleStatus
from marketplace.demo.content import RoleSpec
from marketplace.demo.people import SeekerProfile
from marketplace.models import (
    BurdenVersion,
    Caseworker,
    JobSeeker,
    LadderStep,
    Municipality,
    Organisation,
    Role,
    RoleSkill,
    SeekerBurden,
    SeekerSkill,
)
from marketplace.services.burden import burden_values

BATCH_SIZE = 2000
Interest = JobSeeker.interests.through


def chunked(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def insert_seekers(profiles: Iterable[SeekerProfile], *, municipality: Municipality,
                   caseworkers: Sequence[Caseworker], skill_ids: Mapping[str, int],
                   category_ids: Mapping[str, int], consent_at: datetime, users: Mapping | None = None,
                   batch_size: int = BATCH_SIZE) -> int:
    """Store the profiles with their skills, interests, draaglast and ladder history; return how many.

    Caseworkers share the caseload in turn and are recorded as the author of the ladder steps.
    ``users`` links a profile (by e-mail) to an existing login. Unknown skills and categories are skipped.
    """
    users = users or {}
    total = 0
    for chunk in chunked(profiles, batch_size):
        assigned = [caseworkers[(total + i) % len(caseworkers)] if caseworkers else None
                    for i in range(len(chunk))]
        seekers = JobSeeker.objects.bulk_create(
            [_seeker(profile, municipality, caseworker, users.get(profile.email), consent_at)
             for profile, caseworker in zip(chunk, assigned, strict=True)],
            batch_size=batch_size,
        )
        skills, interests, burdens, steps, versions, backdated = [], [], [], [], [], {}
        for seeker, profile, caseworker in zip(seekers, chunk, assigned, strict=True):
            skills += [SeekerSkill(seeker_id=seeker.pk, skill_id=skill_ids[name], level=level)
                       for name, level in profile.skills if name in skill_ids]
            interests += [Interest(jobseeker_id=seeker.pk, skillcategory_id=category_ids[code])
                          for code in profile.interests if code in category_ids]
            burdens.append(SeekerBurden(seeker_id=seeker.pk, **profile.burden))
            recorded_by = caseworker.user_id if caseworker else None
            versions += _burden_versions(seeker, profile, recorded_by, consent_at, backdated)
            steps += [LadderStep(seeker_id=seeker.pk, rung=rung, date=when, note=note, recorded_by_id=recorded_by)
                      for when, rung, note in profile.ladder]
        SeekerSkill.objects.bulk_create(skills, batch_size=batch_size)
        Interest.objects.bulk_create(interests, batch_size=batch_size)
        SeekerBurden.objects.bulk_create(burdens, batch_size=batch_size)
        BurdenVersion.objects.bulk_create(versions, batch_size=batch_size)
        for (seeker_id, number), when in backdated.items():
            # recorded_at is set on insert; an older demo version gets its date afterwards, once.
            BurdenVersion.objects.filter(seeker_id=seeker_id, version=number).update(recorded_at=when)
        LadderStep.objects.bulk_create(steps, batch_size=batch_size)
        total += len(chunk)
    return total


def _burden_versions(seeker: JobSeeker, profile: SeekerProfile, recorded_by: int | None, now: datetime,
                     backdated: dict) -> list[BurdenVersion]:
    """The draaglast's versions as the burden service would have written them: an older one if the profile
    has it (its date noted in ``backdated``), then the current one."""
    states = [profile.earlier_burden[1]] if profile.earlier_burden else []
    if profile.earlier_burden:
        backdated[(seeker.pk, 1)] = now - timedelta(days=profile.earlier_burden[0])
    states.append(profile.burden)
    return [BurdenVersion(seeker_id=seeker.pk, version=number, values=burden_values(state),
                          recorded_by_id=recorded_by) for number, state in enumerate(states, start=1)]


def _seeker(profile: SeekerProfile, municipality: Municipality, caseworker: Caseworker | None, user,
            consent_at: datetime) -> JobSeeker:
    return JobSeeker(
        municipality=municipality, user=user, caseworker=caseworker,
        first_name=profile.first_name, last_name=profile.last_name, email=profile.email,
        date_of_birth=profile.date_of_birth, home_postcode=profile.home_postcode,
        latitude=profile.place.latitude, longitude=profile.place.longitude,
        max_travel_km=profile.max_travel_km, hours_min=profile.hours_min, hours_max=profile.hours_max,
        weekdays=profile.weekdays, language_level=profile.language_level,
        physical_limits=profile.physical_limits, support_needs=profile.support_needs, rung=profile.rung,
        motivation=profile.motivation, status=profile.status, card_visible=profile.card_visible,
        introduction_allowed=profile.introduction_allowed,
        consent_updated_at=consent_at if profile.card_visible or profile.introduction_allowed else None,
        preferred_language=profile.preferred_language,
    )


def build_role(spec: RoleSpec, *, organisation: Organisation, place, published_at: datetime | None,
               created_by=None, **overrides) -> Role:
    """An unsaved role from a spec, at the organisation's address or, for neighbourhood work, at ``place``.

    ``place`` is anything with ``latitude`` and ``longitude``; ``overrides`` replace spec values
    (the synthetic generator varies hours, places and status this way).
    """
    at_organisation = place is None
    values = {
        "kind": spec.kind, "title": spec.title, "description": spec.description,
        "hours_min": spec.hours[0], "hours_max": spec.hours[1], "weekdays": spec.weekdays,
        "language_level_required": int(spec.language), "physical_demands": spec.physical_flags,
        "support_offered": spec.support_flags, "target_rung": spec.target_rung, "places": spec.places,
        "hourly_wage": spec.hourly_wage, "volunteer_allowance": spec.volunteer_allowance,
        "status": spec.status, "at_requester_address": spec.at_requester_address,
    } | overrides
    if values["status"] == RoleStatus.DRAFT:
        published_at = None
    return Role(
        organisation=organisation, municipality_id=organisation.municipality_id,
        street=organisation.street if at_organisation else "",
        postcode=organisation.postcode if at_organisation else "",
        city=organisation.city,
        latitude=(organisation if at_organisation else place).latitude,
        longitude=(organisation if at_organisation else place).longitude,
        published_at=published_at, created_by=created_by, **values,
    )


def insert_roles(roles: Iterable[tuple[Role, Sequence]], *, skill_ids: Mapping[str, int],
                 batch_size: int = BATCH_SIZE) -> int:
    """Store roles with their skill requirements (``SkillNeed``s); return how many. Unknown skills are skipped."""
    total = 0
    for chunk in chunked(roles, batch_size):
        saved = Role.objects.bulk_create([role for role, _needs in chunk], batch_size=batch_size)
        RoleSkill.objects.bulk_create(
            [RoleSkill(role_id=role.pk, skill_id=skill_ids[need.name_nl], level=need.level, required=need.required)
             for role, (_unsaved, needs) in zip(saved, chunk, strict=True)
             for need in dict((need.name_nl, need) for need in needs).values() if need.name_nl in skill_ids],
            batch_size=batch_size,
        )
        total += len(chunk)
    return total
