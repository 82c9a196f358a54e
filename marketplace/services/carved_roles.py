"""Carved roles: a chosen proposal (from one job, or a stapelbaan) created as a draft role, and published.

Accepting a proposal never trusts hours or tasks sent by a client: the accepting services compute
the proposals again from the same parameters, and the chosen ones are created here through the
role services.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from marketplace.access import Actor
from marketplace.choices import RoleKind, RoleStatus
from marketplace.constants import LONG_TEXT_MAX_LENGTH, ROLE_HOURS_MAX
from marketplace.exceptions import NotYourOrganisation
from marketplace.messages import PROPOSAL_REQUIRED, PROPOSALS_CHANGED
from marketplace.models import JobAnalysis, Organisation, Role, Skill, Task
from marketplace.selectors.carving import message_text
from marketplace.services._carving import acting_for, location
from marketplace.services.roles import SkillRequirement, role_create, role_publish


@dataclass(frozen=True)
class ProposalChoice:
    """One proposal to create: its position in the list and, as a guard, the tasks the user saw in it."""

    index: int
    task_ids: tuple | None = None
    title: str = ""


def chosen_proposals(proposals: Sequence, choices: Sequence[ProposalChoice]) -> list[tuple[ProposalChoice, Any]]:
    """Each choice with its freshly computed proposal; a choice that no longer matches is an error."""
    if not choices:
        raise ValidationError({"proposals": [PROPOSAL_REQUIRED]})
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
            raise ValidationError({"proposals": [PROPOSALS_CHANGED]})
        chosen.append((choice, proposal))
    return chosen


def default_role_title(proposal) -> str:
    """The tasks' names, as the title of a role nobody has named yet."""
    names = ", ".join(task.name for task in proposal.tasks)
    title = names[:1].upper() + names[1:]
    return title if len(title) <= 150 else title[:149] + "…"


def _hours_range(hours: Decimal) -> tuple[int, int]:
    return max(1, math.floor(hours)), min(ROLE_HOURS_MAX, max(1, math.ceil(hours)))


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
        if location(task) is not None:
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


def carved_role_create(*, actor: Actor, organisation: Organisation, choice: ProposalChoice, proposal, intro: str,
                       wage: Decimal, tasks: Sequence[Task], address: Organisation,
                       address_tasks: Sequence[Task] = (), analysis: JobAnalysis | None = None) -> Role:
    """A draft role of ``organisation`` from a freshly computed ``proposal``, holding its ``tasks``.

    The role's address is that of the first of ``address_tasks`` done elsewhere, else ``address``'s.
    Called by the accepting services, inside their transaction.
    """
    _refuse_duplicate(tasks)
    data = _role_data(proposal, title=choice.title.strip() or default_role_title(proposal),
                      description=_description(proposal, intro), wage=wage,
                      place=_place_data(address_tasks, address))
    try:
        role = role_create(actor=acting_for(actor, organisation), organisation=organisation, data=data,
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


def carved_role_publish(*, actor: Actor, role: Role) -> Role:
    """Publish a carved role or stapelbaan: by its employer of record, or a caseworker of its municipality."""
    own = role.organisation_id in actor.organisation_ids
    staff = actor.is_caseworker and actor.caseworker.municipality_id == role.municipality_id
    if not (own or staff):
        raise NotYourOrganisation()
    return role_publish(actor=acting_for(actor, role.organisation), role=role)
