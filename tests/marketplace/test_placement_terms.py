"""A placement's terms are checked against the role, the job seeker and the statutory minimum wage;
a caseworker may agree other terms with a reason that goes on the timeline."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from marketplace.access import actor_for
from marketplace.choices import ApplicationStatus
from marketplace.minimum_wage import FIRST_DAY, LAST_DAY, PERIODS
from marketplace.models.applications import ApplicationEvent, Placement
from marketplace.selectors.applications import application_timeline
from marketplace.services.applications import (
    PlacementTerms,
    application_consent,
    application_express_interest,
    application_introduce,
    application_place,
    application_start_trial,
)
from tests import factories

pytestmark = pytest.mark.django_db
START = datetime.date(2025, 9, 1)  # minimum wage from 21: € 14.40; at 19: € 8.64


@pytest.fixture(autouse=True)
def _english():
    # The assertions read the source (English) wording of the refusals.
    with translation.override("en"):
        yield


def role_for(world, **changes):
    fields = {"organisation": world.organisation_a, "published": True, "hours_min": 8, "hours_max": 16,
              "hourly_wage": Decimal("14.40")}
    return factories.RoleFactory(**{**fields, **changes})


def seeker_for(world, **changes):
    return factories.JobSeekerFactory(municipality=world.municipality_a, with_account=True,
                                      **{"hours_min": 8, "hours_max": 24, **changes})


def in_trial(world, role, seeker):
    application, _created = application_express_interest(seeker=seeker, role=role)
    application_consent(application=application, actor_user=seeker.user)
    application_introduce(application=application, actor_user=world.employer_a)
    return application_start_trial(application=application, actor_user=world.employer_a)


def refusal(world, terms, *, role=None, seeker=None, actor=None) -> dict:
    application = in_trial(world, role or role_for(world), seeker or seeker_for(world))
    with pytest.raises(ValidationError) as refused:
        application_place(application=application, actor_user=actor or world.employer_a, terms=terms)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.TRIAL
    assert not Placement.objects.filter(application=application).exists()
    return refused.value.message_dict


def born_years_before(day: datetime.date, years: int) -> datetime.date:
    return day.replace(year=day.year - years)


def test_hours_outside_the_roles_range_are_refused_and_nothing_is_stored(world):
    errors = refusal(world, PlacementTerms(start_date=START, hours_per_week=20))
    assert errors == {"hours_per_week": ["This role is for 8 to 16 hours a week."]}


def test_hours_the_job_seeker_cannot_work_are_refused(world):
    errors = refusal(world, PlacementTerms(start_date=START, hours_per_week=16), seeker=seeker_for(world, hours_max=12))
    assert errors == {"hours_per_week": ["The job seeker can work 8 to 12 hours a week."]}


def test_a_wage_below_the_wage_of_the_role_is_refused(world):
    errors = refusal(world, PlacementTerms(start_date=START, hours_per_week=12, hourly_wage=Decimal("15.49")),
                     role=role_for(world, hourly_wage=Decimal("15.50")))
    assert errors == {"hourly_wage": ["The wage cannot be lower than the wage of the role (€ 15.50 an hour)."]}


def test_a_wage_below_the_statutory_minimum_for_the_persons_age_on_the_start_date_is_refused(world):
    role = role_for(world, hourly_wage=Decimal("9.00"))
    adult = seeker_for(world, date_of_birth=born_years_before(START, 21))
    errors = refusal(world, PlacementTerms(start_date=START, hours_per_week=12), role=role, seeker=adult)
    assert errors == {"hourly_wage": ["The wage cannot be lower than the statutory minimum wage for this person's "
                                      "age on the start date (€ 14.40 an hour)."]}


def test_a_nineteen_year_old_may_be_paid_the_minimum_youth_wage(world):
    role = role_for(world, hourly_wage=Decimal("8.64"))
    young = seeker_for(world, date_of_birth=born_years_before(START, 19))

    application = application_place(application=in_trial(world, role, young), actor_user=world.employer_a,
                                    terms=PlacementTerms(start_date=START, hours_per_week=12))

    assert application.placement.hourly_wage == Decimal("8.64")


def test_without_a_birth_date_the_adult_minimum_applies(world):
    role = role_for(world, hourly_wage=Decimal("8.64"))
    errors = refusal(world, PlacementTerms(start_date=START, hours_per_week=12), role=role,
                     seeker=seeker_for(world, date_of_birth=None))
    assert "€ 14.40" in errors["hourly_wage"][0]


def test_a_start_date_before_the_minimum_wage_table_is_refused_on_the_start_date(world):
    errors = refusal(world, PlacementTerms(start_date=FIRST_DAY - datetime.timedelta(days=1), hours_per_week=12))
    assert list(errors) == ["start_date"]
    assert "We do not know the statutory minimum wage on this date" in errors["start_date"][0]


def test_a_start_date_after_the_table_is_checked_against_the_last_minimum_known(world):
    day_after = LAST_DAY + datetime.timedelta(days=1)
    below = PERIODS[-1].hourly[21] - Decimal("0.01")
    role = role_for(world, hourly_wage=below)

    errors = refusal(world, PlacementTerms(start_date=day_after, hours_per_week=12, hourly_wage=below), role=role,
                     seeker=seeker_for(world, date_of_birth=None))

    assert list(errors) == ["hourly_wage"]


def test_unpaid_work_needs_no_minimum_wage_whatever_the_date(world):
    role = role_for(world, hourly_wage=None, volunteer_allowance=Decimal("50.00"))
    far_ahead = LAST_DAY + datetime.timedelta(days=400)

    application = application_place(application=in_trial(world, role, seeker_for(world)),
                                    actor_user=world.employer_a,
                                    terms=PlacementTerms(start_date=far_ahead, hours_per_week=8))

    assert (application.placement.start_date, application.placement.hourly_wage) == (far_ahead, None)


def test_an_employer_cannot_set_the_checks_aside(world):
    errors = refusal(world, PlacementTerms(start_date=START, hours_per_week=20, override_reason="Afgesproken."))
    assert errors == {"override_reason": ["Only a caseworker can agree terms outside the usual checks."]}


def test_a_caseworker_agrees_other_terms_with_a_reason_that_goes_on_the_timeline(world):
    seeker = seeker_for(world)
    application = in_trial(world, role_for(world), seeker)

    placed = application_place(application=application, actor_user=world.caseworker_a, terms=PlacementTerms(
        start_date=START, hours_per_week=20, hourly_wage=Decimal("14.00"),
        override_reason="Proefperiode met meer uren, loon volgens cao-afspraak."))

    assert (placed.status, placed.placement.hours_per_week, placed.placement.hourly_wage) == (
        ApplicationStatus.PLACED, 20, Decimal("14.00"))
    override = placed.events.get(kind=ApplicationEvent.Kind.TERMS_OVERRIDE)
    assert (override.actor, override.actor_kind) == (world.caseworker_a, "caseworker")
    assert override.note.splitlines() == [
        "Proefperiode met meer uren, loon volgens cao-afspraak.",
        "– This role is for 8 to 16 hours a week.",
        "– The wage cannot be lower than the wage of the role (€ 14.40 an hour).",
        "– The wage cannot be lower than the statutory minimum wage for this person's age on the start date "
        "(€ 14.40 an hour).",
    ]
    seeker_view = application_timeline(actor=actor_for(seeker.user), application=placed)
    employer_view = application_timeline(actor=actor_for(world.employer_a), application=placed)
    assert [event.note for event in seeker_view if event.kind == "override"] == [override.note]
    assert [event.note for event in employer_view if event.kind == "override"] == [""]


def test_a_reason_without_anything_to_set_aside_logs_no_override(world):
    application = in_trial(world, role_for(world), seeker_for(world))

    placed = application_place(application=application, actor_user=world.caseworker_a, terms=PlacementTerms(
        start_date=START, hours_per_week=12, override_reason="Voor de zekerheid."))

    assert not placed.events.filter(kind=ApplicationEvent.Kind.TERMS_OVERRIDE).exists()
