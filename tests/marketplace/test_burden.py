"""The draaglast service and selector: who may read or write it, and what a read leaves in the audit log."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from marketplace.models import SeekerBurden, SensitiveAccessLog
from marketplace.selectors.burden import burden_read_for_staff
from marketplace.services.burden import burden_update
from tests import factories


def test_caseworker_of_the_seekers_municipality_reads_the_draaglast_and_the_read_is_logged(world):
    read = burden_read_for_staff(actor_user=world.caseworker_a, seeker=world.seeker, purpose=" Intake\n gesprek ")

    assert read.values["debts"] == "SENTINEL-SCHULD"
    entry = SensitiveAccessLog.objects.get()
    assert (entry.actor, entry.seeker, entry.purpose) == (world.caseworker_a, world.seeker, "Intake gesprek")
    assert read.entry == entry


def test_a_read_of_some_fields_shows_and_logs_only_those(world):
    read = burden_read_for_staff(actor_user=world.caseworker_a, seeker=world.seeker, purpose="Schuldhulp",
                                 fields=["health", "debts"])

    assert read.values == {"debts": "SENTINEL-SCHULD", "health": "SENTINEL-GEZONDHEID"}
    assert SensitiveAccessLog.objects.get().fields == "debts,health"


@pytest.mark.parametrize("fields", [[], ["debts", "seeker"]])
def test_a_read_of_no_fields_or_unknown_fields_is_refused_and_not_logged(world, fields):
    with pytest.raises(ValidationError) as error:
        burden_read_for_staff(actor_user=world.caseworker_a, seeker=world.seeker, purpose="Intake", fields=fields)

    assert "fields" in error.value.message_dict
    assert not SensitiveAccessLog.objects.exists()


@pytest.mark.parametrize("persona", ["caseworker_b", "employer_a", "seeker_user"])
def test_nobody_but_a_caseworker_of_the_municipality_reads_it_as_staff(world, persona):
    with pytest.raises(PermissionDenied):
        burden_read_for_staff(actor_user=getattr(world, persona), seeker=world.seeker, purpose="Nieuwsgierig")

    assert not SensitiveAccessLog.objects.exists()


@pytest.mark.parametrize("purpose", [
    None, "", "   ", "x", "...", "12345", "a b", "Intake\u202e", "In\u200btake", "In\x00take", 42, "w" * 201,
])
def test_a_read_without_a_purpose_in_words_is_refused_and_not_logged(world, purpose):
    with pytest.raises(ValidationError) as error:
        burden_read_for_staff(actor_user=world.caseworker_a, seeker=world.seeker, purpose=purpose)

    assert "purpose" in error.value.message_dict
    assert not SensitiveAccessLog.objects.exists()


def test_reading_a_seeker_without_draaglast_gives_an_empty_one_and_still_logs(world):
    seeker = factories.JobSeekerFactory(municipality=world.municipality_a)
    SeekerBurden.objects.filter(seeker=seeker).delete()

    read = burden_read_for_staff(actor_user=world.caseworker_a, seeker=seeker, purpose="Intake")

    assert read.burden.pk is None and read.values["debts"] == ""
    assert SensitiveAccessLog.objects.filter(seeker=seeker).count() == 1


def test_the_seeker_updates_their_own_draaglast(world):
    burden = burden_update(actor_user=world.seeker_user, seeker=world.seeker, data={"care_duties": "Mantelzorg"})

    assert burden.care_duties == "Mantelzorg"
    assert SeekerBurden.objects.get(seeker=world.seeker).debts == "SENTINEL-SCHULD"


def test_an_employer_cannot_update_a_seekers_draaglast(world):
    with pytest.raises(PermissionDenied):
        burden_update(actor_user=world.employer_a, seeker=world.seeker, data={"debts": ""})

    assert SeekerBurden.objects.get(seeker=world.seeker).debts == "SENTINEL-SCHULD"


def test_an_update_naming_an_unknown_or_invalid_field_writes_nothing(world):
    with pytest.raises(ValidationError) as unknown:
        burden_update(actor_user=world.caseworker_a, seeker=world.seeker, data={"debts": "Nieuw", "seeker": 1})
    with pytest.raises(ValidationError) as too_long:
        burden_update(actor_user=world.caseworker_a, seeker=world.seeker,
                      data={"debts": "Nieuw", "street_address": "x" * 200})

    assert "seeker" in unknown.value.message_dict
    assert "street_address" in too_long.value.message_dict
    assert SeekerBurden.objects.get(seeker=world.seeker).debts == "SENTINEL-SCHULD"


def test_a_caseworker_creates_the_draaglast_of_a_seeker_who_had_none(world):
    seeker = factories.JobSeekerFactory(municipality=world.municipality_a)
    SeekerBurden.objects.filter(seeker=seeker).delete()

    burden_update(actor_user=world.caseworker_a, seeker=seeker, data={"language_gap": "Volgt taalles"})

    assert SeekerBurden.objects.get(seeker=seeker).language_gap == "Volgt taalles"
