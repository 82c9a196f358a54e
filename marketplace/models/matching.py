"""What matching keeps: the record of each matching round, and the ladder overrides caseworkers grant.

The proposals of a round themselves are ``Application`` rows with status "suggested"; a
``MatchRound`` keeps the summary, so that a caseworker (and an auditor) can see when a round ran,
who started it, with which weights, and how the optimal assignment compared with a greedy one.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.constants import NOTE_MAX_LENGTH
from marketplace.fields import BoundedTextField
from marketplace.models.roles import Role
from marketplace.models.seekers import JobSeeker
from marketplace.models.tenancy import Municipality


class MatchRound(models.Model):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="match_rounds", verbose_name=_("municipality")
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("started by"), help_text=_("Empty when the round was run from the command line."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    dry_run = models.BooleanField(
        _("dry run"), default=False, help_text=_("A dry run computes the proposals but stores no suggestions.")
    )
    seekers = models.PositiveIntegerField(_("job seekers"), default=0,
                                          help_text=_("Active job seekers the round considered."))
    roles = models.PositiveIntegerField(_("roles"), default=0,
                                        help_text=_("Published roles with places left that the round considered."))
    places = models.PositiveIntegerField(_("places"), default=0, help_text=_("Places left in those roles."))
    pairs = models.PositiveIntegerField(_("feasible pairs"), default=0,
                                        help_text=_("Job seeker and role pairs that pass every hard rule."))
    proposals = models.PositiveIntegerField(_("proposals"), default=0)
    stored = models.PositiveIntegerField(
        _("suggestions stored"), default=0,
        help_text=_("Proposals stored as new suggestions; pairs that already had an application are skipped."),
    )
    total_score = models.FloatField(_("total score"), default=0)
    greedy_placed = models.PositiveIntegerField(
        _("placed by greedy"), default=0, help_text=_("Proposals a best-pair-first assignment would have made.")
    )
    greedy_total = models.FloatField(_("total score of greedy"), default=0)
    duration = models.DurationField(_("duration"), null=True, blank=True)
    weights = models.JSONField(_("weights used"), default=dict, blank=True)

    class Meta:
        verbose_name = _("matching round")
        verbose_name_plural = _("matching rounds")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.municipality} {self.created_at:%Y-%m-%d %H:%M}: {self.proposals}"


class LadderOverride(models.Model):
    """A caseworker allows a job seeker a role more than one rung above their step on the ladder."""

    seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="ladder_overrides",
                               verbose_name=_("job seeker"))
    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="ladder_overrides", verbose_name=_("role"))
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("granted by"))
    reason = BoundedTextField(_("reason"), max_length=NOTE_MAX_LENGTH)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("ladder override")
        verbose_name_plural = _("ladder overrides")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["seeker", "role"], name="ladder_override_unique_seeker_role"),
        ]

    def __str__(self):
        return f"#{self.seeker_id} → {self.role}"
