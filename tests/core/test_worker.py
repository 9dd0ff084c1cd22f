"""The hub's task worker (core/worker.py, core/taskqueue.py): it waits out database
outages, beats, takes up the tasks of dead workers, retries failures and runs periodic
commands. Nothing here sleeps: the worker's clock, sleep and randomness are fakes."""

import logging
import random
import subprocess
import threading
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command, get_commands
from django.core.management.base import CommandError
from django.db import connection
from django.db.utils import OperationalError
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core import taskqueue
from core.models import PeriodicRun, WorkerHeartbeat
from core.worker import OUTAGE_MAX_DELAY, HubWorker, Pulse
from tests.core import worker_tasks

pytestmark = pytest.mark.django_db


class FakeTime:
    """The worker's sleep and monotonic clock: sleeping moves the clock on at once."""

    def __init__(self):
        self.now = 1000.0
        self.sleeps = []
        self.after_sleep = None

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.now += seconds
        if self.after_sleep:
            self.after_sleep(len(self.sleeps))

    def monotonic(self):
        return self.now


class Outage:
    """Every query but savepoints fails with a connection error while ``down``, as from a
    database that went away (the test's own transaction stays usable)."""

    def __init__(self):
        self.down = False
        self.refused = 0

    def __call__(self, execute, sql, params, many, context):
        if self.down and "SAVEPOINT" not in sql.upper():
            self.refused += 1
            raise OperationalError("connection to server failed: Connection refused")
        return execute(sql, params, many, context)


@pytest.fixture
def database_tasks(settings, monkeypatch):
    settings.TASKS = {"default": {"BACKEND": settings.TASKS_BACKENDS["database"]}}
    # The worker drops "old" connections between turns; inside the test's transaction that
    # would close the test's own connection.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    worker_tasks.CALLS.clear()
    worker_tasks.HOOK.clear()
    yield
    worker_tasks.HOOK.clear()


@pytest.fixture
def fake_time():
    return FakeTime()


@pytest.fixture
def make_worker(database_tasks, fake_time):
    def make(worker_id="test-worker", **options):
        defaults = {
            "queue_names": ["default"],
            "interval": 1,
            "batch": True,
            "backend_name": "default",
            "startup_delay": False,
            "max_tasks": None,
            "worker_id": worker_id,
            "excluded_queue_names": [],
            "sleep": fake_time.sleep,
            "monotonic": fake_time.monotonic,
            "rng": random.Random(28),
            "periodic": [],
        }
        worker = HubWorker(**{**defaults, **options})
        worker.closed = 0

        def close_connections():
            # A new connection starts clean: what the refused queries marked is forgotten.
            worker.closed += 1
            connection.needs_rollback = False

        worker.close_connections = close_connections
        return worker

    return make


def result_of(task_result):
    return DBTaskResult.objects.get(pk=task_result.id)


def dead_pid():
    process = subprocess.Popen(["true"])  # noqa: S607 - a process that is gone at once
    process.wait()
    return process.pid


def heartbeat(worker_id, *, age=timedelta(0), host="another-host", pid=1):
    return WorkerHeartbeat.objects.create(
        worker_id=worker_id,
        host=host,
        pid=pid,
        started_at=timezone.now() - timedelta(hours=1),
        beat_at=timezone.now() - age,
    )


def running_task(worker_id, *, started=timedelta(seconds=5), attempts=1, value="taken up"):
    result = worker_tasks.record.enqueue(value)
    row = result_of(result)
    row.status = TaskResultStatus.RUNNING
    row.started_at = timezone.now() - started
    row.worker_ids = [f"earlier-{n}" for n in range(attempts - 1)] + [worker_id]
    row.save()
    return row


# --- the command -----------------------------------------------------------------------


def test_db_worker_is_the_hubs_command():
    assert get_commands()["db_worker"] == "core"


def test_the_command_runs_the_queue_with_the_hubs_worker(database_tasks):
    result = worker_tasks.record.enqueue("from the command")
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0, stdout=StringIO())
    assert result_of(result).status == TaskResultStatus.SUCCESSFUL
    # It signed off: no heartbeat is left behind by a worker that stopped cleanly.
    assert not WorkerHeartbeat.objects.exists()


@pytest.mark.parametrize(
    "entry",
    [("check_index", "--fix", 3600), ("check_index", 3600), ("check_index", [], "hourly"), "x"],
)
def test_a_bad_periodic_setting_is_a_clear_error(database_tasks, settings, entry):
    settings.WORKER_PERIODIC_COMMANDS = [entry]
    with pytest.raises(CommandError, match="WORKER_PERIODIC_COMMANDS: .* is not"):
        call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)


# --- database outages --------------------------------------------------------------------


def test_the_worker_waits_out_a_database_outage_and_resumes(make_worker, fake_time, caplog):
    result = worker_tasks.record.enqueue("after the outage")
    outage = Outage()
    outage.down = True
    fake_time.after_sleep = lambda slept: setattr(outage, "down", slept < 4)
    worker = make_worker(max_tasks=1, batch=False)
    with caplog.at_level(logging.INFO, logger="hub.tasks"), connection.execute_wrapper(outage):
        worker.run()  # returns after its one task: the outage never ended it
    assert result_of(result).status == TaskResultStatus.SUCCESSFUL
    assert worker_tasks.CALLS == ["after the outage"]
    assert outage.refused == 4
    assert worker.closed == 4
    # Each wait doubles (less up to half at random), never beyond the cap.
    waits = fake_time.sleeps
    assert len(waits) == 4
    for n, wait in enumerate(waits):
        assert 0.25 * 2**n <= wait <= 0.5 * 2**n
    messages = [record.getMessage() for record in caplog.records]
    assert sum("database is unavailable" in message for message in messages) == 1
    assert sum("database is back" in message for message in messages) == 1


def test_a_long_outage_is_retried_every_few_seconds_at_most(make_worker, fake_time):
    outage = Outage()
    outage.down = True
    fake_time.after_sleep = lambda slept: setattr(outage, "down", slept < 12)
    worker = make_worker()
    with connection.execute_wrapper(outage):
        worker.run()
    assert len(fake_time.sleeps) == 12
    assert max(fake_time.sleeps) <= OUTAGE_MAX_DELAY
    assert min(fake_time.sleeps[-4:]) >= OUTAGE_MAX_DELAY / 2


def test_a_task_claimed_when_the_database_went_away_runs_again(make_worker, fake_time):
    result = worker_tasks.record.enqueue("interrupted")
    outage = Outage()

    def go_down_once(value):
        if not outage.refused:
            outage.down = True
            raise OperationalError("server closed the connection unexpectedly")

    worker_tasks.HOOK["during"] = go_down_once
    fake_time.after_sleep = lambda slept: setattr(outage, "down", slept < 2)
    worker = make_worker()
    with connection.execute_wrapper(outage):
        worker.run()
    row = result_of(result)
    assert row.status == TaskResultStatus.SUCCESSFUL
    assert row.worker_ids == ["test-worker", "test-worker"]  # claimed, handed back, run
    assert worker_tasks.CALLS == ["interrupted"]


# --- heartbeat -------------------------------------------------------------------------


def test_the_heartbeat_names_the_worker_and_the_task_it_runs(make_worker):
    seen = []

    def look(value):
        seen.append(WorkerHeartbeat.objects.values("task_id", "host", "pid").get())

    worker_tasks.HOOK["during"] = look
    result = worker_tasks.record.enqueue("watched")
    worker = make_worker()
    worker.step()
    beat = WorkerHeartbeat.objects.get(worker_id="test-worker")
    assert seen == [{"task_id": result_of(result).pk, "host": taskqueue.HOST, "pid": beat.pid}]
    assert beat.task_id is None  # done with it
    assert taskqueue.is_live(beat, timezone.now())


def test_a_long_task_is_beaten_for_from_another_thread(make_worker):
    beats = []
    two_beats = threading.Event()
    worker = make_worker(heartbeat_seconds=0.001)

    def beat(task=None):
        beats.append(threading.current_thread().name)
        if beats.count("worker-heartbeat") >= 2:
            two_beats.set()

    worker.beat = beat
    worker_tasks.HOOK["during"] = lambda value: two_beats.wait(timeout=10)
    result = worker_tasks.record.enqueue("long")
    worker.run_task(worker.claim_next()[1])
    assert result_of(result).status == TaskResultStatus.SUCCESSFUL
    assert beats.count("worker-heartbeat") >= 2


def test_the_heartbeat_thread_closes_its_connection(monkeypatch):
    from django.db import connections

    closed_in = []
    monkeypatch.setattr(
        connections, "close_all", lambda: closed_in.append(threading.current_thread().name)
    )
    beaten = threading.Event()
    with Pulse(beaten.set, 0.001):
        assert beaten.wait(timeout=10)
    assert closed_in == ["worker-heartbeat"]


def test_a_failed_beat_is_logged_once_and_the_next_one_reconnects(caplog, monkeypatch):
    from django.db import connections

    calls, closed = [], []
    monkeypatch.setattr(connections, "close_all", lambda: closed.append(len(calls)))
    three = threading.Event()

    def failing_beat():
        calls.append(1)
        if len(calls) == 3:
            three.set()
        raise OperationalError("gone")

    with caplog.at_level(logging.WARNING, logger="hub.tasks"), Pulse(failing_beat, 0.001):
        assert three.wait(timeout=10)
    assert caplog.text.count("Heartbeat failed") == 1
    assert closed[:3] == [1, 2, 3]  # after each failure, then once at the end


# --- leases ----------------------------------------------------------------------------


def test_the_task_of_a_worker_silent_beyond_the_lease_is_taken_up_and_run(make_worker):
    heartbeat("silent-worker", age=timedelta(seconds=31))
    row = running_task("silent-worker")
    make_worker().run()
    row.refresh_from_db()
    assert row.status == TaskResultStatus.SUCCESSFUL
    assert row.worker_ids == ["silent-worker", "test-worker"]
    assert worker_tasks.CALLS == ["taken up"]


def test_the_task_of_a_gone_process_on_this_host_is_taken_up_at_once(make_worker):
    heartbeat("killed-worker", host=taskqueue.HOST, pid=dead_pid())
    row = running_task("killed-worker")
    make_worker().run()
    row.refresh_from_db()
    assert row.status == TaskResultStatus.SUCCESSFUL
    assert row.worker_ids == ["killed-worker", "test-worker"]


def test_the_task_of_a_live_worker_is_left_alone(make_worker):
    heartbeat("busy-worker", age=timedelta(seconds=3))
    row = running_task("busy-worker", started=timedelta(minutes=20))
    make_worker().run()
    row.refresh_from_db()
    assert row.status == TaskResultStatus.RUNNING
    assert worker_tasks.CALLS == []


def test_a_task_without_any_heartbeat_waits_out_the_lease(make_worker):
    recent = running_task("unknown-worker", started=timedelta(seconds=5), value="recent")
    old = running_task("unknown-worker", started=timedelta(seconds=31), value="old")
    make_worker().run()
    recent.refresh_from_db()
    old.refresh_from_db()
    assert recent.status == TaskResultStatus.RUNNING
    assert old.status == TaskResultStatus.SUCCESSFUL


def test_a_task_that_lost_its_worker_every_time_ends_failed(make_worker, settings):
    settings.WORKER_MAX_ATTEMPTS = 3
    row = running_task("last-worker", started=timedelta(minutes=5), attempts=3)
    make_worker().run()
    row.refresh_from_db()
    assert row.status == TaskResultStatus.FAILED
    assert row.exception_class_path == taskqueue.WORKER_LOST
    assert "last-worker" in row.traceback
    assert worker_tasks.CALLS == []


def test_silent_heartbeats_are_forgotten_after_ten_leases(make_worker):
    heartbeat("long-gone", age=timedelta(minutes=6))
    heartbeat("recently-gone", age=timedelta(minutes=1))
    make_worker().run()
    assert set(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == {"recently-gone"}


# --- retries ---------------------------------------------------------------------------


def test_a_failing_task_is_retried_later_then_left_failed(make_worker, settings):
    settings.WORKER_MAX_ATTEMPTS = 3
    settings.WORKER_RETRY_DELAY_SECONDS = 10
    result = worker_tasks.fail.enqueue("broken")
    delays = []
    for attempt in (1, 2, 3):
        before = timezone.now()
        make_worker(worker_id=f"worker-{attempt}").run()
        row = result_of(result)
        assert len(row.worker_ids) == attempt
        if attempt < 3:
            assert row.status == TaskResultStatus.READY
            assert row.exception_class_path == "builtins.ValueError"
            delays.append((row.run_after - before).total_seconds())
            # Not before its time: a worker now finds nothing to do.
            make_worker(worker_id="too-early").run()
            assert len(result_of(result).worker_ids) == attempt
            DBTaskResult.objects.filter(pk=row.pk).update(run_after=timezone.now())
    assert row.status == TaskResultStatus.FAILED
    assert "ValueError: broken" in row.traceback
    assert worker_tasks.CALLS == ["broken"] * 3
    assert 7.5 <= delays[0] <= 10.5
    assert 15 <= delays[1] <= 20.5


def test_an_index_update_of_a_deleted_object_is_done_not_retried(make_worker):
    from modelsearch.tasks import insert_or_update_object_task

    from practices.models import Organisation

    organisation = Organisation.objects.create(name="Gone before indexed", type="ngo")
    update = DBTaskResult.objects.get(
        task_path=insert_or_update_object_task.module_path,
        args_kwargs__args=["practices", "organisation", str(organisation.pk)],
    )  # queued by the save
    organisation.delete()  # before the worker gets to the update
    make_worker().run()
    row = DBTaskResult.objects.get(pk=update.pk)
    assert row.status == TaskResultStatus.SUCCESSFUL
    assert len(row.worker_ids) == 1
    assert row.exception_class_path.endswith("Organisation.DoesNotExist")


def test_an_index_update_failing_otherwise_is_still_retried(make_worker):
    from modelsearch.tasks import insert_or_update_object_task

    result = insert_or_update_object_task.enqueue("practices", "nosuchmodel", "1")
    make_worker().run()
    row = result_of(result)
    assert row.status == TaskResultStatus.READY  # queued again, after its delay
    assert row.exception_class_path == "builtins.LookupError"


def test_retry_delays_grow_to_an_hour_at_most(settings):
    settings.WORKER_RETRY_DELAY_SECONDS = 10
    rng = random.Random(1)
    assert taskqueue.retry_delay(1, rng) <= timedelta(seconds=10)
    assert taskqueue.retry_delay(3, rng) >= timedelta(seconds=30)
    assert taskqueue.retry_delay(30, rng) <= taskqueue.RETRY_DELAY_CAP


# --- periodic commands -----------------------------------------------------------------


@pytest.fixture
def commands_run(monkeypatch):
    calls = []

    def fake_call_command(name, *args, **options):
        calls.append((name, *args))
        if name == "broken_command":
            raise CommandError("the index is unreachable")
        options["stdout"].write("3 missing, 0 stale, 0 extra; fixed.")

    monkeypatch.setattr("core.worker.call_command", fake_call_command)
    return calls


def test_a_periodic_command_runs_at_its_interval_across_workers(
    make_worker, fake_time, commands_run
):
    periodic = [("check_index", ["--fix"], 3600)]
    first = make_worker(batch=False, periodic=periodic)
    first.keep_up()
    assert commands_run == [("check_index", "--fix")]
    fake_time.now += 60
    first.keep_up()  # a minute later: not due
    make_worker(worker_id="restarted", batch=False, periodic=periodic).keep_up()
    assert len(commands_run) == 1
    run = PeriodicRun.objects.get(name="check_index --fix")
    assert run.succeeded is True
    PeriodicRun.objects.update(started_at=timezone.now() - timedelta(seconds=3601))
    fake_time.now += 60
    first.keep_up()
    assert len(commands_run) == 2


def test_a_failing_periodic_command_is_logged_and_the_worker_goes_on(
    make_worker, commands_run, caplog
):
    result = worker_tasks.record.enqueue("still worked off")
    worker = make_worker(batch=False, max_tasks=1, periodic=[("broken_command", [], 60)])
    with caplog.at_level(logging.INFO, logger="hub.tasks"):
        worker.run()
    assert commands_run == [("broken_command",)]
    assert "manage.py broken_command` failed" in caplog.text
    assert PeriodicRun.objects.get(name="broken_command").succeeded is False
    assert result_of(result).status == TaskResultStatus.SUCCESSFUL


def test_no_periodic_command_runs_by_default(make_worker, commands_run):
    worker = HubWorker(
        queue_names=["default"],
        interval=1,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="default-settings",
        excluded_queue_names=[],
    )
    assert worker.periodic == []


def test_a_worker_restarted_under_the_same_id_takes_up_what_it_left(make_worker):
    heartbeat("fixed-id", host=taskqueue.HOST, pid=dead_pid())
    row = running_task("fixed-id", started=timedelta(seconds=2))
    make_worker(worker_id="fixed-id").run()
    row.refresh_from_db()
    assert row.status == TaskResultStatus.SUCCESSFUL
    assert row.worker_ids == ["fixed-id", "fixed-id"]


def test_a_stop_signal_lets_a_periodic_command_finish(make_worker, monkeypatch):
    import signal

    worker = make_worker(batch=False, periodic=[("check_index", [], 60)])

    def stopped_midway(name, *args, **options):
        worker.shutdown(signal.SIGTERM, None)  # as when systemd stops the worker now
        options["stdout"].write("finished all the same")

    monkeypatch.setattr("core.worker.call_command", stopped_midway)
    worker.keep_up()
    assert PeriodicRun.objects.get(name="check_index").succeeded is True
    assert worker.running is False
