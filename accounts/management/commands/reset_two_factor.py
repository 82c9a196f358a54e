"""Remove someone's authenticator app and backup codes, for example after losing their phone."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token


class Command(BaseCommand):
    help = (
        "Remove the authenticator app and backup codes of a user, and their API token. At their next "
        "sign-in they set up a new app. Check who is asking before you run this."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    @transaction.atomic
    def handle(self, *args, username, **options):
        user = get_user_model()._default_manager.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user with username {username!r}.")
        apps, _details = TOTPDevice.objects.filter(user=user).delete()
        backups, _details = StaticDevice.objects.filter(user=user).delete()
        # A token issued with the old app must not outlive it.
        Token.objects.filter(user=user).delete()
        self.stdout.write(f"Removed {apps} app(s) and the backup codes of {username}; "
                          "they set up a new app at their next sign-in.")
