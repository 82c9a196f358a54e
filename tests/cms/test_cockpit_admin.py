"""The cockpit in the admin: the caseworker's panels on the home page, and the cockpit page with its scope switch."""

import re
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cms.viewsets.caseload import WHOLE_MUNICIPALITY
from marketplace.access import actor_for
from marketplace.choices import SeekerStatus
from marketplace.models import Caseworker, JobSeeker
from tests import factories
from tests.cms.test_admin import admin_user, signed_in
from tests.cms.test_admin_smoke import demo_caseworker_permissions
from tests.cms.test_plan_admin import in_english

pytestmark = pytest.mark.django_db

HOME = "/admin/"
COCKPIT = "/admin/cockpit/"


def caseworker_user(user):
    return in_english(admin_user(user, *demo_caseworker_permissions()))


@pytest.fixture
def caseworker(world):
    return caseworker_user(world.caseworker_a)


@pytest.fixture
def leader(world):
    Caseworker.objects.filter(user=world.caseworker_a).update(is_team_leader=True)
    return caseworker_user(world.caseworker_a)


@pytest.fixture
def colleague(world):
    """A second caseworker of municipality A with two people on rung 6."""
    colleague = factories.CaseworkerFactory(municipality=world.municipality_a, user__username="collega",
                                            user__first_name="Colette", user__last_name="Collega")
    factories.JobSeekerFactory.create_batch(2, municipality=world.municipality_a, caseworker=colleague, rung=6)
    return colleague


def svg_and_table(html: str, chart_id: str):
    svg = re.search(rf'<svg [^>]*id="{chart_id}".*?</svg>', html, re.S).group(0)
    table = re.search(rf'<table [^>]*id="{chart_id}-table".*?</table>', html, re.S).group(0)
    return ET.fromstring(svg), ET.fromstring(table)


def chart_values(html: str, chart_id: str) -> dict[str, str]:
    """What the table says per row, after checking that the picture prints the same numbers in the same order."""
    svg, table = svg_and_table(html, chart_id)
    printed = [node.text for node in svg.iter() if node.get("class") == "cockpit-value"]
    rows = {row[0].text: row[1].text for row in table.find("tbody")}
    assert printed == list(rows.values())
    return rows


def test_a_caseworker_sees_their_own_caseload_on_the_admin_home(client, world, caseworker, colleague):
    factories.JobSeekerFactory.create_batch(2, municipality=world.municipality_a, caseworker=actor_for(
        world.caseworker_a).caseworker, rung=2)

    html = signed_in(client, caseworker).get(HOME).content.decode()

    for panel in ("cockpit-worklist", "cockpit-caseload", "cockpit-funnel", "cockpit-instruments"):
        assert f'id="{panel}-section"' in html
    by_rung = chart_values(html, "home-rung")
    assert list(by_rung.values()) == ["0", "2", "0", "1", "0", "0"]  # the colleague's people are not counted
    assert chart_values(html, "home-category") == {"No category yet": "3"}
    assert reverse("cms_cockpit") in html


def test_the_worklist_panel_lists_people_who_need_attention_with_a_link_to_their_plan(client, world, caseworker):
    html = signed_in(client, caseworker).get(HOME).content.decode()

    # The world's seeker has no plan yet: the first signal anyone gets.
    worklist = re.search(r'<table [^>]*id="home-worklist".*?</table>', html, re.S).group(0)
    assert reverse("caseload:plan", args=[world.seeker.pk]) in worklist
    assert "No active plan" in worklist


def test_a_superuser_without_caseworker_sees_a_note_and_no_figures(client, world):
    superuser = in_english(factories.UserFactory(username="beheer", is_staff=True, is_superuser=True))

    html = signed_in(client, superuser).get(HOME).content.decode()
    page = client.get(COCKPIT)

    assert 'id="cockpit-note-section"' in html and "home-rung" not in html
    assert page.status_code == 200 and b"cockpit-rung" not in page.content


def test_staff_without_a_caseworker_get_no_cockpit_panels(client, world):
    editor = in_english(admin_user(factories.UserFactory(username="redacteur")))

    html = signed_in(client, editor).get(HOME).content.decode()

    assert "cockpit-" not in html


def test_a_caseworker_opens_the_cockpit_page_of_their_own_caseload_without_a_scope_switch(client, world, caseworker,
                                                                                          colleague):
    response = signed_in(client, caseworker).get(COCKPIT)
    html = response.content.decode()

    assert response.status_code == 200
    assert 'id="cockpit-scope-form"' not in html
    assert sum(int(value) for value in chart_values(html, "cockpit-rung").values()) == 1
    assert 'name="caseload-include_burden"' in html and "checked" not in re.search(
        r'<input [^>]*name="caseload-include_burden"[^>]*>', html).group(0)


def test_a_caseworker_may_not_switch_to_the_municipality_or_a_colleague(client, world, caseworker, colleague):
    signed_in(client, caseworker)

    # Wagtail answers a refusal in the admin by sending the user home with a message.
    for scope in ("municipality", colleague.pk):
        refused = client.get(COCKPIT, {"scope": scope})
        assert (refused.status_code, refused["Location"]) == (302, HOME)


def test_a_team_leader_sees_the_municipality_and_switches_to_one_caseworker(client, world, leader, colleague):
    signed_in(client, leader)

    whole = client.get(COCKPIT).content.decode()
    one = client.get(COCKPIT, {"scope": colleague.pk}).content.decode()

    assert 'id="cockpit-scope-form"' in whole and "Colette Collega" in whole
    assert chart_values(whole, "cockpit-rung")["6 Paid work"] == "2"
    assert sum(int(value) for value in chart_values(whole, "cockpit-rung").values()) == 3
    assert chart_values(one, "cockpit-rung") == {"1 Isolated": "0", "2 Social contacts outside the home": "0",
                                                 "3 Taking part in organised activities": "0", "4 Unpaid work": "0",
                                                 "5 Paid work with support": "0", "6 Paid work": "2"}
    assert f'<option value="{colleague.pk}" selected>' in one


def test_a_team_leader_cannot_open_a_caseworker_of_another_municipality(client, world, leader):
    elsewhere = actor_for(world.caseworker_b).caseworker

    assert signed_in(client, leader).get(COCKPIT, {"scope": elsewhere.pk}).status_code == 404


def test_the_cockpit_page_and_menu_are_only_for_signed_in_staff(client, world, caseworker):
    assert client.get(COCKPIT).status_code == 302

    html = signed_in(client, caseworker).get(HOME).content.decode()

    assert COCKPIT in html  # the menu item


def table_of(html: str, table_id: str) -> tuple[str, dict[str, list[str]]]:
    """The caption of a table and, per row header, the cells of that row."""
    markup = re.search(rf'<table [^>]*id="{table_id}".*?</table>', html, re.S).group(0)
    table = ET.fromstring(markup)
    def text(cell) -> str:
        return "".join(cell.itertext()).strip()

    return text(table.find("caption")), {text(row[0]): [text(cell) for cell in row[1:]] for row in table.find("tbody")}


@pytest.fixture
def mixed_caseload(world, colleague):
    """Municipality A: the world's seeker and the colleague's two active, one paused, one placed, one exited."""
    mine = actor_for(world.caseworker_a).caseworker
    for status in (SeekerStatus.PAUSED, SeekerStatus.PLACED, SeekerStatus.EXITED):
        factories.JobSeekerFactory(municipality=world.municipality_a, caseworker=mine, rung=3, status=status)
    return world


def test_every_panel_says_which_people_it_counts_and_the_numbers_agree_with_it(client, mixed_caseload, leader):
    html = signed_in(client, leader).get(COCKPIT).content.decode()

    summary = re.search(r'<p id="cockpit-scope">.*?</p>', html, re.S).group(0)
    assert "5 people in the caseload: 3 active, 1 paused, 1 placed" in summary  # the exited person is not counted
    assert sum(map(int, chart_values(html, "cockpit-rung").values())) == 5
    assert sum(map(int, chart_values(html, "cockpit-category").values())) == 5
    caption, plans = table_of(html, "cockpit-plans")
    assert "of the 5 people in the caseload" in caption
    assert int(plans["With a plan"][0]) + int(plans["Without a plan"][0]) == 5
    caption, signals = table_of(html, "cockpit-signals")
    assert "of the 3 active people" in caption
    assert signals["No active plan"] == ["3"]  # signals are for active people only, and no one has a plan
    assert all(int(count) <= 3 for count, in signals.values())


def test_a_team_leaders_home_shows_the_whole_municipality_and_says_so(client, mixed_caseload, leader, colleague):
    html = signed_in(client, leader).get(HOME).content.decode()

    caseload = re.search(r'id="cockpit-caseload-section".*?</section>', html, re.S).group(0)
    assert "The whole municipality" in caseload and "My caseload" not in caseload
    assert "5 people in the caseload: 3 active, 1 paused, 1 placed" in caseload
    assert sum(map(int, chart_values(html, "home-rung").values())) == 5
    _caption, worklist = table_of(html, "home-worklist")
    assert len(worklist) == 3 and "Colette Collega" in {cells[0] for cells in worklist.values()}
    assert "Worklist of the whole municipality" in html and "Applications in the whole municipality" in html
    assert "Signals are only about the 3 active people." in html


def test_a_caseworkers_home_still_shows_only_their_own_caseload(client, mixed_caseload, caseworker):
    html = signed_in(client, caseworker).get(HOME).content.decode()

    summary = re.search(r'<p id="home-caseload-summary">.*?</p>', html, re.S).group(0)
    assert "3 people in the caseload: 1 active, 1 paused, 1 placed" in summary
    assert "My worklist" in html and "whole municipality" not in html


def test_the_worklists_say_a_signal_the_same_way_on_every_page(client, world, leader, colleague):
    JobSeeker.objects.filter(municipality=world.municipality_a).update(created_at=timezone.now() - timedelta(days=400))
    signed_in(client, leader)

    pages = [client.get(HOME).content.decode(), client.get(COCKPIT).content.decode(),
             client.get(reverse("worklist:index"), {"caseworker": WHOLE_MUNICIPALITY}).content.decode()]

    said = [sorted(re.findall(r"<li(?: data-signal=\"\w+\")?>([^<]*overdue[^<]*)</li>", html)) for html in pages]
    assert said[0] and said[0] == said[1] == said[2]
    assert all(re.fullmatch(r"[\w ]+ \(\d+ days? overdue\)", text) for text in said[0])
