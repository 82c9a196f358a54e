"""Trajectories as provider staff and caseworkers read them, and the progress reports they write."""

import dataclasses
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.formats import date_format

from marketplace.access import actor_for
from marketplace.exceptions import NotAllowed, NotEditable, NotYourMunicipality, NotYourOrganisation
from marketplace.models import InstrumentAssignment, ProgressReport
from marketplace.models.koffer import AssignmentResult, AssignmentStatus, ReportAuthorKind
from marketplace.selectors.trajectories import (
    Trajectory,
    reports_for_assignment,
    trajectories_for,
    trajectories_for_provider,
    trajectory_for,
    trajectory_for_provider,
)
from marketplace.services.progress_reports import progress_report_add
from tests.trajectory_data import ACTION, GOAL, trajectories

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


@pytest.fixture
def paths(world):
    return trajectories(world)


def ids(rows) -> set[int]:
    return {row.id for row in rows}


# Who is a provider ---------------------------------------------------------------------------------------------

def test_provider_staff_are_providers_and_not_employers_or_associations(world):
    actor = actor_for(world.provider_a)

    assert actor.is_provider
    assert actor.provider_organisation_ids == {world.provider_organisation_a.pk}
    assert not actor.is_employer and not actor.is_association
    assert actor.organisation_ids == frozenset()


def test_employers_are_no_providers(world):
    actor = actor_for(world.employer_a)

    assert not actor.is_provider
    assert actor.organisation_ids == {world.organisation_a.pk}


# Reading ------------------------------------------------------------------------------------------------------

def test_provider_staff_see_their_planned_and_running_clients_who_consented(world, paths):
    rows = trajectories_for_provider(actor_for(world.provider_a))

    assert ids(rows) == {paths.mine.pk, paths.planned.pk}
    assert {row.name for row in rows} == {"Sentinelia Geheimnaam", "Piet Gepland"}


def test_the_other_provider_and_the_other_town_see_only_their_own(world, paths):
    assert ids(trajectories_for_provider(actor_for(world.provider_other))) == {paths.other_provider.pk}
    assert ids(trajectories_for_provider(actor_for(world.provider_b))) == {paths.other_town.pk}


def test_a_provider_does_not_see_a_client_of_its_organisation_in_another_municipality(world, paths):
    paths.other_town.provider = world.provider_organisation_a
    paths.other_town.save()

    assert paths.other_town.pk not in ids(trajectories_for_provider(actor_for(world.provider_a)))
    with pytest.raises(InstrumentAssignment.DoesNotExist):
        trajectory_for_provider(actor_for(world.provider_a), paths.other_town.pk)


def test_a_trajectory_shows_exactly_what_the_provider_needs(world, paths):
    trajectory = trajectory_for_provider(actor_for(world.provider_a), paths.mine.pk)

    assert {field.name for field in dataclasses.fields(Trajectory)} == {
        "id", "first_name", "last_name", "phone", "email", "preferred_language", "preferred_language_label",
        "instrument", "instrument_kind", "instrument_kind_label", "provider", "start_date", "end_date", "status",
        "status_label", "result", "result_label", "goal", "plan_action", "plan_action_due_date", "reports",
    }
    assert (trajectory.first_name, trajectory.last_name) == ("Sentinelia", "Geheimnaam")
    assert (trajectory.phone, trajectory.email) == ("0699999999", "sentinel-seeker@example.nl")
    assert trajectory.preferred_language == "nl"
    assert trajectory.instrument == paths.mine.instrument.name
    assert trajectory.provider == "Re-integratie Havenstad"
    assert trajectory.status == AssignmentStatus.ACTIVE
    assert (trajectory.goal, trajectory.plan_action) == (GOAL, ACTION)
    assert trajectory.reports == ()


@pytest.mark.parametrize(("persona", "case"), [
    ("provider_a", "without_consent"), ("provider_a", "other_provider"), ("provider_a", "other_town"),
    ("provider_other", "mine"), ("provider_b", "mine"),
])
def test_a_trajectory_that_is_not_theirs_does_not_exist_for_provider_staff(world, paths, persona, case):
    with pytest.raises(InstrumentAssignment.DoesNotExist):
        trajectory_for_provider(actor_for(getattr(world, persona)), getattr(paths, case).pk)


@pytest.mark.parametrize("bad_id", ["abc", "-1", "9" * 30, ""])
def test_an_id_that_is_no_number_is_not_found(world, paths, bad_id):
    with pytest.raises(InstrumentAssignment.DoesNotExist):
        trajectory_for_provider(actor_for(world.provider_a), bad_id)


@pytest.mark.parametrize("persona", ["seeker_user", "employer_a", "association", "caseworker_a"])
def test_only_provider_staff_read_the_provider_list(world, paths, persona):
    with pytest.raises(NotAllowed):
        trajectories_for_provider(actor_for(getattr(world, persona)))


def test_caseworkers_read_the_trajectories_of_their_municipality(world, paths):
    in_a = ids(trajectories_for(actor_for(world.caseworker_a)))

    assert in_a == {paths.mine.pk, paths.planned.pk, paths.without_consent.pk, paths.other_provider.pk}
    assert ids(trajectories_for(actor_for(world.caseworker_b))) == {paths.other_town.pk}
    assert trajectory_for(actor_for(world.caseworker_a), paths.without_consent.pk).last_name == "Toestemming"
    with pytest.raises(InstrumentAssignment.DoesNotExist):
        trajectory_for(actor_for(world.caseworker_b), paths.mine.pk)


def test_reports_are_read_by_the_provider_and_the_caseworker_alike(world, paths):
    progress_report_add(actor=actor_for(world.provider_a), assignment=paths.mine, date=TODAY(), text="Goed gestart.")

    for persona in ("provider_a", "caseworker_a"):
        reports = reports_for_assignment(actor_for(getattr(world, persona)), paths.mine)
        assert [report.text for report in reports] == ["Goed gestart."]


@pytest.mark.parametrize(("persona", "error"), [
    ("provider_other", NotYourOrganisation), ("provider_b", NotYourOrganisation),
    ("caseworker_b", NotYourMunicipality), ("seeker_user", NotAllowed), ("employer_a", NotAllowed),
])
def test_reports_of_another_trajectory_are_not_theirs(world, paths, persona, error):
    with pytest.raises(error):
        reports_for_assignment(actor_for(getattr(world, persona)), paths.mine)


def test_reports_without_the_persons_consent_are_not_the_providers(world, paths):
    with pytest.raises(NotYourOrganisation):
        reports_for_assignment(actor_for(world.provider_a), paths.without_consent)


# Writing ------------------------------------------------------------------------------------------------------

def test_provider_staff_report_progress_on_their_clients_trajectory(world, paths):
    report = progress_report_add(actor=actor_for(world.provider_a), assignment=paths.mine,
                                 date=TODAY() - timedelta(days=1), text="  Twee keer geweest, gaat goed.  ")

    assert (report.author, report.author_kind) == (world.provider_a, ReportAuthorKind.PROVIDER)
    assert report.text == "Twee keer geweest, gaat goed."
    assert report.result == ""
    paths.mine.refresh_from_db()
    assert paths.mine.status == AssignmentStatus.ACTIVE
    line = trajectory_for_provider(actor_for(world.provider_a), paths.mine.pk).reports[0]
    assert (line.author_kind, line.author_name) == (ReportAuthorKind.PROVIDER, world.provider_a.get_full_name())


def test_a_caseworker_adds_a_note_as_caseworker(world, paths):
    report = progress_report_add(actor=actor_for(world.caseworker_a), assignment=paths.mine, date=TODAY(),
                                 text="Gebeld met de jobcoach.")

    assert report.author_kind == ReportAuthorKind.CASEWORKER


def test_the_final_report_ends_the_trajectory_with_its_result(world, paths):
    day = TODAY() - timedelta(days=2)

    report = progress_report_add(actor=actor_for(world.provider_a), assignment=paths.mine, date=day,
                                 text="Afgerond: ze werkt nu drie ochtenden.", result=AssignmentResult.GOAL_REACHED)

    paths.mine.refresh_from_db()
    assert report.result == AssignmentResult.GOAL_REACHED
    assert (paths.mine.status, paths.mine.end_date, paths.mine.result) == (
        AssignmentStatus.ENDED, day, AssignmentResult.GOAL_REACHED)
    assert paths.mine.pk not in ids(trajectories_for_provider(actor_for(world.provider_a)))
    with pytest.raises(InstrumentAssignment.DoesNotExist):  # the provider no longer sees the ended trajectory
        trajectory_for_provider(actor_for(world.provider_a), paths.mine.pk)
    assert trajectory_for(actor_for(world.caseworker_a), paths.mine.pk).reports[-1].is_final


def test_no_report_on_an_ended_trajectory(world, paths):
    with pytest.raises(NotEditable):
        progress_report_add(actor=actor_for(world.provider_a), assignment=paths.ended, date=TODAY(), text="Nog iets.")
    assert not ProgressReport.objects.exists()


@pytest.mark.parametrize(("case", "changes", "field"), [
    ("mine", {"text": "   "}, "text"),
    ("mine", {"date": "gisteren"}, "date"),
    ("mine", {"date": None}, "date"),
    ("mine", {"date": TODAY() + timedelta(days=1)}, "date"),
    ("mine", {"date": TODAY() - timedelta(days=31)}, "date"),
    ("mine", {"result": "geweldig"}, "result"),
    ("mine", {"text": "x" * 2001}, "text"),
])
def test_bad_input_names_the_field_and_writes_nothing(world, paths, case, changes, field):
    assignment = getattr(paths, case)
    arguments = {"date": TODAY(), "text": "Gaat goed.", "result": "", **changes}

    with pytest.raises(ValidationError) as error:
        progress_report_add(actor=actor_for(world.provider_a), assignment=assignment, **arguments)

    assert field in error.value.message_dict
    assert not ProgressReport.objects.exists()
    assignment.refresh_from_db()
    assert assignment.status != AssignmentStatus.ENDED


@pytest.mark.parametrize(("persona", "case", "error"), [
    ("provider_other", "mine", NotYourOrganisation),
    ("provider_b", "mine", NotYourOrganisation),
    ("provider_a", "without_consent", NotYourOrganisation),
    ("provider_a", "other_provider", NotYourOrganisation),
    ("caseworker_b", "mine", NotYourMunicipality),
    ("employer_a", "mine", NotAllowed),
    ("seeker_user", "mine", NotAllowed),
])
def test_a_report_on_a_trajectory_not_theirs_is_refused_and_writes_nothing(world, paths, persona, case, error):
    with pytest.raises(error):
        progress_report_add(actor=actor_for(getattr(world, persona)), assignment=getattr(paths, case),
                            date=TODAY(), text="Gaat goed.", result=AssignmentResult.GOAL_REACHED)

    assert not ProgressReport.objects.exists()
    assert not InstrumentAssignment.objects.filter(status=AssignmentStatus.ENDED).exclude(pk=paths.ended.pk).exists()


def test_a_report_on_a_planned_trajectory_whose_start_has_come_starts_it(world, paths):
    InstrumentAssignment.objects.filter(pk=paths.planned.pk).update(start_date=TODAY() - timedelta(days=3))

    progress_report_add(actor=actor_for(world.provider_a), assignment=paths.planned, date=TODAY(),
                        text="Eerste les gehad.")

    paths.planned.refresh_from_db()
    assert paths.planned.status == AssignmentStatus.ACTIVE
    assert paths.planned.start_date == TODAY() - timedelta(days=3)


def test_a_final_report_on_a_planned_trajectory_starts_and_ends_it_with_the_result(world, paths):
    InstrumentAssignment.objects.filter(pk=paths.planned.pk).update(start_date=TODAY() - timedelta(days=3))

    progress_report_add(actor=actor_for(world.provider_a), assignment=paths.planned, date=TODAY(),
                        text="Niet verschenen, gestopt.", result=AssignmentResult.DROPPED_OUT)

    paths.planned.refresh_from_db()
    assert paths.planned.status == AssignmentStatus.ENDED
    assert (paths.planned.end_date, paths.planned.result) == (TODAY(), AssignmentResult.DROPPED_OUT)


def test_a_report_before_a_start_still_ahead_says_when_reporting_can_begin(world, paths):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        progress_report_add(actor=actor_for(world.provider_a), assignment=paths.planned, date=TODAY(),
                            text="Kennismaking gepland.")

    with translation.override("en"):
        start = date_format(paths.planned.start_date, "j F Y")
    assert refused.value.message_dict["date"] == [f"The trajectory starts on {start}; report from that day."]
    assert not ProgressReport.objects.exists()
