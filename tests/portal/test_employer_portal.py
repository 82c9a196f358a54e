"""The employer's portal with the Django test client: roles, candidates, and the moves up to a placement."""

import datetime
from decimal import Decimal

import pytest

from marketplace.access import actor_for
from marketplace.choices import ApplicationStatus, RoleStatus
from marketplace.constants import Support, Weekday
from marketplace.models import Role
from marketplace.models.applications import Application
from marketplace.services.applications import (
    PlacementTerms,
    application_consent,
    application_express_interest,
    application_introduce,
    application_invite,
    application_place,
    application_start_trial,
)
from tests import factories
from tests.portal import fake_matching as matching
from tests.portal.helpers import en, messages_of, post, published_role, signed_in

pytestmark = pytest.mark.django_db
S = ApplicationStatus


@pytest.fixture(autouse=True)
def fake_matching(monkeypatch):
    return matching.install(monkeypatch)


@pytest.fixture
def employer(world):
    return signed_in(world.employer_a)


@pytest.fixture
def role(world):
    return published_role(world.organisation_a, title="Broodkratten klaarzetten", places=1)


@pytest.fixture
def introduced(world, role):
    """The seeker of the persona matrix, invited by employer A and agreeing to the introduction."""
    application = application_invite(role=role, seeker=world.seeker, actor_user=world.employer_a)
    return application_consent(application=application, actor_user=world.seeker_user)


def role_form(**overrides) -> dict:
    data = {"title": "Kratten klaarzetten", "kind": "carved_task", "description": "Elke ochtend kratten klaarzetten.",
            "hours_min": "8", "hours_max": "16", "weekdays": ["mon", "tue"], "places": "2",
            "hourly_wage": "14.40", "language_level_required": "1", "target_rung": "5", "postcode": "1234 AB",
            "city": "Havenstad", "skills-TOTAL_FORMS": "3", "skills-INITIAL_FORMS": "0",
            "skills-MIN_NUM_FORMS": "0", "skills-MAX_NUM_FORMS": "30",
            **{f"skills-{row}-level": "1" for row in range(3)}}
    data.update(overrides)
    return data


def test_my_roles_lists_the_roles_of_my_organisation_only(world, employer, role):
    published_role(world.organisation_b, title="Kamers schoonmaken")

    html = employer.get(en("employer-roles")).content.decode()

    assert "Broodkratten klaarzetten" in html
    assert "Kamers schoonmaken" not in html


def test_an_employer_posts_a_draft_role_with_skills(world, employer):
    packing = factories.SkillFactory()

    response = post(employer, en("employer-role-create"), role_form(**{
        "skills-0-skill": str(packing.pk), "skills-0-level": "2", "skills-0-required": "on",
        "support_offered": ["job_coach"]}))

    role = Role.objects.get(title="Kratten klaarzetten")
    assert response.status_code == 302 and response.url == en("employer-role", role.pk)
    assert role.organisation == world.organisation_a and role.status == RoleStatus.DRAFT
    assert role.weekdays == Weekday.MON | Weekday.TUE and role.support_offered == Support.JOB_COACH
    assert role.hourly_wage == Decimal("14.40")
    assert [(item.skill_id, item.level, item.required) for item in role.skill_requirements.all()] == [
        (packing.pk, 2, True)]


def test_bad_role_input_is_named_next_to_each_field_and_kept(employer):
    response = post(employer, en("employer-role-create"), role_form(
        title="", hours_min="20", hours_max="10", weekdays=[], postcode="12"))

    html = response.content.decode()
    assert response.status_code == 400
    for field in ("title", "hours_max", "weekdays"):
        assert f'id="id_{field}_errors"' in html
    assert 'aria-describedby="id_title_errors"' in html or 'aria-describedby="id_title_help id_title_errors"' in html
    assert 'value="20"' in html
    assert not Role.objects.exists()


def test_a_postcode_the_service_refuses_is_shown_at_the_postcode_field(employer):
    response = post(employer, en("employer-role-create"), role_form(postcode="ABCD"))

    assert response.status_code == 400
    assert 'id="id_postcode_errors"' in response.content.decode()
    assert not Role.objects.exists()


def test_an_employer_edits_and_publishes_a_role_then_closes_it(world, employer):
    role = factories.RoleFactory(organisation=world.organisation_a, title="Oud")

    post(employer, en("employer-role-edit", role.pk), role_form(title="Nieuw"))
    post(employer, en("employer-role-publish", role.pk))
    role.refresh_from_db()
    assert (role.title, role.status) == ("Nieuw", RoleStatus.PUBLISHED)

    post(employer, en("employer-role-close", role.pk))
    role.refresh_from_db()
    assert role.status == RoleStatus.CLOSED


def test_publishing_twice_is_refused_with_409_and_a_reason(employer, role):
    response = post(employer, en("employer-role-publish", role.pk))

    assert response.status_code == 409
    assert messages_of(response) == ["A role that is published cannot become published."]


def test_an_employer_cannot_see_or_change_another_organisations_role(world, employer):
    other = published_role(world.organisation_b)

    assert employer.get(en("employer-role", other.pk)).status_code == 404
    assert employer.get(en("employer-role-edit", other.pk)).status_code == 404
    assert post(employer, en("employer-role-edit", other.pk), role_form(title="Gekaapt")).status_code == 404
    assert post(employer, en("employer-role-close", other.pk)).status_code == 404
    other.refresh_from_db()
    assert other.status == RoleStatus.PUBLISHED and other.title != "Gekaapt"


def test_a_published_role_shows_anonymous_candidate_cards_with_reasons(employer, role, fake_matching):
    fake_matching.candidates = [matching.CandidateMatch(
        candidate_ref="ref-1", score=81, card=matching.card(
            hours_max=20, support_needs=int(Support.JOB_COACH),
            reasons=[matching.reason("skills", "De kandidaat heeft 2 van de 3 gevraagde vaardigheden", fits=False)]))]

    html = employer.get(en("employer-role", role.pk)).content.decode()

    assert "De kandidaat heeft 2 van de 3 gevraagde vaardigheden" in html and "0–5 km" in html and "Inpakken" in html
    assert "Points for your attention" in html and "Why this candidate fits" not in html
    assert "Support needed at work" in html and "Job coach" in html
    assert "ladder" not in html
    assert 'name="candidate" value="ref-1"' in html
    assert ("candidates_for_role", role.pk, 20) in fake_matching.calls


def test_a_draft_role_asks_to_publish_before_showing_candidates(world, employer, fake_matching):
    draft = factories.RoleFactory(organisation=world.organisation_a)

    html = employer.get(en("employer-role", draft.pk)).content.decode()

    assert "Publish the role to see candidates who fit." in html
    assert not fake_matching.calls


def test_the_application_is_an_anonymous_card_until_the_introduction(world, employer, role):
    application, _created = application_express_interest(seeker=world.seeker, role=role)

    html = employer.get(en("employer-application", application.pk)).content.decode()

    assert f"Candidate {application.candidate_number}" in html
    assert "Sentinelia" not in html and "sentinel-seeker@example.nl" not in html


def test_after_the_introduction_the_employer_sees_name_and_contact_details(world, employer, introduced):
    html = employer.get(en("employer-application", introduced.pk)).content.decode()

    assert "Sentinelia Geheimnaam" in html
    assert "sentinel-seeker@example.nl" in html and "0699999999" in html
    assert "SENTINEL-SCHULD" not in html and "Geheimstraat" not in html


def test_an_employer_introduces_a_candidate_who_consented(world, employer, role):
    application, _created = application_express_interest(seeker=world.seeker, role=role)
    application_consent(application=application, actor_user=world.seeker_user)

    response = post(employer, en("employer-application-introduce", application.pk), follow=True)

    application.refresh_from_db()
    assert application.status == S.INTRODUCED
    assert "Sentinelia Geheimnaam" in response.content.decode()


def test_an_introduction_without_consent_is_refused_with_409(world, employer, role):
    application, _created = application_express_interest(seeker=world.seeker, role=role)

    response = post(employer, en("employer-application-introduce", application.pk))

    assert response.status_code == 409
    assert "has not agreed" in messages_of(response)[0]
    assert "Sentinelia" not in response.content.decode()


def test_an_employer_accepts_a_trial_and_then_a_placement_with_a_job_coach(world, employer, introduced):
    post(employer, en("employer-application-trial", introduced.pk))
    introduced.refresh_from_db()
    assert introduced.status == S.TRIAL

    form_page = employer.get(en("employer-application-place", introduced.pk))
    assert form_page.status_code == 200
    response = post(employer, en("employer-application-place", introduced.pk), {
        "start_date": "2025-04-01", "hours_per_week": "16", "hourly_wage": "15.10", "job_coach": "on"})

    assert response.status_code == 302
    introduced.refresh_from_db()
    placement = introduced.placement
    assert introduced.status == S.PLACED
    assert (placement.start_date, placement.hours_per_week, placement.hourly_wage) == (
        datetime.date(2025, 4, 1), 16, Decimal("15.10"))
    assert placement.has_job_coach
    assert placement.checkpoints.count() == 4


def test_a_trial_on_a_full_role_is_refused_with_409_and_a_clear_message(world, employer, role, introduced):
    other = factories.JobSeekerFactory(municipality=world.municipality_a, with_account=True)
    holder, _created = application_express_interest(seeker=other, role=role)
    application_consent(application=holder, actor_user=other.user)
    application_introduce(application=holder, actor_user=world.employer_a)
    application_start_trial(application=holder, actor_user=world.employer_a)

    response = post(employer, en("employer-application-trial", introduced.pk))

    assert response.status_code == 409
    assert messages_of(response) == [
        "Every place of this role is taken (1 of 1). A trial can start when a place frees up."]
    introduced.refresh_from_db()
    assert introduced.status == S.INTRODUCED


def test_bad_placement_terms_are_named_and_kept(world, employer, introduced):
    application_start_trial(application=introduced, actor_user=world.employer_a)

    response = post(employer, en("employer-application-place", introduced.pk), {
        "start_date": "gisteren", "hours_per_week": "60", "hourly_wage": "15.10"})

    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_start_date_errors"' in html and 'id="id_hours_per_week_errors"' in html
    assert 'value="gisteren"' in html
    introduced.refresh_from_db()
    assert introduced.status == S.TRIAL


def test_placing_an_application_that_is_not_on_trial_is_refused_with_409(world, employer, introduced):
    response = post(employer, en("employer-application-place", introduced.pk), {
        "start_date": "2025-04-01", "hours_per_week": "16"})

    assert response.status_code == 409
    assert "cannot become placed" in messages_of(response)[0]


def test_an_employer_ends_a_placement_with_a_reason(world, employer, introduced):
    application_start_trial(application=introduced, actor_user=world.employer_a)
    application_place(application=introduced, actor_user=world.employer_a,
                      terms=PlacementTerms(start_date=datetime.date(2025, 1, 6), hours_per_week=12))

    missing = post(employer, en("employer-application-end", introduced.pk), {"reason": ""})
    assert missing.status_code == 400 and 'id="id_reason_errors"' in missing.content.decode()

    post(employer, en("employer-application-end", introduced.pk),
         {"reason": "Het seizoen is voorbij.", "end_date": "2025-06-30"})
    introduced.refresh_from_db()
    assert introduced.status == S.ENDED
    assert introduced.placement.end_reason == "Het seizoen is voorbij."
    assert introduced.placement.end_date == datetime.date(2025, 6, 30)


def test_an_employer_declines_a_candidate_with_a_note(world, employer, role):
    application, _created = application_express_interest(seeker=world.seeker, role=role)

    post(employer, en("employer-application-decline", application.pk), {"note": "We kozen iemand anders."})

    application.refresh_from_db()
    assert application.status == S.DECLINED


def test_an_employer_cannot_see_or_move_another_organisations_applications(world, role, introduced):
    intruder = signed_in(world.employer_b)

    assert intruder.get(en("employer-application", introduced.pk)).status_code == 404
    for name in ("employer-application-trial", "employer-application-decline", "employer-application-introduce",
                 "employer-application-place", "employer-application-end"):
        assert post(intruder, en(name, introduced.pk), {"reason": "x", "start_date": "2025-01-01",
                                                         "hours_per_week": "8"}).status_code == 404
    assert "Broodkratten" not in intruder.get(en("employer-applications")).content.decode()
    introduced.refresh_from_db()
    assert introduced.status == S.INTRODUCED


def test_the_applications_page_lists_open_applications_by_anonymous_label(world, employer, role):
    application, _created = application_express_interest(seeker=world.seeker, role=role)

    html = employer.get(en("employer-applications")).content.decode()

    assert f"Candidate {application.candidate_number}" in html
    assert Application.objects.count() == 1


def test_an_employer_invites_an_anonymous_candidate_by_the_reference_on_the_card(world, employer, role,
                                                                                 fake_matching):
    candidates = fake_matching.real["candidates_for_role"](role=role, actor=actor_for(world.employer_a))
    fake_matching.candidates = candidates
    ref = candidates[0].candidate_ref
    assert str(world.seeker.pk) != ref

    response = post(employer, en("employer-role-invite", role.pk), {"candidate": ref})

    application = Application.objects.get(role=role)
    assert application.seeker == world.seeker and application.status == S.PROPOSED
    assert response.status_code == 302 and response.url == en("employer-application", application.pk)


def test_a_tampered_or_foreign_reference_invites_nobody(world, employer, role, fake_matching):
    other_role = published_role(world.organisation_a, title="Ander werk")
    foreign = fake_matching.real["candidates_for_role"](role=other_role, actor=actor_for(world.employer_a))

    for ref in ("", str(world.seeker.pk), "bogus:signature", foreign[0].candidate_ref):
        response = post(employer, en("employer-role-invite", role.pk), {"candidate": ref})
        assert response.status_code == 400, ref
        assert messages_of(response) == ["We could not find this candidate. Refresh the page and try again."]
    assert not Application.objects.exists()


def test_inviting_a_candidate_who_is_already_further_along_is_refused_with_409(world, employer, role, introduced,
                                                                                fake_matching):
    candidates = fake_matching.real["candidates_for_role"](role=role, actor=actor_for(world.employer_a))
    fake_matching.candidates = candidates

    response = post(employer, en("employer-role-invite", role.pk), {"candidate": candidates[0].candidate_ref})

    assert response.status_code == 409
    assert "already has an application" in messages_of(response)[0]


def test_the_placement_form_is_only_offered_when_a_placement_is_possible(world, employer, introduced):
    response = employer.get(en("employer-application-place", introduced.pk), follow=True)

    assert response.redirect_chain[-1][0] == en("employer-application", introduced.pk)
    assert messages_of(response) == ["This step is not possible for this application now."]
    assert employer.get(en("employer-application-end", introduced.pk)).status_code == 302


def test_a_wage_of_zero_is_refused_at_the_wage_field(employer):
    response = post(employer, en("employer-role-create"), role_form(hourly_wage="0"))

    assert response.status_code == 400
    assert 'id="id_hourly_wage_errors"' in response.content.decode()
    assert not Role.objects.exists()

