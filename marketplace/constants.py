"""Domain constants shared by the models and the pure matching engine.

This module imports nothing from Django so that the matching engine, the carving
logic and the benchmarks can use the same codes as the database. Labels for the
interface live in ``marketplace.choices``.

Sets of options that a role offers or a person has (weekdays, support, physical
demands) are stored as bit flags: one integer column in the database and one
``uint`` in the engine's arrays, so that "has the role every support the seeker
needs" is a single ``needs & ~offered == 0`` test.
"""

from datetime import date
from enum import IntEnum, IntFlag


class Weekday(IntFlag):
    MON = 1
    TUE = 2
    WED = 4
    THU = 8
    FRI = 16
    SAT = 32
    SUN = 64


ALL_WEEKDAYS = int(sum(Weekday))
WORKWEEK = int(Weekday.MON | Weekday.TUE | Weekday.WED | Weekday.THU | Weekday.FRI)


class Support(IntFlag):
    """Support a role offers, or a seeker needs, to make the work possible."""

    JOB_COACH = 1
    SHELTERED = 2  # beschutte omgeving
    LANGUAGE = 4  # taalondersteuning op de werkvloer
    ADAPTED_WORKPLACE = 8
    TRANSPORT = 16
    BUDDY = 32
    FLEXIBLE_HOURS = 64


class Physical(IntFlag):
    """Physical demands of a role; on a seeker, the demands they cannot meet."""

    HEAVY_LIFTING = 1
    LONG_STANDING = 2
    WALKING = 4
    OUTDOOR = 8
    FINE_MOTOR = 16
    STAIRS = 32
    NOISE = 64


class LanguageLevel(IntEnum):
    """Dutch language level on the CEFR scale, ordered so that comparison works."""

    A0 = 0
    A1 = 1
    A2 = 2
    B1 = 3
    B2 = 4
    C1 = 5
    C2 = 6


class Rung(IntEnum):
    """Participatieladder rungs."""

    ISOLATED = 1
    SOCIAL_CONTACTS = 2
    ORGANISED_ACTIVITIES = 3
    UNPAID_WORK = 4
    PAID_WORK_WITH_SUPPORT = 5
    PAID_WORK = 6


RUNG_MIN, RUNG_MAX = 1, 6


class SkillLevel(IntEnum):
    BASIC = 1  # kan het met hulp
    ROUTINE = 2  # kan het zelfstandig
    EXPERIENCED = 3  # kan het anderen leren


SKILL_LEVEL_MIN, SKILL_LEVEL_MAX = int(min(SkillLevel)), int(max(SkillLevel))


# Limits on what people type, named once; the models, the admin, the portal and the API all enforce them.
LONG_TEXT_MAX_LENGTH = 5000  # a role's public description
TEXT_MAX_LENGTH = 2000  # descriptions of requests, motivation, each part of the draaglast
NOTE_MAX_LENGTH = 1000  # notes and reasons on a timeline or in a log

# Hours per week. A role (and so a placement in it) is at most a full working week; what a job
# seeker offers may be more, since some people combine work.
ROLE_HOURS_MIN, ROLE_HOURS_MAX = 1, 40
PLACEMENT_HOURS_MIN, PLACEMENT_HOURS_MAX = ROLE_HOURS_MIN, ROLE_HOURS_MAX
SEEKER_HOURS_MIN, SEEKER_HOURS_MAX = 0, 60  # 0: no least number of hours

# How many people one role takes on at the same time.
ROLE_PLACES_MIN, ROLE_PLACES_MAX = 1, 100

# Distances in km. How far a job seeker travels to work, one way, and how far around a point a
# search for roles reaches; the bands an employer sees are ``marketplace.geo.DISTANCE_BANDS``.
TRAVEL_KM_MIN, TRAVEL_KM_MAX, TRAVEL_KM_DEFAULT = 1, 100, 10
SEARCH_RADIUS_KM_MAX, SEARCH_RADIUS_KM_DEFAULT = 100, 10
# The radii a person picks from on the role lists, in km.
SEARCH_RADIUS_CHOICES_KM = (2, 5, 10, 25, 50)

# Money in euros with cents: an hourly wage up to 9999.99, a monthly volunteer allowance up to 99999.99.
WAGE_MAX_DIGITS = 6
ALLOWANCE_MAX_DIGITS = 7

# Dates people enter (start and end dates, preferred dates, ladder steps, retention checks) lie in this
# window: the marketplace holds nothing from before 2000, and nobody plans further ahead than a few years.
EARLIEST_DATE = date(2000, 1, 1)
DATE_YEARS_AHEAD = 5
# A date of birth: nobody on the caseload was born before this, or is younger than this many years.
EARLIEST_BIRTH_DATE = date(1900, 1, 1)
MINIMUM_AGE_YEARS = 15

ROLE_KINDS = ("carved_task", "part_time", "buurtdienst", "beschut_werk", "dagbesteding", "volunteer")


def flag_names(flag_type: type[IntFlag], value: int) -> list[str]:
    """The lower-case member names set in ``value``, in declaration order."""
    return [member.name.lower() for member in flag_type if value & member]


def flags_from_names(flag_type: type[IntFlag], names) -> int:
    """The integer for a list of lower-case member names; unknown names raise ValueError."""
    value = 0
    for name in names:
        try:
            value |= flag_type[str(name).upper()]
        except KeyError:
            raise ValueError(name) from None
    return int(value)
