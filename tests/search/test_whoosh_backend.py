"""What the Whoosh backend adds to modelsearch's contract (which ../shared/conformance
checks): language-aware analysis, safe writes from many processes, atomic rebuilds, clear
failures and a time limit per query."""

import multiprocessing
import os
import shutil
import threading
import time
from io import StringIO

import pytest
from django.core.management import call_command
from modelsearch.backends import get_search_backend
from modelsearch.query import Phrase, PlainText
from wagtail.models import Page

from practices.models import Organisation
from search.backends import analysis
from search.backends.errors import SearchIndexError
from search.backends.whoosh import WhooshSearchBackend
from tests.practices.factories import publish_practice

pytestmark = pytest.mark.django_db


def whoosh():
    return get_search_backend("default")


def finds(query, page, operator="and"):
    """Whether ``query`` finds ``page`` (and only it, among pages with its id)."""
    results = whoosh().search(query, Page.objects.filter(id=page.id), operator=operator)
    return [p.pk for p in results] == [page.pk]


@pytest.mark.parametrize(
    "language, text, query",
    [
        ("fi", "Ihmiskaupan uhri saa apua ja suojaa.", "ihmiskaupan uhreille"),
        ("fi", "Työperäinen hyväksikäyttö rakennusalalla.", "hyväksikäytön"),
        ("sv", "Stöd till utsatta kvinnor.", "kvinnorna"),
        ("sv", "Arbetskraftsexploatering i byggbranschen.", "arbetskraftsexploateringen"),
        ("nb", "Tiltak mot menneskehandel i fiskeindustrien.", "menneskehandelen"),
        ("da", "Hjælp til ofre for tvangsarbejde.", "tvangsarbejdet"),
        ("en", "Victims are identified by trained inspectors.", "victim identifying"),
        ("is", "Þjónusta við þolendur mansals.", "thjonusta"),
    ],
)
def test_inflected_forms_find_base_forms(space, unique, language, text, query):
    marker = unique("lang")
    page = publish_practice(
        space, language=language, summary=f"{text} {marker}", summary_en="In English: a pilot."
    )
    assert finds(PlainText(f"{query} {marker}"), page)


def test_norwegian_and_icelandic_get_their_own_analysis():
    # Whoosh would silently lower-case for "nb" and "is"; the backend maps them.
    assert analysis.stem("menneskehandelen", "nb") == "menneskehandel"
    assert analysis.index_tokens("Þolendur mansals", "is") == ["tholendur", "mansals"]
    assert analysis.normalise_language("nn-NO") == "nb" or analysis.SNOWBALL["nn"] == "no"


def test_english_summary_of_a_finnish_practice_is_analysed_as_english(space, unique):
    marker = unique("summ")
    page = publish_practice(
        space, language="fi", summary=f"Neuvonta {marker}.", summary_en="Advising victims."
    )
    assert finds(PlainText(f"victim {marker}"), page)


def test_taxonomy_names_are_searchable_in_every_language(space, unique):
    marker = unique("tax")
    page = publish_practice(space, summary=f"Outreach {marker}.", forms=["forced-labour"])
    # The Finnish name of the form of exploitation, though the practice is in English.
    assert finds(PlainText(f"pakkotyö {marker}"), page)


def test_phrases_keep_order_across_languages(space, unique):
    marker = unique("phr")
    page = publish_practice(
        space,
        language="sv",
        summary=f"Skyddat boende för offer {marker}.",
        summary_en="Sheltered housing.",
    )
    assert finds(Phrase("skyddat boende") & PlainText(marker), page)
    assert not finds(Phrase("boende skyddat") & PlainText(marker), page)


def test_writes_from_several_processes_all_land(tmp_path):
    """Four processes each index 25 objects at once: all 100 are in the index after."""
    backend = WhooshSearchBackend({"PATH": str(tmp_path), "WRITE_TIMEOUT": 60})
    index = backend.get_index_for_model(Organisation)
    index.ensure()
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_write_batch, args=(str(tmp_path), n)) for n in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
        assert worker.exitcode == 0
    stored = WhooshSearchBackend({"PATH": str(tmp_path)}).get_index_for_model(Organisation)
    assert set(stored.stored_documents()) == {
        str(n * 1000 + i) for n in range(4) for i in range(25)
    }


def _write_batch(path, n):
    # A separate process: its own backend, no database; every object is its own commit,
    # as with concurrent publishes.
    backend = WhooshSearchBackend({"PATH": path, "WRITE_TIMEOUT": 60})
    for i in range(25):
        backend.add(Organisation(pk=n * 1000 + i, name=f"Organisation {n} {i}"))
    os._exit(0)


def test_rebuild_while_searching_never_fails_or_empties(space, unique):
    marker = unique("rebuild")
    page = publish_practice(space, summary=f"Always findable {marker}.")
    errors, counts, stop = [], [], threading.Event()

    def search_loop():
        from django.db import connection

        try:
            while not stop.is_set():
                counts.append(whoosh().search(marker, Page.objects.all()).count())
        except Exception as error:  # noqa: BLE001 - the test reports any failure
            errors.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=search_loop)
    thread.start()
    try:
        for _ in range(2):
            call_command("update_index", backend_name="default", stdout=StringIO(), verbosity=0)
    finally:
        stop.set()
        thread.join(30)
    assert not errors
    assert counts and set(counts) == {1}
    assert finds(PlainText(marker), page)


def test_missing_index_gives_a_clear_message_and_update_index_restores_it(
    client, space, unique, rebuild_after
):
    marker = unique("missing")
    publish_practice(space, summary=f"Restorable {marker}.")
    index = whoosh().get_index_for_model(Page)
    os.remove(index.link)
    with pytest.raises(SearchIndexError, match="update_index"):
        whoosh().search(marker, Page.objects.all()).count()
    response = client.get("/search/", {"q": marker})
    assert response.status_code == 503
    assert "Search is unavailable at the moment" in response.content.decode()
    call_command("update_index", backend_name="default", stdout=StringIO(), verbosity=0)
    assert client.get("/search/", {"q": marker}).status_code == 200
    assert whoosh().search(marker, Page.objects.all()).count() == 1


def test_corrupt_index_gives_a_clear_message_and_update_index_restores_it(
    client, space, unique, rebuild_after
):
    marker = unique("corrupt")
    publish_practice(space, summary=f"Repairable {marker}.")
    index = whoosh().get_index_for_model(Page)
    directory = index.current_directory()
    for name in os.listdir(directory):
        if name.endswith(".toc"):
            with open(os.path.join(directory, name), "wb") as handle:
                handle.write(b"\x00garbage")
    index.refresh()
    response = client.get("/search/", {"q": marker})
    assert response.status_code == 503
    call_command("update_index", backend_name="default", stdout=StringIO(), verbosity=0)
    assert whoosh().search(marker, Page.objects.all()).count() == 1


def test_a_slow_query_stops_at_the_time_limit(space, settings, unique):
    marker = unique("slow")
    for n in range(3):
        publish_practice(space, summary=f"Timed {marker} {n}.")
    config = dict(settings.WAGTAILSEARCH_BACKENDS["default"], QUERY_TIME_LIMIT=0)
    settings.WAGTAILSEARCH_BACKENDS = {**settings.WAGTAILSEARCH_BACKENDS, "default": config}
    results = whoosh().search(marker, Page.objects.all())
    list(results)
    assert results.timed_out


def test_queued_deletes_go_to_the_task_worker(settings, space, unique):
    from django_tasks import task_backends

    page = publish_practice(space, summary=f"Queued {unique('queue')}.")
    config = dict(settings.WAGTAILSEARCH_BACKENDS["default"], QUEUE_WRITES=True)
    settings.WAGTAILSEARCH_BACKENDS = {**settings.WAGTAILSEARCH_BACKENDS, "default": config}
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    whoosh().delete(page)
    queued = [result.task.name for result in task_backends["default"].results]
    assert queued == ["delete_from_index"]
    # Nothing was removed inline: the worker does it.
    assert str(page.pk) in whoosh().get_index_for_model(Page).stored_documents()


def test_rebuild_keeps_at_most_two_generations(space):
    index = whoosh().get_index_for_model(Page)
    for _ in range(3):
        call_command("update_index", backend_name="default", stdout=StringIO(), verbosity=0)
    generations = [n for n in os.listdir(index.base) if n.startswith(f"{index.name}.g")]
    assert len(generations) == 2
    assert os.path.basename(index.current_directory()) in generations


def test_index_directory_is_private(space):
    index = whoosh().get_index_for_model(Page)
    assert os.stat(index.current_directory()).st_mode & 0o077 == 0


@pytest.fixture
def scratch_index(tmp_path):
    yield tmp_path
    shutil.rmtree(tmp_path, ignore_errors=True)


def test_write_lock_contention_waits_instead_of_failing(scratch_index):
    backend = WhooshSearchBackend({"PATH": str(scratch_index), "WRITE_TIMEOUT": 10})
    index = backend.get_index_for_model(Organisation)
    directory = index.ensure()
    from whoosh import index as windex

    holder = windex.open_dir(directory, indexname="main").writer()
    releaser = threading.Timer(0.5, holder.commit)
    releaser.start()
    started = time.monotonic()
    backend.add(Organisation(pk=1, name="Waited for the lock"))
    assert time.monotonic() - started >= 0.4
    assert "1" in index.stored_documents()


def test_index_inside_media_is_refused(settings):
    from search.backends.checks import check_index_location

    assert check_index_location() == []
    inside = os.path.join(settings.MEDIA_ROOT, "index")
    default = settings.WAGTAILSEARCH_BACKENDS["default"]
    settings.WAGTAILSEARCH_BACKENDS = {"default": {**default, "PATH": inside}}
    assert [error.id for error in check_index_location()] == ["search.E001"]


def test_searching_survives_commits_from_another_process(scratch_index):
    """A web process keeps searching while another process commits and merges segments."""
    backend = WhooshSearchBackend({"PATH": str(scratch_index), "WRITE_TIMEOUT": 60})
    backend.add(Organisation(pk=1, name="Steady anchor"))
    context = multiprocessing.get_context("fork")
    writer = context.Process(target=_write_many, args=(str(scratch_index),))
    writer.start()
    counts = []
    while writer.is_alive() or not counts:
        counts.append(backend.search("steady anchor", Organisation).count())
    writer.join(60)
    assert writer.exitcode == 0
    assert len(counts) > 5 and set(counts) == {1}
    assert len(backend.get_index_for_model(Organisation).stored_documents()) == 61


def _write_many(path):
    backend = WhooshSearchBackend({"PATH": path, "WRITE_TIMEOUT": 60})
    for i in range(2, 62):
        backend.add(Organisation(pk=i, name=f"Churn {i}"))
    os._exit(0)


def test_production_queue_one_worker_writes_every_change(settings, unique, monkeypatch):
    """With the database task queue, saves and deletes wait for the worker, which applies
    them all; the request itself never writes the index."""
    from countries.models import CountryPage

    config = dict(settings.WAGTAILSEARCH_BACKENDS["default"], QUEUE_WRITES=True)
    settings.WAGTAILSEARCH_BACKENDS = {"default": config}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    marker = unique("queued")
    space = CountryPage.objects.get(country__code="SE")
    kept = publish_practice(space, summary=f"Kept {marker}.")
    removed = publish_practice(space, summary=f"Removed {marker}.", slug=f"removed-{marker}")
    index = whoosh().get_index_for_model(Page)
    # Queued, not written inline. (Compare by the new word: rolled-back pages of other
    # tests may have left documents under the same primary keys.)
    assert whoosh().search(marker, Page.objects.all()).count() == 0

    removed.delete()
    # The worker closes "old" connections between tasks; inside this test's transaction
    # that would close the test's own connection (PostgreSQL), so it is a no-op here.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0, stdout=StringIO())
    stored = index.stored_documents()
    assert str(kept.pk) in stored
    assert str(removed.pk) not in stored
    assert whoosh().search(marker, Page.objects.all()).count() == 1


def test_a_failed_write_is_logged_and_retried(scratch_index, caplog):
    backend = WhooshSearchBackend({"PATH": str(scratch_index)})
    index = backend.get_index_for_model(Organisation)
    real, calls = index.add_item, []

    def flaky(obj):
        calls.append(obj.pk)
        if len(calls) == 1:
            raise OSError("disk hiccup")
        real(obj)

    index.add_item = flaky
    backend.get_index_for_model = lambda model: index
    backend.add(Organisation(pk=7, name="Retried"))
    assert calls == [7, 7]
    assert "7" in index.stored_documents()
    assert "failed (OSError('disk hiccup'))" in caplog.text


def test_a_write_that_keeps_failing_is_queued_for_the_worker(scratch_index, settings, caplog):
    from django_tasks import task_backends

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = WhooshSearchBackend({"PATH": str(scratch_index), "QUEUE_WRITES": True})
    index = backend.get_index_for_model(Organisation)

    def broken(obj):
        raise OSError("disk full")

    index.add_item = broken
    backend.get_index_for_model = lambda model: index
    backend.add(Organisation(pk=8, name="Later"))
    queued = task_backends["default"].results
    assert [(r.task.name, r.args) for r in queued] == [
        ("reindex_object", ["practices.Organisation", "8", 2])
    ]
    assert "Could not index practices.Organisation 8" in caplog.text


def test_a_write_during_a_rebuild_reaches_the_new_index(space, unique, rebuild_after):
    marker = unique("during")
    index = whoosh().get_index_for_model(Page)
    rebuilder = index.backend.rebuilder_class(index)
    rebuilder.start()  # the new generation stays empty: only the journal can fill it
    page = publish_practice(space, summary=f"Published mid-rebuild {marker}.")
    assert whoosh().search(marker, Page.objects.all()).count() == 1  # live index has it
    rebuilder.finish()
    assert os.path.basename(index.current_directory()) == os.path.basename(rebuilder.directory)
    assert [p.pk for p in whoosh().search(marker, Page.objects.all())] == [page.pk]
    assert not os.path.exists(index.journal) and not os.path.exists(index.marker)


def test_a_dead_rebuild_leaves_no_journal_behind(space, unique):
    index = whoosh().get_index_for_model(Page)
    with open(index.marker, "w") as marker:
        marker.write("wagtailcore_page.gdead")  # no process holds the rebuild lock
    publish_practice(space, summary=f"After a crash {unique('dead')}.")
    assert not os.path.exists(index.marker)
    assert not os.path.exists(index.journal)
