"""``manage.py flush`` that can empty a database whose access log refuses UPDATE, DELETE and TRUNCATE.

Django's flush empties every table; the test runner calls it after each transactional test. The
triggers of migration 0004 refuse that for the sensitive data access log (TRUNCATE on PostgreSQL,
DELETE on SQLite). This command runs Django's flush unchanged inside one transaction in which the
log's triggers are switched off (PostgreSQL) or dropped and created again from their stored
definition (SQLite), and are back in force before that transaction commits or rolls back.

What this allows is emptying the whole database, the log with everything else; it needs the rights
of the schema owner, who could drop the tables anyway. Changing or removing single entries while the
rest of the data stays remains impossible.
"""

from contextlib import contextmanager

from django.core.management.commands import flush
from django.db import connections, transaction

from marketplace.models import SensitiveAccessLog


@contextmanager
def append_only_triggers_lifted(connection):
    """Within one transaction: the access log's triggers off while the block runs, and on again after it."""
    table = SensitiveAccessLog._meta.db_table
    with transaction.atomic(using=connection.alias):
        if table not in connection.introspection.table_names():
            yield
            return
        quoted = connection.ops.quote_name(table)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"ALTER TABLE {quoted} DISABLE TRIGGER USER")
            yield
            with connection.cursor() as cursor:
                cursor.execute(f"ALTER TABLE {quoted} ENABLE TRIGGER USER")
        elif connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
                               [table])
                triggers = cursor.fetchall()
                for name, _definition in triggers:
                    cursor.execute(f"DROP TRIGGER {connection.ops.quote_name(name)}")
            yield
            with connection.cursor() as cursor:
                for _name, definition in triggers:
                    cursor.execute(definition)
        else:
            yield


class Command(flush.Command):
    def handle(self, **options):
        with append_only_triggers_lifted(connections[options["database"]]):
            super().handle(**options)
