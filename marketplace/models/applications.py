"""Applications: one job seeker and one role, from a suggestion or an interest to a placement."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.choices import ApplicationStatus
from marketplace.models.roles import Role
from marketplace.models.seekers import JobSeeker


class ApplicationQuerySet(models.QuerySet):
    def for_municipality(self, municipality):
        return self.filter(role__municipality=municipality)


class Application(models.Model):
    seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="applications",
                               verbose_name=_("job seeker"))
    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="applications", verbose_name=_("role"))
    status = models.CharField(_("status"), max_length=12, choices=ApplicationStatus.choices)
    score = models.FloatField(_("match score"), null=True, blank=True)
    reasons = models.JSONField(_("match reasons"), default=list, blank=True)
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
            models.CheckConstraint(
                condition=models.Q(status__in=[choice for choice, _label in ApplicationStatus.choices]),
                name="application_status_known",
            ),
        ]

    def __str__(self):
        return f"{self.seeker} → {self.role} ({self.get_status_display()})"
