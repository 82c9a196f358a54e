"""Progress reports on a trajectory: the provider's staff report how it goes; a caseworker may add a note.

A report is never changed afterwards (a later report corrects an earlier one). A report on a planned
trajectory starts it through ``assignment_start``: the provider reporting says it has begun. A report
with a result is the final report: it ends the trajectory through ``assignment_end`` in the same
transaction, so ending a trajectory has one write path whoever ends it, and a refused end writes no
report either.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from marketplace.access import Actor
from marketplace.constants import NOTE_MAX_LENGTH
from marketplace.exceptions import NotEditable
from marketplace.models import InstrumentAssignment, ProgressReport
from marketplace.models.koffer import AssignmentResult, AssignmentStatus, ReportAuthorKind
from marketplace.services._caseload import merge_model_errors
from marketplace.services._common import raise_if_errors
from marketplace.services.instruments import acting_as, assignment_end, assignment_start
from marketplace.workflows.instruments import PROVIDER

OPEN_STATUSES = frozenset({AssignmentStatus.PLANNED, AssignmentStatus.ACTIVE})


class TrajectoryClosed(NotEditable):
    default_message = _("This trajectory has ended; no more progress can be reported on it.")
    field = "non_field_errors"


def _author_kind(actor: Actor, assignment: InstrumentAssignment) -> str:
    """In which capacity ``actor`` reports; who may act on a trajectory is decided by the instrument service."""
    capacity = acting_as(actor, assignment, others=_("Only the provider's staff and caseworkers report progress."))
    return ReportAuthorKind.PROVIDER if capacity == PROVIDER else ReportAuthorKind.CASEWORKER


def _date_errors(value, assignment: InstrumentAssignment, errors: dict) -> None:
    if not isinstance(value, datetime.date):
        errors["date"] = [_("Give the date of the report.")]
    elif assignment.start_date > timezone.localdate():
        # No date can be right yet: not after today, and not before a start that is still ahead.
        errors["date"] = [_("The trajectory starts on %(start)s; report from that day.")
                          % {"start": date_format(assignment.start_date, "j F Y")}]
    elif value > timezone.localdate():
        errors["date"] = [_("The date cannot be in the future.")]
    elif value < assignment.start_date:
        errors["date"] = [_("The trajectory started on %(start)s; choose that day or later.")
                          % {"start": date_format(assignment.start_date, "j F Y")}]


def _result_errors(result: str, assignment: InstrumentAssignment, errors: dict) -> None:
    if not result:
        return
    if result not in AssignmentResult.values:
        errors["result"] = [_("Choose one of the results in the list.")]


@transaction.atomic
def progress_report_add(*, actor: Actor, assignment: InstrumentAssignment, date: datetime.date, text: str,
                        result: str = "") -> ProgressReport:
    """Add a dated report; with a ``result`` it is the final report and ends the trajectory on ``date``."""
    assignment = InstrumentAssignment.objects.select_for_update(of=("self",)).select_related(
        "seeker", "provider").get(pk=assignment.pk)
    author_kind = _author_kind(actor, assignment)
    if assignment.status not in OPEN_STATUSES:
        raise TrajectoryClosed()
    text, result = str(text or "").strip(), str(result or "").strip()
    errors: dict[str, list] = {}
    if not text:
        errors["text"] = [_("Write how the trajectory is going.")]
    _date_errors(date, assignment, errors)
    _result_errors(result, assignment, errors)
    report = ProgressReport(assignment=assignment, date=date, text=text, result=result, author=actor.user,
                            author_kind=author_kind)
    merge_model_errors(report, errors, exclude=["assignment", "author"])
    raise_if_errors(errors)
    report.save()
    if assignment.status == AssignmentStatus.PLANNED:
        # Reporting on the trajectory says it has begun: it runs from its planned start, which the report
        # date is not before.
        assignment = assignment_start(actor=actor, assignment=assignment, start_date=assignment.start_date)
    if result:
        assignment_end(actor=actor, assignment=assignment, end_date=date, result=result,
                       result_note=Truncator(text).chars(NOTE_MAX_LENGTH))
    return report
