"""Seeker services and selectors: caseworkers of the municipality only; the ladder and the access log."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from marketplace.access import actor_for
from marketplace.exceptions import NotAllowed, NotYourMunicipality
from marketplace.models import JobSeeker, LadderStep, SensitiveAccessLog
from marketplace.selectors.seekers import seeker_burden_for_self, seeker_burden_for_staff, seeker_list_for_staff
from marketplace.services.burden import burden_update
from marketplace.services.seekers import (
    SkillHeld,
    ladder_step_record,
    seeker_create,
    seeker_update,
    seeker_update_own_profile,
)
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def caseworker():
    return actor_for(factories.CaseworkerFactory().user)


def test_a_caseworker_creates_a_seeker_with_an_intake_step(caseworker):
    skill = factories.SkillFactory()

    seeker = seeker_create(actor=caseworker, data={"first_name": "Ann", "last_name": "Jansen"}, rung=3,
                           skills=[SkillHeld(skill=skill, level=2)], burden={"debts": "Schuldhulp"})

    assert seeker.municipality == caseworker.caseworker.municipality
    assert seeker.burden.debts == "Schuldhulp"
    assert list(seeker.ladder_history.values_list("rung", flat=True)) == [3]
    assert list(seeker.skill_levels.values_list("skill", "level")) == [(skill.pk, 2)]


def test_people_who_are_not_caseworkers_cannot_create_seekers():
    employer = actor_for(factories.MembershipFactory().user)

    with pytest.raises(NotAllowed):
        seeker_create(actor=employer, data={"first_name": "Ann", "last_name": "Jansen"})
    assert not JobSeeker.objects.exists()


def test_a_caseworker_cannot_touch_a_seeker_of_another_municipality(caseworker):
    elsewhere = factories.JobSeekerFactory()

    with pytest.raises(NotYourMunicipality):
        seeker_update(actor=caseworker, seeker=elsewhere, data={"motivation": "x"})
    with pytest.raises(PermissionDenied):
        burden_update(actor_user=caseworker.user, seeker=elsewhere, data={"debts": "x"})
    with pytest.raises(NotYourMunicipality):
        seeker_burden_for_staff(actor=caseworker, seeker=elsewhere, purpose="nieuwsgierig")
    assert elsewhere not in seeker_list_for_staff(actor=caseworker)
    assert not SensitiveAccessLog.objects.exists()


def test_invalid_seeker_data_names_the_field_and_writes_nothing(caseworker):
    with pytest.raises(ValidationError) as raised:
        seeker_create(actor=caseworker, data={"first_name": "Ann", "last_name": "J", "hours_min": 30,
                                              "hours_max": 20})

    assert "hours_max" in raised.value.message_dict
    assert not JobSeeker.objects.exists()


def test_the_seekers_rung_follows_the_most_recent_ladder_step(caseworker):
    seeker = factories.JobSeekerFactory(municipality=caseworker.caseworker.municipality, rung=2)

    ladder_step_record(actor=caseworker, seeker=seeker, rung=4, date=datetime.date(2025, 3, 1))
    ladder_step_record(actor=caseworker, seeker=seeker, rung=3, date=datetime.date(2025, 1, 1))

    seeker.refresh_from_db()
    assert seeker.rung == 4
    assert LadderStep.objects.filter(seeker=seeker).count() == 2


def test_rung_seven_is_refused(caseworker):
    seeker = factories.JobSeekerFactory(municipality=caseworker.caseworker.municipality, rung=2)

    with pytest.raises(ValidationError) as raised:
        seeker_update(actor=caseworker, seeker=seeker, data={}, rung=7)

    assert "rung" in raised.value.message_dict
    seeker.refresh_from_db()
    assert seeker.rung == 2


def test_a_staff_read_of_the_burden_is_logged_with_its_purpose(caseworker):
    seeker = factories.JobSeekerFactory(municipality=caseworker.caseworker.municipality, burden={"health": "Rug"})

    read = seeker_burden_for_staff(actor=caseworker, seeker=seeker, purpose="Plaatsing voorbereiden")

    assert read.values["health"] == "Rug"
    entry = SensitiveAccessLog.objects.get()
    assert (entry.actor, entry.seeker, entry.purpose) == (caseworker.user, seeker, "Plaatsing voorbereiden")


def test_a_seeker_reads_their_own_burden_without_a_log_entry():
    seeker = factories.JobSeekerFactory(with_account=True, burden={"debts": "Geen"})

    assert seeker_burden_for_self(actor=actor_for(seeker.user)).debts == "Geen"
    assert not SensitiveAccessLog.objects.exists()


def test_a_seeker_changes_only_their_own_availability_and_consent():
    seeker = factories.JobSeekerFactory(with_account=True, card_visible=False)
    actor = actor_for(seeker.user)

    seeker_update_own_profile(actor=actor, data={"hours_max": 10, "card_visible": True})
    with pytest.raises(ValidationError) as raised:
        seeker_update_own_profile(actor=actor, data={"rung": 6, "motivation": "x"})

    seeker.refresh_from_db()
    assert (seeker.hours_max, seeker.card_visible) == (10, True)
    assert seeker.consent_updated_at is not None
    assert set(raised.value.message_dict) == {"rung", "motivation"}
