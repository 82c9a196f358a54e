"""The plan of action through the API: caseworkers under /seekers/{id}/plan/, the job seeker under /me/plan/.

Another municipality's job seeker does not exist for a caseworker (404); employers, associations and
job seekers are refused the caseworker's endpoints (403), and caseworkers and employers the seeker's.
Bad input answers 400 naming the field, and nothing is written.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from marketplace.access import actor_for
from marketplace.models import Plan, PlanAction, PlanEvent
from marketplace.services.plans import plan_action_add, plan_create
from tests import factories

pytestmark = pytest.mark.django_db


def days(n: int) -> str:
    return (timezone.localdate() + timedelta(days=n)).isoformat()


def plan_url(seeker) -> str:
    return f"/api/v1/seekers/{seeker.pk}/plan/"


@pytest.fixture
def plan(world) -> Plan:
    caseworker = actor_for(world.caseworker_a)
    plan = plan_create(actor=caseworker, seeker=world.seeker, goal="Werken in de bakkerij",
                       review_date=timezone.localdate() + timedelta(days=60))
    plan_action_add(actor=caseworker, plan=plan, description="Cv maken", owner="seeker",
                    due_date=timezone.localdate() + timedelta(days=10))
    return Plan.objects.get(pk=plan.pk)


def test_a_caseworker_makes_a_plan_adds_an_action_and_reads_it_back(world, client_for):
    client = client_for(world.caseworker_a)

    made = client.post(plan_url(world.seeker), {"goal": "Ik wil koken.", "review_date": days(45)}, format="json")
    added = client.post(f"{plan_url(world.seeker)}actions/", {
        "description": "Hygiënecursus", "owner": "other", "owner_name": "ROC Havenstad", "due_date": days(40),
    }, format="json")
    read = client.get(plan_url(world.seeker))

    assert made.status_code == 201, made.json()
    assert added.status_code == 201, added.json()
    body = read.json()
    assert body["goal"] == "Ik wil koken."
    assert body["version"] == 2
    assert body["agreement"] == "not_agreed"
    assert [(a["description"], a["owner"], a["owner_name"]) for a in body["actions"]] == [
        ("Hygiënecursus", "other", "ROC Havenstad")]
    assert [entry["kind"] for entry in body["history"]] == ["created", "action_added"]
    assert body["history"][0]["by_name"]  # staff see who wrote each line


@pytest.mark.parametrize("payload, field", [
    ({"goal": "Koken", "review_date": days(-1)}, "review_date"),
    ({"goal": "", "review_date": days(30)}, "goal"),
    ({"review_date": days(30)}, "goal"),
    ({"goal": "Koken", "review_date": "morgen"}, "review_date"),
    ({"goal": "Koken", "review_date": days(30), "version": 3}, "version"),
])
def test_a_bad_plan_answers_400_naming_the_field_and_writes_nothing(world, client_for, payload, field):
    response = client_for(world.caseworker_a).post(plan_url(world.seeker), payload, format="json")

    assert response.status_code == 400
    assert field in response.json()
    assert not Plan.objects.exists()


@pytest.mark.parametrize("payload, field", [
    ({"description": "Cv", "due_date": days(5)}, "owner"),
    ({"description": "Cv", "owner": "buurman", "due_date": days(5)}, "owner"),
    ({"description": "Cv", "owner": "other", "due_date": days(5)}, "owner_name"),
    ({"description": "Cv", "owner": "seeker", "due_date": days(-2)}, "due_date"),
    ({"description": "Cv", "owner": "seeker", "due_date": days(61)}, "due_date"),
    ({"description": "", "owner": "seeker", "due_date": days(5)}, "description"),
])
def test_a_bad_action_answers_400_naming_the_field_and_writes_nothing(world, client_for, plan, payload, field):
    response = client_for(world.caseworker_a).post(f"{plan_url(world.seeker)}actions/", payload, format="json")

    assert response.status_code == 400
    assert field in response.json()
    assert PlanAction.objects.count() == 1
    assert Plan.objects.get().version == plan.version


def test_a_second_plan_for_the_same_job_seeker_answers_400_naming_the_seeker(world, client_for, plan):
    response = client_for(world.caseworker_a).post(plan_url(world.seeker), {"goal": "Opnieuw",
                                                                             "review_date": days(30)}, format="json")

    assert response.status_code == 400
    assert "seeker" in response.json()


def test_the_caseworker_changes_an_action_and_ticks_it_off(world, client_for, plan):
    client = client_for(world.caseworker_a)
    action = plan.actions.get()

    changed = client.patch(f"{plan_url(world.seeker)}actions/{action.pk}/", {"due_date": days(20)}, format="json")
    done = client.patch(f"{plan_url(world.seeker)}actions/{action.pk}/", {"status": "done"}, format="json")

    assert changed.status_code == 200, changed.json()
    assert done.json()["actions"][0]["status"] == "done"
    assert PlanAction.objects.get().due_date.isoformat() == days(20)


def test_an_action_of_another_plan_is_not_found(world, client_for, plan):
    caseworker = actor_for(world.caseworker_a)
    other_seeker = factories.JobSeekerFactory(municipality=world.municipality_a, caseworker=world.seeker.caseworker)
    other_plan = plan_create(actor=caseworker, seeker=other_seeker, goal="Werken",
                             review_date=timezone.localdate() + timedelta(days=30))
    other_action = plan_action_add(actor=caseworker, plan=other_plan, description="Iets", owner="seeker",
                                   due_date=timezone.localdate() + timedelta(days=5))

    response = client_for(world.caseworker_a).patch(f"{plan_url(world.seeker)}actions/{other_action.pk}/",
                                                    {"status": "done"}, format="json")

    assert response.status_code == 404
    assert PlanAction.objects.get(pk=other_action.pk).status == "open"


def test_the_job_seeker_reads_comments_ticks_off_and_agrees_through_me(world, client_for, plan):
    client = client_for(world.seeker_user)
    action = plan.actions.get()

    read = client.get("/api/v1/me/plan/")
    commented = client.post("/api/v1/me/plan/comments/", {"text": "Mag het ook later?"}, format="json")
    ticked = client.post(f"/api/v1/me/plan/actions/{action.pk}/done/")
    agreed = client.post("/api/v1/me/plan/agree/", {"version": read.json()["version"]}, format="json")

    assert read.status_code == 200
    assert commented.status_code == 201
    assert ticked.json()["actions"][0]["status"] == "done"
    assert agreed.status_code == 200
    body = agreed.json()
    assert body["agreement"] == "agreed"
    assert [entry["kind"] for entry in body["history"]][-3:] == ["comment", "action_done", "agreed"]
    assert body["history"][-1]["by"] == "self"
    # The seeker learns their own caseworker's name, whom they know, and nobody else's.
    created = body["history"][0]
    assert created["by"] == "own_caseworker"
    assert created["by_name"] == (world.caseworker_a.get_full_name() or world.caseworker_a.username)


def test_agreeing_to_a_version_that_changed_since_answers_409_naming_the_version(world, client_for, plan):
    seen = plan.version
    client_for(world.caseworker_a).patch(plan_url(world.seeker), {"goal": "Werken in een hotel"}, format="json")

    response = client_for(world.seeker_user).post("/api/v1/me/plan/agree/", {"version": seen}, format="json")

    assert response.status_code == 409
    assert "version" in response.json()
    assert Plan.objects.get().agreed_version is None


@pytest.mark.parametrize("payload", [{}, {"version": "twee"}, {"version": True}, {"version": 0}])
def test_an_agreement_without_a_version_answers_400(world, client_for, plan, payload):
    response = client_for(world.seeker_user).post("/api/v1/me/plan/agree/", payload, format="json")

    assert response.status_code == 400
    assert "version" in response.json()


def test_a_job_seeker_without_a_plan_is_told_so(world, client_for):
    response = client_for(world.seeker_user).get("/api/v1/me/plan/")

    assert response.status_code == 404


def test_the_seeker_cannot_tick_off_the_caseworkers_action(world, client_for, plan):
    action = plan_action_add(actor=actor_for(world.caseworker_a), plan=plan, description="Werkgever bellen",
                             owner="caseworker", due_date=timezone.localdate() + timedelta(days=5))

    response = client_for(world.seeker_user).post(f"/api/v1/me/plan/actions/{action.pk}/done/")

    assert response.status_code == 403
    assert PlanAction.objects.get(pk=action.pk).status == "open"


CASEWORKER_ENDPOINTS = [
    ("get", "{plan}"), ("post", "{plan}"), ("patch", "{plan}"), ("post", "{plan}actions/"),
    ("patch", "{plan}actions/{action}/"), ("post", "{plan}comments/"),
]
SEEKER_ENDPOINTS = [
    ("get", "/api/v1/me/plan/"), ("post", "/api/v1/me/plan/agree/"), ("post", "/api/v1/me/plan/comments/"),
    ("post", "/api/v1/me/plan/actions/{action}/done/"),
]


@pytest.mark.parametrize("method, path", CASEWORKER_ENDPOINTS)
@pytest.mark.parametrize("persona, status", [
    ("caseworker_b", 404), ("employer_a", 403), ("employer_other_town", 403), ("association", 403),
    ("seeker_user", 403), (None, 401),
])
def test_nobody_but_a_caseworker_of_the_municipality_reaches_the_plan(world, client_for, plan, method, path,
                                                                       persona, status):
    client = client_for(getattr(world, persona) if persona else None)
    url = path.format(plan=plan_url(world.seeker), action=plan.actions.get().pk)
    events = PlanEvent.objects.count()

    response = getattr(client, method)(url, {"goal": "Gestolen", "text": "Hallo", "status": "done"}, format="json")

    assert response.status_code == status
    assert "Werken in de bakkerij" not in response.content.decode()
    assert PlanEvent.objects.count() == events


@pytest.mark.parametrize("method, path", SEEKER_ENDPOINTS)
@pytest.mark.parametrize("persona", ["caseworker_a", "employer_a", "association"])
def test_the_seekers_own_endpoints_refuse_everyone_else(world, client_for, plan, method, path, persona):
    url = path.format(action=plan.actions.get().pk)

    response = getattr(client_for(getattr(world, persona)), method)(url, {"version": plan.version, "text": "Hoi"},
                                                                     format="json")

    assert response.status_code == 403
    assert PlanEvent.objects.filter(kind__in=["comment", "agreed", "action_done"]).count() == 0


def test_another_job_seeker_gets_their_own_plan_and_never_this_one(world, client_for, plan):
    other = factories.JobSeekerFactory(municipality=world.municipality_a, with_account=True)
    client = client_for(other.user)

    assert client.get("/api/v1/me/plan/").status_code == 404
    done = client.post(f"/api/v1/me/plan/actions/{plan.actions.get().pk}/done/")
    assert done.status_code == 404
    assert PlanAction.objects.get().status == "open"


def test_the_schema_documents_the_plan_endpoints(client_for, db):
    paths = client_for(None).get("/api/v1/schema/?format=json").json()["paths"]

    for path in ("/api/v1/seekers/{id}/plan/", "/api/v1/seekers/{id}/plan/actions/",
                 "/api/v1/seekers/{id}/plan/actions/{action_id}/", "/api/v1/seekers/{id}/plan/comments/",
                 "/api/v1/me/plan/", "/api/v1/me/plan/agree/", "/api/v1/me/plan/comments/",
                 "/api/v1/me/plan/actions/{action_id}/done/"):
        assert path in paths, path
