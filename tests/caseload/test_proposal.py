"""The category proposal as a plain rule: a table of cases a caseworker recognises, and properties over all inputs."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marketplace.caseload.approach import months_before
from marketplace.caseload.proposal import (
    ACUTE_CARE_NEED,
    CARE_DOMAINS,
    CARE_FIRST,
    DIRECT_TO_WORK,
    KEYS,
    LOW_SCORES,
    NO_ASSESSMENT,
    PARTICIPATION_FIRST,
    REASONS,
    RUNG_ISOLATED,
    RUNG_PAID_WORK,
    RUNG_PARTICIPATION,
    RUNG_UNPAID_WORK,
    SCORES_SUFFICIENT,
    SEVERAL_BARELY,
    WORK_WITH_SUPPORT,
    propose_category,
)

DOMAINS = ("income", "debts", "daily_activities", "housing", "family_relations", "mental_health",
           "physical_health", "social_network", "language")
ALL_FOUR = {domain: 4 for domain in DOMAINS}


@pytest.mark.parametrize(("rung", "scores", "key", "reasons"), [
    (6, ALL_FOUR, DIRECT_TO_WORK, (RUNG_PAID_WORK, SCORES_SUFFICIENT)),
    (5, {**ALL_FOUR, "language": 3}, DIRECT_TO_WORK, (RUNG_PAID_WORK, SCORES_SUFFICIENT)),
    (6, {}, DIRECT_TO_WORK, (RUNG_PAID_WORK, NO_ASSESSMENT)),
    (6, {**ALL_FOUR, "language": 3, "income": 3}, WORK_WITH_SUPPORT, (RUNG_PAID_WORK, SEVERAL_BARELY)),
    (5, {**ALL_FOUR, "social_network": 2}, WORK_WITH_SUPPORT, (RUNG_PAID_WORK, LOW_SCORES)),
    (6, {**ALL_FOUR, "language": 1}, WORK_WITH_SUPPORT, (RUNG_PAID_WORK, LOW_SCORES)),
    (4, ALL_FOUR, WORK_WITH_SUPPORT, (RUNG_UNPAID_WORK,)),
    (4, {}, WORK_WITH_SUPPORT, (RUNG_UNPAID_WORK, NO_ASSESSMENT)),
    (3, ALL_FOUR, PARTICIPATION_FIRST, (RUNG_PARTICIPATION,)),
    (2, {**ALL_FOUR, "debts": 2}, PARTICIPATION_FIRST, (RUNG_PARTICIPATION,)),
    (1, ALL_FOUR, CARE_FIRST, (RUNG_ISOLATED,)),
    (6, {**ALL_FOUR, "debts": 1}, CARE_FIRST, (ACUTE_CARE_NEED,)),
    (3, {**ALL_FOUR, "mental_health": 1}, CARE_FIRST, (ACUTE_CARE_NEED,)),
    (1, {"housing": 1}, CARE_FIRST, (RUNG_ISOLATED, ACUTE_CARE_NEED)),
    (1, {}, CARE_FIRST, (RUNG_ISOLATED, NO_ASSESSMENT)),
    (5, {"debts": None, "language": None}, DIRECT_TO_WORK, (RUNG_PAID_WORK, NO_ASSESSMENT)),
])
def test_the_proposal_follows_the_documented_rule(rung, scores, key, reasons):
    assert propose_category(rung, scores) == (key, reasons)


scores_strategy = st.dictionaries(st.sampled_from(DOMAINS), st.one_of(st.none(), st.integers(1, 5)))


@given(rung=st.integers(1, 6), scores=scores_strategy)
def test_every_proposal_is_a_known_category_with_known_reasons(rung, scores):
    key, reasons = propose_category(rung, scores)

    assert key in KEYS
    assert reasons and set(reasons) <= set(REASONS)


@given(rung=st.integers(1, 6), scores=scores_strategy, domain=st.sampled_from(sorted(CARE_DOMAINS)))
def test_an_acute_care_domain_always_puts_care_first(rung, scores, domain):
    assert propose_category(rung, {**scores, domain: 1})[0] == CARE_FIRST


@given(rung=st.integers(2, 6), scores=scores_strategy)
def test_care_first_above_rung_1_only_comes_from_an_acute_care_domain(rung, scores):
    key, reasons = propose_category(rung, scores)

    acute = any(scores.get(domain) == 1 for domain in CARE_DOMAINS)
    assert (key == CARE_FIRST) == acute
    assert (ACUTE_CARE_NEED in reasons) == acute


@given(rung=st.integers(1, 6), scores=scores_strategy)
def test_direct_to_work_never_with_a_low_score_or_below_rung_5(rung, scores):
    key, _reasons = propose_category(rung, scores)

    if key == DIRECT_TO_WORK:
        assert rung >= 5
        assert all(score is None or score >= 3 for score in scores.values())


@given(rung=st.integers(1, 6), scores=scores_strategy)
def test_a_reason_never_names_a_domain_or_a_score(rung, scores):
    _key, reasons = propose_category(rung, scores)

    assert not any(domain in reason for reason in reasons for domain in DOMAINS)
    assert not any(character.isdigit() for reason in reasons for character in reason)


@given(rung=st.integers(1, 6), scores=scores_strategy)
def test_leaving_a_domain_unscored_is_the_same_as_not_sending_it(rung, scores):
    sent = {domain: score for domain, score in scores.items() if score is not None}

    assert propose_category(rung, scores) == propose_category(rung, sent)


@pytest.mark.parametrize("rung", [0, 7, -1])
def test_a_rung_outside_the_ladder_is_refused(rung):
    with pytest.raises(ValueError):
        propose_category(rung, {})


def test_the_care_domains_are_life_domains_of_the_assessment():
    from marketplace.models.assessments import DOMAINS as MODEL_DOMAINS

    assert set(DOMAINS) == set(MODEL_DOMAINS)
    assert set(MODEL_DOMAINS) >= CARE_DOMAINS


@pytest.mark.parametrize(("day", "months", "expected"), [
    (datetime.date(2026, 12, 5), 6, datetime.date(2026, 6, 5)),
    (datetime.date(2026, 3, 31), 1, datetime.date(2026, 2, 28)),
    (datetime.date(2024, 3, 31), 1, datetime.date(2024, 2, 29)),
    (datetime.date(2026, 1, 15), 18, datetime.date(2024, 7, 15)),
    (datetime.date(2026, 12, 5), 12, datetime.date(2025, 12, 5)),
])
def test_months_before_counts_calendar_months(day, months, expected):
    assert months_before(day, months) == expected
