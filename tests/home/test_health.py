"""/healthz: 200 when the database, the search index and the task queue are fine; 503 and
the failing check named when one is not."""

import datetime
import io
import json
import shutil

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core.indexing import index_updates
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


def test_a_queue_no_worker_takes_fails_the_check(client, settings):
    settings.TASKS = DATABASE_TASKS
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
