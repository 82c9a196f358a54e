"""A sentinel scan: nothing an employer receives holds a job seeker's exact distance or rung on the ladder.

The job seeker of the persona matrix lives 3.7 km from the work and is on rung 4. Those figures are
in the database (a matching round stores them in its reasons) and the seeker reads them; the
employer must find neither in any answer of the API, any page of their portal, any e-mail, or the
admin, whatever the application's status.
"""

import json
import re

import pytest
from django.core import mail
from django.urls import reverse

from marketplace.models import JobSeeker
from marketplace.models.applications import Application
from marketplace.services.applications import (
    application_consent,
    application_introduce,
    application_start_trial,
)
from marketplace.services.matching import match_round_run
from tests import factories
from tests.cms.test_admin import admin_user
from tests.portal.helpers import en, signed_in

pytestmark = pytest.mark.django_db

KM_NORTH = 1 / 111.195
# The ladder reason ("Dit is een stap verder dan wat je nu doet: onbetaald werk") names the step and the rung.
SENTINELS = re.compile(r"3[,.]7\b|\btrede\b|\brung\b|Unpaid work|[Oo]nbetaald werk|participati|stap verder|"
                       r"step further|nu doet|does now|te grote stap|too big a step", re.IGNORECASE)


def found(text: str) -> list[str]:
    return SENTINELS.findall(text)


@pytest.fixture
def suggestion(world):
    """A role 3.7 km from the seeker, and the suggestion a matching round stored for the pair."""
    role = factories.RoleFactory(organisation=world.organisation_a, published=True, title="Kratten klaarzetten",
                                 latitude=52.37 + 3.7 * KM_NORTH)
    match_round_run(municipality=world.municipality_a)
    application = Application.objects.get(seeker=world.seeker, role=role)
    return role, application


def employer_answers(world, client_for, role, application) -> dict[str, str]:
    api = client_for(world.employer_a)
    answers = {path: json.dumps(api.get(path).json(), ensure_ascii=False) for path in (
        f"/api/v1/roles/{role.pk}/candidates/", "/api/v1/applications/", f"/api/v1/applications/{application.pk}/")}
    portal = signed_in(world.employer_a)
    for url in (en("employer-home"), en("employer-role", role.pk), en("employer-applications"),
                en("employer-application", application.pk)):
        response = portal.get(url)
        assert response.status_code == 200, url
        answers[url] = response.content.decode()
    return answers


def test_the_sentinels_are_real_the_seeker_and_the_database_hold_them(world, client_for, suggestion):
    _role, application = suggestion

    mine = json.dumps(client_for(world.seeker_user).get("/api/v1/me/matches/").json(), ensure_ascii=False)

    assert "3,7 km" in mine and found(mine)
    assert "Dit is een stap verder dan wat je nu doet" in mine
    assert "3,7 km" in json.dumps(application.reasons, ensure_ascii=False)


def test_nothing_an_employer_receives_holds_the_exact_distance_or_the_rung(world, client_for, suggestion,
                                                                         django_capture_on_commit_callbacks):
    role, application = suggestion

    stages = {"suggested": employer_answers(world, client_for, role, application)}
    with django_capture_on_commit_callbacks(execute=True):  # the e-mails go out once the change is committed
        application_consent(application=application, actor_user=world.seeker_user)
        application_introduce(application=application, actor_user=world.caseworker_a)
    stages["introduced"] = employer_answers(world, client_for, role, application)
    application_start_trial(application=application, actor_user=world.employer_a)
    stages["trial"] = employer_answers(world, client_for, role, application)

    for stage, answers in stages.items():
        for where, text in answers.items():
            assert found(text) == [], (stage, where)
    assert "0–5 km" in stages["suggested"][f"/api/v1/applications/{application.pk}/"]
    employer_mail = [message for message in mail.outbox if world.employer_a.email in message.to]
    assert employer_mail
    for message in employer_mail:
        assert found(message.subject + message.body) == []


def test_an_employer_with_admin_access_finds_no_application_there(world, client, suggestion):
    _role, application = suggestion
    client.force_login(admin_user(world.employer_a, "view_application"))

    listing = client.get(reverse("marketplace_application:index"))
    inspect = client.get(reverse("marketplace_application:inspect", args=[application.pk]))

    assert listing.status_code == 200 and list(listing.context["object_list"]) == []
    assert inspect.status_code == 404


def test_the_caseworker_reads_the_exact_distance_on_the_admin_card(world, client, suggestion):
    _role, application = suggestion
    client.force_login(admin_user(world.caseworker_a, "view_application"))

    response = client.get(reverse("marketplace_application:inspect", args=[application.pk]))

    assert response.status_code == 200
    assert response.context["card"].distance_km == pytest.approx(3.7, abs=0.05)
    assert JobSeeker.objects.get(pk=application.seeker_id) == world.seeker
