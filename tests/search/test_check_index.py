"""check_index finds drift between the database and every backend that keeps an index
(Whoosh, Wagtail's database backend and, on PostgreSQL, the hub's PostgreSQL backend),
and --fix repairs it."""

from io import StringIO

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch.backends import get_search_backend
from wagtail.models import Page, PageViewRestriction

from core.indexing import index_updates
from practices.models import PracticePage
from tests.home.factories import network_page, text_document
from tests.practices.factories import publish_practice

pytestmark = pytest.mark.django_db

#: Every backend that keeps an index; the PostgreSQL one exists on PostgreSQL only.
INDEXED = ["whoosh", "database", *(["postgres"] if django_settings.ON_POSTGRES else [])]
#: The hub's engines, which keep view-restriction tokens.
HUB = ["whoosh", *(["postgres"] if django_settings.ON_POSTGRES else [])]


def check(*args):
    out, err = StringIO(), StringIO()
    try:
        call_command("check_index", *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exit:
        code = exit.code
    return code, out.getvalue() + err.getvalue()


@pytest.fixture
def clean_index():
    call_command("update_index", backend_name="default", stdout=StringIO(), verbosity=0)


@pytest.fixture
def indexed(request, settings):
    """The backend named by the test's parameter as the only one, its index built from
    the database (the database backends' rows are rolled back with the test)."""
    settings.WAGTAILSEARCH_BACKENDS = {"default": settings.SEARCH_BACKENDS[request.param]}
    call_command("update_index", backend_name="default", stdout=StringIO(), verbosity=0)
    return request.param


def found(page, word):
    """Whether the default backend finds ``page`` by ``word``."""
    return page.pk in {hit.pk for hit in get_search_backend().search(word, PracticePage)}


def view_tokens(backend, page):
    """The view tokens the hub engine ``backend`` keeps for ``page``."""
    index = get_search_backend().get_index_for_model(Page)
    if backend == "whoosh":
        return index.stored_documents()[str(page.pk)]["m_extras"]["view"]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tokens FROM search_postgres_indexeddocument WHERE object_id = %s",
            [str(page.pk)],
        )
        return [t.partition(":")[2] for t in cursor.fetchone()[0] if t.startswith("view:")]


@pytest.mark.parametrize("indexed", INDEXED, indirect=True)
def test_a_fresh_index_matches(indexed):
    code, output = check("--deep")
    assert code == 0
    assert "missing 0, extra 0, stale 0" in output
    assert "The index matches the database." in output
    assert "Checked in" in output


@pytest.mark.parametrize("indexed", INDEXED, indirect=True)
def test_a_save_with_updates_off_is_missing_until_fixed(indexed, space, unique):
    word = unique("unindexed")
    with index_updates(False, signals=False):
        page = publish_practice(space, summary=f"Saved with updates off: {word}.")
    assert not found(page, word)

    code, output = check()
    assert code == 1
    assert "missing 1, extra 0, stale 0" in output
    assert "run check_index --fix" in output

    code, output = check("--fix")
    assert code == 0 and "repaired 1 document(s)" in output
    assert found(page, word)
    assert check("--deep")[0] == 0


@pytest.mark.parametrize("indexed", HUB, indirect=True)
def test_a_page_deleted_with_updates_off_is_extra_until_fixed(indexed, space):
    """(Wagtail's database backend deletes its entries with the object, through a
    generic relation: see the next test.)"""
    page = publish_practice(space, summary="Deleted behind the index's back.")
    assert check()[0] == 0
    with index_updates(False, signals=False):
        Page.objects.filter(pk=page.pk).delete()

    code, output = check()
    assert code == 1 and "missing 0, extra 1, stale 0" in output
    code, output = check("--fix", "-v", "2")
    assert code == 0 and f"extra: {page.pk}" in output
    assert check()[0] == 0


@pytest.mark.parametrize("indexed", INDEXED, indirect=True)
def test_a_write_landing_after_the_delete_is_extra_until_fixed(indexed, space):
    page = publish_practice(space, summary="Deleted, then written by a late task.")
    Page.objects.filter(pk=page.pk).delete()
    get_search_backend().get_index_for_model(PracticePage).add_items(PracticePage, [page])

    code, output = check()
    assert code == 1 and "missing 0, extra 1, stale 0" in output
    assert check("--fix")[0] == 0
    assert check("--deep")[0] == 0


@pytest.mark.parametrize("indexed", INDEXED, indirect=True)
def test_an_unpublished_page_stays_indexed(indexed, space):
    """The hub indexes drafts too (Wagtail's default; searches keep the live pages): an
    unpublished page is not extra. The Whoosh document keeps ``live`` as a filter, so a
    deep check there finds it stale and repairs it."""
    page = publish_practice(space, summary="Unpublished with updates off.")
    with index_updates(False, signals=False):
        page.unpublish()

    assert check()[0] == 0
    code, output = check("--deep")
    if indexed == "whoosh":
        assert code == 1 and "missing 0, extra 0, stale 1" in output
        assert check("--deep", "--fix")[0] == 0
    assert check("--deep")[0] == 0


@pytest.mark.parametrize("indexed", HUB, indirect=True)
def test_a_view_restriction_added_with_updates_off_is_stale_until_fixed(indexed, space):
    page = publish_practice(space, summary="Restricted behind the index's back.")
    with index_updates(False, signals=False):
        PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert view_tokens(indexed, page) == []

    code, output = check()  # not --deep: privacy is always checked
    assert code == 1 and "missing 0, extra 0, stale 1" in output

    assert check("--fix")[0] == 0
    assert view_tokens(indexed, page) == ["login"]
    assert check()[0] == 0


@pytest.mark.parametrize("indexed", HUB, indirect=True)
def test_a_collection_restricted_with_updates_off_makes_its_documents_stale(indexed):
    from wagtail.models import Collection, CollectionViewRestriction

    collection = Collection.get_first_root_node().add_child(name="Drafts of the board")
    for n in range(2):
        text_document(f"Board minutes {n}", collection.name, f"board-{n}.txt", "Minutes.")
    with index_updates(False, signals=False):
        CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")

    code, output = check()
    assert code == 1 and "missing 0, extra 0, stale 2" in output
    assert check("--fix")[0] == 0
    assert check()[0] == 0


def test_the_database_backend_keeps_no_view_tokens(settings, space):
    """Its searches are filtered by the database: a restriction makes no drift there."""
    settings.WAGTAILSEARCH_BACKENDS = {"default": settings.SEARCH_BACKENDS["database"]}
    call_command("update_index", backend_name="default", stdout=StringIO(), verbosity=0)
    page = publish_practice(space, summary="Restricted.")
    with index_updates(False, signals=False):
        PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert check("--deep")[0] == 0


@pytest.mark.parametrize("indexed", INDEXED, indirect=True)
def test_deep_check_finds_stale_content(indexed, space, unique):
    word = unique("rewritten")
    page = publish_practice(space, summary="Before.")
    PracticePage.objects.filter(pk=page.pk).update(summary=f"After, without signals: {word}.")
    assert check()[0] == 0  # presence and privacy are fine
    code, output = check("--deep")
    assert code == 1 and "missing 0, extra 0, stale 1" in output
    assert not found(page, word)

    assert check("--deep", "--fix")[0] == 0
    assert found(page, word)
    assert check("--deep")[0] == 0


@pytest.mark.parametrize("indexed", INDEXED, indirect=True)
def test_queries_do_not_grow_with_the_objects(indexed, space):
    """A chunk of objects costs a fixed number of queries, whatever its size and kind."""

    def queries(*args):
        with CaptureQueriesContext(connection) as captured:
            assert check(*args)[0] == 0
        return len(captured)

    def add(n):
        for i in range(n):
            publish_practice(space, summary=f"One more practice {i}.", forms=["forced-labour"])
            network_page(title=f"One more page {i}")
            text_document(f"Minutes {i}", "Network", f"minutes-{i}.txt", "The minutes.")

    add(2)  # one object alone is read without the EXTRAS hook's bulk: start from two
    before = {args: queries(*args) for args in [(), ("--deep",)]}
    add(4)
    assert {args: queries(*args) for args in before} == before


@pytest.mark.parametrize("indexed", INDEXED, indirect=True)
def test_entries_name_the_model_they_were_written_as(indexed, space):
    """Extra entries are looked for with one query per model named in a chunk: each
    reader must tell the model, or every model of the index is asked."""
    from search.management.commands.check_index import _reader

    page = publish_practice(space, summary="Written as a practice.")
    reader = _reader(get_search_backend().get_index_for_model(Page))
    entries = [entry for chunk in reader.entries(1000) for entry in chunk]
    assert {entry.key: entry.model for entry in entries}[str(page.pk)] is PracticePage
    assert all(entry.model is not None for entry in entries)


def test_quiet_when_clean_and_loud_when_not(clean_index, space):
    assert check("-v", "0") == (0, "")
    with index_updates(False, signals=False):
        publish_practice(space, summary="Missing.")
    code, output = check("-v", "0", "--fix")
    assert code == 0 and "missing 1" in output and "repaired 1" in output
    assert check("-v", "0") == (0, "")


def test_missing_extra_and_privacy_drift_are_found_and_repaired(clean_index, space, unique):
    index = get_search_backend("default").get_index_for_model(Page)
    page = publish_practice(space, summary=f"Drifting {unique('drift')}.")
    index.delete_pks([page.pk])  # lost write
    index.delete_pks([])
    other = publish_practice(space, summary="Restricted behind the index's back.")
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=other, restriction_type="login")]
    )  # no signal: the index still calls it public
    gone = publish_practice(space, summary="Deleted without the index knowing.")
    Page.objects.filter(pk=gone.pk).delete()  # signals do fire here; put it back in the index
    index.add_items(type(gone), [gone])

    code, output = check()
    assert code == 1
    assert "missing 1, extra 1, stale 1" in output
    assert "run check_index --fix" in output

    code, output = check("--fix")
    assert code == 0
    assert "repaired 3 document(s)" in output
    assert check()[0] == 0
    stored = index.stored_documents()
    assert str(page.pk) in stored and str(gone.pk) not in stored
    assert stored[str(other.pk)]["m_extras"]["view"] == ["login"]


def test_a_backend_without_an_index_has_nothing_to_check():
    code, output = check("--backend", "modelsearch.backends.database.fallback")
    assert code == 0 and "keeps no index to check" in output


def test_an_unknown_backend_is_a_clear_error():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Could not find backend 'nosuch'"):
        call_command("check_index", "--backend", "nosuch", stdout=StringIO())


def test_missing_index_is_a_clear_error(clean_index, rebuild_after):
    import os

    from django.core.management.base import CommandError

    index = get_search_backend("default").get_index_for_model(Page)
    os.remove(index.link)
    with pytest.raises(CommandError, match="update_index"):
        call_command("check_index", stdout=StringIO())


# Wagtail's database backend on PostgreSQL keeps weighted vectors: its deep check builds
# them in the database from the texts indexing would write now (search/database_index.py).
on_postgres = pytest.mark.skipif(
    not django_settings.ON_POSTGRES, reason="the database backend keeps vectors on PostgreSQL"
)


def index_entry(page, **changes):
    """The database backend's entry of ``page``: its columns, after setting ``changes``
    (column: SQL expression) behind the backend's back."""
    from modelsearch.conf import get_app_config

    IndexEntry = get_app_config().get_model("IndexEntry")  # noqa: N806
    entries = IndexEntry.objects.filter(object_id=str(page.pk))
    if changes:
        sets = ", ".join(f"{column} = {expression}" for column, expression in changes.items())
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {IndexEntry._meta.db_table} SET {sets} WHERE object_id = %s",  # noqa: S608
                [str(page.pk)],
            )
    return entries.values("title", "body", "autocomplete", "title_text", "body_text").get()


def keys_listed(output):
    """{kind: keys} of what ``check_index -v 2`` listed, in any order."""
    lines = (line.partition(":") for line in output.splitlines() if line.startswith("  "))
    return {kind.strip(): set(keys.split()) for kind, _, keys in lines}


@on_postgres
@pytest.mark.parametrize("indexed", ["database"], indirect=True)
def test_deep_check_on_postgres_compares_every_column_in_chunks(
    indexed, space, unique, monkeypatch
):
    """Drift of each kind and in each column, spread over several chunks, is found by
    --deep and repaired by --fix."""
    from search.backends.drift import INDEXED as WHOLE
    from search.management.commands import check_index

    monkeypatch.setitem(check_index.CHUNK, WHOLE, 2)
    word, unseen = unique("retitled"), unique("unseen")
    pages = [
        publish_practice(space, summary=f"Practice {n}.", forms=["forced-labour"]) for n in range(5)
    ]
    renamed, reweighted, untyped, unformed = pages[:4]
    written = {page.pk: index_entry(page) for page in pages}
    PracticePage.objects.filter(pk=renamed.pk).update(title=f"Retitled {word}")
    index_entry(reweighted, body="setweight(body, 'A')")  # the same words, another weight
    index_entry(untyped, autocomplete="''::tsvector")
    with index_updates(False, signals=False):
        unformed.forms.clear()  # the forms' names are part of its body
        unformed.save()  # (a page's relations are written with it)
        missing = publish_practice(space, summary=f"Never indexed: {unseen}.")
    gone = publish_practice(space, summary="Deleted, then written by a late task.")
    Page.objects.filter(pk=gone.pk).delete()
    get_search_backend().get_index_for_model(PracticePage).add_items(PracticePage, [gone])

    assert "missing 1, extra 1, stale 0" in check()[1]  # presence only
    code, output = check("--deep", "-v", "2")
    assert code == 1 and "missing 1, extra 1, stale 4" in output
    listed = keys_listed(output)
    assert listed["stale"] == {str(page.pk) for page in (renamed, reweighted, untyped, unformed)}
    assert listed["missing"] == {str(missing.pk)} and listed["extra"] == {str(gone.pk)}
    assert not found(renamed, word) and not found(missing, unseen)

    code, output = check("--deep", "--fix")
    assert code == 0 and "repaired 6 document(s)" in output
    code, output = check("--deep")
    assert code == 0 and "missing 0, extra 0, stale 0" in output
    assert found(renamed, word) and found(missing, unseen)
    for page in (reweighted, untyped, pages[4]):
        assert index_entry(page) == written[page.pk]
    assert index_entry(unformed)["body"] != written[unformed.pk]["body"]


@on_postgres
@pytest.mark.parametrize("indexed", ["database"], indirect=True)
def test_deep_check_on_postgres_with_any_number_of_texts(indexed, space, unique):
    """A vector is made of one text per search field and related object: practices with
    none to several of each, in one chunk, match once indexed, and a change in any is
    found."""
    forms = ["forced-labour", "sexual-exploitation", "forced-criminality"]
    pages = [
        publish_practice(
            space,
            summary=f"Practice {n}.",
            forms=forms[:n],
            organisations=[(f"Organisation {n}.{i}", "ngo") for i in range(n)],
        )
        for n in range(4)
    ]
    code, output = check("--deep")
    assert code == 0 and "stale 0" in output

    PracticePage.objects.filter(pk=pages[3].pk).update(contact_role=unique("coordinator"))
    code, output = check("--deep", "-v", "2")
    assert code == 1 and "stale 1" in output and f"stale: {pages[3].pk}" in output
