"""Stuck signals and the worklist: who on the caseload needs attention first, and why.

Five signals, each with its threshold from the approach of the person's category (``NO_CATEGORY``
from marketplace/caseload/approach.py while a person has none). Only active job seekers count.

- ``no_rung_change``: no ladder step for ``stuck_after_months`` calendar months, counted from the newest
  step, or from the day the person was registered when there is none;
- ``no_contact``: no contact moment for ``contact_every_weeks`` weeks, counted from the newest contact,
  or from registration;
- ``no_active_plan``: no plan, or a plan without an open action;
- ``review_overdue``: the plan's review date has passed;
- ``instrument_not_followed_up``: an ended instrument without a follow-up whose end date is more than
  ``follow_up_within_weeks`` weeks ago (counted from the oldest such end date).

A signal shows from the first day past its threshold: with a threshold of 4 weeks, a contact exactly
28 days ago is on time, one 29 days ago is one day overdue.

Urgency: each signal adds the weight of its kind (``WEIGHTS``) and the days it is overdue, at most
``OVERDUE_CAP``; the worklist is ordered by the sum, highest first, then by name. A missing plan weighs
most (nothing is planned at all), a person not seen in weeks next.

``worklist_for`` and ``signal_counts`` run in a constant number of queries whatever the caseload size:
one query reads each person's dates as a plain row (one subquery per date, each computed once per
person) with their category's thresholds; the signals are decided in Python by one rule
(``_row_items``), so the counts and the worklist always agree. A municipality is streamed in chunks,
and its worklist keeps only the ``limit`` most urgent rows in memory.
"""

import datetime
import heapq
from dataclasses import dataclass
from datetime import timedelta
from functools import cache

from django.db import models
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.caseload.approach import NO_CATEGORY, Approach, months_before
from marketplace.choices import SeekerStatus
from marketplace.exceptions import NotAllowed, NotYourMunicipality
from marketplace.models import (
    AssignmentStatus,
    CaseloadCategory,
    Caseworker,
    ContactMoment,
    InstrumentAssignment,
    JobSeeker,
    LadderStep,
    Plan,
    PlanAction,
)
from marketplace.models.plans import ActionStatus


class SignalKind(models.TextChoices):
    NO_PLAN = "no_active_plan", _("No active plan")
    NO_CONTACT = "no_contact", _("No contact")
    INSTRUMENT_NOT_FOLLOWED_UP = "instrument_not_followed_up", _("Instrument not followed up")
    REVIEW_OVERDUE = "review_overdue", _("Plan review overdue")
    NO_RUNG_CHANGE = "no_rung_change", _("No rung change")


NO_ACTIVE_PLAN = SignalKind.NO_PLAN
NO_CONTACT = SignalKind.NO_CONTACT
INSTRUMENT_NOT_FOLLOWED_UP = SignalKind.INSTRUMENT_NOT_FOLLOWED_UP
REVIEW_OVERDUE = SignalKind.REVIEW_OVERDUE
NO_RUNG_CHANGE = SignalKind.NO_RUNG_CHANGE

WEIGHTS = {NO_ACTIVE_PLAN: 50, NO_CONTACT: 40, INSTRUMENT_NOT_FOLLOWED_UP: 30, REVIEW_OVERDUE: 30,
           NO_RUNG_CHANGE: 20}
OVERDUE_CAP = 365
# ``worklist_for(..., of=MUNICIPALITY)``: a team leader's view of every caseworker's people.
MUNICIPALITY = "municipality"
# Rows per fetch when streaming a municipality, and the most people fetched by their ids (above it, by scope).
STREAM_CHUNK = 2000
SHOWN_BY_PK = 500


@dataclass(frozen=True)
class SignalItem:
    """One signal of a person: its kind, the date it counts from, and how many days past its threshold."""

    kind: str
    since: datetime.date | None
    days_overdue: int | None

    @property
    def label(self) -> str:
        return str(SignalKind(self.kind).label)

    @property
    def urgency(self) -> int:
        return WEIGHTS[self.kind] + min(self.days_overdue or 0, OVERDUE_CAP)


@dataclass(frozen=True)
class Signal:
    """One row of the worklist: a person with every signal they have, and the urgency of the whole row."""

    seeker: JobSeeker
    items: tuple[SignalItem, ...]

    @property
    def urgency(self) -> int:
        return sum(item.urgency for item in self.items)

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(item.kind for item in self.items)

    @property
    def category(self) -> CaseloadCategory | None:
        return self.seeker.category


def _newest(model, field: str, **filters) -> Subquery:
    rows = model.objects.filter(seeker=OuterRef("pk"), **filters).order_by(f"-{field}").values(field)[:1]
    return Subquery(rows, output_field=models.DateField())


def _oldest_unfollowed() -> Subquery:
    rows = InstrumentAssignment.objects.filter(
        seeker=OuterRef("pk"), status=AssignmentStatus.ENDED, followed_up_at__isnull=True, end_date__isnull=False,
    ).order_by("end_date").values("end_date")[:1]
    return Subquery(rows, output_field=models.DateField())


@cache
def _dates() -> dict:
    """The per-person dates as expressions: built once, as Django copies an expression for every query using it."""
    return {
        "newest_step": _newest(LadderStep, "date"),
        "newest_contact": _newest(ContactMoment, "date"),
        "review_since": Subquery(Plan.objects.filter(seeker=OuterRef("pk")).values("review_date")[:1],
                                 output_field=models.DateField()),
        "has_open_action": Exists(PlanAction.objects.filter(plan__seeker=OuterRef("pk"), status=ActionStatus.OPEN)),
        "unfollowed_since": _oldest_unfollowed(),
    }


def _cutoffs(approach: Approach, today: datetime.date) -> dict[str, tuple[str, datetime.date]]:
    """For each dated signal: the date it counts from (``_dates``) and the day before which that date is overdue."""
    return {
        NO_RUNG_CHANGE: ("newest_step", months_before(today, approach.stuck_after_months)),
        NO_CONTACT: ("newest_contact", today - timedelta(weeks=approach.contact_every_weeks)),
        REVIEW_OVERDUE: ("review_since", today),
        INSTRUMENT_NOT_FOLLOWED_UP: ("unfollowed_since", today - timedelta(weeks=approach.follow_up_within_weeks)),
    }


# Without a ladder step or a contact moment, these count from the day the person was registered.
_REGISTRATION_FALLBACK = ("newest_step", "newest_contact")


def _day_starts(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


# The category's thresholds on a person's row, in the order of ``Approach``'s fields.
_THRESHOLDS = ("category__contact_every_weeks", "category__review_every_weeks", "category__stuck_after_months",
               "category__follow_up_within_weeks")


def _dated_people(people) -> models.QuerySet:
    """One plain row per person with their name, category thresholds, registration and signal dates.

    Each date is one correlated subquery in the select list, computed once per person; the signals are
    decided in Python from these rows (``_row_items``), so no condition repeats a subquery.
    """
    return people.order_by().annotate(**_dates()).values(
        "pk", "last_name", "first_name", "category_id", *_THRESHOLDS, "created_at", *_dates())


class _Thresholds:
    """Per category, worked out on its first person: for each dated signal the column it counts from, the
    cutoff date, and for a date that falls back to registration the moment the cutoff day starts."""

    def __init__(self, today: datetime.date):
        self.today = today
        self.found = {}

    def of(self, row: dict) -> list[tuple]:
        category_id = row["category_id"]
        if category_id not in self.found:
            approach = NO_CATEGORY if category_id is None else Approach(*(row[name] for name in _THRESHOLDS))
            self.found[category_id] = [
                (kind, column, cutoff, _day_starts(cutoff) if column in _REGISTRATION_FALLBACK else None)
                for kind, (column, cutoff) in _cutoffs(approach, self.today).items()]
        return self.found[category_id]


def _row_items(row: dict, thresholds: _Thresholds) -> tuple[SignalItem, ...]:
    """The person's signals from their row of ``_dated_people``, most urgent first.

    Registered before the cutoff day starts is the same as a registration date before the cutoff; the
    date itself is worked out only for a signal shown.
    """
    items = [] if row["has_open_action"] else [SignalItem(kind=NO_ACTIVE_PLAN, since=None, days_overdue=None)]
    for kind, column, cutoff, registered_before in thresholds.of(row):
        since = row[column]
        if since is None:
            if registered_before is None or row["created_at"] >= registered_before:
                continue
            since = timezone.localdate(row["created_at"])
        elif since >= cutoff:
            continue
        items.append(SignalItem(kind=kind, since=since, days_overdue=(cutoff - since).days))
    return tuple(sorted(items, key=lambda item: -item.urgency)) if len(items) > 1 else tuple(items)


def _people(caseworker: Caseworker, of) -> models.QuerySet:
    if of is None or of == caseworker or getattr(of, "pk", None) == caseworker.pk:
        return JobSeeker.objects.filter(caseworker=caseworker)
    if not caseworker.is_team_leader:
        raise NotAllowed(_("Only team leaders see the worklist of the municipality or of another caseworker."))
    if of == MUNICIPALITY:
        return JobSeeker.objects.filter(municipality_id=caseworker.municipality_id)
    if not isinstance(of, Caseworker):
        raise NotAllowed()
    if of.municipality_id != caseworker.municipality_id:
        raise NotYourMunicipality()
    return JobSeeker.objects.filter(caseworker=of)


def worklist_for(caseworker: Caseworker, *, today: datetime.date | None = None, limit: int | None = None,
                 of=None) -> list[Signal]:
    """The people with at least one signal, most urgent first: one ``Signal`` row per person.

    By default the caseworker's own caseload. A team leader passes ``of=MUNICIPALITY`` for everyone in
    the municipality, or ``of=<Caseworker>`` for one caseworker of it; anyone else asking for more than
    their own caseload is NotAllowed, and a caseworker of another municipality is NotYourMunicipality.
    Two queries, whatever the number of people: the dates of everyone in scope as plain rows (streamed
    for the municipality, keeping only the ``limit`` most urgent), then the people shown.
    """
    today = today or timezone.localdate()
    people = _people(caseworker, of).filter(status=SeekerStatus.ACTIVE)
    thresholds = _Thresholds(today)
    rows = _dated_people(people)
    rows = rows.iterator(chunk_size=STREAM_CHUNK) if of == MUNICIPALITY else rows
    found = ((row, items) for row in rows if (items := _row_items(row, thresholds)))
    ranked = (((-sum(item.urgency for item in items), row["last_name"], row["first_name"], row["pk"]), items)
              for row, items in found)
    ranked = heapq.nsmallest(limit, ranked) if limit is not None else sorted(ranked)
    seekers = _shown(people, [key[-1] for key, _items in ranked])
    return [Signal(seeker=seekers[key[-1]], items=items) for key, items in ranked]


def _shown(people, pks: list[int]) -> dict[int, JobSeeker]:
    """The people of ``pks`` with their category and caseworker; a long list is read as the whole scope."""
    if not pks:
        return {}
    shown = people.select_related("category", "caseworker__user").order_by()
    if len(pks) <= SHOWN_BY_PK:
        return {seeker.pk: seeker for seeker in shown.filter(pk__in=pks)}
    wanted = set(pks)
    return {seeker.pk: seeker for seeker in shown.iterator(chunk_size=STREAM_CHUNK) if seeker.pk in wanted}


def signal_counts(seekers_queryset, *, today: datetime.date | None = None) -> dict[str, int]:
    """How many active people of ``seekers_queryset`` have each signal kind; every kind is present. One query.

    The same rows and the same rule as the worklist, streamed, so the counts always agree with it.
    """
    thresholds = _Thresholds(today or timezone.localdate())
    counted = dict.fromkeys(SignalKind.values, 0)
    rows = _dated_people(seekers_queryset.filter(status=SeekerStatus.ACTIVE)).iterator(chunk_size=STREAM_CHUNK)
    for row in rows:
        for item in _row_items(row, thresholds):
            counted[item.kind] += 1
    return counted
