"""The caseload pages in the admin: plan of action, draagkracht picture and assessments of one job seeker.

Caseworkers with the demo group's permissions work on their own municipality's job seekers only; the
sensitive scores appear only after a purpose, which is logged; every refusal shows next to the form.
"""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from marketplace.access import actor_for
from marketplace.models import Assessment, DraagkrachtPicture, Plan, PlanAction, SensitiveAccessLog
from marketplace.services.assessments import assessment_record
from marketplace.services.plans import plan_action_add, plan_agree, plan_create
from tests import factories
from tests.cms.test_admin import admin_user, signed_in
from tests.cms.test_admin_smoke import demo_caseworker_permissions

pytestmark = pytest.mark.django_db


def days(n: int):
    return timezone.localdate() + timedelta(days=n)


def page(name: str, seeker) -> str:
    return reverse(f"caseload:{name}", args=[seeker.pk])


def in_english(user):
    """The admin in English for ``user``, so that the assertions read the source strings."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def caseworker(world):
    return in_english(admin_user(world.caseworker_a, *demo_caseworker_permissions()))


@pytest.fixture
def admin(client, caseworker):
    return signed_in(client, caseworker)


@pytest.fixture
def plan(world) -> Plan:
    actor = actor_for(world.caseworker_a)
    plan = plan_create(actor=actor, seeker=world.seeker, goal="Werken in de keuken", review_date=days(60))
    plan_action_add(actor=actor, plan=plan, description="Cv maken", owner="seeker", due_date=days(10))
    return Plan.objects.get(pk=plan.pk)


def test_the_caseload_lists_the_municipalitys_job_seekers_with_the_state_of_their_plan(world, admin, plan):
    html = admin.get(reverse("caseload:index")).content.decode()

    assert page("plan", world.seeker) in html
    assert "Not agreed yet" in html
    assert page("plan", world.seeker_b) not in html


def test_a_caseworker_makes_a_plan_adds_an_action_and_sees_it(world, admin):
    made = admin.post(page("plan", world.seeker), {"form": "plan", "goal": "Ik wil koken.",
                                                   "review_date": days(40).isoformat()})
    added = admin.post(page("plan", world.seeker), {"form": "action", "description": "Hygiënecursus",
                                                    "owner": "other", "owner_name": "ROC Havenstad",
                                                    "due_date": days(30).isoformat()})

    assert made.status_code == 302 and added.status_code == 302
    html = admin.get(page("plan", world.seeker)).content.decode()
    assert "Ik wil koken." in html and "Hygiënecursus" in html and "ROC Havenstad" in html
    assert Plan.objects.get().version == 2


@pytest.mark.parametrize("data, message", [
    ({"owner": "other", "owner_name": "", "due_date": days(5)}, "Name the other party"),
    ({"owner": "seeker", "due_date": days(-1)}, "Choose a due date from today on."),
    ({"owner": "seeker", "due_date": days(61)}, "on or before the review date"),
])
def test_a_refused_action_is_explained_next_to_the_form_and_nothing_is_written(world, admin, plan, data, message):
    data = {"form": "action", "description": "Iets", **data, "due_date": data["due_date"].isoformat()}

    response = admin.post(page("plan", world.seeker), data)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert PlanAction.objects.count() == 1


def owner_choices(html: str) -> str:
    return html.split('id="action-form-heading"')[1].split("</form>")[0]


def test_who_does_a_new_action_is_left_for_the_caseworker_to_choose(world, admin, plan):
    html = admin.get(page("plan", world.seeker)).content.decode()

    assert 'name="owner"' in owner_choices(html)
    assert "checked" not in owner_choices(html)


def test_an_action_without_who_does_it_is_refused_on_that_field_and_keeps_the_input(world, admin, plan):
    response = admin.post(page("plan", world.seeker), {"form": "action", "description": "Sollicitatiebrief",
                                                       "due_date": days(5).isoformat()})

    assert response.status_code == 400
    form = response.context["action_form"]
    assert list(form.errors) == ["owner"]
    assert 'value="Sollicitatiebrief"' in owner_choices(response.content.decode())
    assert "Nothing was saved, because of the errors below." in [str(m) for m in response.context["messages"]][0]
    assert PlanAction.objects.count() == 1


def test_the_caseload_pages_link_the_draaglast_page_which_first_asks_for_a_purpose(world, admin, plan):
    burden_url = reverse("marketplace_jobseeker:burden", args=[world.seeker.pk])

    plan_html = admin.get(page("plan", world.seeker)).content.decode()
    picture_html = admin.get(page("picture", world.seeker)).content.decode()
    burden_page = admin.get(burden_url)

    tabs = plan_html.split('aria-label="Caseload pages of')[1].split("</nav>")[0]
    assert re.search(rf'<a href="{burden_url}"[^>]*>Draaglast</a>', tabs)
    assert re.search(rf'<a href="{burden_url}" id="burden-link">a page of its own</a>', picture_html)
    assert burden_page.status_code == 200 and 'name="purpose"' in burden_page.content.decode()
    assert not SensitiveAccessLog.objects.exists()


def test_no_draaglast_link_for_staff_who_may_not_open_it(world, client, plan):
    superuser = signed_in(client, in_english(factories.UserFactory(is_staff=True, is_superuser=True)))
    burden_url = reverse("marketplace_jobseeker:burden", args=[world.seeker.pk])

    for name in ("plan", "picture", "assessments", "category", "contacts"):
        assert burden_url not in superuser.get(page(name, world.seeker)).content.decode()
    assert superuser.get(burden_url).status_code == 404


def test_the_caseworker_edits_an_action_and_ticks_it_off(world, admin, plan):
    action = plan.actions.get()
    form = admin.get(page("plan", world.seeker), {"action": action.pk}).content.decode()
    assert 'value="Cv maken"' in form

    admin.post(page("plan", world.seeker), {"form": "action", "action_id": action.pk, "description": "Cv afmaken",
                                            "owner": "seeker", "due_date": days(12).isoformat()})
    admin.post(page("plan", world.seeker), {"form": "status", "action_id": action.pk, "status": "done"})

    action.refresh_from_db()
    assert (action.description, action.status) == ("Cv afmaken", "done")


def test_the_agreement_of_the_job_seeker_shows_on_the_caseworkers_page(world, admin, plan):
    plan_agree(actor=actor_for(world.seeker_user), plan=plan, version=plan.version)

    html = admin.get(page("plan", world.seeker)).content.decode()

    assert "The job seeker agreed to this plan on" in html
    assert "Agreed to the plan" in html  # the history line


def test_a_change_after_the_agreement_shows_that_the_job_seeker_is_asked_again(world, admin, plan):
    plan_agree(actor=actor_for(world.seeker_user), plan=plan, version=plan.version)

    admin.post(page("plan", world.seeker), {"form": "plan", "goal": "Werken in een hotel",
                                            "review_date": days(60).isoformat()})

    html = admin.get(page("plan", world.seeker)).content.decode()
    assert "Changed since the job seeker agreed" in html
    assert "Werken in de keuken" in html  # what the goal said before, in the list of changes


def test_another_municipalitys_job_seeker_does_not_exist_here(world, admin, plan):
    for name in ("plan", "picture", "assessments"):
        assert admin.get(page(name, world.seeker_b)).status_code == 404
    response = admin.post(page("plan", world.seeker_b), {"form": "plan", "goal": "Gestolen",
                                                         "review_date": days(30).isoformat()})
    assert response.status_code == 404
    assert Plan.objects.count() == 1


def test_without_the_permission_every_job_seeker_is_refused_alike(world, client):
    user = admin_user(world.caseworker_a, "view_jobseeker")
    client = signed_in(client, user)

    answers = {client.get(page(name, seeker)).status_code for name in ("plan", "picture", "assessments")
               for seeker in (world.seeker, world.seeker_b)}

    # Wagtail sends someone without the right back to the dashboard, before any job seeker is looked up.
    assert answers == {302}


def test_the_assessments_page_shows_the_open_domains_and_the_rest_only_after_a_logged_purpose(world, admin):
    assessment_record(actor=actor_for(world.caseworker_a), seeker=world.seeker, date=days(-30),
                      scores={"income": 2, "debts": 1, "mental_health": 4})
    assessment_record(actor=actor_for(world.caseworker_a), seeker=world.seeker, date=days(0),
                      scores={"income": 3, "debts": 2, "mental_health": 4})

    shown = admin.get(page("assessments", world.seeker))
    html = shown.content.decode()
    assert "Income" in html and "(+1)" in html
    assert "<th scope=\"col\">Debts</th>" not in html and "Mental health</th>" not in html
    assert not SensitiveAccessLog.objects.exists()

    read = admin.post(page("assessments", world.seeker), {"action": "read", "purpose": "Evaluatie van het plan"})
    html = read.content.decode()
    assert read.status_code == 200
    assert "<th scope=\"col\">Debts</th>" in html
    assert "no-store" in read["Cache-Control"]
    assert SensitiveAccessLog.objects.get().purpose == "Evaluatie van het plan"


def test_a_purpose_in_the_address_bar_reads_nothing(world, admin):
    assessment_record(actor=actor_for(world.caseworker_a), seeker=world.seeker, date=days(0), scores={"debts": 1})

    html = admin.get(page("assessments", world.seeker), {"purpose": "Evaluatie", "action": "read"}).content.decode()

    assert "<th scope=\"col\">Debts</th>" not in html
    assert not SensitiveAccessLog.objects.exists()


def test_a_caseworker_records_an_assessment_and_a_bad_one_is_refused(world, admin):
    good = admin.post(page("assessments", world.seeker), {"action": "record", "date": days(0).isoformat(),
                                                          "income": "3", "debts": "2", "language": ""})
    bad = admin.post(page("assessments", world.seeker), {"action": "record", "date": days(1).isoformat(),
                                                         "income": "3"})
    empty = admin.post(page("assessments", world.seeker), {"action": "record", "date": days(0).isoformat()})
    out_of_range = admin.post(page("assessments", world.seeker), {"action": "record", "date": days(0).isoformat(),
                                                                  "income": "7"})

    assert good.status_code == 302
    assert bad.status_code == 400 and "choose today or an earlier date" in bad.content.decode()
    assert empty.status_code == 400 and "Score at least one life domain." in empty.content.decode()
    assert out_of_range.status_code == 400
    assessment = Assessment.objects.get()
    assert (assessment.income, assessment.debts, assessment.language) == (3, 2, None)


def test_the_draagkracht_page_saves_versions_and_shows_the_skills_and_the_history(world, admin):
    skill = factories.SkillFactory(name_nl="Koken", name_en="Cooking")
    factories.SeekerSkillFactory(seeker=world.seeker, skill=skill, level=3)

    admin.post(page("picture", world.seeker), {"motivation": "3", "work_experience": "Kok", "network": "",
                                               "motivation_words": "", "wishes": "", "ambitions": ""})
    admin.post(page("picture", world.seeker), {"motivation": "4", "work_experience": "Kok", "network": "Buren",
                                               "motivation_words": "", "wishes": "", "ambitions": ""})
    html = admin.get(page("picture", world.seeker)).content.decode()

    assert list(DraagkrachtPicture.objects.values_list("version", "motivation")) == [(2, 4), (1, 3)]
    assert "Cooking" in html or "Koken" in html
    assert len(re.findall(r"Version \d, ", html)) == 2


def test_a_superuser_who_is_no_caseworker_reads_the_pages_but_neither_writes_nor_reads_the_scores(world, client):
    superuser = in_english(factories.UserFactory(is_staff=True, is_superuser=True))
    client = signed_in(client, superuser)

    assert client.get(page("plan", world.seeker)).status_code == 200
    refused = client.post(page("plan", world.seeker), {"form": "plan", "goal": "Werken",
                                                       "review_date": days(30).isoformat()})
    read = client.post(page("assessments", world.seeker), {"action": "read", "purpose": "Controle van de data"})

    assert refused.status_code == 400 and "Only caseworkers make and change plans." in refused.content.decode()
    assert read.status_code == 403
    assert not Plan.objects.exists()
    assert not SensitiveAccessLog.objects.exists()


def test_the_job_seeker_list_links_each_person_to_their_plan_of_action(world, admin):
    response = admin.get(reverse("marketplace_jobseeker:index"))
    assert page("plan", world.seeker) in response.content.decode()


def test_the_job_seeker_list_offers_no_plan_link_to_staff_without_the_right(world, client):
    signed_in(client, in_english(admin_user(world.caseworker_a, "view_jobseeker")))
    response = client.get(reverse("marketplace_jobseeker:index"))
    assert response.status_code == 200
    assert page("plan", world.seeker) not in response.content.decode()
