"""bench_search: one line per backend and the publish line, from a scratch database.

Slow-ish (about half a minute): the command migrates and seeds a fresh database in a
child process, so the size is kept tiny.
"""

import re
import tempfile
from io import StringIO
from pathlib import Path

from django.core.management import call_command

NUMBER = r"-?\d+\.\d{1,2}"
BACKEND_LINE = re.compile(
    rf"backend=(?P<name>whoosh|database) docs=(?P<docs>\d+) index_s=(?P<index_s>{NUMBER}) "
    rf"query_p50_ms=(?P<p50>{NUMBER}) query_p95_ms=(?P<p95>{NUMBER}) "
    rf"facet_p95_ms=(?P<facet>{NUMBER})"
)
PUBLISH_LINE = re.compile(rf"publish_overhead_ms={NUMBER}")


def _scratch_dirs():
    return set(Path(tempfile.gettempdir()).glob("bench-search-*"))


def test_prints_one_line_per_backend_and_the_publish_overhead():
    before = _scratch_dirs()
    out = StringIO()

    call_command("bench_search", docs=30, queries=1, publishes=3, stdout=out)

    lines = out.getvalue().splitlines()
    assert len(lines) == 3, lines
    parsed = [BACKEND_LINE.fullmatch(line) for line in lines[:2]]
    assert all(parsed), lines
    assert [m["name"] for m in parsed] == ["whoosh", "database"]
    for match in parsed:
        assert match["docs"] == "30"
        assert float(match["index_s"]) > 0
        assert 0 < float(match["p50"]) <= float(match["p95"])
        assert float(match["facet"]) >= 0
    assert PUBLISH_LINE.fullmatch(lines[2]), lines[2]
    # The scratch database and index are gone afterwards.
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
    import pytest
    from django.core.management.base import CommandError

    before = _scratch_dirs()
    with pytest.raises(CommandError, match="postgres://"):
        call_command("bench_search", docs=1, postgres="sqlite:///tmp/x.sqlite3")
    assert _scratch_dirs() == before
