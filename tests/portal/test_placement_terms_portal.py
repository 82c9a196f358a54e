"""The placement form in the employer's portal, in Dutch: its checks, and the agreed terms shown on both sides."""

from decimal import Decimal

import pytest
from django.urls import reverse

from marketplace.choices import ApplicationStatus
from marketplace.services.applications import application_consent, application_invite, application_start_trial
from tests.portal.helpers import post, published_role, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_trial(world):
    role = published_role(world.organisation_a, title="Broodkratten klaarzetten", hours_min=8, hours_max=16,
                          hourly_wage=Decimal("14.40"))
    application = application_invite(role=role, seeker=world.seeker, actor_user=world.employer_a)
    application_consent(application=application, actor_user=world.seeker_user)
    return application_start_trial(application=application, actor_user=world.employer_a)


def place(world, application, **data):
    return post(signed_in(world.employer_a), reverse("employer-application-place", args=[application.pk]),
                {"start_date": "2025-09-01", "hours_per_week": "12", **data})


def test_the_form_tells_the_employer_the_roles_hours_and_wage(world, in_trial):
    html = signed_in(world.employer_a).get(reverse("employer-application-place", args=[in_trial.pk])).content.decode()

    assert "Dit werk is voor 8 tot 16 uur per week." in html
    assert "€ 14,40 per uur" in html


def test_a_wage_in_cents_typed_in_dutch_is_stored_exactly(world, in_trial):
    response = place(world, in_trial, hourly_wage="15,10", job_coach="on")

    assert response.status_code == 302
    in_trial.refresh_from_db()
    assert (in_trial.status, in_trial.placement.hourly_wage) == (ApplicationStatus.PLACED, Decimal("15.10"))


def test_hours_beyond_the_role_are_refused_next_to_the_field_and_nothing_changes(world, in_trial):
    response = place(world, in_trial, hours_per_week="20")

    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_hours_per_week_errors"' in html and "Dit werk is voor 8 tot 16 uur per week." in html
    in_trial.refresh_from_db()
    assert in_trial.status == ApplicationStatus.TRIAL


def test_a_wage_below_the_role_is_refused_in_dutch(world, in_trial):
    response = place(world, in_trial, hourly_wage="14,39")

    assert response.status_code == 400
    assert "Het loon mag niet lager zijn dan het loon van dit werk (€ 14,40 per uur)." in response.content.decode()


def test_the_agreed_terms_are_shown_to_the_employer_the_job_seeker_and_in_my_data(world, in_trial):
    place(world, in_trial, hourly_wage="15,10", job_coach="on")

    employer_page = signed_in(world.employer_a).get(
        reverse("employer-application", args=[in_trial.pk])).content.decode()
    seeker = signed_in(world.seeker_user)
    seeker_page = seeker.get(reverse("seeker-application", args=[in_trial.pk])).content.decode()
    my_data = seeker.get(reverse("seeker-data")).content.decode()

    assert "De afspraken" in employer_page and "Wat je hebt afgesproken" in seeker_page
    for page in (employer_page, seeker_page):
        assert "1 september 2025" in page
        assert "€ 15,10 per uur" in page
        assert "Jobcoach" in page or "jobcoach" in page
    assert "Loon: € 15,10 per uur" in my_data
