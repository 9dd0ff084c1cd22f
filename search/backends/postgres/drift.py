"""``check_index``'s reader of the PostgreSQL index table (``search.backends.drift``).

A row's content types and EXTRAS tokens are read and compared in Python (view
restrictions: always). The deep check leaves the comparison of the rest to PostgreSQL:
the row each object would get is computed by the upsert's own expressions, for a batch in
one statement, and compared with the stored row there, so no vector crosses the wire.
"""

from __future__ import annotations

from django.db import connection
from modelsearch.index import get_indexed_models

from ..drift import EngineDrift, Entry, shallow_extras
from ..objects import content_types
from .backend import BATCH
from .documents import Document, extra_tokens
from .results import TABLE

#: One object's row as the upsert writes it (``Document.upsert_params``), as a VALUES row.
ROW = "(%s, %s, %s::bigint, %s::varchar[], %s, %s::text[], %s::text[], %s::text[], %s, %s::text[])"
#: The objects of a batch whose stored row differs from the row computed now.
DIFFERS = (
    "SELECT v.object_id FROM (VALUES {rows}) "
    "v(index, object_id, object_pk, content_types, language, c, t, w, autocomplete, tokens) "
    "JOIN {table} d ON d.index = v.index AND d.object_id = v.object_id "
    "WHERE (d.object_pk, d.content_types, d.language::text, d.vector, d.autocomplete, d.tokens) "
    "IS DISTINCT FROM (v.object_pk, v.content_types, v.language::text, "
    "(SELECT coalesce(search_tsvector_agg(setweight(to_tsvector(s.c::regconfig, s.t), "
    "s.w::\"char\")), ''::tsvector) FROM unnest(v.c, v.t, v.w) s(c, t, w)), "
    "to_tsvector('simple'::regconfig, v.autocomplete), v.tokens)"
)


class PostgresDrift(EngineDrift):
    """The index table read for drift: tokens by key, whole rows compared in SQL for --deep."""

    def check(self, model, objects, deep):
        keys = [str(obj.pk) for obj in objects]
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT object_id, content_types, tokens FROM {TABLE} "  # noqa: S608
                "WHERE index = %s AND object_id = ANY(%s)",
                [self.index.key, keys],
            )
            held = {key: (types, tokens) for key, types, tokens in cursor.fetchall()}
        missing = [key for key in keys if key not in held]
        present = [obj for obj in objects if str(obj.pk) in held]
        if deep:
            # Everything in the row, the tokens included.
            extras = self.index.extras(present)
            stale = set()
            for start in range(0, len(present), BATCH):
                batch = zip(
                    present[start : start + BATCH], extras[start : start + BATCH], strict=True
                )
                stale |= self._differing([Document(obj, given) for obj, given in batch])
            return missing, sorted(stale)
        names = set(self.index.backend.extra_fields)
        given = shallow_extras(self.index.backend.extras_hook, present)
        stale = [
            str(obj.pk)
            for obj, extras in zip(present, given, strict=True)
            if _differs(held[str(obj.pk)], type(obj), extras, names)
        ]
        return missing, stale

    def _differing(self, documents):
        if not documents:
            return set()
        statement = DIFFERS.format(rows=", ".join([ROW] * len(documents)), table=TABLE)
        params = [value for d in documents for value in d.upsert_params(self.index.key)]
        with connection.cursor() as cursor:
            cursor.execute(statement, params)
            return {key for (key,) in cursor.fetchall()}

    def entries(self, size):
        models = {model.indexed_get_content_type(): model for model in get_indexed_models()}
        last = ""
        while True:
            with connection.cursor() as cursor:
                # Keyset pagination on the (index, object_id) unique index.
                cursor.execute(
                    f"SELECT object_id, content_types[1] FROM {TABLE} "  # noqa: S608
                    "WHERE index = %s AND object_id > %s ORDER BY object_id LIMIT %s",
                    [self.index.key, last, size],
                )
                rows = cursor.fetchall()
            if not rows:
                return
            yield [Entry(key, key, models.get(label)) for key, label in rows]
            last = rows[-1][0]

    def write(self, model, objects):
        self.index.add_items(model, objects)

    def delete(self, handles):
        self.index.delete_keys(handles)


def _differs(stored, model, given, names):
    """Whether a row's content types, or its tokens of the names ``given`` has, differ."""
    types, tokens = stored
    compared = {name: values for name, values in given.items() if name in names}
    kept = sorted(t for t in tokens if t.partition(":")[0] in compared)
    return types != content_types(model) or kept != extra_tokens(compared)
