"""Reads of trajectories: an instrument carried out by a provider, as its staff and the municipality see it.

Provider staff see a trajectory of their own organisation only once the person consented to share
their name with it (``consent_at``), only in the provider's own municipality, and only while it is
planned or running: an ended or cancelled trajectory no longer exists for them. What they see is
an explicit projection: the person's name and how to reach them, the instrument, the dates, the
status, the goal of the plan and the plan action the trajectory serves, and the progress reports.
The projection is built from a fixed list of columns (``.values()``), never from the model rows, so
no draaglast, assessment, draagkracht picture, ladder history, matching reason or application can
reach provider staff through it, whatever the models grow.

Caseworkers of the municipality read the same projection of every trajectory of their municipality.
Anything outside the actor's scope does not exist (``InstrumentAssignment.DoesNotExist``).
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import F, Prefetch, QuerySet
from django.utils import timezone

from marketplace.access import Actor
from marketplace.exceptions import NotAllowed, NotYourMunicipality, NotYourOrganisation
from marketplace.models import InstrumentAssignment, ProgressReport
from marketplace.models.koffer import AssignmentResult, AssignmentStatus, InstrumentKind, ReportAuthorKind

# The only columns a trajectory is read from; a new field on any model stays out until it is named here.
TRAJECTORY_COLUMNS = (
    "id", "seeker__first_name", "seeker__last_name", "seeker__phone", "seeker__email", "seeker__preferred_language",
    "instrument__name", "instrument__kind", "provider__name", "start_date", "end_date", "status", "result",
    "seeker__plan__goal", "plan_action__description", "plan_action__due_date",
)
ROW_COLUMNS = ("id", "seeker__first_name", "seeker__last_name", "instrument__name", "start_date", "status")
REPORT_COLUMNS = ("id", "date", "text", "result", "author_kind", "author__first_name", "author__last_name",
                  "created_at")


@dataclass(frozen=True)
class ReportLine:
    """One progress report as everyone reads it."""

    id: int
    date: datetime.date
    text: str
    result: str
    result_label: str
    author_kind: str
    author_kind_label: str
    author_name: str
    created_at: datetime.datetime

    @property
    def is_final(self) -> bool:
        return bool(self.result)


@dataclass(frozen=True)
class TrajectoryRow:
    """A line of the list of clients: who, which instrument, from when, and how it stands."""

    id: int
    first_name: str
    last_name: str
    instrument: str
    start_date: datetime.date
    status: str
    status_label: str

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True)
class Trajectory:
    """Everything a provider needs to carry out a trajectory, and nothing else about the person."""

    id: int
    first_name: str
    last_name: str
    phone: str
    email: str
    preferred_language: str
    preferred_language_label: str
    instrument: str
    instrument_kind: str
    instrument_kind_label: str
    provider: str
    start_date: datetime.date
    end_date: datetime.date | None
    status: str
    status_label: str
    result: str
    result_label: str
    goal: str  # the goal of the person's plan of action, in their own words; empty without a plan
    plan_action: str  # the plan action the trajectory serves; empty when not linked
    plan_action_due_date: datetime.date | None
    reports: tuple[ReportLine, ...]

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def is_open(self) -> bool:
        """Whether progress can still be reported: the trajectory is planned or running."""
        return self.status in (AssignmentStatus.PLANNED, AssignmentStatus.ACTIVE)

    @property
    def starts_later(self) -> bool:
        """Whether the start is still ahead, so that there is nothing to report on until that day."""
        return self.start_date > timezone.localdate()


def _label(choices, value) -> str:
    return str(dict(choices).get(value, value)) if value else ""


def _provider_scope(actor: Actor) -> QuerySet:
    """The provider's consented, planned or running trajectories for people of the provider's own municipality.

    Once a trajectory has ended or is cancelled the provider has no more need of the person's details or
    result, so it no longer exists for them; the municipality keeps it.
    """
    return InstrumentAssignment.objects.for_provider(actor.provider_organisation_ids).in_use().filter(
        seeker__municipality_id=F("provider__municipality_id"))


def _caseworker_scope(actor: Actor) -> QuerySet:
    return InstrumentAssignment.objects.for_municipality(actor.caseworker.municipality).filter(provider__isnull=False)


def _scope(actor: Actor) -> QuerySet:
    """Trajectories ``actor`` may read: a caseworker's municipality's, or a provider's consented ones."""
    if actor.is_caseworker:
        return _caseworker_scope(actor)
    if actor.is_provider:
        return _provider_scope(actor)
    raise NotAllowed()


def _ensure_provider(actor: Actor) -> None:
    if not actor.is_provider:
        raise NotAllowed()


def _rows(queryset: QuerySet) -> list[TrajectoryRow]:
    rows = queryset.in_use().order_by("seeker__last_name", "seeker__first_name", "start_date", "id")
    return [
        TrajectoryRow(id=row["id"], first_name=row["seeker__first_name"], last_name=row["seeker__last_name"],
                      instrument=row["instrument__name"], start_date=row["start_date"], status=row["status"],
                      status_label=_label(AssignmentStatus.choices, row["status"]))
        for row in rows.values(*ROW_COLUMNS)
    ]


def _report_line(row: dict) -> ReportLine:
    return ReportLine(id=row["id"], date=row["date"], text=row["text"], result=row["result"],
                      result_label=_label(AssignmentResult.choices, row["result"]), author_kind=row["author_kind"],
                      author_kind_label=_label(ReportAuthorKind.choices, row["author_kind"]),
                      author_name=" ".join(filter(None, (row["author__first_name"], row["author__last_name"]))),
                      created_at=row["created_at"])


def _reports(assignment_id: int) -> tuple[ReportLine, ...]:
    rows = ProgressReport.objects.filter(assignment_id=assignment_id).order_by("date", "id").values(*REPORT_COLUMNS)
    return tuple(_report_line(row) for row in rows)


def report_written(report: ProgressReport) -> ReportLine:
    """The line of the report its author has just written, to confirm it; readable even when the report was the
    final one, which takes the trajectory out of the provider's sight."""
    return _report_line(ProgressReport.objects.filter(pk=report.pk).values(*REPORT_COLUMNS).get())


def _prefetched_reports(assignment: InstrumentAssignment) -> tuple[ReportLine, ...] | None:
    """The reports ``with_reports`` read along with ``assignment``, in the same columns; None if it did not."""
    if "reports" not in getattr(assignment, "_prefetched_objects_cache", {}):
        return None
    return tuple(_report_line({
        "id": report.id, "date": report.date, "text": report.text, "result": report.result,
        "author_kind": report.author_kind, "author__first_name": getattr(report.author, "first_name", ""),
        "author__last_name": getattr(report.author, "last_name", ""), "created_at": report.created_at,
    }) for report in assignment.reports.all())


def with_reports(assignments: QuerySet) -> QuerySet:
    """``assignments`` with the reports of all of them read in one query, for ``reports_for_assignment`` on a list."""
    return assignments.select_related("seeker", "provider").prefetch_related(
        Prefetch("reports", queryset=ProgressReport.objects.select_related("author").order_by("date", "id")))


def _trajectory(queryset: QuerySet, pk) -> Trajectory:
    if not str(pk).isdigit() or len(str(pk)) > 18:
        raise InstrumentAssignment.DoesNotExist()
    row = queryset.filter(pk=int(pk)).values(*TRAJECTORY_COLUMNS).first()
    if row is None:
        raise InstrumentAssignment.DoesNotExist()
    language = row["seeker__preferred_language"]
    return Trajectory(
        id=row["id"], first_name=row["seeker__first_name"], last_name=row["seeker__last_name"],
        phone=row["seeker__phone"], email=row["seeker__email"], preferred_language=language,
        preferred_language_label=_label(settings.LANGUAGES, language),
        instrument=row["instrument__name"], instrument_kind=row["instrument__kind"],
        instrument_kind_label=_label(InstrumentKind.choices, row["instrument__kind"]), provider=row["provider__name"],
        start_date=row["start_date"], end_date=row["end_date"], status=row["status"],
        status_label=_label(AssignmentStatus.choices, row["status"]), result=row["result"],
        result_label=_label(AssignmentResult.choices, row["result"]), goal=row["seeker__plan__goal"] or "",
        plan_action=row["plan_action__description"] or "", plan_action_due_date=row["plan_action__due_date"],
        reports=_reports(row["id"]),
    )


def trajectories_for_provider(actor: Actor) -> list[TrajectoryRow]:
    """The provider's clients: the people with a planned or running trajectory at the actor's organisation."""
    _ensure_provider(actor)
    return _rows(_provider_scope(actor))


def trajectory_for_provider(actor: Actor, pk) -> Trajectory:
    """One trajectory of the actor's organisation, with its reports; anything else does not exist."""
    _ensure_provider(actor)
    return _trajectory(_provider_scope(actor), pk)


def trajectories_for(actor: Actor) -> list[TrajectoryRow]:
    """The planned and running trajectories ``actor`` may read: a provider's clients, or a municipality's."""
    return _rows(_scope(actor))


def trajectory_for(actor: Actor, pk) -> Trajectory:
    """One trajectory in ``actor``'s scope (provider staff or caseworker), with its reports."""
    return _trajectory(_scope(actor), pk)


def trajectory_assignment(actor: Actor, pk) -> InstrumentAssignment:
    """The assignment behind a trajectory in ``actor``'s scope, to hand to a service; for writes, not for showing."""
    if not str(pk).isdigit() or len(str(pk)) > 18:
        raise InstrumentAssignment.DoesNotExist()
    return _scope(actor).select_related("seeker", "provider").get(pk=int(pk))


def may_read_reports(actor: Actor, assignment: InstrumentAssignment) -> bool:
    """Caseworkers of the person's municipality, and staff of the provider once the person consented."""
    if actor.is_caseworker:
        return actor.caseworker.municipality_id == assignment.seeker.municipality_id
    return _provider_scope(actor).filter(pk=assignment.pk).exists() if actor.is_provider else False


def reports_for_assignment(actor: Actor, assignment: InstrumentAssignment) -> tuple[ReportLine, ...]:
    """The progress reports of ``assignment``, oldest first, for the admin page of a person's instruments and the
    provider portal alike. Another municipality's or another provider's assignment is not found; anyone else is
    refused."""
    if not actor.is_caseworker and not actor.is_provider:
        raise NotAllowed()
    if not may_read_reports(actor, assignment):
        raise NotYourMunicipality() if actor.is_caseworker else NotYourOrganisation()
    prefetched = _prefetched_reports(assignment)
    return prefetched if prefetched is not None else _reports(assignment.pk)

