"""``manage.py deliver_notifications [--loop [--interval N]] [--failed] [--retry-failed]``: send the outbox.

The worker sends notifications as soon as they are recorded; this command is the safety net that
runs beside it. Each run marks tasks left running by a dead worker failed and queues the safe ones
again, sends every due notification (first attempts, retries whose back-off has passed, and rows
whose worker died while sending), and deletes sent notifications older than ``NOTIFICATION_KEEP_DAYS``.
``--loop`` repeats that every ``--interval`` seconds until stopped, and once a day also closes the
roles whose end date has passed and reminds employers of roles that end soon (``close_expired_roles``):
django-tasks has no periodic scheduler, and this loop already runs beside the worker.
"""

import logging
import signal
import threading
from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, close_old_connections
from django.utils import timezone

from marketplace.models import Notification
from marketplace.notifications import DELIVERY_BATCH, DeliveryReport, deliver_due
from marketplace.services.notifications import notifications_purge_sent, notifications_retry_failed
from marketplace.services.roles import roles_expiry_run_once_a_day
from marketplace.services.worker import tasks_recover_stuck

logger = logging.getLogger(__name__)


def _positive(value: str) -> float:
    number = float(value)
    if not 0 < number <= 3600:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Send due e-mail notifications from the outbox (retries included), recover tasks left running by a "
        "stopped worker, and delete old sent notifications. With --loop, keep doing so every --interval seconds."
    )

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="Keep running until stopped (Ctrl-C or SIGTERM).")
        parser.add_argument("--interval", type=_positive, default=5.0,
                            help="Seconds between runs with --loop (default 5).")
        parser.add_argument("--limit", type=int, default=DELIVERY_BATCH,
                            help=f"Notifications sent at most per run (default {DELIVERY_BATCH}).")
        parser.add_argument("--failed", action="store_true",
                            help="List the notifications that failed for good, and send nothing.")
        parser.add_argument("--retry-failed", action="store_true",
                            help="Give failed notifications a fresh set of attempts, then send.")

    def handle(self, *args, loop, interval, limit, failed, retry_failed, verbosity, **options):
        if limit < 1:
            raise CommandError("--limit: give a positive number.")
        if failed:
            self._list_failed()
            return
        if retry_failed:
            count = notifications_retry_failed()
            if verbosity:
                self.stdout.write(f"{count} failed notification(s) will be tried again.")
        stop = threading.Event()
        if not loop:
            self._run(limit, verbosity, stop)
            return
        # Stop between two e-mails rather than in the middle of one; a lease covers a hard kill too.
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda _signum, _frame: stop.set())
        while not stop.is_set():
            # A long-running process must drop connections the database closed or that grew too old.
            close_old_connections()
            try:
                self._daily(verbosity)
                self._run(limit, verbosity, stop)
            except DatabaseError as error:
                # The database may be restarting; the next run tries again.
                self.stderr.write(f"Database unavailable ({type(error).__name__}); trying again.")
            stop.wait(interval)

    def _run(self, limit: int, verbosity: int, stop: threading.Event) -> DeliveryReport:
        recovery = tasks_recover_stuck(older_than=timedelta(seconds=settings.TASK_STUCK_AFTER_SECONDS))
        report = deliver_due(limit=limit, keep_going=lambda: not stop.is_set())
        purged = notifications_purge_sent()
        if verbosity and (report or recovery.failed or purged):
            self.stdout.write(
                f"Sent {report.sent}, retrying {report.retrying}, failed {report.failed}; "
                f"recovered {len(recovery.failed)} stuck task(s); deleted {purged} old notification(s)."
            )
        return report

    def _daily(self, verbosity: int) -> None:
        try:
            report = roles_expiry_run_once_a_day(today=timezone.localdate())
        except DatabaseError:
            raise
        except Exception:
            # A fault in the daily upkeep must not stop the e-mails; the day stays marked, so it is
            # not retried every few seconds (``manage.py close_expired_roles`` runs it by hand).
            logger.exception("The daily run of role end dates failed.")
            return
        if report is not None and verbosity:
            self.stdout.write(f"Closed {len(report.closed)} expired role(s); reminded the employers of "
                              f"{len(report.reminded)} role(s) that end soon.")

    def _list_failed(self) -> None:
        rows = Notification.objects.failed().order_by("created_at")
        if not rows:
            self.stdout.write("No failed notifications.")
            return
        for row in rows:
            error = " ".join(row.last_error.split())[:200]
            self.stdout.write(f"#{row.pk} {row.kind} to {row.recipient}, recorded {row.created_at:%Y-%m-%d %H:%M}, "
                              f"{row.attempts} attempt(s): {error}")
