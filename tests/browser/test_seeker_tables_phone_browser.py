"""On a 375 × 667 phone the tables of "my data" and "my plan" fit: nothing is cut off or scrolls sideways.

The demo's job seeker has notes in each part of what makes things hard, a history of changes, and
assessments on several dates: the pages are the demo's, in Dutch (the longer texts).
"""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.browser.accessibility import blocking_violations
from tests.browser.sign_in import portal_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 375, "height": 667}

# Each element wider than its box, or the page wider than the screen, as (what, how wide, room).
OVERFLOWS = """() => {
    const found = [];
    const page = document.documentElement;
    if (page.scrollWidth > page.clientWidth) found.push(["page", page.scrollWidth, page.clientWidth]);
    for (const wrap of document.querySelectorAll("main .table-wrap")) {
        if (wrap.scrollWidth > wrap.clientWidth) {
            found.push([wrap.querySelector("table").className, wrap.scrollWidth, wrap.clientWidth]);
        }
    }
    for (const cell of document.querySelectorAll("main th, main td")) {
        const box = cell.getBoundingClientRect();
        if (box.width > 0 && (box.left < 0 || box.right > page.clientWidth)) {
            found.push([cell.textContent.trim().slice(0, 40), Math.round(box.left), Math.round(box.right)]);
        }
    }
    return found;
}"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="nl-NL")
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def dutch(name: str) -> str:
    with translation.override("nl"):
        return reverse(name)


def test_the_tables_of_my_data_and_my_plan_fit_a_phone(phone, demo):
    portal_sign_in(phone, demo, "werkzoekende")

    for name, tables in (("seeker-data", ("table.burden-categories", "table.burden-history")),
                         ("seeker-plan", ("table.plan-progress",))):
        phone.goto(demo + dutch(name))
        for table in tables:
            assert phone.locator(table).count() == 1, f"{name}: the demo shows no {table}"
        assert phone.evaluate(OVERFLOWS) == [], name
        assert blocking_violations(phone) == [], name
