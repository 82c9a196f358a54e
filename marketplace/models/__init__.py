from marketplace.models.applications import Application
from marketplace.models.assessments import Assessment, LifeDomain
from marketplace.models.carving import JobAnalysis, Task, TaskComplexity, TaskSkill
from marketplace.models.caseload import CaseloadCategory, CategoryKey, CategoryPlacement, ContactKind, ContactMoment
from marketplace.models.draagkracht import DraagkrachtPicture
from marketplace.models.koffer import (
    AssignmentResult,
    AssignmentStatus,
    Instrument,
    InstrumentAssignment,
    InstrumentKind,
    ProgressReport,
)
from marketplace.models.matching import LadderOverride, MatchRound
from marketplace.models.notifications import Notification, NotificationKind, NotificationStatus
from marketplace.models.plans import Plan, PlanAction, PlanEvent
from marketplace.models.roles import Role, RoleSkill
from marketplace.models.seekers import (
    BurdenSeverity,
    BurdenVersion,
    JobSeeker,
    LadderStep,
    SeekerBurden,
    SeekerSkill,
    SensitiveAccessLog,
)
from marketplace.models.service_requests import (
    ServiceCategory,
    ServiceFrequency,
    ServiceRequest,
    ServiceRequestStatus,
    ServiceRequestStatusChange,
)
from marketplace.models.skills import Skill, SkillCategory
from marketplace.models.tenancy import Caseworker, Membership, Municipality, Organisation, PostcodeArea

__all__ = [
    "Application",
    "Assessment",
    "AssignmentResult",
    "AssignmentStatus",
    "BurdenSeverity",
    "BurdenVersion",
    "CaseloadCategory",
    "Caseworker",
    "CategoryKey",
    "CategoryPlacement",
    "ContactKind",
    "ContactMoment",
    "DraagkrachtPicture",
    "Instrument",
    "InstrumentAssignment",
    "InstrumentKind",
    "JobAnalysis",
    "JobSeeker",
    "LadderOverride",
    "LadderStep",
    "LifeDomain",
    "MatchRound",
    "Membership",
    "Municipality",
    "Notification",
    "NotificationKind",
    "NotificationStatus",
    "Organisation",
    "Plan",
    "PlanAction",
    "PlanEvent",
    "PostcodeArea",
    "ProgressReport",
    "Role",
    "RoleSkill",
    "SeekerBurden",
    "SeekerSkill",
    "SensitiveAccessLog",
    "ServiceCategory",
    "ServiceFrequency",
    "ServiceRequest",
    "ServiceRequestStatus",
    "ServiceRequestStatusChange",
    "Skill",
    "SkillCategory",
    "Task",
    "TaskComplexity",
    "TaskSkill",
]
