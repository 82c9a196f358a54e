"""The job seeker's portal with the Django test client: matches, roles, interest, consent, withdrawing."""

import pytest

from marketplace.choices import ApplicationStatus, RoleKind
from marketplace.constants import Support
from marketplace.models.applications import Application
from marketplace.services.applications import application_express_interest, application_invite
from tests import factories
from tests.portal import fake_matching as matching
from tests.portal.fake_matching import RoleMatch, reason
from tests.portal.helpers import en, messages_of, post, published_role, signed_in

pytestmark = pytest.mark.django_db
S = ApplicationStatus


@pytest.fixture(autouse=True)
def fake_matching(monkeypatch):
    return matching.install(monkeypatch)


@pytest.fixture
def seeker(world):
    return signed_in(world.seeker_user)


@pytest.fixture
def role(world):
    return published_role(world.organisation_a, title="Broodkratten klaarzetten", kind=RoleKind.CARVED_TASK)


def test_the_overview_greets_the_seeker_and_shows_work_that_fits_with_reasons(world, seeker, role, fake_matching):
    fake_matching.roles = [RoleMatch(role=role, score=87.5, distance_km=1.2,
                                     reasons=[reason("skills", "Je hebt 3 van de 3 vaardigheden")])]

    html = seeker.get(en("seeker-home")).content.decode()

    assert "Hello Sentinelia" in html
    assert "Broodkratten klaarzetten" in html
    assert "Je hebt 3 van de 3 vaardigheden" in html
    assert en("seeker-role", role.pk) in html


def test_work_that_fits_lists_every_match_with_its_reasons_and_marks_interest_shown(world, seeker, role,
                                                                                    fake_matching):
    other = published_role(world.organisation_b, title="Bedden opmaken")
    fake_matching.roles = [
        RoleMatch(role=role, score=90, reasons=[reason("hours", "Je werkt hier 12 uur, dat past bij je")]),
        RoleMatch(role=other, score=70, reasons=[reason("distance", "Het werk is 4,2 km van je huis")]),
    ]
    application_express_interest(seeker=world.seeker, role=role)

    html = seeker.get(en("seeker-matches")).content.decode()

    assert "Je werkt hier 12 uur, dat past bij je" in html and "Het werk is 4,2 km van je huis" in html
    assert "Fits 90 out of 100" in html
    assert html.count("You showed interest") == 1


def test_without_matches_the_seeker_reads_why(seeker, fake_matching):
    fake_matching.problems = [reason("no_home_location", "We weten nog niet waar je woont", fits=False)]

    html = seeker.get(en("seeker-matches")).content.decode()

    assert "We weten nog niet waar je woont" in html
    assert en("seeker-profile") in html


def test_the_role_list_shows_published_work_of_the_own_municipality_only(world, seeker, role):
    factories.RoleFactory(organisation=world.organisation_a, title="Nog een concept")
    other_town = factories.OrganisationFactory(municipality=world.municipality_b)
    published_role(other_town, title="Werk in Veenwijk")

    html = seeker.get(en("seeker-roles")).content.decode()

    assert "Broodkratten klaarzetten" in html
    assert "Nog een concept" not in html
    assert "Werk in Veenwijk" not in html


def test_the_role_list_filters_by_kind_and_hours_and_keeps_the_choices(world, seeker, role):
    published_role(world.organisation_a, title="Heggen knippen", kind=RoleKind.BUURTDIENST, hours_min=4)

    response = seeker.get(en("seeker-roles"), {"kind": "buurtdienst", "hours": "6"})
    html = response.content.decode()

    assert "Heggen knippen" in html
    assert "Broodkratten klaarzetten" not in html
    assert '<option value="buurtdienst" selected>' in html


def test_the_role_list_filters_by_distance_from_home(world, seeker, role):
    published_role(world.organisation_a, title="Ver weg", latitude=53.2, longitude=6.5)

    html = seeker.get(en("seeker-roles"), {"distance": "10"}).content.decode()

    assert "Broodkratten klaarzetten" in html
    assert "Ver weg" not in html
    assert "km from home" in html


def test_the_role_list_offers_the_public_sites_filters_on_skill_and_support(world, seeker, role):
    skill = factories.SkillFactory(name_en="Pruning")
    hedges = published_role(world.organisation_a, title="Heggen knippen", support_offered=Support.JOB_COACH)
    factories.RoleSkillFactory(role=hedges, skill=skill)

    by_support = seeker.get(en("seeker-roles"), {"support": "job_coach"}).content.decode()
    by_skill = seeker.get(en("seeker-roles"), {"skill": str(skill.pk)}).content.decode()

    assert "Heggen knippen" in by_support and "Broodkratten klaarzetten" not in by_support
    assert "Heggen knippen" in by_skill and "Broodkratten klaarzetten" not in by_skill
    assert f'<option value="{skill.pk}" selected>Pruning</option>' in by_skill


def test_a_bad_filter_value_is_named_and_the_other_filters_still_work(world, seeker, role):
    response = seeker.get(en("seeker-roles"), {"hours": "veel", "kind": "carved_task"})
    html = response.content.decode()

    assert response.status_code == 200
    assert 'aria-invalid="true"' in html
    assert "Broodkratten klaarzetten" in html


def test_a_role_of_another_municipality_or_in_draft_is_not_found(world, seeker):
    other_town = factories.OrganisationFactory(municipality=world.municipality_b)

    assert seeker.get(en("seeker-role", published_role(other_town).pk)).status_code == 404
    assert seeker.get(en("seeker-role", factories.RoleFactory(organisation=world.organisation_a).pk)).status_code == 404


def test_the_role_page_says_when_the_work_may_not_fit(seeker, role, fake_matching):
    fake_matching.why_not = [reason("too_far", "Te ver: 14 km, je reist tot 10 km")]

    html = seeker.get(en("seeker-role", role.pk)).content.decode()

    assert "Te ver: 14 km" in html
    assert "Show interest" in html


def test_showing_interest_creates_one_application_and_opens_its_page(world, seeker, role, fake_matching):
    response = post(seeker, en("seeker-role-interest", role.pk))

    application = Application.objects.get(seeker=world.seeker, role=role)
    assert application.status == S.INTERESTED
    assert response.status_code == 302
    assert response.url == en("seeker-application", application.pk)

    again = post(seeker, en("seeker-role-interest", role.pk), follow=True)
    assert Application.objects.filter(seeker=world.seeker).count() == 1
    assert "You had already shown interest in this work." in messages_of(again)


def test_showing_interest_without_the_csrf_token_is_refused(world, role):
    client = signed_in(world.seeker_user)
    client.get(en("seeker-role", role.pk))

    assert client.post(en("seeker-role-interest", role.pk)).status_code == 403
    assert not Application.objects.exists()


def test_the_application_page_shows_the_status_and_timeline(world, seeker, role):
    application, _created = application_express_interest(seeker=world.seeker, role=role)

    html = seeker.get(en("seeker-application", application.pk)).content.decode()

    assert "You showed interest. Your caseworker will contact you." in html
    assert "by the job seeker" in html
    assert "Interested" in html


def test_a_seeker_agrees_to_an_introduction_the_employer_asked_for(world, seeker, role):
    application = application_invite(role=role, seeker=world.seeker, actor_user=world.employer_a)
    page = seeker.get(en("seeker-application", application.pk)).content.decode()
    assert "May the employer see your name and contact details?" in page

    response = post(seeker, en("seeker-application-consent", application.pk), follow=True)

    application.refresh_from_db()
    assert application.status == S.INTRODUCED
    assert application.seeker_consented_at is not None and application.introduced_at is not None
    assert "You are introduced" in messages_of(response)[0]


def test_consent_on_an_interest_waits_for_the_introduction(world, seeker, role):
    application, _created = application_express_interest(seeker=world.seeker, role=role)

    response = post(seeker, en("seeker-application-consent", application.pk), follow=True)

    application.refresh_from_db()
    assert application.status == S.INTERESTED
    assert application.seeker_consented_at is not None
    assert "once you are introduced" in messages_of(response)[0]
    assert "May the employer see" not in response.content.decode()


def test_a_seeker_withdraws_with_a_note(world, seeker, role):
    application, _created = application_express_interest(seeker=world.seeker, role=role)

    post(seeker, en("seeker-application-withdraw", application.pk), {"note": "Ik heb ander werk."})

    application.refresh_from_db()
    assert application.status == S.WITHDRAWN
    assert application.events.last().note == "Ik heb ander werk."


def test_a_move_the_workflow_refuses_is_explained_with_409(world, seeker, role):
    application, _created = application_express_interest(seeker=world.seeker, role=role)
    post(seeker, en("seeker-application-withdraw", application.pk), follow=True)

    response = post(seeker, en("seeker-application-withdraw", application.pk))

    assert response.status_code == 409
    assert messages_of(response) == ["An application that is withdrawn cannot become withdrawn."]
    assert 'role="status"' in response.content.decode()


def test_an_overlong_note_is_named_and_kept(world, seeker, role):
    application, _created = application_express_interest(seeker=world.seeker, role=role)

    response = post(seeker, en("seeker-application-withdraw", application.pk), {"note": "x" * 1001})

    html = response.content.decode()
    assert response.status_code == 400
    assert 'aria-describedby="id_note_errors"' in html
    assert "x" * 1001 in html
    application.refresh_from_db()
    assert application.status == S.INTERESTED


def test_a_seeker_cannot_open_or_answer_another_seekers_application(world, role):
    other = factories.JobSeekerFactory(municipality=world.municipality_a, with_account=True)
    application, _created = application_express_interest(seeker=other, role=role)
    intruder = signed_in(world.seeker_user)

    assert intruder.get(en("seeker-application", application.pk)).status_code == 404
    assert post(intruder, en("seeker-application-consent", application.pk)).status_code == 404
    assert post(intruder, en("seeker-application-withdraw", application.pk)).status_code == 404
    application.refresh_from_db()
    assert application.status == S.INTERESTED and application.seeker_consented_at is None


def test_my_applications_separates_open_from_finished(world, seeker, role):
    open_one, _created = application_express_interest(seeker=world.seeker, role=role)
    finished, _created = application_express_interest(seeker=world.seeker,
                                                       role=published_role(world.organisation_b, title="Afgerond"))
    post(seeker, en("seeker-application-withdraw", finished.pk))

    html = seeker.get(en("seeker-applications")).content.decode()

    assert html.index("Broodkratten klaarzetten") < html.index("Finished") < html.index("Afgerond")
