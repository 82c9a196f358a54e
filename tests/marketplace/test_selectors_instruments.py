"""Reads of the koffer: each municipality's catalogue and people stay its own; the carving subsidy comes from it."""

from decimal import Decimal

import pytest

from marketplace.access import actor_for
from marketplace.exceptions import NotAllowed, NotYourMunicipality
from marketplace.selectors.instruments import (
    assignment_of,
    assignments_of_seeker,
    instrument_catalogue,
    providers_of,
    wage_subsidy_percent,
)
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_caseworker_reads_only_their_own_municipalitys_catalogue(world):
    own = factories.InstrumentFactory(municipality=world.municipality_a, name="Taalcursus")
    retired = factories.InstrumentFactory(municipality=world.municipality_a, name="Oude cursus", active=False)
    elsewhere = factories.InstrumentFactory(municipality=world.municipality_b, name="Taalcursus")
    caseworker = actor_for(world.caseworker_a)

    assert set(instrument_catalogue(actor=caseworker)) == {own, retired}
    assert list(instrument_catalogue(actor=caseworker, in_use_only=True)) == [own]
    assert elsewhere not in instrument_catalogue(actor=caseworker)


@pytest.mark.parametrize("who", ["provider_a", "employer_a", "seeker_user"])
def test_nobody_but_caseworkers_reads_a_catalogue(world, who):
    factories.InstrumentFactory(municipality=world.municipality_a)

    assert not instrument_catalogue(actor=actor_for(getattr(world, who))).exists()


def test_the_providers_of_a_municipality_are_its_provider_organisations(world):
    assert list(providers_of(world.municipality_a)) == [world.provider_organisation_a,
                                                        world.provider_organisation_other]


def test_a_caseworker_reads_the_assignments_of_their_own_municipalitys_job_seekers_only(world):
    mine = factories.InstrumentAssignmentFactory(instrument__municipality=world.municipality_a, seeker=world.seeker)
    theirs = factories.InstrumentAssignmentFactory(instrument__municipality=world.municipality_b,
                                                   seeker=world.seeker_b)
    caseworker = actor_for(world.caseworker_a)

    assert list(assignments_of_seeker(actor=caseworker, seeker=world.seeker)) == [mine]
    assert assignment_of(actor=caseworker, seeker=world.seeker, assignment_id=theirs.pk) is None
    assert assignment_of(actor=caseworker, seeker=world.seeker, assignment_id="12abc") is None
    with pytest.raises(NotYourMunicipality):
        assignments_of_seeker(actor=caseworker, seeker=world.seeker_b)
    with pytest.raises(NotAllowed):
        assignments_of_seeker(actor=actor_for(world.provider_a), seeker=world.seeker)


def test_the_wage_subsidy_is_the_percentage_of_the_wage_cost_subsidy_in_use(world):
    assert wage_subsidy_percent(world.municipality_a) == Decimal("0")

    old = factories.InstrumentFactory(municipality=world.municipality_a, wage_cost_subsidy=True,
                                      subsidy_percent=Decimal("30"), active=False, name="Oude regeling")
    factories.InstrumentFactory(municipality=world.municipality_b, wage_cost_subsidy=True,
                                subsidy_percent=Decimal("70"))
    assert old.subsidy_percent == Decimal("30")
    assert wage_subsidy_percent(world.municipality_a) == Decimal("0")  # out of use, and the other town's

    factories.InstrumentFactory(municipality=world.municipality_a, wage_cost_subsidy=True,
                                subsidy_percent=Decimal("45.5"))
    assert wage_subsidy_percent(world.municipality_a) == Decimal("45.5")
