"""Proposals for carved roles from one job analysis, and accepting the chosen ones as draft roles.

The same parameters always give the same proposals, so accepting computes them again instead of
trusting what a client sends back.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from marketplace.access import Actor
from marketplace.carving import CarvingInputError, CarvingResult, RoleProposal, propose_roles
from marketplace.models import JobAnalysis, Role
from marketplace.selectors.carving import message_text
from marketplace.selectors.instruments import wage_subsidy_percent
from marketplace.services._carving import (
    carving_errors,
    ensure_may_carve_for,
    job_spec,
    locked_analysis,
    ordered_tasks,
    parameter_problems,
    task_spec,
)
from marketplace.services._common import raise_if_errors
from marketplace.services.carved_roles import ProposalChoice, carved_role_create, chosen_proposals


@dataclass(frozen=True)
class ProposalParameters:
    """What the user set on the proposals step; the same parameters always give the same proposals."""

    target_min_hours: Decimal
    target_max_hours: Decimal
    carved_hourly_wage: Decimal
    include_ids: tuple | None = None
    exclude_ids: tuple = ()


@dataclass(frozen=True)
class CarvingOutcome:
    analysis: JobAnalysis
    parameters: ProposalParameters
    result: CarvingResult
    tasks: dict = field(default_factory=dict)
    subsidy_percent: Decimal = Decimal("0")  # the municipality's wage-cost subsidy the business cases used

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


def carving_propose(*, actor: Actor, analysis: JobAnalysis, parameters: ProposalParameters) -> CarvingOutcome:
    """Proposals for carved roles from ``analysis``; a result without proposals carries the reason."""
    ensure_may_carve_for(actor, analysis.organisation)
    raise_if_errors(parameter_problems(parameters.target_max_hours, parameters.carved_hourly_wage))
    tasks = ordered_tasks(analysis)
    spec = job_spec(analysis, [task_spec(task, analysis) for task in tasks])
    subsidy_percent = wage_subsidy_percent(analysis.municipality_id)
    try:
        result = propose_roles(
            spec, target_min_hours=parameters.target_min_hours, target_max_hours=parameters.target_max_hours,
            carved_hourly_wage=parameters.carved_hourly_wage,
            subsidy_percent=subsidy_percent,
            include_ids=parameters.include_ids, exclude_ids=parameters.exclude_ids,
        )
    except CarvingInputError as exc:
        raise carving_errors(exc) from None
    return CarvingOutcome(analysis=analysis, parameters=parameters, result=result,
                          tasks={task.pk: task for task in tasks}, subsidy_percent=subsidy_percent)


@transaction.atomic
def carving_accept(*, actor: Actor, analysis: JobAnalysis, parameters: ProposalParameters,
                   choices: Sequence[ProposalChoice]) -> list[Role]:
    """Create the chosen proposals as draft carved roles of the analysis's organisation, linked to it."""
    analysis = locked_analysis(analysis)
    outcome = carving_propose(actor=actor, analysis=analysis, parameters=parameters)
    empty = outcome.empty_error()
    if empty is not None:
        raise empty
    organisation = analysis.organisation
    intro = gettext("Work carved from the job “%(job)s” at %(organisation)s.") % {
        "job": analysis.title, "organisation": organisation.name}
    roles = []
    for choice, proposal in chosen_proposals(outcome.proposals, choices):
        tasks = [outcome.tasks[task_id] for task_id in proposal.task_ids]
        roles.append(carved_role_create(
            actor=actor, organisation=organisation, choice=choice, proposal=proposal, intro=intro,
            wage=parameters.carved_hourly_wage, tasks=tasks, address=organisation, address_tasks=tasks,
            analysis=analysis,
        ))
    return roles
