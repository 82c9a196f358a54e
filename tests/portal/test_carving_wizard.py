"""The job-carving wizard in the portal, page by page with the Django test client."""

import re
from decimal import Decimal

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from marketplace.access import actor_for
from marketplace.choices import RoleStatus
from marketplace.models import JobAnalysis, Role, Task
from marketplace.selectors.matching import roles_for_seeker
from marketplace.services.carved_roles import ProposalChoice
from marketplace.services.carving_proposals import ProposalParameters, carving_accept
from tests import factories
from tests.carving_data import hospital_analysis, supermarket_analysis

pytestmark = pytest.mark.django_db

TASK_FORM = {"name": "Bedden opmaken", "hours_per_week": "6", "complexity": "1",
             "weekdays": ["mon", "tue", "wed", "thu", "fri"], "window_start": "07:00", "window_end": "09:00",
             "language_level": "1", "learnable_on_the_job": "on", "physical_demands": ["long_standing"]}
PARAMETERS = {"target_min_hours": "8", "target_max_hours": "24", "carved_hourly_wage": "14.40"}


def signed_in(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def post(client: Client, url: str, data: dict, **kwargs):
    """Post like a browser does: first load the page for the CSRF cookie, then send the token along."""
    client.get(reverse("carving-list"))
    return client.post(url, {**data, "csrfmiddlewaretoken": client.cookies["csrftoken"].value}, **kwargs)


def chosen_values(html: str) -> list[str]:
    return re.findall(r'name="chosen" id="id_chosen_\d+" value="([^"]+)"', html)


@pytest.fixture
def subsidy(world):
    factories.InstrumentFactory(municipality=world.municipality_a, wage_cost_subsidy=True,
                                subsidy_percent=Decimal("50"))


def test_the_employer_carves_the_hospital_job_into_a_published_role(world, subsidy):
    client = signed_in(world.employer_a)

    response = post(client, reverse("carving-create"), {
        "organisation": world.organisation_a.pk, "title": "Verpleegkundige", "staff_count": "10",
        "hours_per_week": "36", "hourly_cost": "38.50"})
    analysis = JobAnalysis.objects.get()
    assert response.url == reverse("carving-tasks", kwargs={"pk": analysis.pk})

    tasks_url = reverse("carving-tasks", kwargs={"pk": analysis.pk})
    for changes in ({}, {"name": "Maaltijden rondbrengen", "hours_per_week": "5", "window_start": "11:30",
                         "window_end": "12:30"},
                    {"name": "Voorraad aanvullen", "hours_per_week": "4", "complexity": "2", "window_start": "14:00",
                     "window_end": "15:00"},
                    {"name": "Verpleegkundige zorg", "hours_per_week": "21", "complexity": "3",
                     "window_start": "07:00", "window_end": "15:30"}):
        assert post(client, tasks_url, {**TASK_FORM, **changes}).status_code == 302
    assert analysis.tasks.count() == 4

    page = client.get(reverse("carving-proposals", kwargs={"pk": analysis.pk}))
    html = page.content.decode()
    assert "15 hours a week" in html or "15 uur per week" in html
    assert "30.030,00" in html  # 15 skilled hours a week at € 38.50 for 52 weeks
    [chosen] = chosen_values(html)

    review = post(client, reverse("carving-review", kwargs={"pk": analysis.pk}), {**PARAMETERS, "chosen": chosen})
    assert review.status_code == 200
    assert "Bedden opmaken, Maaltijden rondbrengen, Voorraad aanvullen" in review.content.decode()

    created = post(client, reverse("carving-accept", kwargs={"pk": analysis.pk}),
                   {**PARAMETERS, "chosen": chosen, f"title_{chosen.split(':')[0]}": "Zorgondersteuner"})
    assert created.url == reverse("carving-roles", kwargs={"pk": analysis.pk})
    role = Role.objects.get()
    assert (role.title, role.status, role.job_analysis, role.hours_min, role.hours_max) == (
        "Zorgondersteuner", RoleStatus.DRAFT, analysis, 15, 15)
    assert 8 <= role.hours_min <= role.hours_max <= 24

    post(client, reverse("carving-role-publish", kwargs={"role_pk": role.pk}), {})
    role.refresh_from_db()
    assert role.status == RoleStatus.PUBLISHED
    assert role in Role.objects.published()
    public = Client().get("/api/v1/roles/").json()
    assert role.pk in [item["id"] for item in public["results"]]
    fitting = roles_for_seeker(seeker=world.seeker, k=100)
    assert role.pk in [match.role.pk for match in fitting]


def test_a_caseworker_builds_a_stapelbaan_that_names_both_employers(world):
    hospital = hospital_analysis(world.employer_a, world.organisation_a)
    supermarket = supermarket_analysis(world.employer_b, world.organisation_b)
    client = signed_in(world.caseworker_a)
    bundle = {"analysis_ids": [hospital.pk, supermarket.pk], "target_min_hours": "8", "target_max_hours": "24",
              "travel_speed_kmh": "15"}

    page = post(client, reverse("carving-bundles"), bundle)
    html = page.content.decode()
    assert "Bakkerij A" in html and "Hotel B" in html
    choice = re.search(r'name="bundle0-choice" value="([^"]+)"', html).group(1)

    created = post(client, reverse("carving-bundle-accept"), {
        **bundle, "prefix": "bundle0", "bundle0-choice": choice, "bundle0-title": "Stapelbaan zorg en winkel",
        "bundle0-employer_of_record": "municipality", "bundle0-carved_hourly_wage": "14.40"})
    role = Role.objects.get()
    assert created.url == reverse("carving-role", kwargs={"role_pk": role.pk})
    assert set(role.participating_organisations.values_list("name", flat=True)) == {"Bakkerij A", "Hotel B"}
    assert role.organisation.is_employment_organisation

    post(client, reverse("carving-role-publish", kwargs={"role_pk": role.pk}), {})
    role_page = client.get(created.url).content.decode()
    role.refresh_from_db()
    assert role.status == RoleStatus.PUBLISHED
    assert "Bakkerij A" in role_page and "Hotel B" in role_page


def test_a_caseworker_analyses_a_job_for_an_employer_of_their_municipality(world):
    client = signed_in(world.caseworker_a)

    form = client.get(reverse("carving-create")).content.decode()
    post(client, reverse("carving-create"), {"organisation": world.organisation_b.pk, "title": "Receptionist",
                                             "staff_count": "3", "hours_per_week": "32", "hourly_cost": "31"})

    assert "Hotel B" in form and "Bakkerij A" in form
    assert JobAnalysis.objects.get().organisation == world.organisation_b


def test_an_employer_cannot_analyse_a_job_of_another_employer(world):
    client = signed_in(world.employer_a)

    response = post(client, reverse("carving-create"), {"organisation": world.organisation_b.pk, "title": "Kok",
                                                        "staff_count": "3", "hours_per_week": "32",
                                                        "hourly_cost": "31"})

    assert response.status_code == 200
    assert 'id="id_organisation_errors"' in response.content.decode()
    assert not JobAnalysis.objects.exists()


@pytest.mark.parametrize("name, kwargs", [
    ("carving-tasks", {}), ("carving-job", {}), ("carving-proposals", {}), ("carving-roles", {}),
    ("carving-task-edit", {"task_pk": None}), ("carving-task-delete", {"task_pk": None}),
])
def test_another_employers_analysis_is_not_found(world, name, kwargs):
    analysis = hospital_analysis(world.employer_a, world.organisation_a)
    if "task_pk" in kwargs:
        kwargs["task_pk"] = analysis.tasks.first().pk

    for user in (world.employer_b, world.caseworker_b):
        assert signed_in(user).get(reverse(name, kwargs={"pk": analysis.pk, **kwargs})).status_code == 404


def test_another_employer_cannot_change_or_carve_the_analysis(world):
    analysis = hospital_analysis(world.employer_a, world.organisation_a)
    task = analysis.tasks.first()
    client = signed_in(world.employer_b)

    responses = [
        post(client, reverse("carving-task-delete", kwargs={"pk": analysis.pk, "task_pk": task.pk}), {}),
        post(client, reverse("carving-accept", kwargs={"pk": analysis.pk}), {**PARAMETERS, "chosen": "0:1"}),
        post(client, reverse("carving-tasks", kwargs={"pk": analysis.pk}), TASK_FORM),
    ]

    assert [response.status_code for response in responses] == [404, 404, 404]
    assert analysis.tasks.count() == 4 and not Role.objects.exists()


def test_visitors_are_sent_to_sign_in_and_job_seekers_are_refused(world):
    assert Client().get(reverse("carving-list")).url.startswith(settings.LOGIN_URL)
    assert Client().get(reverse("carving-bundles")).url.startswith(settings.LOGIN_URL)
    assert signed_in(world.seeker_user).get(reverse("carving-list")).status_code == 403
    assert signed_in(world.employer_a).get(reverse("carving-bundles")).status_code == 403


def test_forms_refuse_posts_without_the_csrf_token(world):
    client = signed_in(world.employer_a)

    response = client.post(reverse("carving-create"), {"organisation": world.organisation_a.pk, "title": "Kok",
                                                       "staff_count": "3", "hours_per_week": "32",
                                                       "hourly_cost": "31"})

    assert response.status_code == 403
    assert not JobAnalysis.objects.exists()


@pytest.mark.parametrize("changes, field", [
    ({"hours_per_week": "0"}, "hours_per_week"),
    ({"hours_per_week": "37", "window_start": "06:00", "window_end": "16:00"}, "hours_per_week"),
    ({"window_start": "10:00", "window_end": "09:00"}, "window_end"),
    ({"weekdays": []}, "weekdays"),
    ({"name": ""}, "name"),
])
def test_a_bad_task_shows_the_error_next_to_its_field_and_keeps_the_input(world, changes, field):
    analysis = hospital_analysis(world.employer_a, world.organisation_a)
    client = signed_in(world.employer_a)

    response = post(client, reverse("carving-tasks", kwargs={"pk": analysis.pk}),
                    {**TASK_FORM, "name": "Kamers luchten", **changes})

    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="id_{field}_errors"' in html
    assert re.search(f'aria-describedby="[^"]*id_{field}_errors"', html)
    assert 'value="Kamers luchten"' in html or field == "name"
    assert analysis.tasks.count() == 4


def test_tasks_are_edited_moved_and_deleted_in_the_wizard(world):
    analysis = hospital_analysis(world.employer_a, world.organisation_a)
    beds, meals, stock, nursing = analysis.tasks.all()
    client = signed_in(world.employer_a)

    post(client, reverse("carving-task-edit", kwargs={"pk": analysis.pk, "task_pk": meals.pk}),
         {**TASK_FORM, "name": "Maaltijden rondbrengen", "hours_per_week": "4.5", "window_start": "11:30",
          "window_end": "12:30"})
    post(client, reverse("carving-task-move", kwargs={"pk": analysis.pk, "task_pk": nursing.pk}),
         {"direction": "up"})
    post(client, reverse("carving-task-delete", kwargs={"pk": analysis.pk, "task_pk": beds.pk}), {})

    assert list(analysis.tasks.values_list("name", "hours_per_week")) == [
        ("Maaltijden rondbrengen", Decimal("4.5")), ("Verpleegkundige zorg", Decimal("21")),
        ("Voorraad aanvullen", Decimal("4"))]


def test_a_target_no_tasks_can_fill_is_explained_on_the_page(world):
    analysis = hospital_analysis(world.employer_a, world.organisation_a)
    client = signed_in(world.employer_a)

    response = post(client, reverse("carving-proposals", kwargs={"pk": analysis.pk}),
                    {**PARAMETERS, "target_min_hours": "20"})

    html = response.content.decode()
    assert 'id="id_target_min_hours_errors"' in html
    assert 'class="explanation" role="alert"' in html
    assert "Verpleegkundige zorg" in html  # the tasks that stay, with their reason
    assert 'value="20"' in html


def test_leaving_out_every_simple_task_is_explained_next_to_the_choice(world):
    analysis = hospital_analysis(world.employer_a, world.organisation_a)
    simple = list(analysis.tasks.filter(complexity__lt=3).values_list("pk", flat=True))

    response = post(signed_in(world.employer_a), reverse("carving-proposals", kwargs={"pk": analysis.pk}),
                    {**PARAMETERS, "exclude_ids": simple})

    assert 'id="id_exclude_ids_errors"' in response.content.decode()


def test_reviewing_without_choosing_a_proposal_asks_to_choose_one(world):
    analysis = hospital_analysis(world.employer_a, world.organisation_a)

    response = post(signed_in(world.employer_a), reverse("carving-review", kwargs={"pk": analysis.pk}), PARAMETERS)

    assert 'id="id_chosen_errors"' in response.content.decode()


def test_a_proposal_that_changed_since_it_was_shown_is_not_created(world):
    analysis = hospital_analysis(world.employer_a, world.organisation_a)
    client = signed_in(world.employer_a)
    [chosen] = chosen_values(client.get(reverse("carving-proposals", kwargs={"pk": analysis.pk})).content.decode())
    Task.objects.filter(name="Voorraad aanvullen").delete()

    response = post(client, reverse("carving-accept", kwargs={"pk": analysis.pk}), {**PARAMETERS, "chosen": chosen})

    assert response.status_code == 200
    assert 'id="id_chosen_errors"' in response.content.decode()
    assert not Role.objects.exists()


def test_another_employer_cannot_see_or_publish_a_carved_role(world):
    analysis = hospital_analysis(world.employer_a, world.organisation_a)
    [role] = carving_accept(actor=actor_for(world.employer_a), analysis=analysis, parameters=ProposalParameters(
        target_min_hours=Decimal(8), target_max_hours=Decimal(24), carved_hourly_wage=Decimal("14.40")),
        choices=[ProposalChoice(0)])
    client = signed_in(world.employer_b)

    seen = client.get(reverse("carving-role", kwargs={"role_pk": role.pk}))
    published = post(client, reverse("carving-role-publish", kwargs={"role_pk": role.pk}), {})

    assert (seen.status_code, published.status_code) == (404, 404)
    role.refresh_from_db()
    assert role.status == RoleStatus.DRAFT


def test_ids_beyond_the_database_range_are_not_found_or_refused(world):
    analysis = hospital_analysis(world.employer_a, world.organisation_a)
    client = signed_in(world.caseworker_a)
    huge = 10**22

    pages = [client.get(reverse("carving-tasks", kwargs={"pk": huge})).status_code,
             client.get(reverse("carving-task-edit", kwargs={"pk": analysis.pk, "task_pk": huge})).status_code,
             client.get(reverse("carving-role", kwargs={"role_pk": huge})).status_code]
    bundle = post(client, reverse("carving-bundles"), {"analysis_ids": [huge, analysis.pk], "target_min_hours": "8",
                                                       "target_max_hours": "24", "travel_speed_kmh": "15"})

    assert pages == [404, 404, 404]
    assert 'id="id_analysis_ids_errors"' in bundle.content.decode()
