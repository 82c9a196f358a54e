"""Draaglast severities and versions: every real change is kept, bad severities write nothing, reads are logged."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from marketplace.access import actor_for
from marketplace.exceptions import NotAllowed
from marketplace.models import BurdenVersion, SeekerBurden, SensitiveAccessLog
from marketplace.selectors.burden import (
    HISTORY_LOG_FIELD,
    burden_history_for_self,
    burden_history_read_for_staff,
    burden_read_for_staff,
)
from marketplace.services.burden import burden_update
from tests import factories

pytestmark = pytest.mark.django_db


def update(world, data, user=None):
    return burden_update(actor_user=user or world.caseworker_a, seeker=world.seeker, data=data)


def test_a_change_is_kept_as_the_next_version_with_the_whole_draaglast_and_who_recorded_it(world):
    update(world, {"debts_severity": 2})
    update(world, {"debts_severity": 1, "debts": "Regeling loopt"}, user=world.seeker_user)

    first, second = BurdenVersion.objects.filter(seeker=world.seeker).order_by("version")
    assert (first.version, first.recorded_by, second.version, second.recorded_by) == (
        1, world.caseworker_a, 2, world.seeker_user)
    assert set(second.values) == set(SeekerBurden.SENSITIVE_FIELDS)
    assert (first.values["debts_severity"], first.values["debts"]) == (2, "SENTINEL-SCHULD")
    assert (second.values["debts_severity"], second.values["debts"]) == (1, "Regeling loopt")
    assert second.values["health"] == "SENTINEL-GEZONDHEID" and second.values["housing_severity"] is None


def test_saving_the_same_values_again_writes_no_version(world):
    update(world, {"health_severity": 3, "health": "SENTINEL-GEZONDHEID"})
    update(world, {"health_severity": "3", "health": "SENTINEL-GEZONDHEID"})

    assert BurdenVersion.objects.filter(seeker=world.seeker).count() == 1


@pytest.mark.parametrize("value", [4, -1, "serious", True, 2.5, [2]])
def test_a_severity_outside_0_to_3_is_refused_naming_the_field_and_nothing_is_written(world, value):
    with pytest.raises(ValidationError) as error:
        update(world, {"debts": "Nieuw", "housing_severity": value})

    assert list(error.value.message_dict) == ["housing_severity"]
    burden = SeekerBurden.objects.get(seeker=world.seeker)
    assert (burden.debts, burden.housing_severity) == ("SENTINEL-SCHULD", None)
    assert not BurdenVersion.objects.exists()


def test_an_empty_severity_means_not_assessed_and_a_zero_means_none(world):
    update(world, {"care_duties_severity": 0, "addiction_severity": ""})

    burden = SeekerBurden.objects.get(seeker=world.seeker)
    assert (burden.care_duties_severity, burden.addiction_severity) == (0, None)


def test_a_refused_editor_writes_no_version(world):
    with pytest.raises(PermissionDenied):
        update(world, {"debts_severity": 1}, user=world.caseworker_b)

    assert not BurdenVersion.objects.exists()


def test_a_too_long_note_writes_neither_the_draaglast_nor_a_version(world):
    with pytest.raises(ValidationError) as error:
        update(world, {"debts_severity": 2, "street_address": "x" * 200})

    assert "street_address" in error.value.message_dict
    assert SeekerBurden.objects.get(seeker=world.seeker).debts_severity is None
    assert not BurdenVersion.objects.exists()


def test_the_staff_history_read_shows_each_version_with_its_changes_and_logs_the_read(world):
    world.caseworker_a.first_name, world.caseworker_a.last_name = "Mirjam", "Koster"
    world.caseworker_a.save()
    update(world, {"debts_severity": 2})
    update(world, {"debts_severity": 3, "other": "Geen rijbewijs"})

    history = burden_history_read_for_staff(actor_user=world.caseworker_a, seeker=world.seeker,
                                            purpose="Voorbereiding evaluatie")

    newest, oldest = history.versions
    assert (newest.version, oldest.version) == (2, 1)
    assert [(c.field, c.before, c.after) for c in newest.changes] == [
        ("debts_severity", 2, 3), ("other", "", "Geen rijbewijs")]
    assert {c.field for c in oldest.changes} == {"street_address", "debts", "health", "debts_severity"}
    assert (newest.by, newest.recorded_by_name) == ("own_caseworker", "Mirjam Koster")
    entry = SensitiveAccessLog.objects.get()
    assert (entry.actor, entry.seeker, entry.fields, entry.purpose) == (
        world.caseworker_a, world.seeker, HISTORY_LOG_FIELD, "Voorbereiding evaluatie")
    assert history.entry == entry


@pytest.mark.parametrize("persona", ["caseworker_b", "employer_a", "provider_a", "seeker_user"])
def test_nobody_but_a_caseworker_of_the_municipality_reads_the_history_as_staff(world, persona):
    update(world, {"debts_severity": 2})

    with pytest.raises(PermissionDenied):
        burden_history_read_for_staff(actor_user=getattr(world, persona), seeker=world.seeker, purpose="Kijken")

    assert not SensitiveAccessLog.objects.exists()


@pytest.mark.parametrize("purpose", [None, "", "...", "In\u200btake", "w" * 201])
def test_a_history_read_without_a_purpose_in_words_is_refused_and_not_logged(world, purpose):
    with pytest.raises(ValidationError) as error:
        burden_history_read_for_staff(actor_user=world.caseworker_a, seeker=world.seeker, purpose=purpose)

    assert list(error.value.message_dict) == ["purpose"]
    assert not SensitiveAccessLog.objects.exists()


def test_a_read_with_history_logs_the_fields_and_the_versions_in_one_entry(world):
    update(world, {"language_gap_severity": 1})

    read = burden_read_for_staff(actor_user=world.caseworker_a, seeker=world.seeker, purpose="Intake",
                                 with_history=True)

    assert [line.version for line in read.versions] == [1]
    assert read.values["language_gap_severity"] == 1
    entry = SensitiveAccessLog.objects.get()
    assert entry.fields.split(",") == [*SeekerBurden.SENSITIVE_FIELDS, HISTORY_LOG_FIELD]


def test_an_ordinary_read_carries_no_versions(world):
    update(world, {"language_gap_severity": 1})

    read = burden_read_for_staff(actor_user=world.caseworker_a, seeker=world.seeker, purpose="Intake")

    assert read.versions == ()
    assert HISTORY_LOG_FIELD not in SensitiveAccessLog.objects.get().fields.split(",")


def test_the_seeker_sees_their_own_history_without_a_log_entry_and_their_own_caseworker_by_name(world):
    world.caseworker_a.first_name, world.caseworker_a.last_name = "Mirjam", "Koster"
    world.caseworker_a.save()
    update(world, {"debts_severity": 2})
    update(world, {"debts": "Alles afbetaald", "debts_severity": 0}, user=world.seeker_user)

    newest, oldest = burden_history_for_self(actor=actor_for(world.seeker_user))

    assert (newest.by, newest.recorded_by_name) == ("self", None)
    assert (oldest.by, oldest.recorded_by_name) == ("own_caseworker", "Mirjam Koster")
    assert not SensitiveAccessLog.objects.exists()


def test_a_colleague_of_the_caseworker_is_not_named_to_the_seeker(world):
    colleague = factories.CaseworkerFactory(municipality=world.municipality_a, user__last_name="Collegaatje").user
    update(world, {"debts_severity": 2}, user=colleague)

    (line,) = burden_history_for_self(actor=actor_for(world.seeker_user))

    assert (line.by, line.recorded_by_name) == ("caseworker", None)


def test_only_a_seeker_reads_a_history_as_their_own(world):
    with pytest.raises(NotAllowed):
        burden_history_for_self(actor=actor_for(world.caseworker_a))
