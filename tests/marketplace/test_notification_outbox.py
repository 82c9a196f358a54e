"""The notification outbox: e-mails are recorded with the change, retried with back-off, and never lost or doubled.

These run on SQLite with a mail backend that fails on demand; the same rules against a real
mail server and a real worker process are in test_notification_faults.py (PostgreSQL).
"""

import smtplib
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from marketplace import tasks
from marketplace.models import Notification, NotificationKind, NotificationStatus, ServiceRequestStatus
from marketplace.notifications import deliver_due, message_id
from marketplace.services.applications import application_express_interest, application_invite
from marketplace.services.notifications import (
    notification_claim_next,
    notification_mark_sent,
    notification_record,
    notifications_purge_sent,
    retry_delay,
)
from marketplace.services.service_requests import service_request_set_status, service_request_submit
from marketplace.services.worker import tasks_recover_stuck
from tests import factories
from tests.cms.public_site import add_postcode_areas_and_category

pytestmark = pytest.mark.django_db
DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class FlakyBackend(BaseEmailBackend):
    """A mail server that raises the queued errors, one per message, and then accepts into ``mail.outbox``.

    Every message offered is remembered in ``offered``, failed or not, to compare Message-IDs.
    """

    errors: list[Exception] = []
    offered: list = []

    def send_messages(self, messages):
        FlakyBackend.offered.extend(messages)
        if FlakyBackend.errors:
            raise FlakyBackend.errors.pop(0)
        mail.outbox.extend(messages)
        return len(messages)


@pytest.fixture
def flaky(settings):
    settings.EMAIL_BACKEND = f"{__name__}.FlakyBackend"
    FlakyBackend.errors, FlakyBackend.offered = [], []
    yield FlakyBackend
    FlakyBackend.errors, FlakyBackend.offered = [], []


@pytest.fixture(autouse=True)
def _retry_settings(settings):
    settings.NOTIFICATION_MAX_ATTEMPTS = 3
    settings.NOTIFICATION_RETRY_BASE_SECONDS = 60
    settings.NOTIFICATION_RETRY_MAX_SECONDS = 600
    settings.NOTIFICATION_LEASE_SECONDS = 300


@pytest.fixture
def role(world):
    return factories.RoleFactory(organisation=world.organisation_a, published=True, title="Broodkratten klaarzetten")


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def invitation(world, role) -> Notification:
    application = application_invite(role=role, seeker=world.seeker, actor_user=world.employer_a)
    return Notification.objects.get(application=application, kind=NotificationKind.SEEKER_INVITED)


def time_passes(notification: Notification) -> None:
    """Bring the next attempt (or the end of the lease) to now, as if the wait were over."""
    Notification.objects.filter(pk=notification.pk).update(next_attempt_at=timezone.now() - timedelta(seconds=1),
                                                          claimed_until=timezone.now() - timedelta(seconds=1))


def state(notification: Notification) -> Notification:
    return Notification.objects.get(pk=notification.pk)


# Recording -----------------------------------------------------------------------------------------------

def test_the_email_is_recorded_in_the_transaction_of_the_change_and_sent_only_after_the_commit(world, role,
                                                                                            committed):
    with committed() as callbacks:
        application = application_invite(role=role, seeker=world.seeker, actor_user=world.employer_a)
        recorded = Notification.objects.get(application=application)
        assert recorded.status == NotificationStatus.PENDING
        assert recorded.recipient == "sentinel-seeker@example.nl"
        assert mail.outbox == []

    assert len(callbacks) == 1
    [message] = mail.outbox
    assert message.message()["Message-ID"] == message_id(recorded)
    sent = state(recorded)
    assert (sent.status, sent.attempts, sent.claim_token) == (NotificationStatus.SENT, 1, "")
    assert sent.sent_at is not None


def test_a_change_that_is_rolled_back_leaves_no_notification(world, role, committed):
    with committed(), pytest.raises(RuntimeError), transaction.atomic():
        application_invite(role=role, seeker=world.seeker, actor_user=world.employer_a)
        raise RuntimeError("the request failed after the invitation")

    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_the_same_event_for_the_same_recipient_is_recorded_once(world, role):
    application = application_invite(role=role, seeker=world.seeker, actor_user=world.employer_a)

    again = notification_record(kind=NotificationKind.SEEKER_INVITED, recipient="Sentinel-Seeker@example.nl ",
                                event=f"application:{application.pk}", application=application)

    assert Notification.objects.filter(application=application).count() == 1
    assert again == Notification.objects.get(application=application)


def test_the_database_refuses_a_second_row_with_the_same_idempotency_key(world, role):
    first = invitation(world, role)

    with pytest.raises(IntegrityError), transaction.atomic():
        Notification.objects.create(kind=first.kind, recipient="someone-else@example.nl",
                                    idempotency_key=first.idempotency_key, application_id=first.application_id)


def test_the_idempotency_key_and_message_id_carry_no_address(world, role):
    notification = invitation(world, role)

    assert "sentinel" not in notification.idempotency_key
    assert "sentinel" not in message_id(notification)
    assert message_id(notification).endswith("@werkplaats.example>")


def test_a_failed_queueing_of_the_delivery_loses_nothing(world, role, committed, monkeypatch):
    def queue_down(*args, **kwargs):
        raise ConnectionError("the task queue is unreachable")

    monkeypatch.setattr(tasks, "deliver_notifications", SimpleNamespace(enqueue=queue_down))
    with committed():
        application_invite(role=role, seeker=world.seeker, actor_user=world.employer_a)
    assert mail.outbox == []

    call_command("deliver_notifications", verbosity=0)

    [message] = mail.outbox
    assert message.to == ["sentinel-seeker@example.nl"]


def test_each_status_of_a_service_request_is_told_as_it_was_when_it_happened(world):
    category = add_postcode_areas_and_category(world.municipality_a, world.municipality_b)
    request = service_request_submit(
        category=category, description="De heg is te hoog.", street="Lindelaan 12", postcode="1234ab",
        city="Havenstad", requester_name="Mevrouw Jansen", requester_email="jansen@example.nl",
        requester_phone="06-1234 5678")
    service_request_set_status(service_request=request, to_status=ServiceRequestStatus.TRIAGED,
                               by=world.caseworker_a)
    service_request_set_status(service_request=request, to_status=ServiceRequestStatus.REJECTED,
                               by=world.caseworker_a, reason="Geen vrijwilligers in uw wijk.")

    deliver_due()

    received, triaged, rejected = sorted(mail.outbox, key=_notification_pk)
    assert received.subject == "We hebben uw aanvraag voor Groenonderhoud ontvangen"
    assert triaged.subject == rejected.subject == "Nieuws over uw aanvraag voor Groenonderhoud"
    assert "We bekijken uw aanvraag en zoeken wie het werk kan doen." in triaged.body
    assert "De reden: Geen vrijwilligers in uw wijk." in rejected.body


def _notification_pk(message) -> int:
    """The notification a message was sent for, found through its Message-ID."""
    return next(notification.pk for notification in Notification.objects.all()
                if message_id(notification) == message.message()["Message-ID"])


# Retries -------------------------------------------------------------------------------------------------

def test_the_wait_between_attempts_doubles_up_to_the_maximum():
    assert [retry_delay(attempt).total_seconds() for attempt in range(1, 7)] == [60, 120, 240, 480, 600, 600]


def test_a_mail_server_that_is_down_gets_the_email_later_with_the_same_message_id(world, role, flaky):
    notification = invitation(world, role)
    flaky.errors.append(smtplib.SMTPServerDisconnected("Connection unexpectedly closed"))

    before = timezone.now()
    report = deliver_due()

    waiting = state(notification)
    assert (report.sent, report.retrying) == (0, 1)
    assert waiting.status == NotificationStatus.PENDING and waiting.attempts == 1
    assert before + timedelta(seconds=59) < waiting.next_attempt_at < timezone.now() + timedelta(seconds=61)
    assert "SMTPServerDisconnected" in waiting.last_error
    assert deliver_due().sent == 0, "not again before the back-off has passed"

    time_passes(notification)
    assert deliver_due().sent == 1

    first_try, second_try = flaky.offered
    assert first_try.message()["Message-ID"] == second_try.message()["Message-ID"] == message_id(notification)
    assert state(notification).status == NotificationStatus.SENT
    assert len(mail.outbox) == 1


def test_after_the_last_attempt_the_notification_is_failed_and_listed_for_staff(world, role, flaky, capsys):
    notification = invitation(world, role)
    flaky.errors.extend(smtplib.SMTPConnectError(421, "Service not available") for _attempt in range(3))

    for _attempt in range(3):
        deliver_due()
        time_passes(notification)

    failed = state(notification)
    assert (failed.status, failed.attempts) == (NotificationStatus.FAILED, 3)
    assert deliver_due().sent == 0 and mail.outbox == []
    call_command("deliver_notifications", "--failed")
    assert f"#{notification.pk} seeker_invited to sentinel-seeker@example.nl" in capsys.readouterr().out

    call_command("deliver_notifications", "--retry-failed", verbosity=0)

    assert state(notification).status == NotificationStatus.SENT
    assert len(mail.outbox) == 1


def test_a_permanent_refusal_fails_at_once(world, role, flaky):
    notification = invitation(world, role)
    flaky.errors.append(smtplib.SMTPRecipientsRefused({"sentinel-seeker@example.nl": (550, b"No such user")}))

    assert deliver_due().failed == 1

    assert state(notification).status == NotificationStatus.FAILED
    assert state(notification).attempts == 1


# Leases --------------------------------------------------------------------------------------------------

def test_a_notification_held_by_a_worker_that_died_is_sent_once_its_lease_runs_out(world, role):
    notification = invitation(world, role)
    dead_workers_claim = notification_claim_next()
    assert dead_workers_claim.pk == notification.pk

    assert deliver_due().sent == 0, "nobody else may send it while the lease lasts"
    time_passes(notification)
    assert deliver_due().sent == 1

    assert len(mail.outbox) == 1
    assert state(notification).attempts == 2
    assert notification_mark_sent(notification=dead_workers_claim) is False, "the late worker lost its lease"


def test_a_lease_that_runs_out_on_the_last_attempt_fails_the_notification(world, role, settings):
    settings.NOTIFICATION_MAX_ATTEMPTS = 1
    notification = invitation(world, role)
    notification_claim_next()
    time_passes(notification)

    assert notification_claim_next() is None

    assert state(notification).status == NotificationStatus.FAILED
    assert mail.outbox == []


def test_two_workers_never_claim_the_same_notification(world, role):
    second_role = factories.RoleFactory(organisation=world.organisation_a, published=True)
    interests = [application_express_interest(seeker=world.seeker, role=each)[0] for each in (role, second_role)]

    first, second, third = notification_claim_next(), notification_claim_next(), notification_claim_next()

    assert third is None
    assert {first.application_id, second.application_id} == {interest.pk for interest in interests}


# The worker ----------------------------------------------------------------------------------------------

def test_the_delivery_task_queues_a_follow_up_for_the_retry_on_the_database_backend(world, role, flaky, settings):
    settings.TASKS = DATABASE_BACKEND
    notification = invitation(world, role)
    flaky.errors.append(smtplib.SMTPResponseException(451, "Try again later"))

    tasks.deliver_notifications.call(notification_ids=[notification.pk])

    follow_up = DBTaskResult.objects.get(task_path="marketplace.tasks.deliver_notifications", status="READY")
    assert follow_up.run_after == state(notification).next_attempt_at
    assert follow_up.args_kwargs["kwargs"] == {"notification_ids": [notification.pk]}


def test_a_task_left_running_by_a_dead_worker_is_failed_and_the_delivery_queued_again(world, role, settings):
    settings.TASKS = DATABASE_BACKEND
    long_ago = timezone.now() - timedelta(hours=2)
    stuck = tasks.deliver_notifications.enqueue(notification_ids=[1, 2])
    other = tasks.deliver_notifications.enqueue(notification_ids=[3])
    DBTaskResult.objects.filter(pk__in=[stuck.id]).update(status="RUNNING", started_at=long_ago)
    DBTaskResult.objects.filter(pk__in=[other.id]).update(status="RUNNING", started_at=timezone.now())
    foreign = DBTaskResult.objects.create(task_path="somewhere.else.unsafe_task", backend_name="default",
                                          args_kwargs={"args": [], "kwargs": {}}, run_after=long_ago,
                                          status="RUNNING", started_at=long_ago)

    call_command("recover_tasks", "--older-than", "3600", verbosity=0)

    assert DBTaskResult.objects.get(pk=stuck.id).status == "FAILED"
    assert "WorkerLost" in DBTaskResult.objects.get(pk=stuck.id).exception_class_path
    assert DBTaskResult.objects.get(pk=foreign.pk).status == "FAILED"
    assert DBTaskResult.objects.get(pk=other.id).status == "RUNNING", "still within its time"
    [again] = DBTaskResult.objects.filter(status="READY")
    assert again.args_kwargs["kwargs"] == {"notification_ids": [1, 2]}


def test_sent_notifications_are_deleted_after_the_retention_period(world, role, settings):
    settings.NOTIFICATION_KEEP_DAYS = 30
    old = invitation(world, role)
    deliver_due()
    other_role = factories.RoleFactory(organisation=world.organisation_a, published=True)
    interest, _created = application_express_interest(seeker=world.seeker, role=other_role)
    waiting = Notification.objects.get(application=interest, kind=NotificationKind.CASEWORKER_INTEREST)
    month_ago = timezone.now() - timedelta(days=31)
    Notification.objects.filter(pk=old.pk).update(sent_at=month_ago)
    Notification.objects.filter(pk=waiting.pk).update(created_at=month_ago)

    assert notifications_purge_sent() == 1

    assert not Notification.objects.filter(pk=old.pk).exists()
    assert Notification.objects.filter(pk=waiting.pk).exists(), "not sent yet, so kept"


def test_the_recovery_service_reports_nothing_when_nothing_is_stuck(db):
    recovery = tasks_recover_stuck(older_than=timedelta(hours=1))

    assert recovery.failed == [] and recovery.requeued == []
