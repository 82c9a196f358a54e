"""Reads for the cockpit's exports: the caseload overview and the plan/instrument overview of one scope.

Both hand their rows one at a time to ``emit``, reading the people in pages of ``chunk_size``, so
50,000 people never sit in memory at once (only their ids do) and the number of queries grows with
the pages, not with the people. Values stay typed (dates, amounts); the file format decides how to write them.

The caseload overview carries the draaglast (severity and note per category) only when asked with a
purpose, by a caseworker of the scope's municipality; the purpose is checked like every other read
of the draaglast (``clean_purpose``), and each page of people gets one access log entry per person,
written in the same transaction as the read of their draaglast, before any of it is handed out.
"""

import datetime
import functools
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from types import SimpleNamespace

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from marketplace.access import Actor
from marketplace.burden_labels import field_label, severity_label
from marketplace.models import (
    Caseworker,
    ContactMoment,
    InstrumentAssignment,
    JobSeeker,
    Plan,
    SeekerBurden,
    SensitiveAccessLog,
)
from marketplace.models.plans import AgreementState
from marketplace.models.seekers import BURDEN_CATEGORIES
from marketplace.selectors.burden import clean_purpose
from marketplace.selectors.cockpit import CockpitScope

CHUNK_SIZE = 2000
# Named first in the access log entry of an export, so the person can tell a file from a read on a page.
EXPORT_LOG_FIELD = "export"
# The draaglast in an export: per category its severity, then its note; never the street address.
BURDEN_EXPORT_FIELDS = tuple(name for key in BURDEN_CATEGORIES for name in (f"{key}_severity", key))
NAME_ORDER = ("last_name", "first_name", "pk")


@dataclass(frozen=True)
class CaseloadRow:
    seeker_id: int
    name: str
    rung: int
    category: str
    caseworker: str
    plan_status: str
    review_date: datetime.date | None
    last_contact: datetime.date | None
    instruments: tuple[str, ...]
    burden: tuple[str, ...] = ()  # in the order of BURDEN_EXPORT_FIELDS; empty without a purpose

    def values(self) -> list:
        return [self.name, self.rung, self.category, self.caseworker, self.plan_status, self.review_date,
                self.last_contact, ", ".join(self.instruments), *self.burden]


def caseload_columns(*, with_burden: bool) -> list[str]:
    columns = [_("Name"), _("Rung"), pgettext_lazy("caseload", "Category"), _("Caseworker"), _("Plan"),
               _("Review date"), _("Last contact"), _("Instruments in use")]
    burden = [field_label(name) for name in BURDEN_EXPORT_FIELDS] if with_burden else []
    return [str(column) for column in columns] + burden


def _pages(queryset, size: int):
    """``queryset`` in name order, one page of at most ``size`` rows at a time.

    The ids come first, in name order (one query; 50,000 ids are under a megabyte); each page is then
    read by primary key, so no page sorts the whole scope again.
    """
    ids = list(queryset.order_by(*NAME_ORDER).values_list("pk", flat=True))
    for start in range(0, len(ids), size):
        page = ids[start:start + size]
        rows = {row["pk"]: row for row in queryset.filter(pk__in=page).order_by()}
        yield [rows[pk] for pk in page if pk in rows]


@functools.cache
def _plan_state(version: int | None, agreed_version: int | None, language: str | None) -> str:
    """The plan's agreement in words, by the plan's own rule (``Plan.agreement_state``), once per pair of versions
    and language."""
    if version is None:
        return str(_("No plan yet"))
    state = Plan.agreement_state.fget(SimpleNamespace(version=version, agreed_version=agreed_version))
    return str(AgreementState(state).label)


def _caseworker_names(municipality_id: int) -> dict[int, str]:
    return {caseworker.pk: str(caseworker) for caseworker in
            Caseworker.objects.filter(municipality_id=municipality_id).select_related("user")}


def _in_use(seeker_ids) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    rows = (InstrumentAssignment.objects.filter(seeker_id__in=seeker_ids).in_use()
            .order_by("seeker_id", "start_date", "pk").values_list("seeker_id", "instrument__name"))
    for seeker_id, name in rows:
        found.setdefault(seeker_id, []).append(name)
    return found


def _last_contacts(seeker_ids) -> dict[int, datetime.date]:
    rows = (ContactMoment.objects.filter(seeker_id__in=seeker_ids).values("seeker_id").annotate(last=Max("date"))
            .order_by().values_list("seeker_id", "last"))
    return dict(rows)


def _burden_values(burden: SeekerBurden | None) -> tuple[str, ...]:
    values = []
    for name in BURDEN_EXPORT_FIELDS:
        value = getattr(burden, name) if burden is not None else None
        values.append(severity_label(value) if name.endswith("_severity") else (value or ""))
    return tuple(values)


def _read_burden(actor: Actor, seeker_ids: list[int], purpose: str) -> dict[int, SeekerBurden]:
    """Log one read per person, then read their draaglast: both inside the caller's transaction."""
    fields = ",".join((EXPORT_LOG_FIELD, *BURDEN_EXPORT_FIELDS))
    SensitiveAccessLog.objects.bulk_create(
        SensitiveAccessLog(actor=actor.user, seeker_id=seeker_id, fields=fields, purpose=purpose)
        for seeker_id in seeker_ids
    )
    return SeekerBurden.objects.in_bulk(seeker_ids, field_name="seeker_id")


def _check_exporter(actor: Actor, scope: CockpitScope) -> None:
    """Only caseworkers of the scope's municipality export its people (and, with a purpose, their draaglast)."""
    if actor.caseworker is None or actor.caseworker.municipality_id != scope.municipality_id:
        raise PermissionDenied("Only caseworkers of the municipality may export its caseload.")


@transaction.atomic
def caseload_export(*, actor: Actor, scope: CockpitScope, emit: Callable[[CaseloadRow], None],
                    burden_purpose: str | None = None, chunk_size: int = CHUNK_SIZE) -> int:
    """Hand every person in ``scope`` to ``emit`` in name order, and return how many there were.

    With ``burden_purpose`` the rows carry the draaglast, and every person exported gets an access log
    entry with that purpose. PermissionDenied unless a caseworker of the scope's municipality asks, and
    ValidationError (``purpose``) for a purpose that says nothing, both before anything is read or
    written. Two queries first (the order, the caseworkers' names), then three per page of people, four
    with the draaglast.
    """
    _check_exporter(actor, scope)
    purpose = clean_purpose(burden_purpose) if burden_purpose is not None else None
    # Plain rows, not model instances: building four models per person took most of an export's time.
    people = scope.people().values("pk", "first_name", "last_name", "rung", "category__name", "caseworker_id",
                                   "plan__review_date", "plan__version", "plan__agreed_version")
    caseworkers = _caseworker_names(scope.municipality_id)
    language = get_language()
    exported = 0
    for page in _pages(people, chunk_size):
        ids = [person["pk"] for person in page]
        instruments, last_contacts = _in_use(ids), _last_contacts(ids)
        burdens = _read_burden(actor, ids, purpose) if purpose is not None else None
        for person in page:
            pk = person["pk"]
            emit(CaseloadRow(
                seeker_id=pk, name=JobSeeker.full_name.fget(SimpleNamespace(**person)), rung=person["rung"],
                category=person["category__name"] or "", caseworker=caseworkers.get(person["caseworker_id"], ""),
                plan_status=_plan_state(person["plan__version"], person["plan__agreed_version"], language),
                review_date=person["plan__review_date"], last_contact=last_contacts.get(pk),
                instruments=tuple(instruments.get(pk, ())),
                burden=_burden_values(burdens.get(pk)) if burdens is not None else (),
            ))
        exported += len(page)
    return exported


@dataclass(frozen=True)
class AssignmentRow:
    person: str
    instrument: str
    provider: str
    start_date: datetime.date
    end_date: datetime.date | None
    status: str
    result: str
    cost: Decimal

    def values(self) -> list:
        return [self.person, self.instrument, self.provider, self.start_date, self.end_date, self.status,
                self.result, self.cost]


def assignment_columns() -> list[str]:
    return [str(column) for column in (_("Person"), _("Instrument"), _("Provider"), _("Start date"), _("End date"),
                                       _("Status"), _("Result"), _("Cost (€)"))]


def assignment_export(*, actor: Actor, scope: CockpitScope, emit: Callable[[AssignmentRow], None],
                      chunk_size: int = CHUNK_SIZE) -> int:
    """Hand every instrument deployed for a person in ``scope`` to ``emit``, by person and start date.

    Read with a database cursor in pages of ``chunk_size``: one query, whatever the number of rows.
    """
    _check_exporter(actor, scope)
    assignments = (InstrumentAssignment.objects.filter(scope.people_filter("seeker__"))
                   .select_related("seeker", "instrument", "provider")
                   .order_by("seeker__last_name", "seeker__first_name", "seeker_id", "start_date", "pk"))
    exported = 0
    for assignment in assignments.iterator(chunk_size=chunk_size):
        emit(AssignmentRow(
            person=assignment.seeker.full_name, instrument=assignment.instrument.name,
            provider=assignment.provider.name if assignment.provider_id else "",
            start_date=assignment.start_date, end_date=assignment.end_date,
            status=str(assignment.get_status_display()),
            result=str(assignment.get_result_display()) if assignment.result else "", cost=assignment.cost,
        ))
        exported += 1
    return exported

