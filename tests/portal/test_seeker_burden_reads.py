"""Under "my data", job seekers see who read their draaglast, when (their local time) and why."""

import datetime
import json
from unittest import mock

import pytest
from django.urls import reverse

from marketplace.models import SeekerBurden
from marketplace.selectors.burden import burden_read_for_staff
from tests import factories
from tests.portal.helpers import en, signed_in

pytestmark = pytest.mark.django_db

# 13:05 UTC on 3 March is 14:05 in the Netherlands (winter time).
READ_AT = datetime.datetime(2025, 3, 3, 13, 5, tzinfo=datetime.UTC)


@pytest.fixture
def seeker(world):
    return signed_in(world.seeker_user)


@pytest.fixture
def own_caseworker(world):
    world.caseworker_a.first_name, world.caseworker_a.last_name = "Mirjam", "Koster"
    world.caseworker_a.save()
    return world.caseworker_a


@pytest.fixture
def colleague(world):
    """Another caseworker of the seeker's municipality, not the one assigned to them."""
    return factories.CaseworkerFactory(municipality=world.municipality_a, user__first_name="Kees",
                                       user__last_name="Collegaatje").user


def read(actor_user, seeker, purpose, at=READ_AT, fields=None):
    with mock.patch("django.utils.timezone.now", return_value=at):
        return burden_read_for_staff(actor_user=actor_user, seeker=seeker, purpose=purpose, fields=fields)


def test_the_download_lists_each_read_with_who_when_why_and_what(world, seeker, own_caseworker, colleague):
    read(own_caseworker, world.seeker, "Voorbereiding intakegesprek", fields=["debts", "health"])
    read(colleague, world.seeker, "Vervanging tijdens vakantie", at=READ_AT + datetime.timedelta(days=1))

    reads = json.loads(seeker.get(en("seeker-data-download")).content)["burden_reads"]

    assert [item["purpose"] for item in reads] == ["Vervanging tijdens vakantie", "Voorbereiding intakegesprek"]
    newest, oldest = reads
    assert (oldest["at"], oldest["by"], oldest["by_label"]) == (
        "2025-03-03T14:05:00+01:00", "own_caseworker", "Your caseworker, Mirjam Koster")
    assert (oldest["fields"], oldest["fields_label"]) == (["debts", "health"], ["Debts", "Health"])
    assert (newest["by"], newest["by_label"]) == ("caseworker", "A caseworker of the municipality of Havenstad")
    assert len(newest["fields"]) == len(SeekerBurden.SENSITIVE_FIELDS)


def test_the_page_says_in_dutch_who_read_the_draaglast_when_in_local_time_and_why(world, seeker, own_caseworker):
    read(own_caseworker, world.seeker, "Voorbereiding intakegesprek", fields=["debts"])

    html = seeker.get(reverse("seeker-data")).content.decode()

    assert "Wie heeft je gegevens bekeken" in html
    assert "3 maart 2025 14:05" in html
    assert "Je klantmanager, Mirjam Koster" in html
    assert "Voorbereiding intakegesprek" in html
    assert "Schulden" in html


def test_a_colleague_of_the_caseworker_is_named_by_role_not_by_name(world, seeker, colleague):
    read(colleague, world.seeker, "Vervanging tijdens vakantie")

    html = seeker.get(reverse("seeker-data")).content.decode()
    download = seeker.get(reverse("seeker-data-download")).content.decode()

    assert "Een klantmanager van de gemeente Havenstad" in html
    assert "Vervanging tijdens vakantie" in html
    for text in (html, download):
        assert "Collegaatje" not in text


def test_a_seeker_whose_draaglast_nobody_read_is_told_so(world, seeker):
    html = seeker.get(en("seeker-data")).content.decode()

    assert "Nobody has looked at these details yet." in html
    assert json.loads(seeker.get(en("seeker-data-download")).content)["burden_reads"] == []


def test_reads_of_another_seekers_draaglast_are_not_shown(world, seeker, own_caseworker):
    other = factories.JobSeekerFactory(municipality=world.municipality_a)
    read(own_caseworker, other, "Geheim-doel-van-een-ander")

    html = seeker.get(en("seeker-data")).content.decode()

    assert "Geheim-doel-van-een-ander" not in html
    assert "Nobody has looked at these details yet." in html
