"""The access log refuses UPDATE and DELETE in the database itself.

Every staff read of a job seeker's draaglast leaves a ``marketplace_sensitiveaccesslog`` row
(who, whom, which fields, why, when). The model already refuses ``save()`` of an existing row and
``delete()``, but ``QuerySet.update()``, ``QuerySet.delete()`` and raw SQL pass the model by. So the
database refuses them too, whatever the statement comes from:

- PostgreSQL: a plpgsql function raises an exception (SQLSTATE 23001, ``restrict_violation``, so
  Django reports an ``IntegrityError``) from a ``BEFORE UPDATE OR DELETE ... FOR EACH ROW`` trigger and
  from a ``BEFORE TRUNCATE`` trigger, which also catches ``TRUNCATE ... CASCADE`` from another table.
- SQLite: ``BEFORE UPDATE`` and ``BEFORE DELETE`` triggers that ``RAISE(ABORT, ...)`` (an
  ``IntegrityError`` too). SQLite has no TRUNCATE; its "DELETE without WHERE" shortcut is switched off
  for tables with triggers, so that is refused as well.

Inserting stays allowed: that is how the log grows.

What this does not stop, on purpose:

- Deleting the job seeker. Nothing cascades into the log: its foreign keys to the seeker and to the
  reader are PROTECT (and a plain FK in the database), so a person with logged reads cannot be
  deleted. Erasing such a person empties their record instead; the entries stay as the municipality's
  account of who read what and why, for as long as its retention period for the log says.
- The owner of the schema. Whoever may ``DROP TRIGGER`` or ``ALTER TABLE ... DISABLE TRIGGER`` can lift
  the guard; in production the application should connect as a role that does not own the tables (and
  has no TRUNCATE privilege), and removing entries at the end of the retention period is a deliberate,
  recorded act of the database owner.
- Emptying the whole database with ``manage.py flush``, which the test runner does between
  transactional tests (TRUNCATE on PostgreSQL, DELETE on SQLite). The project's ``flush`` command
  lifts these triggers only inside the one transaction that empties *every* table and puts them back
  before it commits, which needs the same owner rights as dropping the tables. No single entry can be
  changed or removed that way while the rest of the data stays.

On SQLite, a later migration that alters this table rebuilds it (new table, copy, drop, rename), which
drops these triggers: such a migration must create them again. ``tests/security`` fails if it does not.
"""

from django.db import NotSupportedError, migrations

TABLE = "marketplace_sensitiveaccesslog"
MESSAGE = "the sensitive data access log is append-only"

POSTGRESQL_FORWARD = [
    f"""
    CREATE FUNCTION marketplace_sensitiveaccesslog_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION '%: % refused', '{MESSAGE}', TG_OP USING ERRCODE = 'restrict_violation';
    END;
    $$
    """,
    f"""
    CREATE TRIGGER marketplace_sensitiveaccesslog_no_update_delete
    BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION marketplace_sensitiveaccesslog_refuse_change()
    """,
    f"""
    CREATE TRIGGER marketplace_sensitiveaccesslog_no_truncate
    BEFORE TRUNCATE ON {TABLE}
    FOR EACH STATEMENT EXECUTE FUNCTION marketplace_sensitiveaccesslog_refuse_change()
    """,
]
POSTGRESQL_REVERSE = [
    f"DROP TRIGGER IF EXISTS marketplace_sensitiveaccesslog_no_truncate ON {TABLE}",
    f"DROP TRIGGER IF EXISTS marketplace_sensitiveaccesslog_no_update_delete ON {TABLE}",
    "DROP FUNCTION IF EXISTS marketplace_sensitiveaccesslog_refuse_change()",
]

SQLITE_FORWARD = [
    f"""
    CREATE TRIGGER marketplace_sensitiveaccesslog_no_update
    BEFORE UPDATE ON {TABLE}
    BEGIN
        SELECT RAISE(ABORT, '{MESSAGE}: UPDATE refused');
    END
    """,
    f"""
    CREATE TRIGGER marketplace_sensitiveaccesslog_no_delete
    BEFORE DELETE ON {TABLE}
    BEGIN
        SELECT RAISE(ABORT, '{MESSAGE}: DELETE refused');
    END
    """,
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS marketplace_sensitiveaccesslog_no_delete",
    "DROP TRIGGER IF EXISTS marketplace_sensitiveaccesslog_no_update",
]

STATEMENTS = {
    "postgresql": (POSTGRESQL_FORWARD, POSTGRESQL_REVERSE),
    "sqlite": (SQLITE_FORWARD, SQLITE_REVERSE),
}


def _statements(schema_editor, direction: int) -> list[str]:
    vendor = schema_editor.connection.vendor
    if vendor not in STATEMENTS:
        # Better no migration than an audit log that silently accepts changes.
        raise NotSupportedError(
            f"The append-only access log has triggers for PostgreSQL and SQLite, not for {vendor!r}."
        )
    return STATEMENTS[vendor][direction]


def make_append_only(apps, schema_editor):
    for statement in _statements(schema_editor, 0):
        # No parameters: the plpgsql body's own "%" placeholders must reach the server untouched.
        schema_editor.execute(statement, params=None)


def allow_changes_again(apps, schema_editor):
    for statement in _statements(schema_editor, 1):
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("marketplace", "0003_applications_carving_matching"),
    ]

    operations = [
        migrations.RunPython(make_append_only, allow_changes_again, elidable=False),
    ]
