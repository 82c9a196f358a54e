"""``manage.py load_demo``: a complete, repeatable demo with one working login per actor."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import RequestFactory

from marketplace.access import actor_for
from marketplace.choices import MembershipRole, OrganisationKind, RoleKind, RoleStatus
from marketplace.constants import LanguageLevel, Weekday
from marketplace.demo import DEMO_PASSWORD
from marketplace.models import (
    BurdenVersion,
    Caseworker,
    JobSeeker,
    LadderStep,
    Membership,
    Municipality,
    Organisation,
    PostcodeArea,
    Role,
    RoleSkill,
    SeekerBurden,
    SeekerSkill,
    ServiceRequest,
    Skill,
    SkillCategory,
)
from marketplace.models.seekers import BURDEN_CATEGORIES
from marketplace.models.service_requests import ServiceRequestStatus

DEMO_USERNAMES = ("werkgever", "werkzoekende", "vereniging", "aanbieder", "klantmanager", "klantmanager-veenwijk",
                  "admin")


def signs_in(username: str, password: str = DEMO_PASSWORD) -> bool:
    # The lock-out backend needs the request a sign-in comes with, as the login pages pass it.
    return authenticate(RequestFactory().post("/accounts/login/"), username=username, password=password) is not None


def run_load_demo() -> str:
    out = StringIO()
    call_command("load_demo", allow_demo_logins=True, stdout=out)
    return out.getvalue()


@pytest.fixture
def demo_output(db):
    return run_load_demo()


def row_counts() -> dict[str, int]:
    models = (Municipality, PostcodeArea, SkillCategory, Skill, Organisation, Membership, Caseworker, Role,
              RoleSkill, JobSeeker, SeekerSkill, SeekerBurden, LadderStep, get_user_model())
    return {model.__name__: model.objects.count() for model in models}


def test_load_demo_fills_the_catalogue_the_caseload_and_the_partners(demo_output):
    assert Municipality.objects.count() == 2
    assert Skill.objects.count() >= 60
    assert Role.objects.count() >= 60
    assert JobSeeker.objects.count() >= 200
    assert Organisation.objects.filter(kind=OrganisationKind.EMPLOYER).count() >= 10
    assert Organisation.objects.filter(kind=OrganisationKind.ASSOCIATION).count() == 5
    published_kinds = set(Role.objects.published().values_list("kind", flat=True))
    assert published_kinds == set(RoleKind.values)


def test_every_demo_municipality_has_postcode_areas_and_a_caseworker(demo_output):
    for municipality in Municipality.objects.all():
        assert municipality.postcode_areas.count() >= 10
        assert municipality.caseworkers.exists()


def test_skills_have_dutch_and_english_names_and_no_invented_esco_uris(demo_output):
    assert not Skill.objects.filter(name_en="").exists()
    assert not Skill.objects.exclude(esco_uri="").exists()
    assert SkillCategory.objects.count() >= 10


def test_roles_are_mostly_published_with_some_draft_filled_and_closed(demo_output):
    statuses = list(Role.objects.values_list("status", flat=True))
    assert statuses.count(RoleStatus.PUBLISHED) > 0.8 * len(statuses)
    for status in (RoleStatus.DRAFT, RoleStatus.FILLED, RoleStatus.CLOSED):
        assert status in statuses
    assert not Role.objects.published().filter(published_at__isnull=True).exists()
    # Roles planned from a neighbourhood-service request carry no skill requirements: anyone can help.
    assert not Role.objects.filter(skill_requirements__isnull=True, service_request__isnull=True).exists()


def test_demo_rows_pass_model_validation(demo_output):
    for model in (Organisation, Role, RoleSkill, JobSeeker, SeekerSkill, LadderStep):
        for row in model.objects.all()[:150]:
            row.full_clean()


def test_running_load_demo_twice_leaves_every_count_unchanged(demo_output):
    before = row_counts()

    second_output = run_load_demo()

    assert row_counts() == before
    assert "(0 new)" in second_output and "(241 new)" not in second_output


def test_every_printed_login_signs_in_with_the_printed_password(demo_output):
    assert f"password for every login: {DEMO_PASSWORD}" in demo_output
    for username in DEMO_USERNAMES:
        assert username in demo_output
        assert signs_in(username), username


def test_the_printed_token_request_returns_an_api_token(demo_output, client):
    assert "/api/v1/auth/token/" in demo_output

    response = client.post("/api/v1/auth/token/", {"username": "werkgever", "password": DEMO_PASSWORD})

    assert response.status_code == 200
    assert response.json()["token"]


def test_each_demo_login_acts_as_its_actor(demo_output):
    users = get_user_model().objects.in_bulk(DEMO_USERNAMES, field_name="username")
    assert actor_for(users["werkgever"]).is_employer
    assert actor_for(users["vereniging"]).is_association
    assert actor_for(users["werkzoekende"]).seeker.municipality.name == "Havenstad"
    assert actor_for(users["klantmanager"]).caseworker.municipality.name == "Havenstad"
    assert actor_for(users["klantmanager-veenwijk"]).caseworker.municipality.name == "Veenwijk"
    assert users["admin"].is_superuser


def test_caseworkers_and_admin_may_enter_the_wagtail_admin(demo_output, client):
    for username in ("klantmanager", "klantmanager-veenwijk", "admin"):
        user = get_user_model().objects.get(username=username)
        assert user.is_staff
        assert user.has_perm("wagtailadmin.access_admin")
    assert get_user_model().objects.get(username="klantmanager").has_perm("marketplace.change_jobseeker")
    assert not get_user_model().objects.get(username="werkgever").has_perm("wagtailadmin.access_admin")

    signed_in = client.post("/admin/login/", {"username": "klantmanager", "password": DEMO_PASSWORD})
    assert signed_in.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_changed_demo_password_is_reset_to_the_printed_one(demo_output):
    user = get_user_model().objects.get(username="werkgever")
    user.set_password("iets-heel-anders-42")
    user.save()

    run_load_demo()

    assert signs_in("werkgever")


def test_employer_login_administers_an_employer_with_several_published_roles(demo_output):
    membership = Membership.objects.select_related("organisation").get(user__username="werkgever")
    assert membership.role == MembershipRole.ADMIN
    assert membership.organisation.kind == OrganisationKind.EMPLOYER
    assert membership.organisation.roles.published().count() >= 3
    assert membership.organisation.roles.filter(title="Bedden opmaken en kamers klaarzetten").exists()


def test_demo_seeker_has_a_full_profile_with_consent_draaglast_and_ladder_history(demo_output):
    seeker = JobSeeker.objects.get(user__username="werkzoekende")
    assert seeker.card_visible and seeker.introduction_allowed and seeker.consent_updated_at
    notes = [name for name in SeekerBurden.SENSITIVE_FIELDS if name not in SeekerBurden.SEVERITY_FIELDS]
    assert all(getattr(seeker.burden, name) for name in notes)
    assert all(getattr(seeker.burden, name) is not None for name in SeekerBurden.SEVERITY_FIELDS)  # all assessed
    assert seeker.ladder_history.count() >= 2
    assert seeker.skill_levels.count() >= 5
    assert seeker.interests.exists()
    assert seeker.caseworker.user.username == "klantmanager"
    assert seeker.hours_min and seeker.hours_max and seeker.weekdays and seeker.latitude


def test_demo_seeker_has_an_older_draaglast_version_and_a_current_one_that_matches_the_draaglast(demo_output):
    seeker = JobSeeker.objects.get(user__username="werkzoekende")
    current, older = BurdenVersion.objects.filter(seeker=seeker).order_by("-version")[:2]

    assert (current.version, older.version) == (2, 1)
    assert older.recorded_at < current.recorded_at - datetime.timedelta(days=300)
    assert current.values == {name: getattr(seeker.burden, name) for name in SeekerBurden.SENSITIVE_FIELDS}
    assert older.values["language_gap_severity"] > current.values["language_gap_severity"]
    assert current.recorded_by == seeker.caseworker.user


def test_demo_severities_follow_the_notes_and_every_seeker_has_a_current_version(demo_output):
    seekers = list(JobSeeker.objects.exclude(user__username="werkzoekende").select_related("burden"))
    latest = {version.seeker_id: version for version in BurdenVersion.objects.filter(version=1)}

    for seeker in seekers:
        for key in BURDEN_CATEGORIES:
            note, severity = getattr(seeker.burden, key), getattr(seeker.burden, f"{key}_severity")
            assert (severity or 0) > 0 if note else severity in (0, None), (seeker.pk, key)
        assert latest[seeker.pk].values["debts_severity"] == seeker.burden.debts_severity
    assert any(seeker.burden.health_severity == 3 for seeker in seekers)


def test_demo_seeker_finds_several_published_roles_nearby_that_fit(demo_output):
    seeker = JobSeeker.objects.get(user__username="werkzoekende")
    own_skills = set(seeker.skill_levels.values_list("skill", flat=True))
    nearby = (Role.objects.published().for_municipality(seeker.municipality)
              .near(seeker.latitude, seeker.longitude, seeker.max_travel_km).with_listing_relations())
    fitting = [
        role for role in nearby
        if role.language_level_required <= seeker.language_level
        and not role.physical_demands & seeker.physical_limits
        and not seeker.support_needs & ~role.support_offered
        and role.weekdays & seeker.weekdays
        and role.hours_min <= seeker.hours_max
        and role.target_rung <= seeker.rung + 1
        and own_skills & {requirement.skill_id for requirement in role.skill_requirements.all()}
    ]
    assert len(fitting) >= 5


def test_seekers_have_varied_profiles_inside_their_municipality(demo_output):
    seekers = list(JobSeeker.objects.select_related("municipality", "burden"))
    areas = {area.digits: area for area in PostcodeArea.objects.all()}
    for seeker in seekers:
        area = areas[seeker.home_postcode[:4]]
        assert area.municipality_id == seeker.municipality_id
        assert (seeker.latitude, seeker.longitude) == (area.latitude, area.longitude)
    languages = [seeker.language_level for seeker in seekers]
    assert sum(LanguageLevel.A1 <= level <= LanguageLevel.B2 for level in languages) > 0.7 * len(seekers)
    assert {seeker.rung for seeker in seekers} == {1, 2, 3, 4, 5, 6}
    assert sum(bool(seeker.physical_limits) for seeker in seekers) >= 20
    assert sum(bool(seeker.support_needs) for seeker in seekers) >= 20
    assert sum(bool(seeker.burden.debts or seeker.burden.health or seeker.burden.language_gap
                    or seeker.burden.care_duties) for seeker in seekers) > 0.5 * len(seekers)
    assert sum(seeker.card_visible for seeker in seekers) > 0.7 * len(seekers)
    assert len({(seeker.first_name, seeker.last_name) for seeker in seekers}) == len(seekers)


def test_load_demo_refuses_to_create_known_passwords_when_debug_is_off(db, settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="published password"):
        call_command("load_demo", stdout=StringIO())

    assert not Municipality.objects.exists()
    assert not get_user_model().objects.filter(username="admin").exists()


def test_the_printed_hints_use_the_address_the_server_listens_on(db, settings):
    settings.SITE_URL = "http://127.0.0.1:8301"

    output = run_load_demo()

    assert "http://127.0.0.1:8301/api/v1/auth/token/" in output
    assert ":8000" not in output


def test_the_demo_association_finds_requests_in_several_states_on_first_sign_in(demo_output, client):
    client.force_login(get_user_model().objects.get(username="vereniging"))

    page = client.get("/vereniging/").content.decode()

    for status in ("Ingediend", "In behandeling", "Ingepland", "Afgewezen"):
        assert status in page
    planned = ServiceRequest.objects.get(status=ServiceRequestStatus.PLANNED,
                                         organisation__name="Wijkvereniging Oostkade")
    assert Role.objects.get(service_request=planned).weekdays == Weekday.SAT


def test_running_load_demo_again_adds_no_second_set_of_association_requests(demo_output):
    before = ServiceRequest.objects.count()

    run_load_demo()

    assert ServiceRequest.objects.count() == before == 4
