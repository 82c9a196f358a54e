from marketplace.models.applications import Application
from marketplace.models.roles import Role, RoleSkill
from marketplace.models.seekers import JobSeeker, LadderStep, SeekerBurden, SeekerSkill, SensitiveAccessLog
from marketplace.models.skills import Skill, SkillCategory
from marketplace.models.tenancy import Caseworker, Membership, Municipality, Organisation, PostcodeArea

__all__ = [
    "Application",
    "Caseworker",
    "JobSeeker",
    "LadderStep",
    "Membership",
    "Municipality",
    "Organisation",
    "PostcodeArea",
    "Role",
    "RoleSkill",
    "SeekerBurden",
    "SeekerSkill",
    "SensitiveAccessLog",
    "Skill",
    "SkillCategory",
]
