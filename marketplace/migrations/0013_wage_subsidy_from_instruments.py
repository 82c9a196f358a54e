"""The wage-cost subsidy for carved roles moves from a field of the municipality into its koffer.

Every municipality that had a percentage gets an active instrument "Loonkostensubsidie" of kind
wage_cost_subsidy with that percentage; then the field goes. Going back puts the percentage of the
active wage-cost subsidy back on the municipality and leaves the instruments in the catalogue.
"""

from decimal import Decimal

from django.db import migrations

NAME = "Loonkostensubsidie"
WAGE_COST_SUBSIDY = "wage_cost_subsidy"


def subsidies_to_instruments(apps, schema_editor):
    Municipality = apps.get_model("marketplace", "Municipality")
    Instrument = apps.get_model("marketplace", "Instrument")
    for municipality in Municipality.objects.filter(wage_subsidy_percent__gt=0):
        in_use = Instrument.objects.filter(municipality=municipality, kind=WAGE_COST_SUBSIDY, active=True)
        if in_use.exists() or Instrument.objects.filter(municipality=municipality, name=NAME).exists():
            continue
        Instrument.objects.create(
            municipality=municipality, kind=WAGE_COST_SUBSIDY, name=NAME, cost=Decimal("0"),
            subsidy_percent=municipality.wage_subsidy_percent, active=True,
        )


def instruments_to_subsidies(apps, schema_editor):
    Municipality = apps.get_model("marketplace", "Municipality")
    Instrument = apps.get_model("marketplace", "Instrument")
    for municipality in Municipality.objects.all():
        instrument = (Instrument.objects.filter(municipality=municipality, kind=WAGE_COST_SUBSIDY, active=True,
                                                subsidy_percent__isnull=False).order_by("-pk").first())
        if instrument is not None:
            municipality.wage_subsidy_percent = instrument.subsidy_percent
            municipality.save(update_fields=["wage_subsidy_percent"])


class Migration(migrations.Migration):

    dependencies = [
        ("marketplace", "0012_caseload_koffer_and_draaglast_categories"),
    ]

    operations = [
        migrations.RunPython(subsidies_to_instruments, instruments_to_subsidies, elidable=False),
        migrations.RemoveConstraint(
            model_name="municipality",
            name="municipality_subsidy_percent_range",
        ),
        migrations.RemoveField(
            model_name="municipality",
            name="wage_subsidy_percent",
        ),
    ]
