"""bench_search: two lines per backend, the library line and the publish line, from a
scratch database.

Slow-ish (about a minute): the command migrates and seeds a fresh database in a child
process and starts a production task worker per backend, so the size is kept tiny.
"""

import re
import tempfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

NUMBER = r"-?\d+\.\d{1,2}"
BACKEND_LINE = re.compile(
    rf"backend=(?P<name>whoosh|database) docs=(?P<docs>\d+) user=(?P<user>anonymous|member) "
    rf"index_s=(?P<index_s>{NUMBER}) index_rate=(?P<rate>\d+) "
    rf"query_p50_ms=(?P<p50>{NUMBER}) query_p95_ms=(?P<p95>{NUMBER}) "
    rf"facet_p95_ms=(?P<facet>{NUMBER}) searches=(?P<searches>\d+) "
    rf"timeouts=(?P<timeouts>\d+) publish_visible_ms=(?P<visible>{NUMBER})"
)
LIBRARY_LINE = re.compile(
    rf"docs=30 user=member library_p50_ms=(?P<p50>{NUMBER}) "
    rf"library_p95_ms=(?P<p95>{NUMBER}) library_requests=(?P<requests>\d+) "
    rf"library_timeouts=(?P<timeouts>\d+)"
)
PUBLISH_LINE = re.compile(rf"publish_overhead_ms={NUMBER}")


@pytest.fixture(autouse=True)
def _own_temporary_directory(tmp_path, monkeypatch):
    """Scratch directories go under this test's own folder: another benchmark running
    on the machine at the same time must not count as one this test left behind."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))


def _scratch_dirs():
    return set(Path(tempfile.gettempdir()).glob("bench-search-*"))


def test_prints_lines_per_backend_and_user_the_library_and_counts_timeouts():
    """One run with a time limit of 0 s for the query mix: every line's fields, and the
    searches that hit the limit counted (the publish-to-found searches keep theirs)."""
    before = _scratch_dirs()
    out = StringIO()

    call_command(
        "bench_search",
        docs=30,
        queries=1,
        publishes=3,
        visibility=1,
        time_limit=0,
        backends="whoosh,database",
        stdout=out,
    )

    lines = out.getvalue().splitlines()
    assert len(lines) == 6, lines
    parsed = [BACKEND_LINE.fullmatch(line) for line in lines[:4]]
    assert all(parsed), lines
    assert [(m["name"], m["user"]) for m in parsed] == [
        ("whoosh", "anonymous"),
        ("whoosh", "member"),
        ("database", "anonymous"),
        ("database", "member"),
    ]
    for match in parsed:
        assert match["docs"] == "30"
        assert float(match["index_s"]) > 0 and int(match["rate"]) > 0
        assert 0 < float(match["p50"]) <= float(match["p95"])
        assert float(match["facet"]) >= 0
        # The whole mix once: 18 queries, anonymously or as each of the two members.
        assert int(match["searches"]) == (18 if match["user"] == "anonymous" else 36)
        assert int(match["timeouts"]) <= int(match["searches"])
        # Found after its publish (inf when never found).
        assert float(match["visible"]) > 0
    # Whoosh stops every search that gets as far as ranking at once.
    assert all(int(m["timeouts"]) > 0 for m in parsed if m["name"] == "whoosh")
    library = LIBRARY_LINE.fullmatch(lines[4])
    assert library, lines[4]
    assert 0 < float(library["p50"]) <= float(library["p95"])
    assert int(library["requests"]) == 16  # 8 pages of the library, for each member
    assert 0 <= int(library["timeouts"]) <= 16
    assert PUBLISH_LINE.fullmatch(lines[5]), lines[5]
    # The scratch database and index are gone afterwards.
    assert _scratch_dirs() == before


@pytest.mark.parametrize("backends", ["nosuch", "whoosh,nosuch", ""])
def test_an_unknown_backend_is_refused_before_anything_is_built(backends):
    before = _scratch_dirs()
    with pytest.raises(CommandError, match="backend"):
        call_command("bench_search", docs=1, backends=backends)
    assert _scratch_dirs() == before


def test_a_backend_that_cannot_be_loaded_is_refused(settings):
    settings.SEARCH_BACKENDS = {
        **settings.SEARCH_BACKENDS,
        "postgres": {"BACKEND": "search.backends.no_such_module"},
    }
    before = _scratch_dirs()
    with pytest.raises(CommandError, match="'postgres' cannot be loaded"):
        call_command("bench_search", docs=1, backends="whoosh,postgres", postgres=PG_SERVER)
    assert _scratch_dirs() == before


def test_the_postgres_backend_is_refused_on_sqlite(settings):
    # Loadable here whether or not search.backends.postgres exists yet.
    settings.SEARCH_BACKENDS = {
        **settings.SEARCH_BACKENDS,
        "postgres": {"BACKEND": "wagtail.search.backends.database"},
    }
    before = _scratch_dirs()
    with pytest.raises(CommandError, match="needs PostgreSQL.*--postgres"):
        call_command("bench_search", docs=1, backends="postgres")
    assert _scratch_dirs() == before


PG_SERVER = "postgres://postgres@127.0.0.1:5432/postgres"


def _postgres_databases():
    import psycopg

    with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=postgres") as conn:
        return {name for (name,) in conn.execute("SELECT datname FROM pg_database")}


def test_postgres_scratch_databases_are_made_and_dropped_by_name():
    from demo.bench import create_postgres_database, drop_postgres_database
    from demo.management.commands.bench_search import PG_PREFIX

    url = create_postgres_database(PG_SERVER, PG_PREFIX)
    name = url.rsplit("/", 1)[1]
    assert name.startswith("bench_search_") and name in _postgres_databases()

    drop_postgres_database(url, PG_PREFIX)
    assert name not in _postgres_databases()
    # Only its own scratch databases are ever dropped.
    drop_postgres_database(PG_SERVER.replace("/postgres", "/test"), PG_PREFIX)
    assert "test" in _postgres_databases()


def test_postgres_needs_a_postgres_url():
    before = _scratch_dirs()
    with pytest.raises(CommandError, match="postgres://"):
        call_command("bench_search", docs=1, postgres="sqlite:///tmp/x.sqlite3")
    assert _scratch_dirs() == before
