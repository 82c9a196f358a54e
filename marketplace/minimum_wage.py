"""The statutory minimum hourly wage (wettelijk minimumuurloon) per age, for a given day.

Source: Rijksoverheid, "Bedragen minimumloon"
(https://www.rijksoverheid.nl/onderwerpen/minimumloon/bedragen-minimumloon), the gross amounts per
hour that apply from 1 January and from 1 July of each year. Since 1 January 2024 the Dutch
minimum wage is an hourly wage, the same whatever the length of the working week. From the age of
21 the full amount applies; at 15 to 20 a fixed share of it (30, 34.5, 39.5, 50, 60 and 80 per
cent), rounded to the cent as published. The lower amounts for work-based learning (BBL) at 18 to
20 are not in this table: such a placement is agreed by a caseworker.

Each half year, when the new amounts are published, add a period below. Until then a day after
the last period is checked against the last amounts known: the statutory amounts have only ever
gone up, so that is the lowest the minimum can be, and placing people does not stop while the
table waits for its update. ``is_provisional`` tells the caller so, and the terms say which
amounts were used. A day before the first period raises ``MinimumWageUnknown``.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

YOUNGEST_AGE = 15
ADULT_AGE = 21
AGES = tuple(range(YOUNGEST_AGE, ADULT_AGE + 1))


@dataclass(frozen=True)
class MinimumWagePeriod:
    """The amounts from ``starts`` to ``ends`` (both included), in euros per hour by age (21 = 21 and older)."""

    starts: datetime.date
    ends: datetime.date
    hourly: dict[int, Decimal]


def _period(starts: datetime.date, ends: datetime.date, *amounts: str) -> MinimumWagePeriod:
    """``amounts`` from 21 and older down to 15, as Rijksoverheid's table lists them."""
    return MinimumWagePeriod(starts, ends, dict(zip(reversed(AGES), map(Decimal, amounts), strict=True)))


_D = datetime.date
PERIODS: tuple[MinimumWagePeriod, ...] = (
    #       from             until              21+      20       19      18      17      16      15
    _period(_D(2024, 1, 1), _D(2024, 6, 30), "13.27", "10.62", "7.96", "6.64", "5.24", "4.58", "3.98"),
    _period(_D(2024, 7, 1), _D(2024, 12, 31), "13.68", "10.94", "8.21", "6.84", "5.40", "4.72", "4.10"),
    _period(_D(2025, 1, 1), _D(2025, 6, 30), "14.06", "11.25", "8.44", "7.03", "5.55", "4.85", "4.22"),
    _period(_D(2025, 7, 1), _D(2025, 12, 31), "14.40", "11.52", "8.64", "7.20", "5.69", "4.97", "4.32"),
    _period(_D(2026, 1, 1), _D(2026, 6, 30), "14.71", "11.77", "8.83", "7.36", "5.81", "5.07", "4.41"),
)
FIRST_DAY, LAST_DAY = PERIODS[0].starts, PERIODS[-1].ends
# The latest adult amount: what forms suggest for a new role's wage (a suggestion, not the check).
ADULT_MINIMUM_WAGE = PERIODS[-1].hourly[ADULT_AGE]


class MinimumWageUnknown(LookupError):
    """The table has no amount for this day (``day_unknown``) or this age (``too_young``)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def age_on(birth_date: datetime.date, day: datetime.date) -> int:
    """Whole years from ``birth_date`` to ``day``; someone born on 29 February turns a year older on 1 March."""
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def is_provisional(day: datetime.date) -> bool:
    """Whether ``day`` lies after the last period, so its check used the last amounts known."""
    return day > LAST_DAY


def minimum_hourly_wage(*, day: datetime.date, birth_date: datetime.date | None) -> Decimal:
    """The statutory minimum gross wage per hour on ``day`` for someone born on ``birth_date``.

    Without a birth date the adult amount applies: the highest, so that nobody is paid too little.
    """
    if day > LAST_DAY:
        period = PERIODS[-1]
    else:
        period = next((period for period in PERIODS if period.starts <= day <= period.ends), None)
    if period is None:
        raise MinimumWageUnknown("day_unknown")
    if birth_date is None:
        return period.hourly[ADULT_AGE]
    age = age_on(birth_date, day)
    if age < YOUNGEST_AGE:
        raise MinimumWageUnknown("too_young")
    return period.hourly[min(age, ADULT_AGE)]
