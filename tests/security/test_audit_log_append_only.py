"""The sensitive data access log is append-only in the database itself, not only in the model.

The same tests run on SQLite (locally) and PostgreSQL (CI, with DATABASE_URL): the ORM's bulk
``update()``/``delete()`` and raw SQL are refused by the database, and the entry is unchanged after
each attempt. Each refused statement runs in its own ``transaction.atomic()`` so that, on PostgreSQL,
the test's transaction survives the error.
"""

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.db.models import ProtectedError

from marketplace.models import JobSeeker, SensitiveAccessLog
from tests import factories

TABLE = connection.ops.quote_name(SensitiveAccessLog._meta.db_table)
on_postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL: set DATABASE_URL")


@pytest.fixture
def entry(world):
    return SensitiveAccessLog.objects.create(
        actor=world.caseworker_a, seeker=world.seeker, fields="debts,health", purpose="Intakegesprek"
    )


def assert_refused(statement) -> None:
    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic():
        statement()


def assert_unchanged(entry: SensitiveAccessLog) -> None:
    stored = SensitiveAccessLog.objects.get(pk=entry.pk)
    assert (stored.actor_id, stored.seeker_id, stored.fields, stored.purpose, stored.at) == (
        entry.actor_id, entry.seeker_id, entry.fields, entry.purpose, entry.at)


def raw_sql(sql: str, params=()):
    def run():
        with connection.cursor() as cursor:
            cursor.execute(sql, params)

    return run


@pytest.mark.django_db
def test_the_orm_cannot_rewrite_a_logged_purpose(entry):
    assert_refused(lambda: SensitiveAccessLog.objects.filter(pk=entry.pk).update(purpose="Niets aan de hand"))

    assert_unchanged(entry)


@pytest.mark.django_db
def test_the_orm_cannot_delete_logged_reads(entry):
    assert_refused(lambda: SensitiveAccessLog.objects.filter(pk=entry.pk).delete())
    assert_refused(lambda: SensitiveAccessLog.objects.all().delete())

    assert_unchanged(entry)


@pytest.mark.django_db
def test_raw_sql_cannot_update_the_log(entry, world):
    assert_refused(raw_sql(f"UPDATE {TABLE} SET purpose = %s WHERE id = %s", ["Weggepoetst", entry.pk]))
    assert_refused(raw_sql(f"UPDATE {TABLE} SET actor_id = %s", [world.caseworker_b.pk]))

    assert_unchanged(entry)


@pytest.mark.django_db
def test_raw_sql_cannot_delete_from_the_log(entry):
    assert_refused(raw_sql(f"DELETE FROM {TABLE} WHERE id = %s", [entry.pk]))
    assert_refused(raw_sql(f"DELETE FROM {TABLE}"))

    assert_unchanged(entry)


@on_postgresql_only
@pytest.mark.django_db
def test_truncate_cannot_empty_the_log_on_postgresql(entry):
    # PostgreSQL refuses TRUNCATE of a table with deferred foreign-key checks pending (the rows this test
    # made) before any trigger runs; running those checks now lets the statement reach the trigger.
    raw_sql("SET CONSTRAINTS ALL IMMEDIATE")()

    assert_refused(raw_sql(f"TRUNCATE {TABLE}"))
    assert_refused(raw_sql(f"TRUNCATE {connection.ops.quote_name(JobSeeker._meta.db_table)} CASCADE"))

    assert_unchanged(entry)


@pytest.mark.django_db
def test_new_reads_are_still_appended(entry, world):
    SensitiveAccessLog.objects.create(actor=world.caseworker_a, seeker=world.seeker, fields="debts",
                                      purpose="Schuldhulp afstemmen")

    assert SensitiveAccessLog.objects.count() == 2
    assert_unchanged(entry)


@pytest.mark.django_db
def test_a_job_seeker_with_logged_reads_cannot_be_deleted(entry, world):
    with pytest.raises(ProtectedError), transaction.atomic():
        JobSeeker.objects.filter(pk=world.seeker.pk).delete()

    assert JobSeeker.objects.filter(pk=world.seeker.pk).exists()
    assert_unchanged(entry)


@pytest.mark.django_db(transaction=True)
def test_emptying_the_whole_database_leaves_the_log_append_only_afterwards(world, entry):
    # The test runner empties the database this way after every transactional test.
    call_command("flush", interactive=False, verbosity=0)

    assert not SensitiveAccessLog.objects.exists()
    assert not JobSeeker.objects.exists()
    caseworker = factories.CaseworkerFactory()
    seeker = factories.JobSeekerFactory(municipality=caseworker.municipality)
    again = SensitiveAccessLog.objects.create(actor=caseworker.user, seeker=seeker, fields="debts", purpose="Intake")
    assert_refused(lambda: SensitiveAccessLog.objects.filter(pk=again.pk).update(purpose="Anders"))
    assert_refused(raw_sql(f"DELETE FROM {TABLE}"))
    assert_unchanged(again)
