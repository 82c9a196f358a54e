"""The trajectories API: provider staff read their consented clients and report progress; caseworkers read and
report on their municipality's trajectories; everyone else is refused."""

from datetime import timedelta

import pytest
from django.utils import timezone

from marketplace.models import ProgressReport
from marketplace.models.koffer import AssignmentResult, AssignmentStatus
from tests.trajectory_data import ACTION, GOAL, trajectories

pytestmark = pytest.mark.django_db

LIST = "/api/v1/trajectories/"


@pytest.fixture
def paths(world):
    return trajectories(world)


def detail(assignment) -> str:
    return f"{LIST}{assignment.pk}/"


def reports(assignment) -> str:
    return f"{LIST}{assignment.pk}/reports/"


def report_body(**changes):
    return {"date": (timezone.localdate() - timedelta(days=1)).isoformat(), "text": "Goed gesprek gehad.", **changes}


def listed(response) -> set[int]:
    return {row["id"] for row in response.json()["results"]}


def test_provider_staff_list_their_consented_clients(world, paths, client_for):
    response = client_for(world.provider_a).get(LIST)

    assert response.status_code == 200
    assert listed(response) == {paths.mine.pk, paths.planned.pk}
    assert set(response.json()["results"][0]) == {"id", "first_name", "last_name", "instrument", "start_date",
                                                  "status"}


def test_a_trajectory_answers_with_exactly_the_projection(world, paths, client_for):
    body = client_for(world.provider_a).get(detail(paths.mine)).json()

    assert set(body) == {"id", "first_name", "last_name", "phone", "email", "preferred_language", "instrument",
                         "instrument_kind", "provider", "start_date", "end_date", "status", "result", "goal",
                         "plan_action", "plan_action_due_date", "reports"}
    assert (body["first_name"], body["phone"], body["goal"], body["plan_action"]) == (
        "Sentinelia", "0699999999", GOAL, ACTION)


@pytest.mark.parametrize(("persona", "case"), [
    ("provider_a", "without_consent"), ("provider_a", "other_provider"), ("provider_a", "other_town"),
    ("provider_other", "mine"), ("provider_b", "mine"), ("caseworker_b", "mine"),
])
def test_a_trajectory_that_is_not_theirs_is_not_found(world, paths, client_for, persona, case):
    client = client_for(getattr(world, persona))
    assignment = getattr(paths, case)

    assert client.get(detail(assignment)).status_code == 404
    assert client.post(reports(assignment), report_body(), format="json").status_code == 404
    assert not ProgressReport.objects.exists()


@pytest.mark.parametrize("persona", [None, "seeker_user", "employer_a", "association"])
def test_everyone_else_is_refused(world, paths, client_for, persona):
    client = client_for(getattr(world, persona) if persona else None)

    assert client.get(LIST).status_code in (401, 403)
    assert client.get(detail(paths.mine)).status_code in (401, 403)
    assert client.post(reports(paths.mine), report_body(), format="json").status_code in (401, 403)
    assert not ProgressReport.objects.exists()


def test_caseworkers_list_the_trajectories_of_their_municipality_only(world, paths, client_for):
    in_a = listed(client_for(world.caseworker_a).get(LIST))

    assert in_a == {paths.mine.pk, paths.planned.pk, paths.without_consent.pk, paths.other_provider.pk}
    assert listed(client_for(world.caseworker_b).get(LIST)) == {paths.other_town.pk}


def test_provider_staff_report_progress(world, paths, client_for):
    response = client_for(world.provider_a).post(reports(paths.mine), report_body(), format="json")

    assert response.status_code == 201
    assert response.json()["author_kind"] == "provider"
    assert response.json()["text"] == "Goed gesprek gehad."
    trajectory = client_for(world.provider_a).get(detail(paths.mine)).json()
    assert [line["id"] for line in trajectory["reports"]] == [response.json()["id"]]


def test_a_caseworker_reports_on_a_trajectory_of_the_municipality(world, paths, client_for):
    response = client_for(world.caseworker_a).post(reports(paths.without_consent), report_body(), format="json")

    assert response.status_code == 201
    assert response.json()["author_kind"] == "caseworker"


def test_the_final_report_ends_the_trajectory(world, paths, client_for):
    body = report_body(result=AssignmentResult.DROPPED_OUT, text="Gestopt wegens verhuizing.")

    response = client_for(world.provider_a).post(reports(paths.mine), body, format="json")

    assert response.status_code == 201
    assert response.json()["result"] == AssignmentResult.DROPPED_OUT
    paths.mine.refresh_from_db()
    assert (paths.mine.status, paths.mine.end_date.isoformat()) == (AssignmentStatus.ENDED, body["date"])
    again = client_for(world.provider_a).post(reports(paths.mine), report_body(), format="json")
    assert again.status_code == 404  # ended: the provider no longer sees it
    assert client_for(world.provider_a).get(detail(paths.mine)).status_code == 404
    assert client_for(world.caseworker_a).get(detail(paths.mine)).status_code == 200


@pytest.mark.parametrize(("changes", "field"), [
    ({"text": ""}, "text"),
    ({"text": "   "}, "text"),
    ({"date": "morgen"}, "date"),
    ({"date": (timezone.localdate() + timedelta(days=1)).isoformat()}, "date"),
    ({"date": (timezone.localdate() - timedelta(days=60)).isoformat()}, "date"),
    ({"result": "prima"}, "result"),
    ({"author_kind": "caseworker"}, "author_kind"),
])
def test_bad_input_answers_400_naming_the_field_and_writes_nothing(world, paths, client_for, changes, field):
    response = client_for(world.provider_a).post(reports(paths.mine), report_body(**changes), format="json")

    assert response.status_code == 400
    assert field in response.json()
    assert not ProgressReport.objects.exists()


def test_a_final_report_on_a_planned_trajectory_ends_it(world, paths, client_for):
    paths.planned.start_date = timezone.localdate() - timedelta(days=3)
    paths.planned.save()

    response = client_for(world.provider_a).post(
        reports(paths.planned), report_body(result=AssignmentResult.GOAL_REACHED), format="json")

    assert response.status_code == 201, response.json()
    paths.planned.refresh_from_db()
    assert (paths.planned.status, paths.planned.result) == (AssignmentStatus.ENDED, AssignmentResult.GOAL_REACHED)
