"""Job carving input: the analysis of an existing job (``JobAnalysis``) and the tasks inside it.

A ``Task`` recurs on each of its weekdays inside one daily window; its ``hours_per_week`` is
the total over the week. A task without coordinates happens at the organisation's own address.
Roles carved from an analysis point back to it (``Role.job_analysis``, ``Role.carved_tasks``).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.choices import PHYSICAL_LABELS, WEEKDAY_LABELS, LanguageLevelChoice, SkillLevelChoice
from marketplace.constants import Physical, Weekday
from marketplace.fields import FlagsField
from marketplace.models.skills import Skill, skill_level_check
from marketplace.models.tenancy import Address, Municipality, Organisation
from marketplace.validators import validate_title


class TaskComplexity(models.IntegerChoices):
    SIMPLE = 1, _("1 Simple: anyone can do it after a short explanation")
    ROUTINE = 2, _("2 Routine: can be learned with instruction")
    SKILLED = 3, _("3 Skilled: needs a professional qualification")


class JobAnalysisQuerySet(models.QuerySet):
    def of_organisations(self, organisation_ids):
        return self.filter(organisation_id__in=organisation_ids)

    def for_municipality(self, municipality):
        return self.filter(municipality=municipality)

    def visible_to(self, *, organisation_ids=(), municipality=None):
        """Analyses of these organisations, plus (for staff) every analysis of this municipality."""
        condition = models.Q(organisation_id__in=organisation_ids)
        if municipality is not None:
            condition |= models.Q(municipality=municipality)
        return self.filter(condition)

    def with_tasks(self):
        return self.select_related("organisation", "municipality").prefetch_related(
            models.Prefetch("tasks", queryset=Task.objects.with_skills())
        )


class JobAnalysis(models.Model):
    """One existing job of an employer (werkanalyse), as the staff in it work it today."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="job_analyses", verbose_name=_("organisation")
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="job_analyses", verbose_name=_("municipality")
    )
    title = models.CharField(_("job title"), max_length=150, validators=[validate_title])
    staff_count = models.PositiveSmallIntegerField(_("number of staff in this job"), default=1)
    hours_per_week = models.DecimalField(_("hours per week of one position"), max_digits=5, decimal_places=2)
    hourly_cost = models.DecimalField(_("hourly cost of the job (EUR)"), max_digits=7, decimal_places=2)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = JobAnalysisQuerySet.as_manager()

    class Meta:
        verbose_name = _("job analysis")
        verbose_name_plural = _("job analyses")
        ordering = ["-updated_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(staff_count__gte=1), name="job_analysis_staff_at_least_1"),
            models.CheckConstraint(condition=models.Q(hours_per_week__gt=0, hours_per_week__lte=80),
                                   name="job_analysis_hours_range"),
            models.CheckConstraint(condition=models.Q(hourly_cost__gt=0), name="job_analysis_cost_positive"),
        ]

    def __str__(self):
        return f"{self.title} ({self.organisation})" if self.organisation_id else self.title


class TaskQuerySet(models.QuerySet):
    def with_skills(self):
        return self.prefetch_related(
            models.Prefetch("skill_levels", queryset=TaskSkill.objects.select_related("skill"))
        )


class Task(Address):
    """A task inside an analysed job; complexity 3 stays with skilled staff and is never carved out."""

    analysis = models.ForeignKey(JobAnalysis, on_delete=models.CASCADE, related_name="tasks",
                                 verbose_name=_("job analysis"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("task"), max_length=150, validators=[validate_title])
    hours_per_week = models.DecimalField(_("hours per week"), max_digits=5, decimal_places=2)
    complexity = models.PositiveSmallIntegerField(_("complexity"), choices=TaskComplexity.choices,
                                                  default=TaskComplexity.SIMPLE)
    skills = models.ManyToManyField(Skill, through="TaskSkill", blank=True, related_name="tasks",
                                    verbose_name=_("skills"))
    weekdays = FlagsField(_("weekdays"), flag_type=Weekday, labels=WEEKDAY_LABELS)
    window_start = models.TimeField(_("from"))
    window_end = models.TimeField(_("until"))
    physical_demands = FlagsField(_("physical demands"), flag_type=Physical, labels=PHYSICAL_LABELS, blank=True)
    language_level = models.PositiveSmallIntegerField(
        _("Dutch language level needed"), choices=LanguageLevelChoice.choices, default=LanguageLevelChoice.A1
    )
    learnable_on_the_job = models.BooleanField(_("can be learned on the job"), default=True)

    objects = TaskQuerySet.as_manager()

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["analysis", "order", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(hours_per_week__gt=0), name="task_hours_positive"),
            models.CheckConstraint(condition=models.Q(complexity__gte=1, complexity__lte=3),
                                   name="task_complexity_1_to_3"),
            models.CheckConstraint(condition=models.Q(window_end__gt=models.F("window_start")),
                                   name="task_window_end_after_start"),
            models.CheckConstraint(condition=models.Q(weekdays__gte=1, weekdays__lte=127), name="task_weekdays_bits"),
            models.CheckConstraint(condition=models.Q(language_level__lte=6), name="task_language_level_range"),
        ]

    def __str__(self):
        return self.name

    @property
    def is_carvable(self) -> bool:
        return self.complexity != TaskComplexity.SKILLED


class TaskSkill(models.Model):
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="skill_levels")
    skill = models.ForeignKey(Skill, on_delete=models.PROTECT, related_name="task_requirements",
                              verbose_name=_("skill"))
    level = models.PositiveSmallIntegerField(_("level"), choices=SkillLevelChoice.choices,
                                             default=SkillLevelChoice.BASIC)

    class Meta:
        verbose_name = _("skill of a task")
        verbose_name_plural = _("skills of tasks")
        ordering = ["skill__name_nl"]
        constraints = [
            models.UniqueConstraint(fields=["task", "skill"], name="task_skill_unique"),
            skill_level_check("task_skill_level_1_3"),
        ]

    def __str__(self):
        return f"{self.skill} ({self.level})"
