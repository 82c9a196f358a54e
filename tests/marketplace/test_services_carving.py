"""Carving services: analyses and tasks, proposals from the database, carved roles and stapelbanen."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from marketplace.access import actor_for
from marketplace.choices import RoleKind, RoleStatus
from marketplace.demo import content
from marketplace.demo.carving import BUNDLE_TITLE, load_carving_demo
from marketplace.demo.loader import load_demo
from marketplace.exceptions import NotAllowed, NotYourOrganisation
from marketplace.models import JobAnalysis, Municipality, Organisation, Role, Task
from marketplace.services.bundles import EMPLOYMENT_ORGANISATION, BundleParameters, bundle_accept, bundle_propose
from marketplace.services.carved_roles import ProposalChoice, carved_role_publish
from marketplace.services.carving_proposals import ProposalParameters, carving_accept, carving_propose
from marketplace.services.job_analyses import (
    job_analysis_create,
    job_analysis_update,
    task_create,
    task_delete,
    task_move,
    task_reorder,
    task_update,
)
from tests import factories
from tests.carving_data import at, hospital_analysis, job_data, supermarket_analysis, task_data

pytestmark = pytest.mark.django_db

TARGET = ProposalParameters(target_min_hours=Decimal(8), target_max_hours=Decimal(24),
                            carved_hourly_wage=Decimal("14.40"))


@pytest.fixture
def hospital(world):
    factories.InstrumentFactory(municipality=world.municipality_a, wage_cost_subsidy=True,
                                subsidy_percent=Decimal("50"))
    return hospital_analysis(world.employer_a, world.organisation_a)


def test_an_employer_analyses_a_job_with_its_tasks_in_order(world, hospital):
    assert (hospital.organisation, hospital.municipality, hospital.created_by) == (
        world.organisation_a, world.municipality_a, world.employer_a)
    assert list(hospital.tasks.values_list("name", flat=True)) == [
        "Bedden opmaken", "Maaltijden rondbrengen", "Voorraad aanvullen", "Verpleegkundige zorg"]


def test_a_caseworker_analyses_a_job_for_an_employer_of_their_municipality(world):
    analysis = job_analysis_create(actor=actor_for(world.caseworker_a), organisation=world.organisation_b,
                                   data=job_data())

    assert analysis.organisation == world.organisation_b


@pytest.mark.parametrize("who", ["employer_b", "caseworker_b", "seeker_user", "association"])
def test_nobody_else_analyses_an_employers_job(world, who):
    with pytest.raises(NotYourOrganisation):
        job_analysis_create(actor=actor_for(getattr(world, who)), organisation=world.organisation_a, data=job_data())
    assert not JobAnalysis.objects.exists()


@pytest.mark.parametrize("changes, field", [
    ({"hours_per_week": Decimal("0")}, "hours_per_week"),
    ({"hours_per_week": Decimal("37")}, "hours_per_week"),
    ({"window_start": at("10:00"), "window_end": at("09:00")}, "window_end"),
    ({"window_start": at("09:00"), "window_end": at("09:00")}, "window_end"),
    ({"weekdays": 0}, "weekdays"),
    ({"name": ""}, "name"),
    ({"postcode": "9999 ZZ"}, "postcode"),
    ({"complexity": 4}, "complexity"),
])
def test_a_bad_task_is_refused_by_field_and_nothing_is_saved(world, hospital, changes, field):
    before = Task.objects.count()

    with pytest.raises(ValidationError) as caught:
        task_create(actor=actor_for(world.employer_a), analysis=hospital, data=task_data(**changes))

    assert field in caught.value.message_dict
    assert Task.objects.count() == before


def test_a_task_cannot_take_more_hours_than_the_job_itself(world, hospital):
    with pytest.raises(ValidationError) as caught:
        task_create(actor=actor_for(world.employer_a), analysis=hospital,
                    data=task_data(hours="40", window=("06:00", "16:00")))

    [message] = caught.value.message_dict["hours_per_week"]
    assert "40" in message and "36" in message


def test_the_job_cannot_shrink_below_one_of_its_tasks(world, hospital):
    with pytest.raises(ValidationError) as caught:
        job_analysis_update(actor=actor_for(world.employer_a), analysis=hospital,
                            data={"hours_per_week": Decimal("20")})

    assert "Verpleegkundige zorg" in caught.value.message_dict["hours_per_week"][0]
    hospital.refresh_from_db()
    assert hospital.hours_per_week == Decimal("36")


def test_tasks_can_be_edited_reordered_moved_and_deleted(world, hospital):
    actor = actor_for(world.employer_a)
    beds, meals, stock, nursing = hospital.tasks.all()

    task_update(actor=actor, task=meals, data={"hours_per_week": Decimal("4.5")})
    task_reorder(actor=actor, analysis=hospital, task_ids=[nursing.pk, stock.pk, meals.pk, beds.pk])
    task_move(actor=actor, task=beds, offset=-1)
    task_delete(actor=actor, task=stock)

    assert list(hospital.tasks.values_list("name", "hours_per_week")) == [
        ("Verpleegkundige zorg", Decimal("21")), ("Bedden opmaken", Decimal("6")),
        ("Maaltijden rondbrengen", Decimal("4.5"))]


def test_a_reorder_must_name_every_task_once(world, hospital):
    ids = list(hospital.tasks.values_list("pk", flat=True))

    with pytest.raises(ValidationError) as caught:
        task_reorder(actor=actor_for(world.employer_a), analysis=hospital, task_ids=ids[:2] + ids[:1])

    assert "task_ids" in caught.value.message_dict


def test_another_employer_cannot_change_the_tasks(world, hospital):
    with pytest.raises(NotYourOrganisation):
        task_delete(actor=actor_for(world.employer_b), task=hospital.tasks.first())
    assert hospital.tasks.count() == 4


def test_the_hospital_job_is_carved_into_a_role_of_the_target_size_with_its_business_case(world, hospital):
    outcome = carving_propose(actor=actor_for(world.employer_a), analysis=hospital, parameters=TARGET)

    [proposal] = outcome.proposals
    assert [task.name for task in proposal.tasks] == ["Bedden opmaken", "Maaltijden rondbrengen",
                                                      "Voorraad aanvullen"]
    assert Decimal(8) <= proposal.hours <= Decimal(24)
    case = proposal.business_case
    assert case.yearly_skilled_cost == Decimal("15") * Decimal("38.50") * 52
    assert case.yearly_carved_cost == Decimal("15") * Decimal("14.40") * 52
    assert case.yearly_wage_subsidy == case.yearly_carved_cost / 2
    assert [outcome_.task.name for outcome_ in outcome.result.not_carved] == ["Verpleegkundige zorg"]


def test_a_target_no_tasks_can_fill_says_why_on_the_target_field(world, hospital):
    parameters = ProposalParameters(target_min_hours=Decimal(20), target_max_hours=Decimal(24),
                                    carved_hourly_wage=Decimal("14.40"))

    outcome = carving_propose(actor=actor_for(world.employer_a), analysis=hospital, parameters=parameters)

    assert outcome.proposals == ()
    assert "15" in outcome.empty_error().message_dict["target_min_hours"][0]


@pytest.mark.parametrize("changes, field", [
    ({"target_min_hours": Decimal(0)}, "target_min_hours"),
    ({"target_max_hours": Decimal(4)}, "target_max_hours"),
    ({"target_max_hours": Decimal(60)}, "target_max_hours"),
    ({"carved_hourly_wage": Decimal(0)}, "carved_hourly_wage"),
    ({"exclude_ids": (999999,)}, "exclude_ids"),
])
def test_bad_proposal_parameters_are_refused_by_field(world, hospital, changes, field):
    parameters = ProposalParameters(**{**TARGET.__dict__, **changes})

    with pytest.raises(ValidationError) as caught:
        carving_propose(actor=actor_for(world.employer_a), analysis=hospital, parameters=parameters)

    assert field in caught.value.message_dict


def test_accepting_creates_a_draft_role_linked_to_the_analysis_and_its_tasks(world, hospital):
    proposal = carving_propose(actor=actor_for(world.employer_a), analysis=hospital, parameters=TARGET).proposals[0]

    [role] = carving_accept(actor=actor_for(world.employer_a), analysis=hospital, parameters=TARGET,
                            choices=[ProposalChoice(0, task_ids=proposal.task_ids, title="Zorgondersteuner")])

    assert (role.title, role.kind, role.status, role.organisation) == (
        "Zorgondersteuner", RoleKind.CARVED_TASK, RoleStatus.DRAFT, world.organisation_a)
    assert (role.hours_min, role.hours_max, role.hourly_wage) == (15, 15, Decimal("14.40"))
    assert role.job_analysis == hospital
    assert sorted(role.carved_tasks.values_list("name", flat=True)) == [
        "Bedden opmaken", "Maaltijden rondbrengen", "Voorraad aanvullen"]
    assert "Bedden opmaken" in role.description


def test_accepting_a_proposal_that_changed_since_it_was_shown_creates_nothing(world, hospital):
    with pytest.raises(ValidationError) as caught:
        carving_accept(actor=actor_for(world.employer_a), analysis=hospital, parameters=TARGET,
                       choices=[ProposalChoice(0, task_ids=(1, 2))])

    assert "proposals" in caught.value.message_dict
    assert not Role.objects.exists()


def test_accepting_the_same_proposal_twice_creates_one_role(world, hospital):
    accept = {"actor": actor_for(world.employer_a), "analysis": hospital, "parameters": TARGET,
              "choices": [ProposalChoice(0)]}
    carving_accept(**accept)

    with pytest.raises(ValidationError) as caught:
        carving_accept(**accept)

    assert "proposals" in caught.value.message_dict
    assert Role.objects.count() == 1


def test_accepting_with_a_target_no_tasks_can_fill_creates_nothing(world, hospital):
    parameters = ProposalParameters(target_min_hours=Decimal(30), target_max_hours=Decimal(40),
                                    carved_hourly_wage=Decimal("14.40"))

    with pytest.raises(ValidationError) as caught:
        carving_accept(actor=actor_for(world.employer_a), analysis=hospital, parameters=parameters,
                       choices=[ProposalChoice(0)])

    assert "target_min_hours" in caught.value.message_dict
    assert not Role.objects.exists()


def test_a_caseworker_carves_and_publishes_for_an_employer(world, hospital):
    caseworker = actor_for(world.caseworker_a)

    [role] = carving_accept(actor=caseworker, analysis=hospital, parameters=TARGET, choices=[ProposalChoice(0)])
    carved_role_publish(actor=caseworker, role=role)

    role.refresh_from_db()
    assert (role.organisation, role.status, role.created_by) == (
        world.organisation_a, RoleStatus.PUBLISHED, world.caseworker_a)


def test_a_caseworker_of_another_municipality_cannot_carve_the_job(world, hospital):
    with pytest.raises(NotYourOrganisation):
        carving_propose(actor=actor_for(world.caseworker_b), analysis=hospital, parameters=TARGET)


def bundle_parameters(**changes):
    values = {"target_min_hours": Decimal(8), "target_max_hours": Decimal(24), "travel_speed_kmh": Decimal(15),
              "carved_hourly_wage": Decimal("14.40")}
    values.update(changes)
    return BundleParameters(**values)


def test_a_caseworker_combines_two_employers_tasks_into_one_stapelbaan(world, hospital):
    supermarket = supermarket_analysis(world.employer_b, world.organisation_b)
    caseworker = actor_for(world.caseworker_a)

    outcome = bundle_propose(actor=caseworker, analyses=[hospital, supermarket], parameters=bundle_parameters())
    [proposal, *_] = outcome.proposals
    assert set(proposal.organisation_ids) == {world.organisation_a.pk, world.organisation_b.pk}
    assert proposal.travel_km_per_week > 0

    role = bundle_accept(actor=caseworker, analyses=[hospital, supermarket], parameters=bundle_parameters(),
                         choice=ProposalChoice(0, task_ids=proposal.task_ids, title="Stapelbaan zorg en winkel"))
    assert role.title == "Stapelbaan zorg en winkel"
    assert set(role.participating_organisations.all()) == {world.organisation_a, world.organisation_b}
    assert role.organisation == world.organisation_b  # more than half of the hours
    assert role.job_analysis is None
    assert role.carved_tasks.count() == len(proposal.tasks)


def test_a_stapelbaan_can_be_employed_by_the_municipalitys_employment_organisation(world, hospital):
    supermarket = supermarket_analysis(world.employer_b, world.organisation_b)
    caseworker = actor_for(world.caseworker_a)
    werkbedrijf = factories.OrganisationFactory(municipality=world.municipality_a, is_employment_organisation=True)

    role = bundle_accept(actor=caseworker, analyses=[hospital, supermarket], parameters=bundle_parameters(),
                         choice=ProposalChoice(0), employer_of_record_id=werkbedrijf.pk)
    carved_role_publish(actor=caseworker, role=role)

    role.refresh_from_db()
    assert (role.organisation, role.status) == (werkbedrijf, RoleStatus.PUBLISHED)
    assert role.participating_organisations.count() == 2


def test_the_employment_organisation_is_created_when_the_municipality_has_none(world, hospital):
    supermarket = supermarket_analysis(world.employer_b, world.organisation_b)

    role = bundle_accept(actor=actor_for(world.caseworker_a), analyses=[hospital, supermarket],
                         parameters=bundle_parameters(), choice=ProposalChoice(0),
                         employer_of_record_id=EMPLOYMENT_ORGANISATION)

    employer = Organisation.objects.get(is_employment_organisation=True)
    assert (role.organisation, employer.municipality) == (employer, world.municipality_a)


def test_a_stranger_cannot_be_the_employer_of_record(world, hospital):
    supermarket = supermarket_analysis(world.employer_b, world.organisation_b)
    stranger = factories.OrganisationFactory(municipality=world.municipality_a)

    with pytest.raises(ValidationError) as caught:
        bundle_accept(actor=actor_for(world.caseworker_a), analyses=[hospital, supermarket],
                      parameters=bundle_parameters(), choice=ProposalChoice(0), employer_of_record_id=stranger.pk)

    assert "employer_of_record" in caught.value.message_dict
    assert not Role.objects.exists()


def test_employers_do_not_combine_other_employers_analyses(world, hospital):
    supermarket = supermarket_analysis(world.employer_b, world.organisation_b)

    with pytest.raises(NotAllowed):
        bundle_propose(actor=actor_for(world.employer_a), analyses=[hospital, supermarket],
                       parameters=bundle_parameters())


def test_a_bundle_needs_two_analyses_and_a_reachable_target(world, hospital):
    supermarket = supermarket_analysis(world.employer_b, world.organisation_b)
    caseworker = actor_for(world.caseworker_a)

    with pytest.raises(ValidationError) as one:
        bundle_propose(actor=caseworker, analyses=[hospital], parameters=bundle_parameters())
    too_big = bundle_propose(actor=caseworker, analyses=[hospital, supermarket],
                             parameters=bundle_parameters(target_min_hours=Decimal(39), target_max_hours=Decimal(40)))

    assert "analysis_ids" in one.value.message_dict
    assert "target_min_hours" in too_big.empty_error().message_dict


def test_a_caseworker_of_another_municipality_cannot_bundle_these_analyses(world, hospital):
    supermarket = supermarket_analysis(world.employer_b, world.organisation_b)

    with pytest.raises(NotYourOrganisation):
        bundle_propose(actor=actor_for(world.caseworker_b), analyses=[hospital, supermarket],
                       parameters=bundle_parameters())


def test_the_demo_has_three_analysed_employers_and_a_published_stapelbaan_once(db):
    load_demo()
    havenstad = Municipality.objects.get(cbs_code=content.HAVENSTAD)

    again = load_carving_demo(municipality=havenstad)

    assert again == {"job analyses": 0, "stapelbanen": 0}
    assert JobAnalysis.objects.values("organisation").distinct().count() == 3
    bundle = Role.objects.get(title=BUNDLE_TITLE)
    assert bundle.status == RoleStatus.PUBLISHED
    assert set(bundle.participating_organisations.values_list("name", flat=True)) == {
        "Supermarkt De Kade", "Hotel Havenzicht"}
    hospital = JobAnalysis.objects.get(organisation__name="Ziekenhuis Havenstad")
    employer = get_user_model().objects.get(username="werkgever")
    [proposal] = carving_propose(actor=actor_for(employer), analysis=hospital, parameters=TARGET).proposals
    assert Decimal(8) <= proposal.hours <= Decimal(24)


@pytest.mark.parametrize("changes", [
    {"hours_per_week": Decimal("0")},
    {"complexity": 4},
    {"window_start": at("10:00"), "window_end": at("09:00")},
])
def test_the_database_refuses_impossible_tasks_even_without_the_services(world, hospital, changes):
    data = {**task_data(), **changes}

    with pytest.raises(IntegrityError), transaction.atomic():
        Task.objects.create(analysis=hospital, **data)
