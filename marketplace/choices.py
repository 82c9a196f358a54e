"""Interface labels (Dutch source strings translated to English) for the domain constants."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.constants import LanguageLevel, Physical, Support, Weekday


class RoleKind(models.TextChoices):
    CARVED_TASK = "carved_task", _("Carved task")
    PART_TIME = "part_time", _("Part-time job")
    BUURTDIENST = "buurtdienst", _("Neighbourhood service")
    BESCHUT_WERK = "beschut_werk", _("Sheltered work")
    DAGBESTEDING = "dagbesteding", _("Day activities")
    VOLUNTEER = "volunteer", _("Volunteer work")


class RoleStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    FILLED = "filled", _("Filled")
    CLOSED = "closed", _("Closed")


class OrganisationKind(models.TextChoices):
    EMPLOYER = "employer", _("Employer")
    ASSOCIATION = "association", _("Association")
    PARTNER = "partner", _("Partner")
    PROVIDER = "provider", _("Provider (re-integration, language school, debt help)")


class SeekerStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    PLACED = "placed", _("Placed")
    EXITED = "exited", _("Exited")


class LanguageLevelChoice(models.IntegerChoices):
    A0 = LanguageLevel.A0, "A0"
    A1 = LanguageLevel.A1, "A1"
    A2 = LanguageLevel.A2, "A2"
    B1 = LanguageLevel.B1, "B1"
    B2 = LanguageLevel.B2, "B2"
    C1 = LanguageLevel.C1, "C1"
    C2 = LanguageLevel.C2, "C2"


class RungChoice(models.IntegerChoices):
    ISOLATED = 1, _("1 Isolated")
    SOCIAL_CONTACTS = 2, _("2 Social contacts outside the home")
    ORGANISED_ACTIVITIES = 3, _("3 Taking part in organised activities")
    UNPAID_WORK = 4, _("4 Unpaid work")
    PAID_WORK_WITH_SUPPORT = 5, _("5 Paid work with support")
    PAID_WORK = 6, _("6 Paid work")


class SkillLevelChoice(models.IntegerChoices):
    BASIC = 1, _("Basic: can do it with help")
    ROUTINE = 2, _("Routine: can do it independently")
    EXPERIENCED = 3, _("Experienced: can teach others")


class MembershipRole(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    MEMBER = "member", _("Member")


WEEKDAY_LABELS = {
    Weekday.MON: _("Monday"),
    Weekday.TUE: _("Tuesday"),
    Weekday.WED: _("Wednesday"),
    Weekday.THU: _("Thursday"),
    Weekday.FRI: _("Friday"),
    Weekday.SAT: _("Saturday"),
    Weekday.SUN: _("Sunday"),
}

SUPPORT_LABELS = {
    Support.JOB_COACH: _("Job coach"),
    Support.SHELTERED: _("Sheltered setting"),
    Support.LANGUAGE: _("Language support at work"),
    Support.ADAPTED_WORKPLACE: _("Adapted workplace"),
    Support.TRANSPORT: _("Transport"),
    Support.BUDDY: _("Buddy at work"),
    Support.FLEXIBLE_HOURS: _("Flexible hours"),
}

PHYSICAL_LABELS = {
    Physical.HEAVY_LIFTING: _("Heavy lifting"),
    Physical.LONG_STANDING: _("Standing for long periods"),
    Physical.WALKING: _("Walking a lot"),
    Physical.OUTDOOR: _("Working outdoors"),
    Physical.FINE_MOTOR: _("Precise handwork"),
    Physical.STAIRS: _("Climbing stairs"),
    Physical.NOISE: _("Noisy surroundings"),
}



class ApplicationStatus(models.TextChoices):
    SUGGESTED = "suggested", _("Suggested")
    INTERESTED = "interested", _("Interested")
    PROPOSED = "proposed", _("Proposed")
    INTRODUCED = "introduced", _("Introduced")
    TRIAL = "trial", _("Trial")
    PLACED = "placed", _("Placed")
    ENDED = "ended", _("Ended")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ServiceRequestStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    TRIAGED = "triaged", _("Being assessed")
    PLANNED = "planned", _("Planned")
    DONE = "done", _("Done")
    REJECTED = "rejected", _("Rejected")


class AssignmentStatus(models.TextChoices):
    """Where an instrument deployed for a person stands; the moves between them are in workflows/instruments.py."""

    PLANNED = "planned", _("Planned")
    ACTIVE = "active", _("Running")
    ENDED = "ended", _("Ended")
    CANCELLED = "cancelled", _("Cancelled")
