"""``manage.py match_round --municipality CODE [--dry-run]``: run a matching round and print its summary."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from marketplace.models import Municipality
from marketplace.services.matching import match_round_run


def _number(value: float) -> str:
    return f"{value:,.1f}"


class Command(BaseCommand):
    help = (
        "Propose the best assignment of active job seekers to published roles of one municipality and store the "
        "proposals as suggestions for caseworkers (nothing is stored with --dry-run). Prints a summary that "
        "compares the optimal assignment with a greedy one."
    )

    def add_arguments(self, parser):
        parser.add_argument("--municipality", required=True, help="CBS code of the municipality, e.g. GM0363.")
        parser.add_argument("--dry-run", action="store_true", help="Compute and print, but store no suggestions.")

    def handle(self, *args, municipality, dry_run, **options):
        target = Municipality.objects.filter(cbs_code=municipality.strip().upper()).first()
        if target is None:
            raise CommandError(f"--municipality: no municipality with CBS code {municipality!r}.")
        try:
            result = match_round_run(municipality=target, dry_run=dry_run)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(self._summary(target, result))

    def _summary(self, municipality: Municipality, result) -> str:
        gain = result.total_score - result.greedy_total
        share = f" ({gain / result.greedy_total:+.1%})" if result.greedy_total else ""
        stored = "none (dry run)" if result.dry_run else f"{result.stored} new suggestions"
        lines = [
            f"Matching round for {municipality.name} ({municipality.cbs_code})" + (" - dry run" if result.dry_run
                                                                                  else ""),
            f"  job seekers:     {result.seekers}",
            f"  roles:           {result.roles}",
            f"  places:          {result.places}",
            f"  feasible pairs:  {result.pairs}",
            f"  proposals:       {result.proposals}",
            f"  total score:     {_number(result.total_score)}",
            f"  greedy would place {result.greedy_placed} with total score {_number(result.greedy_total)}; "
            f"optimal gains {_number(gain)}{share}",
            f"  stored:          {stored}",
            f"  duration:        {result.duration.total_seconds():.2f} s",
        ]
        return "\n".join(lines)
