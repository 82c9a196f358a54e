"""Writes of job carving: analyses and their tasks, carved roles and stapelbanen.

The carving logic itself (``marketplace.carving``) knows no database: these functions build its
input records from the models, call it, and turn its field-named problems into Django
``ValidationError``s. Accepting a proposal never trusts hours or tasks sent by a client: the
proposals are computed again from the same parameters, and the chosen ones are created as
draft roles through the role services.

Caseworkers of the employer service team act on behalf of the employers of their
municipality; employers act for their own organisations only.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from marketplace.access import Actor
from marketplace.carving import (
    BundleList,
    BundleProposal,
    CarvingInputError,
    CarvingResult,
    JobSpec,
    Message,
    RoleProposal,
    TaskSpec,
    job_problems,
    propose_bundles,
    propose_roles,
)
from marketplace.carving.bundles import DEFAULT_TRAVEL_SPEED_KMH
from marketplace.choices import OrganisationKind, RoleKind, RoleStatus
from marketplace.constants import LONG_TEXT_MAX_LENGTH
from marketplace.exceptions import NotAllowed, NotYourOrganisation
from marketplace.models import JobAnalysis, Membership, Organisation, Role, Skill, Task, TaskSkill
from marketplace.selectors.carving import may_carve_for
from marketplace.services._common import (
    check_coordinates,
    check_skill_levels,
    place_from_postcode,
    raise_if_errors,
    reject_unknown_fields,
    take_postcode,
)
from marketplace.services.roles import SkillRequirement, role_create, role_publish

JOB_FIELDS = frozenset({"title", "staff_count", "hours_per_week", "hourly_cost"})
TASK_FIELDS = frozenset({
    "name", "hours_per_week", "complexity", "weekdays", "window_start", "window_end", "street", "postcode", "city",
    "latitude", "longitude", "physical_demands", "language_level", "learnable_on_the_job",
})
REQUIRED_TASK_FIELDS = ("name", "hours_per_week", "weekdays", "window_start", "window_end")
ROLE_MAX_HOURS = 40
MAX_BUNDLE_ANALYSES = 20
MAX_WAGE = Decimal("999.99")
# Stands for "the municipality's employment organisation" where an employer of record is chosen.
EMPLOYMENT_ORGANISATION = "municipality"


@dataclass(frozen=True)
class TaskSkillInput:
    skill: Skill
    level: int = 1


@dataclass(frozen=True)
class ProposalParameters:
    """What the user set on the proposals step; the same parameters always give the same proposals."""

    target_min_hours: Decimal
    target_max_hours: Decimal
    carved_hourly_wage: Decimal
    include_ids: tuple | None = None
    exclude_ids: tuple = ()


@dataclass(frozen=True)
class BundleParameters:
    target_min_hours: Decimal
    target_max_hours: Decimal
    travel_speed_kmh: Decimal = Decimal(str(DEFAULT_TRAVEL_SPEED_KMH))
    carved_hourly_wage: Decimal | None = None


@dataclass(frozen=True)
class ProposalChoice:
    """One proposal to create: its position in the list and, as a guard, the tasks the user saw in it."""

    index: int
    task_ids: tuple | None = None
    title: str = ""


@dataclass(frozen=True)
class CarvingOutcome:
    analysis: JobAnalysis
    parameters: ProposalParameters
    result: CarvingResult
    tasks: dict = field(default_factory=dict)

    @property
    def proposals(self) -> tuple[RoleProposal, ...]:
        return self.result.proposals

    def empty_error(self) -> ValidationError | None:
        """The reason there are no proposals, keyed to the field the user should change (``None`` if there are)."""
        if self.result.proposals:
            return None
        explanation = self.result.explanation
        if explanation.code != "no_simple_tasks":
            name = "target_min_hours"
        elif self.parameters.exclude_ids or self.parameters.include_ids is not None:
            name = "exclude_ids"
        else:
            name = "tasks"
        return ValidationError({name: [message_text(explanation)]})


@dataclass(frozen=True)
class BundleOutcome:
    analyses: tuple[JobAnalysis, ...]
    parameters: BundleParameters
    proposals: BundleList
    tasks: dict = field(default_factory=dict)
    organisations: dict = field(default_factory=dict)

    def empty_error(self) -> ValidationError | None:
        if self.proposals:
            return None
        explanation = self.proposals.explanation
        name = "analysis_ids" if explanation.code in ("no_simple_tasks", "single_organisation") else "target_min_hours"
        return ValidationError({name: [message_text(explanation)]})


def message_text(message: Message) -> str:
    return message.text(translation.get_language() or "nl")


def _carving_errors(exc: CarvingInputError) -> ValidationError:
    return ValidationError(exc.messages(translation.get_language() or "nl"))


# Access -------------------------------------------------------------------------------------------


def _ensure_may_carve_for(actor: Actor, organisation: Organisation) -> None:
    if not may_carve_for(actor, organisation):
        raise NotYourOrganisation()


def _acting_for(actor: Actor, organisation: Organisation) -> Actor:
    """The actor as the role services need it: acting for ``organisation``.

    The role services accept people who act for the role's organisation. A caseworker of the
    employer service team creates and publishes carved roles on behalf of an employer of their
    municipality (checked before this is called), so they act for that organisation here.
    """
    if organisation.pk in actor.organisation_ids:
        return actor
    delegated = Membership(user=actor.user, organisation=organisation)
    return Actor(user=actor.user, caseworker=actor.caseworker, memberships=(delegated,))


def _locked(analysis: JobAnalysis) -> JobAnalysis:
    # Lock the analysis row only: its organisation and municipality are read, not changed.
    return (JobAnalysis.objects.select_for_update(of=("self",)).select_related("organisation", "municipality")
            .get(pk=analysis.pk))


# Specs for the carving logic ----------------------------------------------------------------------


def _location(place) -> tuple[float, float] | None:
    if place.latitude is None or place.longitude is None:
        return None
    return (place.latitude, place.longitude)


def task_spec(task: Task, analysis: JobAnalysis, *, levels: Mapping[int, int] | None = None,
              fallback_location: bool = False) -> TaskSpec:
    """``fallback_location`` puts a task without coordinates at its organisation (needed for bundles)."""
    if levels is None:
        levels = {item.skill_id: int(item.level) for item in task.skill_levels.all()}
    location = _location(task)
    if location is None and fallback_location:
        location = _location(analysis.organisation)
    return TaskSpec(
        id=task.pk, name=task.name, hours_per_week=task.hours_per_week, complexity=task.complexity,
        weekdays=task.weekdays, window_start=task.window_start, window_end=task.window_end,
        skills=frozenset(levels), skill_levels=dict(levels), location=location,
        physical_demands=task.physical_demands, language_level=task.language_level,
        learnable_on_the_job=task.learnable_on_the_job, organisation_id=analysis.organisation_id,
        municipality_id=analysis.municipality_id,
    )


def job_spec(analysis: JobAnalysis, tasks: Sequence[TaskSpec]) -> JobSpec:
    return JobSpec(
        title=analysis.title, staff_count=analysis.staff_count or 0, hours_per_week=analysis.hours_per_week,
        hourly_cost=analysis.hourly_cost, tasks=tuple(tasks), location=_location(analysis.organisation),
    )


def _ordered_tasks(analysis: JobAnalysis) -> list[Task]:
    return list(Task.objects.with_skills().filter(analysis=analysis).select_related("analysis__organisation")
                .order_by("order", "id"))


# Job analyses -------------------------------------------------------------------------------------


def _number_or_none(value) -> Decimal | None:
    try:
        number = Decimal(str(value))
    except (InvalidOperation, TypeError, ValueError):
        return None
    return number if number.is_finite() else None


def _validate_analysis(analysis: JobAnalysis) -> None:
    """The job's own rules, then whether its tasks still fit in it (named after the field that changed)."""
    errors: dict[str, list] = {}
    for name in ("title", "staff_count", "hours_per_week", "hourly_cost"):
        if getattr(analysis, name) in (None, ""):
            errors[name] = [_("This field is required.")]
    raise_if_errors(errors)
    if _number_or_none(analysis.staff_count) is None:
        raise ValidationError({"staff_count": [_("Enter a whole number.")]})
    tasks = _ordered_tasks(analysis) if analysis.pk else []
    spec = job_spec(analysis, [task_spec(task, analysis) for task in tasks])
    for problem in job_problems(spec):
        if problem.field.startswith("tasks"):
            index = problem.field.split(".")[1] if "." in problem.field else None
            prefix = f"{tasks[int(index)].name}: " if index is not None else ""
            errors.setdefault("hours_per_week", []).append(prefix + message_text(problem.message))
        else:
            errors.setdefault(problem.field, []).append(message_text(problem.message))
    raise_if_errors(errors)
    analysis.full_clean(exclude=["created_by"])


@transaction.atomic
def job_analysis_create(*, actor: Actor, organisation: Organisation, data: Mapping[str, Any]) -> JobAnalysis:
    """A new analysis of one of ``organisation``'s jobs, in the organisation's municipality."""
    _ensure_may_carve_for(actor, organisation)
    reject_unknown_fields(data, JOB_FIELDS)
    analysis = JobAnalysis(organisation=organisation, municipality_id=organisation.municipality_id,
                           created_by=actor.user, **data)
    _validate_analysis(analysis)
    analysis.save()
    return analysis


@transaction.atomic
def job_analysis_update(*, actor: Actor, analysis: JobAnalysis, data: Mapping[str, Any]) -> JobAnalysis:
    analysis = _locked(analysis)
    _ensure_may_carve_for(actor, analysis.organisation)
    reject_unknown_fields(data, JOB_FIELDS)
    for name, value in data.items():
        setattr(analysis, name, value)
    _validate_analysis(analysis)
    analysis.save()
    return analysis


# Tasks --------------------------------------------------------------------------------------------


def _apply_task(task: Task, data: Mapping[str, Any]) -> None:
    reject_unknown_fields(data, TASK_FIELDS)
    data = dict(data)
    take_postcode(task, data, postcode_field="postcode")
    for name, value in data.items():
        setattr(task, name, value)
    place_from_postcode(task, postcode_field="postcode")


def _task_problems(analysis: JobAnalysis, task: Task, levels: Mapping[int, int]) -> dict[str, list]:
    """Problems of ``task`` as it would stand among the analysis's other tasks, by the task's field names."""
    others = [other for other in _ordered_tasks(analysis) if other.pk != task.pk]
    specs = [task_spec(other, analysis) for other in others] + [task_spec(task, analysis, levels=levels)]
    index = len(specs) - 1
    errors: dict[str, list] = {}
    for problem in job_problems(job_spec(analysis, specs)):
        if problem.field.startswith(f"tasks.{index}."):
            errors.setdefault(problem.field.split(".", 2)[2], []).append(message_text(problem.message))
        elif problem.field == "tasks":
            errors.setdefault("hours_per_week", []).append(message_text(problem.message))
    return errors


def _validate_task(analysis: JobAnalysis, task: Task, skills: Sequence[TaskSkillInput]) -> None:
    errors: dict[str, list] = {}
    for name in REQUIRED_TASK_FIELDS:
        if getattr(task, name) in (None, "") or (name == "weekdays" and not task.weekdays):
            errors[name] = [_("Choose at least one weekday.") if name == "weekdays" else _("This field is required.")]
    if task.postcode and _location(task) is None:
        errors["postcode"] = [_("This postcode is not on our map; leave it empty if the task is done at the "
                                "organisation's own address.")]
    check_coordinates(task, errors)
    raise_if_errors(errors)
    check_skill_levels(skills)
    if _number_or_none(task.hours_per_week) is None:
        raise ValidationError({"hours_per_week": [_("Enter a number.")]})
    raise_if_errors(_task_problems(analysis, task, {item.skill.pk: int(item.level) for item in skills}))
    task.full_clean(exclude=["analysis"])


def _set_task_skills(task: Task, skills: Sequence[TaskSkillInput]) -> None:
    task.skill_levels.all().delete()
    TaskSkill.objects.bulk_create(TaskSkill(task=task, skill=item.skill, level=int(item.level)) for item in skills)


@transaction.atomic
def task_create(*, actor: Actor, analysis: JobAnalysis, data: Mapping[str, Any],
                skills: Sequence[TaskSkillInput] | None = ()) -> Task:
    """A new task at the end of the analysis's list."""
    skills = skills or ()
    analysis = _locked(analysis)
    _ensure_may_carve_for(actor, analysis.organisation)
    last = analysis.tasks.order_by("-order").values_list("order", flat=True).first()
    task = Task(analysis=analysis, order=0 if last is None else last + 1)
    _apply_task(task, data)
    _validate_task(analysis, task, skills)
    task.save()
    _set_task_skills(task, skills)
    return task


@transaction.atomic
def task_update(*, actor: Actor, task: Task, data: Mapping[str, Any],
                skills: Sequence[TaskSkillInput] | None = None) -> Task:
    """Change a task; ``skills``, when given, replaces all of its skills."""
    analysis = _locked(task.analysis)
    _ensure_may_carve_for(actor, analysis.organisation)
    task = Task.objects.get(pk=task.pk, analysis=analysis)
    if skills is None:
        skills = [TaskSkillInput(item.skill, item.level) for item in task.skill_levels.select_related("skill")]
    _apply_task(task, data)
    _validate_task(analysis, task, skills)
    task.save()
    _set_task_skills(task, skills)
    return task


@transaction.atomic
def task_delete(*, actor: Actor, task: Task) -> None:
    """Remove a task; roles already carved from it keep their own copy of hours, days and skills."""
    analysis = _locked(task.analysis)
    _ensure_may_carve_for(actor, analysis.organisation)
    Task.objects.filter(pk=task.pk, analysis=analysis).delete()


@transaction.atomic
def task_reorder(*, actor: Actor, analysis: JobAnalysis, task_ids: Sequence) -> list[Task]:
    """Put the tasks in the order of ``task_ids``, which must name every task of the analysis once."""
    analysis = _locked(analysis)
    _ensure_may_carve_for(actor, analysis.organisation)
    tasks = {task.pk: task for task in analysis.tasks.all()}
    try:
        wanted = [int(task_id) for task_id in task_ids]
    except (TypeError, ValueError):
        raise ValidationError({"task_ids": [_("Give the ids of the tasks as numbers.")]}) from None
    if len(wanted) != len(set(wanted)) or set(wanted) != set(tasks):
        raise ValidationError({"task_ids": [_("Give every task of this analysis exactly once.")]})
    for position, task_id in enumerate(wanted):
        tasks[task_id].order = position
    Task.objects.bulk_update(tasks.values(), ["order"])
    return [tasks[task_id] for task_id in wanted]


def task_move(*, actor: Actor, task: Task, offset: int) -> list[Task]:
    """Move a task ``offset`` places up (negative) or down in its list; beyond either end it stays put."""
    ids = list(task.analysis.tasks.order_by("order", "id").values_list("pk", flat=True))
    position = ids.index(task.pk)
    target = min(max(position + offset, 0), len(ids) - 1)
    ids.insert(target, ids.pop(position))
    return task_reorder(actor=actor, analysis=task.analysis, task_ids=ids)


# Proposals ----------------------------------------------------------------------------------------


def _parameter_problems(target_max_hours, carved_hourly_wage) -> dict[str, list]:
    errors: dict[str, list] = {}
    maximum = _number_or_none(target_max_hours)
    if maximum is not None and maximum > ROLE_MAX_HOURS:
        errors["target_max_hours"] = [_("A role has at most 40 hours per week.")]
    wage = _number_or_none(carved_hourly_wage)
    if wage is not None and (wage > MAX_WAGE or wage != wage.quantize(Decimal("0.01"))):
        errors["carved_hourly_wage"] = [_("Enter an hourly wage in euros and cents, below 1000.")]
    return errors


def carving_propose(*, actor: Actor, analysis: JobAnalysis, parameters: ProposalParameters) -> CarvingOutcome:
    """Proposals for carved roles from ``analysis``; a result without proposals carries the reason."""
    _ensure_may_carve_for(actor, analysis.organisation)
    raise_if_errors(_parameter_problems(parameters.target_max_hours, parameters.carved_hourly_wage))
    tasks = _ordered_tasks(analysis)
    spec = job_spec(analysis, [task_spec(task, analysis) for task in tasks])
    try:
        result = propose_roles(
            spec, target_min_hours=parameters.target_min_hours, target_max_hours=parameters.target_max_hours,
            carved_hourly_wage=parameters.carved_hourly_wage,
            subsidy_percent=analysis.municipality.wage_subsidy_percent,
            include_ids=parameters.include_ids, exclude_ids=parameters.exclude_ids,
        )
    except CarvingInputError as exc:
        raise _carving_errors(exc) from None
    return CarvingOutcome(analysis=analysis, parameters=parameters, result=result,
                          tasks={task.pk: task for task in tasks})


def _chosen(proposals: Sequence, choices: Sequence[ProposalChoice]) -> list[tuple[ProposalChoice, Any]]:
    """Each choice with its freshly computed proposal; a choice that no longer matches is an error."""
    if not choices:
        raise ValidationError({"proposals": [_("Choose at least one proposal.")]})
    indexes = [choice.index for choice in choices]
    if len(indexes) != len(set(indexes)):
        raise ValidationError({"proposals": [_("Each proposal can be chosen only once.")]})
    chosen = []
    for choice in choices:
        if not 0 <= choice.index < len(proposals):
            raise ValidationError({"proposals": [_("There is no proposal number %(number)s.")
                                                 % {"number": choice.index}]})
        proposal = proposals[choice.index]
        if choice.task_ids is not None and set(map(str, choice.task_ids)) != set(map(str, proposal.task_ids)):
            raise ValidationError({"proposals": [_("The proposals have changed since you saw them; check them again "
                                                   "before you create roles.")]})
        chosen.append((choice, proposal))
    return chosen


def _hours_range(hours: Decimal) -> tuple[int, int]:
    return max(1, math.floor(hours)), min(ROLE_MAX_HOURS, max(1, math.ceil(hours)))


def default_role_title(proposal) -> str:
    """The tasks' names, as the title of a role nobody has named yet."""
    names = ", ".join(task.name for task in proposal.tasks)
    title = names[:1].upper() + names[1:]
    return title if len(title) <= 150 else title[:149] + "…"


def _task_line(task) -> str:
    return gettext("%(name)s (%(hours)s hours a week, %(start)s–%(end)s)") % {
        "name": task.name, "hours": f"{task.hours.normalize():f}", "start": task.window_start.strftime("%H:%M"),
        "end": task.window_end.strftime("%H:%M"),
    }


def _description(proposal, intro: str) -> str:
    lines = [intro, "", gettext("The tasks:")]
    lines += [f"- {_task_line(task)}" for task in proposal.tasks]
    lines += ["", *(message_text(hint) for hint in proposal.support_hints)]
    text = "\n".join(lines)
    # A role's description has a limit; a proposal with very many tasks lists as many as fit.
    return text if len(text) <= LONG_TEXT_MAX_LENGTH else text[:LONG_TEXT_MAX_LENGTH - 1] + "…"


def _place_data(tasks: Sequence[Task], organisation: Organisation) -> dict:
    """The role's address: the first task done elsewhere than the organisation, else the organisation's."""
    for task in tasks:
        if _location(task) is not None:
            return {"street": task.street, "postcode": task.postcode, "city": task.city or organisation.city,
                    "latitude": task.latitude, "longitude": task.longitude}
    return {"street": organisation.street, "postcode": organisation.postcode, "city": organisation.city,
            "latitude": organisation.latitude, "longitude": organisation.longitude}


def _role_data(proposal, *, title: str, description: str, wage: Decimal, place: dict) -> dict:
    hours_min, hours_max = _hours_range(proposal.hours)
    return {
        "kind": RoleKind.CARVED_TASK, "title": title, "description": description, "hours_min": hours_min,
        "hours_max": hours_max, "weekdays": proposal.weekdays, "language_level_required": proposal.language_level,
        "physical_demands": proposal.physical_demands, "support_offered": proposal.suggested_support,
        "places": 1, "hourly_wage": wage, **place,
    }


def _skill_requirements(proposal) -> list[SkillRequirement]:
    skills = Skill.objects.in_bulk(list(proposal.required_skills))
    return [SkillRequirement(skill=skills[skill_id], level=level, required=True)
            for skill_id, level in proposal.required_skills.items()]


def _refuse_duplicate(tasks: Sequence[Task]) -> None:
    """A second role with exactly the same tasks is almost always a form sent twice."""
    wanted = {task.pk for task in tasks}
    candidates = (Role.objects.exclude(status=RoleStatus.CLOSED).filter(carved_tasks=tasks[0])
                  .prefetch_related("carved_tasks"))
    for role in candidates:
        if {task.pk for task in role.carved_tasks.all()} == wanted:
            raise ValidationError({"proposals": [
                _("The role “%(title)s” already holds exactly these tasks.") % {"title": role.title}]})


def _create_carved_role(*, actor: Actor, organisation: Organisation, proposal, data: dict, tasks: Sequence[Task],
                        analysis: JobAnalysis | None = None) -> Role:
    _refuse_duplicate(tasks)
    try:
        role = role_create(actor=_acting_for(actor, organisation), organisation=organisation, data=data,
                           skills=_skill_requirements(proposal))
    except ValidationError as exc:
        # The wage is the only value the user typed in; the role calls it hourly_wage.
        if hasattr(exc, "error_dict") and "hourly_wage" in exc.error_dict:
            exc.error_dict["carved_hourly_wage"] = exc.error_dict.pop("hourly_wage")
        raise
    if analysis is not None:
        role.job_analysis = analysis
        role.save(update_fields=["job_analysis"])
    role.carved_tasks.set(tasks)
    return role


@transaction.atomic
def carving_accept(*, actor: Actor, analysis: JobAnalysis, parameters: ProposalParameters,
                   choices: Sequence[ProposalChoice]) -> list[Role]:
    """Create the chosen proposals as draft carved roles of the analysis's organisation, linked to it."""
    analysis = _locked(analysis)
    outcome = carving_propose(actor=actor, analysis=analysis, parameters=parameters)
    empty = outcome.empty_error()
    if empty is not None:
        raise empty
    organisation = analysis.organisation
    intro = gettext("Work carved from the job “%(job)s” at %(organisation)s.") % {
        "job": analysis.title, "organisation": organisation.name}
    roles = []
    for choice, proposal in _chosen(outcome.proposals, choices):
        tasks = [outcome.tasks[task_id] for task_id in proposal.task_ids]
        data = _role_data(proposal, title=choice.title.strip() or default_role_title(proposal),
                          description=_description(proposal, intro), wage=parameters.carved_hourly_wage,
                          place=_place_data(tasks, organisation))
        roles.append(_create_carved_role(actor=actor, organisation=organisation, proposal=proposal, data=data,
                                         tasks=tasks, analysis=analysis))
    return roles


# Stapelbanen --------------------------------------------------------------------------------------


def _ensure_caseworker(actor: Actor) -> None:
    if not actor.is_caseworker:
        raise NotAllowed(_("Only caseworkers of the employer service team combine jobs of several employers."))


def _bundle_tasks(analyses: Sequence[JobAnalysis]) -> tuple[list[Task], list[TaskSpec]]:
    by_analysis = {analysis.pk: analysis for analysis in analyses}
    tasks = list(Task.objects.with_skills().filter(analysis__in=by_analysis).select_related("analysis__organisation")
                 .order_by("analysis_id", "order", "id"))
    specs = [task_spec(task, by_analysis[task.analysis_id], fallback_location=True) for task in tasks]
    missing = [f"{task.name} ({by_analysis[task.analysis_id].organisation.name})"
               for task, spec in zip(tasks, specs, strict=True) if spec.location is None and task.is_carvable]
    if missing:
        raise ValidationError({"analysis_ids": [
            _("These tasks have no place on the map: %(tasks)s. Give them a postcode, or give the organisation one.")
            % {"tasks": ", ".join(missing)}
        ]})
    return tasks, specs


def _bundle_analyses(actor: Actor, analyses: Sequence[JobAnalysis]) -> tuple[JobAnalysis, ...]:
    _ensure_caseworker(actor)
    unique = tuple({analysis.pk: analysis for analysis in analyses}.values())
    if len(unique) < 2:
        raise ValidationError({"analysis_ids": [_("Choose at least two job analyses of different employers.")]})
    if len(unique) > MAX_BUNDLE_ANALYSES:
        raise ValidationError({"analysis_ids": [_("Choose at most %(count)s job analyses.")
                                                % {"count": MAX_BUNDLE_ANALYSES}]})
    for analysis in unique:
        if analysis.municipality_id != actor.caseworker.municipality_id:
            raise NotYourOrganisation()
    return unique


def bundle_propose(*, actor: Actor, analyses: Sequence[JobAnalysis], parameters: BundleParameters) -> BundleOutcome:
    """Stapelbanen from the simple tasks of several employers' analyses in the caseworker's municipality."""
    analyses = _bundle_analyses(actor, analyses)
    raise_if_errors(_parameter_problems(parameters.target_max_hours, parameters.carved_hourly_wage))
    tasks, specs = _bundle_tasks(analyses)
    try:
        proposals = propose_bundles(specs, target_min_hours=parameters.target_min_hours,
                                    target_max_hours=parameters.target_max_hours,
                                    travel_speed_kmh=parameters.travel_speed_kmh)
    except CarvingInputError as exc:
        raise _carving_errors(exc) from None
    organisations = {analysis.organisation_id: analysis.organisation for analysis in analyses}
    return BundleOutcome(analyses=analyses, parameters=parameters, proposals=proposals,
                         tasks={task.pk: task for task in tasks}, organisations=organisations)


def employment_organisation(municipality) -> Organisation:
    """The municipality's own employer of record for stapelbanen, created the first time it is needed."""
    existing = (Organisation.objects.filter(municipality=municipality, is_employment_organisation=True)
                .order_by("pk").first())
    if existing is not None:
        return existing
    with translation.override("nl"):
        name = gettext("%(municipality)s employment organisation") % {"municipality": municipality.name}
    return Organisation.objects.create(municipality=municipality, kind=OrganisationKind.EMPLOYER, name=name,
                                       city=municipality.name, is_employment_organisation=True)


def bundle_employer_choices(outcome: BundleOutcome, proposal: BundleProposal) -> list[tuple[str, str]]:
    """Who may employ the worker of a stapelbaan: a participating employer or the employment organisation.

    Pairs of (value for ``employer_of_record_id``, name), the suggested employer first.
    """
    participants = [(str(pk), outcome.organisations[pk].name) for pk in proposal.organisation_ids]
    existing = Organisation.objects.filter(municipality=outcome.analyses[0].municipality,
                                           is_employment_organisation=True).order_by("pk").first()
    own = (EMPLOYMENT_ORGANISATION,
           existing.name if existing is not None else gettext("The municipality's employment organisation"))
    if proposal.employer_of_record is None:
        return [own, *participants]
    return [*participants, own]


def _employer_of_record(outcome: BundleOutcome, proposal: BundleProposal, chosen_id) -> Organisation:
    municipality = outcome.analyses[0].municipality
    if chosen_id in (None, ""):
        if proposal.employer_of_record is not None:
            return outcome.organisations[proposal.employer_of_record]
        return employment_organisation(municipality)
    if str(chosen_id) == EMPLOYMENT_ORGANISATION:
        return employment_organisation(municipality)
    if str(chosen_id) in {str(organisation_id) for organisation_id in proposal.organisation_ids}:
        return outcome.organisations[int(chosen_id)]
    employer = Organisation.objects.filter(municipality=municipality, is_employment_organisation=True,
                                           pk=int(chosen_id) if str(chosen_id).isdigit() else 0).first()
    if employer is None:
        raise ValidationError({"employer_of_record": [
            _("Choose one of the participating employers or the municipality's employment organisation.")
        ]})
    return employer


@transaction.atomic
def bundle_accept(*, actor: Actor, analyses: Sequence[JobAnalysis], parameters: BundleParameters,
                  choice: ProposalChoice, employer_of_record_id=None) -> Role:
    """Create one stapelbaan as a draft role naming every participating organisation."""
    if parameters.carved_hourly_wage is None:
        raise ValidationError({"carved_hourly_wage": [_("This field is required.")]})
    outcome = bundle_propose(actor=actor, analyses=analyses, parameters=parameters)
    empty = outcome.empty_error()
    if empty is not None:
        raise empty
    [(choice, proposal)] = _chosen(outcome.proposals, [choice])
    employer = _employer_of_record(outcome, proposal, employer_of_record_id)
    participants = [outcome.organisations[organisation_id] for organisation_id in proposal.organisation_ids]
    intro = gettext("A combined job (stapelbaan) with tasks at %(organisations)s; employed by %(employer)s.") % {
        "organisations": ", ".join(organisation.name for organisation in participants), "employer": employer.name}
    tasks = [outcome.tasks[task_id] for task_id in proposal.task_ids]
    data = _role_data(proposal, title=choice.title.strip() or default_role_title(proposal),
                      description=_description(proposal, intro), wage=parameters.carved_hourly_wage,
                      place=_place_data([], participants[0]))
    role = _create_carved_role(actor=actor, organisation=employer, proposal=proposal, data=data, tasks=tasks)
    role.participating_organisations.set(participants)
    return role


def carved_role_publish(*, actor: Actor, role: Role) -> Role:
    """Publish a carved role or stapelbaan: by its employer of record, or a caseworker of its municipality."""
    own = role.organisation_id in actor.organisation_ids
    staff = actor.is_caseworker and actor.caseworker.municipality_id == role.municipality_id
    if not (own or staff):
        raise NotYourOrganisation()
    return role_publish(actor=_acting_for(actor, role.organisation), role=role)
