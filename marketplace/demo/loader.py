"""``load_demo``: two fictional municipalities with employers, associations, roles, job seekers and logins.

The loader is idempotent: every row has a natural key (CBS code, postcode digits, skill name,
KvK number, organisation and title, municipality and e-mail, username) and a second run only
creates what is missing. Existing rows are left as they are, so a demo in progress survives a
restart of ``make run``; only the demo logins are reset to the printed password and permissions,
so that the table the command prints is always true.
"""

import functools
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from random import Random
from typing import NamedTuple

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone

from marketplace.choices import MembershipRole, OrganisationKind
from marketplace.demo import content, people, taxonomy
from marketplace.demo.bulk import build_role, insert_roles, insert_seekers
from marketplace.demo.carving import load_carving_demo
from marketplace.demo.caseload import load_caseload_demo
from marketplace.demo.koffer import load_koffer_demo
from marketplace.demo.plans import load_plans_demo
from marketplace.demo.providers import load_providers_demo
from marketplace.models import (
    Caseworker,
    JobSeeker,
    Membership,
    Municipality,
    Organisation,
    PostcodeArea,
    Role,
    Skill,
    SkillCategory,
)

DEMO_PASSWORD = "werkplaats-demo-2026"
EMAIL_DOMAIN = "demo.werkplaats.example"
SEEKERS_PER_MUNICIPALITY = {content.HAVENSTAD: 180, content.VEENWIJK: 60}
CASEWORKER_GROUP = "Klantmanagers"
DEMO_SEEKER_AREA = "7414"

# What caseworkers may do in the Wagtail admin: work on the caseload and the roles, read the tenancy.
CASEWORKER_PERMISSIONS = {
    "view_add_change": ("jobseeker", "seekerskill", "ladderstep", "seekerburden", "role", "roleskill",
                        "organisation", "membership", "application", "placement", "retentioncheckpoint",
                        "servicerequest", "skill", "skillcategory", "plan", "assessment", "draagkrachtpicture",
                        "instrument", "instrumentassignment", "caseloadcategory", "categoryplacement",
                        "contactmoment"),
    "view": ("municipality", "postcodearea", "caseworker", "applicationevent", "servicecategory",
             "servicerequeststatuschange"),
}


class DemoLogin(NamedTuple):
    username: str
    first_name: str
    last_name: str
    actor: str
    where: str


DEMO_LOGINS: tuple[DemoLogin, ...] = (
    DemoLogin("werkgever", "Ellen", "de Graaf", "employer", "Ziekenhuis Havenstad (organisation admin)"),
    DemoLogin("werkzoekende", "Samira", "Benali", "job seeker", "Havenstad, full profile with consent"),
    DemoLogin("vereniging", "Gerrit", "Postma", "association", "Wijkvereniging Oostkade (organisation admin)"),
    DemoLogin("aanbieder", "Anouk", "Verbeek", "provider", "Re-integratie Havenstad, provider portal at /aanbieder/"),
    DemoLogin("klantmanager", "Mirjam", "Koster", "caseworker", "Havenstad, Wagtail admin at /admin/"),
    DemoLogin("klantmanager-veenwijk", "Ruud", "Hoekstra", "caseworker", "Veenwijk, Wagtail admin at /admin/"),
    DemoLogin("teamleider", "Karin", "Smits", "caseworker", "Havenstad team leader, cockpit at /admin/cockpit/"),
    DemoLogin("admin", "Beheer", "Werkplaats", "admin", "superuser, Wagtail admin at /admin/"),
)
CASEWORKER_LOGINS = {"klantmanager": content.HAVENSTAD, "klantmanager-veenwijk": content.VEENWIJK}
# Team leaders see the cockpit of their whole municipality; they carry no caseload of their own in the demo.
TEAM_LEADER_LOGINS = {"teamleider": content.HAVENSTAD}
MEMBER_LOGINS = {"werkgever": "ziekenhuis", "vereniging": "wijkvereniging"}


@dataclass(frozen=True)
class DemoSummary:
    counts: dict[str, int]
    created: dict[str, int]
    logins: tuple[DemoLogin, ...]
    password: str
    seconds: float = 0.0

    def format(self) -> str:
        lines = [f"Werkplaats demo data loaded in {self.seconds:.1f} s.", ""]
        lines += [f"  {label:<28}{count:>7}" + (f"   ({self.created[label]} new)" if label in self.created else "")
                  for label, count in self.counts.items()]
        lines += ["", f"Demo logins (password for every login: {self.password})", ""]
        lines.append(f"  {'username':<24}{'password':<24}{'actor':<14}where")
        lines += [f"  {login.username:<24}{self.password:<24}{login.actor:<14}{login.where}"
                  for login in self.logins]
        lines += [
            "",
            f"An API token for a login: curl -X POST {settings.SITE_URL.rstrip('/')}/api/v1/auth/token/ "
            f"-d username=werkgever -d password={self.password}",
        ]
        return "\n".join(lines) + "\n"


def load_demo(*, stdout=None) -> DemoSummary:
    """Load (or complete) the demo data set and return what the database holds afterwards."""
    started = time.monotonic()
    with transaction.atomic():
        loader = _DemoLoader()
        loader.run()
    summary = DemoSummary(counts=_counts(), created=dict(loader.created), logins=DEMO_LOGINS,
                          password=DEMO_PASSWORD, seconds=time.monotonic() - started)
    if stdout is not None:
        stdout.write(summary.format())
    return summary


def _counts() -> dict[str, int]:
    return {
        "municipalities": Municipality.objects.count(),
        "postcode areas": PostcodeArea.objects.count(),
        "skill categories": SkillCategory.objects.count(),
        "skills": Skill.objects.count(),
        "employers": Organisation.objects.filter(kind=OrganisationKind.EMPLOYER).count(),
        "associations": Organisation.objects.filter(kind=OrganisationKind.ASSOCIATION).count(),
        "roles": Role.objects.count(),
        "published roles": Role.objects.published().count(),
        "job seekers": JobSeeker.objects.count(),
        "demo logins": get_user_model().objects.filter(username__in=[d.username for d in DEMO_LOGINS]).count(),
    }


# The counts that the summary reports as "(N new)"; the others are derived.
CREATED_LABELS = ("municipalities", "postcode areas", "skill categories", "skills", "employers", "associations",
                  "roles", "job seekers", "demo logins")


@dataclass
class _DemoLoader:
    now: object = field(default_factory=timezone.now)
    created: Counter = field(default_factory=lambda: Counter(dict.fromkeys(CREATED_LABELS, 0)))

    def run(self) -> None:
        self.municipalities = self._municipalities()
        self.areas = self._areas()
        self.categories, self.skills = self._taxonomy()
        self.organisations = self._organisations()
        self.users = self._users()
        self.caseworkers = self._caseworkers()
        self._memberships()
        self._roles()
        load_carving_demo(municipality=self.municipalities[content.HAVENSTAD])
        self._seekers()
        load_plans_demo(caseworker_user=self.users["klantmanager"], seeker_user=self.users["werkzoekende"])
        # The koffer before the providers' clients, who are deployed with its instruments; the categories last,
        # proposed from the plans' assessments.
        load_koffer_demo(caseworker_users=[self.users["klantmanager"], self.users["klantmanager-veenwijk"]])
        load_providers_demo(caseworker_user=self.users["klantmanager"], provider_user=self.users["aanbieder"],
                            seeker_user=self.users["werkzoekende"])
        load_caseload_demo(caseworker_user=self.users["klantmanager"], municipalities=self.municipalities.values())

    def _create_missing(self, label: str | None, model, wanted: dict, existing: dict) -> dict:
        missing = [obj for key, obj in wanted.items() if key not in existing]
        model.objects.bulk_create(missing)
        if label:
            self.created[label] += len(missing)
        return {key: existing.get(key, obj) for key, obj in wanted.items()}

    def _municipalities(self) -> dict[str, Municipality]:
        wanted = {spec.cbs_code: Municipality(**spec._asdict()) for spec in content.MUNICIPALITIES}
        existing = Municipality.objects.in_bulk(wanted, field_name="cbs_code")
        return self._create_missing("municipalities", Municipality, wanted, existing)

    def _areas(self) -> dict[str, PostcodeArea]:
        wanted = {
            spec.digits: PostcodeArea(digits=spec.digits, municipality=self.municipalities[spec.cbs_code],
                                      latitude=spec.latitude, longitude=spec.longitude)
            for spec in content.AREAS
        }
        existing = PostcodeArea.objects.in_bulk(wanted, field_name="digits")
        return self._create_missing("postcode areas", PostcodeArea, wanted, existing)

    def _taxonomy(self) -> tuple[dict[str, SkillCategory], dict[str, Skill]]:
        wanted = {spec.code: SkillCategory(**spec._asdict()) for spec in taxonomy.CATEGORIES}
        categories = self._create_missing("skill categories", SkillCategory, wanted,
                                          SkillCategory.objects.in_bulk(wanted, field_name="code"))
        wanted = {spec.name_nl: Skill(category=categories[spec.category], name_nl=spec.name_nl,
                                      name_en=spec.name_en) for spec in taxonomy.SKILLS}
        skills = self._create_missing("skills", Skill, wanted, Skill.objects.in_bulk(wanted, field_name="name_nl"))
        return categories, skills

    def _organisations(self) -> dict[str, Organisation]:
        areas = {spec.digits: spec for spec in content.AREAS}
        by_kvk = {}
        for spec in content.ORGANISATIONS:
            municipality = self.municipalities[spec.cbs_code]
            area = areas[spec.postcode[:4]]
            by_kvk[spec.kvk_number] = Organisation(
                municipality=municipality, kind=spec.kind, name=spec.name, kvk_number=spec.kvk_number,
                street=spec.street, postcode=spec.postcode, city=municipality.name,
                latitude=area.latitude, longitude=area.longitude, email=f"{spec.key}@{EMAIL_DOMAIN}",
                is_employment_organisation=spec.is_employment_organisation,
            )
        # KvK numbers are unique only where filled in, so in_bulk() cannot look them up.
        existing = {org.kvk_number: org for org in Organisation.objects.filter(kvk_number__in=by_kvk)}
        saved = self._create_missing(None, Organisation, by_kvk, existing)
        for kvk, org in by_kvk.items():
            if kvk not in existing:
                self.created["employers" if org.kind == OrganisationKind.EMPLOYER else "associations"] += 1
        return {spec.key: saved[spec.kvk_number] for spec in content.ORGANISATIONS}

    def _users(self) -> dict:
        """The demo logins, with their flags and the printed password; the hash is computed once."""
        User = get_user_model()
        existing = User.objects.in_bulk([login.username for login in DEMO_LOGINS], field_name="username")
        shared_hash = functools.cache(lambda: make_password(DEMO_PASSWORD))
        # Hashing is slow on purpose: check each distinct stored hash once, not once per user.
        verified = functools.cache(lambda encoded: check_password(DEMO_PASSWORD, encoded))
        users = {}
        for login in DEMO_LOGINS:
            user = existing.get(login.username) or User(
                username=login.username, first_name=login.first_name, last_name=login.last_name,
                email=f"{login.username}@{EMAIL_DOMAIN}",
            )
            if user.pk is None:
                user.password = shared_hash()
                self.created["demo logins"] += 1
            elif not verified(user.password):
                user.password = shared_hash()
            user.is_active = True
            user.is_staff = login.actor in ("caseworker", "admin")
            user.is_superuser = login.actor == "admin"
            user.save()
            users[login.username] = user
        group = _caseworker_group()
        for username in (*CASEWORKER_LOGINS, *TEAM_LEADER_LOGINS):
            users[username].groups.add(group)
        return users

    def _caseworkers(self) -> dict[str, Caseworker]:
        by_cbs = {}
        for username, cbs_code in CASEWORKER_LOGINS.items():
            by_cbs[cbs_code], _created = Caseworker.objects.get_or_create(
                user=self.users[username],
                defaults={"municipality": self.municipalities[cbs_code], "team": "Werk en Inkomen"},
            )
        for username, cbs_code in TEAM_LEADER_LOGINS.items():
            Caseworker.objects.update_or_create(
                user=self.users[username],
                defaults={"municipality": self.municipalities[cbs_code], "team": "Werk en Inkomen",
                          "is_team_leader": True},
            )
        return by_cbs

    def _memberships(self) -> None:
        for username, organisation_key in MEMBER_LOGINS.items():
            Membership.objects.get_or_create(
                user=self.users[username], organisation=self.organisations[organisation_key],
                defaults={"role": MembershipRole.ADMIN},
            )

    def _roles(self) -> None:
        organisation_ids = [organisation.pk for organisation in self.organisations.values()]
        existing = set(Role.objects.filter(organisation__in=organisation_ids).values_list("organisation", "title"))
        authors = {key: self.users[username] for username, key in MEMBER_LOGINS.items()}
        missing = []
        for index, spec in enumerate(content.ROLES):
            organisation = self.organisations[spec.organisation]
            if (organisation.pk, spec.title) in existing:
                continue
            # Spread publication over the last weeks so that "newest first" lists look lived in.
            published_at = self.now - timedelta(days=(index * 7) % 45 + 1, hours=index % 9)
            role = build_role(spec, organisation=organisation, place=self.areas.get(spec.area),
                              published_at=published_at, created_by=authors.get(spec.organisation))
            missing.append((role, spec.skills))
        self.created["roles"] += insert_roles(missing, skill_ids={name: s.pk for name, s in self.skills.items()})

    def _seekers(self) -> None:
        skill_ids = {name: skill.pk for name, skill in self.skills.items()}
        category_ids = {code: category.pk for code, category in self.categories.items()}
        common = {"skill_ids": skill_ids, "category_ids": category_ids, "consent_at": self.now}
        today = timezone.localdate()
        seeker_user = self.users["werkzoekende"]
        if not JobSeeker.objects.filter(user=seeker_user).exists():
            profile = people.demo_seeker_profile(self.areas[DEMO_SEEKER_AREA], today)
            self.created["job seekers"] += insert_seekers(
                [profile], municipality=self.municipalities[content.HAVENSTAD],
                caseworkers=[self.caseworkers[content.HAVENSTAD]], users={profile.email: seeker_user}, **common,
            )
        taken = {("Samira", "Benali")}  # the demo login's name
        skills_by_category = {}
        for spec in taxonomy.SKILLS:
            skills_by_category.setdefault(spec.category, []).append(spec.name_nl)
        for cbs_code, count in SEEKERS_PER_MUNICIPALITY.items():
            municipality = self.municipalities[cbs_code]
            places = [area for area in self.areas.values() if area.municipality_id == municipality.pk]
            profiles = people.unique_profiles(
                Random(f"werkplaats-demo-{cbs_code}"), count, places=places,
                skills_by_category=skills_by_category, today=today, email_domain=EMAIL_DOMAIN, taken=taken,
            )
            known = set(JobSeeker.objects.filter(municipality=municipality, email__in=[p.email for p in profiles])
                        .values_list("email", flat=True))
            self.created["job seekers"] += insert_seekers(
                [profile for profile in profiles if profile.email not in known], municipality=municipality,
                caseworkers=[self.caseworkers[cbs_code]], **common,
            )


def _caseworker_group() -> Group:
    """The "Klantmanagers" group: Wagtail admin access and the caseworker's model permissions."""
    group, _created = Group.objects.get_or_create(name=CASEWORKER_GROUP)
    codenames = [f"{action}_{model}" for model in CASEWORKER_PERMISSIONS["view_add_change"]
                 for action in ("view", "add", "change")]
    codenames += [f"view_{model}" for model in CASEWORKER_PERMISSIONS["view"]]
    permissions = list(Permission.objects.filter(content_type__app_label="marketplace", codename__in=codenames))
    permissions += list(Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin"))
    group.permissions.add(*permissions)
    return group
