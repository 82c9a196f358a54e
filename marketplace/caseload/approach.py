"""The standard approach of each category: how often to be in touch, when to review, when someone is stuck.

A municipality starts from these numbers and changes them for its own categories; the signals of a
person without a category yet use ``NO_CATEGORY``, which asks for contact as often as the most
active categories, so that nobody goes unseen while waiting for a category.
"""

import calendar
import datetime
from dataclasses import dataclass

from marketplace.caseload.proposal import CARE_FIRST, DIRECT_TO_WORK, PARTICIPATION_FIRST, WORK_WITH_SUPPORT


@dataclass(frozen=True)
class Approach:
    contact_every_weeks: int
    review_every_weeks: int
    stuck_after_months: int
    follow_up_within_weeks: int


DEFAULT_APPROACHES = {
    DIRECT_TO_WORK: Approach(contact_every_weeks=4, review_every_weeks=13, stuck_after_months=6,
                             follow_up_within_weeks=2),
    WORK_WITH_SUPPORT: Approach(contact_every_weeks=4, review_every_weeks=13, stuck_after_months=9,
                                follow_up_within_weeks=2),
    PARTICIPATION_FIRST: Approach(contact_every_weeks=6, review_every_weeks=26, stuck_after_months=12,
                                  follow_up_within_weeks=2),
    CARE_FIRST: Approach(contact_every_weeks=6, review_every_weeks=26, stuck_after_months=18,
                         follow_up_within_weeks=2),
}
NO_CATEGORY = Approach(contact_every_weeks=4, review_every_weeks=13, stuck_after_months=12, follow_up_within_weeks=2)


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` calendar months before ``day``, or the last day of that month when it is shorter."""
    total = day.year * 12 + (day.month - 1) - months
    year, month = divmod(total, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last))

