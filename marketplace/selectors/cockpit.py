"""The caseload cockpit: counts of the people in one scope, each figure from one aggregate query.

A scope is one caseworker's caseload, or for a team leader the whole municipality or one chosen
caseworker's caseload. People who have left the caseload (status "exited") are not counted; placed
and paused people still are, because the caseworker still follows them. Every figure counts that
caseload, and says so with its breakdown by status; only the signals (marketplace/selectors/signals.py)
are about the active people alone, and the cockpit says that where it shows them.

Every figure is one ``GROUP BY`` over the scope, whatever the number of people (the rungs and the
plans share one): the database counts, Python only fills in the zeros and the labels.

The application funnel counts applications of the people in scope by their current status, and
also how many reached *at least* each stage, because a funnel of current statuses alone would show
a placement as "not introduced". Reaching is read from the current status along
suggested → interested → proposed → introduced → trial → placed (an ended placement was placed).
A declined or withdrawn application is known to have reached the introduction only when it has an
introduction date; how far it got beyond that is not kept on the application, so it counts as
introduced at most.
"""

import datetime
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.access import Actor
from marketplace.choices import ApplicationStatus, RungChoice, SeekerStatus
from marketplace.exceptions import NotAllowed, NotYourMunicipality
from marketplace.models import Application, Caseworker, InstrumentAssignment, JobSeeker
from marketplace.models.koffer import AssignmentResult, AssignmentStatus, InstrumentKind

S = ApplicationStatus
# The funnel's stages in order; the position of a status says how far an application came.
FUNNEL_STAGES = (S.SUGGESTED, S.INTERESTED, S.PROPOSED, S.INTRODUCED, S.TRIAL, S.PLACED)
STAGE_REACHED = {**{status: index for index, status in enumerate(FUNNEL_STAGES)}, S.ENDED: FUNNEL_STAGES.index(
    S.PLACED)}
STOPPED = (S.DECLINED, S.WITHDRAWN)
NO_CATEGORY = ""
MUNICIPALITY = "municipality"
# Who is in a caseload, in the order the cockpit names them: everyone but those who exited.
CASELOAD_STATUSES = (SeekerStatus.ACTIVE, SeekerStatus.PAUSED, SeekerStatus.PLACED)


@dataclass(frozen=True)
class CockpitScope:
    """Whose people the cockpit counts: a municipality's, or one caseworker's caseload in it."""

    municipality_id: int
    caseworker: Caseworker | None = None

    @property
    def is_municipality(self) -> bool:
        return self.caseworker is None

    @property
    def key(self) -> str:
        """How the scope is named in a form or a URL: ``municipality`` or the caseworker's id."""
        return MUNICIPALITY if self.caseworker is None else str(self.caseworker.pk)

    def people_filter(self, prefix: str = "") -> Q:
        """The people in scope, as a condition on ``prefix`` (``"seeker__"`` from an application or assignment)."""
        condition = Q(**{f"{prefix}municipality_id": self.municipality_id})
        if self.caseworker is not None:
            condition &= Q(**{f"{prefix}caseworker_id": self.caseworker.pk})
        return condition & ~Q(**{f"{prefix}status": SeekerStatus.EXITED})

    def people(self):
        return JobSeeker.objects.filter(self.people_filter())


def cockpit_scope_for(actor: Actor, key: str | None = None) -> CockpitScope:
    """The scope ``actor`` asked for with ``key`` (see ``CockpitScope.key``), or their default one.

    A caseworker sees their own caseload; a team leader sees the whole municipality by default and
    may choose one caseworker of it. Anyone but a caseworker is NotAllowed; a caseworker who is no
    team leader asking for another scope is NotAllowed; an unknown caseworker or one of another
    municipality is NotYourMunicipality (reported as not found).
    """
    caseworker = actor.caseworker
    if caseworker is None:
        raise NotAllowed()
    own = CockpitScope(municipality_id=caseworker.municipality_id, caseworker=caseworker)
    key = (key or "").strip()
    if not caseworker.is_team_leader:
        if key in ("", own.key):
            return own
        raise NotAllowed(_("Only a team leader can look at another caseload."), field="scope")
    if key in ("", MUNICIPALITY):
        return CockpitScope(municipality_id=caseworker.municipality_id)
    chosen = None
    if key.isdigit() and len(key) < 19:
        chosen = Caseworker.objects.select_related("user").filter(
            pk=int(key), municipality_id=caseworker.municipality_id).first()
    if chosen is None:
        raise NotYourMunicipality(field="scope")
    return CockpitScope(municipality_id=caseworker.municipality_id, caseworker=chosen)


def scope_choices(actor: Actor) -> list[tuple[str, str]]:
    """What a team leader can choose: the whole municipality, then each of its caseworkers by name (one query)."""
    if actor.caseworker is None or not actor.caseworker.is_team_leader:
        return []
    caseworkers = Caseworker.objects.filter(municipality_id=actor.caseworker.municipality_id).select_related("user")
    named = sorted(((str(caseworker.pk), str(caseworker)) for caseworker in caseworkers), key=lambda pair: pair[1])
    return [(MUNICIPALITY, str(_("The whole municipality"))), *named]


@dataclass(frozen=True)
class Tally:
    """One bar of a chart: a key (for tests and links), what it is called, and how many."""

    key: str
    label: str
    count: int


# Each query is written by the ORM once per shape of scope (a municipality, or a caseworker in it) and then
# run with the scope's own values, as hand-written SQL would be: for one caseworker's 150 people the database
# answers in a tenth of a millisecond, and writing the query anew took ten times that (bench/cockpit.py).
_SHAPE_MUNICIPALITY, _SHAPE_CASEWORKER, _SHAPE_DAY = -70001, -70002, datetime.date(1900, 1, 2)
_written: dict[tuple, tuple[str, tuple]] = {}


def _rows(name: str, scope: CockpitScope, build, today: datetime.date | None = None) -> list[tuple]:
    """The rows of ``build(scope, today)`` (a values queryset), from SQL the ORM wrote once for this shape."""
    key = (name, scope.is_municipality, connection.alias, connection.vendor)
    if key not in _written:
        shape = CockpitScope(_SHAPE_MUNICIPALITY, None if scope.is_municipality else Caseworker(pk=_SHAPE_CASEWORKER))
        sql, params = build(shape, _SHAPE_DAY).query.sql_with_params()
        if _SHAPE_MUNICIPALITY not in params or (shape.caseworker is not None and _SHAPE_CASEWORKER not in params):
            raise RuntimeError(f"The scope of the cockpit query {name!r} is not a parameter of its SQL.")
        _written[key] = (sql, tuple(params))
    sql, params = _written[key]
    values = {_SHAPE_MUNICIPALITY: scope.municipality_id,
              connection.ops.adapt_datefield_value(_SHAPE_DAY): connection.ops.adapt_datefield_value(today)}
    if scope.caseworker is not None:
        values[_SHAPE_CASEWORKER] = scope.caseworker.pk
    with connection.cursor() as cursor:
        cursor.execute(sql, [values.get(param, param) for param in params])
        return cursor.fetchall()


def _rung_and_plans(scope: CockpitScope, today: datetime.date):
    return scope.people().values_list("rung", "status").annotate(
        n=Count("id"),
        with_plan=Count("plan"),
        agreed=Count("plan", filter=Q(plan__agreed_version=F("plan__version"))),
        review_overdue=Count("plan", filter=Q(plan__review_date__lt=today)),
    ).order_by()


def people_by_rung_with_plans(scope: CockpitScope, *, today: datetime.date | None = None):
    """People per rung of the participation ladder (1 to 6, zeros included) and the state of their plans.

    The plans come with the caseload by status (``PlanOverview.by_status``), from the same query.
    """
    rows = _rows("rung_and_plans", scope, _rung_and_plans, today or timezone.localdate())
    counted: dict[int, int] = {}
    statuses: dict[str, int] = {}
    for rung, status, n, *_plans in rows:
        counted[rung] = counted.get(rung, 0) + n
        statuses[status] = statuses.get(status, 0) + n
    by_rung = [Tally(str(rung.value), str(rung.label), counted.get(rung.value, 0)) for rung in RungChoice]
    by_status = tuple(Tally(status.value, str(status.label), statuses.get(status.value, 0))
                      for status in CASELOAD_STATUSES)
    people, with_plan, agreed, overdue = (sum(row[index] for row in rows) for index in (2, 3, 4, 5))
    return by_rung, PlanOverview(people=people, with_plan=with_plan, agreed=agreed, review_overdue=overdue,
                                 by_status=by_status)


def _categories(scope: CockpitScope, _today):
    return scope.people().values_list("category__key", "category__name", "category__position").annotate(
        n=Count("id")).order_by()


def people_by_category(scope: CockpitScope) -> list[Tally]:
    """People per caseload category in the municipality's order, then those without a category yet (always shown)."""
    rows = _rows("categories", scope, _categories)
    placed = sorted((row for row in rows if row[0] is not None), key=lambda row: (row[2], row[1]))
    without = sum(row[3] for row in rows if row[0] is None)
    return [*(Tally(key, name, n) for key, name, _position, n in placed),
            Tally(NO_CATEGORY, str(_("No category yet")), without)]


@dataclass(frozen=True)
class FunnelStage:
    key: str
    label: str
    now: int  # applications at this stage now
    reached: int  # applications that reached at least this stage


@dataclass(frozen=True)
class Funnel:
    stages: list[FunnelStage]
    ended: int  # placements that have ended (counted as reached "placed")
    stopped: int  # declined or withdrawn

    @property
    def total(self) -> int:
        return self.stages[0].reached if self.stages else 0


def _applications(scope: CockpitScope, _today):
    return (Application.objects.filter(scope.people_filter("seeker__")).values_list("status")
            .annotate(n=Count("id"), introduced=Count("id", filter=Q(introduced_at__isnull=False))).order_by())


def application_funnel(scope: CockpitScope) -> Funnel:
    """The applications of the people in scope by status, and how many reached at least each stage."""
    rows = _rows("funnel", scope, _applications)
    by_status = {status: {"n": n, "introduced": introduced} for status, n, introduced in rows}
    reached = [0] * len(FUNNEL_STAGES)
    for status, row in by_status.items():
        if status in STAGE_REACHED:
            furthest = STAGE_REACHED[status]
            reached = [total + row["n"] * (index <= furthest) for index, total in enumerate(reached)]
        elif status in STOPPED:
            introduced = FUNNEL_STAGES.index(S.INTRODUCED)
            reached = [total + (row["n"] if index < introduced else row["introduced"] * (index == introduced))
                       for index, total in enumerate(reached)]
    stages = [FunnelStage(status.value, str(status.label), by_status.get(status, {}).get("n", 0), reached[index])
              for index, status in enumerate(FUNNEL_STAGES)]
    return Funnel(stages=stages, ended=by_status.get(S.ENDED, {}).get("n", 0),
                  stopped=sum(by_status.get(status, {}).get("n", 0) for status in STOPPED))


@dataclass(frozen=True)
class InstrumentUse:
    key: str
    label: str
    planned: int
    active: int

    @property
    def in_use(self) -> int:
        return self.planned + self.active


@dataclass(frozen=True)
class InstrumentResults:
    key: str
    label: str
    results: dict[str, int]  # result key (or "" for no result recorded) → ended assignments

    @property
    def total(self) -> int:
        return sum(self.results.values())


NO_RESULT = ""


@dataclass(frozen=True)
class InstrumentOverview:
    in_use: list[InstrumentUse]  # kinds with at least one planned or running assignment
    results: list[InstrumentResults]  # kinds with at least one ended assignment
    result_labels: list[tuple[str, str]]  # the result columns, "no result recorded" last


def _assignments(scope: CockpitScope, _today):
    return (InstrumentAssignment.objects.filter(scope.people_filter("seeker__"))
            .values_list("instrument__kind", "status", "result").annotate(n=Count("id")).order_by())


def instrument_overview(scope: CockpitScope) -> InstrumentOverview:
    """Instruments planned and running by kind, and the results of ended ones by kind × result, in one query."""
    rows = _rows("instruments", scope, _assignments)
    use: dict[str, dict[str, int]] = {}
    ended: dict[str, dict[str, int]] = {}
    for kind, status, result, n in rows:
        if status in (AssignmentStatus.PLANNED, AssignmentStatus.ACTIVE):
            use.setdefault(kind, {})[status] = use.get(kind, {}).get(status, 0) + n
        elif status == AssignmentStatus.ENDED:
            ended.setdefault(kind, {})[result] = ended.get(kind, {}).get(result, 0) + n
    in_use = [InstrumentUse(kind.value, str(kind.label), use[kind].get(AssignmentStatus.PLANNED, 0),
                            use[kind].get(AssignmentStatus.ACTIVE, 0)) for kind in InstrumentKind if kind in use]
    result_keys = [*AssignmentResult.values, NO_RESULT]
    results = [InstrumentResults(kind.value, str(kind.label), {key: ended[kind].get(key, 0) for key in result_keys})
               for kind in InstrumentKind if kind in ended]
    labels = [(result.value, str(result.label)) for result in AssignmentResult]
    return InstrumentOverview(in_use=in_use, results=results,
                              result_labels=[*labels, (NO_RESULT, str(_("No result recorded")))])


@dataclass(frozen=True)
class PlanOverview:
    """The plans of everyone in the caseload, and that caseload by status (active, paused, placed)."""

    people: int  # everyone in scope who has not exited
    with_plan: int
    agreed: int  # agreed to the current version
    review_overdue: int
    by_status: tuple[Tally, ...] = ()

    @property
    def without_plan(self) -> int:
        return self.people - self.with_plan

    @property
    def active(self) -> int:
        """The people the signals are about: only active people get signals."""
        return sum(tally.count for tally in self.by_status if tally.key == SeekerStatus.ACTIVE)


@dataclass(frozen=True)
class Cockpit:
    scope: CockpitScope
    by_rung: list[Tally]
    by_category: list[Tally]
    funnel: Funnel
    instruments: InstrumentOverview
    plans: PlanOverview

    @property
    def people(self) -> int:
        return self.plans.people

    @property
    def by_status(self) -> tuple[Tally, ...]:
        return self.plans.by_status

    @property
    def active(self) -> int:
        return self.plans.active


def cockpit_for(scope: CockpitScope, *, today: datetime.date | None = None) -> Cockpit:
    """Every figure of the cockpit for ``scope``: four aggregate queries, whatever the number of people."""
    by_rung, plans = people_by_rung_with_plans(scope, today=today)
    return Cockpit(scope=scope, by_rung=by_rung, by_category=people_by_category(scope),
                   funnel=application_funnel(scope), instruments=instrument_overview(scope), plans=plans)
