"""The hub's task worker: django-tasks' database worker (``manage.py db_worker``, from
``django_tasks_db``), made to keep going on its own in production.

django_tasks_db's worker exits at the first connection error (a database restart stopped
the index updates until someone restarted it by hand), and knows nothing of workers that
died. This one, a subclass run by the hub's ``db_worker`` command
(core/management/commands/db_worker.py):

- waits out a database outage: a connection error anywhere in its loop closes the
  connections and tries again after a delay that doubles up to a few seconds (with jitter),
  logged once per outage; a task it had claimed goes back to the queue when it can;
- beats (``WorkerHeartbeat``) every few seconds, from a thread of its own while a task
  runs, so a long task never looks like a dead worker;
- takes up the tasks of dead workers and retries failed ones (the rules are in
  ``core.taskqueue``);
- runs the management commands of ``WORKER_PERIODIC_COMMANDS`` at their interval, counted
  across workers and restarts (``PeriodicRun``).

The clock, the sleep and the randomness are parameters, so the tests never sleep.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import random
import threading
import time
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.db import IntegrityError, connections, transaction
from django.db.utils import InterfaceError, OperationalError
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands import db_worker as base
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from . import taskqueue
from .models import PeriodicRun, WorkerHeartbeat

logger = logging.getLogger("hub.tasks")

CONNECTION_ERRORS = (OperationalError, InterfaceError)
#: The first wait after a connection error, and the longest: the database is tried again
#: at least every few seconds, so the worker resumes soon after it is back.
OUTAGE_FIRST_DELAY = 0.5
OUTAGE_MAX_DELAY = 4.0
#: Heartbeats of workers silent this many leases are removed (their tasks were taken up).
FORGET_AFTER_LEASES = 10
_KEEP = object()


class Outage:
    """Connection errors in a row: the delay before the next try, and one log line when an
    outage starts and one when it ends (not one per try)."""

    def __init__(self, rng: random.Random, monotonic: Callable[[], float]):
        self.rng = rng
        self.monotonic = monotonic
        self.failures = 0
        self.since = 0.0

    def failed(self, error: BaseException) -> float:
        """Count a failure; the seconds to wait before the next try."""
        if not self.failures:
            self.since = self.monotonic()
            logger.warning(
                "The database is unavailable (%s: %s); the worker keeps trying.",
                type(error).__name__,
                str(error).strip().splitlines()[0] if str(error).strip() else "",
            )
        self.failures += 1
        delay = min(OUTAGE_MAX_DELAY, OUTAGE_FIRST_DELAY * 2 ** (self.failures - 1))
        return delay * (0.5 + 0.5 * self.rng.random())

    def recovered(self) -> None:
        if self.failures:
            logger.warning(
                "The database is back after %.1f s (%d tries); the worker resumes.",
                self.monotonic() - self.since,
                self.failures,
            )
            self.failures = 0


class Pulse:
    """Calls ``beat`` every ``every`` seconds from a thread of its own, for as long as the
    ``with`` block lasts (a task, a periodic command). The thread uses, and closes, a
    database connection of its own; a failed beat is logged, never raised."""

    def __init__(self, beat: Callable[[], None], every: float):
        self.beat = beat
        self.every = every
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="worker-heartbeat", daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc_info):
        self.stop.set()
        self.thread.join()

    def _run(self) -> None:
        failed = False
        try:
            while not self.stop.wait(self.every):
                try:
                    self.beat()
                except Exception as error:  # noqa: BLE001 - the task goes on regardless
                    if not failed:
                        logger.warning("Heartbeat failed during a task: %s", error)
                    failed = True
                    connections.close_all()  # the next beat connects afresh
        finally:
            connections.close_all()


def periodic_commands() -> list[tuple[str, list[str], float]]:
    """``WORKER_PERIODIC_COMMANDS`` checked: (command, [arguments], seconds) each.

    Raises:
        ValueError: naming the setting and the entry that is not of that form.
    """
    commands = []
    for entry in settings.WORKER_PERIODIC_COMMANDS:
        try:
            name, args, seconds = entry
            valid = isinstance(name, str) and not isinstance(args, str) and float(seconds) > 0
            args = [str(arg) for arg in args]
        except (TypeError, ValueError):
            valid = False
        if not valid:
            raise ValueError(
                f"WORKER_PERIODIC_COMMANDS: {entry!r} is not (command, [arguments], seconds)"
            )
        commands.append((name, args, float(seconds)))
    return commands


class HubWorker(base.Worker):
    """django_tasks_db's worker with leases, retries, heartbeats and periodic commands, that
    waits out database outages instead of exiting."""

    def __init__(
        self,
        *,
        sleep: Callable[[float], None] = time.sleep,
        monotonic: Callable[[], float] = time.monotonic,
        rng: random.Random | None = None,
        heartbeat_seconds: float | None = None,
        periodic: list[tuple[str, list[str], float]] | None = None,
        **kwargs,
    ):
        super().__init__(**kwargs)
        self.sleep = sleep
        self.monotonic = monotonic
        self.rng = rng or random.Random()  # noqa: S311 - jitter, not secrets
        self.heartbeat_seconds = heartbeat_seconds or settings.WORKER_HEARTBEAT_SECONDS
        self.periodic = periodic_commands() if periodic is None else periodic
        self.outage = Outage(self.rng, monotonic)
        self.started_at = timezone.now()
        self.took_up_leftovers = False
        self.next_keep_up = 0.0
        # The task claimed and not yet recorded as finished: handed back after an outage.
        self.claimed: DBTaskResult | None = None

    # --- the loop ---------------------------------------------------------------------

    def run(self) -> None:
        logger.info(
            "Starting worker %s on %s (pid %d), queues %s.",
            self.worker_id,
            taskqueue.HOST,
            os.getpid(),
            ",".join(self.queue_names),
        )
        if self.startup_delay and self.interval:
            self.sleep(self.rng.random())  # no thundering herd of workers started together
        try:
            while self.running:
                try:
                    ran = self.step()
                except CONNECTION_ERRORS as error:
                    self.wait_out(error)
                    continue
                if ran is None:
                    return
                if self.running and not ran:
                    self.sleep(self.interval)
        finally:
            self.sign_off()

    def step(self) -> bool | None:
        """One turn: keep up, then claim and run one task. True when a task ran, False when
        there was none, None when the worker is done (``--batch``, ``--max-tasks``)."""
        base.close_old_connections()  # through the base module, as tests patch it there
        self.keep_up()
        retrieved, task = self.claim_next()
        self.outage.recovered()  # the queue could be read
        if task is not None:
            self.run_task(task)
        if self.batch and retrieved and task is None:
            logger.info("No more tasks for worker %s; exiting.", self.worker_id)
            return None
        if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
            logger.info("Worker %s ran its %d tasks; exiting.", self.worker_id, self._run_tasks)
            return None
        base.close_old_connections()
        return task is not None

    def wait_out(self, error: BaseException) -> None:
        """After a connection error: drop the connections (a new one is opened on the next
        query) and wait before trying again. A locked SQLite database is no outage."""
        if isinstance(error, OperationalError) and is_locked_database_exception(error):
            self.sleep(self.interval or OUTAGE_FIRST_DELAY)
            return
        delay = self.outage.failed(error)
        self.close_connections()
        self.sleep(delay)

    def close_connections(self) -> None:
        for connection in connections.all(initialized_only=True):
            # A broken connection may fail to close; it is dropped all the same.
            with contextlib.suppress(Exception):
                connection.close()

    def keep_up(self) -> None:
        """Hand back a task an outage interrupted; every heartbeat interval, beat, take up
        the tasks of dead workers and run the periodic commands that are due."""
        if self.claimed is not None:
            taskqueue.release(self.claimed, timezone.now())
            self.claimed = None
        if self.monotonic() < self.next_keep_up:
            return
        self.beat()
        self.take_up_orphans()
        if not self.batch:
            self.run_periodic()
        self.next_keep_up = self.monotonic() + self.heartbeat_seconds

    def claim_next(self) -> tuple[bool, DBTaskResult | None]:
        """Claim the next ready task, as django_tasks_db's worker does. Returns (whether the
        queue could be read, the task or None)."""
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
        try:
            with exclusive_transaction(tasks.db):
                task = tasks.get_locked()
                if task is not None:
                    task.claim(self.worker_id)
        except OperationalError as error:
            if is_locked_database_exception(error):
                return False, None
            raise
        self.claimed = task
        return True, task

    def run_task(self, db_task_result: DBTaskResult) -> None:
        """Run a claimed task with the heartbeat naming it; a failure is retried later."""
        self.beat(task=db_task_result)
        with Pulse(self.beat, self.heartbeat_seconds):
            super().run_task(db_task_result)
        # The outcome is recorded (super() raises when it cannot write it).
        self.claimed = None
        if db_task_result.status == TaskResultStatus.FAILED and not taskqueue.nothing_left(
            db_task_result
        ):
            taskqueue.retry_later(db_task_result, timezone.now(), self.rng)
        self.beat(task=None)

    def sign_off(self) -> None:
        """On the way out: hand back an unfinished task and remove the heartbeat, if the
        database lets us (otherwise the lease does it)."""
        try:
            if self.claimed is not None:
                taskqueue.release(self.claimed, timezone.now())
            WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()
        except CONNECTION_ERRORS:
            logger.warning("Worker %s stopped without signing off.", self.worker_id)

    # --- heartbeat and leases ---------------------------------------------------------

    def beat(self, task=_KEEP) -> None:
        """Record that this worker is alive, and with ``task``, which task it now runs
        (None: none)."""
        now = timezone.now()
        # Host and process too: a worker started again under the same --worker-id is this
        # process now, not the one that is gone.
        fields = {"beat_at": now, "host": taskqueue.HOST, "pid": os.getpid()}
        if task is not _KEEP:
            fields["task_id"] = task.pk if task is not None else None
            fields["task_started_at"] = task.started_at if task is not None else None
        if not WorkerHeartbeat.objects.filter(worker_id=self.worker_id).update(**fields):
            WorkerHeartbeat.objects.create(
                worker_id=self.worker_id, started_at=self.started_at, **fields
            )

    def take_up_orphans(self) -> None:
        """Release the tasks of dead workers and, on the first pass, those still claimed
        under this worker's id by an earlier process (a restart with the same --worker-id:
        its heartbeat is this process's now, so no lease would ever end for them)."""
        now = timezone.now()
        orphans = taskqueue.orphaned_tasks(now, self.backend_name)
        if not self.took_up_leftovers:
            orphans += taskqueue.claimed_by(self.worker_id, self.backend_name)
        for task in orphans:
            taskqueue.release(task, now)
        self.took_up_leftovers = True
        forget_before = now - FORGET_AFTER_LEASES * taskqueue.lease()
        WorkerHeartbeat.objects.filter(beat_at__lt=forget_before).delete()

    # --- periodic commands ------------------------------------------------------------

    def run_periodic(self) -> None:
        for name, args, seconds in self.periodic:
            key = " ".join([name, *args])[:255]
            if self.take_turn(key, timedelta(seconds=seconds)):
                self.run_command(key, name, args)

    def take_turn(self, key: str, every: timedelta) -> bool:
        """Whether this worker runs ``key`` now: its last start (by any worker) is ``every``
        ago or more. The start is taken in one conditional update, so of several workers
        only one runs it."""
        now = timezone.now()
        runs = PeriodicRun.objects.filter(name=key)
        if runs.filter(started_at__lte=now - every).update(
            started_at=now, finished_at=None, succeeded=None
        ):
            return True
        if runs.exists():
            return False
        try:
            with transaction.atomic():
                PeriodicRun.objects.create(name=key, started_at=now)
        except IntegrityError:  # another worker took the first turn
            return False
        return True

    def run_command(self, key: str, name: str, args: list[str]) -> None:
        """Run one periodic command; its failure is logged and recorded, never raised."""
        output = io.StringIO()
        started = self.monotonic()
        succeeded = False
        # Like a task, a stop signal lets the command finish (a second one ends it).
        self.running_task = True
        with Pulse(self.beat, self.heartbeat_seconds):
            try:
                call_command(name, *args, stdout=output, stderr=output)
                succeeded = True
            except (Exception, SystemExit):
                logger.exception("Periodic command `manage.py %s` failed.", key)
            finally:
                self.running_task = False
        text = output.getvalue().strip()
        logger.info(
            "Periodic command `manage.py %s`: %s in %.1f s%s",
            key,
            "done" if succeeded else "failed",
            self.monotonic() - started,
            f":\n{text[-4000:]}" if text else ".",
        )
        PeriodicRun.objects.filter(name=key).update(finished_at=timezone.now(), succeeded=succeeded)
