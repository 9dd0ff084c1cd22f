"""A Whoosh search backend for modelsearch (Wagtail's search layer).

Configure it in ``WAGTAILSEARCH_BACKENDS`` (or ``MODELSEARCH_BACKENDS``)::

    {"default": {"BACKEND": "search.backends.whoosh", "PATH": "/var/lib/hub/search-index"}}

Options: ``PATH`` (required: the index directory; it holds pickles, so keep it out of
anything users can upload to), ``WRITE_TIMEOUT`` (seconds a writer waits for the index
lock, default 10), ``QUERY_TIME_LIMIT`` (seconds, default 2), ``QUEUE_WRITES`` (send
deletes to the task worker too; production settings set it), ``REBUILD_PROCS`` (Whoosh
writer processes for ``update_index``, default 2), ``REBUILD_MEMORY_MB`` (posting pool of
each, default 512), ``EXTRAS`` (dotted path of a hook adding filter and facet tokens).

Ranking is BM25F, computed with NumPy from cached posting lists and positions
(``scoring``) rather than Whoosh's matcher trees, which cost about a second per common
word at 10,000 pages; filters and facets are boolean masks. Compound segments are read
in place (``mapped``): Whoosh copied each of their files whenever it opened a reader.

Layout: one Whoosh index per root model (``wagtailcore_page``, ``home_hubdocument``…).
``PATH/<key>`` is a symbolic link to a generation directory ``PATH/<key>.g<stamp>``; a
rebuild fills a new generation and swaps the link atomically, so searches never see a
half-built index. Writers from any process serialise on Whoosh's lock file; while a
rebuild runs, live writes go to both generations so none is lost.

Text is analysed here, not by Whoosh (``search.backends.analysis``): every object is indexed in its
own language and a query word is expanded to its forms in all six languages.
Filters on the model's own ``FilterField``\\ s run inside Whoosh; filters that cross a
relation (whose semantics a flat index cannot reproduce) are resolved by the database.
Hits are always loaded through the caller's queryset, so the database has the last word.

The package, by stage: ``schema`` (fields and index values), ``documents`` (an object's
document), ``writing`` (generations, locks, searchers), ``mapped`` (segments read in place),
``rebuild`` (``update_index``), ``querying`` (modelsearch queries as Whoosh queries),
``scoring`` (BM25F, phrases and filters as arrays from posting lists), ``results`` and
``facets`` (searches and their counts), ``tasks`` (queued writes) and ``backend`` (the
class modelsearch instantiates). It imports nothing of the hub.
"""

from .backend import SearchBackend, WhooshSearchBackend

__all__ = ["SearchBackend", "WhooshSearchBackend"]
