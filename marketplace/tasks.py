"""Background tasks. E-mails are not sent by their own tasks: they wait in the notification outbox.

The services record each e-mail in the transaction of the change (marketplace/services/notifications.py)
and queue ``deliver_notifications`` after the commit to wake the worker. The task only works on
rows that are due, so running it twice, or again after its worker died, sends nothing twice.
"""

from django_tasks import task

from marketplace.notifications import deliver_due, next_due_at

# Tasks that may be queued again when their worker died while running them (see ``recover_tasks``).
RETRY_SAFE_TASKS = frozenset({"marketplace.tasks.deliver_notifications"})


@task()
def deliver_notifications(notification_ids: list[int] | None = None) -> dict:
    """Send the due notifications among ``notification_ids`` (all due ones when None).

    When some of them wait for a retry (or for another worker's lease to run out), a follow-up
    run is queued for that moment, on backends that can defer a task; otherwise the periodic
    ``manage.py deliver_notifications`` picks them up.
    """
    report = deliver_due(ids=notification_ids)
    if notification_ids:
        _follow_up(notification_ids)
    return report.as_dict()


def _follow_up(notification_ids: list[int]) -> None:
    moment = next_due_at(notification_ids)
    backend = deliver_notifications.get_backend()
    if moment is not None and backend.supports_defer:
        deliver_notifications.using(run_after=moment).enqueue(notification_ids=notification_ids)
