"""The seeker's own data: the profile they keep, their consent, and everything downloaded as JSON."""

import datetime
import json
import re

import pytest
from django.urls import reverse

from marketplace.constants import Weekday
from marketplace.models import LadderStep
from marketplace.services.applications import (
    PlacementTerms,
    application_consent,
    application_express_interest,
    application_invite,
    application_place,
    application_start_trial,
)
from marketplace.services.seekers import SEEKER_OWN_FIELDS
from tests import factories
from tests.portal.helpers import en, post, published_role, signed_in

pytestmark = pytest.mark.django_db
CASEWORKER_TEXT = "Want to change this? Talk it over with your caseworker."


@pytest.fixture
def seeker(world):
    return signed_in(world.seeker_user)


@pytest.fixture
def skills():
    return factories.SkillFactory(name_en="Packing"), factories.SkillFactory(name_en="Cleaning")


def profile_form(**overrides) -> dict:
    data = {"hours_min": "8", "hours_max": "20", "weekdays": ["mon", "wed"], "max_travel_km": "12",
            "language_level": "3", "skills-TOTAL_FORMS": "2", "skills-INITIAL_FORMS": "0",
            "skills-MIN_NUM_FORMS": "0", "skills-MAX_NUM_FORMS": "30",
            # A browser sends the chosen option of every select, also in empty rows.
            "skills-0-level": "1", "skills-1-level": "1"}
    data.update(overrides)
    return data


def test_the_profile_shows_the_draaglast_to_the_seeker_read_only(world, seeker):
    html = seeker.get(en("seeker-profile")).content.decode()

    assert "SENTINEL-SCHULD" in html and "Geheimstraat 99" in html
    assert CASEWORKER_TEXT in html
    assert 'name="debts"' not in html and 'name="street_address"' not in html


def test_a_seeker_saves_hours_days_travel_skills_with_levels_and_interests(world, seeker, skills):
    packing, cleaning = skills
    category = packing.category
    response = post(seeker, en("seeker-profile"), profile_form(**{
        "skills-0-skill": str(packing.pk), "skills-0-level": "3", "skills-1-skill": str(cleaning.pk),
        "skills-1-level": "1", "interests": [str(category.pk)],
    }))

    assert response.status_code == 302
    world.seeker.refresh_from_db()
    assert (world.seeker.hours_min, world.seeker.hours_max, world.seeker.max_travel_km) == (8, 20, 12)
    assert world.seeker.weekdays == Weekday.MON | Weekday.WED
    assert {(held.skill_id, held.level) for held in world.seeker.skill_levels.all()} == {(packing.pk, 3),
                                                                                       (cleaning.pk, 1)}
    assert list(world.seeker.interests.all()) == [category]


def test_a_seeker_removes_a_skill_by_ticking_remove(world, seeker, skills):
    packing, _cleaning = skills
    factories.SeekerSkillFactory(seeker=world.seeker, skill=packing, level=2)

    post(seeker, en("seeker-profile"), profile_form(**{
        "skills-INITIAL_FORMS": "1", "skills-0-skill": str(packing.pk), "skills-0-level": "2",
        "skills-0-DELETE": "on"}))

    assert not world.seeker.skill_levels.exists()


def test_bad_profile_input_is_named_next_to_the_field_and_kept(world, seeker, skills):
    packing, _cleaning = skills
    response = post(seeker, en("seeker-profile"), profile_form(**{
        "hours_min": "30", "hours_max": "10", "skills-0-skill": str(packing.pk), "skills-0-level": "1",
        "skills-1-skill": str(packing.pk), "skills-1-level": "2"}))

    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_hours_max_errors"' in html and 'aria-describedby="id_hours_max_errors"' in html
    assert 'value="30"' in html
    assert "Each skill can appear only once." in html
    world.seeker.refresh_from_db()
    assert world.seeker.hours_min == 8


def test_an_interest_id_beyond_the_database_range_is_named_next_to_the_field(world, seeker):
    response = post(seeker, en("seeker-profile"), profile_form(interests=[str(10**30)]))

    assert response.status_code == 400
    assert 'id="id_interests_errors"' in response.content.decode()
    world.seeker.refresh_from_db()
    assert world.seeker.hours_max != 20


def test_the_language_level_is_editable_exactly_when_the_service_lets_the_seeker_change_it(seeker):
    html = seeker.get(en("seeker-profile")).content.decode()

    assert ('name="language_level"' in html) == ("language_level" in SEEKER_OWN_FIELDS)
    assert "Your level of Dutch" in html


def test_a_seeker_turns_the_anonymous_card_off_and_introductions_on(world, seeker):
    response = post(seeker, en("seeker-consent"), {"introduction_allowed": "on"})

    assert response.status_code == 302
    world.seeker.refresh_from_db()
    assert world.seeker.card_visible is False
    assert world.seeker.introduction_allowed is True
    assert world.seeker.consent_updated_at is not None


def test_the_consent_page_shows_the_current_choices(world, seeker):
    html = seeker.get(en("seeker-consent")).content.decode()

    assert "checked" in re.search(r'<input[^>]*name="card_visible"[^>]*>', html).group(0)
    assert "checked" not in re.search(r'<input[^>]*name="introduction_allowed"[^>]*>', html).group(0)


@pytest.fixture
def history(world):
    """A ladder step, an interest, and a placement with its checkpoints."""
    LadderStep.objects.create(seeker=world.seeker, rung=4, date="2025-01-15", note="Intake")
    interest, _created = application_express_interest(seeker=world.seeker,
                                                      role=published_role(world.organisation_a, title="Inpakken"))
    role = published_role(world.organisation_b, title="Kantine")
    placed = application_invite(role=role, seeker=world.seeker, actor_user=world.employer_b)
    application_consent(application=placed, actor_user=world.seeker_user)
    application_start_trial(application=placed, actor_user=world.employer_b)
    application_place(application=placed, actor_user=world.employer_b,
                      terms=PlacementTerms(start_date=datetime.date(2025, 3, 1), hours_per_week=12))
    return interest, placed


def test_my_data_downloads_everything_as_a_json_attachment(world, seeker, history):
    response = seeker.get(en("seeker-data-download"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="werkplaats-mijn-gegevens-')
    data = json.loads(response.content)
    assert data["profile"]["first_name"] == "Sentinelia"
    assert data["profile"]["email"] == "sentinel-seeker@example.nl"
    assert data["burden"]["debts"] == "SENTINEL-SCHULD"
    assert data["ladder_history"][0]["note"] == "Intake"
    titles = {application["role"]: application for application in data["applications"]}
    assert set(titles) == {"Inpakken", "Kantine"}
    assert [event["to_status"] for event in titles["Kantine"]["events"]][-1] == "Placed"
    assert data["placements"][0]["start_date"] == "2025-03-01"
    assert [checkpoint["months"] for checkpoint in data["placements"][0]["checkpoints"]] == [1, 3, 6, 12]


def test_my_data_page_shows_the_same_data_with_a_download_link(world, seeker, history):
    html = seeker.get(en("seeker-data")).content.decode()

    assert "SENTINEL-SCHULD" in html and "Kantine" in html and "Intake" in html
    assert en("seeker-data-download") in html


def test_my_data_page_shows_dates_and_times_as_people_read_them_in_dutch(world, seeker, history):
    html = seeker.get(reverse("seeker-data")).content.decode()

    assert "15 januari 2025" in html and "1 maart 2025" in html
    assert "Nederlands" in html
    assert not re.search(r"\d{4}-\d{2}-\d{2}", html.split('id="burden-reads"')[0] + html.split("</table>")[-1])


def test_my_data_holds_nothing_of_another_seeker(world, seeker):
    other = factories.JobSeekerFactory(municipality=world.municipality_a, first_name="Anderpersoon",
                                       burden={"debts": "ANDER-SCHULD"})
    application_express_interest(seeker=other, role=published_role(world.organisation_a))

    text = seeker.get(en("seeker-data-download")).content.decode()

    assert "Anderpersoon" not in text and "ANDER-SCHULD" not in text
    assert json.loads(text)["applications"] == []
