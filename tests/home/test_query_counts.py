"""Every page renders in a bounded number of SQL queries, whoever asks.

The anonymous page cache is off, so each request renders; the first request warms the
per-process caches and the cached parts of pages (core/fragments.py), and the second is
the one counted, as on a running server.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

MAX_QUERIES = 15

PAGES = [
    "/",
    "/practices/",
    "/countries/finland/",
    "/countries/finland/civil-society-platform/",
    "/seminars/helsinki-2021/",
    # A word only the seeded content has: rolled-back pages of other tests stay in the
    # Whoosh index, and a broad word's hits (and their page types) changed with test order.
    "/search/?q=barnahus",
    "/recommendations/",
    "/recommendations/countries/fi/",
    "/recommendations/nordic-network-of-coordinators/",
]
USERS = [None, "expert-ngo", "fi-coordinator"]


def _count(client, url):
    client.get(url)  # warm the per-process caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, captured.captured_queries


def _listing(queries):
    return "\n".join(f"  {query['sql'][:120]}" for query in queries)


@pytest.fixture
def uncached(settings):
    settings.PAGE_CACHE_SECONDS = 0
    return settings


@pytest.mark.django_db
@pytest.mark.parametrize("username", USERS)
@pytest.mark.parametrize("url", PAGES)
def test_page_renders_in_few_queries(client_for, uncached, url, username):
    response, queries = _count(client_for(username), url)

    assert response.status_code == 200
    assert len(queries) <= MAX_QUERIES, (
        f"{url} as {username or 'anonymous'}: {len(queries)} queries\n{_listing(queries)}"
    )


@pytest.mark.django_db
@pytest.mark.parametrize("username", USERS)
def test_search_on_database_backend_renders_in_few_queries(client_for, uncached, username):
    backends = uncached.SEARCH_BACKENDS
    uncached.WAGTAILSEARCH_BACKENDS = {
        "default": backends["database"],
        "whoosh": backends["whoosh"],
    }
    url = "/search/?q=barnahus"

    response, queries = _count(client_for(username), url)

    assert response.status_code == 200
    assert len(queries) <= MAX_QUERIES, (
        f"{url} (database backend) as {username or 'anonymous'}: {len(queries)} queries\n"
        f"{_listing(queries)}"
    )
