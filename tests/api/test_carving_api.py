"""The job-carving API: analyses with nested tasks, propose and accept, stapelbanen, and who may do what."""

import pytest

from marketplace.choices import RoleStatus
from marketplace.models import JobAnalysis, Organisation, Role, Task
from tests import factories
from tests.carving_data import hospital_analysis, supermarket_analysis

pytestmark = pytest.mark.django_db

JOB = {"title": "Verpleegkundige", "staff_count": 10, "hours_per_week": "36", "hourly_cost": "38.50"}
TASK = {"name": "Bedden opmaken", "hours_per_week": "6", "complexity": 1, "weekdays": ["mon", "tue", "wed", "thu",
        "fri"], "window_start": "07:00", "window_end": "09:00", "physical_demands": ["long_standing"],
        "language_level": "A1"}
PARAMETERS = {"target_min_hours": 8, "target_max_hours": 24, "carved_hourly_wage": "14.40"}


@pytest.fixture
def hospital(world):
    return hospital_analysis(world.employer_a, world.organisation_a)


def url(analysis=None, action=""):
    base = "/api/v1/job-analyses/" + (f"{analysis.pk}/" if analysis is not None else "")
    return base + (f"{action}/" if action else "")


def test_an_employer_analyses_a_job_and_adds_its_tasks(world, client_for, skills):
    client = client_for(world.employer_a)

    created = client.post(url(), JOB, format="json")
    analysis = JobAnalysis.objects.get()
    task = client.post(url(analysis, "tasks"), {**TASK, "skills": [{"skill": skills[1].pk, "level": 2}]},
                       format="json")

    assert created.status_code == 201
    assert created.json()["organisation"] == {"id": world.organisation_a.pk, "name": "Bakkerij A"}
    assert task.status_code == 201
    assert task.json()["skills"] == [{"skill": skills[1].pk, "name": skills[1].name, "level": 2}]
    assert client.get(url(analysis)).json()["tasks"][0]["name"] == "Bedden opmaken"


def test_tasks_are_read_changed_reordered_and_deleted(world, client_for, hospital):
    client = client_for(world.employer_a)
    beds, meals, stock, nursing = hospital.tasks.all()

    changed = client.patch(url(hospital, f"tasks/{meals.pk}"), {"hours_per_week": "4.5"}, format="json")
    reordered = client.post(url(hospital, "tasks/reorder"), {"task_ids": [nursing.pk, stock.pk, meals.pk, beds.pk]},
                            format="json")
    deleted = client.delete(url(hospital, f"tasks/{stock.pk}"))

    assert changed.json()["hours_per_week"] == 4.5
    assert [task["name"] for task in reordered.json()][0] == "Verpleegkundige zorg"
    assert deleted.status_code == 204
    assert [task["name"] for task in client.get(url(hospital, "tasks")).json()] == [
        "Verpleegkundige zorg", "Maaltijden rondbrengen", "Bedden opmaken"]


def test_a_task_skill_without_a_skill_in_a_patch_is_a_400_naming_the_skills(world, client_for, hospital):
    meals = hospital.tasks.get(name="Maaltijden rondbrengen")

    response = client_for(world.employer_a).patch(url(hospital, f"tasks/{meals.pk}"), {"skills": [{"level": 2}]},
                                                  format="json")

    assert response.status_code == 400
    assert "skills" in response.json()


@pytest.mark.parametrize("changes, field", [
    ({"hours_per_week": "0"}, "hours_per_week"),
    ({"hours_per_week": "37", "window_start": "06:00", "window_end": "16:00"}, "hours_per_week"),
    ({"window_start": "10:00", "window_end": "09:00"}, "window_end"),
    ({"weekdays": []}, "weekdays"),
    ({"complexity": 5}, "complexity"),
    ({"language_level": "Z9"}, "language_level"),
    ({"status": "published"}, "status"),
])
def test_a_bad_task_is_a_400_naming_the_field_and_nothing_is_saved(world, client_for, hospital, changes, field):
    response = client_for(world.employer_a).post(url(hospital, "tasks"), {**TASK, **changes}, format="json")

    assert response.status_code == 400
    assert field in response.json()
    assert hospital.tasks.count() == 4


def test_the_job_cannot_shrink_below_a_task(world, client_for, hospital):
    response = client_for(world.employer_a).patch(url(hospital), {"hours_per_week": "20"}, format="json")

    assert response.status_code == 400
    assert "hours_per_week" in response.json()


def test_propose_returns_roles_within_the_target_with_their_business_case(world, client_for, hospital):
    factories.InstrumentFactory(municipality=world.municipality_a, wage_cost_subsidy=True, subsidy_percent=50)

    response = client_for(world.employer_a).post(url(hospital, "propose"), PARAMETERS, format="json")

    body = response.json()
    [proposal] = body["proposals"]
    assert response.status_code == 200
    assert 8 <= proposal["hours_per_week"] <= 24
    assert [task["name"] for task in proposal["tasks"]] == ["Bedden opmaken", "Maaltijden rondbrengen",
                                                            "Voorraad aanvullen"]
    assert proposal["physical_demands"] == ["heavy_lifting", "long_standing", "walking"]
    assert proposal["business_case"]["yearly_skilled_cost"] == "30030.00"
    assert proposal["business_case"]["yearly_wage_subsidy"] == "5616.00"
    assert [left["name"] for left in body["not_carved"]] == ["Verpleegkundige zorg"]


@pytest.mark.parametrize("changes, field", [
    ({"target_min_hours": 20}, "target_min_hours"),
    ({"target_max_hours": 4}, "target_max_hours"),
    ({"target_max_hours": 60}, "target_max_hours"),
    ({"carved_hourly_wage": "0"}, "carved_hourly_wage"),
    ({"include_ids": [999999]}, "include_ids"),
    ({"carved_hourly_wage": None}, "carved_hourly_wage"),
])
def test_bad_proposal_parameters_are_a_400_naming_the_field(world, client_for, hospital, changes, field):
    response = client_for(world.employer_a).post(url(hospital, "propose"), {**PARAMETERS, **changes}, format="json")

    assert response.status_code == 400
    assert field in response.json()


def test_accept_recomputes_and_creates_the_chosen_role_as_a_draft(world, client_for, hospital):
    client = client_for(world.employer_a)
    proposal = client.post(url(hospital, "propose"), PARAMETERS, format="json").json()["proposals"][0]

    response = client.post(url(hospital, "accept"), {**PARAMETERS, "proposals": [
        {"index": 0, "task_ids": proposal["task_ids"], "title": "Zorgondersteuner"}]}, format="json")

    [role] = response.json()
    assert response.status_code == 201
    assert (role["title"], role["status"], role["hours_min"], role["hours_max"]) == (
        "Zorgondersteuner", "draft", 15, 15)
    assert role["job_analysis"] == hospital.pk
    assert sorted(role["carved_tasks"]) == sorted(proposal["task_ids"])
    assert client.get(url(hospital, "roles")).json()[0]["id"] == role["id"]


def test_accept_refuses_hours_sent_by_the_client(world, client_for, hospital):
    response = client_for(world.employer_a).post(url(hospital, "accept"), {**PARAMETERS, "proposals": [
        {"index": 0, "hours_per_week": 40}]}, format="json")

    assert response.status_code == 400
    assert "proposals" in response.json()
    assert not Role.objects.exists()


def test_accepting_a_changed_or_missing_proposal_creates_nothing(world, client_for, hospital):
    client = client_for(world.employer_a)

    stale = client.post(url(hospital, "accept"), {**PARAMETERS, "proposals": [{"index": 0, "task_ids": [1]}]},
                        format="json")
    missing = client.post(url(hospital, "accept"), {**PARAMETERS, "proposals": [{"index": 3}]}, format="json")

    assert (stale.status_code, missing.status_code) == (400, 400)
    assert "proposals" in stale.json() and "proposals" in missing.json()
    assert not Role.objects.exists()


def test_another_employers_analysis_is_not_found(world, client_for, hospital):
    task = hospital.tasks.first()
    for user in (world.employer_b, world.caseworker_b, world.employer_other_town):
        client = client_for(user)
        assert client.get(url(hospital)).status_code == 404
        assert client.post(url(hospital, "tasks"), TASK, format="json").status_code == 404
        assert client.delete(url(hospital, f"tasks/{task.pk}")).status_code == 404
        assert client.post(url(hospital, "propose"), PARAMETERS, format="json").status_code == 404
        assert client.post(url(hospital, "accept"), {**PARAMETERS, "proposals": [{"index": 0}]},
                           format="json").status_code == 404
    assert Task.objects.count() == 4 and not Role.objects.exists()


def test_lists_show_only_the_analyses_one_may_work_on(world, client_for, hospital):
    supermarket_analysis(world.employer_b, world.organisation_b)

    def titles(user):
        return sorted(item["title"] for item in client_for(user).get(url()).json()["results"])

    assert titles(world.employer_a) == ["Verpleegkundige"]
    assert titles(world.caseworker_a) == ["Medewerker supermarkt", "Verpleegkundige"]
    assert titles(world.caseworker_b) == []


def test_visitors_get_401_and_job_seekers_403(world, client_for, hospital):
    assert client_for().get(url()).status_code == 401
    assert client_for().post("/api/v1/bundles/", {}, format="json").status_code == 401
    assert client_for(world.seeker_user).get(url()).status_code == 403
    assert client_for(world.employer_a).post("/api/v1/bundles/", {}, format="json").status_code == 403


def test_a_caseworker_creates_an_analysis_for_an_employer_but_must_say_which(world, client_for):
    client = client_for(world.caseworker_a)

    without = client.post(url(), JOB, format="json")
    elsewhere = Organisation.objects.get(memberships__user=world.employer_other_town)
    other_town = client.post(url(), {**JOB, "organisation": elsewhere.pk}, format="json")
    created = client.post(url(), {**JOB, "organisation": world.organisation_b.pk}, format="json")

    assert (without.status_code, other_town.status_code, created.status_code) == (400, 400, 201)
    assert "organisation" in without.json() and "organisation" in other_town.json()


def bundle_payload(hospital, supermarket, **changes):
    payload = {"analysis_ids": [hospital.pk, supermarket.pk], "target_min_hours": 8, "target_max_hours": 24,
               "travel_speed_kmh": 15}
    payload.update(changes)
    return payload


def test_a_caseworker_proposes_and_accepts_a_stapelbaan(world, client_for, hospital):
    supermarket = supermarket_analysis(world.employer_b, world.organisation_b)
    client = client_for(world.caseworker_a)

    proposals = client.post("/api/v1/bundles/", bundle_payload(hospital, supermarket), format="json")
    proposal = proposals.json()["proposals"][0]
    accepted = client.post("/api/v1/bundles/accept/", {
        **bundle_payload(hospital, supermarket), "carved_hourly_wage": "14.40", "employer_of_record": "municipality",
        "proposal": {"index": 0, "task_ids": proposal["task_ids"], "title": "Stapelbaan"}}, format="json")
    published = client.post(f"/api/v1/carved-roles/{accepted.json()['id']}/publish/")

    assert proposals.status_code == 200
    assert {organisation["name"] for organisation in proposal["organisations"]} == {"Bakkerij A", "Hotel B"}
    assert float(proposal["travel_km_per_week"]) > 0
    assert accepted.status_code == 201
    assert sorted(accepted.json()["participating_organisations"]) == ["Bakkerij A", "Hotel B"]
    assert published.json()["status"] == "published"
    assert Role.objects.get().status == RoleStatus.PUBLISHED


def test_bundles_need_two_analyses_a_reachable_target_and_ones_own_municipality(world, client_for, hospital):
    supermarket = supermarket_analysis(world.employer_b, world.organisation_b)

    one = client_for(world.caseworker_a).post("/api/v1/bundles/", bundle_payload(hospital, supermarket,
                                              analysis_ids=[hospital.pk]), format="json")
    too_big = client_for(world.caseworker_a).post("/api/v1/bundles/", bundle_payload(
        hospital, supermarket, target_min_hours=39, target_max_hours=40), format="json")
    slow = client_for(world.caseworker_a).post("/api/v1/bundles/", bundle_payload(
        hospital, supermarket, travel_speed_kmh=0), format="json")
    elsewhere = client_for(world.caseworker_b).post("/api/v1/bundles/", bundle_payload(hospital, supermarket),
                                                    format="json")

    assert (one.status_code, "analysis_ids" in one.json()) == (400, True)
    assert (too_big.status_code, "target_min_hours" in too_big.json()) == (400, True)
    assert (slow.status_code, "travel_speed_kmh" in slow.json()) == (400, True)
    assert elsewhere.status_code == 404


def test_the_schema_documents_the_carving_endpoints(client_for):
    schema = client_for().get("/api/v1/schema/", {"format": "json"}).json()

    for path in ("/api/v1/job-analyses/", "/api/v1/job-analyses/{id}/propose/", "/api/v1/job-analyses/{id}/accept/",
                 "/api/v1/job-analyses/{id}/tasks/", "/api/v1/bundles/", "/api/v1/bundles/accept/"):
        assert path in schema["paths"]


def test_the_list_takes_a_constant_number_of_queries(world, client_for, django_assert_max_num_queries):
    for number in range(5):
        analysis = hospital_analysis(world.employer_a, world.organisation_a)
        JobAnalysis.objects.filter(pk=analysis.pk).update(title=f"Verpleegkundige {number}")
    client = client_for(world.employer_a)

    with django_assert_max_num_queries(12):
        response = client.get(url())

    assert response.json()["count"] == 5


HUGE = 10**22


def test_ids_beyond_the_database_range_find_nothing_instead_of_crashing(world, client_for, hospital):
    employer, caseworker = client_for(world.employer_a), client_for(world.caseworker_a)

    responses = {
        "analysis": employer.get(f"/api/v1/job-analyses/{HUGE}/").status_code,
        "task": employer.get(url(hospital, f"tasks/{HUGE}")).status_code,
        "carved role": caseworker.get(f"/api/v1/carved-roles/{HUGE}/").status_code,
        "exclude_ids": employer.post(url(hospital, "propose"), {**PARAMETERS, "exclude_ids": [HUGE]},
                                     format="json").status_code,
        "task_ids": employer.post(url(hospital, "tasks/reorder"), {"task_ids": [HUGE]}, format="json").status_code,
        "analysis_ids": caseworker.post("/api/v1/bundles/", {"analysis_ids": [HUGE, hospital.pk]},
                                        format="json").status_code,
    }

    assert responses == {"analysis": 404, "task": 404, "carved role": 404, "exclude_ids": 400, "task_ids": 400,
                         "analysis_ids": 400}
