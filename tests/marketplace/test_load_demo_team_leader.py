"""The demo's team leader: a Havenstad caseworker who sees the cockpit of the whole municipality."""

import pytest
from django.contrib.auth import get_user_model

from marketplace.access import actor_for
from marketplace.demo.loader import DEMO_LOGINS
from marketplace.models import Caseworker, JobSeeker
from marketplace.selectors.cockpit import cockpit_for, cockpit_scope_for
from tests.marketplace.test_load_demo import run_load_demo, signs_in

pytestmark = pytest.mark.django_db


def user(username):
    return get_user_model().objects.get(username=username)


def test_the_team_leader_login_is_printed_signs_in_and_enters_the_admin(db):
    output = run_load_demo()

    assert "teamleider" in output
    assert next(login for login in DEMO_LOGINS if login.username == "teamleider").actor == "caseworker"
    assert signs_in("teamleider")
    assert user("teamleider").has_perm("wagtailadmin.access_admin")
    assert user("teamleider").has_perm("marketplace.view_jobseeker")


def test_the_team_leader_sees_all_of_havenstad_while_the_caseload_stays_with_the_caseworker(db):
    run_load_demo()
    leader = actor_for(user("teamleider"))

    assert leader.caseworker.is_team_leader and leader.caseworker.municipality.name == "Havenstad"
    assert not JobSeeker.objects.filter(caseworker=leader.caseworker).exists()
    havenstad = JobSeeker.objects.filter(municipality=leader.caseworker.municipality).exclude(status="exited")
    assert cockpit_for(cockpit_scope_for(leader)).people == havenstad.count() > 0
    assert not actor_for(user("klantmanager")).caseworker.is_team_leader


def test_loading_again_keeps_one_team_leader_and_restores_the_flag(db):
    run_load_demo()
    Caseworker.objects.filter(user__username="teamleider").update(is_team_leader=False)

    run_load_demo()

    assert Caseworker.objects.filter(user__username="teamleider", is_team_leader=True).count() == 1
