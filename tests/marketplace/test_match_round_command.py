"""``manage.py match_round``: a matching round on the demo data, as a dry run and for real."""

import re
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from marketplace.choices import ApplicationStatus
from marketplace.models import MatchRound, Role
from marketplace.models.applications import Application

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo", "--allow-demo-logins", stdout=StringIO())


def run(*args) -> str:
    out = StringIO()
    call_command("match_round", *args, stdout=out)
    return out.getvalue()


def figure(output: str, label: str) -> float:
    return float(re.search(rf"{label}:\s+([\d,.]+)", output).group(1).replace(",", ""))


def greedy(output: str) -> tuple[int, float]:
    placed, total = re.search(r"greedy would place (\d+) with total score ([\d,.]+)", output).groups()
    return int(placed), float(total.replace(",", ""))


def test_a_dry_run_prints_the_summary_with_optimal_at_least_greedy_and_stores_nothing(demo):
    applications = Application.objects.count()
    output = run("--municipality", "GM9901", "--dry-run")
    assert "Matching round for Havenstad (GM9901) - dry run" in output
    for label in ("job seekers", "roles", "places", "proposals", "total score"):
        assert figure(output, label) > 0, label
    greedy_placed, greedy_total = greedy(output)
    assert figure(output, "total score") >= greedy_total
    assert figure(output, "proposals") <= figure(output, "places")
    assert greedy_placed > 0
    assert "stored:          none (dry run)" in output
    assert Application.objects.count() == applications
    assert MatchRound.objects.get().dry_run is True


def test_a_real_round_stores_suggestions_within_the_places_left(demo):
    before = set(Application.objects.values_list("pk", flat=True))
    output = run("--municipality", "gm9901")
    new = Application.objects.exclude(pk__in=before)
    assert new.count() == figure(output, "stored") > 0
    assert set(new.values_list("status", flat=True)) == {ApplicationStatus.SUGGESTED}
    assert set(new.values_list("role__municipality__cbs_code", flat=True)) == {"GM9901"}
    seekers = Counter(new.values_list("seeker_id", flat=True))
    assert max(seekers.values()) == 1
    per_role = Counter(new.values_list("role_id", flat=True))
    for role in Role.objects.filter(pk__in=per_role):
        seated = role.applications.filter(status__in=[ApplicationStatus.TRIAL, ApplicationStatus.PLACED]).count()
        assert per_role[role.pk] <= role.places - seated
    assert all(score > 0 for score in new.values_list("score", flat=True))
    again = run("--municipality", "GM9901")
    assert "stored:          0 new suggestions" in again


def test_an_unknown_municipality_is_refused_by_name(db):
    with pytest.raises(CommandError, match="--municipality"):
        run("--municipality", "GM0000")
