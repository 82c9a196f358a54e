"""Reading the days of the week out of a request's preferred days or times, without a database."""

import pytest

from marketplace.constants import Weekday, flag_names
from marketplace.timing_notes import weekdays_named_in


@pytest.mark.parametrize(("text", "days"), [
    ("zaterdag 9–13 uur", ["sat"]),
    ("Za 9-13", ["sat"]),
    ("zaterdagochtend en zondagmiddag", ["sat", "sun"]),
    ("Dinsdag en donderdag, na 14 uur", ["tue", "thu"]),
    ("di/do", ["tue", "thu"]),
    ("ma, wo en vr", ["mon", "wed", "fri"]),
    ("ma t/m vr", ["mon", "tue", "wed", "thu", "fri"]),
    ("maandag tot en met woensdag", ["mon", "tue", "wed"]),
    ("vr t/m ma", ["mon", "fri", "sat", "sun"]),
    ("in het weekend", ["sat", "sun"]),
    ("doordeweeks na 16 uur", ["mon", "tue", "wed", "thu", "fri"]),
    ("Tuesday mornings", ["tue"]),
    ("Mon–Fri", ["mon", "tue", "wed", "thu", "fri"]),
    ("thurs and sat", ["thu", "sat"]),
])
def test_days_named_in_dutch_or_english_are_read(text, days):
    assert flag_names(Weekday, weekdays_named_in(text)) == days


@pytest.mark.parametrize("text", ["", "zo snel mogelijk", "elke week, in overleg", "do 3 dingen tegelijk",
                                  "9 tot 13 uur", None])
def test_text_without_a_day_names_no_day(text):
    assert weekdays_named_in(text) == 0
