"""Input and output records of the carving logic.

Units: hours per week as ``Decimal`` (inputs may be ``int``/``float``/``Decimal``; they are
read through ``str`` so that 2.1 stays 2.1), money as ``Decimal`` in euros rounded to cents,
times of day as ``datetime.time``, weekdays and physical demands as the bit flags of
``marketplace.constants``, locations as ``(latitude, longitude)`` in degrees.
"""

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from datetime import time
from decimal import Decimal

from marketplace.carving.messages import Message

SIMPLE_COMPLEXITIES = (1, 2)


def as_hours(value) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


@dataclass(frozen=True)
class TaskSpec:
    """One task of an analysed job.

    The task recurs on every weekday in ``weekdays`` inside the same daily window
    ``window_start``–``window_end``; ``hours_per_week`` is its total over the week. The whole
    window counts as occupied, because the hours may fall anywhere inside it.

    ``location`` ``None`` means "at the job's own location" (``JobSpec.location``).
    ``skill_levels`` optionally raises the level of a skill in ``skills`` above basic (1).
    ``organisation_id`` and ``municipality_id`` are needed for cross-employer bundles only.
    """

    id: Hashable
    name: str
    hours_per_week: Decimal | float | int
    complexity: int
    weekdays: int
    window_start: time
    window_end: time
    skills: frozenset[int] = frozenset()
    skill_levels: Mapping[int, int] = field(default_factory=dict)
    location: tuple[float, float] | None = None
    physical_demands: int = 0
    language_level: int = 0
    learnable_on_the_job: bool = True
    organisation_id: Hashable | None = None
    municipality_id: Hashable | None = None

    @property
    def hours(self) -> Decimal:
        return as_hours(self.hours_per_week)

    @property
    def is_simple(self) -> bool:
        return self.complexity in SIMPLE_COMPLEXITIES


@dataclass(frozen=True)
class JobSpec:
    """An existing job as analysed: ``hours_per_week`` of one position, ``hourly_cost`` per skilled hour."""

    title: str
    staff_count: int
    hours_per_week: Decimal | float | int
    hourly_cost: Decimal
    tasks: tuple[TaskSpec, ...] | list[TaskSpec] = ()
    location: tuple[float, float] | None = None

    @property
    def hours(self) -> Decimal:
        return as_hours(self.hours_per_week)


@dataclass(frozen=True)
class ScheduleEntry:
    """One occurrence of a task in the week, for showing the role's timetable."""

    weekday: int
    start: time
    end: time
    task_id: Hashable
    task_name: str
    organisation_id: Hashable | None = None


@dataclass(frozen=True)
class BusinessCase:
    """Yearly figures for moving ``hours_per_week`` from skilled staff to a carved role.

    ``net_yearly_saving = yearly_skilled_cost - yearly_carved_cost + yearly_wage_subsidy``
    holds exactly on the rounded amounts, so the figures on screen add up.
    """

    hours_per_week: Decimal
    weeks_per_year: int
    skilled_hourly_cost: Decimal
    carved_hourly_wage: Decimal
    subsidy_percent: Decimal
    yearly_skilled_cost: Decimal
    yearly_carved_cost: Decimal
    yearly_wage_subsidy: Decimal
    net_yearly_carved_cost: Decimal
    net_yearly_saving: Decimal


@dataclass(frozen=True)
class CarvedRole:
    """What a proposed role asks of the person in it, derived from its tasks.

    ``required_skills`` maps skill id to the highest level any task asks; ``language_level``
    is the highest of the tasks'; ``weekdays`` and ``physical_demands`` are unions.
    ``suggested_support`` is a ``Support`` bit set matching ``support_hints``.
    """

    tasks: tuple[TaskSpec, ...]
    hours: Decimal
    weekdays: int
    required_skills: Mapping[int, int]
    language_level: int
    physical_demands: int
    schedule: tuple[ScheduleEntry, ...]
    support_hints: tuple[Message, ...]
    suggested_support: int

    @property
    def task_ids(self) -> tuple:
        return tuple(task.id for task in self.tasks)


@dataclass(frozen=True)
class RoleProposal(CarvedRole):
    """A role carved out of one job; it frees ``skilled_hours_freed_per_week`` of skilled staff."""

    skilled_hours_freed_per_week: Decimal
    business_case: BusinessCase


@dataclass(frozen=True)
class TaskOutcome:
    """A task that was not carved out, and why."""

    task: TaskSpec
    reason: Message


@dataclass(frozen=True)
class CarvingResult:
    """Proposals for one job; ``explanation`` says why there are none (``None`` when there are some)."""

    proposals: tuple[RoleProposal, ...]
    not_carved: tuple[TaskOutcome, ...]
    explanation: Message | None
    hours_carved: Decimal
    yearly_net_saving: Decimal


@dataclass(frozen=True)
class TravelLeg:
    """A move between two consecutive tasks on one weekday."""

    weekday: int
    from_task_id: Hashable
    to_task_id: Hashable
    distance_km: float
    minutes_needed: float
    minutes_available: float


@dataclass(frozen=True)
class BundleProposal(CarvedRole):
    """A stapelbaan: simple tasks of several organisations combined into one role.

    ``employer_of_record`` is the organisation that contributes more than half of the hours,
    or ``None``: then no employer clearly carries the role, and the municipality's own
    employment organisation is the suggested employer that seconds the worker to all of them.
    """

    organisation_ids: tuple
    hours_by_organisation: Mapping[Hashable, Decimal]
    employer_of_record: Hashable | None
    legs: tuple[TravelLeg, ...]
    travel_km_per_week: Decimal


class BundleList(list):
    """The bundle proposals, in order; ``explanation`` says why the list is empty (else ``None``)."""

    def __init__(self, proposals=(), explanation: Message | None = None):
        super().__init__(proposals)
        self.explanation = explanation
