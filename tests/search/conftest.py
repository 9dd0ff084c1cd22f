import pytest
from django.conf import settings as django_settings

#: The backends the search page's tests run against: Whoosh (the default), Wagtail's
#: database backend and, on PostgreSQL, the hub's PostgreSQL backend.
BACKENDS = ["whoosh", "database", *(["postgres"] if django_settings.ON_POSTGRES else [])]


@pytest.fixture(params=BACKENDS)
def search_backend(request, settings):
    """Run the test against each backend of ``BACKENDS``.

    For the other backends both receive the test's writes, and the one under test is the
    "default" the search page uses. (The base content is indexed in Whoosh only: tests
    publish the pages they search for.)
    """
    backends = settings.SEARCH_BACKENDS
    if request.param != "whoosh":
        settings.WAGTAILSEARCH_BACKENDS = {
            "default": backends[request.param],
            "whoosh": backends["whoosh"],
        }
    return request.param


@pytest.fixture
def rebuild_after():
    """For tests that break the index on purpose: rebuild it afterwards, pass or fail."""
    yield
    from io import StringIO

    from django.core.management import call_command

    call_command("update_index", backend_name="default", stdout=StringIO(), verbosity=0)


@pytest.fixture
def space(db):
    """A country space (Sweden) to publish test practices in."""
    from countries.models import CountryPage

    return CountryPage.objects.get(country__code="SE")


@pytest.fixture
def other_space(db):
    from countries.models import CountryPage

    return CountryPage.objects.get(country__code="FI")


@pytest.fixture
def unique():
    """Make a word unique to this test run.

    Rolled-back pages stay in the Whoosh index until the next rebuild (the database
    decides what is shown, but counts come from the index), so no two tests may share a
    made-up word, not even the same test run against the other backend.
    """
    import secrets
    import string

    tag = "".join(secrets.choice(string.ascii_lowercase) for _ in range(6))

    def word(base):
        return f"{base}{tag}"

    return word


# The PostgreSQL backend's own tests need its table: collected on PostgreSQL only.
collect_ignore = [] if django_settings.ON_POSTGRES else ["test_postgres_backend.py"]
