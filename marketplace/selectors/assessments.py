"""Reads of the picture of a person: life-domains assessments, the draagkracht picture and the ladder history.

The scores on the sensitive domains (debts, housing, family relations, mental and physical health)
reach staff only through ``assessments_read_for_staff``: like the draaglast, that read asks for a
purpose and writes a SensitiveAccessLog entry in the same transaction, and the job seeker sees the
entry under "my data". Every other staff read shows the open domains only. The job seeker reads all
of their own scores; reading one's own data is not logged.
"""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from marketplace.access import Actor
from marketplace.exceptions import NotAllowed, NotYourMunicipality
from marketplace.models import Assessment, DraagkrachtPicture, JobSeeker, LadderStep, SeekerSkill, SensitiveAccessLog
from marketplace.models.assessments import DOMAINS, OPEN_DOMAINS, SENSITIVE_DOMAINS, LifeDomain
from marketplace.selectors.burden import clean_purpose, staff_may_access_burden
from marketplace.selectors.plans import staff_may_read_plans

# How a read of the sensitive scores is named in the access log (next to the draaglast's own fields).
LOG_PREFIX = "assessment."
SENSITIVE_LOG_FIELDS = tuple(f"{LOG_PREFIX}{domain}" for domain in SENSITIVE_DOMAINS)


def domain_of_log_field(name: str) -> str | None:
    """The life domain an access-log field names (``assessment.debts`` → ``debts``), or None."""
    domain = name.removeprefix(LOG_PREFIX)
    return domain if name.startswith(LOG_PREFIX) and domain in DOMAINS else None


@dataclass(frozen=True)
class Cell:
    """One score, and how it moved since the previous assessment that scored the same domain."""

    score: int | None
    change: int | None = None


@dataclass(frozen=True)
class ProgressRow:
    assessment: Assessment
    cells: dict[str, Cell]

    @property
    def date(self) -> datetime.date:
        return self.assessment.date


@dataclass(frozen=True)
class DomainLine:
    domain: str
    label: str
    cells: list[Cell]


@dataclass(frozen=True)
class AssessmentProgress:
    """Assessments oldest first, each with the scores on ``domains``; ``hidden`` are domains left out of this read."""

    domains: tuple[str, ...]
    rows: list[ProgressRow]
    hidden: tuple[str, ...] = ()
    entry: SensitiveAccessLog | None = None

    def by_domain(self) -> list[DomainLine]:
        """The same scores with a line per domain and a column per assessment (narrow screens)."""
        return [DomainLine(domain=domain, label=str(LifeDomain(domain).label),
                           cells=[row.cells[domain] for row in self.rows]) for domain in self.domains]

    @property
    def latest(self) -> ProgressRow | None:
        return self.rows[-1] if self.rows else None


def assessment_progress(assessments: Iterable[Assessment], domains: Sequence[str] = DOMAINS,
                        hidden: Sequence[str] = ()) -> AssessmentProgress:
    rows, previous = [], {}
    for assessment in assessments:
        cells = {}
        for domain in domains:
            score = getattr(assessment, domain)
            before = previous.get(domain)
            moved = score - before if score is not None and before is not None else None
            cells[domain] = Cell(score=score, change=moved)
            if score is not None:
                previous[domain] = score
        rows.append(ProgressRow(assessment=assessment, cells=cells))
    return AssessmentProgress(domains=tuple(domains), rows=rows, hidden=tuple(hidden))


def _assessments(seeker: JobSeeker):
    return Assessment.objects.filter(seeker=seeker).select_related("recorded_by").in_order()


def _check_staff(actor: Actor, seeker: JobSeeker) -> None:
    if actor.is_caseworker and actor.caseworker.municipality_id != seeker.municipality_id:
        raise NotYourMunicipality()
    if not staff_may_read_plans(actor, seeker):
        raise NotAllowed()


def assessments_for_staff(*, actor: Actor, seeker: JobSeeker) -> AssessmentProgress:
    """The assessments with the open domains only; the sensitive ones need ``assessments_read_for_staff``."""
    _check_staff(actor, seeker)
    return assessment_progress(_assessments(seeker), OPEN_DOMAINS, hidden=SENSITIVE_DOMAINS)


@transaction.atomic
def assessments_read_for_staff(*, actor: Actor, seeker: JobSeeker, purpose: str) -> AssessmentProgress:
    """Every score, the sensitive domains included, for a caseworker of the seeker's municipality; logged.

    Another municipality's seeker is NotYourMunicipality (not found); anyone else who is not a
    caseworker of the municipality, a superuser included, NotAllowed. A missing or meaningless
    purpose is a ValidationError on ``purpose`` before anything is read or written. The log entry
    is written also when there is no assessment yet: the reader learnt that.
    """
    if actor.is_caseworker and actor.caseworker.municipality_id != seeker.municipality_id:
        raise NotYourMunicipality()
    if not staff_may_access_burden(actor.user, seeker):
        raise NotAllowed(_("Only caseworkers of the job seeker's municipality may read these scores."))
    purpose = clean_purpose(purpose)
    entry = SensitiveAccessLog.objects.create(actor=actor.user, seeker=seeker, fields=",".join(SENSITIVE_LOG_FIELDS),
                                              purpose=purpose)
    progress = assessment_progress(_assessments(seeker), DOMAINS)
    return AssessmentProgress(domains=progress.domains, rows=progress.rows, entry=entry)


def assessments_for_self(*, actor: Actor) -> AssessmentProgress:
    """All of the job seeker's own scores."""
    if not actor.is_seeker:
        raise NotAllowed()
    return assessment_progress(_assessments(actor.seeker), DOMAINS)


@dataclass(frozen=True)
class DraagkrachtOverview:
    """The current picture, every version newest first, and the skills the picture's competences are."""

    current: DraagkrachtPicture | None
    versions: list[DraagkrachtPicture]
    skills: list[SeekerSkill]


def _draagkracht(seeker: JobSeeker) -> DraagkrachtOverview:
    versions = DraagkrachtPicture.objects.filter(seeker=seeker).select_related("recorded_by").order_by("-version")
    skills = SeekerSkill.objects.filter(seeker=seeker).select_related("skill").order_by("-level", "skill__name_nl")
    versions, skills = list(versions), list(skills)
    return DraagkrachtOverview(current=versions[0] if versions else None, versions=versions, skills=skills)


def draagkracht_for_staff(*, actor: Actor, seeker: JobSeeker) -> DraagkrachtOverview:
    _check_staff(actor, seeker)
    return _draagkracht(seeker)


def draagkracht_for_self(*, actor: Actor) -> DraagkrachtOverview:
    if not actor.is_seeker:
        raise NotAllowed()
    return _draagkracht(actor.seeker)


def ladder_history_for_self(*, actor: Actor) -> list[LadderStep]:
    """The job seeker's steps on the participation ladder, oldest first."""
    if not actor.is_seeker:
        raise NotAllowed()
    return list(LadderStep.objects.filter(seeker_id=actor.seeker.pk).order_by("date", "id"))
