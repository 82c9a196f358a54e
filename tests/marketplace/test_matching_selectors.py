"""The matching selectors: top roles for a seeker, anonymous candidates for a role, why not, and the adapter."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from marketplace.access import actor_for
from marketplace.choices import ApplicationStatus, RoleStatus
from marketplace.constants import Weekday
from marketplace.exceptions import NotYourOrganisation
from marketplace.models import JobSeeker, LadderOverride, Role
from marketplace.models.applications import Application, RoleSeat
from marketplace.selectors import matching
from marketplace.selectors.matching_data import role_set, seeker_set, skill_index
from tests import factories

pytestmark = pytest.mark.django_db

KM_NORTH = 1 / 111.2  # degrees of latitude per kilometre


@pytest.fixture
def skills(db):
    category = factories.SkillCategoryFactory(code="logistiek", name_nl="Logistiek", name_en="Logistics")
    return [factories.SkillFactory(category=category, name_nl=name, name_en=name)
            for name in ("Inpakken", "Schoonmaken", "Klantcontact")]


@pytest.fixture
def seeker(world, skills):
    """The world's seeker: rung 4, 8 to 24 hours on workdays, 10 km radius, two skills."""
    factories.SeekerSkillFactory(seeker=world.seeker, skill=skills[0], level=2)
    factories.SeekerSkillFactory(seeker=world.seeker, skill=skills[1], level=2)
    return world.seeker


def published_role(world, *, skills=(), organisation=None, **fields):
    role = factories.RoleFactory(organisation=organisation or world.organisation_a, published=True, **fields)
    for skill in skills:
        factories.RoleSkillFactory(role=role, skill=skill, level=2)
    return role


def role_ids(matches) -> list[int]:
    return [match.role.pk for match in matches]


def test_roles_for_seeker_ranks_the_best_fit_first_with_dutch_reasons(world, seeker, skills):
    near_and_fitting = published_role(world, skills=skills[:2], title="Inpakken")
    farther = published_role(world, skills=[skills[2]], latitude=52.37 + 6 * KM_NORTH, title="Balie")
    matches = matching.roles_for_seeker(seeker=seeker)
    assert role_ids(matches) == [near_and_fitting.pk, farther.pk]
    best = matches[0]
    assert best.score > matches[1].score
    assert best.role.organisation.name == "Bakkerij A"
    texts = [reason["text"] for reason in best.reasons]
    assert "Dit is een stap verder dan wat je nu doet: betaald werk met ondersteuning" in texts
    assert "Je hebt 2 van de 2 vaardigheden" in texts
    assert "Het werk is 0 km van je huis" in texts
    assert "Je werkt hier 16 uur, dat past bij je" in texts
    assert matches[1].distance_km == pytest.approx(6.0, abs=0.1)
    assert {"code": "distance", "text": "Het werk is 6 km van je huis", "fits": True} in matches[1].reasons


def test_reasons_follow_the_active_language(world, seeker, skills):
    published_role(world, skills=skills[:2])
    with translation.override("en"):
        texts = [reason["text"] for reason in matching.roles_for_seeker(seeker=seeker)[0].reasons]
    assert "You have 2 of the 2 skills" in texts
    assert "This is a step further than what you do now: paid work with support" in texts


def test_roles_for_seeker_only_offers_published_roles_of_their_own_municipality(world, seeker, skills):
    own = published_role(world, skills=skills[:1])
    published_role(world, organisation=factories.OrganisationFactory(municipality=world.municipality_b))
    factories.RoleFactory(organisation=world.organisation_a, status=RoleStatus.DRAFT)
    assert role_ids(matching.roles_for_seeker(seeker=seeker)) == [own.pk]


def test_k_limits_the_number_of_roles(world, seeker):
    for _ in range(4):
        published_role(world)
    assert len(matching.roles_for_seeker(seeker=seeker, k=3)) == 3
    assert matching.roles_for_seeker(seeker=seeker, k=0) == []


def test_seeker_without_home_location_gets_no_roles_and_a_clear_reason(world, seeker):
    published_role(world)
    JobSeeker.objects.filter(pk=seeker.pk).update(latitude=None, longitude=None, home_postcode="")
    seeker.refresh_from_db()
    assert matching.roles_for_seeker(seeker=seeker) == []
    assert {"code": "no_home_location", "text": "We weten nog niet waar je woont", "fits": False} in (
        matching.seeker_match_problems(seeker=seeker))


def test_seeker_without_hours_gets_no_roles_and_a_clear_reason(world, seeker):
    published_role(world)
    JobSeeker.objects.filter(pk=seeker.pk).update(hours_min=None, hours_max=None)
    seeker.refresh_from_db()
    assert matching.roles_for_seeker(seeker=seeker) == []
    problems = matching.seeker_match_problems(seeker=seeker)
    assert "We weten nog niet hoeveel uur je wilt werken" in [p["text"] for p in problems]


def test_seeker_without_skills_is_still_matched_and_told_to_record_skills(world, skills):
    role = published_role(world, skills=skills[:1])
    matches = matching.roles_for_seeker(seeker=world.seeker)
    assert role_ids(matches) == [role.pk]
    assert {"code": "no_skills", "text": "Je hebt nog geen vaardigheden ingevuld", "fits": False} in matches[0].reasons
    assert [p["code"] for p in matching.seeker_match_problems(seeker=world.seeker)] == ["no_skills"]


def test_a_role_with_every_place_taken_is_not_offered_and_why_not_says_so(world, seeker):
    role = published_role(world, places=1)
    other = factories.JobSeekerFactory(municipality=world.municipality_a)
    Application.objects.create(seeker=other, role=role, status=ApplicationStatus.TRIAL,
                               seat=RoleSeat.objects.create(role=role, number=1), introduced_at=timezone.now())
    assert matching.roles_for_seeker(seeker=seeker) == []
    assert matching.why_not(seeker=seeker, role=role) == [{"code": "no_places_left",
                                                            "text": "Alle plekken zijn al bezet", "fits": False}]


def test_a_role_at_the_requesters_address_is_measured_from_the_request_area(world, seeker):
    role = published_role(world, at_requester_address=True, latitude=52.37 + 25 * KM_NORTH)
    assert matching.roles_for_seeker(seeker=seeker) == []
    assert [reason["code"] for reason in matching.why_not(seeker=seeker, role=role)] == ["too_far"]


def test_why_not_lists_every_rule_a_pair_fails_and_nothing_for_a_match(world, seeker):
    fitting = published_role(world)
    demanding = published_role(world, hours_min=30, hours_max=36, weekdays=int(Weekday.SAT))
    assert matching.why_not(seeker=seeker, role=fitting) == []
    assert matching.why_not(seeker=seeker, role=demanding) == [
        {"code": "hours_not_available", "text": "Dit werk is minstens 30 uur per week. Jij kunt hoogstens 24 uur",
         "fits": False},
        {"code": "no_common_weekday",
         "text": "Het werk is op zaterdag. Jij kunt op maandag, dinsdag, woensdag, donderdag, vrijdag", "fits": False},
    ]


def test_why_not_for_a_role_in_another_municipality_says_so(world, seeker):
    elsewhere = published_role(world, organisation=factories.OrganisationFactory(municipality=world.municipality_b))
    assert [reason["code"] for reason in matching.why_not(seeker=seeker, role=elsewhere)] == ["other_municipality"]


def test_a_ladder_override_lets_a_seeker_reach_a_role_two_rungs_up(world, seeker):
    paid_work = published_role(world, target_rung=6)
    assert matching.roles_for_seeker(seeker=seeker) == []
    assert [reason["code"] for reason in matching.why_not(seeker=seeker, role=paid_work)] == ["rung_gap"]
    LadderOverride.objects.create(seeker=seeker, role=paid_work, granted_by=world.caseworker_a, reason="Klaar voor")
    matches = matching.roles_for_seeker(seeker=seeker)
    assert role_ids(matches) == [paid_work.pk]
    assert "Je klantmanager vindt deze stap goed voor je: betaald werk" in [
        reason["text"] for reason in matches[0].reasons]
    assert matching.why_not(seeker=seeker, role=paid_work) == []


def test_municipality_weights_change_the_ranking(world, seeker, skills):
    skilled_but_farther = published_role(world, skills=skills[:2], latitude=52.37 + 8 * KM_NORTH)
    unskilled_at_the_door = published_role(world, skills=[skills[2]])
    assert role_ids(matching.roles_for_seeker(seeker=seeker)) == [skilled_but_farther.pk, unskilled_at_the_door.pk]
    world.municipality_a.matching_weights = {"distance": 200, "required_skills": 0}
    world.municipality_a.save()
    assert role_ids(matching.roles_for_seeker(seeker=seeker)) == [unskilled_at_the_door.pk, skilled_but_farther.pk]


def test_broken_weights_do_not_break_the_seekers_page(world, seeker):
    published_role(world)
    world.municipality_a.matching_weights = {"distanse": 20}
    world.municipality_a.save()
    assert len(matching.roles_for_seeker(seeker=seeker)) == 1


# Candidates --------------------------------------------------------------------------------------------------


@pytest.fixture
def role_with_candidates(world, seeker, skills):
    role = published_role(world, skills=skills[:2])
    hidden = factories.JobSeekerFactory(municipality=world.municipality_a, card_visible=False, first_name="Verborgen")
    factories.SeekerSkillFactory(seeker=hidden, skill=skills[0], level=3)
    factories.JobSeekerFactory(municipality=world.municipality_b)  # same place, other municipality
    return role, hidden


def test_employer_gets_anonymous_cards_of_consenting_seekers_with_encrypted_references(world, role_with_candidates):
    role, _hidden = role_with_candidates
    candidates = matching.candidates_for_role(role=role, actor=actor_for(world.employer_a))
    assert len(candidates) == 1
    candidate = candidates[0]
    card = candidate.card
    assert candidate.seeker is None
    assert card.for_employer
    assert [skill.name for skill in card.skills] == ["Inpakken", "Schoonmaken"]
    assert (card.hours_min, card.hours_max, card.weekdays) == (8, 24, int(Weekday.MON | Weekday.TUE | Weekday.WED
                                                                          | Weekday.THU | Weekday.FRI))
    assert (card.distance_band, card.distance_km, card.language_level) == ("0–5 km", None, "B1")
    assert not hasattr(card, "rung")
    with translation.override("en"):
        card = matching.candidates_for_role(role=role, actor=actor_for(world.employer_a))[0].card
    assert card.skills[0].level_label == "Routine: can do it independently"
    assert str(world.seeker.pk) != candidate.candidate_ref
    assert {"code": "skills", "text": "De kandidaat heeft 2 van de 2 gevraagde vaardigheden", "fits": True} in (
        candidate.reasons)
    assert matching.seeker_for_candidate_ref(actor=actor_for(world.employer_a), role=role,
                                             candidate_ref=candidate.candidate_ref) == world.seeker


def test_employer_cards_name_no_rung_and_give_the_distance_as_a_band_only(world, role_with_candidates):
    role, _hidden = role_with_candidates
    JobSeeker.objects.filter(pk=world.seeker.pk).update(latitude=52.37 + 3.3 * KM_NORTH, support_needs=1)
    Role.objects.filter(pk=role.pk).update(support_offered=1)  # a job coach
    role.refresh_from_db()

    candidate = matching.candidates_for_role(role=role, actor=actor_for(world.employer_a))[0]
    mine = matching.roles_for_seeker(seeker=JobSeeker.objects.get(pk=world.seeker.pk))[0]

    assert {"code": "distance", "text": "Het werk is 3,3 km van je huis", "fits": True} in mine.reasons
    assert "ladder" in [reason["code"] for reason in mine.reasons]
    codes = [reason["code"] for reason in candidate.reasons]
    assert "ladder" not in codes and "distance" not in codes
    assert {"code": "distance_band", "text": f"De kandidaat woont {candidate.card.distance_band} van het werk",
            "fits": True} in candidate.reasons
    assert candidate.card.support_needs == 1
    assert not any("stap" in reason["text"] or "3,3" in reason["text"] for reason in candidate.reasons)


def test_the_employers_score_leaves_out_the_ladder_step(world, role_with_candidates):
    role, _hidden = role_with_candidates
    employer, caseworker = actor_for(world.employer_a), actor_for(world.caseworker_a)

    def employer_score():
        return matching.candidates_for_role(role=role, actor=employer)[0].score

    before = employer_score()
    JobSeeker.objects.filter(pk=world.seeker.pk).update(rung=5)  # the role's rung: "same" instead of "next"
    caseworker_scores = {c.seeker: c.score for c in matching.candidates_for_role(role=role, actor=caseworker)}

    assert employer_score() == before
    assert caseworker_scores[world.seeker] < 100


def test_caseworker_gets_every_active_seeker_with_the_person(world, role_with_candidates):
    role, hidden = role_with_candidates
    candidates = matching.candidates_for_role(role=role, actor=actor_for(world.caseworker_a))
    assert {candidate.seeker for candidate in candidates} == {world.seeker, hidden}
    assert {candidate.candidate_ref for candidate in candidates} == {str(world.seeker.pk), str(hidden.pk)}


def test_another_employer_or_municipality_gets_no_candidates(world, role_with_candidates):
    role, _hidden = role_with_candidates
    for user in (world.employer_b, world.caseworker_b, world.seeker_user):
        with pytest.raises(NotYourOrganisation):
            matching.candidates_for_role(role=role, actor=actor_for(user))


def test_a_candidate_reference_only_works_for_its_role_and_cannot_be_forged(world, role_with_candidates):
    role, hidden = role_with_candidates
    employer = actor_for(world.employer_a)
    ref = matching.candidates_for_role(role=role, actor=employer)[0].candidate_ref
    other_role = published_role(world)
    assert matching.seeker_for_candidate_ref(actor=employer, role=other_role, candidate_ref=ref) is None
    assert matching.seeker_for_candidate_ref(actor=employer, role=role, candidate_ref=ref + "x") is None
    assert matching.seeker_for_candidate_ref(actor=employer, role=role, candidate_ref=str(world.seeker.pk)) is None
    caseworker = actor_for(world.caseworker_a)
    assert matching.seeker_for_candidate_ref(actor=caseworker, role=role, candidate_ref=str(hidden.pk)) == hidden


# The adapter --------------------------------------------------------------------------------------------------


def many(world, skills, n: int) -> None:
    for i in range(n):
        seeker = factories.JobSeekerFactory(municipality=world.municipality_a)
        factories.SeekerSkillFactory(seeker=seeker, skill=skills[i % 3])
        seeker.interests.add(skills[0].category)
        published_role(world, skills=[skills[i % 3]], places=2)


@pytest.mark.parametrize("n", [5, 50])
def test_the_adapter_uses_a_constant_number_of_queries(world, skills, n, django_assert_num_queries):
    many(world, skills, n)
    seekers_qs = JobSeeker.objects.for_municipality(world.municipality_a)
    roles_qs = Role.objects.for_municipality(world.municipality_a)
    with django_assert_num_queries(6):
        index = skill_index()
        seekers, roles = seeker_set(seekers_qs, index), role_set(roles_qs, index)
    assert len(seekers) == n + 1
    assert len(roles) == n
    assert int(roles.places_left.sum()) == 2 * n
    assert int(seekers.n_skills_held.sum()) == n
    assert int((seekers.interests != 0).sum()) == n


def test_the_adapter_reads_no_protected_personal_or_sensitive_column(world, skills):
    many(world, skills, 3)
    with CaptureQueriesContext(connection) as queries:
        index = skill_index()
        seeker_set(JobSeeker.objects.all(), index)
        role_set(Role.objects.all(), index)
    sql = " ".join(query["sql"] for query in queries.captured_queries).lower()
    for column in ("date_of_birth", "first_name", "last_name", "email", "phone", "home_postcode", "motivation",
                   "seekerburden", "debts", "health", "street_address", "preferred_language"):
        assert column not in sql


def test_changing_a_seekers_date_of_birth_changes_no_score(world, seeker, skills):
    role = published_role(world, skills=skills[:2])
    published_role(world, skills=skills[1:], latitude=52.37 + 3 * KM_NORTH)

    def scores():
        mine = [(match.role.pk, match.score) for match in matching.roles_for_seeker(seeker=seeker)]
        cards = [candidate.score for candidate in matching.candidates_for_role(role=role,
                                                                             actor=actor_for(world.caseworker_a))]
        return mine, cards

    before = scores()
    for birthday in (datetime.date(1950, 1, 1), datetime.date(2005, 12, 31), None):
        JobSeeker.objects.filter(pk=seeker.pk).update(date_of_birth=birthday)
        assert scores() == before


def test_stored_reasons_are_read_in_the_readers_own_wording(world, seeker, skills):
    from marketplace.selectors.candidates import application_card

    role = published_role(world, skills=skills[:2])
    stored = [{"code": "skills", "params": {"matched": 2, "partial": 0, "required": 2},
               "text": "2 van 2 vaardigheden", "text_en": "2 of 2 skills"},
              {"code": "ladder", "params": {"step": "next", "target_rung": 5},
               "text": "volgende trede: betaald werk met ondersteuning",
               "text_en": "next rung: paid work with support"}]  # as stored before the texts were reworded
    application = Application.objects.create(seeker=seeker, role=role, status=ApplicationStatus.SUGGESTED,
                                             reasons=stored)

    employer = application_card(actor=actor_for(world.employer_a), application=application).reasons
    own = application_card(actor=actor_for(world.seeker_user), application=application).reasons

    assert employer == ({"code": "skills", "text": "De kandidaat heeft 2 van de 2 gevraagde vaardigheden",
                         "fits": True},)
    assert {"code": "skills", "text": "Je hebt 2 van de 2 vaardigheden", "fits": True} in own
    assert "Dit is een stap verder dan wat je nu doet: betaald werk met ondersteuning" in [r["text"] for r in own]
