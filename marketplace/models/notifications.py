"""The notification outbox: every e-mail the marketplace owes someone, written with the change that causes it.

A row is recorded in the same transaction as the change, so a change that is rolled back owes
nobody an e-mail and a committed change can never lose its e-mail, whatever happens to the
worker or the mail server afterwards. The worker claims a due row for a limited time (a lease),
sends it and marks it sent; a failed attempt is retried later with exponential back-off, and
a row whose lease ran out (the worker died while sending) is claimed again.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.models.applications import Application
from marketplace.models.service_requests import ServiceRequest

LAST_ERROR_MAX_LENGTH = 1000


class NotificationKind(models.TextChoices):
    SEEKER_INVITED = "seeker_invited", _("Job seeker invited for a role")
    SEEKER_INTRODUCED = "seeker_introduced", _("Job seeker introduced to the employer")
    EMPLOYER_INTRODUCED = "employer_introduced", _("Candidate introduced to the employer")
    CASEWORKER_INTEREST = "caseworker_interest", _("Job seeker interested in a role")
    SERVICE_REQUEST_RECEIVED = "service_request_received", _("Service request received")
    SERVICE_REQUEST_UPDATE = "service_request_update", _("News about a service request")
    EMPLOYER_ROLE_ENDING = "employer_role_ending", _("A role reaches its end date soon")


class NotificationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class NotificationQuerySet(models.QuerySet):
    def due(self, now=None):
        """Rows a worker may claim now: waiting and due, or claimed by a worker whose lease ran out."""
        now = now or timezone.now()
        return self.filter(
            Q(status=NotificationStatus.PENDING, next_attempt_at__lte=now)
            | Q(status=NotificationStatus.SENDING, claimed_until__lt=now)
        )

    def unfinished(self):
        return self.filter(status__in=(NotificationStatus.PENDING, NotificationStatus.SENDING))

    def failed(self):
        return self.filter(status=NotificationStatus.FAILED)


class Notification(models.Model):
    """One e-mail to one recipient. The text is rendered when it is sent, from the rows it is about."""

    kind = models.CharField(_("kind"), max_length=40, choices=NotificationKind.choices)
    recipient = models.EmailField(_("recipient"))
    language = models.CharField(_("language"), max_length=8, default="nl")
    application = models.ForeignKey(Application, on_delete=models.CASCADE, null=True, blank=True,
                                    related_name="+", verbose_name=_("application"))
    service_request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, null=True, blank=True,
                                        related_name="+", verbose_name=_("neighbourhood service request"))
    role = models.ForeignKey("marketplace.Role", on_delete=models.CASCADE, null=True, blank=True, related_name="+",
                             verbose_name=_("role"))
    # Plain values the text needs that may change after the event, such as the status it announces.
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    # Derived from the event and the recipient: the same event never owes the same person two
    # e-mails, and the Message-ID built from it is the same on every attempt.
    idempotency_key = models.CharField(_("idempotency key"), max_length=64, unique=True)
    status = models.CharField(_("status"), max_length=10, choices=NotificationStatus.choices,
                              default=NotificationStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    claimed_until = models.DateTimeField(_("claimed until"), null=True, blank=True)
    claim_token = models.CharField(_("claim token"), max_length=32, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="notification_due_idx"),
            models.Index(fields=["status", "claimed_until"], name="notification_lease_idx"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk} ({self.get_status_display()})"
