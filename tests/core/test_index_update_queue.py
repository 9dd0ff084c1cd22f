"""One search-index update per publish on the database task queue (core.taskqueue.coalesce).

A publish saves its page several times (``save_revision`` and ``publish`` each save it);
every save queued the same update, and the worker ran them all.
"""

import pytest
from django.db import transaction
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from countries.models import CountryPage
from tests.home.factories import network_page
from tests.practices.factories import publish_practice

pytestmark = pytest.mark.django_db

INDEX_TASK = "modelsearch.tasks.insert_or_update_object_task"


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": settings.TASKS_BACKENDS["database"]}}


def index_updates_of(page):
    return DBTaskResult.objects.filter(
        task_path=INDEX_TASK,
        args_kwargs__args=[page._meta.app_label, page._meta.model_name, str(page.pk)],
    )


def edit_and_publish(page, summary):
    page.summary = summary
    page.save_revision().publish()


def test_a_practice_publish_queues_one_index_update(database_tasks):
    space = CountryPage.objects.get(country__code="FI")
    page = publish_practice(space, title="Queued once", slug="queued-once")
    assert index_updates_of(page).count() == 1
    edit_and_publish(page, "Edited once.")
    edit_and_publish(page, "Edited twice.")
    assert index_updates_of(page).count() == 1
    assert index_updates_of(page).get().status == TaskResultStatus.READY


def test_a_page_publish_queues_one_index_update(database_tasks):
    page = network_page(title="Network news", slug="network-news-queued")
    before = index_updates_of(page).count()
    page.save_revision().publish()
    assert index_updates_of(page).count() == before == 1


def test_a_change_after_the_update_started_queues_another(database_tasks):
    space = CountryPage.objects.get(country__code="FI")
    page = publish_practice(space, title="Started update", slug="started-update")
    first = index_updates_of(page).get()
    first.claim("worker-that-runs-it")
    edit_and_publish(page, "Changed while the update ran.")
    waiting = index_updates_of(page).filter(status=TaskResultStatus.READY)
    assert waiting.count() == 1
    assert waiting.get().pk != first.pk


def test_an_update_rolled_back_with_its_change_does_not_cover_the_next(database_tasks):
    page = network_page(title="Rolled back", slug="rolled-back-update")
    DBTaskResult.objects.filter(task_path=INDEX_TASK).delete()
    with pytest.raises(RuntimeError), transaction.atomic():
        page.save_revision().publish()
        assert index_updates_of(page).count() == 1
        raise RuntimeError("the editor's transaction fails")
    assert index_updates_of(page).count() == 0
    page = type(page).objects.get(pk=page.pk)
    page.save_revision().publish()
    assert index_updates_of(page).count() == 1


def test_other_objects_and_tasks_are_queued_as_before(database_tasks):
    first = network_page(title="First of two", slug="first-of-two")
    second = network_page(title="Second of two", slug="second-of-two")
    assert index_updates_of(first).count() == 1
    assert index_updates_of(second).count() == 1
