"""Plans of action (plan van aanpak): a job seeker's goal in their own words, the actions towards it, and
the history of every change, comment and agreement.

An agreement holds for one *version* of the plan. Every change to what the person agreed to (the
goal, the review date, an action added, changed, cancelled or taken up again) raises the version,
so a plan whose ``agreed_version`` is lower than its ``version`` has changed since the person agreed
and asks again. Ticking an action off is progress within the plan, not a change of it, and keeps
the agreement.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.constants import NOTE_MAX_LENGTH, TEXT_MAX_LENGTH
from marketplace.fields import BoundedTextField
from marketplace.models.seekers import JobSeeker
from marketplace.validators import validate_plausible_date, validate_title

ACTION_DESCRIPTION_MAX_LENGTH = 300
OWNER_NAME_MAX_LENGTH = 150


class ActionOwner(models.TextChoices):
    """Who carries out an action."""

    SEEKER = "seeker", _("The job seeker")
    CASEWORKER = "caseworker", _("The caseworker")
    OTHER = "other", _("Someone else")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class PlanActorKind(models.TextChoices):
    """In which capacity someone wrote a line of the plan's history."""

    SEEKER = "seeker", _("Job seeker")
    CASEWORKER = "caseworker", _("Caseworker")


class PlanEventKind(models.TextChoices):
    CREATED = "created", _("Plan made")
    CHANGED = "changed", _("Plan changed")
    ACTION_ADDED = "action_added", _("Action added")
    ACTION_CHANGED = "action_changed", _("Action changed")
    ACTION_DONE = "action_done", _("Action done")
    ACTION_REOPENED = "action_reopened", _("Action open again")
    ACTION_CANCELLED = "action_cancelled", _("Action cancelled")
    COMMENT = "comment", _("Comment")
    AGREED = "agreed", _("Agreed to the plan")


class AgreementState(models.TextChoices):
    NOT_AGREED = "not_agreed", _("Not agreed yet")
    AGREED = "agreed", _("Agreed")
    CHANGED = "changed", _("Changed since the job seeker agreed")


class PlanQuerySet(models.QuerySet):
    def for_municipality(self, municipality):
        return self.filter(seeker__municipality=municipality)


class Plan(models.Model):
    """The one plan of action of a job seeker, kept up to date by their caseworker and agreed by the person."""

    seeker = models.OneToOneField(JobSeeker, on_delete=models.CASCADE, related_name="plan",
                                  verbose_name=_("job seeker"))
    goal = BoundedTextField(
        _("goal"), max_length=TEXT_MAX_LENGTH, validators=[validate_title],
        help_text=_("In the person's own words, for example “I want to work with my hands again, a few mornings a "
                    "week.”"),
    )
    review_date = models.DateField(_("review date"), validators=[validate_plausible_date],
                                   help_text=_("When you and the job seeker look at the plan together again."))
    version = models.PositiveIntegerField(_("version"), default=1)
    agreed_version = models.PositiveIntegerField(_("version agreed to"), null=True, blank=True)
    agreed_at = models.DateTimeField(_("agreed at"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("made by"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("plan of action")
        verbose_name_plural = _("plans of action")
        constraints = [
            models.CheckConstraint(condition=models.Q(version__gte=1), name="plan_version_positive"),
            models.CheckConstraint(
                condition=models.Q(agreed_version__isnull=True) | models.Q(agreed_version__lte=models.F("version")),
                name="plan_agreed_version_not_ahead",
            ),
            models.CheckConstraint(
                condition=models.Q(agreed_version__isnull=True, agreed_at__isnull=True)
                | models.Q(agreed_version__isnull=False, agreed_at__isnull=False),
                name="plan_agreement_has_a_time",
            ),
        ]

    def __str__(self):
        return str(_("Plan of %(name)s") % {"name": self.seeker.full_name})

    @property
    def agreement_state(self) -> str:
        if self.agreed_version is None:
            return AgreementState.NOT_AGREED
        return AgreementState.AGREED if self.agreed_version == self.version else AgreementState.CHANGED

    def get_agreement_state_display(self) -> str:
        return str(AgreementState(self.agreement_state).label)

    @property
    def review_overdue(self) -> bool:
        return self.review_date < timezone.localdate()


class PlanAction(models.Model):
    """One step towards the goal: what, who does it, by when, and whether it happened."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="actions", verbose_name=_("plan"))
    description = models.CharField(_("what"), max_length=ACTION_DESCRIPTION_MAX_LENGTH, validators=[validate_title])
    owner = models.CharField(_("who does it"), max_length=10, choices=ActionOwner.choices)
    owner_name = models.CharField(
        _("name of the other party"), max_length=OWNER_NAME_MAX_LENGTH, blank=True, validators=[validate_title],
        help_text=_("Only when someone else does it, for example “Taalschool De Brug”."),
    )
    due_date = models.DateField(_("due date"), validators=[validate_plausible_date])
    status = models.CharField(_("status"), max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    status_changed_at = models.DateTimeField(_("status changed at"), null=True, blank=True)
    status_changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                          related_name="+", verbose_name=_("status changed by"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["due_date", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(owner__in=ActionOwner.values), name="plan_action_owner_known"),
            models.CheckConstraint(condition=models.Q(status__in=ActionStatus.values),
                                   name="plan_action_status_known"),
            models.CheckConstraint(
                condition=~models.Q(owner=ActionOwner.OTHER) | ~models.Q(owner_name=""),
                name="plan_action_other_owner_named",
            ),
        ]

    def __str__(self):
        return self.description

    @property
    def owner_label(self) -> str:
        """Who does it, in words: the named party for someone else."""
        return self.owner_name if self.owner == ActionOwner.OTHER else str(self.get_owner_display())

    @property
    def overdue(self) -> bool:
        return self.status == ActionStatus.OPEN and self.due_date < timezone.localdate()


class PlanEvent(models.Model):
    """One line of the plan's history: who did what, when, and what changed. Never changed afterwards.

    ``changes`` maps a field to ``{"from": …, "to": …}`` (dates as ISO strings, codes as codes), so
    the history can show what the plan said before. ``plan_version`` is the version the line belongs
    to: for an agreement, the version agreed to; for a change, the version it produced.
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="events", verbose_name=_("plan"))
    kind = models.CharField(_("kind"), max_length=20, choices=PlanEventKind.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="+", verbose_name=_("by"))
    actor_kind = models.CharField(_("acting as"), max_length=10, choices=PlanActorKind.choices)
    at = models.DateTimeField(_("at"), default=timezone.now)
    plan_version = models.PositiveIntegerField(_("plan version"))
    action = models.ForeignKey(PlanAction, on_delete=models.CASCADE, null=True, blank=True, related_name="events",
                               verbose_name=_("action"))
    action_description = models.CharField(_("action"), max_length=ACTION_DESCRIPTION_MAX_LENGTH, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    text = BoundedTextField(_("comment"), max_length=NOTE_MAX_LENGTH, blank=True)

    class Meta:
        verbose_name = _("plan history entry")
        verbose_name_plural = _("plan history entries")
        ordering = ["at", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=PlanEventKind.values), name="plan_event_kind_known"),
            models.CheckConstraint(condition=models.Q(actor_kind__in=PlanActorKind.values),
                                   name="plan_event_actor_kind_known"),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.kind}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("The history of a plan cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("The history of a plan cannot be changed.")
