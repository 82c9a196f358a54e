"""No notification is lost and none is sent twice, with a real mail server and a real worker process.

A mail server (aiosmtpd) listens on a loopback port and can be down, answer "try again later"
(451) or stall in DATA; the worker is ``manage.py db_worker`` (and, where a worker died, the
``deliver_notifications`` sweep beside it, as ``make run`` starts them), run as subprocesses on
the test database. Every message is counted by its Message-ID.

Runs against PostgreSQL (set DATABASE_URL): the worker processes need a database they can share
with the test, which the in-memory SQLite test database is not; the test is skipped on SQLite.
Every wait is bounded, and every process is killed when the test ends.
"""

import asyncio
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from email import message_from_bytes
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import quote

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings as django_settings
from django.db import connection, transaction
from django_tasks_db.models import DBTaskResult

from marketplace.models import Notification, NotificationStatus
from marketplace.notifications import message_id
from marketplace.services.applications import application_express_interest, application_invite
from tests import factories

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL: set DATABASE_URL"),
]

PROJECT = Path(django_settings.BASE_DIR)
DEADLINE = 60  # seconds any one wait may take before the test fails
# A worker holds a notification for LEASE seconds; the mail server must answer within TIMEOUT.
LEASE, TIMEOUT = 6, 5
STALL_SECONDS = 30


class MailServer:
    """The SMTP handler: records accepted messages, and can answer 451 or stall the first DATA."""

    ACCEPT, BUSY, STALL = "accept", "busy", "stall"

    def __init__(self):
        self.mode = self.ACCEPT
        self.received = []
        self.busy_answers = 0
        self.stalled = threading.Event()
        self.abandoned = 0

    async def handle_DATA(self, server, session, envelope):
        if self.mode == self.BUSY:
            self.busy_answers += 1
            return "451 4.3.0 Mailbox busy, try again later"
        if self.mode == self.STALL:
            self.mode = self.ACCEPT  # only the first message stalls
            self.stalled.set()
            try:
                await asyncio.sleep(STALL_SECONDS)
            except asyncio.CancelledError:
                # The client went away before we answered: the message was never accepted.
                self.abandoned += 1
                raise
        self.received.append(message_from_bytes(envelope.content))
        return "250 2.0.0 Accepted"

    def message_ids(self) -> list[str]:
        return [message["Message-ID"].strip() for message in self.received]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url() -> str:
    db = connection.settings_dict
    credentials = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Processes:
    """Worker processes started for one test; all of them are killed at its end, whatever happened."""

    def __init__(self, port: int, logs: Path):
        self.port, self.logs, self.running = port, logs, []

    def environment(self) -> dict:
        return {
            **os.environ,
            "DEBUG": "true",
            "DATABASE_URL": database_url(),
            "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(self.port),
            "EMAIL_TIMEOUT": str(TIMEOUT),
            "NOTIFICATION_RETRY_BASE_SECONDS": "1",
            "NOTIFICATION_RETRY_MAX_SECONDS": "2",
            "NOTIFICATION_LEASE_SECONDS": str(LEASE),
            "NOTIFICATION_MAX_ATTEMPTS": "100",
            "TASK_STUCK_AFTER_SECONDS": "1",
        }

    def start(self, *command: str) -> subprocess.Popen:
        log = (self.logs / f"{command[0]}-{len(self.running)}.log").open("w")
        process = subprocess.Popen([sys.executable, "manage.py", *command], cwd=PROJECT, env=self.environment(),
                                   stdout=log, stderr=subprocess.STDOUT)
        self.running.append(process)
        return process

    def worker(self) -> subprocess.Popen:
        return self.start("db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2")

    def sweep(self) -> subprocess.Popen:
        return self.start("deliver_notifications", "--loop", "--interval", "0.5")

    def output(self) -> str:
        return "\n".join(f"--- {path.name}\n{path.read_text()[-3000:]}" for path in sorted(self.logs.iterdir()))

    def kill_all(self) -> None:
        for process in self.running:
            if process.poll() is None:
                process.kill()
            process.wait(timeout=10)


@pytest.fixture
def mail_server():
    return MailServer()


@pytest.fixture
def smtp(mail_server):
    """Start and stop the mail server on a fixed port: while it is not started, connections are refused."""
    port = free_port()
    controllers = []

    def start():
        controller = Controller(mail_server, hostname="127.0.0.1", port=port, ready_timeout=10)
        controller.start()
        controllers.append(controller)

    yield SimpleNamespace(port=port, start=start)
    for controller in controllers:
        controller.stop()


@pytest.fixture
def processes(smtp, tmp_path):
    running = Processes(smtp.port, tmp_path)
    try:
        yield running
    finally:
        running.kill_all()


@pytest.fixture(autouse=True)
def _queue_in_the_database(settings):
    """The test process queues tasks in the shared database, where the worker processes find them."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def wait_until(condition, what: str, processes: Processes, timeout: float = DEADLINE):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    pytest.fail(f"Timed out waiting until {what}.\n{processes.output()}")


def three_application_moves(world) -> None:
    """Interest (to the caseworker) and two invitations (to the seeker): each one committed on its own."""
    roles = [factories.RoleFactory(organisation=world.organisation_a, published=True) for _index in range(3)]
    application_express_interest(seeker=world.seeker, role=roles[0])
    application_invite(role=roles[1], seeker=world.seeker, actor_user=world.employer_a)
    application_invite(role=roles[2], seeker=world.seeker, actor_user=world.caseworker_a)


def assert_each_delivered_exactly_once(mail_server: MailServer) -> None:
    expected = sorted(message_id(notification) for notification in Notification.objects.all())
    assert len(expected) == 3
    assert sorted(mail_server.message_ids()) == expected
    assert set(Notification.objects.values_list("status", flat=True)) == {NotificationStatus.SENT}


def test_emails_recorded_while_the_mail_server_is_down_arrive_exactly_once_when_it_is_back(
        world, smtp, mail_server, processes):
    processes.worker()

    three_application_moves(world)

    wait_until(lambda: Notification.objects.filter(attempts__gte=1, status=NotificationStatus.PENDING).count() == 3,
               "the worker tried each e-mail while the mail server refused connections", processes)
    mail_server.mode = MailServer.BUSY
    smtp.start()
    wait_until(lambda: mail_server.busy_answers >= 3, "the mail server answered 451 to every e-mail", processes)
    assert mail_server.received == []
    mail_server.mode = MailServer.ACCEPT
    wait_until(lambda: not Notification.objects.unfinished().exists(), "every e-mail was sent", processes)

    assert_each_delivered_exactly_once(mail_server)
    assert all(notification.attempts >= 3 for notification in Notification.objects.all())
    time.sleep(1.5)  # a retry that should not happen would come within the back-off
    assert len(mail_server.received) == 3


def test_an_email_whose_worker_is_killed_while_sending_is_sent_once_by_the_next_worker(
        world, smtp, mail_server, processes):
    mail_server.mode = MailServer.STALL
    smtp.start()
    first_worker = processes.worker()

    three_application_moves(world)

    wait_until(mail_server.stalled.is_set, "the worker was in the middle of sending", processes)
    first_worker.send_signal(signal.SIGKILL)
    first_worker.wait(timeout=10)
    held = Notification.objects.get(status=NotificationStatus.SENDING)
    assert DBTaskResult.objects.running().count() == 1
    wait_until(lambda: mail_server.abandoned == 1, "the mail server saw the sender go away", processes)

    processes.worker()
    processes.sweep()
    wait_until(lambda: not Notification.objects.unfinished().exists(), "every e-mail was sent", processes)
    wait_until(lambda: not DBTaskResult.objects.running().exists(), "the task of the dead worker was released",
               processes)

    assert_each_delivered_exactly_once(mail_server)
    assert Notification.objects.get(pk=held.pk).attempts == 2
    assert DBTaskResult.objects.failed().filter(exception_class_path__endswith="WorkerLost").count() == 1


def test_a_change_that_is_rolled_back_sends_nothing_while_a_committed_one_is_sent(world, smtp, mail_server,
                                                                                  processes):
    smtp.start()
    processes.worker()
    roles = [factories.RoleFactory(organisation=world.organisation_a, published=True) for _index in range(2)]

    with pytest.raises(RuntimeError), transaction.atomic():
        application_invite(role=roles[0], seeker=world.seeker, actor_user=world.employer_a)
        raise RuntimeError("the request failed after the invitation")
    application_invite(role=roles[1], seeker=world.seeker, actor_user=world.employer_a)

    wait_until(lambda: len(mail_server.received) == 1 and not Notification.objects.unfinished().exists(),
               "the committed invitation was sent", processes)
    time.sleep(1)

    [notification] = Notification.objects.all()
    assert notification.application.role == roles[1]
    assert mail_server.message_ids() == [message_id(notification)]
