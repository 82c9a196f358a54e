"""Forms store the days the person ticked: the carving wizard's task form and the employer's role form
tick no day in advance, and say so when none is ticked."""

import re

import pytest
from django.urls import reverse

from marketplace.constants import Weekday
from marketplace.models import JobAnalysis, Task
from tests.carving_data import build_analysis
from tests.portal.helpers import post, signed_in

pytestmark = pytest.mark.django_db

TASK = {"name": "Bedden opmaken", "hours_per_week": "4,5", "complexity": "1", "window_start": "07:00",
        "window_end": "12:00", "language_level": "1", "learnable_on_the_job": "on"}


@pytest.fixture
def analysis(world) -> JobAnalysis:
    return build_analysis(world.employer_a, world.organisation_a, tasks=())


def ticked_days(html: str) -> list[str]:
    tags = re.findall(r'<input[^>]*name="weekdays"[^>]*>', html)
    assert tags
    return [re.search(r'value="(\w+)"', tag).group(1) for tag in tags if " checked" in tag]


def test_the_task_form_ticks_no_day_in_advance(world, analysis):
    html = signed_in(world.employer_a).get(reverse("carving-tasks", args=[analysis.pk])).content.decode()

    assert ticked_days(html) == []


def test_a_task_without_a_day_names_the_days_field_and_is_not_stored(world, analysis):
    response = post(signed_in(world.employer_a), reverse("carving-tasks", args=[analysis.pk]), TASK)

    assert response.status_code == 200
    assert "Dagen: Vink ten minste één dag aan." in response.content.decode()
    assert not Task.objects.exists()


@pytest.mark.parametrize(("ticked", "stored"), [(["tue", "thu"], Weekday.TUE | Weekday.THU), (["sat"], Weekday.SAT)])
def test_a_task_keeps_exactly_the_days_ticked_and_its_hours_in_dutch(world, analysis, ticked, stored):
    response = post(signed_in(world.employer_a), reverse("carving-tasks", args=[analysis.pk]),
                    {**TASK, "weekdays": ticked})

    assert response.status_code == 302
    task = Task.objects.get()
    assert (task.weekdays, str(task.hours_per_week)) == (stored, "4.50")


def test_the_role_form_ticks_no_day_in_advance_and_asks_for_one(world):
    employer = signed_in(world.employer_a)
    html = employer.get(reverse("employer-role-create")).content.decode()
    assert ticked_days(html) == []

    response = post(employer, reverse("employer-role-create"), {"title": "Kratten", "kind": "carved_task"})

    assert "Vink ten minste één dag aan." in response.content.decode()

