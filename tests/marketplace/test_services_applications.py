"""The application services: interest, invitations, consent-gated introductions, places, placements and endings."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from marketplace.choices import ApplicationStatus, RoleStatus, SeekerStatus
from marketplace.constants import Support
from marketplace.exceptions import (
    ApplicationExists,
    ConsentRequired,
    NotAllowed,
    NotYourMunicipality,
    NotYourOrganisation,
    Overbooked,
    TransitionNotAllowed,
)
from marketplace.models.applications import Application, ApplicationEvent, RetentionCheckpoint, RoleSeat
from marketplace.services.applications import (
    PlacementTerms,
    add_months,
    application_consent,
    application_decline,
    application_end,
    application_express_interest,
    application_introduce,
    application_invite,
    application_place,
    application_start_trial,
    application_transition,
    application_withdraw,
    retention_checkpoint_record,
    role_seats_check_places,
)
from tests import factories

pytestmark = pytest.mark.django_db
S = ApplicationStatus
TERMS = PlacementTerms(start_date=datetime.date(2025, 1, 31), hours_per_week=12)


@pytest.fixture(autouse=True)
def _english():
    # Some assertions read the source (English) wording of the refusals.
    with translation.override("en"):
        yield


@pytest.fixture
def role(world):
    return factories.RoleFactory(organisation=world.organisation_a, published=True, places=2,
                                 hourly_wage=Decimal("14.40"))


def another_seeker(world, **kwargs):
    return factories.JobSeekerFactory(municipality=world.municipality_a, with_account=True, **kwargs)


def introduced(world, role, seeker=None):
    """An application walked by its people to ``introduced``: interest, consent, the employer introduces."""
    seeker = seeker or world.seeker
    application, _created = application_express_interest(seeker=seeker, role=role)
    application_consent(application=application, actor_user=seeker.user)
    return application_introduce(application=application, actor_user=world.employer_a)


def in_trial(world, role, seeker=None):
    return application_start_trial(application=introduced(world, role, seeker), actor_user=world.employer_a)


def statuses(application) -> list[tuple[str, str, str]]:
    return [(event.from_status, event.to_status, event.actor_kind) for event in application.events.order_by("id")]


# Interest ----------------------------------------------------------------------------------------------------

def test_seeker_shows_interest_once_and_the_timeline_records_it(world, role):
    application, created = application_express_interest(seeker=world.seeker, role=role)
    again, created_again = application_express_interest(seeker=world.seeker, role=role)

    assert (created, created_again) == (True, False)
    assert again.pk == application.pk
    assert application.status == S.INTERESTED
    assert statuses(application) == [("", "interested", "seeker")]
    assert application.events.get().actor == world.seeker_user


def test_interest_in_a_suggested_role_turns_the_suggestion_into_interest(world, role):
    suggestion = Application.objects.create(seeker=world.seeker, role=role, status=S.SUGGESTED, score=81.5)

    application, created = application_express_interest(seeker=world.seeker, role=role)

    assert (application.pk, created, application.status) == (suggestion.pk, False, S.INTERESTED)
    assert statuses(application) == [("suggested", "interested", "seeker")]


def test_seeker_cannot_show_interest_in_a_role_of_another_municipality(world):
    other_role = factories.RoleFactory(organisation__municipality=world.municipality_b, published=True)

    with pytest.raises(NotYourMunicipality):
        application_express_interest(seeker=world.seeker, role=other_role)

    assert not Application.objects.exists()


def test_seeker_cannot_show_interest_in_a_draft_role(world):
    draft = factories.RoleFactory(organisation=world.organisation_a)

    with pytest.raises(NotAllowed):
        application_express_interest(seeker=world.seeker, role=draft)


# Invitations -------------------------------------------------------------------------------------------------

def test_employer_invites_a_seeker_who_allows_a_card(world, role):
    application = application_invite(role=role, seeker=world.seeker, actor_user=world.employer_a, note="Welkom!")

    assert application.status == S.PROPOSED
    assert statuses(application) == [("", "proposed", "employer")]
    assert application.events.get().note == "Welkom!"


def test_employer_cannot_invite_a_seeker_without_card_consent(world, role):
    hidden = another_seeker(world, card_visible=False)

    with pytest.raises(ValidationError) as error:
        application_invite(role=role, seeker=hidden, actor_user=world.employer_a)

    assert "seeker" in error.value.message_dict
    assert not Application.objects.exists()


def test_caseworker_invites_a_seeker_without_card_consent(world, role):
    hidden = another_seeker(world, card_visible=False)

    application = application_invite(role=role, seeker=hidden, actor_user=world.caseworker_a)

    assert (application.status, statuses(application)) == (S.PROPOSED, [("", "proposed", "caseworker")])


def test_employer_cannot_invite_to_another_employers_role(world, role):
    with pytest.raises(NotYourOrganisation):
        application_invite(role=role, seeker=world.seeker, actor_user=world.employer_b)


def test_caseworker_cannot_invite_to_a_role_of_another_municipality(world, role):
    with pytest.raises(NotYourMunicipality):
        application_invite(role=role, seeker=world.seeker, actor_user=world.caseworker_b)


def test_inviting_someone_who_already_consented_introduces_them_at_once(world, role):
    world.seeker.introduction_allowed = True
    world.seeker.save()
    application_express_interest(seeker=world.seeker, role=role)

    application = application_invite(role=role, seeker=world.seeker, actor_user=world.employer_a)

    assert application.status == S.INTRODUCED
    assert application.introduced_at is not None


def test_inviting_an_interested_seeker_without_consent_asks_for_it(world, role):
    application_express_interest(seeker=world.seeker, role=role)

    application = application_invite(role=role, seeker=world.seeker, actor_user=world.employer_a)

    assert application.status == S.PROPOSED
    assert application.introduced_at is None


def test_inviting_a_seeker_twice_is_a_conflict(world, role):
    application_invite(role=role, seeker=world.seeker, actor_user=world.employer_a)

    with pytest.raises(ApplicationExists):
        application_invite(role=role, seeker=world.seeker, actor_user=world.caseworker_a)


# Consent and introduction --------------------------------------------------------------------------------------

def test_consent_to_a_proposal_introduces_the_seeker(world, role):
    application = application_invite(role=role, seeker=world.seeker, actor_user=world.employer_a)

    application = application_consent(application=application, actor_user=world.seeker_user)

    assert application.status == S.INTRODUCED
    assert application.seeker_consented_at is not None
    assert [event.kind for event in application.events.order_by("id")] == ["status", "consent", "status"]
    assert statuses(application)[-1] == ("proposed", "introduced", "seeker")


def test_consent_to_an_interest_waits_for_the_employer(world, role):
    application, _created = application_express_interest(seeker=world.seeker, role=role)

    application = application_consent(application=application, actor_user=world.seeker_user)
    application = application_consent(application=application, actor_user=world.seeker_user)

    assert application.status == S.INTERESTED
    assert application.introduced_at is None
    assert application.events.filter(kind=ApplicationEvent.Kind.CONSENT).count() == 1


def test_only_the_seeker_can_consent(world, role):
    application, _created = application_express_interest(seeker=world.seeker, role=role)

    with pytest.raises(NotAllowed):
        application_consent(application=application, actor_user=world.caseworker_a)

    application.refresh_from_db()
    assert application.seeker_consented_at is None


def test_introduction_without_consent_is_refused_and_changes_nothing(world, role):
    application, _created = application_express_interest(seeker=world.seeker, role=role)

    with pytest.raises(ConsentRequired):
        application_introduce(application=application, actor_user=world.caseworker_a)

    application.refresh_from_db()
    assert (application.status, application.introduced_at) == (S.INTERESTED, None)
    assert application.events.count() == 1


def test_general_consent_covers_roles_the_seeker_showed_interest_in(world, role):
    world.seeker.introduction_allowed = True
    world.seeker.save()
    application, _created = application_express_interest(seeker=world.seeker, role=role)

    application = application_introduce(application=application, actor_user=world.caseworker_a)

    assert application.status == S.INTRODUCED


def test_general_consent_does_not_cover_an_employers_proposal(world, role):
    world.seeker.introduction_allowed = True
    world.seeker.save()
    application = application_invite(role=role, seeker=world.seeker, actor_user=world.employer_a)

    with pytest.raises(ConsentRequired):
        application_introduce(application=application, actor_user=world.employer_a)


def test_no_introductions_for_a_closed_role(world, role):
    application, _created = application_express_interest(seeker=world.seeker, role=role)
    application_consent(application=application, actor_user=world.seeker_user)
    role.status = RoleStatus.CLOSED
    role.save()

    with pytest.raises(TransitionNotAllowed) as error:
        application_introduce(application=application, actor_user=world.employer_a)

    assert error.value.field == "role"


# Who may act ---------------------------------------------------------------------------------------------------

def test_another_employer_cannot_act_on_the_application(world, role):
    application = introduced(world, role)

    with pytest.raises(NotYourOrganisation):
        application_start_trial(application=application, actor_user=world.employer_b)


def test_a_caseworker_of_another_municipality_cannot_act_on_the_application(world, role):
    application = introduced(world, role)

    with pytest.raises(NotYourMunicipality):
        application_decline(application=application, actor_user=world.caseworker_b)


def test_another_seeker_cannot_withdraw_the_application(world, role):
    application, _created = application_express_interest(seeker=world.seeker, role=role)
    stranger = another_seeker(world)

    with pytest.raises(NotYourMunicipality):
        application_withdraw(application=application, actor_user=stranger.user)


def test_employer_cannot_act_on_an_application_they_may_not_know_of(world, role):
    hidden = another_seeker(world, card_visible=False)
    application, _created = application_express_interest(seeker=hidden, role=role)

    with pytest.raises(NotYourOrganisation):
        application_decline(application=application, actor_user=world.employer_a)


def test_an_unknown_status_is_refused_by_name(world, role):
    application, _created = application_express_interest(seeker=world.seeker, role=role)

    with pytest.raises(TransitionNotAllowed) as error:
        application_transition(application=application, to_status="hired", actor_user=world.caseworker_a)

    assert "hired" in str(error.value.message)


def test_seeker_cannot_accept_their_own_trial(world, role):
    application = introduced(world, role)

    with pytest.raises(TransitionNotAllowed) as error:
        application_start_trial(application=application, actor_user=world.seeker_user)

    assert "job seeker" in str(error.value.message)


# Places --------------------------------------------------------------------------------------------------------

def test_a_trial_takes_a_place_and_the_last_place_fills_the_role(world, role):
    first = in_trial(world, role)
    role.refresh_from_db()
    assert (first.status, first.seat.number, role.status) == (S.TRIAL, 1, RoleStatus.PUBLISHED)

    second = in_trial(world, role, another_seeker(world))

    role.refresh_from_db()
    assert (second.seat.number, role.status) == (2, RoleStatus.FILLED)
    assert RoleSeat.objects.filter(role=role).count() == 2


def test_a_trial_beyond_the_places_is_refused_with_the_reason(world, role):
    third = introduced(world, role, another_seeker(world))
    in_trial(world, role)
    in_trial(world, role, another_seeker(world))

    with pytest.raises(Overbooked) as error:
        application_start_trial(application=third, actor_user=world.caseworker_a)

    assert "2 of 2" in str(error.value.message)
    third.refresh_from_db()
    assert (third.status, third.seat_id) == (S.INTRODUCED, None)
    assert Application.objects.filter(role=role).seated().count() == 2


def test_withdrawing_from_a_trial_frees_the_place_and_reopens_a_filled_role(world, role):
    in_trial(world, role)
    leaving = in_trial(world, role, another_seeker(world))

    application_withdraw(application=leaving, actor_user=leaving.seeker.user, note="Ik heb ander werk")

    role.refresh_from_db()
    leaving.refresh_from_db()
    assert (leaving.status, leaving.seat_id, role.status) == (S.WITHDRAWN, None, RoleStatus.PUBLISHED)
    assert in_trial(world, role, another_seeker(world)).seat.number == 2


def test_fewer_places_than_people_at_work_are_refused(world, role):
    in_trial(world, role)
    in_trial(world, role, another_seeker(world))

    with pytest.raises(ValidationError) as error:
        role_seats_check_places(role=role, places=1)

    assert "places" in error.value.message_dict
    role_seats_check_places(role=role, places=2)


def test_a_role_made_smaller_takes_no_more_trials_than_its_new_places(world):
    role = factories.RoleFactory(organisation=world.organisation_a, published=True, places=3)
    in_trial(world, role)
    role.places = 1
    role.save()

    waiting = introduced(world, role, another_seeker(world))

    with pytest.raises(Overbooked):
        application_start_trial(application=waiting, actor_user=world.employer_a)

    assert Application.objects.filter(role=role).seated().count() == 1


def test_the_database_refuses_two_applications_on_one_place(world, role):
    first = in_trial(world, role)
    second = introduced(world, role, another_seeker(world))

    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.filter(pk=second.pk).update(status=S.TRIAL, seat=first.seat)


def test_the_database_refuses_a_trial_without_a_place(world, role):
    application = introduced(world, role)

    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.filter(pk=application.pk).update(status=S.TRIAL)


def test_the_database_refuses_an_introduction_without_its_date(world, role):
    application, _created = application_express_interest(seeker=world.seeker, role=role)

    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.filter(pk=application.pk).update(status=S.INTRODUCED)


# Placement and its end -----------------------------------------------------------------------------------------

def test_placement_records_the_terms_and_plans_retention_checkpoints(world, role):
    application = in_trial(world, role)

    placed = application_place(application=application, actor_user=world.employer_a,
                               terms=PlacementTerms(start_date=datetime.date(2025, 1, 31), hours_per_week=12,
                                                    job_coach=True))

    placement = placed.placement
    assert (placed.status, placed.seat_id) == (S.PLACED, application.seat_id)
    assert (placement.hours_per_week, placement.hourly_wage, placement.has_job_coach) == (12, Decimal("14.40"), True)
    assert placement.support == Support.JOB_COACH
    assert [(c.months, c.due_date, c.status) for c in placement.checkpoints.order_by("months")] == [
        (1, datetime.date(2025, 2, 28), "planned"),
        (3, datetime.date(2025, 4, 30), "planned"),
        (6, datetime.date(2025, 7, 31), "planned"),
        (12, datetime.date(2026, 1, 31), "planned"),
    ]
    world.seeker.refresh_from_db()
    assert world.seeker.status == SeekerStatus.PLACED


def test_a_placement_needs_sensible_terms_and_a_refusal_changes_nothing(world, role):
    application = in_trial(world, role)

    with pytest.raises(ValidationError) as error:
        application_place(application=application, actor_user=world.employer_a,
                          terms=PlacementTerms(start_date=datetime.date(2025, 2, 3), hours_per_week=0))

    assert "hours_per_week" in error.value.message_dict
    application.refresh_from_db()
    assert application.status == S.TRIAL


def test_ending_a_placement_needs_a_reason(world, role):
    application = application_place(application=in_trial(world, role), actor_user=world.employer_a, terms=TERMS)

    with pytest.raises(ValidationError) as error:
        application_end(application=application, actor_user=world.employer_a, reason="  ")

    assert "reason" in error.value.message_dict
    application.refresh_from_db()
    assert application.status == S.PLACED


def test_ending_a_placement_frees_the_place_and_cancels_later_checkpoints(world, role):
    in_trial(world, role, another_seeker(world))
    application = application_place(application=in_trial(world, role), actor_user=world.employer_a, terms=TERMS)

    ended = application_end(application=application, actor_user=world.caseworker_a,
                            reason="Verhuisd naar een andere stad", end_date=datetime.date(2025, 5, 15))

    role.refresh_from_db()
    assert (ended.status, ended.seat_id, role.status) == (S.ENDED, None, RoleStatus.PUBLISHED)
    placement = ended.placement
    placement.refresh_from_db()
    assert (placement.end_date, placement.end_reason) == (datetime.date(2025, 5, 15), "Verhuisd naar een andere stad")
    assert dict(placement.checkpoints.values_list("months", "status")) == {
        1: "planned", 3: "planned", 6: "cancelled", 12: "cancelled",
    }
    assert ended.events.order_by("id").last().note == "Verhuisd naar een andere stad"
    world.seeker.refresh_from_db()
    assert world.seeker.status == SeekerStatus.ACTIVE


def test_a_placement_cannot_end_before_it_started(world, role):
    application = application_place(application=in_trial(world, role), actor_user=world.employer_a, terms=TERMS)

    with pytest.raises(ValidationError) as error:
        application_end(application=application, actor_user=world.employer_a, reason="Fout",
                        end_date=datetime.date(2024, 12, 1))

    assert "end_date" in error.value.message_dict


def test_a_placement_that_never_started_ends_on_its_first_day(world, role):
    start = datetime.date.today() + datetime.timedelta(days=30)
    # A start date ahead may be beyond the minimum wage table; the caseworker confirms the wage.
    application = application_place(application=in_trial(world, role), actor_user=world.caseworker_a,
                                    terms=PlacementTerms(start_date=start, hours_per_week=8,
                                                         override_reason="Loon gecontroleerd op het minimumloon."))

    ended = application_end(application=application, actor_user=world.employer_a, reason="Ging niet door")

    ended.placement.refresh_from_db()
    assert ended.placement.end_date == start


def test_caseworker_records_a_retention_checkpoint_of_their_municipality_only(world, role):
    application = application_place(application=in_trial(world, role), actor_user=world.employer_a, terms=TERMS)
    checkpoint = application.placement.checkpoints.get(months=1)

    with pytest.raises(NotYourMunicipality):
        retention_checkpoint_record(checkpoint=checkpoint, status="retained", actor_user=world.caseworker_b)
    recorded = retention_checkpoint_record(checkpoint=checkpoint, status="retained", actor_user=world.caseworker_a,
                                           note="Werkt nog, gaat goed")

    assert (recorded.status, recorded.recorded_by) == (RetentionCheckpoint.Status.RETAINED, world.caseworker_a)


def test_months_are_added_to_the_last_day_of_a_shorter_month():
    assert add_months(datetime.date(2024, 1, 31), 1) == datetime.date(2024, 2, 29)
    assert add_months(datetime.date(2025, 11, 30), 3) == datetime.date(2026, 2, 28)
    assert add_months(datetime.date(2025, 6, 15), 12) == datetime.date(2026, 6, 15)


def test_the_whole_way_from_interest_to_ending_reads_as_a_timeline(world, role):
    application = in_trial(world, role)
    application = application_place(application=application, actor_user=world.employer_a, terms=TERMS)
    application = application_end(application=application, actor_user=world.employer_a, reason="Contract klaar")

    assert statuses(application) == [
        ("", "interested", "seeker"),
        ("interested", "interested", "seeker"),
        ("interested", "introduced", "employer"),
        ("introduced", "trial", "employer"),
        ("trial", "placed", "employer"),
        ("placed", "ended", "employer"),
    ]
