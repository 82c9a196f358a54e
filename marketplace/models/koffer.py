"""The koffer: the municipality's instruments as data, and their deployment for one person.

An ``Instrument`` is an entry in a municipality's catalogue (a language course, a job coach, a
wage-cost subsidy, …) with its usual cost, duration and provider. An ``InstrumentAssignment``
deploys one for one job seeker: dates, cost, status and result, linked to the plan action it
serves and, where relevant, to the application or placement it supports. When a provider carries
it out (a trajectory ordered from a re-integration company, a language school or debt help), the
person's consent to share their name with that provider is recorded on the assignment; provider
staff see only assignments with consent, and only the fields the trajectory needs.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.choices import AssignmentStatus  # defined with the choices, so the workflow table can read it
from marketplace.constants import NOTE_MAX_LENGTH, TEXT_MAX_LENGTH
from marketplace.fields import BoundedTextField
from marketplace.models.applications import Application
from marketplace.models.plans import PlanAction
from marketplace.models.seekers import JobSeeker
from marketplace.models.tenancy import Municipality, Organisation
from marketplace.validators import validate_plausible_date, validate_title

COST_MAX_DIGITS = 9
INSTRUMENT_DURATION_WEEKS_MAX = 260


class InstrumentKind(models.TextChoices):
    ACTIVATION = "activation", _("Activation")
    TRAINING = "training", _("Training")
    LANGUAGE_COURSE = "language_course", _("Language course")
    DEBT_HELP = "debt_help", _("Debt help")
    COACHING = "coaching", _("Coaching")
    JOB_COACH = "job_coach", _("Job coach")
    WAGE_COST_SUBSIDY = "wage_cost_subsidy", _("Wage-cost subsidy")
    NO_RISK_POLICY = "no_risk_policy", _("No-risk policy")
    TRIAL_PLACEMENT = "trial_placement", _("Trial placement")
    SHELTERED_WORK = "sheltered_work", _("Sheltered work")
    DAY_ACTIVITIES = "day_activities", _("Day activities")
    OTHER = "other", _("Other")


class AssignmentResult(models.TextChoices):
    GOAL_REACHED = "goal_reached", _("Goal reached")
    PARTLY_REACHED = "partly_reached", _("Partly reached")
    NOT_REACHED = "not_reached", _("Goal not reached")
    DROPPED_OUT = "dropped_out", _("Stopped early")


class InstrumentQuerySet(models.QuerySet):
    def for_municipality(self, municipality):
        return self.filter(municipality=municipality)

    def available(self):
        return self.filter(active=True)


class Instrument(models.Model):
    """One instrument in a municipality's catalogue, with what it usually costs and takes."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="instruments",
                                     verbose_name=_("municipality"))
    kind = models.CharField(_("kind"), max_length=20, choices=InstrumentKind.choices)
    name = models.CharField(_("name"), max_length=150, validators=[validate_title])
    description = BoundedTextField(_("description"), max_length=TEXT_MAX_LENGTH, blank=True)
    cost = models.DecimalField(_("cost per person (€)"), max_digits=COST_MAX_DIGITS, decimal_places=2, default=0)
    duration_weeks = models.PositiveSmallIntegerField(_("usual duration (weeks)"), null=True, blank=True)
    provider = models.ForeignKey(Organisation, on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="instruments", verbose_name=_("provider"))
    subsidy_percent = models.DecimalField(
        _("subsidy (percentage of the wage)"), max_digits=5, decimal_places=2, null=True, blank=True,
        help_text=_("Only for a wage-cost subsidy: the share of the wage the municipality pays."),
    )
    active = models.BooleanField(_("in use"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = InstrumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("instrument")
        verbose_name_plural = _("instruments")
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="instrument_unique_name"),
            models.CheckConstraint(condition=models.Q(kind__in=InstrumentKind.values), name="instrument_kind_known"),
            models.CheckConstraint(condition=models.Q(cost__gte=0), name="instrument_cost_not_negative"),
            models.CheckConstraint(
                condition=models.Q(duration_weeks__isnull=True)
                | models.Q(duration_weeks__gte=1, duration_weeks__lte=INSTRUMENT_DURATION_WEEKS_MAX),
                name="instrument_duration_range",
            ),
            models.CheckConstraint(
                condition=models.Q(subsidy_percent__isnull=True)
                | models.Q(subsidy_percent__gte=0, subsidy_percent__lte=100),
                name="instrument_subsidy_percent_range",
            ),
        ]

    def __str__(self):
        return self.name


class InstrumentAssignmentQuerySet(models.QuerySet):
    def for_municipality(self, municipality):
        return self.filter(seeker__municipality=municipality)

    def for_provider(self, organisation_ids):
        """What provider staff may see: their organisation's assignments the person consented to."""
        return self.filter(provider_id__in=organisation_ids, consent_at__isnull=False)

    def in_use(self):
        return self.filter(status__in=[AssignmentStatus.PLANNED, AssignmentStatus.ACTIVE])


class InstrumentAssignment(models.Model):
    """An instrument deployed for one person: when, at what cost, carried out by whom, and with what result."""

    seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="instrument_assignments",
                               verbose_name=_("job seeker"))
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="assignments",
                                   verbose_name=_("instrument"))
    provider = models.ForeignKey(Organisation, on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="trajectories", verbose_name=_("provider"))
    start_date = models.DateField(_("start date"), validators=[validate_plausible_date])
    end_date = models.DateField(_("end date"), null=True, blank=True, validators=[validate_plausible_date])
    cost = models.DecimalField(_("cost (€)"), max_digits=COST_MAX_DIGITS, decimal_places=2, default=0)
    status = models.CharField(_("status"), max_length=10, choices=AssignmentStatus.choices,
                              default=AssignmentStatus.PLANNED)
    result = models.CharField(_("result"), max_length=20, choices=AssignmentResult.choices, blank=True)
    result_note = BoundedTextField(_("about the result"), max_length=NOTE_MAX_LENGTH, blank=True)
    plan_action = models.ForeignKey(PlanAction, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="instrument_assignments", verbose_name=_("plan action"))
    application = models.ForeignKey(Application, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="instrument_assignments",
                                    verbose_name=_("application or placement"))
    consent_at = models.DateTimeField(
        _("consent to share with the provider"), null=True, blank=True,
        help_text=_("When the person agreed that the provider receives their name and contact details."),
    )
    followed_up_at = models.DateTimeField(_("followed up at"), null=True, blank=True)
    follow_up_note = BoundedTextField(_("follow-up"), max_length=NOTE_MAX_LENGTH, blank=True)
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name=_("assigned by"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = InstrumentAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("instrument for a person")
        verbose_name_plural = _("instruments for people")
        ordering = ["-start_date", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(status__in=AssignmentStatus.values),
                                   name="assignment_status_known"),
            models.CheckConstraint(condition=models.Q(result="") | models.Q(result__in=AssignmentResult.values),
                                   name="assignment_result_known"),
            models.CheckConstraint(condition=models.Q(cost__gte=0), name="assignment_cost_not_negative"),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True) | models.Q(end_date__gte=models.F("start_date")),
                name="assignment_end_not_before_start",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=AssignmentStatus.ENDED) | models.Q(end_date__isnull=False),
                name="assignment_ended_has_end_date",
            ),
        ]
        indexes = [
            models.Index(fields=["seeker", "status"]),
            models.Index(fields=["provider", "status"]),
        ]

    def __str__(self):
        return f"{self.instrument} → #{self.seeker_id}"


class ReportAuthorKind(models.TextChoices):
    PROVIDER = "provider", _("Provider")
    CASEWORKER = "caseworker", _("Caseworker")


class ProgressReport(models.Model):
    """A dated report on a trajectory by the provider (or a caseworker's note on it). Never changed afterwards."""

    assignment = models.ForeignKey(InstrumentAssignment, on_delete=models.CASCADE, related_name="reports",
                                   verbose_name=_("trajectory"))
    date = models.DateField(_("date"), default=timezone.localdate, validators=[validate_plausible_date])
    text = BoundedTextField(_("progress"), max_length=TEXT_MAX_LENGTH)
    result = models.CharField(_("result"), max_length=20, choices=AssignmentResult.choices, blank=True,
                              help_text=_("Only in the final report."))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="+", verbose_name=_("by"))
    author_kind = models.CharField(_("written as"), max_length=10, choices=ReportAuthorKind.choices)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["date", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(result="") | models.Q(result__in=AssignmentResult.values),
                                   name="progress_report_result_known"),
        ]

    def __str__(self):
        return f"{self.date}: #{self.assignment_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("A progress report cannot be changed; write a new one.")
        super().save(*args, **kwargs)
