"""Matching rounds that store suggestions for caseworkers, and ladder overrides with their log."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from marketplace.access import actor_for
from marketplace.choices import ApplicationStatus
from marketplace.constants import Weekday
from marketplace.exceptions import NotAllowed, NotYourMunicipality
from marketplace.models import LadderOverride, MatchRound
from marketplace.models.applications import Application, ApplicationEvent, RoleSeat
from marketplace.services.matching import ladder_override_grant, match_round_run
from marketplace.workflows.base import ActorKind
from tests import factories

pytestmark = pytest.mark.django_db
KM_NORTH = 1 / 111.2


@pytest.fixture(autouse=True)
def _english():
    # Some assertions read the source (English) wording of the refusals.
    with translation.override("en"):
        yield


def seeker(world, **fields):
    return factories.JobSeekerFactory(municipality=world.municipality_a, **fields)


def role(world, **fields):
    return factories.RoleFactory(organisation=world.organisation_a, published=True, **fields)


def suggestions():
    return Application.objects.filter(status=ApplicationStatus.SUGGESTED)


def test_a_round_stores_its_proposals_as_suggestions_with_score_and_reasons(world):
    bakery = role(world, places=2)
    started = timezone.now()
    result = match_round_run(municipality=world.municipality_a, started_by=world.caseworker_a)
    assert (result.seekers, result.roles, result.places, result.pairs) == (1, 1, 2, 1)
    assert (result.proposals, result.stored, result.dry_run) == (1, 1, False)
    assert result.started_by == world.caseworker_a and result.created_at >= started
    suggestion = suggestions().get()
    assert (suggestion.seeker, suggestion.role, suggestion.created_by) == (world.seeker, bakery, world.caseworker_a)
    assert suggestion.score == pytest.approx(result.total_score, abs=0.05)
    texts = [reason["text"] for reason in suggestion.reasons]
    assert "Dit is een stap verder dan wat je nu doet: betaald werk met ondersteuning" in texts
    assert {"code", "params", "text", "text_en", "fits"} <= set(suggestion.reasons[0])
    event = ApplicationEvent.objects.get(application=suggestion)
    assert (event.from_status, event.to_status, event.actor_kind) == ("", ApplicationStatus.SUGGESTED,
                                                                        ActorKind.SYSTEM)


def test_a_round_never_exceeds_places_and_proposes_each_seeker_once(world):
    crowd = [seeker(world) for _ in range(5)]
    small, large = role(world, places=1), role(world, places=2)
    taken = role(world, places=1)
    Application.objects.create(seeker=crowd[0], role=taken, status=ApplicationStatus.TRIAL,
                               seat=RoleSeat.objects.create(role=taken, number=1), introduced_at=timezone.now())
    result = match_round_run(municipality=world.municipality_a)
    assert result.places == 3
    assert result.proposals == result.stored == 3
    per_role = {r.pk: suggestions().filter(role=r).count() for r in (small, large, taken)}
    assert per_role == {small.pk: 1, large.pk: 2, taken.pk: 0}
    seekers = list(suggestions().values_list("seeker_id", flat=True))
    assert len(seekers) == len(set(seekers))


def test_the_optimal_round_places_more_than_greedy_where_best_first_blocks(world):
    # The flexible seeker's best pair is the Monday role; greedy gives it to them and the seeker
    # who can only work on Monday gets nothing. The optimum sends the flexible one to Tuesday.
    flexible = world.seeker
    monday_only = seeker(world, weekdays=int(Weekday.MON))
    monday_role = role(world)
    tuesday_role = role(world, weekdays=int(Weekday.TUE), latitude=52.37 + 6 * KM_NORTH)
    result = match_round_run(municipality=world.municipality_a)
    assert (result.proposals, result.greedy_placed) == (2, 1)
    assert result.total_score > result.greedy_total
    assert set(suggestions().values_list("seeker_id", "role_id")) == {
        (flexible.pk, tuesday_role.pk), (monday_only.pk, monday_role.pk)}


def test_a_dry_run_records_the_round_but_stores_no_suggestion(world):
    role(world)
    result = match_round_run(municipality=world.municipality_a, started_by=world.caseworker_a, dry_run=True)
    assert (result.dry_run, result.proposals, result.stored) == (True, 1, 0)
    assert not Application.objects.exists()
    assert MatchRound.objects.get() == result


def test_pairs_with_an_application_are_left_alone_and_a_second_round_adds_nothing(world):
    interested = role(world, places=3)
    Application.objects.create(seeker=world.seeker, role=interested, status=ApplicationStatus.INTERESTED)
    other = seeker(world)
    first = match_round_run(municipality=world.municipality_a)
    assert (first.proposals, first.stored) == (2, 1)
    assert Application.objects.get(seeker=world.seeker).status == ApplicationStatus.INTERESTED
    assert suggestions().get().seeker == other
    second = match_round_run(municipality=world.municipality_a)
    assert (second.proposals, second.stored) == (2, 0)
    assert Application.objects.count() == 2


def test_a_round_only_considers_its_own_municipality(world):
    role(world)
    factories.RoleFactory(organisation=factories.OrganisationFactory(municipality=world.municipality_b),
                          published=True)
    result = match_round_run(municipality=world.municipality_b)
    assert (result.seekers, result.roles, result.proposals) == (1, 1, 1)
    assert suggestions().get().seeker == world.seeker_b


def test_a_round_with_broken_weights_is_refused_and_stores_nothing(world):
    role(world)
    world.municipality_a.matching_weights = {"distanse": 20}
    world.municipality_a.save()
    with pytest.raises(ValidationError) as refused:
        match_round_run(municipality=world.municipality_a)
    assert "distanse" in refused.value.message_dict["matching_weights"][0]
    assert not MatchRound.objects.exists()
    assert not Application.objects.exists()


def test_a_round_uses_and_records_the_municipalitys_weights(world):
    role(world)
    world.municipality_a.matching_weights = {"distance": 30}
    world.municipality_a.save()
    result = match_round_run(municipality=world.municipality_a)
    assert result.weights["distance"] == 30
    assert result.weights["required_skills"] == 35


def test_an_empty_municipality_gives_an_empty_round(world):
    result = match_round_run(municipality=world.municipality_a, dry_run=True)
    assert (result.roles, result.proposals, result.total_score, result.greedy_placed) == (0, 0, 0, 0)


# Ladder overrides ---------------------------------------------------------------------------------------------


def test_a_caseworker_allows_a_step_up_the_ladder_which_is_logged_and_used_by_rounds(world):
    paid_work = role(world, target_rung=6)
    assert match_round_run(municipality=world.municipality_a, dry_run=True).proposals == 0
    override = ladder_override_grant(actor=actor_for(world.caseworker_a), seeker=world.seeker, role=paid_work,
                                     reason="  Heeft een jaar vrijwilligerswerk gedaan.  ")
    assert (override.granted_by, override.reason) == (world.caseworker_a, "Heeft een jaar vrijwilligerswerk gedaan.")
    assert override.created_at is not None
    assert match_round_run(municipality=world.municipality_a).stored == 1
    assert suggestions().get().role == paid_work


@pytest.mark.parametrize(("reason", "target_rung", "field", "message"), [
    ("", 6, "reason", "Say why this job seeker may take this step."),
    ("x" * 1001, 6, "reason", "At most 1000 characters."),
    ("Klaar voor", 5, "role", "This role is at most one rung above the job seeker's; no override is needed."),
])
def test_a_ladder_override_needs_a_reason_and_a_real_gap(world, reason, target_rung, field, message):
    target = role(world, target_rung=target_rung)
    with pytest.raises(ValidationError) as refused:
        ladder_override_grant(actor=actor_for(world.caseworker_a), seeker=world.seeker, role=target, reason=reason)
    assert refused.value.message_dict[field] == [message]
    assert not LadderOverride.objects.exists()


def test_a_ladder_override_is_granted_once(world):
    target = role(world, target_rung=6)
    ladder_override_grant(actor=actor_for(world.caseworker_a), seeker=world.seeker, role=target, reason="Klaar")
    with pytest.raises(ValidationError) as refused:
        ladder_override_grant(actor=actor_for(world.caseworker_a), seeker=world.seeker, role=target, reason="Nog")
    assert "role" in refused.value.message_dict
    assert LadderOverride.objects.count() == 1


def test_only_a_caseworker_of_the_seekers_municipality_grants_overrides(world):
    target = role(world, target_rung=6)
    with pytest.raises(NotYourMunicipality):
        ladder_override_grant(actor=actor_for(world.caseworker_b), seeker=world.seeker, role=target, reason="Klaar")
    with pytest.raises(NotAllowed):
        ladder_override_grant(actor=actor_for(world.employer_a), seeker=world.seeker, role=target, reason="Klaar")
    elsewhere = factories.RoleFactory(organisation=factories.OrganisationFactory(municipality=world.municipality_b),
                                      target_rung=6)
    with pytest.raises(ValidationError) as refused:
        ladder_override_grant(actor=actor_for(world.caseworker_a), seeker=world.seeker, role=elsewhere, reason="Ja")
    assert "role" in refused.value.message_dict
    assert not LadderOverride.objects.exists()
