"""The admin draaglast page with severities: the picture in words and the versions after a stated purpose."""

import re

import pytest
from wagtail.users.models import UserProfile

from marketplace.models import BurdenVersion, SeekerBurden, SensitiveAccessLog
from marketplace.models.seekers import BURDEN_CATEGORIES
from marketplace.selectors.burden import HISTORY_LOG_FIELD
from marketplace.services.burden import burden_update
from tests.cms.test_admin import SEEKER_PERMISSIONS, admin_user, burden_url, read_draaglast, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def caseworker(world, client):
    user = admin_user(world.caseworker_a, *SEEKER_PERMISSIONS)
    user.first_name, user.last_name = "Mirjam", "Koster"
    user.save()
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"  # the assertions read the source strings
    profile.save()
    return signed_in(client, user)


def selected_options(html: str, name: str) -> list[str]:
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return re.findall(r'<option value="([^"]*)"[^>]*\bselected\b', select)


def save_data(**changes) -> dict:
    data = {"action": "save", "street_address": "Geheimstraat 99", "debts": "SENTINEL-SCHULD",
            "health": "SENTINEL-GEZONDHEID"}
    return data | changes


def test_the_read_shows_each_category_with_its_severity_in_words_and_its_note(world, caseworker):
    burden_update(actor_user=world.caseworker_a, seeker=world.seeker, data={"debts_severity": 2})

    html = read_draaglast(caseworker, world.seeker, "Intakegesprek").text

    picture = re.search(r'<table class="listing" id="burden-picture">(.*?)</table>', html, re.S).group(1)
    rows = re.findall(r'<tr data-category="(\w+)">.*?data-severity="(\d?)">([^<]*)</td>\s*<td>([^<]*)', picture, re.S)
    assert [row[0] for row in rows] == list(BURDEN_CATEGORIES)
    assert rows[0][1:] == ("2", "Serious", "SENTINEL-SCHULD")
    assert rows[1][1:3] == ("", "Not assessed")


def test_nothing_is_preselected_that_was_not_recorded(world, caseworker):
    burden_update(actor_user=world.caseworker_a, seeker=world.seeker, data={"health_severity": 0})

    html = read_draaglast(caseworker, world.seeker, "Intakegesprek").text

    assert selected_options(html, "health_severity") == ["0"]
    for key in BURDEN_CATEGORIES:
        if key != "health":
            assert selected_options(html, f"{key}_severity") in ([], [""]), key


def test_saving_a_severity_writes_a_version_that_the_next_read_shows_with_who_and_what(world, caseworker):
    response = caseworker.post(burden_url(world.seeker), save_data(debts_severity="3", housing_severity="1",
                                                                   housing="Woont bij een vriend"))

    assert response.status_code == 302
    burden = SeekerBurden.objects.get(seeker=world.seeker)
    assert (burden.debts_severity, burden.housing_severity, burden.language_gap_severity) == (3, 1, None)
    version = BurdenVersion.objects.get(seeker=world.seeker)
    assert (version.version, version.recorded_by) == (1, world.caseworker_a)
    html = read_draaglast(caseworker, world.seeker, "Controle na wijziging").text
    history = re.search(r'<table class="listing" id="burden-history">(.*?)</table>', html, re.S).group(1)
    assert '<tr data-version="1">' in history
    assert "Mirjam Koster" in history and "Woont bij een vriend" in history and "Blocking" in history
    entry = SensitiveAccessLog.objects.get()
    assert HISTORY_LOG_FIELD in entry.fields.split(",")


def test_saving_without_changes_adds_no_version(world, caseworker):
    caseworker.post(burden_url(world.seeker), save_data(debts_severity="2"))
    caseworker.post(burden_url(world.seeker), save_data(debts_severity="2"))

    assert BurdenVersion.objects.filter(seeker=world.seeker).count() == 1


def test_a_severity_that_is_no_choice_is_shown_on_its_field_and_nothing_is_saved(world, caseworker):
    response = caseworker.post(burden_url(world.seeker), save_data(debts="Nieuwe regeling", other_severity="7"))

    assert response.status_code == 400
    assert response.context["burden_form"].errors.keys() == {"other_severity"}
    assert "Nieuwe regeling" in response.text
    assert SeekerBurden.objects.get(seeker=world.seeker).debts == "SENTINEL-SCHULD"
    assert not BurdenVersion.objects.exists()
    assert not SensitiveAccessLog.objects.exists()


def test_the_page_without_a_purpose_shows_no_picture_and_no_history(world, caseworker):
    burden_update(actor_user=world.caseworker_a, seeker=world.seeker, data={"debts_severity": 2})

    html = caseworker.get(burden_url(world.seeker)).text

    assert 'id="burden-picture"' not in html and 'id="burden-history"' not in html
    assert not SensitiveAccessLog.objects.exists()
