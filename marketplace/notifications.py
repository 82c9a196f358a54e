"""Rendering and sending the e-mails of the notification outbox (see marketplace/models/notifications.py).

A text is rendered when it is sent, in the language recorded for its recipient, from the rows it
is about, so it always links to the right page. Application e-mails live in
``templates/emails/<kind>.<language>.txt`` with the subject in ``<kind>_subject.<language>.txt``;
a job seeker gets their preferred language, everyone else Dutch, the language of the municipality.

Every attempt at one notification carries the same Message-ID, derived from its idempotency key,
so a mail system that received a message just before the sending worker died can discard the
copy the next worker sends.
"""

import logging
import smtplib
from collections.abc import Callable
from dataclasses import asdict, dataclass
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _

from marketplace.models import Notification, Role, ServiceRequest, ServiceRequestStatus
from marketplace.models.applications import Application
from marketplace.models.notifications import NotificationKind, NotificationStatus
from marketplace.services.notifications import (
    notification_claim_next,
    notification_mark_attempt_failed,
    notification_mark_sent,
)
from marketplace.services.service_requests import service_request_status_url

logger = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "nl"
KNOWN_LANGUAGES = frozenset(code for code, _name in settings.LANGUAGES)
# The portal pages each e-mail links to; the caseworkers' page is their admin workspace.
SEEKER_APPLICATION_PATH = "/mijn/aanmeldingen/{id}/"
EMPLOYER_APPLICATION_PATH = "/werkgever/aanmeldingen/{id}/"
EMPLOYER_ROLE_PATH = "/werkgever/rollen/{id}/"
CASEWORKER_LISTING_PATH = "/admin/"
# Rows one delivery run sends at most, so that a run (and the task around it) ends in bounded time.
DELIVERY_BATCH = 100

APPLICATION_KINDS = frozenset({NotificationKind.SEEKER_INVITED, NotificationKind.SEEKER_INTRODUCED,
                               NotificationKind.EMPLOYER_INTRODUCED, NotificationKind.CASEWORKER_INTEREST})
ROLE_KINDS = frozenset({NotificationKind.EMPLOYER_ROLE_ENDING})


def absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def seeker_application_url(application: Application) -> str:
    return absolute_url(SEEKER_APPLICATION_PATH.format(id=application.pk))


def employer_application_url(application: Application) -> str:
    return absolute_url(EMPLOYER_APPLICATION_PATH.format(id=application.pk))


def caseworker_application_url(application: Application) -> str:
    """The application in the caseworkers' admin listing, or the admin's front page if it is not installed."""
    try:
        return absolute_url(reverse("marketplace_application:inspect", args=[application.pk]))
    except NoReverseMatch:
        return absolute_url(CASEWORKER_LISTING_PATH)


def _language(value: str | None) -> str:
    return value if value in KNOWN_LANGUAGES else DEFAULT_LANGUAGE


def message_id(notification: Notification) -> str:
    """The same Message-ID on every attempt, in the sender's domain, revealing nothing about the recipient."""
    _name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    domain = address.rpartition("@")[2] or "werkplaats.invalid"
    # 128 bits of the key: unique enough, and short enough that the header is never folded.
    return f"<{notification.idempotency_key[:32]}@{domain}>"


# Rendering --------------------------------------------------------------------------------------------------

def _render_template(name: str, language: str, context: dict) -> tuple[str, str]:
    subject = render_to_string([f"emails/{name}_subject.{language}.txt", f"emails/{name}_subject.nl.txt"], context)
    body = render_to_string([f"emails/{name}.{language}.txt", f"emails/{name}.nl.txt"], context)
    return " ".join(subject.split()), body


def _application_text(notification: Notification, language: str) -> tuple[str, str]:
    application = (Application.objects.select_related("seeker", "role__organisation", "role__municipality")
                   .get(pk=notification.application_id))
    role = application.role
    context = {"role": role, "organisation": role.organisation, "municipality": role.municipality}
    if notification.kind in (NotificationKind.SEEKER_INVITED, NotificationKind.SEEKER_INTRODUCED):
        context.update(seeker=application.seeker, url=seeker_application_url(application))
    elif notification.kind == NotificationKind.EMPLOYER_INTRODUCED:
        context["url"] = employer_application_url(application)
    else:
        context["url"] = caseworker_application_url(application)
    return _render_template(notification.kind, language, context)


def _role_text(notification: Notification, language: str) -> tuple[str, str]:
    role = Role.objects.select_related("organisation", "municipality").get(pk=notification.role_id)
    context = {"role": role, "organisation": role.organisation, "municipality": role.municipality,
               "url": absolute_url(EMPLOYER_ROLE_PATH.format(id=role.pk))}
    return _render_template(notification.kind, language, context)


def _status_message(status: str, service_request: ServiceRequest) -> str:
    if status == ServiceRequestStatus.SUBMITTED:
        return _("We have received your request. Someone from the municipality will look at it within five "
                 "working days.")
    if status == ServiceRequestStatus.TRIAGED:
        return _("We are looking at your request and at who can do the work.")
    if status == ServiceRequestStatus.PLANNED:
        return _("We have planned the work. Someone from the municipality will call you to agree on a day.")
    if status == ServiceRequestStatus.DONE:
        return _("The work is done. Thank you for your request.")
    return _("We cannot carry out your request. The reason: %(reason)s") % {
        "reason": service_request.rejection_reason}


def _service_request_text(notification: Notification) -> tuple[str, str]:
    service_request = ServiceRequest.objects.with_relations().get(pk=notification.service_request_id)
    status = notification.params.get("status", service_request.status)
    if notification.kind == NotificationKind.SERVICE_REQUEST_RECEIVED:
        subject = _("We have received your request for %(category)s")
    else:
        subject = _("News about your request for %(category)s")
    lines = [
        _("Hello %(name)s,") % {"name": service_request.requester_display},
        "",
        _status_message(status, service_request),
        "",
        _("Kind of service: %(category)s") % {"category": service_request.category.name},
        _("Request number: %(number)s") % {"number": service_request.pk},
        "",
        _("Follow your request with this personal link (do not share it):"),
        service_request_status_url(service_request),
        "",
        _("Kind regards,"),
        _("Werkplaats, municipality of %(municipality)s") % {"municipality": service_request.municipality.name},
    ]
    return subject % {"category": service_request.category.name}, "\n".join(lines)


def render(notification: Notification) -> tuple[str, str]:
    """Subject and body of ``notification`` in its recipient's language."""
    language = _language(notification.language)
    with translation.override(language):
        if notification.kind in APPLICATION_KINDS:
            return _application_text(notification, language)
        if notification.kind in ROLE_KINDS:
            return _role_text(notification, language)
        return _service_request_text(notification)


def build_message(notification: Notification) -> EmailMessage:
    subject, body = render(notification)
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [notification.recipient],
                        headers={"Message-ID": message_id(notification)})


# Sending ----------------------------------------------------------------------------------------------------

@dataclass
class DeliveryReport:
    sent: int = 0
    retrying: int = 0
    failed: int = 0

    def as_dict(self) -> dict:
        return asdict(self)

    def __bool__(self) -> bool:
        return bool(self.sent or self.retrying or self.failed)


def is_permanent(error: BaseException) -> bool:
    """A 5xx answer means the mail server will never take this message; anything else may pass later."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return bool(error.recipients) and all(code >= 500 for code, _text in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return error.smtp_code >= 500
    return False


def deliver(notification: Notification) -> str:
    """Send one claimed notification and record the outcome; returns its new status."""
    try:
        if not build_message(notification).send():
            raise smtplib.SMTPException("The mail backend accepted no recipient.")
    except Exception as error:
        status = notification_mark_attempt_failed(notification=notification, error=f"{type(error).__name__}: {error}",
                                                  permanent=is_permanent(error))
        logger.warning("Notification %s not sent (attempt %s, %s): %s", notification.pk, notification.attempts,
                       status, type(error).__name__)
        return status
    notification_mark_sent(notification=notification)
    return NotificationStatus.SENT


def deliver_due(*, ids: list[int] | None = None, limit: int = DELIVERY_BATCH,
                keep_going: Callable[[], bool] = lambda: True) -> DeliveryReport:
    """Claim and send due notifications one by one (only ``ids`` when given), at most ``limit``,
    and no more once ``keep_going()`` turns false (the process is asked to stop)."""
    report = DeliveryReport()
    for _index in range(limit):
        if not keep_going():
            break
        notification = notification_claim_next(ids=ids)
        if notification is None:
            break
        status = deliver(notification)
        if status == NotificationStatus.SENT:
            report.sent += 1
        elif status == NotificationStatus.FAILED:
            report.failed += 1
        else:
            report.retrying += 1
    return report


def next_due_at(ids: list[int]):
    """When the earliest of ``ids`` that is not sent or failed can be claimed again, or None."""
    moments = [
        notification.next_attempt_at if notification.status == NotificationStatus.PENDING
        else notification.claimed_until
        for notification in Notification.objects.unfinished().filter(pk__in=ids).only(
            "status", "next_attempt_at", "claimed_until")
    ]
    moments = [moment for moment in moments if moment is not None]
    return min(moments) if moments else None
