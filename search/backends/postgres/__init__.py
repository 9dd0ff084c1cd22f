"""A PostgreSQL search backend for modelsearch (Wagtail's search layer).

Configure it in ``WAGTAILSEARCH_BACKENDS`` and install its table's app::

    INSTALLED_APPS += ["search.backends.postgres"]
    {"default": {"BACKEND": "search.backends.postgres", "EXTRAS": "…"}}

The index is one table (``models.IndexedDocument``): per object a combined, weighted
``tsvector`` analysed in the object's language (``documents``), the folded words of its
autocomplete fields, and the EXTRAS hook's tokens (view restrictions, facets), each on a
GIN index. A search is one statement with a constant ``tsquery`` (``querying``): matches
from the GIN index, the caller's queryset joined on the primary key, the view tokens
tested as arrays, a ``ts_rank`` of the words typed on each match and of the whole query
on the best of them, and only the requested slice read; the search page's facets are
counted with GROUP BY in the same statement (``results``).

Layout: ``documents`` (what is indexed), ``querying`` (queries as tsquery), ``results``
(searches, counts, facets), ``backend`` (the class modelsearch instantiates, writes and
rebuilds). It imports nothing of the hub.
"""


def __getattr__(name):
    # The backend classes import models: load them only when modelsearch asks, after the
    # app registry is ready (this package is also the table's Django app).
    if name in ("SearchBackend", "PostgresSearchBackend"):
        from . import backend

        return getattr(backend, name)
    raise AttributeError(name)
