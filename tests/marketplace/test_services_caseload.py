"""Caseload categories and contact moments: who may change what, and every refusal writes nothing.

A team leader sets a category's approach; every caseworker of the municipality places people in a
category (with a reason, next to the proposal of that moment) and records contacts after they happened.
"""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from marketplace.access import actor_for
from marketplace.exceptions import NotAllowed, NotYourMunicipality
from marketplace.models import (
    CaseloadCategory,
    CategoryKey,
    CategoryPlacement,
    ContactMoment,
    JobSeeker,
    SensitiveAccessLog,
)
from marketplace.selectors.categories import (
    categories_for,
    category_proposal_for,
    contact_moments_for,
    placements_for,
)
from marketplace.services.assessments import assessment_record
from marketplace.services.categories import (
    category_place,
    category_update,
    category_update_errors,
    ensure_default_categories,
)
from marketplace.services.contacts import contact_record
from tests import factories

pytestmark = pytest.mark.django_db


def days(n: int):
    return timezone.localdate() + timedelta(days=n)


@pytest.fixture
def categories(world):
    return {category.key: category for category in ensure_default_categories(world.municipality_a)}


@pytest.fixture
def caseworker(world):
    return actor_for(world.caseworker_a)


@pytest.fixture
def leader(world):
    world.caseworker_a.caseworker.is_team_leader = True
    world.caseworker_a.caseworker.save()
    return actor_for(world.caseworker_a)


def refused(error) -> set[str]:
    return set(error.value.message_dict)


# The default categories.


def test_a_municipality_gets_the_four_categories_with_their_standard_approach(world, categories):
    assert list(categories) == ["direct_to_work", "work_with_support", "participation_first", "care_first"]
    direct, care = categories["direct_to_work"], categories["care_first"]
    assert (direct.contact_every_weeks, direct.review_every_weeks, direct.stuck_after_months) == (4, 13, 6)
    assert (care.contact_every_weeks, care.review_every_weeks, care.stuck_after_months) == (6, 26, 18)
    assert all(category.follow_up_within_weeks == 2 and category.description for category in categories.values())


def test_making_the_default_categories_again_keeps_what_the_municipality_changed(world, categories, leader):
    category_update(actor=leader, category=categories["care_first"], data={"contact_every_weeks": 8})

    again = ensure_default_categories(world.municipality_a)

    assert CaseloadCategory.objects.filter(municipality=world.municipality_a).count() == 4
    assert again[3].contact_every_weeks == 8


# Changing a category's approach.


def test_a_team_leader_changes_the_approach_and_the_instruments_to_consider(world, categories, leader):
    course = factories.InstrumentFactory(municipality=world.municipality_a)

    category_update(actor=leader, category=categories["direct_to_work"], data={
        "name": "Snel naar werk", "description": "Elke week bellen.", "contact_every_weeks": 1,
        "stuck_after_months": 60, "default_instruments": [course],
    })

    category = CaseloadCategory.objects.get(pk=categories["direct_to_work"].pk)
    assert (category.name, category.contact_every_weeks, category.stuck_after_months) == ("Snel naar werk", 1, 60)
    assert list(category.default_instruments.all()) == [course]


def test_a_caseworker_who_is_not_team_leader_cannot_change_an_approach(world, categories, caseworker):
    with pytest.raises(NotAllowed):
        category_update(actor=caseworker, category=categories["direct_to_work"], data={"contact_every_weeks": 2})

    assert CaseloadCategory.objects.get(pk=categories["direct_to_work"].pk).contact_every_weeks == 4


def test_a_job_seeker_cannot_change_an_approach(world, categories):
    with pytest.raises(NotAllowed):
        category_update(actor=actor_for(world.seeker_user), category=categories["care_first"], data={"name": "X"})


def test_a_team_leader_of_another_municipality_cannot_change_an_approach(world, categories):
    other = world.caseworker_b.caseworker
    other.is_team_leader = True
    other.save()

    with pytest.raises(NotYourMunicipality):
        category_update(actor=actor_for(world.caseworker_b), category=categories["care_first"], data={"name": "X"})


@pytest.mark.parametrize(("field", "value"), [
    ("contact_every_weeks", 0), ("contact_every_weeks", 105), ("review_every_weeks", -1),
    ("follow_up_within_weeks", 200), ("stuck_after_months", 0), ("stuck_after_months", 61),
    ("contact_every_weeks", "4"), ("stuck_after_months", None), ("name", "  "),
])
def test_an_interval_out_of_range_or_an_empty_name_is_refused_on_its_field(categories, leader, field, value):
    with pytest.raises(ValidationError) as error:
        category_update(actor=leader, category=categories["direct_to_work"],
                        data={field: value, "description": "Nieuw"})

    assert refused(error) == {field}
    assert CaseloadCategory.objects.get(pk=categories["direct_to_work"].pk).description != "Nieuw"


def test_every_wrong_field_is_named_at_once_and_nothing_is_written(world, categories, leader):
    foreign = factories.InstrumentFactory(municipality=world.municipality_b)
    data = {"name": " ", "description": "Nieuw", "contact_every_weeks": 0, "stuck_after_months": 61,
            "default_instruments": [foreign]}

    with pytest.raises(ValidationError) as error:
        category_update(actor=leader, category=categories["direct_to_work"], data=data)

    assert refused(error) == {"name", "contact_every_weeks", "stuck_after_months", "default_instruments"}
    assert CaseloadCategory.objects.get(pk=categories["direct_to_work"].pk).description != "Nieuw"


def test_the_errors_of_a_change_are_named_without_writing_anything(categories):
    category = categories["direct_to_work"]

    errors = category_update_errors(category=category, data={"review_every_weeks": 105, "description": "Nieuw"})

    assert set(errors) == {"review_every_weeks"}
    assert category_update_errors(category=category, data={"review_every_weeks": 104}) == {}
    assert CaseloadCategory.objects.get(pk=category.pk).description != "Nieuw"


@pytest.mark.parametrize(("field", "value"), [("contact_every_weeks", 104), ("stuck_after_months", 1)])
def test_the_edges_of_the_ranges_are_allowed(categories, leader, field, value):
    category_update(actor=leader, category=categories["direct_to_work"], data={field: value})

    assert getattr(CaseloadCategory.objects.get(pk=categories["direct_to_work"].pk), field) == value


def test_an_instrument_of_another_municipality_is_refused(world, categories, leader):
    foreign = factories.InstrumentFactory(municipality=world.municipality_b)

    with pytest.raises(ValidationError) as error:
        category_update(actor=leader, category=categories["direct_to_work"], data={"default_instruments": [foreign]})

    assert refused(error) == {"default_instruments"}
    assert not categories["direct_to_work"].default_instruments.exists()


def test_an_unknown_field_is_refused_by_name(categories, leader):
    with pytest.raises(ValidationError) as error:
        category_update(actor=leader, category=categories["direct_to_work"], data={"key": "care_first"})

    assert refused(error) == {"key"}


# Placing a person in a category.


def test_a_caseworker_places_a_person_and_the_placement_keeps_the_proposal(world, categories, caseworker):
    world.seeker.rung = 6
    world.seeker.save()

    placement = category_place(actor=caseworker, seeker=world.seeker, category=categories["work_with_support"],
                               reason="Wil eerst met een jobcoach beginnen.")

    assert JobSeeker.objects.get(pk=world.seeker.pk).category == categories["work_with_support"]
    assert placement.proposed_key == CategoryKey.DIRECT_TO_WORK
    assert placement.confirmed_by == world.caseworker_a
    assert placements_for(caseworker, world.seeker) == [placement]


def test_a_second_placement_adds_to_the_history(world, categories, caseworker):
    first = category_place(actor=caseworker, seeker=world.seeker, category=categories["care_first"],
                           reason="Eerst zorg.")
    second = category_place(actor=caseworker, seeker=world.seeker, category=categories["participation_first"],
                            reason="Schulden geregeld.")

    assert [placement.pk for placement in placements_for(caseworker, world.seeker)] == [second.pk, first.pk]
    assert JobSeeker.objects.get(pk=world.seeker.pk).category == categories["participation_first"]


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_a_placement_without_a_reason_is_refused_and_writes_nothing(world, categories, caseworker, reason):
    with pytest.raises(ValidationError) as error:
        category_place(actor=caseworker, seeker=world.seeker, category=categories["care_first"], reason=reason)

    assert refused(error) == {"reason"}
    assert not CategoryPlacement.objects.exists()
    assert JobSeeker.objects.get(pk=world.seeker.pk).category is None


def test_a_category_of_another_municipality_is_refused_on_category(world, categories, caseworker):
    foreign = ensure_default_categories(world.municipality_b)[0]

    with pytest.raises(ValidationError) as error:
        category_place(actor=caseworker, seeker=world.seeker, category=foreign, reason="Past goed.")

    assert refused(error) == {"category"}
    assert not CategoryPlacement.objects.exists()


def test_a_caseworker_cannot_place_another_municipalitys_job_seeker(world, categories):
    theirs = ensure_default_categories(world.municipality_b)[0]

    with pytest.raises(ValidationError) as error:
        category_place(actor=actor_for(world.caseworker_a), seeker=world.seeker_b, category=theirs, reason="Ja.")

    assert refused(error) == {"seeker"}
    assert not CategoryPlacement.objects.exists()


@pytest.mark.parametrize("who", ["seeker_user", "employer_a", "provider_a"])
def test_only_caseworkers_place_people_in_a_category(world, categories, who):
    with pytest.raises(NotAllowed):
        category_place(actor=actor_for(getattr(world, who)), seeker=world.seeker, category=categories["care_first"],
                       reason="Ik wil dit.")

    assert not CategoryPlacement.objects.exists()


# The proposal reads the sensitive scores but shows none, and logs no read.


def test_the_proposal_uses_a_sensitive_score_without_returning_or_logging_it(world, caseworker):
    world.seeker.rung = 6
    world.seeker.save()
    assessment_record(actor=caseworker, seeker=world.seeker, date=days(-3), scores={"debts": 1, "language": 4})

    proposal = category_proposal_for(caseworker, world.seeker)

    assert proposal.key == "care_first" and proposal.reasons == ("acute_care_need",)
    assert proposal.assessed_on == days(-3)
    assert not SensitiveAccessLog.objects.exists()
    assert "1" not in repr(proposal.reasons) and not hasattr(proposal, "scores")


def test_the_proposal_uses_the_latest_assessment(world, caseworker):
    world.seeker.rung = 5
    world.seeker.save()
    assessment_record(actor=caseworker, seeker=world.seeker, date=days(-90), scores={"housing": 1})
    assessment_record(actor=caseworker, seeker=world.seeker, date=days(-2), scores={"housing": 4})

    assert category_proposal_for(caseworker, world.seeker).key == "direct_to_work"


def test_the_proposal_of_another_municipalitys_job_seeker_is_not_found(world):
    with pytest.raises(NotYourMunicipality):
        category_proposal_for(actor_for(world.caseworker_a), world.seeker_b)
    with pytest.raises(NotAllowed):
        category_proposal_for(actor_for(world.seeker_user), world.seeker)


def test_categories_are_scoped_to_the_caseworkers_municipality(world, categories):
    ensure_default_categories(world.municipality_b)

    assert list(categories_for(actor_for(world.caseworker_a))) == list(categories.values())
    assert not categories_for(actor_for(world.seeker_user)).exists()


# Contact moments.


def test_a_caseworker_records_a_contact_and_sees_it_newest_first(world, caseworker):
    older = contact_record(actor=caseworker, seeker=world.seeker, date=days(-30), kind="phone", note="Gebeld.")
    newer = contact_record(actor=caseworker, seeker=world.seeker, date=days(0), kind="home_visit", note="")

    assert list(contact_moments_for(caseworker, world.seeker)) == [newer, older]
    assert newer.recorded_by == world.caseworker_a


@pytest.mark.parametrize(("data", "field"), [
    ({"date": days(1)}, "date"), ({"date": None}, "date"), ({"date": "2026-01-01"}, "date"),
    ({"kind": "pigeon"}, "kind"), ({"kind": ""}, "kind"), ({"note": "x" * 5000}, "note"),
])
def test_a_bad_contact_is_refused_on_its_field_and_writes_nothing(world, caseworker, data, field):
    values = {"date": days(0), "kind": "phone", "note": "", **data}

    with pytest.raises(ValidationError) as error:
        contact_record(actor=caseworker, seeker=world.seeker, **values)

    assert field in refused(error)
    assert not ContactMoment.objects.exists()


def test_only_a_caseworker_of_the_municipality_records_a_contact(world):
    with pytest.raises(NotAllowed):
        contact_record(actor=actor_for(world.seeker_user), seeker=world.seeker, date=days(0), kind="phone")
    with pytest.raises(ValidationError) as error:
        contact_record(actor=actor_for(world.caseworker_b), seeker=world.seeker, date=days(0), kind="phone")

    assert refused(error) == {"seeker"}
    assert not ContactMoment.objects.exists()


def test_contacts_of_another_municipalitys_job_seeker_are_not_found(world):
    with pytest.raises(NotYourMunicipality):
        contact_moments_for(actor_for(world.caseworker_b), world.seeker)
