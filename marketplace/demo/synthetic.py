"""Large synthetic data sets for benchmarks and load tests: ``generate_synthetic``.

Profiles come from the same builder as the demo seekers and roles are variations on the demo
roles, so the data has realistic shapes (skills per category, language levels, hours, ladder
rungs) at any size. The same seed gives the same data; every call adds ``seekers`` and
``roles`` new rows, reusing the synthetic organisations of the municipality.
"""

import time
from dataclasses import dataclass
from datetime import timedelta
from random import Random
from types import SimpleNamespace

from django.db import transaction
from django.utils import timezone

from marketplace.choices import OrganisationKind, RoleKind, RoleStatus
from marketplace.constants import ROLE_HOURS_MAX, ROLE_HOURS_MIN
from marketplace.demo import content, people
from marketplace.demo.bulk import BATCH_SIZE, build_role, insert_roles, insert_seekers
from marketplace.models import Municipality, Organisation, Skill, SkillCategory

EMAIL_DOMAIN = "synthetisch.werkplaats.example"
ROLES_PER_EMPLOYER = 25
MAX_ORGANISATIONS = 999  # the three digits of the index in the synthetic KvK numbers
EMPLOYER_SECTORS = (
    "Schoonmaakbedrijf", "Bakkerij", "Hotel", "Zorgcentrum", "Transportbedrijf", "Supermarkt", "Tuincentrum",
    "Kringloopwinkel", "Restaurant", "Drukkerij", "Fietsenwinkel", "Facilitair bedrijf", "Distributiecentrum",
)
ASSOCIATION_SECTORS = ("Voetbalvereniging", "Buurtvereniging", "Stichting Buurthuis", "Tennisvereniging",
                       "Speeltuinvereniging", "Dorpsvereniging")
ASSOCIATION_ROLE_KINDS = {RoleKind.BUURTDIENST, RoleKind.VOLUNTEER}
ROLE_STATUSES = {RoleStatus.PUBLISHED: 85, RoleStatus.DRAFT: 6, RoleStatus.FILLED: 5, RoleStatus.CLOSED: 4}
JITTER_DEGREES = 0.006  # about 500 m: spreads rows around the centre of their postcode area


@dataclass(frozen=True)
class SyntheticSummary:
    municipality: str
    seekers: int
    roles: int
    organisations: int
    seconds: float

    def format(self) -> str:
        return (f"Added {self.seekers} synthetic job seekers and {self.roles} synthetic roles "
                f"({self.organisations} synthetic organisations) to {self.municipality} "
                f"in {self.seconds:.1f} s.\n")


def generate_synthetic(*, municipality: Municipality, seekers: int, roles: int, seed: int = 1,
                       batch_size: int = BATCH_SIZE) -> SyntheticSummary:
    """Add exactly ``seekers`` job seekers and ``roles`` roles to ``municipality``.

    Needs the municipality's postcode areas and a skill taxonomy (``load_demo`` provides both);
    raises ValueError when either is missing or a count is negative.
    """
    if seekers < 0 or roles < 0:
        raise ValueError("The numbers of seekers and roles cannot be negative.")
    places = list(municipality.postcode_areas.all())
    if not places:
        raise ValueError(f"{municipality} has no postcode areas to place synthetic people and work in.")
    skill_rows = list(Skill.objects.values_list("name_nl", "pk", "category__code"))
    if not skill_rows:
        raise ValueError("There is no skill taxonomy yet; run load_demo first.")
    skill_ids = {name: pk for name, pk, _code in skill_rows}
    skills_by_category: dict[str, list[str]] = {}
    for name, _pk, code in skill_rows:
        skills_by_category.setdefault(code, []).append(name)
    category_ids = dict(SkillCategory.objects.values_list("code", "pk"))

    started = time.monotonic()
    rng = Random(f"synthetic-{seed}-{municipality.cbs_code}")
    now, today = timezone.now(), timezone.localdate()
    with transaction.atomic():
        organisations = _organisations(municipality, places, roles) if roles else {}
        profiles = (
            people.build_profile(rng, places=places, skills_by_category=skills_by_category, today=today,
                                 email_domain=EMAIL_DOMAIN, email_suffix=f"{seed}-{index}")
            for index in range(seekers)
        )
        seeker_count = insert_seekers(
            profiles, municipality=municipality, caseworkers=list(municipality.caseworkers.select_related("user")),
            skill_ids=skill_ids, category_ids=category_ids, consent_at=now, batch_size=batch_size,
        )
        role_rows = (_role(rng, organisations, places, now) for _index in range(roles))
        role_count = insert_roles(role_rows, skill_ids=skill_ids, batch_size=batch_size)
    return SyntheticSummary(
        municipality=municipality.name, seekers=seeker_count, roles=role_count,
        organisations=sum(len(group) for group in organisations.values()), seconds=time.monotonic() - started,
    )


def _organisations(municipality: Municipality, places, roles: int) -> dict[str, list[Organisation]]:
    """Employers and associations for ``roles`` roles, created once per municipality and then reused.

    Their names and addresses depend on the municipality only, so that a KvK number always
    stands for the same synthetic organisation whatever seed a run uses.
    """
    rng = Random(f"synthetic-organisations-{municipality.cbs_code}")
    employers = min(MAX_ORGANISATIONS, max(1, roles // ROLES_PER_EMPLOYER))
    associations = min(MAX_ORGANISATIONS, max(1, employers // 4))
    wanted = {}
    for kind, count, prefix, sectors in (
        (OrganisationKind.EMPLOYER, employers, "8", EMPLOYER_SECTORS),
        (OrganisationKind.ASSOCIATION, associations, "7", ASSOCIATION_SECTORS),
    ):
        for index in range(count):
            place = rng.choice(places)
            kvk_number = f"{prefix}{municipality.cbs_code[2:]}{index:03d}"
            surname = rng.choice(people.LAST_NAMES["nederlands"])
            wanted[kvk_number] = Organisation(
                municipality=municipality, kind=kind, name=f"{rng.choice(sectors)} {surname}",
                kvk_number=kvk_number, street=f"{rng.choice(people.STREETS)} {rng.randint(1, 200)}",
                postcode=people.postcode_in(rng, place), city=municipality.name,
                latitude=place.latitude + rng.uniform(-JITTER_DEGREES, JITTER_DEGREES),
                longitude=place.longitude + rng.uniform(-JITTER_DEGREES, JITTER_DEGREES),
            )
    existing = {org.kvk_number: org for org in Organisation.objects.filter(kvk_number__in=wanted)}
    Organisation.objects.bulk_create([org for kvk, org in wanted.items() if kvk not in existing])
    by_kind: dict[str, list[Organisation]] = {OrganisationKind.EMPLOYER: [], OrganisationKind.ASSOCIATION: []}
    for kvk, org in wanted.items():
        by_kind[org.kind].append(existing.get(kvk, org))
    return by_kind


def _role(rng: Random, organisations: dict[str, list[Organisation]], places, now):
    """A variation on a random demo role: other hours, places, status, weekdays and place."""
    spec = rng.choice(content.ROLES)
    kind = OrganisationKind.ASSOCIATION if spec.kind in ASSOCIATION_ROLE_KINDS else OrganisationKind.EMPLOYER
    organisation = rng.choice(organisations[kind])
    shift = rng.randint(-2, 4)
    hours_min = min(ROLE_HOURS_MAX, max(ROLE_HOURS_MIN, spec.hours[0] + shift))
    hours_max = min(ROLE_HOURS_MAX, max(hours_min, spec.hours[1] + shift))
    weekdays = spec.weekdays
    if rng.random() < 0.3:
        weekdays = content.days(" ".join(rng.sample(("ma", "di", "wo", "do", "vr", "za"), rng.randint(2, 5))))
    place = None
    if spec.area or spec.at_requester_address:
        area = rng.choice(places)
        place = SimpleNamespace(latitude=area.latitude + rng.uniform(-JITTER_DEGREES, JITTER_DEGREES),
                                longitude=area.longitude + rng.uniform(-JITTER_DEGREES, JITTER_DEGREES))
    role = build_role(
        spec, organisation=organisation, place=place,
        published_at=now - timedelta(minutes=rng.randint(0, 60 * 24 * 90)),
        hours_min=hours_min, hours_max=hours_max, weekdays=weekdays,
        places=max(1, spec.places + rng.randint(-1, 2)), status=people.pick(rng, ROLE_STATUSES),
    )
    return role, spec.skills
