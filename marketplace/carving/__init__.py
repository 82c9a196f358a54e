"""Job carving without a database: split the simple tasks out of skilled jobs into new roles.

The web wizard and the API build ``JobSpec``/``TaskSpec`` records from their models, call
``propose_roles`` (one employer's job) or ``propose_bundles`` (stapelbanen across employers),
and show the proposals; ``CarvingInputError.messages()`` gives field-named errors.
"""

from marketplace.carving.bundles import propose_bundles
from marketplace.carving.business_case import business_case
from marketplace.carving.data import (
    BundleList,
    BundleProposal,
    BusinessCase,
    CarvedRole,
    CarvingResult,
    JobSpec,
    RoleProposal,
    ScheduleEntry,
    TaskOutcome,
    TaskSpec,
    TravelLeg,
)
from marketplace.carving.messages import CarvingInputError, Message, Problem
from marketplace.carving.proposals import propose_roles
from marketplace.carving.validation import job_problems, task_problems, validate_job

__all__ = [
    "BundleList",
    "BundleProposal",
    "BusinessCase",
    "CarvedRole",
    "CarvingInputError",
    "CarvingResult",
    "JobSpec",
    "Message",
    "Problem",
    "RoleProposal",
    "ScheduleEntry",
    "TaskOutcome",
    "TaskSpec",
    "TravelLeg",
    "business_case",
    "job_problems",
    "propose_bundles",
    "propose_roles",
    "task_problems",
    "validate_job",
]
