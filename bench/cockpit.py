"""Benchmark of the caseload cockpit on a synthetic municipality, against the same counts in hand-written SQL.

    DEBUG=true .venv/bin/python -m bench.cockpit --people 50000            # SQLite, in a file of its own
    DATABASE_URL=postgres://.../bench DEBUG=true .venv/bin/python -m bench.cockpit --people 50000
    DEBUG=true .venv/bin/python -m bench.cockpit --quick                    # 5,000 people, under a minute

Builds (once; a later run with the same size reuses it) the municipality "Benchstad <size>" with
``--people`` job seekers in bulk: caseworkers of 150 people each, categories, plans, applications at
every stage, instruments planned, running and ended, and contact moments. Then measures side by
side, as medians of ``--repeat`` runs after a warm-up: the cockpit of one caseworker's 150 people
(what the admin home shows), their worklist, and the overview of the whole municipality, each
against the equivalent GROUP BY statements run with ``cursor.execute`` (and checks that both give
the same numbers), printing times, query counts and the ratio. Then the caseload export of the whole
municipality to XLSX, with its peak memory. Without DATABASE_URL it uses a SQLite file in the
temporary directory, never the demo database. The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from random import Random

if not __package__:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{Path(tempfile.gettempdir()) / 'werkplaats-bench-cockpit.sqlite3'}")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from cms.exports import XlsxExport  # noqa: E402
from marketplace.access import Actor  # noqa: E402
from marketplace.caseload.approach import NO_CATEGORY, months_before  # noqa: E402
from marketplace.choices import ApplicationStatus, OrganisationKind, RoleKind, RoleStatus, SeekerStatus  # noqa: E402
from marketplace.constants import WORKWEEK  # noqa: E402
from marketplace.models import (  # noqa: E402
    Application,
    CaseloadCategory,
    Caseworker,
    ContactMoment,
    Instrument,
    InstrumentAssignment,
    JobSeeker,
    Municipality,
    Organisation,
    Plan,
    Role,
)
from marketplace.models.applications import RoleSeat  # noqa: E402
from marketplace.models.caseload import CategoryKey, ContactKind  # noqa: E402
from marketplace.models.koffer import AssignmentResult, AssignmentStatus, InstrumentKind  # noqa: E402
from marketplace.selectors.cockpit import CockpitScope, cockpit_for  # noqa: E402
from marketplace.selectors.exports import caseload_columns, caseload_export  # noqa: E402
from marketplace.selectors.signals import MUNICIPALITY, signal_counts, worklist_for  # noqa: E402

NAME = "Benchstad"
CASELOAD = 150
BATCH = 5000
S = ApplicationStatus
APPLICATION_MIX = {S.SUGGESTED: 30, S.INTERESTED: 20, S.PROPOSED: 8, S.INTRODUCED: 10, S.TRIAL: 6, S.PLACED: 8,
                   S.ENDED: 4, S.DECLINED: 9, S.WITHDRAWN: 5}
ASSIGNMENT_MIX = {AssignmentStatus.PLANNED: 25, AssignmentStatus.ACTIVE: 40, AssignmentStatus.ENDED: 30,
                  AssignmentStatus.CANCELLED: 5}


def main(argv: list[str] | None = None) -> dict:
    args = _parse(argv)
    people = 5_000 if args.quick else args.people
    print(f"database: {connection.vendor} ({connection.settings_dict['NAME']})")
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    municipality, built = _municipality(people, args.seed)
    print(f"{municipality}: {'built' if built else 'reused'} in {time.perf_counter() - started:.1f} s")
    with connection.cursor() as cursor:
        # The planner's statistics, as a maintained database has them (PostgreSQL's autovacuum; SQLite's
        # ``PRAGMA optimize``): without them SQLite reads one caseworker's people through the municipality's index.
        cursor.execute("ANALYZE")
    caseworker = Caseworker.objects.filter(municipality=municipality).select_related("user").order_by("pk").first()
    figures = {"vendor": connection.vendor, "people": people}
    mine = CockpitScope(municipality.pk, caseworker)
    figures |= _side_by_side("cockpit home (150 people)", "home", lambda: cockpit_for(mine),
                             lambda: _sql_cockpit(mine), args.repeat, check=_same_cockpit)
    figures |= _side_by_side("worklist (150 people)", "worklist", lambda: worklist_for(caseworker, limit=10),
                             lambda: _sql_worklist_dates(caseworker), args.repeat, check=_same_worklist(caseworker))
    figures |= _side_by_side("signal counts (150 people)", "signals",
                             lambda: signal_counts(JobSeeker.objects.filter(caseworker=caseworker)),
                             lambda: _sql_signal_counts(caseworker), args.repeat, check=_same_counts)
    whole = CockpitScope(municipality.pk)
    figures |= _side_by_side(f"municipality overview ({people:,} people)", "municipality",
                             lambda: cockpit_for(whole), lambda: _sql_cockpit(whole), args.repeat,
                             check=_same_cockpit)
    figures |= _municipality_signals(municipality, caseworker, people, args.repeat)
    figures |= _export(caseworker, whole)
    print(json.dumps(figures))
    return figures


def _parse(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=50_000)
    parser.add_argument("--quick", action="store_true", help="5,000 people")
    parser.add_argument("--repeat", type=int, default=15, help="runs per median")
    parser.add_argument("--seed", type=int, default=20261205)
    return parser.parse_args(argv)


# Measuring


def _timed(call, repeat: int) -> tuple[float, int, object]:
    """Median milliseconds over ``repeat`` runs after one warm-up, the queries of one run, and its result."""
    call()
    with CaptureQueriesContext(connection) as captured:
        result = call()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), len(captured.captured_queries), result


def _side_by_side(label, key, orm, sql, repeat, check=None) -> dict:
    orm_ms, orm_queries, orm_result = _timed(orm, repeat)
    sql_ms, sql_queries, sql_result = _timed(sql, repeat)
    if check is not None:
        check(orm_result, sql_result)
    ratio = orm_ms / sql_ms if sql_ms else float("inf")
    verdict = "ok" if ratio <= 2 else "ABOVE 2x"
    print(f"{label}: cockpit {orm_ms:.2f} ms in {orm_queries} queries, hand-written SQL {sql_ms:.2f} ms in "
          f"{sql_queries} statements -> {ratio:.2f}x ({verdict})")
    return {f"{key}_ms": round(orm_ms, 3), f"{key}_queries": orm_queries, f"{key}_sql_ms": round(sql_ms, 3),
            f"{key}_ratio": round(ratio, 2)}


def _municipality_signals(municipality, caseworker, people: int, repeat: int) -> dict:
    """A team leader's worklist and signal counts of the whole municipality, and the worklist's peak memory."""
    leader = Caseworker.objects.select_related("user").get(pk=caseworker.pk)
    leader.is_team_leader = True  # in memory only
    figures = _side_by_side(f"worklist of the municipality ({people:,} people)", "municipality_worklist",
                            lambda: worklist_for(leader, of=MUNICIPALITY, limit=10),
                            lambda: _sql_worklist_dates(leader, municipality=True), repeat,
                            check=_same_worklist(leader, MUNICIPALITY))
    figures |= _side_by_side(f"signal counts of the municipality ({people:,} people)", "municipality_signals",
                             lambda: signal_counts(JobSeeker.objects.filter(municipality=municipality)),
                             lambda: _sql_signal_counts(leader, municipality=True), repeat, check=_same_counts)
    tracemalloc.start()
    worklist_for(leader, of=MUNICIPALITY, limit=10)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    print(f"worklist of the municipality, 10 most urgent: peak traced memory {peak:.1f} MB")
    return figures | {"municipality_worklist_peak_mb": round(peak, 1)}


def _same_counts(counts: dict, sql: dict) -> None:
    assert counts == sql, f"the signal counts differ: {counts} against {sql}"


def _export(caseworker, scope) -> dict:
    """The caseload of ``scope`` to XLSX: timed plainly, then once more under tracemalloc for the peak memory."""
    actor = Actor(user=caseworker.user, caseworker=caseworker)

    def run() -> tuple[int, int]:
        file = XlsxExport("Caseload", caseload_columns(with_burden=False))
        rows = caseload_export(actor=actor, scope=scope, emit=lambda row: file.row(row.values()))
        return rows, len(file.finish().read())

    started = time.perf_counter()
    with CaptureQueriesContext(connection) as captured:
        rows, size = run()
    seconds = time.perf_counter() - started
    tracemalloc.start()
    run()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    print(f"caseload export to XLSX: {rows:,} rows in {seconds:.1f} s, {len(captured.captured_queries)} queries, "
          f"{size / 2**20:.1f} MB file, peak traced memory {peak:.0f} MB")
    return {"export_rows": rows, "export_s": round(seconds, 2), "export_peak_mb": round(peak, 1)}


# The same counts by hand


def _where(scope: CockpitScope, alias: str = "s") -> tuple[str, list]:
    condition = f"{alias}.municipality_id = %s AND {alias}.status <> %s"
    params = [scope.municipality_id, SeekerStatus.EXITED]
    if scope.caseworker is not None:
        condition += f" AND {alias}.caseworker_id = %s"
        params.append(scope.caseworker.pk)
    return condition, params


def _sql_cockpit(scope: CockpitScope) -> dict:
    where, params = _where(scope)
    today = timezone.localdate()
    statements = {
        "rung": ("SELECT s.rung, COUNT(*), COUNT(p.id), COUNT(CASE WHEN p.agreed_version = p.version THEN 1 END), "
                 "COUNT(CASE WHEN p.review_date < %s THEN 1 END) FROM marketplace_jobseeker s "
                 "LEFT JOIN marketplace_plan p ON p.seeker_id = s.id WHERE {w} GROUP BY s.rung", [today, *params]),
        "category": ("SELECT c.key, COUNT(*) FROM marketplace_jobseeker s LEFT JOIN marketplace_caseloadcategory c "
                     "ON c.id = s.category_id WHERE {w} GROUP BY c.key, c.name, c.position", params),
        "funnel": ("SELECT a.status, COUNT(*), COUNT(a.introduced_at) FROM marketplace_application a "
                   "JOIN marketplace_jobseeker s ON s.id = a.seeker_id WHERE {w} GROUP BY a.status", params),
        "instruments": ("SELECT i.kind, a.status, a.result, COUNT(*) FROM marketplace_instrumentassignment a "
                        "JOIN marketplace_jobseeker s ON s.id = a.seeker_id "
                        "JOIN marketplace_instrument i ON i.id = a.instrument_id WHERE {w} "
                        "GROUP BY i.kind, a.status, a.result", params),
    }
    results = {}
    with connection.cursor() as cursor:
        for key, (sql, values) in statements.items():
            cursor.execute(sql.format(w=where), values)
            results[key] = cursor.fetchall()
    return results


def _same_cockpit(cockpit, sql: dict) -> None:
    assert [tally.count for tally in cockpit.by_rung] == [
        next((row[1] for row in sql["rung"] if row[0] == rung), 0) for rung in range(1, 7)], "rung counts differ"
    assert {tally.count for tally in cockpit.by_category} - {0} <= {n for _key, n in sql["category"]}
    assert sum(stage.now for stage in cockpit.funnel.stages) + cockpit.funnel.ended + cockpit.funnel.stopped == sum(
        n for _status, n, _introduced in sql["funnel"]), "application counts differ"
    in_use = sum(n for _kind, status, _result, n in sql["instruments"] if status in ("planned", "active"))
    assert sum(use.in_use for use in cockpit.instruments.in_use) == in_use, "instrument counts differ"
    plans = cockpit.plans
    totals = tuple(sum(row[index] for row in sql["rung"]) for index in (1, 2, 3, 4))
    assert (plans.people, plans.with_plan, plans.agreed, plans.review_overdue) == totals, "plans differ"


# The worklist by hand: the dates of each person once, in a derived table; the thresholds of their category
# as one CASE per signal; a person without a ladder step or contact counts from registration, compared as
# "registered before the cutoff day starts" in the municipality's time zone. The WHERE keeps the people
# with at least one signal; each flag column says which.
FLAGS_SQL = """
  SELECT d.*,
    NOT d.has_open_action AS no_plan,
    CASE WHEN d.newest_step IS NULL THEN d.created_at < {rung_start} ELSE d.newest_step < {rung} END AS stuck,
    CASE WHEN d.newest_contact IS NULL THEN d.created_at < {contact_start} ELSE d.newest_contact < {contact} END
      AS unseen,
    d.review_date < %s AS review,
    d.unfollowed_since < {follow_up} AS unfollowed
  FROM (
    SELECT s.id, s.last_name, s.first_name, s.category_id, s.created_at, c.name AS category_name,
      u.first_name AS caseworker_first_name, u.last_name AS caseworker_last_name, u.username AS caseworker_username,
      (SELECT MAX(l.date) FROM marketplace_ladderstep l WHERE l.seeker_id = s.id) AS newest_step,
      (SELECT MAX(m.date) FROM marketplace_contactmoment m WHERE m.seeker_id = s.id) AS newest_contact,
      (SELECT p.review_date FROM marketplace_plan p WHERE p.seeker_id = s.id) AS review_date,
      EXISTS (SELECT 1 FROM marketplace_planaction a JOIN marketplace_plan p ON p.id = a.plan_id
              WHERE p.seeker_id = s.id AND a.status = 'open') AS has_open_action,
      (SELECT MIN(i.end_date) FROM marketplace_instrumentassignment i WHERE i.seeker_id = s.id
         AND i.status = 'ended' AND i.followed_up_at IS NULL AND i.end_date IS NOT NULL) AS unfollowed_since
    FROM marketplace_jobseeker s
      LEFT JOIN marketplace_caseloadcategory c ON c.id = s.category_id
      LEFT JOIN marketplace_caseworker w ON w.id = s.caseworker_id
      LEFT JOIN auth_user u ON u.id = w.user_id
    WHERE {scope} AND s.status = 'active'
  ) d
"""
WORKLIST_SQL = "SELECT * FROM ({flags}) f WHERE f.no_plan OR f.stuck OR f.unseen OR f.review OR f.unfollowed"
COUNTS_SQL = ("SELECT COUNT(CASE WHEN f.no_plan THEN 1 END), COUNT(CASE WHEN f.unseen THEN 1 END), "
              "COUNT(CASE WHEN f.unfollowed THEN 1 END), COUNT(CASE WHEN f.review THEN 1 END), "
              "COUNT(CASE WHEN f.stuck THEN 1 END) FROM ({flags}) f")
WEIGHT = {"no_plan": 50, "unseen": 40, "unfollowed": 30, "review": 30, "stuck": 20}
KIND = {"no_plan": "no_active_plan", "unseen": "no_contact", "unfollowed": "instrument_not_followed_up",
        "review": "review_overdue", "stuck": "no_rung_change"}


def _same_worklist(caseworker, of=None):
    """Both find the same people with the same signals, since dates and days overdue, in the same order."""

    def check(worklist, found) -> None:
        total, shown = found
        assert len(worklist_for(caseworker, of=of)) == total, "the worklist and the hand-written SQL count others"
        orm = [(row.seeker.pk, row.seeker.full_name, row.category.name if row.category else None,
                str(row.seeker.caseworker) if row.seeker.caseworker_id else None, row.urgency,
                sorted((item.kind, item.since, item.days_overdue) for item in row.items)) for row in worklist]
        assert orm == shown, "the worklist and the hand-written SQL show other people or signals"

    return check


def _sql_worklist_dates(caseworker, municipality=False, limit=10) -> tuple[int, list]:
    """The worklist by hand: which signals in SQL, the days overdue and urgency of the rows found in Python."""
    with connection.cursor() as cursor:
        flags, params, cutoffs = _flags_sql(cursor, caseworker, municipality)
        cursor.execute(WORKLIST_SQL.format(flags=flags), params)
        columns = [column[0] for column in cursor.description]
        rows = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    ranked = sorted(_hand_row(row, cutoffs.get(row["category_id"], cutoffs[None])) for row in rows)
    return len(ranked), [row[4:] for row in ranked[:limit]]


def _sql_signal_counts(caseworker, municipality=False) -> dict:
    with connection.cursor() as cursor:
        flags, params, _cutoffs = _flags_sql(cursor, caseworker, municipality)
        cursor.execute(COUNTS_SQL.format(flags=flags), params)
        return dict(zip(KIND.values(), cursor.fetchone(), strict=True))


def _flags_sql(cursor, caseworker, municipality: bool) -> tuple[str, list, dict]:
    """``FLAGS_SQL`` for one caseworker's people or the municipality, its parameters, and the cutoffs per category."""
    today = timezone.localdate()
    cursor.execute("SELECT id, contact_every_weeks, stuck_after_months, follow_up_within_weeks "
                   "FROM marketplace_caseloadcategory WHERE municipality_id = %s", [caseworker.municipality_id])
    categories = cursor.fetchall()
    default = (None, NO_CATEGORY.contact_every_weeks, NO_CATEGORY.stuck_after_months,
               NO_CATEGORY.follow_up_within_weeks)
    cutoff_of = {
        "stuck": lambda row: months_before(today, row[2]),
        "unseen": lambda row: today - timedelta(weeks=row[1]),
        "unfollowed": lambda row: today - timedelta(weeks=row[3]),
    }
    cutoffs = {row[0]: {flag: cutoff(row) for flag, cutoff in cutoff_of.items()} | {"review": today}
               for row in [*categories, default]}
    cases, params = {}, {}
    for name, flag, starts in (("rung", "stuck", False), ("rung_start", "stuck", True),
                               ("contact", "unseen", False), ("contact_start", "unseen", True),
                               ("follow_up", "unfollowed", False)):
        cases[name] = "CASE " + "".join("WHEN d.category_id = %s THEN %s " for _ in categories) + "ELSE %s END"
        params[name] = [value for row in categories for value in (row[0], _as_of(cutoffs[row[0]][flag], starts))]
        params[name].append(_as_of(cutoffs[None][flag], starts))
    scope = "s.municipality_id = %s" if municipality else "s.caseworker_id = %s"
    return FLAGS_SQL.format(scope=scope, **cases), [
        *params["rung_start"], *params["rung"], *params["contact_start"], *params["contact"], today,
        *params["follow_up"], caseworker.municipality_id if municipality else caseworker.pk], cutoffs


def _as_of(day: date, starts: bool):
    """The cutoff day, or the moment it starts as the database stores a moment."""
    if not starts:
        return day
    return connection.ops.adapt_datetimefield_value(timezone.make_aware(datetime.combine(day, datetime.min.time())))


def _hand_row(row: dict, cutoffs: dict) -> tuple:
    """The sort key and what the worklist shows of one person found by ``WORKLIST_SQL``."""
    since = {"no_plan": None, "stuck": row["newest_step"], "unseen": row["newest_contact"],
             "review": row["review_date"], "unfollowed": row["unfollowed_since"]}
    if since["stuck"] is None or since["unseen"] is None:
        registered = timezone.localdate(_moment(row["created_at"]))
        since |= {"stuck": since["stuck"] or registered, "unseen": since["unseen"] or registered}
    items = []
    for flag, weight in WEIGHT.items():
        if row[flag]:
            day = _day(since[flag]) if since[flag] is not None else None
            overdue = (cutoffs[flag] - day).days if day is not None else None
            items.append((KIND[flag], day, overdue, weight + min(overdue or 0, 365)))
    urgency = sum(item[3] for item in items)
    caseworker = (f"{row['caseworker_first_name'] or ''} {row['caseworker_last_name'] or ''}".strip()
                  or row["caseworker_username"])
    return (-urgency, row["last_name"], row["first_name"], row["id"], row["id"],
            f"{row['first_name']} {row['last_name']}".strip(), row["category_name"], caseworker, urgency,
            sorted(item[:3] for item in items))


def _moment(value) -> datetime:
    """A moment as read: aware on PostgreSQL, in UTC without a zone on SQLite."""
    value = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _day(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


# The synthetic municipality


def _municipality(people: int, seed: int) -> tuple[Municipality, bool]:
    """Benchstad of ``people`` people: reused when a run of the same size built it before, else built now."""
    cbs_code = f"GM{people // 1000 % 10000:04d}" if people >= 1000 else f"GM{9000 + people // 100:04d}"
    municipality = Municipality.objects.filter(cbs_code=cbs_code).first()
    if municipality is not None and JobSeeker.objects.filter(municipality=municipality).count() == people:
        return municipality, False
    if municipality is not None:
        sys.exit(f"{municipality} holds another number of people than {people:,}; use a fresh database.")
    with transaction.atomic():
        municipality = Municipality.objects.create(cbs_code=cbs_code, name=f"{NAME} {people:,}")
        _build(municipality, people, Random(seed))
    return municipality, True


def _weighted(rng: Random, mix: dict):
    return rng.choices(list(mix), weights=list(mix.values()))[0]


def _build(municipality, people: int, rng: Random) -> None:
    today = timezone.localdate()
    caseworkers = _caseworkers(municipality, -(-people // CASELOAD))
    categories = [CaseloadCategory.objects.create(municipality=municipality, key=key, name=key.label, position=i)
                  for i, key in enumerate(CategoryKey)]
    seekers = [JobSeeker(municipality=municipality, caseworker=caseworkers[i // CASELOAD],
                         first_name=f"Persoon{i}", last_name=f"Achternaam{rng.randrange(5000):04d}",
                         rung=rng.choices(range(1, 7), weights=(8, 22, 25, 20, 15, 10))[0],
                         category=rng.choice(categories) if rng.random() < 0.8 else None,
                         status=SeekerStatus.ACTIVE if rng.random() < 0.92 else rng.choice(list(SeekerStatus)))
               for i in range(people)]
    JobSeeker.objects.bulk_create(seekers, batch_size=BATCH)
    Plan.objects.bulk_create(
        (Plan(seeker=seeker, goal="Een paar ochtenden per week werken", review_date=today + timedelta(
            days=rng.randrange(-60, 120)), version=2, **_agreement(rng)) for seeker in seekers if rng.random() < 0.6),
        batch_size=BATCH,
    )
    _applications(municipality, seekers, rng)
    _assignments(municipality, seekers, rng, today)
    ContactMoment.objects.bulk_create(
        (ContactMoment(seeker=seeker, date=today - timedelta(days=rng.randrange(0, 120)), kind=ContactKind.CONVERSATION)
         for seeker in seekers if rng.random() < 0.7),
        batch_size=BATCH,
    )


def _agreement(rng: Random) -> dict:
    agreed = rng.choice((None, 1, 2))
    return {"agreed_version": agreed, "agreed_at": timezone.now() if agreed else None}


def _caseworkers(municipality, n: int) -> list[Caseworker]:
    User = get_user_model()
    users = User.objects.bulk_create([
        User(username=f"bench-{municipality.cbs_code}-{i}", first_name="Klant", last_name=f"Manager {i}",
             password="!")
        for i in range(n)])
    return Caseworker.objects.bulk_create([Caseworker(user=user, municipality=municipality) for user in users])


def _applications(municipality, seekers, rng: Random) -> None:
    employer = Organisation.objects.create(municipality=municipality, kind=OrganisationKind.EMPLOYER,
                                           name="Benchbedrijf")
    roles = Role.objects.bulk_create([
        Role(organisation=employer, municipality=municipality, kind=RoleKind.CARVED_TASK, title=f"Rol {i}",
             description="Eenvoudig werk", hours_min=8, hours_max=16, weekdays=WORKWEEK, places=200,
             hourly_wage=Decimal("14.40"), status=RoleStatus.PUBLISHED, published_at=timezone.now())
        for i in range(max(1, len(seekers) // 250))])
    seats = {role.pk: iter(RoleSeat.objects.bulk_create([RoleSeat(role=role, number=n) for n in range(1, 201)]))
             for role in roles}
    applications = []
    for seeker in seekers:
        if rng.random() < 0.5:
            continue
        status, role = _weighted(rng, APPLICATION_MIX), rng.choice(roles)
        seat = next(seats[role.pk], None) if status in (S.TRIAL, S.PLACED) else None
        if status in (S.TRIAL, S.PLACED) and seat is None:
            status = S.INTRODUCED
        introduced = status in (S.INTRODUCED, S.TRIAL, S.PLACED, S.ENDED) or (
            status in (S.DECLINED, S.WITHDRAWN) and rng.random() < 0.3)
        applications.append(Application(seeker=seeker, role=role, status=status, seat=seat,
                                        introduced_at=timezone.now() if introduced else None))
    Application.objects.bulk_create(applications, batch_size=BATCH)


def _assignments(municipality, seekers, rng: Random, today) -> None:
    instruments = [Instrument.objects.create(municipality=municipality, kind=kind, name=f"{kind.label} Benchstad",
                                             cost=Decimal("950.00")) for kind in InstrumentKind]
    assignments = []
    for seeker in seekers:
        for _ in range(rng.choices((0, 1, 2), weights=(45, 40, 15))[0]):
            status = _weighted(rng, ASSIGNMENT_MIX)
            start = today - timedelta(days=rng.randrange(0, 400))
            ended = status == AssignmentStatus.ENDED
            assignments.append(InstrumentAssignment(
                seeker=seeker, instrument=rng.choice(instruments), start_date=start, status=status,
                end_date=start + timedelta(days=rng.randrange(30, 200)) if ended else None,
                result=rng.choice(["", *AssignmentResult.values]) if ended else "", cost=Decimal("950.00"),
            ))
    InstrumentAssignment.objects.bulk_create(assignments, batch_size=BATCH)


if __name__ == "__main__":
    main(sys.argv[1:])
