"""/healthz: 200 when the database, the search index and the task queue are fine; 503 and
the failing check named when one is not."""

import datetime
import io
import json
import os
import shutil
import subprocess

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core import taskqueue
from core.indexing import index_updates
from core.models import WorkerHeartbeat
from core.tasks import extract_document_text
from countries.models import CountryPage
from tests.home.factories import network_page
from tests.practices.factories import publish_practice

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def health(client):
    response = client.get("/healthz")
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    return response.status_code, json.loads(response.content)


@pytest.fixture
def hub_with_content(db):
    """A hub with content in every part, and a search index built from it: network pages
    and two practices in each space, loaded in bulk and then indexed, as the seed does."""
    with index_updates(False, signals=False):
        for n in range(15):
            network_page(title=f"Network page {n}", slug=f"health-network-page-{n}")
        for space in CountryPage.objects.select_related("country"):
            for n in range(2):
                code = space.country.code.lower()
                publish_practice(space, title=f"Practice {n} of {code}", slug=f"health-{code}-{n}")
    call_command("update_index", verbosity=0, stdout=io.StringIO())


def test_a_healthy_hub_says_so(client, hub_with_content):
    status, body = health(client)
    assert status == 200
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "search", "tasks", "cache"}
    assert all(check["ok"] for check in body["checks"].values())
    assert body["checks"]["search"]["documents"] > 50
    assert body["checks"]["tasks"]["backend"] == "ImmediateBackend"


def test_a_database_that_does_not_answer_fails_the_check(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise connection.Database.OperationalError("server closed the connection")

    monkeypatch.setattr(connection, "cursor", refuse)
    status, body = health(client)
    assert status == 503
    assert body["status"] == "failing"
    assert body["checks"]["database"]["ok"] is False


def test_a_missing_search_index_fails_the_check(client, settings, tmp_path):
    from search.backends.whoosh.writing import forget

    index_dir = tmp_path / "index"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {**settings.WAGTAILSEARCH_BACKENDS["default"], "PATH": str(index_dir)}
    }
    forget()
    try:
        status, body = health(client)
    finally:
        shutil.rmtree(index_dir, ignore_errors=True)
        forget()
    assert status == 503
    assert body["checks"]["search"]["ok"] is False
    assert body["checks"]["database"]["ok"] is True


def worker_beat(worker_id="health-worker", *, age=datetime.timedelta(0), **fields):
    """The heartbeat of a worker (core/worker.py) that last beat ``age`` ago."""
    fields = {"host": taskqueue.HOST, "pid": os.getpid(), **fields}
    now = timezone.now()
    return WorkerHeartbeat.objects.create(
        worker_id=worker_id,
        started_at=now - datetime.timedelta(hours=1),
        beat_at=now - age,
        **fields,
    )


def test_a_queue_no_worker_takes_fails_the_check(client, settings):
    settings.TASKS = DATABASE_TASKS
    worker_beat()
    result = extract_document_text.enqueue(1)
    status, body = health(client)
    assert status == 200
    assert body["checks"]["tasks"] == {
        "ok": True,
        "ms": body["checks"]["tasks"]["ms"],
        "waiting": 1,
        "oldest_wait_s": 0,
    }
    DBTaskResult.objects.filter(pk=result.id).update(
        enqueued_at=timezone.now() - datetime.timedelta(minutes=11)
    )
    status, body = health(client)
    assert status == 503
    assert body["checks"]["tasks"]["ok"] is False


def tasks_check(client, caplog):
    caplog.clear()
    status, body = health(client)
    return status, body["checks"]["tasks"], caplog.text


def test_no_worker_fails_the_check_and_names_the_command(client, settings, caplog):
    settings.TASKS = DATABASE_TASKS
    status, check, log = tasks_check(client, caplog)
    assert status == 503
    assert check["ok"] is False
    assert "manage.py db_worker" in log
    worker_beat()
    status, check, log = tasks_check(client, caplog)
    assert status == 200
    assert check["ok"] is True


def test_a_worker_silent_for_its_lease_fails_the_check(client, settings, caplog):
    settings.TASKS = DATABASE_TASKS
    settings.WORKER_LEASE_SECONDS = 30
    beat = worker_beat(age=datetime.timedelta(seconds=25), host="worker-host")
    assert tasks_check(client, caplog)[0] == 200
    WorkerHeartbeat.objects.filter(pk=beat.pk).update(
        beat_at=timezone.now() - datetime.timedelta(seconds=31)
    )
    status, check, log = tasks_check(client, caplog)
    assert status == 503
    assert "no task worker has reported for 30 s" in log


def test_a_killed_worker_on_this_host_fails_the_check_at_once(client, settings, caplog):
    settings.TASKS = DATABASE_TASKS
    gone = subprocess.Popen(["true"])  # noqa: S607 - a process that is gone at once
    gone.wait()
    worker_beat(pid=gone.pid)
    status, check, log = tasks_check(client, caplog)
    assert status == 503
    assert "manage.py db_worker" in log


def test_a_task_left_running_by_a_dead_worker_fails_the_check(client, settings, caplog):
    settings.TASKS = DATABASE_TASKS
    worker_beat("live-worker")
    worker_beat("dead-worker", age=datetime.timedelta(minutes=2), host="worker-host")
    result = extract_document_text.enqueue(1)
    row = DBTaskResult.objects.get(pk=result.id)
    row.claim("live-worker")
    assert tasks_check(client, caplog)[0] == 200  # running on a live worker: fine
    DBTaskResult.objects.filter(pk=row.pk).update(worker_ids=["dead-worker"])
    status, check, log = tasks_check(client, caplog)
    assert status == 503
    assert "1 task(s) left running by a worker that is gone" in log


def test_a_task_retried_later_has_waited_since_it_was_due(client, settings, caplog):
    settings.TASKS = DATABASE_TASKS
    worker_beat()
    result = extract_document_text.enqueue(1)
    DBTaskResult.objects.filter(pk=result.id).update(
        enqueued_at=timezone.now() - datetime.timedelta(minutes=40),
        run_after=timezone.now() - datetime.timedelta(seconds=20),
        worker_ids=["earlier-worker"],
    )
    status, check, log = tasks_check(client, caplog)
    assert status == 200
    assert check["waiting"] == 1
    assert 19 <= check["oldest_wait_s"] <= 21
