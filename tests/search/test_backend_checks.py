"""The system checks of the search configuration, whichever database runs the tests."""

from django.db import connection

from search.backends.checks import check_postgres_backend


def test_the_postgres_backend_needs_postgres_and_its_table(settings):
    assert check_postgres_backend() == []
    settings.WAGTAILSEARCH_BACKENDS = {"default": settings.SEARCH_BACKENDS["postgres"]}
    found = [error.id for error in check_postgres_backend()]
    if connection.vendor == "postgresql":
        assert found == []  # its app is installed on PostgreSQL (hub/settings/base.py)
    else:
        assert found == ["search.E002"]
