"""The job seeker sees their draaglast per category, how heavy it weighs in plain words, and how it changed."""

import json
import re

import pytest
from django.urls import reverse

from marketplace.models import SensitiveAccessLog
from marketplace.models.seekers import BURDEN_CATEGORIES
from marketplace.selectors.burden import burden_history_read_for_staff
from marketplace.services.burden import burden_update
from tests.portal.helpers import en, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeker(world):
    world.caseworker_a.first_name, world.caseworker_a.last_name = "Mirjam", "Koster"
    world.caseworker_a.save()
    burden_update(actor_user=world.caseworker_a, seeker=world.seeker,
                  data={"debts_severity": 2, "housing_severity": 0, "housing": "Eigen huurwoning"})
    burden_update(actor_user=world.caseworker_a, seeker=world.seeker, data={"debts_severity": 1})
    return signed_in(world.seeker_user)


def category_rows(html: str) -> list[tuple[str, str, str]]:
    table = re.search(r'<table class="[^"]*\bburden-categories">(.*?)</table>', html, re.S).group(1)
    return re.findall(r'<tr data-category="(\w+)">\s*<th scope="row">[^<]*</th>\s*'
                      r'<td data-severity="(\d?)"[^>]*>([^<]*)', table)


@pytest.mark.parametrize("page", ["seeker-data", "seeker-profile"])
def test_every_category_shows_how_heavy_it_weighs_in_plain_words(world, seeker, page):
    html = seeker.get(en(page)).content.decode()

    rows = category_rows(html)
    assert [row[0] for row in rows] == list(BURDEN_CATEGORIES)
    by_key = {key: (code, words) for key, code, words in rows}
    assert by_key["debts"] == ("1", "A small problem")
    assert by_key["housing"] == ("0", "No problem")
    assert by_key["addiction"] == ("", "Not talked about yet")
    assert "Eigen huurwoning" in html
    assert "<script" not in html


def test_my_data_shows_each_version_with_who_and_what_changed_and_logs_nothing(world, seeker):
    html = seeker.get(en("seeker-data")).content.decode()

    history = re.search(r'<table class="[^"]*\bburden-history">(.*?)</table>', html, re.S).group(1)
    assert re.findall(r'<tr data-version="(\d+)">', history) == ["2", "1"]
    assert "Your caseworker, Mirjam Koster" in history
    assert "Debts (how heavy): was “A big problem”, is now “A small problem”" in history
    assert not SensitiveAccessLog.objects.exists()


def test_the_download_holds_the_severities_with_their_words_and_the_versions(world, seeker):
    export = json.loads(seeker.get(en("seeker-data-download")).content)

    assert (export["burden"]["debts_severity"], export["burden"]["debts_severity_label"]) == (1, "A small problem")
    assert [version["version"] for version in export["burden_history"]] == [2, 1]
    assert export["burden_history"][0]["changes"] == [{
        "field": "debts_severity", "field_label": "Debts (how heavy)", "before": 2, "after": 1,
        "before_label": "A big problem", "after_label": "A small problem",
    }]
    assert export["burden_history"][0]["by"] == "own_caseworker"


def test_a_seeker_without_changes_is_told_so(world):
    html = signed_in(world.seeker_user).get(en("seeker-data")).content.decode()

    assert "Nothing here has been changed yet." in html


def test_a_staff_read_of_the_versions_is_named_in_the_seekers_list_of_reads(world, seeker):
    burden_history_read_for_staff(actor_user=world.caseworker_a, seeker=world.seeker, purpose="Evaluatie")

    reads = json.loads(seeker.get(en("seeker-data-download")).content)["burden_reads"]
    assert reads[0]["fields_label"] == ["Earlier versions of these details"]


def test_the_dutch_page_speaks_to_the_seeker_as_je(world, seeker):
    html = seeker.get(reverse("seeker-data")).content.decode()

    assert "Een klein probleem" in html
    assert "Hoe dit veranderde" in html
