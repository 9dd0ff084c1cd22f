"""A search that runs too long in the database is cancelled: the page says so, no hang."""

import time

import pytest
from django.db import connection

from search import service
from search.backends.timelimit import TimeLimitExceeded, statement_time_limit

pytestmark = pytest.mark.django_db


def slow_statement():
    """SQL that runs for seconds on either database."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_sleep(5)")
        else:
            cursor.execute(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                "WHERE i < 200000000) SELECT count(*) FROM n"
            )
        return cursor.fetchall()


def test_a_slow_statement_is_cancelled_and_the_connection_still_works():
    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded), statement_time_limit(0.2):
        slow_statement()
    assert time.monotonic() - started < 3
    with connection.cursor() as cursor:  # usable again, with no limit left behind
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            assert cursor.fetchone()[0] == "0"


def test_a_fast_statement_runs_untouched():
    with statement_time_limit(5), connection.cursor() as cursor:
        cursor.execute("SELECT 2")
        assert cursor.fetchone() == (2,)


def test_the_search_page_says_a_database_search_took_too_long(client, settings, monkeypatch):
    # Wagtail's database backend (Whoosh stops its own searches: test_whoosh_backend.py).
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": dict(settings.SEARCH_BACKENDS["database"], QUERY_TIME_LIMIT=0.2)
    }

    def slow_search(*args, **kwargs):
        slow_statement()

    monkeypatch.setattr(service, "_database_search", slow_search)
    started = time.monotonic()
    response = client.get("/search/", {"q": "trafficking"})
    assert time.monotonic() - started < 4
    assert response.status_code == 200
    assert "This search took too long" in response.content.decode()


def test_the_search_page_says_a_whoosh_search_took_too_long(client, settings, space, unique):
    # The engine ranks on a copy of its results: the page must still hear of the limit.
    from tests.practices.factories import publish_practice

    marker = unique("slow")
    publish_practice(space, summary=f"Timed {marker}.")
    config = dict(settings.WAGTAILSEARCH_BACKENDS["default"], QUERY_TIME_LIMIT=0)
    settings.WAGTAILSEARCH_BACKENDS = {**settings.WAGTAILSEARCH_BACKENDS, "default": config}

    response = client.get("/search/", {"q": marker})

    assert response.status_code == 200
    assert "This search took too long" in response.content.decode()
