"""The statutory minimum wage table: its amounts, its periods and the age bands, without a database."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

import pytest

from marketplace.minimum_wage import (
    ADULT_AGE,
    AGES,
    LAST_DAY,
    PERIODS,
    MinimumWageUnknown,
    age_on,
    is_provisional,
    minimum_hourly_wage,
)

D = datetime.date
# The shares of the adult amount the law gives young people (Wet minimumloon en minimumvakantiebijslag).
YOUTH_SHARES = {15: "0.30", 16: "0.345", 17: "0.395", 18: "0.50", 19: "0.60", 20: "0.80", 21: "1"}


def born(years_before: datetime.date, years: int) -> datetime.date:
    return years_before.replace(year=years_before.year - years)


def test_the_periods_follow_each_other_without_gaps_or_overlaps():
    for earlier, later in zip(PERIODS, PERIODS[1:], strict=False):
        assert later.starts == earlier.ends + datetime.timedelta(days=1)
    assert PERIODS[0].starts == D(2024, 1, 1)
    assert all(period.starts.day == 1 and period.starts.month in (1, 7) for period in PERIODS)


@pytest.mark.parametrize("period", PERIODS, ids=lambda period: period.starts.isoformat())
def test_every_age_band_is_the_legal_share_of_the_adult_amount_give_or_take_the_published_rounding(period):
    assert set(period.hourly) == set(AGES)
    adult = period.hourly[ADULT_AGE]
    for age, share in YOUTH_SHARES.items():
        computed = (adult * Decimal(share)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        assert abs(period.hourly[age] - computed) <= Decimal("0.01"), (age, period.hourly[age], computed)
    assert [period.hourly[age] for age in AGES] == sorted(period.hourly[age] for age in AGES)


@pytest.mark.parametrize(("day", "adult"), [
    (D(2024, 1, 1), "13.27"), (D(2024, 6, 30), "13.27"), (D(2024, 7, 1), "13.68"), (D(2025, 1, 1), "14.06"),
    (D(2025, 7, 1), "14.40"), (D(2025, 12, 31), "14.40"), (D(2026, 1, 1), "14.71"), (D(2026, 6, 30), "14.71"),
])
def test_the_adult_amount_changes_on_1_january_and_1_july(day, adult):
    assert minimum_hourly_wage(day=day, birth_date=born(day, 30)) == Decimal(adult)


def test_a_person_without_a_known_birth_date_gets_the_adult_minimum():
    assert minimum_hourly_wage(day=D(2026, 3, 2), birth_date=None) == Decimal("14.71")


@pytest.mark.parametrize(("age", "amount"), [(15, "4.41"), (16, "5.07"), (17, "5.81"), (18, "7.36"), (19, "8.83"),
                                             (20, "11.77"), (21, "14.71"), (67, "14.71")])
def test_each_age_band_has_its_own_minimum_in_2026(age, amount):
    day = D(2026, 3, 2)
    assert minimum_hourly_wage(day=day, birth_date=born(day, age)) == Decimal(amount)


def test_the_age_counts_on_the_start_date_itself():
    day = D(2025, 9, 1)
    turns_21_that_day = born(day, 21)
    turns_21_the_day_after = turns_21_that_day + datetime.timedelta(days=1)

    assert minimum_hourly_wage(day=day, birth_date=turns_21_that_day) == Decimal("14.40")
    assert minimum_hourly_wage(day=day, birth_date=turns_21_the_day_after) == Decimal("11.52")


def test_someone_born_on_29_february_is_a_year_older_on_1_march():
    assert age_on(D(2004, 2, 29), D(2025, 2, 28)) == 20
    assert age_on(D(2004, 2, 29), D(2025, 3, 1)) == 21


@pytest.mark.parametrize("day", [LAST_DAY + datetime.timedelta(days=1), D(2030, 1, 1)])
def test_a_day_after_the_table_uses_the_last_amounts_known_and_says_it_is_provisional(day):
    assert minimum_hourly_wage(day=day, birth_date=None) == PERIODS[-1].hourly[ADULT_AGE]
    assert minimum_hourly_wage(day=day, birth_date=born(day, 18)) == PERIODS[-1].hourly[18]
    assert is_provisional(day) and not is_provisional(LAST_DAY)


@pytest.mark.parametrize("day", [D(2023, 12, 31), D(2020, 6, 1)])
def test_a_day_before_the_table_is_unknown_rather_than_guessed(day):
    with pytest.raises(MinimumWageUnknown) as unknown:
        minimum_hourly_wage(day=day, birth_date=None)
    assert unknown.value.reason == "day_unknown"


def test_there_is_no_minimum_under_fifteen():
    day = D(2025, 9, 1)
    with pytest.raises(MinimumWageUnknown) as unknown:
        minimum_hourly_wage(day=day, birth_date=born(day, 14))
    assert unknown.value.reason == "too_young"
