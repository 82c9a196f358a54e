"""The provider's portal: staff see their consented clients, read a trajectory and report progress on it."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from marketplace.models import ProgressReport
from marketplace.models.koffer import AssignmentResult, AssignmentStatus, ReportAuthorKind
from tests.portal.helpers import en, leaked, messages_of, post, signed_in
from tests.trajectory_data import ACTION, FORBIDDEN_VALUES, GOAL, trajectories

pytestmark = pytest.mark.django_db


@pytest.fixture
def paths(world):
    return trajectories(world)


@pytest.fixture
def provider(world):
    return signed_in(world.provider_a)


def client_page(paths, case="mine") -> str:
    return en("provider-client", getattr(paths, case).pk)


def report(provider, paths, **fields):
    today = timezone.localdate()
    data = {"date": (today - timedelta(days=1)).isoformat(), "text": "Eerste gesprek gehad, ze is gemotiveerd.",
            "result": "", **fields}
    return post(provider, client_page(paths), data)


def test_the_dashboard_sends_provider_staff_to_their_clients(world, provider):
    response = provider.get(en("portal-home"))

    assert response.status_code == 302
    assert response["Location"] == en("provider-home")


def test_the_client_list_shows_only_consented_planned_and_running_clients(world, paths, provider):
    response = provider.get(en("provider-home"))

    html = response.content.decode()
    assert response.status_code == 200
    assert [row.id for row in response.context["trajectories"]] == [paths.mine.pk, paths.planned.pk]
    assert "Sentinelia Geheimnaam" in html and "Piet Gepland" in html
    for hidden in ("Toestemming", "Afgerond", "Andere Aanbieder", world.seeker_b.last_name):
        assert hidden not in html
    assert f'href="{client_page(paths)}"' in html


def test_a_provider_without_clients_is_told_so(world, paths):
    response = signed_in(world.provider_b).get(en("provider-home"))

    assert [row.id for row in response.context["trajectories"]] == [paths.other_town.pk]
    paths.other_town.delete()
    response = signed_in(world.provider_b).get(en("provider-home"))
    assert "has no clients with a planned or running trajectory" in response.content.decode()


def test_the_client_page_shows_what_the_trajectory_needs_and_no_draaglast(world, paths, provider):
    response = provider.get(client_page(paths))

    html = response.content.decode()
    assert response.status_code == 200
    for shown in ("Sentinelia Geheimnaam", "0699999999", "sentinel-seeker@example.nl", GOAL, ACTION,
                  paths.mine.instrument.name, "Report progress"):
        assert shown in html, shown
    assert leaked(html, FORBIDDEN_VALUES) == []
    assert "<script" not in html


def test_the_report_form_chooses_no_result_for_the_provider(world, paths, provider):
    html = provider.get(client_page(paths)).content.decode()

    select = re.search(r'<select name="result".*?</select>', html, re.S).group(0)
    assert 'value="" selected' in select
    assert select.count("selected") == 1
    assert re.search(r'<label class="field__label" for="id_date"', html)
    assert re.search(r'<label class="field__label" for="id_text"', html)
    assert 'type="date"' in html and 'value="' not in re.search(r'<input type="date"[^>]*>', html).group(0)


@pytest.mark.parametrize("persona", ["provider_other", "provider_b"])
def test_another_providers_staff_do_not_find_the_client(world, paths, persona):
    client = signed_in(getattr(world, persona))

    assert client.get(client_page(paths)).status_code == 404
    assert report(client, paths).status_code == 404
    assert not ProgressReport.objects.exists()


@pytest.mark.parametrize("case", ["without_consent", "other_provider", "other_town"])
def test_a_trajectory_without_consent_or_of_others_is_not_found(world, paths, provider, case):
    assert provider.get(client_page(paths, case)).status_code == 404


@pytest.mark.parametrize("persona", ["seeker_user", "employer_a", "association", "caseworker_a"])
def test_the_provider_pages_are_not_for_other_accounts(world, paths, persona):
    client = signed_in(getattr(world, persona))

    for url in (en("provider-home"), client_page(paths)):
        response = client.get(url)
        assert response.status_code == 403
        assert "Sentinelia" not in response.content.decode()


def test_provider_staff_report_progress_and_see_it_listed(world, paths, provider):
    response = report(provider, paths)

    assert response.status_code == 302
    assert response["Location"] == client_page(paths)
    saved = ProgressReport.objects.get()
    assert (saved.author, saved.author_kind, saved.result) == (world.provider_a, ReportAuthorKind.PROVIDER, "")
    page = provider.get(client_page(paths))
    assert "Your report has been saved" in " ".join(messages_of(page))
    assert "Eerste gesprek gehad, ze is gemotiveerd." in page.content.decode()
    assert f'id="report-{saved.pk}"' in page.content.decode()


def test_the_final_report_ends_the_trajectory_and_returns_to_the_list(world, paths, provider):
    response = report(provider, paths, result=AssignmentResult.PARTLY_REACHED, text="Afgerond, deels gelukt.")

    assert response.status_code == 302
    assert response["Location"] == en("provider-home")
    paths.mine.refresh_from_db()
    assert (paths.mine.status, paths.mine.result) == (AssignmentStatus.ENDED, AssignmentResult.PARTLY_REACHED)
    listed = provider.get(en("provider-home"))
    assert "the trajectory has ended" in " ".join(messages_of(listed))
    assert paths.mine.pk not in [row.id for row in listed.context["trajectories"]]
    assert provider.get(client_page(paths)).status_code == 404


def test_an_ended_or_cancelled_trajectory_is_not_found_for_the_provider(world, paths, provider):
    paths.ended.consent_at = timezone.now()
    paths.ended.save()
    paths.planned.status = AssignmentStatus.CANCELLED
    paths.planned.save()

    for case in ("ended", "planned"):
        response = provider.get(client_page(paths, case))
        assert response.status_code == 404
        person = getattr(paths, case).seeker
        assert not leaked(response.content.decode(), [person.last_name, person.email])


@pytest.mark.parametrize(("fields", "field"), [
    ({"date": (timezone.localdate() + timedelta(days=3)).isoformat()}, "date"),
    ({"date": (timezone.localdate() - timedelta(days=400)).isoformat()}, "date"),
    ({"date": "31-02-2026"}, "date"),
    ({"text": "   "}, "text"),
    ({"result": "fantastisch"}, "result"),
])
def test_bad_input_is_shown_on_the_field_and_the_input_is_kept(world, paths, provider, fields, field):
    response = report(provider, paths, **{"text": "Mijn verslag van vandaag.", **fields})

    assert response.status_code == 400
    assert field in response.context["form"].errors
    if field != "text":
        assert "Mijn verslag van vandaag." in response.content.decode()
    assert not ProgressReport.objects.exists()


def test_before_the_start_the_page_says_from_when_to_report_instead_of_offering_a_form(world, paths, provider):
    html = provider.get(client_page(paths, "planned")).content.decode()

    assert 'id="report-from"' in html
    assert 'name="text"' not in html and 'name="date"' not in html


def test_a_final_report_on_a_planned_trajectory_whose_start_has_come_ends_it(world, paths, provider):
    paths.planned.start_date = timezone.localdate() - timedelta(days=2)
    paths.planned.save()

    response = post(provider, client_page(paths, "planned"), {
        "date": timezone.localdate().isoformat(), "text": "Twee keer niet gekomen.", "result": "dropped_out"})

    assert response.status_code == 302
    paths.planned.refresh_from_db()
    assert (paths.planned.status, paths.planned.result) == (AssignmentStatus.ENDED, AssignmentResult.DROPPED_OUT)


def test_an_ended_trajectory_takes_no_more_reports(world, paths, provider):
    paths.ended.consent_at = timezone.now()
    paths.ended.save()

    response = post(provider, client_page(paths, "ended"), {
        "date": timezone.localdate().isoformat(), "text": "Nog iets."})

    assert response.status_code == 404
    assert not ProgressReport.objects.exists()
