"""``manage.py load_demo``: the demo data set with its public site, and optionally a large synthetic set.

The command lives in ``cms`` because it builds both halves of the demo: the marketplace
data (which knows nothing of the site) and the Wagtail page tree that presents it.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.demo_content import build_demo_site
from cms.demo_requests import build_demo_requests
from marketplace.demo import generate_synthetic, load_demo
from marketplace.demo.content import HAVENSTAD
from marketplace.models import Municipality


class Command(BaseCommand):
    help = (
        "Load the Werkplaats demo (two fictional municipalities, employers, associations, roles, job seekers, "
        "the public site and one login per actor); safe to run again. With --seekers/--roles, also add a synthetic set."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seekers", type=int, default=0, help="Synthetic job seekers to add.")
        parser.add_argument("--roles", type=int, default=0, help="Synthetic roles to add.")
        parser.add_argument("--municipality", default=HAVENSTAD,
                            help="CBS code of the municipality for the synthetic set (default %(default)s).")
        parser.add_argument("--seed", type=int, default=1, help="Seed of the synthetic set (default 1).")
        parser.add_argument("--allow-demo-logins", action="store_true",
                            help="Load even when DEBUG is off (the demo logins have a published password).")

    def handle(self, *args, seekers, roles, municipality, seed, allow_demo_logins, **options):
        if not settings.DEBUG and not allow_demo_logins:
            raise CommandError(
                "load_demo creates a superuser and other logins with a published password. Run it with "
                "DEBUG=true, or pass --allow-demo-logins on a server that is only used for demonstrations."
            )
        if seekers < 0 or roles < 0:
            raise CommandError("--seekers and --roles must be 0 or more.")
        summary = load_demo()
        build_demo_site(municipality=Municipality.objects.get(cbs_code=HAVENSTAD))
        build_demo_requests()
        self.stdout.write(summary.format())
        if not (seekers or roles):
            return
        target = Municipality.objects.filter(cbs_code=municipality.upper()).first()
        if target is None:
            raise CommandError(f"--municipality: no municipality with CBS code {municipality!r}.")
        try:
            summary = generate_synthetic(municipality=target, seekers=seekers, roles=roles, seed=seed)
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(summary.format())
