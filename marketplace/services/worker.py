"""Writes that keep the task queue honest when a worker dies.

django-tasks' database backend marks a task RUNNING when a worker takes it and only changes that
when the worker finishes; a worker killed in between leaves the task RUNNING for ever, and no
other worker will touch it. ``tasks_recover_stuck`` marks such tasks failed (so they show up as
failed, with the reason) and queues a fresh copy of those that are safe to run twice.
"""

import logging
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks_db.models import DBTaskResult

from marketplace.tasks import RETRY_SAFE_TASKS

logger = logging.getLogger(__name__)
# Rows one recovery run handles, so that it ends in bounded time.
RECOVERY_BATCH = 100


class WorkerLost(Exception):
    """Stored as the error of a task whose worker stopped while running it."""


@dataclass
class Recovery:
    failed: list[str] = field(default_factory=list)
    requeued: list[str] = field(default_factory=list)


def tasks_recover_stuck(*, older_than: timedelta) -> Recovery:
    """Mark tasks RUNNING for longer than ``older_than`` failed, and queue again the retry-safe ones."""
    recovery = Recovery()
    with transaction.atomic():
        stuck = list(DBTaskResult.objects.running().filter(started_at__lt=timezone.now() - older_than)
                     .select_for_update(skip_locked=True).order_by("started_at")[:RECOVERY_BATCH])
        for result in stuck:
            result.set_failed(WorkerLost(f"Still running after {older_than}; its worker has stopped."))
            recovery.failed.append(str(result.id))
            if result.task_path not in RETRY_SAFE_TASKS:
                continue
            task = import_string(result.task_path).using(backend=result.backend_name, queue_name=result.queue_name,
                                                         priority=result.priority)
            copy = task.enqueue(*result.args_kwargs["args"], **result.args_kwargs["kwargs"])
            recovery.requeued.append(str(copy.id))
    if recovery.failed:
        logger.warning("Recovered %d task(s) left running by a stopped worker; queued %d again.",
                       len(recovery.failed), len(recovery.requeued))
    return recovery
