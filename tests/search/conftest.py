import pytest

from search import thesaurus


@pytest.fixture(autouse=True)
def fresh_thesaurus():
    """Each test rolls its edits back without signals: start and end with no cached table,
    so no test sees another's concepts."""
    thesaurus.invalidate()
    yield
    thesaurus.invalidate()
