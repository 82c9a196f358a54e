"""Categories, contacts and the worklist in the admin.

A caseworker sees a person's proposal with its reasons, places them with a reason and records contacts;
refusals show next to their field and write nothing. The categories are listed for everyone of the
municipality and changed by a team leader. The worklist shows the caseworker's people with signals;
a team leader chooses whose.
"""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from marketplace.access import actor_for
from marketplace.models import CaseloadCategory, CategoryPlacement, ContactMoment, JobSeeker, SensitiveAccessLog
from marketplace.services.assessments import assessment_record
from marketplace.services.categories import ensure_default_categories
from tests import factories
from tests.cms.test_admin import admin_user, signed_in
from tests.cms.test_admin_smoke import demo_caseworker_permissions
from tests.cms.test_plan_admin import in_english

pytestmark = pytest.mark.django_db


def days(n: int):
    return timezone.localdate() + timedelta(days=n)


def page(name: str, seeker) -> str:
    return reverse(f"caseload:{name}", args=[seeker.pk])


@pytest.fixture
def categories(world):
    ensure_default_categories(world.municipality_b)
    return {category.key: category for category in ensure_default_categories(world.municipality_a)}


@pytest.fixture
def caseworker(world):
    return in_english(admin_user(world.caseworker_a, *demo_caseworker_permissions()))


@pytest.fixture
def admin(client, caseworker):
    return signed_in(client, caseworker)


@pytest.fixture
def leader(world, client, caseworker):
    Caseworker = type(world.caseworker_a.caseworker)
    Caseworker.objects.filter(user=world.caseworker_a).update(is_team_leader=True)
    return signed_in(client, caseworker)


def html_of(response) -> str:
    return response.content.decode()


# A person's category.


def test_the_category_page_shows_the_proposal_with_its_reasons_and_nothing_chosen(world, admin, categories):
    JobSeeker.objects.filter(pk=world.seeker.pk).update(rung=6)
    assessment_record(actor=actor_for(world.caseworker_a), seeker=world.seeker, date=days(-1),
                      scores={"debts": 1, "language": 5})

    html = html_of(admin.get(page("category", world.seeker)))

    assert "Proposal: Care first" in html
    assert "acute problems in a care domain" in html
    assert f"{categories['care_first'].name} (proposed)" in html
    assert "checked" not in html.split('id="place-heading"')[1].split("</form>")[0]
    assert not SensitiveAccessLog.objects.exists()


def test_a_caseworker_confirms_the_proposal_with_a_reason_and_sees_it_in_the_history(world, admin, categories):
    chosen = categories["work_with_support"]  # the proposal for rung 4 without an assessment

    answer = admin.post(page("category", world.seeker), {"category": chosen.pk, "reason": "Past bij de jobcoach."})

    assert answer.status_code == 302
    assert JobSeeker.objects.get(pk=world.seeker.pk).category == chosen
    html = html_of(admin.get(page("category", world.seeker)))
    assert "Past bij de jobcoach." in html and 'id="placement-history"' in html


@pytest.mark.parametrize(("data", "field"), [({"reason": "Past goed."}, "category"), ({"reason": ""}, "reason"),
                                             ({"reason": "   "}, "reason")])
def test_a_placement_without_category_or_reason_is_refused_on_the_field(world, admin, categories, data, field):
    data = {"category": categories["care_first"].pk, **data} if field == "reason" else data

    answer = admin.post(page("category", world.seeker), data)

    assert answer.status_code == 400
    assert field in answer.context["form"].errors
    assert not CategoryPlacement.objects.exists()


def test_a_category_of_another_municipality_cannot_be_chosen(world, admin, categories):
    theirs = CaseloadCategory.objects.filter(municipality=world.municipality_b).first()

    answer = admin.post(page("category", world.seeker), {"category": theirs.pk, "reason": "Past goed."})

    assert answer.status_code == 400 and "category" in answer.context["form"].errors
    assert not CategoryPlacement.objects.exists()


def test_another_municipalitys_job_seeker_has_no_category_or_contacts_page(world, admin, categories):
    assert admin.get(page("category", world.seeker_b)).status_code == 404
    assert admin.get(page("contacts", world.seeker_b)).status_code == 404
    assert admin.post(page("contacts", world.seeker_b), {"date": days(0).isoformat(), "kind": "phone"}
                      ).status_code == 404


def test_without_the_permissions_the_pages_are_refused_alike(world, client, categories):
    signed_in(client, admin_user(world.caseworker_a, "view_jobseeker"))

    answers = {client.get(page(name, seeker)).status_code for name in ("category", "contacts")
               for seeker in (world.seeker, world.seeker_b)}

    # Wagtail sends someone without the right back to the dashboard, before any job seeker is looked up.
    assert answers == {302}


def test_the_caseload_navigation_links_the_new_pages(world, admin, categories):
    html = html_of(admin.get(page("plan", world.seeker)))

    assert page("category", world.seeker) in html and page("contacts", world.seeker) in html


# Contacts.


def test_a_caseworker_records_a_contact_and_sees_it_in_the_log(world, admin):
    answer = admin.post(page("contacts", world.seeker), {"date": days(-1).isoformat(), "kind": "phone",
                                                         "note": "Gebeld over de proefplaats."})

    assert answer.status_code == 302
    html = html_of(admin.get(page("contacts", world.seeker)))
    assert "Gebeld over de proefplaats." in html and 'id="contact-log"' in html
    assert ContactMoment.objects.get().recorded_by == world.caseworker_a


@pytest.mark.parametrize(("data", "field"), [
    ({"date": days(3).isoformat(), "kind": "phone"}, "date"), ({"date": "", "kind": "phone"}, "date"),
    ({"date": days(0).isoformat()}, "kind"), ({"date": days(0).isoformat(), "kind": "pigeon"}, "kind"),
])
def test_a_bad_contact_is_refused_on_the_field_and_keeps_the_input(world, admin, data, field):
    answer = admin.post(page("contacts", world.seeker), {**data, "note": "Bewaard"})

    assert answer.status_code == 400
    assert field in answer.context["form"].errors
    assert "Bewaard" in html_of(answer)
    assert not ContactMoment.objects.exists()


# The categories of the municipality.


def test_every_caseworker_sees_the_categories_but_only_a_team_leader_edits(world, admin, categories):
    html = html_of(admin.get(reverse("caseload_categories:index")))

    assert 'id="caseload-categories"' in html and categories["care_first"].name in html
    assert reverse("caseload_categories:edit", args=[categories["care_first"].pk]) not in html
    refused = admin.get(reverse("caseload_categories:edit", args=[categories["care_first"].pk]))
    assert refused.status_code == 302 and refused.url == reverse("wagtailadmin_home")


def test_a_team_leader_changes_an_approach_with_instruments_of_the_catalogue(world, leader, categories):
    course = factories.InstrumentFactory(municipality=world.municipality_a, name="Taalcursus Havenstad")
    factories.InstrumentFactory(municipality=world.municipality_b, name="Taalcursus Veenwijk")
    url = reverse("caseload_categories:edit", args=[categories["care_first"].pk])
    form_html = html_of(leader.get(url))

    answer = leader.post(url, {"name": "Zorg eerst", "description": "Met het sociaal team.",
                               "contact_every_weeks": "8", "review_every_weeks": "26", "stuck_after_months": "18",
                               "follow_up_within_weeks": "2", "default_instruments": [course.pk]})

    assert "Taalcursus Havenstad" in form_html and "Taalcursus Veenwijk" not in form_html
    assert answer.status_code == 302
    category = CaseloadCategory.objects.get(pk=categories["care_first"].pk)
    assert (category.name, category.contact_every_weeks) == ("Zorg eerst", 8)
    assert list(category.default_instruments.all()) == [course]


@pytest.mark.parametrize(("field", "value"), [("contact_every_weeks", "0"), ("stuck_after_months", "61"),
                                              ("review_every_weeks", "105"), ("name", "")])
def test_a_bad_approach_is_refused_on_the_field(world, leader, categories, field, value):
    url = reverse("caseload_categories:edit", args=[categories["care_first"].pk])
    data = {"name": "Zorg eerst", "description": "", "contact_every_weeks": "6", "review_every_weeks": "26",
            "stuck_after_months": "18", "follow_up_within_weeks": "2", field: value}

    answer = leader.post(url, data)

    assert answer.status_code == 400 and field in answer.context["form"].errors
    assert CaseloadCategory.objects.get(pk=categories["care_first"].pk).name == categories["care_first"].name


def test_every_wrong_field_of_an_approach_is_named_in_one_round_under_the_banner(world, leader, categories):
    url = reverse("caseload_categories:edit", args=[categories["care_first"].pk])
    data = {"name": "", "description": "", "contact_every_weeks": "0", "review_every_weeks": "twee",
            "stuck_after_months": "61", "follow_up_within_weeks": "2"}

    answer = leader.post(url, data)

    assert answer.status_code == 400
    assert set(answer.context["form"].errors) == {"name", "contact_every_weeks", "review_every_weeks",
                                                  "stuck_after_months"}
    assert "Give a number of weeks from 1 to 104." in answer.context["form"].errors["contact_every_weeks"]
    assert ["Nothing was saved" in str(message) for message in answer.context["messages"]] == [True]
    assert 'value="61"' in html_of(answer)
    category = CaseloadCategory.objects.get(pk=categories["care_first"].pk)
    assert (category.contact_every_weeks, category.stuck_after_months) == (6, 18)


def test_the_approach_form_says_the_instruments_come_from_the_koffer(world, leader, categories):
    answer = leader.get(reverse("caseload_categories:edit", args=[categories["care_first"].pk]))

    help_text = answer.context["form"].fields["default_instruments"].help_text
    with translation.override("en"):
        assert str(help_text) == "From your municipality's koffer."
    with translation.override("nl"):
        assert str(help_text) == "Uit de koffer van uw gemeente."
    assert "catalogue" not in html_of(answer) and "catalogus" not in html_of(answer)


def test_a_category_of_another_municipality_cannot_be_edited(world, leader, categories):
    theirs = CaseloadCategory.objects.filter(municipality=world.municipality_b).first()

    assert leader.get(reverse("caseload_categories:edit", args=[theirs.pk])).status_code == 404


# The worklist.


def test_the_worklist_lists_the_caseworkers_people_with_their_signals_in_words(world, admin, categories):
    JobSeeker.objects.filter(pk=world.seeker.pk).update(created_at=timezone.now() - timedelta(days=40))

    html = html_of(admin.get(reverse("worklist:index")))

    assert 'id="worklist"' in html and "<caption" in html
    assert page("contacts", world.seeker) in html
    assert 'data-signal="no_contact"' in html and "No contact (12 days overdue)" in html
    assert "No active plan" in html
    assert page("contacts", world.seeker_b) not in html
    assert 'name="caseworker"' not in html  # no choice for a caseworker who is not team leader


def test_a_team_leader_chooses_one_caseworker_or_the_whole_municipality(world, leader, categories):
    colleague = factories.CaseworkerFactory(municipality=world.municipality_a, user__first_name="Collega")
    theirs = factories.JobSeekerFactory(municipality=world.municipality_a, caseworker=colleague)

    own = html_of(leader.get(reverse("worklist:index")))
    one = html_of(leader.get(reverse("worklist:index"), {"caseworker": colleague.pk}))
    everyone = html_of(leader.get(reverse("worklist:index"), {"caseworker": "all"}))

    assert 'name="caseworker"' in own
    assert page("contacts", theirs) not in own and page("contacts", world.seeker) in own
    assert page("contacts", theirs) in one and page("contacts", world.seeker) not in one
    assert page("contacts", theirs) in everyone and page("contacts", world.seeker) in everyone


def test_the_team_leaders_choice_has_a_label_and_stays_chosen_with_a_caption_saying_whose(world, leader, categories):
    colleague = factories.CaseworkerFactory(municipality=world.municipality_a, user__first_name="Collega")
    factories.JobSeekerFactory(municipality=world.municipality_a, caseworker=colleague)
    JobSeeker.objects.filter(pk=world.seeker.pk).update(created_at=timezone.now() - timedelta(days=40))

    own = html_of(leader.get(reverse("worklist:index")))
    one = html_of(leader.get(reverse("worklist:index"), {"caseworker": colleague.pk}))
    everyone = html_of(leader.get(reverse("worklist:index"), {"caseworker": "all"}))

    assert re.search(r'<label[^>]*for="id_caseworker"[^>]*>\s*Worklist of\s*</label>', own)
    assert re.search(r'<option value="" selected>', own)
    assert re.search(rf'<option value="{colleague.pk}" selected>', one)
    assert re.search(r'<option value="all" selected>', everyone)
    assert re.search(r"<caption[^>]*>People with signals in your caseload, most urgent first</caption>", own)
    assert f"in the caseload of {escape(colleague)}, most urgent first</caption>" in one
    assert re.search(r"<caption[^>]*>People with signals in the whole municipality", everyone)


def test_the_worklist_is_refused_to_admin_users_who_are_not_caseworkers(world, client):
    superuser = factories.UserFactory(username="beheerder", is_staff=True, is_superuser=True)

    refused = signed_in(client, superuser).get(reverse("worklist:index"))

    assert refused.status_code == 302 and refused.url == reverse("wagtailadmin_home")


def test_a_superuser_reads_the_history_and_contacts_but_gets_no_proposal_or_form(world, client, categories):
    superuser = factories.UserFactory(username="beheerder", is_staff=True, is_superuser=True)
    admin = signed_in(client, superuser)
    ContactMoment.objects.create(seeker=world.seeker, date=days(-2), kind="phone", note="Gebeld.")

    category_page = admin.get(page("category", world.seeker))
    contacts_page = admin.get(page("contacts", world.seeker))

    assert category_page.status_code == 200 and 'id="category-proposal"' not in html_of(category_page)
    assert 'name="reason"' not in html_of(category_page)
    assert "Gebeld." in html_of(contacts_page) and 'name="kind"' not in html_of(contacts_page)
    assert admin.post(page("category", world.seeker), {"category": categories["care_first"].pk,
                                                       "reason": "Past."}).status_code == 302
    assert not CategoryPlacement.objects.exists()


def test_a_long_worklist_shows_the_most_urgent_people_and_says_how_many_there_are(world, admin, monkeypatch):
    monkeypatch.setattr("cms.viewsets.caseload.WORKLIST_SHOWN", 2)
    for _ in range(3):
        factories.JobSeekerFactory(municipality=world.municipality_a, caseworker=world.caseworker_a.caseworker)

    html = html_of(admin.get(reverse("worklist:index")))

    assert html.count("data-seeker=") == 2
    assert "The 2 most urgent of 4 people with signals." in html


@pytest.mark.parametrize(("url_name", "title"), [("worklist:index", "Worklist"),
                                                 ("caseload_categories:index", "Caseload categories")])
def test_each_page_is_headed_by_its_own_title(world, admin, categories, url_name, title):
    html = html_of(admin.get(reverse(url_name)))

    assert re.search(rf"<h1[^>]*>\s*(<svg.*?</svg>)?\s*{title}", html, re.S)
