"""Stapelbanen: one job from the simple tasks of several employers in a municipality, for caseworkers.

A stapelbaan is employed by one of the participating employers or by the municipality's
employment organisation (werkbedrijf), and names every participating organisation.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from marketplace.access import Actor
from marketplace.carving import BundleList, BundleProposal, CarvingInputError, TaskSpec, propose_bundles
from marketplace.carving.bundles import DEFAULT_TRAVEL_SPEED_KMH
from marketplace.exceptions import NotAllowed, NotYourOrganisation
from marketplace.messages import ONLY_SERVICE_TEAM_BUNDLES, TWO_EMPLOYERS_TO_BUNDLE
from marketplace.models import JobAnalysis, Organisation, Role, Task
from marketplace.selectors.carving import message_text
from marketplace.services._carving import carving_errors, parameter_problems, task_spec
from marketplace.services._common import raise_if_errors
from marketplace.services.carved_roles import ProposalChoice, carved_role_create, chosen_proposals
from marketplace.services.organisations import organisation_employment_for

MAX_BUNDLE_ANALYSES = 20
# Stands for "the municipality's employment organisation" where an employer of record is chosen.
EMPLOYMENT_ORGANISATION = "municipality"


@dataclass(frozen=True)
class BundleParameters:
    target_min_hours: Decimal
    target_max_hours: Decimal
    travel_speed_kmh: Decimal = Decimal(str(DEFAULT_TRAVEL_SPEED_KMH))
    carved_hourly_wage: Decimal | None = None


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


def _bundle_analyses(actor: Actor, analyses: Sequence[JobAnalysis]) -> tuple[JobAnalysis, ...]:
    if not actor.is_caseworker:
        raise NotAllowed(ONLY_SERVICE_TEAM_BUNDLES)
    unique = tuple({analysis.pk: analysis for analysis in analyses}.values())
    if len(unique) < 2:
        raise ValidationError({"analysis_ids": [TWO_EMPLOYERS_TO_BUNDLE]})
    if len(unique) > MAX_BUNDLE_ANALYSES:
        raise ValidationError({"analysis_ids": [_("Choose at most %(count)s job analyses.")
                                                % {"count": MAX_BUNDLE_ANALYSES}]})
    for analysis in unique:
        if analysis.municipality_id != actor.caseworker.municipality_id:
            raise NotYourOrganisation()
    return unique


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


def bundle_propose(*, actor: Actor, analyses: Sequence[JobAnalysis], parameters: BundleParameters) -> BundleOutcome:
    """Stapelbanen from the simple tasks of several employers' analyses in the caseworker's municipality."""
    analyses = _bundle_analyses(actor, analyses)
    raise_if_errors(parameter_problems(parameters.target_max_hours, parameters.carved_hourly_wage))
    tasks, specs = _bundle_tasks(analyses)
    try:
        proposals = propose_bundles(specs, target_min_hours=parameters.target_min_hours,
                                    target_max_hours=parameters.target_max_hours,
                                    travel_speed_kmh=parameters.travel_speed_kmh)
    except CarvingInputError as exc:
        raise carving_errors(exc) from None
    organisations = {analysis.organisation_id: analysis.organisation for analysis in analyses}
    return BundleOutcome(analyses=analyses, parameters=parameters, proposals=proposals,
                         tasks={task.pk: task for task in tasks}, organisations=organisations)


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
        return organisation_employment_for(municipality=municipality)
    if str(chosen_id) == EMPLOYMENT_ORGANISATION:
        return organisation_employment_for(municipality=municipality)
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
    [(choice, proposal)] = chosen_proposals(outcome.proposals, [choice])
    employer = _employer_of_record(outcome, proposal, employer_of_record_id)
    participants = [outcome.organisations[organisation_id] for organisation_id in proposal.organisation_ids]
    intro = gettext("A combined job (stapelbaan) with tasks at %(organisations)s; employed by %(employer)s.") % {
        "organisations": ", ".join(organisation.name for organisation in participants), "employer": employer.name}
    tasks = [outcome.tasks[task_id] for task_id in proposal.task_ids]
    role = carved_role_create(actor=actor, organisation=employer, choice=choice, proposal=proposal, intro=intro,
                              wage=parameters.carved_hourly_wage, tasks=tasks, address=participants[0])
    role.participating_organisations.set(participants)
    return role
