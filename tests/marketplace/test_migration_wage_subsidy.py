"""The wage subsidy moves from a setting of the municipality into its koffer, and back when the migration is undone."""

from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("marketplace", "0012_caseload_koffer_and_draaglast_categories")]
AFTER = [("marketplace", "0013_wage_subsidy_from_instruments")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_each_municipalitys_percentage_becomes_its_wage_cost_subsidy_in_use():
    apps = migrate(BEFORE)
    try:
        municipality = apps.get_model("marketplace", "Municipality")
        municipality.objects.create(name="Havenstad", cbs_code="GM9901", wage_subsidy_percent=Decimal("37.50"))
        municipality.objects.create(name="Veenwijk", cbs_code="GM9902", wage_subsidy_percent=Decimal("0"))

        apps = migrate(AFTER)

        instrument = apps.get_model("marketplace", "Instrument")
        [subsidy] = instrument.objects.all()
        assert (subsidy.municipality.name, subsidy.kind, subsidy.name, subsidy.subsidy_percent, subsidy.active) == (
            "Havenstad", "wage_cost_subsidy", "Loonkostensubsidie", Decimal("37.50"), True)

        apps = migrate(BEFORE)

        restored = apps.get_model("marketplace", "Municipality").objects.get(cbs_code="GM9901")
        assert restored.wage_subsidy_percent == Decimal("37.50")
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
