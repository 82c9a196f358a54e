"""Neighbourhood service requests (aanvragen buurtdienst) from associations and residents.

A request becomes supported work: staff triage it and plan it as one or more buurtdienst
roles, which point back to the request through ``Role.service_request``.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.choices import ServiceRequestStatus
from marketplace.constants import NOTE_MAX_LENGTH, TEXT_MAX_LENGTH
from marketplace.fields import BoundedTextField
from marketplace.models.skills import NamedInTwoLanguages
from marketplace.models.tenancy import Address, Municipality, Organisation
from marketplace.validators import validate_no_nul, validate_plausible_date, validate_title

DESCRIPTION_MAX_LENGTH = TEXT_MAX_LENGTH
REASON_MAX_LENGTH = NOTE_MAX_LENGTH


class ServiceFrequency(models.TextChoices):
    ONCE = "once", _("Once")
    WEEKLY = "weekly", _("Every week")
    FORTNIGHTLY = "fortnightly", _("Every two weeks")
    MONTHLY = "monthly", _("Every month")


def new_status_token() -> str:
    """An unguessable token for the requester's status link (192 bits of randomness)."""
    return secrets.token_urlsafe(24)


class ServiceCategory(NamedInTwoLanguages):
    """A kind of neighbourhood service the municipality offers (green maintenance, odd jobs...)."""

    slug = models.SlugField(_("code"), max_length=50, unique=True)
    name_nl = models.CharField(_("Dutch name"), max_length=100, validators=[validate_title])
    name_en = models.CharField(_("English name"), max_length=100, validators=[validate_title])
    default_hours = models.PositiveSmallIntegerField(
        _("usual hours per week"), default=4,
        help_text=_("Suggested hours when staff plan a request of this kind as a role."),
    )
    is_active = models.BooleanField(_("open for requests"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("service category")
        verbose_name_plural = _("service categories")
        ordering = ["sort_order", "name_nl"]


class ServiceRequestQuerySet(models.QuerySet):
    def for_municipality(self, municipality):
        return self.filter(municipality=municipality)

    def of_organisations(self, organisation_ids):
        return self.filter(organisation_id__in=organisation_ids)

    def open(self):
        return self.filter(status__in=[ServiceRequestStatus.SUBMITTED, ServiceRequestStatus.TRIAGED])

    def with_relations(self):
        return self.select_related("category", "municipality", "organisation")


class ServiceRequest(Address):
    """One request for a neighbourhood service, from an association or from a resident.

    The address fields hold where the work is done; only staff of the municipality and the
    requester see them. Roles planned from the request show the postcode area, never the street.
    """

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="service_requests", verbose_name=_("municipality")
    )
    category = models.ForeignKey(
        ServiceCategory, on_delete=models.PROTECT, related_name="requests", verbose_name=_("kind of service")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="service_requests",
        verbose_name=_("association"), help_text=_("Empty when a resident asks for themselves."),
    )
    requester_name = models.CharField(_("name"), max_length=120, blank=True,
                                      validators=[validate_no_nul, validate_title])
    requester_email = models.EmailField(_("e-mail"), blank=True)
    requester_phone = models.CharField(_("phone"), max_length=20, blank=True)
    description = BoundedTextField(_("what needs doing"), max_length=DESCRIPTION_MAX_LENGTH,
                                   validators=[validate_no_nul])
    preferred_date = models.DateField(_("preferred start date"), null=True, blank=True,
                                      validators=[validate_plausible_date])
    frequency = models.CharField(
        _("how often"), max_length=12, choices=ServiceFrequency.choices, default=ServiceFrequency.ONCE
    )
    timing_notes = models.CharField(
        _("preferred days or times"), max_length=200, blank=True, validators=[validate_no_nul]
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ServiceRequestStatus.choices, default=ServiceRequestStatus.SUBMITTED
    )
    rejection_reason = BoundedTextField(_("reason for rejection"), max_length=REASON_MAX_LENGTH, blank=True)
    token = models.CharField(_("status link token"), max_length=64, unique=True, default=new_status_token,
                             editable=False)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default="nl")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("submitted by"),
    )
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ServiceRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("neighbourhood service request")
        verbose_name_plural = _("neighbourhood service requests")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=[choice for choice, _label in ServiceRequestStatus.choices]),
                name="service_request_status_known",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=ServiceRequestStatus.REJECTED) | ~models.Q(rejection_reason=""),
                name="service_request_rejection_has_reason",
            ),
            models.CheckConstraint(
                condition=models.Q(organisation__isnull=False)
                | (~models.Q(requester_name="") & ~models.Q(requester_email="")),
                name="service_request_has_requester",
            ),
        ]
        indexes = [models.Index(fields=["municipality", "status"])]

    def __str__(self):
        return f"#{self.pk} {self.category} ({self.postcode})"

    @property
    def requester_display(self) -> str:
        return self.organisation.name if self.organisation_id else self.requester_name


class ServiceRequestStatusChange(models.Model):
    """Append-only history of a request's status: who moved it, from what, to what, when and why."""

    service_request = models.ForeignKey(
        ServiceRequest, on_delete=models.CASCADE, related_name="status_changes", verbose_name=_("request")
    )
    from_status = models.CharField(_("from"), max_length=10, choices=ServiceRequestStatus.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=10, choices=ServiceRequestStatus.choices)
    note = BoundedTextField(_("note"), max_length=NOTE_MAX_LENGTH, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("changed by"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.from_status or '-'} → {self.to_status}"
