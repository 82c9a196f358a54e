"""Applications: one job seeker and one role, from a suggestion or an interest to a placement.

Besides the application itself: its timeline (ApplicationEvent), the places of a role as rows
(RoleSeat) so that the database itself refuses to overbook a role, and the Placement with its
retention checkpoints once the seeker works in the role.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.choices import SUPPORT_LABELS, ApplicationStatus
from marketplace.constants import NOTE_MAX_LENGTH, PLACEMENT_HOURS_MAX, PLACEMENT_HOURS_MIN, WAGE_MAX_DIGITS, Support
from marketplace.fields import BoundedTextField, FlagsField
from marketplace.models.roles import Role
from marketplace.models.seekers import JobSeeker, SeekerSkill
from marketplace.validators import validate_plausible_date
from marketplace.workflows.applications import INTRODUCED_STATUSES, SEATED_STATUSES
from marketplace.workflows.base import ActorKind

STATUS_VALUES = [choice for choice, _label in ApplicationStatus.choices]
RETENTION_MONTHS = (1, 3, 6, 12)
# Sorted, so that the constraints deconstruct the same way on every run of makemigrations.
SEATED = sorted(SEATED_STATUSES)
INTRODUCED = sorted(INTRODUCED_STATUSES)


class RoleSeat(models.Model):
    """One place of a role. A role has seats numbered 1..places; an application in trial or placed holds one.

    Because ``Application.seat`` is one-to-one, two applications can never hold the same seat, so
    the number of seekers in trial or placed cannot exceed the number of seats even if two requests
    slipped past the row lock on the role. The services keep the seats in step with ``Role.places``.
    """

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="seats", verbose_name=_("role"))
    number = models.PositiveSmallIntegerField(_("number"))

    class Meta:
        verbose_name = _("place of a role")
        verbose_name_plural = _("places of roles")
        ordering = ["role", "number"]
        constraints = [
            models.UniqueConstraint(fields=["role", "number"], name="role_seat_unique_number"),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="role_seat_number_positive"),
        ]

    def __str__(self):
        return f"{self.role} #{self.number}"


class ApplicationQuerySet(models.QuerySet):
    def for_municipality(self, municipality):
        return self.filter(role__municipality=municipality)

    def of_organisations(self, organisation_ids):
        return self.filter(role__organisation_id__in=organisation_ids)

    def of_seeker(self, seeker):
        return self.filter(seeker=seeker)

    def for_role(self, role):
        return self.filter(role=role)

    def seated(self):
        """Applications holding one of their role's places (in trial or placed)."""
        return self.filter(seat__isnull=False)

    def with_relations(self):
        """Everything an application payload shows, in a constant number of queries."""
        return self.select_related(
            "seeker", "role__organisation", "role__municipality", "placement",
        ).prefetch_related(
            models.Prefetch("events", queryset=ApplicationEvent.objects.order_by("at", "id")),
            models.Prefetch("placement__checkpoints", queryset=RetentionCheckpoint.objects.order_by("months")),
            models.Prefetch("seeker__skill_levels", queryset=SeekerSkill.objects.select_related("skill")
                            .order_by("id")),
        )


class Application(models.Model):
    seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="applications",
                               verbose_name=_("job seeker"))
    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="applications", verbose_name=_("role"))
    status = models.CharField(_("status"), max_length=12, choices=ApplicationStatus.choices)
    score = models.FloatField(_("match score"), null=True, blank=True)
    reasons = models.JSONField(_("match reasons"), default=list, blank=True)
    # The employer names a candidate "Kandidaat 3" before the introduction: the number is the one on the
    # card they invited, kept for the whole journey, and never the job seeker's id.
    candidate_number = models.PositiveIntegerField(
        _("candidate number"), null=True, blank=True,
        help_text=_("How the employer names this candidate before the introduction; unique per role."),
    )
    seeker_consented_at = models.DateTimeField(
        _("seeker consented to introduction at"), null=True, blank=True,
        help_text=_("When the job seeker agreed that this employer may see their name and contact details."),
    )
    introduced_at = models.DateTimeField(
        _("introduced at"), null=True, blank=True,
        help_text=_("From this moment the employer sees the job seeker's name and contact details."),
    )
    seat = models.OneToOneField(
        RoleSeat, on_delete=models.PROTECT, null=True, blank=True, related_name="application",
        verbose_name=_("place"), help_text=_("The place of the role this application holds in trial or placed."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-updated_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["seeker", "role"], name="application_unique_seeker_role"),
            models.UniqueConstraint(fields=["role", "candidate_number"], name="application_unique_candidate_number"),
            models.CheckConstraint(condition=models.Q(status__in=STATUS_VALUES), name="application_status_known"),
            models.CheckConstraint(
                condition=models.Q(status__in=SEATED, seat__isnull=False)
                | (~models.Q(status__in=SEATED) & models.Q(seat__isnull=True)),
                name="application_seat_iff_trial_or_placed",
            ),
            models.CheckConstraint(
                condition=~models.Q(status__in=INTRODUCED) | models.Q(introduced_at__isnull=False),
                name="application_introduced_has_date",
            ),
        ]
        indexes = [models.Index(fields=["role", "status"])]

    def __str__(self):
        return f"{self.seeker} → {self.role} ({self.get_status_display()})"


class ApplicationEvent(models.Model):
    """One line of an application's timeline: a status change, the seeker's consent, or a caseworker's override."""

    class Kind(models.TextChoices):
        STATUS = "status", _("Status change")
        CONSENT = "consent", _("Consent to an introduction")
        # A caseworker agreed placement terms that the checks refuse (hours, wage); the note says why.
        TERMS_OVERRIDE = "override", _("Terms agreed outside the usual checks")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events",
                                    verbose_name=_("application"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.STATUS)
    from_status = models.CharField(_("from status"), max_length=12, choices=ApplicationStatus.choices, blank=True,
                                   help_text=_("Empty when the application was created."))
    to_status = models.CharField(_("to status"), max_length=12, choices=ApplicationStatus.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="+", verbose_name=_("by"))
    actor_kind = models.CharField(_("acting as"), max_length=10, choices=ActorKind.choices)
    at = models.DateTimeField(_("at"), default=timezone.now)
    note = BoundedTextField(_("note"), max_length=NOTE_MAX_LENGTH, blank=True)

    class Meta:
        verbose_name = _("application event")
        verbose_name_plural = _("application events")
        ordering = ["at", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(to_status__in=STATUS_VALUES),
                                   name="application_event_status_known"),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.from_status or '–'} → {self.to_status}"


class Placement(models.Model):
    """A job seeker working in a role: the terms agreed when the application became ``placed``."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="placement",
                                       verbose_name=_("application"))
    start_date = models.DateField(_("start date"), validators=[validate_plausible_date])
    hours_per_week = models.PositiveSmallIntegerField(_("hours per week"))
    hourly_wage = models.DecimalField(_("hourly wage (EUR)"), max_digits=WAGE_MAX_DIGITS, decimal_places=2, null=True,
                                      blank=True, help_text=_("Empty for unpaid work such as volunteering."))
    support = FlagsField(_("support"), flag_type=Support, labels=SUPPORT_LABELS, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True, validators=[validate_plausible_date])
    end_reason = BoundedTextField(_("reason for ending"), max_length=NOTE_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        ordering = ["-start_date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours_per_week__gte=PLACEMENT_HOURS_MIN, hours_per_week__lte=PLACEMENT_HOURS_MAX),
                name="placement_hours_1_to_40",
            ),
            models.CheckConstraint(condition=models.Q(hourly_wage__isnull=True) | models.Q(hourly_wage__gt=0),
                                   name="placement_wage_positive"),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True) | models.Q(end_date__gte=models.F("start_date")),
                name="placement_end_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True, end_reason="")
                | (models.Q(end_date__isnull=False) & ~models.Q(end_reason="")),
                name="placement_end_has_reason",
            ),
        ]

    def __str__(self):
        return f"{self.application.seeker} @ {self.application.role} ({self.start_date})"

    @property
    def has_job_coach(self) -> bool:
        return bool(self.support & Support.JOB_COACH)


class RetentionCheckpoint(models.Model):
    """A planned check whether the person still works, 1, 3, 6 and 12 months after the start."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        RETAINED = "retained", _("Still working")
        NOT_RETAINED = "not_retained", _("No longer working")
        CANCELLED = "cancelled", _("Cancelled: the placement ended before this date")

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="checkpoints",
                                  verbose_name=_("placement"))
    months = models.PositiveSmallIntegerField(_("months after start"),
                                              choices=[(months, str(months)) for months in RETENTION_MONTHS])
    due_date = models.DateField(_("due date"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PLANNED)
    recorded_at = models.DateTimeField(_("recorded at"), null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name=_("recorded by"))
    note = BoundedTextField(_("note"), max_length=NOTE_MAX_LENGTH, blank=True)

    class Meta:
        verbose_name = _("retention checkpoint")
        verbose_name_plural = _("retention checkpoints")
        ordering = ["placement", "months"]
        constraints = [
            models.UniqueConstraint(fields=["placement", "months"], name="retention_checkpoint_unique_months"),
            models.CheckConstraint(condition=models.Q(months__in=RETENTION_MONTHS),
                                   name="retention_checkpoint_months_known"),
        ]

    def __str__(self):
        return f"{self.placement} +{self.months}m ({self.get_status_display()})"
