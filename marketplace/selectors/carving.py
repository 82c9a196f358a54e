"""Reads for job carving, scoped to who is asking.

Employers reach the analyses of the employer organisations they act for; caseworkers (the
employer service team) reach every analysis of their own municipality. Anything else is
reported as not found, so that ids of other organisations cannot be probed.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.utils.translation import get_language

from marketplace.access import Actor
from marketplace.carving import Message
from marketplace.choices import OrganisationKind
from marketplace.constants import LanguageLevel
from marketplace.exceptions import NotYourOrganisation
from marketplace.models import JobAnalysis, Organisation, Role, RoleSkill, Skill, Task
from marketplace.models.carving import JobAnalysisQuerySet


def message_text(message: Message) -> str:
    """A message of the carving logic, in the language of the request."""
    return message.text(get_language() or "nl")


def _caseworker_municipality(actor: Actor):
    return actor.caseworker.municipality if actor.is_caseworker else None


def employer_ids(actor: Actor) -> frozenset[int]:
    return actor.organisation_ids_of_kind(OrganisationKind.EMPLOYER)


def may_carve(actor: Actor) -> bool:
    """Employers and caseworkers carve jobs; job seekers, associations and visitors do not."""
    return actor.is_caseworker or bool(employer_ids(actor))


def may_carve_for(actor: Actor, organisation: Organisation) -> bool:
    if organisation.kind != OrganisationKind.EMPLOYER:
        return False
    if organisation.pk in employer_ids(actor):
        return True
    return actor.is_caseworker and actor.caseworker.municipality_id == organisation.municipality_id


def _as_id(value) -> int:
    """An id from a URL or payload; anything else matches nothing (0 is never a primary key)."""
    return int(value) if str(value).isdigit() and len(str(value)) <= 18 else 0


def job_analysis_list_visible(*, actor: Actor) -> JobAnalysisQuerySet:
    if actor.is_anonymous:
        return JobAnalysis.objects.none()
    return (
        JobAnalysis.objects.visible_to(organisation_ids=employer_ids(actor),
                                       municipality=_caseworker_municipality(actor))
        .select_related("organisation", "municipality")
        .order_by("organisation__name", "title", "id")
    )


def job_analysis_get(*, actor: Actor, analysis_id) -> JobAnalysis:
    """The analysis with its tasks (in their order), or ``NotYourOrganisation`` when the actor may not see it."""
    try:
        return job_analysis_list_visible(actor=actor).with_tasks().get(pk=_as_id(analysis_id))
    except JobAnalysis.DoesNotExist:
        raise NotYourOrganisation() from None


def tasks_of(analysis: JobAnalysis):
    """The analysis's tasks in their order, fresh from the database."""
    return Task.objects.with_skills().filter(analysis=analysis).order_by("order", "id")


def task_get(*, analysis: JobAnalysis, task_id) -> Task:
    try:
        return Task.objects.with_skills().select_related("analysis").get(analysis=analysis, pk=_as_id(task_id))
    except Task.DoesNotExist:
        raise NotYourOrganisation() from None


def organisations_to_carve_for(*, actor: Actor):
    """Employers the actor may analyse jobs for: their own, and for caseworkers every employer of the municipality."""
    if actor.is_anonymous:
        return Organisation.objects.none()
    condition = Organisation.objects.filter(kind=OrganisationKind.EMPLOYER)
    municipality = _caseworker_municipality(actor)
    if municipality is not None:
        return condition.filter(municipality=municipality) | condition.filter(pk__in=employer_ids(actor))
    return condition.filter(pk__in=employer_ids(actor))


def bundle_analyses(*, actor: Actor) -> JobAnalysisQuerySet:
    """Analyses a caseworker may combine into stapelbanen: those of their municipality."""
    municipality = _caseworker_municipality(actor)
    if municipality is None:
        return JobAnalysis.objects.none()
    return (JobAnalysis.objects.for_municipality(municipality).select_related("organisation")
            .order_by("organisation__name", "title", "id"))


def _role_relations(roles):
    return roles.select_related("organisation", "municipality", "job_analysis").prefetch_related(
        "participating_organisations", "carved_tasks",
        Prefetch("skill_requirements", queryset=RoleSkill.objects.select_related("skill")),
    )


def carved_roles_of(*, analysis: JobAnalysis):
    """The roles carved from one analysis, and the stapelbanen that hold any of its tasks."""
    roles = Role.objects.filter(job_analysis=analysis) | Role.objects.filter(carved_tasks__analysis=analysis)
    return _role_relations(roles.distinct()).order_by("-created_at", "-id")


def carved_role_get(*, actor: Actor, role_id) -> Role:
    """A role made by carving or bundling that the actor may manage, else ``NotYourOrganisation``."""
    made_by_carving = (Q(job_analysis__isnull=False) | Q(carved_tasks__isnull=False)
                       | Q(participating_organisations__isnull=False))
    roles = Role.objects.filter(made_by_carving).distinct()
    municipality = _caseworker_municipality(actor)
    scope = Role.objects.filter(organisation_id__in=employer_ids(actor))
    if municipality is not None:
        scope = scope | Role.objects.filter(municipality=municipality)
    try:
        return _role_relations(roles.filter(pk__in=scope.values("pk"))).get(pk=_as_id(role_id))
    except Role.DoesNotExist:
        raise NotYourOrganisation() from None


def participating_organisation_names(role: Role) -> list[str]:
    return [organisation.name for organisation in role.participating_organisations.all()]


@dataclass(frozen=True)
class ProposalView:
    """A carving or bundle proposal with the rows it refers to, ready for a page or a payload."""

    index: int
    proposal: object
    tasks: list
    skills: list  # (Skill, level), by skill name
    hints: list[str]
    organisations: list = field(default_factory=list)  # (Organisation, hours), most hours first
    legs: list = field(default_factory=list)  # (TravelLeg, from Task, to Task)

    @property
    def signature(self) -> str:
        """The task ids as one string: what the user saw, sent back to check the proposal is unchanged."""
        return "-".join(str(task_id) for task_id in self.proposal.task_ids)

    @property
    def leg_summary(self) -> list[tuple]:
        """Each move between two tasks once, as (leg, from task, to task, weekday flags of the days it happens)."""
        moves: dict = {}
        for leg, first, second in self.legs:
            key = (leg.from_task_id, leg.to_task_id)
            earlier = moves.get(key)
            moves[key] = (leg, first, second, (earlier[3] if earlier else 0) | leg.weekday)
        return list(moves.values())

    @property
    def language_name(self) -> str:
        return LanguageLevel(self.proposal.language_level).name


def proposal_views(proposals, *, tasks: dict, organisations: dict | None = None) -> list[ProposalView]:
    """``tasks`` maps task id to ``Task``; ``organisations`` (for bundles) organisation id to ``Organisation``."""
    skill_ids = {skill_id for proposal in proposals for skill_id in proposal.required_skills}
    skills = Skill.objects.in_bulk(skill_ids)
    views = []
    for index, proposal in enumerate(proposals):
        required = sorted(((skills[pk], level) for pk, level in proposal.required_skills.items()),
                          key=lambda item: item[0].name)
        extra = {}
        if organisations is not None:
            by_organisation = proposal.hours_by_organisation.items()
            extra["organisations"] = [(organisations[pk], hours) for pk, hours in by_organisation]
            extra["legs"] = [(leg, tasks[leg.from_task_id], tasks[leg.to_task_id]) for leg in proposal.legs]
        views.append(ProposalView(
            index=index, proposal=proposal, tasks=[tasks[task_id] for task_id in proposal.task_ids], skills=required,
            hints=[message_text(hint) for hint in proposal.support_hints], **extra,
        ))
    return views
