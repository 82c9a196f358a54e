"""The days of the week a requester named in free text ("zaterdag 9–13 uur", "di en do", "Tuesday mornings").

Requests keep their preferred days and times as the requester typed them. When staff plan a request
as roles, the days named here are proposed (and shown as taken from the request); everything else
is left for staff to read. The reading is deliberately modest:

- full day names in Dutch and English, also inside longer words ("zaterdagochtend", "Tuesdays");
- ranges between two days, with full names or two-letter abbreviations ("ma t/m vr", "Mon–Fri");
- abbreviations only in a list of at least two ("di/do", "ma, wo en vr") or before a time ("za 9-13"),
  since on their own they are ordinary words ("zo snel mogelijk" means "as soon as possible");
- "weekend" for Saturday and Sunday; "doordeweeks", "werkdagen" and "weekdays" for Monday to Friday.

Negations ("niet op zondag") are not understood; staff check the proposal before they plan.
"""

import re

from marketplace.constants import WORKWEEK, Weekday

_NAMES = {
    "maandag": Weekday.MON, "dinsdag": Weekday.TUE, "woensdag": Weekday.WED, "donderdag": Weekday.THU,
    "vrijdag": Weekday.FRI, "zaterdag": Weekday.SAT, "zondag": Weekday.SUN,
    "monday": Weekday.MON, "tuesday": Weekday.TUE, "wednesday": Weekday.WED, "thursday": Weekday.THU,
    "friday": Weekday.FRI, "saturday": Weekday.SAT, "sunday": Weekday.SUN,
}
_ABBREVIATIONS = {
    "ma": Weekday.MON, "di": Weekday.TUE, "wo": Weekday.WED, "do": Weekday.THU, "vr": Weekday.FRI,
    "za": Weekday.SAT, "zo": Weekday.SUN,
    "mon": Weekday.MON, "tue": Weekday.TUE, "tues": Weekday.TUE, "wed": Weekday.WED, "thu": Weekday.THU,
    "thur": Weekday.THU, "thurs": Weekday.THU, "fri": Weekday.FRI, "sat": Weekday.SAT, "sun": Weekday.SUN,
}
_WEEKEND = int(Weekday.SAT | Weekday.SUN)
_ORDER = list(Weekday)

_NAME = "|".join(_NAMES)
_ABBREVIATION = "|".join(sorted(_ABBREVIATIONS, key=len, reverse=True))
_DAY = rf"(?:\b(?:{_NAME})[a-z]*|\b(?:{_ABBREVIATION})\b\.?)"
_RANGE = re.compile(rf"({_DAY})\s*(?:-|–|—|t/m|t\.m\.|tot en met|tot|to|through|until|till)\s*({_DAY})")
_LIST = re.compile(rf"{_DAY}(?:\s*(?:/|,|&|\+|en|and)\s*{_DAY})+")
_FULL_NAME = re.compile(rf"\b(?:{_NAME})")
_BEFORE_TIME = re.compile(rf"\b({_ABBREVIATION})\b\.?(?=\s*\d{{1,2}}(?:[:.]\d{{2}})?\s*(?:-|–|tot|to|u\b|uur|h\b))")
_WORKWEEK_WORDS = re.compile(r"\b(?:doordeweeks|werkdagen|weekdagen|weekdays|workdays)\b")
_WEEKEND_WORD = re.compile(r"\bweekend")


def _day_of(token: str) -> Weekday:
    token = token.rstrip(".")
    for name, day in _NAMES.items():
        if token.startswith(name):
            return day
    return _ABBREVIATIONS[token]


def _days_from(first: Weekday, last: Weekday) -> int:
    """``first`` to ``last`` inclusive, round the end of the week when needed ("vr t/m ma")."""
    start, end = _ORDER.index(first), _ORDER.index(last)
    count = (end - start) % len(_ORDER) + 1
    return int(sum(_ORDER[(start + step) % len(_ORDER)] for step in range(count)))


def weekdays_named_in(text: str) -> int:
    """The ``Weekday`` flags named in ``text``; 0 when it names no day."""
    text = (text or "").lower()
    flags = 0
    for match in _RANGE.finditer(text):
        flags |= _days_from(_day_of(match.group(1)), _day_of(match.group(2)))
    for match in _LIST.finditer(text):
        for token in re.findall(_DAY, match.group(0)):
            flags |= _day_of(token.strip())
    for match in _FULL_NAME.finditer(text):
        flags |= _day_of(match.group(0))
    for match in _BEFORE_TIME.finditer(text):
        flags |= _day_of(match.group(1))
    if _WORKWEEK_WORDS.search(text):
        flags |= WORKWEEK
    if _WEEKEND_WORD.search(text):
        flags |= _WEEKEND
    return int(flags)
