"""E-mails about applications: to the right people, in their language, with a link to the right page,
and only once the change is committed."""

import pytest
from django.core import mail
from django.db import transaction

from marketplace.models import Notification, NotificationKind
from marketplace.notifications import DeliveryReport, deliver_due
from marketplace.services.applications import (
    application_consent,
    application_express_interest,
    application_introduce,
    application_invite,
)
from tests import factories

pytestmark = pytest.mark.django_db
SITE = "https://werk.havenstad.example"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE + "/"


@pytest.fixture
def role(world):
    return factories.RoleFactory(organisation=world.organisation_a, published=True, title="Broodkratten klaarzetten")


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs the block's on-commit callbacks, as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def sent_to(address: str) -> list:
    return [message for message in mail.outbox if message.to == [address]]


def test_invited_seeker_gets_a_dutch_email_with_a_link_to_the_application(world, role, committed):
    with committed():
        application = application_invite(role=role, seeker=world.seeker, actor_user=world.employer_a)

    [message] = mail.outbox
    assert message.to == ["sentinel-seeker@example.nl"]
    assert message.subject == "Uitnodiging: Broodkratten klaarzetten bij Bakkerij A"
    assert "Beste Sentinelia," in message.body
    assert "De werkgever ziet je naam en je telefoonnummer nog niet." in message.body
    assert f"{SITE}/mijn/aanmeldingen/{application.pk}/" in message.body


def test_a_seeker_who_chose_english_gets_english(world, role, committed):
    world.seeker.preferred_language = "en"
    world.seeker.save()

    with committed():
        application_invite(role=role, seeker=world.seeker, actor_user=world.caseworker_a)

    [message] = mail.outbox
    assert message.subject == "Invitation: Broodkratten klaarzetten at Bakkerij A"
    assert "The employer does not see your name or phone number yet." in message.body


def test_introduction_tells_the_seeker_and_the_employer_but_not_the_person_who_did_it(world, role, committed):
    colleague = factories.MembershipFactory(organisation=world.organisation_a, user__email="planning@bakkerij.example")
    application, _created = application_express_interest(seeker=world.seeker, role=role)
    application_consent(application=application, actor_user=world.seeker_user)
    mail.outbox.clear()

    with committed():
        application_introduce(application=application, actor_user=world.employer_a)

    seeker_mail, = sent_to("sentinel-seeker@example.nl")
    employer_mail, = sent_to(colleague.user.email)
    assert sent_to(world.employer_a.email) == []
    assert seeker_mail.subject == "Je bent voorgesteld aan Bakkerij A"
    assert employer_mail.subject == "Kandidaat voorgesteld voor Broodkratten klaarzetten"
    assert f"{SITE}/werkgever/aanmeldingen/{application.pk}/" in employer_mail.body
    assert "Sentinelia" not in employer_mail.body + employer_mail.subject


def test_caseworker_hears_of_interest_with_a_link_to_the_admin(world, role, committed):
    with committed():
        application, _created = application_express_interest(seeker=world.seeker, role=role)

    [message] = mail.outbox
    assert message.to == [world.caseworker_a.email]
    assert message.subject == "Interesse in Broodkratten klaarzetten bij Bakkerij A"
    assert f"{SITE}/admin/marketplace/application/inspect/{application.pk}/" in message.body


def test_without_an_own_caseworker_every_caseworker_of_the_municipality_hears_of_interest(world, role, committed):
    loose = factories.JobSeekerFactory(municipality=world.municipality_a, with_account=True, caseworker=None)
    colleague = factories.CaseworkerFactory(municipality=world.municipality_a)

    with committed():
        application_express_interest(seeker=loose, role=role)

    assert sorted(address for message in mail.outbox for address in message.to) == sorted(
        [world.caseworker_a.email, colleague.user.email])


def test_nothing_is_sent_for_a_change_that_was_rolled_back(world, role, committed):
    with committed(), pytest.raises(RuntimeError), transaction.atomic():
        application_invite(role=role, seeker=world.seeker, actor_user=world.employer_a)
        raise RuntimeError("the request failed later on")

    assert mail.outbox == []


def test_a_seeker_without_an_email_address_is_skipped(world, role, committed):
    quiet = factories.JobSeekerFactory(municipality=world.municipality_a, email="")

    with committed():
        application_invite(role=role, seeker=quiet, actor_user=world.caseworker_a)

    assert not Notification.objects.filter(kind=NotificationKind.SEEKER_INVITED).exists()
    assert mail.outbox == []


def test_the_emails_of_an_application_that_is_deleted_before_they_are_sent_go_with_it(world, role):
    application = application_invite(role=role, seeker=world.seeker, actor_user=world.employer_a)
    assert Notification.objects.filter(application=application).count() == 1

    application.delete()

    assert deliver_due() == DeliveryReport()
    assert mail.outbox == []
