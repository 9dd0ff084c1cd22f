"""The rules of the database task queue that the worker, ``/healthz`` and the admin share.

django-tasks' database backend queues a task as a row (``DBTaskResult``) that one worker
claims (``RUNNING``) and marks ``SUCCESSFUL`` or ``FAILED``. On its own it never looks at a
row again: a worker that dies mid-task leaves it ``RUNNING`` for ever, and a failure is
final. The hub adds, in one place:

- **leases**: a worker is live while its heartbeat (``WorkerHeartbeat``) is younger than
  ``WORKER_LEASE_SECONDS``, or at once dead when it ran on this host and its process is
  gone; the tasks a dead worker was running go back to ``READY`` (``orphaned_tasks``,
  ``release``);
- **retries**: a failed task is queued again after a growing delay until it has been tried
  ``WORKER_MAX_ATTEMPTS`` times (``retry_later``); then it stays ``FAILED`` and is listed
  for the admin, who may queue it once more (``requeue``);
- **one waiting update per object**: an index update queued while an identical one still
  waits is dropped (``coalesce``), so a publish, which saves its page several times,
  leaves one task.

Attempts are counted as django-tasks counts them: one worker id per claim (``worker_ids``).
"""

from __future__ import annotations

import logging
import os
import random
import socket
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks.base import TaskResultStatus
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult, get_date_max

from .models import WorkerHeartbeat

logger = logging.getLogger("hub.tasks")

#: Where a task lost with its worker is said to have failed (there is no exception).
WORKER_LOST = "core.taskqueue.WorkerLost"
#: Tasks whose work reads the current state of what they name when they run, so a second
#: one queued while the first still waits adds nothing.
COALESCED_TASKS = frozenset({"modelsearch.tasks.insert_or_update_object_task"})
#: The longest wait before a retry, whatever the attempt.
RETRY_DELAY_CAP = timedelta(hours=1)
#: Tasks for which "the object no longer exists" means there is nothing left to do: a
#: search-index update whose object was deleted before it ran (the delete itself took the
#: object out of the index). Retrying could never succeed, and listing it as failed would
#: only hide real failures.
GONE_IS_DONE = frozenset({"modelsearch.tasks.insert_or_update_object_task"})
HOST = socket.gethostname()


def lease() -> timedelta:
    """How long a worker stays live without a beat."""
    return timedelta(seconds=settings.WORKER_LEASE_SECONDS)


def max_attempts() -> int:
    return max(1, settings.WORKER_MAX_ATTEMPTS)


def uses_database_queue(alias: str = DEFAULT_TASK_BACKEND_ALIAS) -> bool:
    """True when tasks wait in the database for a worker (not run inline)."""
    return isinstance(task_backends[alias], DatabaseBackend)


def attempts(task: DBTaskResult) -> int:
    return len(task.worker_ids or ())


def process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: it exists
        return True
    return True


def is_live(beat: WorkerHeartbeat | None, now: datetime) -> bool:
    """Whether the worker of ``beat`` still counts as running its tasks.

    A process gone from this host is dead at once (a restarted worker takes its task back
    without waiting out the lease); elsewhere only the age of the beat can tell.
    """
    if beat is None:
        return False
    if beat.host == HOST and not process_exists(beat.pid):
        return False
    return beat.beat_at >= now - lease()


def live_workers(now: datetime) -> list[WorkerHeartbeat]:
    recent = WorkerHeartbeat.objects.filter(beat_at__gte=now - lease())
    return [beat for beat in recent if is_live(beat, now)]


def _running(backend_name: str | None) -> list[DBTaskResult]:
    """The tasks ``RUNNING`` (of one task backend, when named), with what a claim needs."""
    running = DBTaskResult.objects.running().only("id", "worker_ids", "started_at")
    if backend_name:
        running = running.filter(backend_name=backend_name)
    return list(running)


def orphaned_tasks(now: datetime, backend_name: str | None = None) -> list[DBTaskResult]:
    """Tasks ``RUNNING`` whose worker is dead.

    A task whose worker left no heartbeat at all (removed, or a worker without one) counts
    as orphaned once it has run longer than the lease, never before.
    """
    running = _running(backend_name)
    if not running:
        return []
    owners = {task.worker_ids[-1] for task in running if task.worker_ids}
    beats = {beat.worker_id: beat for beat in WorkerHeartbeat.objects.filter(worker_id__in=owners)}
    orphans = []
    for task in running:
        beat = beats.get(task.worker_ids[-1]) if task.worker_ids else None
        if beat is None:
            if task.started_at is None or task.started_at < now - lease():
                orphans.append(task)
        elif not is_live(beat, now):
            orphans.append(task)
    return orphans


def claimed_by(worker_id: str, backend_name: str | None = None) -> list[DBTaskResult]:
    """Tasks ``RUNNING`` whose last claim is ``worker_id``'s."""
    return [
        task
        for task in _running(backend_name)
        if task.worker_ids and task.worker_ids[-1] == worker_id
    ]


def release(task: DBTaskResult, now: datetime) -> str | None:
    """Take up a task whose worker is gone: ``READY`` again, or ``FAILED`` when it has used
    all its attempts (a task that kills its worker must not kill the next one for ever).

    Returns the new status, or None when the task had moved on meanwhile (finished, or
    claimed again): the update only applies to the claim that was seen.
    """
    claim = DBTaskResult.objects.filter(
        pk=task.pk, status=TaskResultStatus.RUNNING, started_at=task.started_at
    )
    owner = task.worker_ids[-1] if task.worker_ids else "?"
    if attempts(task) >= max_attempts():
        changed = claim.update(
            status=TaskResultStatus.FAILED,
            finished_at=now,
            exception_class_path=WORKER_LOST,
            traceback=(
                f"WorkerLost: worker {owner} stopped while running this task, "
                f"after {attempts(task)} attempts.\n"
            ),
            return_value=None,
        )
        status = TaskResultStatus.FAILED
    else:
        changed = claim.update(status=TaskResultStatus.READY)
        status = TaskResultStatus.READY
    if not changed:
        return None
    logger.warning(
        "Task %s, claimed by worker %s, was never finished: now %s (attempt %d of %d).",
        task.pk,
        owner,
        status,
        attempts(task),
        max_attempts(),
    )
    return status


def retry_delay(attempt: int, rng: random.Random | None = None) -> timedelta:
    """The wait before trying again after ``attempt`` failed: WORKER_RETRY_DELAY_SECONDS,
    doubled at each attempt, at most an hour, less up to a quarter at random so that the
    tasks failed by one outage do not all come back in the same second."""
    base = settings.WORKER_RETRY_DELAY_SECONDS
    delay = min(timedelta(seconds=base * 2 ** (attempt - 1)), RETRY_DELAY_CAP)
    return delay * (1 - 0.25 * (rng or random).random())


def nothing_left(task: DBTaskResult) -> bool:
    """Whether a task that has just failed did so because its object is gone, where that
    leaves nothing to do (``GONE_IS_DONE``); such a task is then recorded as done."""
    if task.task_path not in GONE_IS_DONE or not task.exception_class_path.endswith(
        ".DoesNotExist"
    ):
        return False
    DBTaskResult.objects.filter(pk=task.pk, status=TaskResultStatus.FAILED).update(
        status=TaskResultStatus.SUCCESSFUL, return_value=None
    )
    logger.info("Task %s (%s): its object is gone, nothing left to do.", task.pk, task.task_path)
    return True


def retry_later(task: DBTaskResult, now: datetime, rng: random.Random | None = None) -> bool:
    """Queue a task that has just failed again, after its delay, unless it has used all its
    attempts. The error stays on the row until the next attempt replaces it.

    Returns True when it was queued again.
    """
    if attempts(task) >= max_attempts():
        logger.error(
            "Task %s (%s) failed %d times; it stays failed (admin: Reports, Failed tasks).",
            task.pk,
            task.task_path,
            attempts(task),
        )
        return False
    delay = retry_delay(attempts(task), rng)
    DBTaskResult.objects.filter(pk=task.pk, status=TaskResultStatus.FAILED).update(
        status=TaskResultStatus.READY, run_after=now + delay, finished_at=None
    )
    logger.warning(
        "Task %s (%s) failed (attempt %d of %d, %s); trying again in %d s.",
        task.pk,
        task.task_path,
        attempts(task),
        max_attempts(),
        task.exception_class_path,
        delay.total_seconds(),
    )
    return True


def failed_tasks():
    """The tasks that used all their attempts, newest first (the admin's report)."""
    return DBTaskResult.objects.failed().order_by("-finished_at")


def requeue(task: DBTaskResult) -> bool:
    """Queue a failed task once more, at once (the admin's retry). Its earlier attempts
    stay counted, so a new failure leaves it failed again rather than starting a new round
    of retries."""
    return bool(
        DBTaskResult.objects.filter(pk=task.pk, status=TaskResultStatus.FAILED).update(
            status=TaskResultStatus.READY, run_after=get_date_max(), finished_at=None
        )
    )


def coalesce(sender, task_result, **kwargs) -> None:
    """``task_enqueued``: drop an index update when an identical one still waits.

    The waiting task reads the object when it runs, so it covers this change as long as no
    worker can start it before this change is committed. It is locked until then (workers
    skip locked rows; on SQLite the open transaction holds the write lock), and only a
    task never started counts: once a worker has begun one, the next change queues its own.
    """
    db_result = getattr(task_result, "db_result", None)
    if db_result is None or db_result.task_path not in COALESCED_TASKS:
        return
    same = DBTaskResult.objects.ready().filter(
        task_path=db_result.task_path,
        args_kwargs=db_result.args_kwargs,
        backend_name=db_result.backend_name,
        queue_name=db_result.queue_name,
        priority=db_result.priority,
        run_after=get_date_max(),
        started_at__isnull=True,
    )
    with transaction.atomic(using=same.db):
        waiting = (
            same.exclude(pk=db_result.pk)
            .order_by("enqueued_at")
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)
            .first()
        )
        if waiting is not None:
            same.filter(pk=db_result.pk).delete()
