"""The export reads: every person once in name order, page by page, and the draaglast only as the rules allow."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from marketplace.access import actor_for
from marketplace.models import SensitiveAccessLog
from marketplace.selectors.cockpit import CockpitScope
from marketplace.selectors.exports import assignment_export, caseload_export
from tests import factories

pytestmark = pytest.mark.django_db


def scope_of(user) -> CockpitScope:
    caseworker = actor_for(user).caseworker
    return CockpitScope(caseworker.municipality_id, caseworker)


def exported(user, **kwargs) -> list:
    rows = []
    caseload_export(actor=actor_for(user), scope=scope_of(user), emit=rows.append, **kwargs)
    return rows


def test_pages_hand_out_every_person_once_in_name_order_even_with_equal_names(world):
    caseworker = actor_for(world.caseworker_a).caseworker
    for first, last in (("Jan", "Smit"), ("Jan", "Smit"), ("Jan", "Smit"), ("Ali", "Smit"), ("Eva", "Aydin")):
        factories.JobSeekerFactory(municipality=world.municipality_a, caseworker=caseworker, first_name=first,
                                   last_name=last)

    rows = exported(world.caseworker_a, chunk_size=2)

    assert [row.name for row in rows] == ["Eva Aydin", "Sentinelia Geheimnaam", "Ali Smit", "Jan Smit", "Jan Smit",
                                          "Jan Smit"]
    assert len({row.seeker_id for row in rows}) == 6


def queries(call) -> int:
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured.captured_queries)


def test_one_page_takes_the_same_queries_for_ten_people_as_for_sixty(world):
    caseworker = actor_for(world.caseworker_a).caseworker
    factories.JobSeekerFactory.create_batch(9, municipality=world.municipality_a, caseworker=caseworker)
    small = queries(lambda: exported(world.caseworker_a, burden_purpose="Casusoverleg"))
    factories.JobSeekerFactory.create_batch(50, municipality=world.municipality_a, caseworker=caseworker)
    large = queries(lambda: exported(world.caseworker_a, burden_purpose="Casusoverleg"))

    assert small == large
    assert SensitiveAccessLog.objects.count() == 10 + 60


def test_another_municipalitys_caseload_is_refused_before_anything_is_read_or_written(world):
    other_scope = scope_of(world.caseworker_a)
    nowhere = []

    for purpose in (None, "Casusoverleg"):
        with pytest.raises(PermissionDenied):
            caseload_export(actor=actor_for(world.caseworker_b), scope=other_scope, emit=nowhere.append,
                            burden_purpose=purpose)
    with pytest.raises(ValidationError) as refused:
        caseload_export(actor=actor_for(world.caseworker_a), scope=other_scope, emit=nowhere.append, burden_purpose="")
    assert "purpose" in refused.value.message_dict
    assert SensitiveAccessLog.objects.count() == 0 and nowhere == []


def test_instruments_of_another_municipalitys_scope_are_refused(world):
    nowhere = []
    with pytest.raises(PermissionDenied):
        assignment_export(actor=actor_for(world.caseworker_b), scope=scope_of(world.caseworker_a), emit=nowhere.append)
