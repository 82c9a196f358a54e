"""Hard constraints: each rule excludes a pair that passes every other rule, with its own reason."""

import pytest

from marketplace.constants import LanguageLevel, Physical, Rung, Support, Weekday
from marketplace.matching import (
    EXCLUSION_CODES,
    feasible_pairs,
    seeker_blockers,
    top_roles_for_seeker,
    top_seekers_for_role,
    why_not,
)

from . import CENTRE_LON, build, north, role, seeker


def codes(seekers, roles, seeker_id=1, role_id=10, **kwargs):
    return [r.code for r in why_not(*build(seekers, roles), seeker_id, role_id, **kwargs).exclusions]


def is_proposed(seekers, roles, seeker_id=1, role_id=10):
    seeker_set, role_set = build(seekers, roles)
    by_role = top_seekers_for_role(seeker_set, role_set, role_id, require_card_consent=False)
    by_seeker = top_roles_for_seeker(seeker_set, role_set, seeker_id)
    in_round = len(feasible_pairs(seeker_set, role_set)) > 0
    found = [seeker_id in [m.seeker_id for m in by_role], role_id in [m.role_id for m in by_seeker], in_round]
    assert len(set(found)) == 1, f"queries disagree: {found}"
    return found[0]


def test_the_base_pair_passes_every_rule():
    assert codes([seeker()], [role()]) == []
    assert is_proposed([seeker()], [role()])


def test_role_beyond_travel_distance_is_excluded_with_distance_reason():
    far = role(lat=north(14.3))
    result = why_not(*build([seeker(max_km=10.0)], [far]), 1, 10)
    assert [r.code for r in result.exclusions] == ["too_far"]
    assert result.exclusions[0].text_nl == "Het werk is 14,3 km van je huis. Je wilt niet verder dan 10 km"
    assert result.exclusions[0].text_en == "The work is 14.3 km from your home. You want at most 10 km"
    assert not is_proposed([seeker(max_km=10.0)], [far])


def test_role_just_inside_travel_distance_is_feasible():
    assert codes([seeker(max_km=10.0)], [role(lat=north(9.99))]) == []


def test_role_needing_more_hours_than_the_seeker_has_is_excluded():
    busy = seeker(hours_min=4.0, hours_max=8.0)
    result = why_not(*build([busy], [role(hours_min=12.0, hours_max=16.0)]), 1, 10)
    assert [r.code for r in result.exclusions] == ["hours_not_available"]
    assert result.exclusions[0].text_nl == "Dit werk is minstens 12 uur per week. Jij kunt hoogstens 8 uur"
    assert not is_proposed([busy], [role(hours_min=12.0, hours_max=16.0)])


def test_role_offering_fewer_hours_than_the_seeker_needs_is_excluded():
    needs_many = seeker(hours_min=20.0, hours_max=32.0)
    assert codes([needs_many], [role(hours_min=4.0, hours_max=8.0)]) == ["hours_too_few"]
    assert not is_proposed([needs_many], [role(hours_min=4.0, hours_max=8.0)])


def test_touching_hour_ranges_are_feasible():
    assert codes([seeker(hours_min=4.0, hours_max=12.0)], [role(hours_min=12.0, hours_max=16.0)]) == []


def test_no_common_weekday_is_excluded():
    weekend = seeker(weekdays=int(Weekday.SAT | Weekday.SUN))
    result = why_not(*build([weekend], [role(weekdays=int(Weekday.MON))]), 1, 10)
    assert [r.code for r in result.exclusions] == ["no_common_weekday"]
    assert result.exclusions[0].text_nl == "Het werk is op maandag. Jij kunt op zaterdag, zondag"
    assert not is_proposed([weekend], [role(weekdays=int(Weekday.MON))])


def test_language_below_requirement_is_excluded():
    a2 = seeker(language=int(LanguageLevel.A2))
    b1_role = role(language_required=int(LanguageLevel.B1))
    result = why_not(*build([a2], [b1_role]), 1, 10)
    assert [r.code for r in result.exclusions] == ["language_below_required"]
    assert result.exclusions[0].text_nl == "Dit werk vraagt Nederlands op niveau B1. Jij hebt nu niveau A2"
    assert not is_proposed([a2], [b1_role])


def test_language_below_requirement_is_fine_when_the_role_offers_language_support():
    a2 = seeker(language=int(LanguageLevel.A2))
    supported = role(language_required=int(LanguageLevel.B1), support_offered=int(Support.LANGUAGE))
    match = why_not(*build([a2], [supported]), 1, 10).match
    assert match is not None
    assert "language_support" in [r.code for r in match.reasons]


def test_physical_demand_the_seeker_cannot_meet_is_excluded():
    no_lifting = seeker(physical_limits=int(Physical.HEAVY_LIFTING))
    lifting = role(physical_demands=int(Physical.HEAVY_LIFTING | Physical.OUTDOOR))
    result = why_not(*build([no_lifting], [lifting]), 1, 10)
    assert [r.code for r in result.exclusions] == ["physical_demand"]
    assert result.exclusions[0].text_nl == "Dit werk is te zwaar voor je lichaam: zwaar tillen"
    assert not is_proposed([no_lifting], [lifting])


def test_support_need_the_role_does_not_offer_is_excluded():
    needs_coach = seeker(support_needs=int(Support.JOB_COACH | Support.TRANSPORT))
    result = why_not(*build([needs_coach], [role(support_offered=int(Support.JOB_COACH))]), 1, 10)
    assert [r.code for r in result.exclusions] == ["support_not_offered"]
    assert result.exclusions[0].text_en == "You would not get the help you need here: transport"
    assert not is_proposed([needs_coach], [role(support_offered=int(Support.JOB_COACH))])


def test_role_more_than_one_rung_up_is_excluded():
    jump = role(target_rung=int(Rung.PAID_WORK))
    low = seeker(rung=int(Rung.ORGANISED_ACTIVITIES))
    result = why_not(*build([low], [jump]), 1, 10)
    assert [r.code for r in result.exclusions] == ["rung_gap"]
    assert result.exclusions[0].text_nl == "Dit werk is nu nog een te grote stap voor je"
    assert not is_proposed([low], [jump])


def test_caseworker_override_allows_a_larger_ladder_step():
    seekers, roles = [seeker(rung=int(Rung.ORGANISED_ACTIVITIES))], [role(target_rung=int(Rung.PAID_WORK))]
    seeker_set, role_set = build(seekers, roles)
    allowed = [(1, 10)]
    assert why_not(seeker_set, role_set, 1, 10, overrides=allowed).matchable
    assert [m.role_id for m in top_roles_for_seeker(seeker_set, role_set, 1, overrides=allowed)] == [10]
    by_role = top_seekers_for_role(seeker_set, role_set, 10, overrides=allowed)
    assert [m.seeker_id for m in by_role] == [1]
    assert len(feasible_pairs(seeker_set, role_set, overrides=allowed)) == 1


def test_override_of_another_pair_does_not_lift_the_ladder_rule():
    seekers, roles = [seeker(rung=int(Rung.ORGANISED_ACTIVITIES))], [role(target_rung=int(Rung.PAID_WORK))]
    seeker_set, role_set = build(seekers, roles)
    assert not why_not(seeker_set, role_set, 1, 10, overrides=[(1, 99), (2, 10)]).matchable
    assert len(feasible_pairs(seeker_set, role_set, overrides=[(1, 99), (2, 10)])) == 0


def test_override_does_not_lift_other_rules():
    seekers = [seeker(rung=int(Rung.ORGANISED_ACTIVITIES), max_km=1.0)]
    roles = [role(target_rung=int(Rung.PAID_WORK))]
    assert codes(seekers, roles, overrides=[(1, 10)]) == ["too_far"]
    assert len(feasible_pairs(*build(seekers, roles), overrides=[(1, 10)])) == 0


def test_role_without_places_left_is_excluded():
    assert codes([seeker()], [role(places_left=0)]) == ["no_places_left"]
    assert not is_proposed([seeker()], [role(places_left=0)])


def test_unpublished_role_is_excluded():
    assert codes([seeker()], [role(published=False)]) == ["role_not_published"]
    assert not is_proposed([seeker()], [role(published=False)])


def test_inactive_seeker_is_excluded():
    assert codes([seeker(active=False)], [role()]) == ["seeker_inactive"]
    assert not is_proposed([seeker(active=False)], [role()])


def test_employer_lists_leave_out_seekers_without_card_consent():
    seeker_set, role_set = build([seeker(card_consent=False)], [role()])
    assert top_seekers_for_role(seeker_set, role_set, 10) == []
    assert [
        m.seeker_id for m in top_seekers_for_role(seeker_set, role_set, 10, require_card_consent=False)
    ] == [1]
    result = why_not(seeker_set, role_set, 1, 10, require_card_consent=True)
    assert [r.code for r in result.exclusions] == ["no_card_consent"]


def test_seeker_without_home_location_is_excluded_with_a_clear_reason():
    homeless = seeker(lat=None, lon=None)
    result = why_not(*build([homeless], [role()]), 1, 10)
    assert [r.code for r in result.exclusions] == ["no_home_location"]
    assert result.exclusions[0].text_nl == "We weten nog niet waar je woont"
    assert not is_proposed([homeless], [role()])
    assert [r.code for r in seeker_blockers(build([homeless], [role()])[0], 1)] == ["no_home_location"]


def test_seeker_without_hours_is_excluded_with_a_clear_reason():
    unknown_hours = seeker(hours_min=0.0, hours_max=0.0)
    result = why_not(*build([unknown_hours], [role()]), 1, 10)
    assert [r.code for r in result.exclusions] == ["no_hours"]
    assert result.exclusions[0].text_nl == "We weten nog niet hoeveel uur je wilt werken"
    assert not is_proposed([unknown_hours], [role()])


def test_seeker_without_skills_stays_matchable_with_zero_coverage_and_a_reason():
    match = why_not(*build([seeker(skills={})], [role()]), 1, 10).match
    assert match is not None
    assert match.components["required_skills"] == 0.0
    no_skills = [r for r in match.reasons if r.code == "no_skills"]
    assert [r.text_nl for r in no_skills] == ["Je hebt nog geen vaardigheden ingevuld"]
    assert is_proposed([seeker(skills={})], [role()])


def test_seeker_missing_everything_gets_every_reason_and_no_crash():
    nothing = seeker(
        lat=None, lon=None, hours_min=0.0, hours_max=0.0, skills={}, weekdays=0, interests=frozenset()
    )
    result = why_not(*build([nothing], [role()]), 1, 10)
    assert [r.code for r in result.exclusions] == ["no_home_location", "no_hours", "no_common_weekday"]
    assert not is_proposed([nothing], [role()])


def test_why_not_lists_every_failing_rule_of_a_pair():
    hopeless = seeker(
        max_km=1.0,
        hours_min=20.0,
        hours_max=32.0,
        weekdays=int(Weekday.SUN),
        language=int(LanguageLevel.A0),
        physical_limits=int(Physical.OUTDOOR),
        support_needs=int(Support.SHELTERED),
        rung=int(Rung.ISOLATED),
        active=False,
    )
    tough = role(physical_demands=int(Physical.OUTDOOR), places_left=0, published=False)
    assert codes([hopeless], [tough], require_card_consent=True) == [
        "seeker_inactive",
        "role_not_published",
        "no_places_left",
        "too_far",
        "hours_too_few",
        "no_common_weekday",
        "language_below_required",
        "physical_demand",
        "support_not_offered",
        "rung_gap",
    ]


def test_role_without_location_is_excluded():
    assert codes([seeker()], [role(lat=None, lon=None)]) == ["no_role_location"]


def test_every_exclusion_reason_has_dutch_and_english_text():
    from marketplace.matching.reasons import reason

    params = {
        "too_far": {"km": 14.3, "max_km": 10.0},
        "hours_not_available": {"role_min": 12.0, "seeker_max": 8.0},
        "hours_too_few": {"role_max": 8.0, "seeker_min": 20.0},
        "no_common_weekday": {"role_days": 1, "seeker_days": 64},
        "language_below_required": {"level": 2, "required": 3},
        "physical_demand": {"demands": 1},
        "support_not_offered": {"needs": 1},
        "rung_gap": {"rung": 2, "target_rung": 5},
    }
    for code in EXCLUSION_CODES:
        explained = reason(code, **params.get(code, {}))
        assert explained.text_nl and explained.text_en
        assert explained.text("nl") == explained.text_nl and explained.text("en") == explained.text_en
        assert explained.excludes and not explained.fits
        assert explained.employer_nl and explained.employer_en


@pytest.mark.parametrize("lon_offset", [0.0, 0.2])
def test_distance_is_haversine_with_earth_radius_6371(lon_offset):
    from marketplace.geo import haversine_km
    from marketplace.matching.engine import distance_km

    target = role(lat=north(7.0), lon=CENTRE_LON + lon_offset)
    seeker_set, role_set = build([seeker()], [target])
    expected = haversine_km(seeker().lat, seeker().lon, target.lat, target.lon)
    assert float(distance_km(seeker_set, role_set, 0, 0)) == pytest.approx(expected, abs=1e-9)
    if lon_offset == 0.0:
        assert expected == pytest.approx(7.0, abs=1e-9)
