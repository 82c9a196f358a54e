"""``manage.py recover_tasks [--older-than SECONDS]``: release tasks left running by a worker that died."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from marketplace.services.worker import tasks_recover_stuck


class Command(BaseCommand):
    help = (
        "Mark background tasks that have been running for longer than --older-than seconds as failed (their "
        "worker stopped), and queue again those that are safe to run twice, such as e-mail delivery."
    )

    def add_arguments(self, parser):
        parser.add_argument("--older-than", type=int, default=None,
                            help="Seconds a task may run before it counts as stuck (default TASK_STUCK_AFTER_SECONDS).")

    def handle(self, *args, older_than, verbosity, **options):
        seconds = settings.TASK_STUCK_AFTER_SECONDS if older_than is None else older_than
        if seconds < 0:
            raise CommandError("--older-than: give zero or more seconds.")
        recovery = tasks_recover_stuck(older_than=timedelta(seconds=seconds))
        if verbosity:
            self.stdout.write(f"Marked {len(recovery.failed)} stuck task(s) failed; "
                              f"queued {len(recovery.requeued)} again.")
