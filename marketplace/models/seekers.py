"""Job seekers (werkzoekenden): the caseload, with sensitive data kept in a table of its own."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.choices import (
    PHYSICAL_LABELS,
    SUPPORT_LABELS,
    WEEKDAY_LABELS,
    LanguageLevelChoice,
    RungChoice,
    SeekerStatus,
    SkillLevelChoice,
)
from marketplace.constants import (
    NOTE_MAX_LENGTH,
    SEEKER_HOURS_MAX,
    TEXT_MAX_LENGTH,
    TRAVEL_KM_DEFAULT,
    Physical,
    Support,
    Weekday,
)
from marketplace.fields import BoundedTextField, FlagsField
from marketplace.models.skills import Skill, SkillCategory, skill_level_check
from marketplace.models.tenancy import Caseworker, Municipality
from marketplace.validators import validate_date_of_birth, validate_plausible_date, validate_title

RUNG_RANGE = models.Q(rung__gte=1, rung__lte=6)


class JobSeekerQuerySet(models.QuerySet):
    def for_municipality(self, municipality):
        return self.filter(municipality=municipality)

    def active(self):
        return self.filter(status=SeekerStatus.ACTIVE)

    def with_card_consent(self):
        return self.filter(card_visible=True)

    def search(self, text: str):
        """Seekers whose first or last name contains ``text`` (any case)."""
        return self.filter(models.Q(first_name__icontains=text) | models.Q(last_name__icontains=text))

    def with_profile_relations(self):
        """Everything a profile shows (caseworker, skills, interests) in a constant number of queries."""
        return self.select_related("municipality", "caseworker__user").prefetch_related(
            models.Prefetch("skill_levels", queryset=SeekerSkill.objects.select_related("skill").order_by("id")),
            "interests",
        )


class JobSeeker(models.Model):
    """A person on the caseload. Contact details are personal; the draaglast lives in SeekerBurden."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="job_seekers", verbose_name=_("municipality")
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="job_seeker", verbose_name=_("user account"),
    )
    caseworker = models.ForeignKey(
        Caseworker, on_delete=models.SET_NULL, null=True, blank=True, related_name="caseload",
        verbose_name=_("caseworker"),
    )
    first_name = models.CharField(_("first name"), max_length=80, validators=[validate_title])
    last_name = models.CharField(_("last name"), max_length=120, validators=[validate_title])
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    date_of_birth = models.DateField(
        _("date of birth"), null=True, blank=True, validators=[validate_date_of_birth],
        help_text=_("Only for the statutory minimum wage; never used in matching."),
    )
    home_postcode = models.CharField(_("home postcode"), max_length=7, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    max_travel_km = models.PositiveSmallIntegerField(_("maximum travel distance (km)"), default=TRAVEL_KM_DEFAULT)
    hours_min = models.PositiveSmallIntegerField(_("minimum hours per week"), null=True, blank=True)
    hours_max = models.PositiveSmallIntegerField(_("maximum hours per week"), null=True, blank=True)
    weekdays = FlagsField(_("available weekdays"), flag_type=Weekday, labels=WEEKDAY_LABELS, blank=True)
    language_level = models.PositiveSmallIntegerField(
        _("Dutch language level"), choices=LanguageLevelChoice.choices, default=LanguageLevelChoice.A2
    )
    physical_limits = FlagsField(
        _("physical limits"), flag_type=Physical, labels=PHYSICAL_LABELS, blank=True,
        help_text=_("Demands this person cannot meet."),
    )
    support_needs = FlagsField(_("support needs"), flag_type=Support, labels=SUPPORT_LABELS, blank=True)
    rung = models.PositiveSmallIntegerField(
        _("participation ladder rung"), choices=RungChoice.choices, default=RungChoice.SOCIAL_CONTACTS
    )
    motivation = BoundedTextField(_("motivation and own plans"), max_length=TEXT_MAX_LENGTH, blank=True)
    interests = models.ManyToManyField(
        SkillCategory, blank=True, related_name="interested_seekers", verbose_name=_("interests")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=SeekerStatus.choices, default=SeekerStatus.ACTIVE
    )
    card_visible = models.BooleanField(
        _("anonymous card visible to employers"), default=False,
        help_text=_("The person agrees that employers see an anonymous card without name or contact details."),
    )
    introduction_allowed = models.BooleanField(
        _("introductions allowed"), default=False,
        help_text=_("The person agrees to be introduced by name to employers they showed interest in."),
    )
    consent_updated_at = models.DateTimeField(_("consent updated at"), null=True, blank=True)
    category = models.ForeignKey(
        "marketplace.CaseloadCategory", on_delete=models.SET_NULL, null=True, blank=True, related_name="seekers",
        verbose_name=_("caseload category"),
        help_text=_("Set by confirming a category placement; the placements keep the history."),
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=5, choices=settings.LANGUAGES, default="nl"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = JobSeekerQuerySet.as_manager()

    class Meta:
        verbose_name = _("job seeker")
        verbose_name_plural = _("job seekers")
        ordering = ["last_name", "first_name", "id"]
        constraints = [
            models.CheckConstraint(condition=RUNG_RANGE, name="seeker_rung_1_to_6"),
            models.CheckConstraint(
                condition=models.Q(hours_min__isnull=True) | models.Q(hours_max__isnull=True)
                | models.Q(hours_min__lte=models.F("hours_max")),
                name="seeker_hours_min_le_max",
            ),
            models.CheckConstraint(condition=models.Q(hours_max__lte=SEEKER_HOURS_MAX), name="seeker_hours_max_60"),
            models.CheckConstraint(condition=models.Q(language_level__lte=6), name="seeker_language_level_range"),
            models.CheckConstraint(condition=models.Q(weekdays__lte=127), name="seeker_weekdays_bits"),
        ]
        indexes = [models.Index(fields=["municipality", "status"])]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class SeekerSkill(models.Model):
    seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="skill_levels")
    skill = models.ForeignKey(Skill, on_delete=models.PROTECT, related_name="seeker_levels",
                              verbose_name=_("skill"))
    level = models.PositiveSmallIntegerField(_("level"), choices=SkillLevelChoice.choices,
                                             default=SkillLevelChoice.BASIC)

    class Meta:
        verbose_name = _("skill of a job seeker")
        verbose_name_plural = _("skills of job seekers")
        constraints = [
            models.UniqueConstraint(fields=["seeker", "skill"], name="seeker_skill_unique"),
            skill_level_check("seeker_skill_level_1_3"),
        ]

    def __str__(self):
        return f"{self.skill} ({self.level})"


class LadderStep(models.Model):
    """Dated history of a seeker's rung on the participatieladder."""

    seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="ladder_history")
    rung = models.PositiveSmallIntegerField(_("rung"), choices=RungChoice.choices)
    date = models.DateField(_("date"), validators=[validate_plausible_date])
    note = BoundedTextField(_("note"), max_length=NOTE_MAX_LENGTH, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        verbose_name = _("ladder step")
        verbose_name_plural = _("ladder steps")
        ordering = ["-date", "-id"]
        constraints = [models.CheckConstraint(condition=RUNG_RANGE, name="ladder_step_rung_1_to_6")]

    def __str__(self):
        return f"{self.date}: {self.rung}"


class BurdenSeverity(models.IntegerChoices):
    NONE = 0, _("None")
    LIGHT = 1, _("Light")
    SERIOUS = 2, _("Serious")
    BLOCKING = 3, _("Blocking")


# The draaglast categories, each with a severity and a note (``<key>`` is the note, ``<key>_severity`` the level).
BURDEN_CATEGORIES = ("debts", "language_gap", "health", "care_duties", "housing", "addiction", "other")


def _severity_field(label):
    return models.PositiveSmallIntegerField(label, choices=BurdenSeverity.choices, null=True, blank=True)


class SeekerBurden(models.Model):
    """The draaglast and exact address: only the seeker and caseworkers of their municipality see it.

    Kept apart from JobSeeker so that no ordinary query, serializer or matching adapter
    can pick these columns up by accident; every staff read goes through a selector that
    writes a SensitiveAccessLog entry. Each category has a severity (empty: not assessed)
    and a note; every change is kept as a ``BurdenVersion``.
    """

    seeker = models.OneToOneField(JobSeeker, on_delete=models.CASCADE, related_name="burden")
    street_address = models.CharField(_("street and house number"), max_length=150, blank=True)
    debts = BoundedTextField(_("debts"), max_length=TEXT_MAX_LENGTH, blank=True)
    debts_severity = _severity_field(_("debts: severity"))
    language_gap = BoundedTextField(_("language gap"), max_length=TEXT_MAX_LENGTH, blank=True)
    language_gap_severity = _severity_field(_("language gap: severity"))
    health = BoundedTextField(_("health"), max_length=TEXT_MAX_LENGTH, blank=True)
    health_severity = _severity_field(_("health: severity"))
    care_duties = BoundedTextField(_("care duties"), max_length=TEXT_MAX_LENGTH, blank=True)
    care_duties_severity = _severity_field(_("care duties: severity"))
    housing = BoundedTextField(_("housing"), max_length=TEXT_MAX_LENGTH, blank=True)
    housing_severity = _severity_field(_("housing: severity"))
    addiction = BoundedTextField(_("addiction"), max_length=TEXT_MAX_LENGTH, blank=True)
    addiction_severity = _severity_field(_("addiction: severity"))
    other = BoundedTextField(_("other"), max_length=TEXT_MAX_LENGTH, blank=True)
    other_severity = _severity_field(_("other: severity"))
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    SEVERITY_FIELDS = tuple(f"{key}_severity" for key in BURDEN_CATEGORIES)
    SENSITIVE_FIELDS = ("street_address", *BURDEN_CATEGORIES, *SEVERITY_FIELDS)

    class Meta:
        verbose_name = _("draaglast")
        verbose_name_plural = _("draaglast")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(**{f"{key}_severity__isnull": True}) | models.Q(**{f"{key}_severity__lte": 3}),
                name=f"burden_{key}_severity_range",
            )
            for key in BURDEN_CATEGORIES
        ]

    def __str__(self):
        return f"draaglast #{self.seeker_id}"


class BurdenVersion(models.Model):
    """One saved state of a person's draaglast: what it said, who recorded it and when. Append-only.

    As sensitive as the draaglast itself: read by staff only through the audited purpose read.
    """

    seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="burden_versions")
    version = models.PositiveIntegerField(_("version"))
    values = models.JSONField(_("values"), default=dict)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name=_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("draaglast version")
        verbose_name_plural = _("draaglast versions")
        ordering = ["-version"]
        constraints = [models.UniqueConstraint(fields=["seeker", "version"], name="burden_version_unique")]

    def __str__(self):
        return f"draaglast #{self.seeker_id} v{self.version}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("A version of the draaglast cannot be changed; record a new one.")
        super().save(*args, **kwargs)


class SensitiveAccessLog(models.Model):
    """Append-only record of every staff read of sensitive seeker data (who, whom, what, when, why).

    The database refuses UPDATE and DELETE on this table (triggers, migration 0004), whatever the
    statement comes from; ``save()`` and ``delete()`` below only fail earlier with a clearer error.
    The PROTECT keys keep entries when their reader or job seeker would be deleted.
    """

    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("read by"))
    seeker = models.ForeignKey(JobSeeker, on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("job seeker"))
    fields = models.CharField(_("fields"), max_length=400)
    purpose = models.CharField(_("purpose"), max_length=200)
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("sensitive data access")
        verbose_name_plural = _("sensitive data accesses")
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} → #{self.seeker_id}: {self.fields}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("The audit log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("The audit log is append-only.")
