"""Soft score: each component on its own, the ladder preference, weights and deterministic ties."""

import math

import numpy as np
import pytest

from marketplace.constants import Rung, Weekday
from marketplace.matching import COMPONENTS, Weights, top_roles_for_seeker, top_seekers_for_role, why_not

from . import build, north, role, seeker


def match_of(s, r, weights=None, **kwargs):
    extra = {} if weights is None else {"weights": weights}
    result = why_not(*build([s], [r]), s.id, r.id, **extra, **kwargs)
    assert result.match is not None, [x.code for x in result.exclusions]
    return result.match


def reason_texts(match, code):
    return [(x.text_nl, x.text_en) for x in match.reasons if x.code == code]


def reason_fits(match, code):
    return [x.fits for x in match.reasons if x.code == code]


def test_required_skill_at_or_above_level_counts_fully_one_level_below_half_otherwise_nothing():
    r = role(required_skills={101: 2, 201: 3, 202: 1})
    s = seeker(skills={101: 3, 201: 2})
    m = match_of(s, r)
    assert m.components["required_skills"] == 0.5  # (1 + 0.5 + 0) / 3
    assert reason_texts(m, "skills") == [
        ("Je hebt 1 van de 3 vaardigheden. Bij 1 vaardigheid zit je net onder het niveau",
         "You have 1 of the 3 skills. For 1 skill you are one level below")
    ]
    assert reason_fits(m, "skills") == [False]


def test_missing_basic_skill_is_not_counted_as_one_level_below():
    m = match_of(seeker(skills={}), role(required_skills={101: 1}))
    assert m.components["required_skills"] == 0.0


def test_all_required_skills_give_full_coverage_and_a_plain_reason():
    m = match_of(seeker(skills={101: 2, 201: 3}), role(required_skills={101: 2, 201: 1}))
    assert m.components["required_skills"] == 1.0
    assert reason_texts(m, "skills") == [("Je hebt 2 van de 2 vaardigheden", "You have 2 of the 2 skills")]
    assert reason_fits(m, "skills") == [True]


def test_role_without_required_skills_counts_as_fully_covered():
    m = match_of(seeker(skills={}), role(required_skills={}, nice_skills={}))
    assert m.components["required_skills"] == 1.0
    assert m.components["nice_skills"] == 1.0
    assert reason_texts(m, "no_required_skills") == [
        ("Voor dit werk heb je geen speciale vaardigheden nodig", "This work needs no special skills")
    ]


def test_nice_to_have_skills_are_scored_like_required_ones():
    m = match_of(seeker(skills={101: 2, 202: 1}), role(nice_skills={202: 2, 301: 1}))
    assert m.components["nice_skills"] == 0.25  # (0.5 + 0) / 2
    assert reason_texts(m, "nice_skills") == [
        ("Je hebt nog geen van de extra vaardigheden die handig zijn",
         "You do not have any of the useful extra skills yet")
    ]
    assert reason_fits(m, "nice_skills") == [False]
    held = match_of(seeker(skills={202: 2}), role(nice_skills={202: 2, 301: 1}))
    assert reason_texts(held, "nice_skills") == [
        ("Je hebt ook 1 van de 2 extra vaardigheden", "You also have 1 of the 2 extra skills")
    ]
    assert reason_fits(held, "nice_skills") == [True]


def test_hours_fit_is_the_share_of_the_role_hours_the_seeker_can_offer():
    m = match_of(seeker(hours_min=8.0, hours_max=12.0), role(hours_min=12.0, hours_max=16.0))
    assert m.components["hours"] == 0.75
    assert reason_texts(m, "hours") == [(
        "Je werkt hier 12 uur, dat past bij je. Meer uren kan ook, tot 16 uur",
        "You work 12 hours here, which suits you. More hours are possible, up to 16",
    )]
    assert match_of(seeker(hours_max=32.0), role()).components["hours"] == 1.0


def test_weekday_overlap_is_the_share_of_the_role_days_the_seeker_can_do():
    days = int(Weekday.MON | Weekday.TUE | Weekday.WED | Weekday.THU)
    m = match_of(
        seeker(weekdays=int(Weekday.MON | Weekday.TUE | Weekday.WED | Weekday.SAT)), role(weekdays=days)
    )
    assert m.components["weekdays"] == 0.75
    assert reason_texts(m, "weekdays") == [("Je kunt op 3 van de 4 werkdagen", "You can work on 3 of the 4 days")]
    assert reason_fits(m, "weekdays") == [False]


def test_distance_scores_one_at_the_door_and_falls_linearly_to_zero_at_the_radius():
    near = match_of(seeker(max_km=10.0), role(lat=north(4.2)))
    assert near.components["distance"] == pytest.approx(0.58, abs=1e-3)
    assert reason_texts(near, "distance") == [("Het werk is 4,2 km van je huis", "The work is 4.2 km from your home")]
    assert match_of(seeker(max_km=10.0), role(lat=north(0.0))).components["distance"] == 1.0
    assert match_of(seeker(max_km=10.0), role(lat=north(9.999))).components["distance"] < 0.001


def test_interest_in_a_category_of_the_role_scores_one_else_zero():
    interested = match_of(seeker(interests=frozenset({1})), role(required_skills={101: 1}))
    assert interested.components["interests"] == 1.0
    assert reason_texts(interested, "interests") == [
        ("Het werk past bij wat je leuk vindt", "The work matches what you like")
    ]
    other = match_of(seeker(interests=frozenset({3})), role(required_skills={101: 1}, nice_skills={}))
    assert other.components["interests"] == 0.0
    assert reason_texts(other, "interests") == []


@pytest.mark.parametrize(
    ("seeker_rung", "target", "component", "text_nl"),
    [
        (
            Rung.UNPAID_WORK,
            Rung.PAID_WORK_WITH_SUPPORT,
            1.0,
            "Dit is een stap verder dan wat je nu doet: betaald werk met ondersteuning",
        ),
        (
            Rung.PAID_WORK_WITH_SUPPORT,
            Rung.PAID_WORK_WITH_SUPPORT,
            0.7,
            "Dit werk past bij wat je nu doet: betaald werk met ondersteuning",
        ),
        (Rung.PAID_WORK, Rung.UNPAID_WORK, 0.3, "Dit werk vraagt minder dan wat je nu doet: onbetaald werk"),
    ],
)
def test_ladder_component_by_step(seeker_rung, target, component, text_nl):
    m = match_of(seeker(rung=int(seeker_rung)), role(target_rung=int(target)))
    assert m.components["ladder"] == component
    assert [nl for nl, _ in reason_texts(m, "ladder")] == [text_nl]


def test_ladder_jump_allowed_by_override_scores_half():
    m = match_of(
        seeker(rung=int(Rung.SOCIAL_CONTACTS)), role(target_rung=int(Rung.PAID_WORK)), overrides=[(1, 10)]
    )
    assert m.components["ladder"] == 0.5
    assert reason_texts(m, "ladder") == [
        ("Je klantmanager vindt deze stap goed voor je: betaald werk",
         "Your caseworker thinks this step is good for you: paid work")
    ]


def test_next_rung_ranks_above_same_rung_above_lower_rung():
    s = seeker(rung=int(Rung.UNPAID_WORK))
    roles = [
        role(id=11, target_rung=int(Rung.ORGANISED_ACTIVITIES)),
        role(id=12, target_rung=int(Rung.UNPAID_WORK)),
        role(id=13, target_rung=int(Rung.PAID_WORK_WITH_SUPPORT)),
    ]
    ranked = top_roles_for_seeker(*build([s], roles), 1)
    assert [m.role_id for m in ranked] == [13, 12, 11]


def test_score_is_the_normalised_weighted_sum_of_the_components_in_points():
    m = match_of(seeker(), role(lat=north(4.2)))
    weights = Weights().normalised()
    expected = 100 * sum(w * m.components[name] for w, name in zip(weights, COMPONENTS, strict=True))
    assert m.score == pytest.approx(expected, abs=0.06)
    assert m.score == round(m.score, 1)
    only_distance = Weights(**{name: 0.0 for name in COMPONENTS} | {"distance": 3.0})
    assert match_of(seeker(), role(lat=north(4.2)), weights=only_distance).score == 58.0


def test_municipality_weights_change_the_ranking():
    s = seeker()
    skilled_far = role(id=11, lat=north(8.0), required_skills={101: 2})
    unskilled_near = role(id=12, lat=north(0.5), required_skills={301: 3})
    seekers_set, roles_set = build([s], [skilled_far, unskilled_near])
    default = [m.role_id for m in top_roles_for_seeker(seekers_set, roles_set, 1)]
    distance_first = Weights.from_overrides({"distance": 200})
    nearby = [m.role_id for m in top_roles_for_seeker(seekers_set, roles_set, 1, weights=distance_first)]
    assert default == [11, 12]
    assert nearby == [12, 11]


@pytest.mark.parametrize(
    "overrides",
    [
        {"distanse": 1},
        {"distance": -1},
        {"distance": math.nan},
        {"distance": math.inf},
        {"distance": True},
        {"distance": "5"},
    ],
)
def test_invalid_weight_overrides_are_rejected(overrides):
    with pytest.raises(ValueError):
        Weights.from_overrides(overrides)


def test_all_zero_weights_are_rejected():
    with pytest.raises(ValueError):
        Weights.from_overrides({name: 0 for name in COMPONENTS})


def test_weights_are_normalised():
    assert Weights.from_overrides({"ladder": 85}).normalised().sum() == pytest.approx(1.0)
    assert Weights.from_overrides(None) == Weights()


def test_equal_scores_rank_by_id_ascending():
    twins = [seeker(id=7), seeker(id=3), seeker(id=5)]
    seeker_set, role_set = build(twins, [role()])
    ranked = top_seekers_for_role(seeker_set, role_set, 10, k=3)
    assert [m.seeker_id for m in ranked] == [3, 5, 7]
    assert len({m.score for m in ranked}) == 1
    assert [m.seeker_id for m in top_seekers_for_role(seeker_set, role_set, 10, k=2)] == [3, 5]
    same_roles = [role(id=30), role(id=20), role(id=25)]
    assert [m.role_id for m in top_roles_for_seeker(*build([seeker()], same_roles), 1, k=2)] == [20, 25]


def test_tiebreak_keys_order_equal_scores_instead_of_the_ids():
    twins = [seeker(id=7), seeker(id=3), seeker(id=5), seeker(id=9, lat=north(1.0))]
    seeker_set, role_set = build(twins, [role()])
    keys = np.array([2, 0, 1, 3])  # aligned with the seeker set, which is in the order given

    ranked = top_seekers_for_role(seeker_set, role_set, 10, k=4, tiebreak=keys)

    assert [m.seeker_id for m in ranked] == [9, 3, 5, 7]  # the nearer seeker first, then the twins by key
    reversed_keys = top_seekers_for_role(seeker_set, role_set, 10, k=2, tiebreak=keys.max() - keys)
    assert [m.seeker_id for m in reversed_keys] == [9, 7]


def test_results_are_sorted_by_score_descending():
    roles = [role(id=i, lat=north(0.5 * i)) for i in range(20, 40)]
    ranked = top_roles_for_seeker(*build([seeker(max_km=25.0)], roles), 1, k=20)
    scores = [m.score for m in ranked]
    assert scores == sorted(scores, reverse=True)
    assert [m.role_id for m in ranked] == list(range(20, 40))


def test_engine_scores_are_float32_on_the_score_grid():
    from marketplace.matching import SCORE_SCALE, feasible_pairs

    pairs = feasible_pairs(*build([seeker(id=i) for i in range(1, 6)], [role(lat=north(3.3))]))
    assert pairs.score.dtype == np.float32
    units = pairs.score.astype(np.float64) * SCORE_SCALE
    assert np.array_equal(units, np.round(units))
