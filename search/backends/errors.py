"""What the search engine raises, whichever engine it is: callers catch these, never an
engine's own exceptions."""


class SearchIndexError(Exception):
    """The index is missing, damaged or unreadable. The message says what to run."""
