"""The hours of a task in the carving wizard: the label says what the checks count.

A task goes whole into one carved role, so its weekly hours must be work one person can do: no more
than one position's hours and within the task's own days and times. The label says so; it does not
ask for "all staff together", which would invite totals that the checks then refuse.
"""

import re

import pytest
from django.test import Client
from django.urls import reverse

from marketplace.models import Task
from tests.carving_data import hospital_analysis
from tests.portal.helpers import en

pytestmark = pytest.mark.django_db

ALL_DAY_TASK = {"name": "Kamers schoonmaken", "complexity": "1", "weekdays": ["mon", "tue", "wed", "thu", "fri"],
                "window_start": "07:00", "window_end": "15:00", "language_level": "1", "learnable_on_the_job": "on"}


def signed_in(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def add_task(client: Client, url: str, hours: str):
    client.get(url)
    return client.post(url, {**ALL_DAY_TASK, "hours_per_week": hours,
                             "csrfmiddlewaretoken": client.cookies["csrftoken"].value})


def help_text(html: str) -> str:
    return re.search(r'id="id_hours_per_week_help"[^>]*>(.*?)</', html, re.S).group(1)


def test_the_hours_label_speaks_of_one_person_in_both_languages(world):
    analysis = hospital_analysis(world.employer_a, world.organisation_a)
    client = signed_in(world.employer_a)

    dutch = help_text(client.get(reverse("carving-tasks", kwargs={"pk": analysis.pk})).content.decode())
    english = help_text(client.get(en("carving-tasks", pk=analysis.pk)).content.decode())

    assert "One person must be able to do them" in english and "in total" in english
    assert "Eén persoon moet die uren kunnen doen" in dutch
    assert "staff together" not in english and "medewerkers samen" not in dutch


def test_hours_that_only_the_whole_team_could_do_are_refused_as_the_label_warns(world):
    # Ten nurses of 36 hours a week: 40 hours fit the team, but not one person, so not one task.
    analysis = hospital_analysis(world.employer_a, world.organisation_a)
    client = signed_in(world.employer_a)
    url = en("carving-tasks", pk=analysis.pk)

    refused = add_task(client, url, "40")
    accepted = add_task(client, url, "30")

    assert 'id="id_hours_per_week_errors"' in refused.content.decode()
    assert "than the job itself (36 hours per week)" in refused.content.decode()
    assert accepted.status_code == 302
    assert list(Task.objects.filter(analysis=analysis, name="Kamers schoonmaken").values_list("hours_per_week",
                                                                                              flat=True)) == [30]
