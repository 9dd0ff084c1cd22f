"""The backend modelsearch instantiates, its index (writes to the table) and rebuilds."""

from __future__ import annotations

import logging

from django.db import connection, transaction
from django.utils.module_loading import import_string
from modelsearch.backends.base import BaseIndex, BaseSearchBackend, get_model_root

from .documents import Document
from .querying import PostgresAutocompleteQueryCompiler, PostgresSearchQueryCompiler
from .results import TABLE, PostgresSearchResults

logger = logging.getLogger("search.postgres")

#: Documents built and written at a time.
BATCH = 200


class PostgresIndex(BaseIndex):
    """The rows of one root model (``wagtailcore.page``…) in the index table."""

    def __init__(self, backend, key):
        super().__init__(backend)
        self.key = key

    def get_key(self):
        return self.key

    def __repr__(self):
        return f"<PostgresIndex {self.key}>"

    def add_items(self, model, items):
        items = list(items)
        if not items:
            return
        documents = [
            Document(obj, extras) for obj, extras in zip(items, self.extras(items), strict=True)
        ]
        for start in range(0, len(documents), BATCH):
            self._write(documents[start : start + BATCH])

    def extras(self, items):
        """The EXTRAS hook's {name: values} of each item (one set of queries with the
        hook's ``bulk``)."""
        hook = self.backend.extras_hook
        if hook is None:
            return [{} for _ in items]
        bulk = getattr(hook, "bulk", None)
        given = bulk(items) if bulk is not None and len(items) > 1 else [hook(o) for o in items]
        names = self.backend.extra_fields
        return [{name: (extras or {}).get(name, ()) for name in names} for extras in given]

    def _write(self, documents):
        statement = Document.UPSERT.format(table=TABLE)
        with connection.cursor() as cursor:
            cursor.executemany(statement, [d.upsert_params(self.key) for d in documents])

    def delete_item(self, item):
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {TABLE} WHERE index = %s AND object_id = %s", [self.key, str(item.pk)]
            )

    def delete_keys(self, keys):
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {TABLE} WHERE index = %s AND object_id = ANY(%s)",
                [self.key, [str(key) for key in keys]],
            )

    def drift_reader(self):
        """What ``check_index`` reads this index through (``search.backends.drift``)."""
        from .drift import PostgresDrift

        return PostgresDrift(self)

    def reset(self):
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE} WHERE index = %s", [self.key])

    def delete_older_than(self, moment):
        """Delete the rows not written since ``moment`` (a rebuild's start)."""
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {TABLE} WHERE index = %s AND updated < %s", [self.key, moment]
            )
            return cursor.rowcount


class PostgresRebuilder:
    """A rebuild in place: every object is written again, then the rows it did not write
    (objects gone or no longer indexed) are deleted. Searches keep working throughout."""

    def __init__(self, index):
        self.index = index
        self.started = None

    def start(self):
        with connection.cursor() as cursor:
            cursor.execute("SELECT now()")
            self.started = cursor.fetchone()[0]
        return self.index

    def finish(self):
        removed = self.index.delete_older_than(self.started)
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {TABLE}")
        if removed:
            logger.info("Rebuild of %s removed %s stale rows.", self.index.key, removed)


class PostgresSearchBackend(BaseSearchBackend):
    """Full-text search in PostgreSQL's own tables (``search.backends.postgres``).

    Options: ``EXTRAS`` (dotted path of a hook adding filter and facet tokens, as for the
    Whoosh backend), ``EXTRA_FIELDS`` (their names; default: the hook's ``fields``) and
    ``QUERY_TIME_LIMIT`` (seconds one search may run, default 2).
    """

    query_compiler_class = PostgresSearchQueryCompiler
    autocomplete_query_compiler_class = PostgresAutocompleteQueryCompiler
    results_class = PostgresSearchResults
    rebuilder_class = PostgresRebuilder

    def __init__(self, params):
        super().__init__(params)
        if connection.vendor != "postgresql":
            logger.warning("The PostgreSQL search backend needs a PostgreSQL database.")
        self.query_time_limit = float(params.get("QUERY_TIME_LIMIT", 2))
        hook = params.get("EXTRAS")
        self.extras_hook = import_string(hook) if isinstance(hook, str) else hook
        self.extra_fields = tuple(
            params.get("EXTRA_FIELDS", getattr(self.extras_hook, "fields", ()))
        )
        self._indexes = {}

    @staticmethod
    def index_key(model):
        return get_model_root(model)._meta.label_lower

    def get_index_for_model(self, model):
        key = self.index_key(model)
        index = self._indexes.get(key)
        if index is None:
            index = self._indexes[key] = PostgresIndex(self, key)
        return index

    def add(self, obj):
        # A savepoint: a failed write must not break the caller's transaction.
        with transaction.atomic():
            super().add(obj)


SearchBackend = PostgresSearchBackend
