import pytest

from search import thesaurus


@pytest.fixture(autouse=True)
def fresh_thesaurus():
    """Each test rolls its edits back without signals: start and end with no cached table,
    so no test sees another's concepts."""
    thesaurus.invalidate()
    yield
    thesaurus.invalidate()


@pytest.fixture(params=["whoosh", "database"])
def search_backend(request, settings):
    """Run the test against Whoosh (the default) and Wagtail's database backend.

    Both backends receive every write in the test settings; this makes the chosen one the
    "default" the search page uses.
    """
    backends = settings.SEARCH_BACKENDS
    if request.param == "database":
        settings.WAGTAILSEARCH_BACKENDS = {
            "default": backends["database"],
            "whoosh": backends["whoosh"],
        }
    return request.param


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
