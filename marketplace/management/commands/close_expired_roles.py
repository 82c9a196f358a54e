"""``manage.py close_expired_roles [--date YYYY-MM-DD]``: enforce the end dates of roles.

Closes every published role whose end date has passed and records a reminder for the employers of
published roles that end within a week. ``deliver_notifications --loop`` does the same once a day;
this command runs it at once, for instance from cron. Running it twice changes nothing more.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from marketplace.services.roles import EXPIRY_REMINDER_DAYS, roles_expiry_run


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--date: give a date as YYYY-MM-DD, not {value!r}.") from error


class Command(BaseCommand):
    help = (
        "Close the published roles whose end date has passed, and remind employers by e-mail of roles that end "
        f"within {EXPIRY_REMINDER_DAYS} days (once per role)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Act as if today were this day (YYYY-MM-DD); default today.")

    def handle(self, *args, date, verbosity, **options):
        today = _date(date) if date else timezone.localdate()
        report = roles_expiry_run(today=today)
        if verbosity < 1:
            return
        self.stdout.write(f"Closed {len(report.closed)} role(s) whose end date passed before {today:%Y-%m-%d}.")
        for role in report.closed:
            self.stdout.write(f"  closed #{role.pk} {role.title} (ended {role.end_date:%Y-%m-%d})")
        self.stdout.write(f"Reminded the employers of {len(report.reminded)} role(s) that end soon.")
        for role in report.reminded:
            self.stdout.write(f"  reminded #{role.pk} {role.title} (ends {role.end_date:%Y-%m-%d})")
