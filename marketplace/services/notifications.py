"""Writes of the notification outbox: record e-mails with the change that causes them, and keep each row's state.

Recording happens inside the caller's transaction, so the e-mail exists exactly when the change
does. After the commit a delivery task is queued to wake the worker; if queueing fails nothing
is lost, because the row waits in the outbox for the next delivery run (``deliver_notifications``).

A worker claims one due row at a time: on PostgreSQL with ``SELECT … FOR UPDATE SKIP LOCKED``, so
concurrent workers never claim the same row; on SQLite every write transaction takes the database
lock when it starts (``transaction_mode = IMMEDIATE`` in the settings), which serialises claims.
A claim is a lease: it lasts ``NOTIFICATION_LEASE_SECONDS``, and a row whose lease ran out
(its worker died) is claimed again. Every claim counts as an attempt.
"""

import hashlib
import logging
import uuid
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from marketplace.choices import ApplicationStatus as S
from marketplace.models import Caseworker, JobSeeker, Role, ServiceRequest, ServiceRequestStatus
from marketplace.models.applications import Application
from marketplace.models.notifications import (
    LAST_ERROR_MAX_LENGTH,
    Notification,
    NotificationKind,
    NotificationStatus,
)

logger = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "nl"
# How many rows one claim looks at before giving up, when each one turns out to be exhausted.
CLAIM_SCAN_LIMIT = 100


def idempotency_key(kind: str, event: str, recipient: str) -> str:
    """The same event owes the same person at most one e-mail; hashed so the key carries no address."""
    raw = f"{kind}|{event}|{recipient.strip().lower()}"
    return hashlib.sha256(raw.encode()).hexdigest()


# Recording ---------------------------------------------------------------------------------------------------

@transaction.atomic
def notification_record(*, kind: str, recipient: str, event: str, language: str = DEFAULT_LANGUAGE,
                        application: Application | None = None, service_request: ServiceRequest | None = None,
                        role: Role | None = None, params: dict | None = None, wake: bool = True
                        ) -> Notification | None:
    """Record one e-mail about ``event`` (a string naming what happened) for ``recipient``.

    Call it inside the transaction of the change. Returns None when there is no address to write
    to; recording the same event for the same recipient twice returns the first row.
    """
    recipient = (recipient or "").strip()
    if not recipient:
        return None
    notification, created = Notification.objects.get_or_create(
        idempotency_key=idempotency_key(kind, event, recipient),
        defaults={"kind": kind, "recipient": recipient, "language": language or DEFAULT_LANGUAGE,
                  "application": application, "service_request": service_request, "role": role,
                  "params": params or {}},
    )
    if created and wake:
        notifications_wake_on_commit([notification.pk])
    return notification


def notifications_wake_on_commit(ids: list[int]) -> None:
    """Queue a delivery run for ``ids`` once the transaction commits; never fails the change."""
    if ids:
        transaction.on_commit(lambda: _wake(list(ids)))


def _wake(ids: list[int]) -> None:
    # Imported here: the task module imports the sending code, which imports the services.
    from marketplace.tasks import deliver_notifications

    try:
        deliver_notifications.enqueue(notification_ids=ids)
    except Exception:
        # The rows are committed: the next run of ``manage.py deliver_notifications`` sends them.
        logger.warning("Could not queue the delivery of notifications %s; they wait in the outbox.", ids,
                       exc_info=True)


@transaction.atomic
def notifications_record_for_application(*, application: Application, to_status: str, actor_user=None
                                         ) -> list[Notification]:
    """Record the e-mails an application's move to ``to_status`` causes, for everyone concerned.

    Proposed: the seeker is invited. Interested: the seeker's caseworker hears of it (every
    caseworker of the municipality when the seeker has none). Introduced: the seeker hears the
    employer now knows their name, and the employer's people (except whoever did it) hear of
    the candidate. The workflow never enters a status twice, so (kind, application) names the event.
    """
    application = (Application.objects.select_related("seeker__caseworker__user", "role")
                   .get(pk=application.pk))
    seeker = application.seeker
    wanted: list[tuple[str, str, str]] = []
    if to_status == S.PROPOSED:
        wanted.append((NotificationKind.SEEKER_INVITED, seeker.email, seeker.preferred_language))
    elif to_status == S.INTERESTED:
        wanted += [(NotificationKind.CASEWORKER_INTEREST, email, DEFAULT_LANGUAGE)
                   for email in _caseworker_recipients(seeker)]
    elif to_status == S.INTRODUCED:
        wanted.append((NotificationKind.SEEKER_INTRODUCED, seeker.email, seeker.preferred_language))
        members = (get_user_model().objects.filter(memberships__organisation_id=application.role.organisation_id)
                   .exclude(email="").exclude(pk=getattr(actor_user, "pk", None)).distinct()
                   .values_list("email", flat=True))
        wanted += [(NotificationKind.EMPLOYER_INTRODUCED, email, DEFAULT_LANGUAGE) for email in members]
    recorded = [
        notification_record(kind=kind, recipient=recipient, language=language, application=application,
                            event=f"application:{application.pk}", wake=False)
        for kind, recipient, language in wanted
    ]
    recorded = [notification for notification in recorded if notification is not None]
    notifications_wake_on_commit([notification.pk for notification in recorded])
    return recorded


@transaction.atomic
def notifications_record_for_role_ending(*, role: Role) -> list[Notification]:
    """Record the reminder to every member of the role's organisation that the role ends on its end date.

    The end date is part of the event: a role whose end date moves gets one reminder for the new date.
    Returns the rows recorded now; members reminded before are left out.
    """
    event = f"role:{role.pk}:ends:{role.end_date.isoformat()}"
    kind = NotificationKind.EMPLOYER_ROLE_ENDING
    members = (get_user_model().objects.filter(memberships__organisation_id=role.organisation_id)
               .exclude(email="").distinct().values_list("email", flat=True))
    keys = {idempotency_key(kind, event, email): email for email in members}
    reminded = set(Notification.objects.filter(idempotency_key__in=keys).values_list("idempotency_key", flat=True))
    recorded = [
        notification_record(kind=kind, recipient=email, language=DEFAULT_LANGUAGE, role=role, event=event,
                            wake=False)
        for key, email in keys.items() if key not in reminded
    ]
    recorded = [notification for notification in recorded if notification is not None]
    notifications_wake_on_commit([notification.pk for notification in recorded])
    return recorded


def _caseworker_recipients(seeker: JobSeeker) -> list[str]:
    """The seeker's own caseworker; without one, every caseworker of the seeker's municipality."""
    if seeker.caseworker is not None and seeker.caseworker.user.email:
        return [seeker.caseworker.user.email]
    return list(Caseworker.objects.filter(municipality_id=seeker.municipality_id).exclude(user__email="")
                .values_list("user__email", flat=True).distinct())


def service_request_recipient(service_request: ServiceRequest) -> str:
    """Whom a request's e-mails go to: the resident, else the person who filed it, else the association."""
    if service_request.requester_email:
        return service_request.requester_email
    if service_request.created_by_id and service_request.created_by.email:
        return service_request.created_by.email
    return service_request.organisation.email if service_request.organisation_id else ""


@transaction.atomic
def notification_record_for_service_request(*, service_request: ServiceRequest) -> Notification | None:
    """Record the e-mail that tells the requester their request has its current status.

    The first status (submitted) is the confirmation; every later one is news. A request never
    returns to a status, so (request, status) names the event.
    """
    status = service_request.status
    kind = (NotificationKind.SERVICE_REQUEST_RECEIVED if status == ServiceRequestStatus.SUBMITTED
            else NotificationKind.SERVICE_REQUEST_UPDATE)
    return notification_record(
        kind=kind, recipient=service_request_recipient(service_request), language=service_request.language,
        service_request=service_request, event=f"service_request:{service_request.pk}:{status}",
        params={"status": status},
    )


# Delivery state --------------------------------------------------------------------------------------------

def retry_delay(attempts: int) -> timedelta:
    """The wait after the ``attempts``-th failed attempt: BASE, 2×BASE, 4×BASE …, never more than MAX."""
    base = settings.NOTIFICATION_RETRY_BASE_SECONDS
    seconds = min(base * 2 ** max(attempts - 1, 0), settings.NOTIFICATION_RETRY_MAX_SECONDS)
    return timedelta(seconds=seconds)


def notification_claim_next(*, ids: list[int] | None = None) -> Notification | None:
    """Claim the next due row (among ``ids`` when given) for this worker, or None when nothing is due.

    A row whose lease ran out on its last allowed attempt is marked failed instead of claimed:
    its worker may have sent it already, and the attempts are spent.
    """
    for _scan in range(CLAIM_SCAN_LIMIT):
        with transaction.atomic():
            now = timezone.now()
            due = Notification.objects.due(now)
            if ids is not None:
                due = due.filter(pk__in=ids)
            notification = due.select_for_update(skip_locked=True).order_by("next_attempt_at", "pk").first()
            if notification is None:
                return None
            if notification.attempts >= settings.NOTIFICATION_MAX_ATTEMPTS:
                notification.status = NotificationStatus.FAILED
                notification.claimed_until, notification.claim_token = None, ""
                notification.last_error = "The worker stopped during the last attempt."
                notification.save(update_fields=["status", "claimed_until", "claim_token", "last_error"])
                continue
            notification.status = NotificationStatus.SENDING
            notification.attempts += 1
            notification.claimed_until = now + timedelta(seconds=settings.NOTIFICATION_LEASE_SECONDS)
            notification.claim_token = uuid.uuid4().hex
            notification.save(update_fields=["status", "attempts", "claimed_until", "claim_token"])
            return notification
    return None


def _held(notification: Notification):
    """The row, as long as this worker still holds the lease it was claimed with."""
    return Notification.objects.filter(pk=notification.pk, status=NotificationStatus.SENDING,
                                       claim_token=notification.claim_token)


def notification_mark_sent(*, notification: Notification) -> bool:
    """Mark a claimed row sent; False when the lease had run out and another worker took it over."""
    updated = _held(notification).update(status=NotificationStatus.SENT, sent_at=timezone.now(), claimed_until=None,
                                         claim_token="", last_error="")
    if not updated:
        logger.warning("Notification %s was sent after its lease ran out.", notification.pk)
    return bool(updated)


def notification_mark_attempt_failed(*, notification: Notification, error: str, permanent: bool = False) -> str:
    """Schedule the next attempt with back-off, or mark the row failed when attempts are spent or
    the mail server refused for good. Returns the row's new status."""
    exhausted = permanent or notification.attempts >= settings.NOTIFICATION_MAX_ATTEMPTS
    status = NotificationStatus.FAILED if exhausted else NotificationStatus.PENDING
    changes = {"status": status, "claimed_until": None, "claim_token": "", "last_error": error[:LAST_ERROR_MAX_LENGTH]}
    if not exhausted:
        changes["next_attempt_at"] = timezone.now() + retry_delay(notification.attempts)
    _held(notification).update(**changes)
    return status


def notifications_retry_failed(*, ids: list[int] | None = None) -> int:
    """Give failed rows a fresh set of attempts (after staff fixed the cause); returns how many."""
    with transaction.atomic():
        failed = Notification.objects.failed()
        if ids is not None:
            failed = failed.filter(pk__in=ids)
        retried = list(failed.values_list("pk", flat=True))
        Notification.objects.filter(pk__in=retried).update(
            status=NotificationStatus.PENDING, attempts=0, next_attempt_at=timezone.now(), last_error="")
        notifications_wake_on_commit(retried)
    return len(retried)


def notifications_purge_sent(*, older_than: timedelta | None = None) -> int:
    """Delete sent rows older than ``NOTIFICATION_KEEP_DAYS``: they hold addresses nobody needs any more."""
    older_than = older_than if older_than is not None else timedelta(days=settings.NOTIFICATION_KEEP_DAYS)
    deleted, _by_model = Notification.objects.filter(status=NotificationStatus.SENT,
                                                     sent_at__lt=timezone.now() - older_than).delete()
    return deleted
