"""``check_index``'s reader of Wagtail's database search backend (``search.backends.drift``).

That backend (modelsearch's, not ours) keeps one ``IndexEntry`` per (content type, object):
plain text on SQLite and MySQL (an FTS table follows it by triggers), weighted vectors
and their text on PostgreSQL. It keeps no view tokens (its searches are filtered by the
database), so a shallow check is presence only; ``--deep`` compares every column the
backend writes with what its own ``ObjectIndexer`` makes of the object now, in the
database, one statement per chunk.

On PostgreSQL the texts and weights each object's vectors are made of now go to the
database as arrays, one VALUES row per object joined to the table on the key; the
database builds the vectors as the backend's insert does and compares them with the
stored ones, so no vector crosses the wire. (One CASE branch per object and column, as
the text of the other databases is compared, took minutes per chunk there.)
"""

from __future__ import annotations

from importlib import import_module
from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django.db.models import Case, F, QuerySet, TextField, Value, When
from django.db.models.functions import Cast
from modelsearch.conf import get_app_config
from modelsearch.utils import balanced_reduce

from search.backends.drift import INDEXED, KEYS, Entry

#: The IndexEntry columns the backend writes from an object (those its model has).
CONTENT = ("title", "body", "autocomplete", "title_text", "body_text")
#: Those that are vectors on PostgreSQL, and the configuration each is made with (the
#: backend's attribute); the others are text.
VECTORS = {"title": "config", "body": "config", "autocomplete": "autocomplete_config"}


def reader_for(index):
    """A reader for ``index`` when it is the database backend's, else None."""
    entries = getattr(index, "entries", None)
    if isinstance(entries, QuerySet) and entries.model is get_app_config().get_model("IndexEntry"):
        return DatabaseIndexDrift(index)
    return None


class DatabaseIndexDrift:
    per_model = True

    def __init__(self, index):
        self.index = index
        self.rows = index.entries
        model = self.rows.model
        self.columns = [name for name in CONTENT if _has_field(model, name)]
        # The backend's own indexer for this database (sqlite, postgres or mysql).
        self.indexer = import_module(type(index).__module__).ObjectIndexer
        self.connection = connections[self.rows.db]
        # Vectors on PostgreSQL: compared by building them there from their texts.
        self.vectors = self.connection.vendor == "postgresql"
        if self.vectors:
            self.indexer = type("PartsIndexer", (_Parts, self.indexer), {})

    def loads(self, deep):
        return INDEXED if deep else KEYS

    def check(self, model, items, deep):
        pks = [getattr(item, "pk", item) for item in items]
        keys = [str(pk) for pk in pks]
        type_id = ContentType.objects.get_for_model(model).pk
        rows = self.rows.filter(content_type_id=type_id, object_id__in=keys)
        held = set(rows.values_list("object_id", flat=True))
        missing = [key for key in keys if key not in held]
        stale = []
        if deep:
            present = [item for item in items if str(item.pk) in held]
            differing = self._differing_vectors if self.vectors else self._differing
            stale = sorted(differing(type_id, rows, present))
        return missing, stale

    def _differing(self, type_id, rows, objects):
        """Keys of ``objects`` whose entry differs from what the backend would write."""
        if not objects:
            return set()
        indexers = [self.indexer(obj, self.index.backend) for obj in objects]
        model = self.rows.model
        columns = {}
        for name in self.columns:
            field = model._meta.get_field(name)
            whens = [
                When(object_id=indexer.id, then=_expression(getattr(indexer, name), field))
                for indexer in indexers
            ]
            # Compared as text: "=" on a vector column means "matches" in Django.
            columns[f"stored_{name}"] = Cast(name, TextField())
            columns[f"expected_{name}"] = Cast(Case(*whens, output_field=field), TextField())
        same = {f"stored_{name}": F(f"expected_{name}") for name in self.columns}
        return set(
            rows.filter(object_id__in=[indexer.id for indexer in indexers])
            .annotate(**columns)
            .exclude(**same)
            .values_list("object_id", flat=True)
        )

    def _differing_vectors(self, type_id, rows, objects):
        """``_differing`` on PostgreSQL, in one statement joined to the computed rows.

        A row per object: its key, for each vector column the texts and the weights the
        vector is made of, in the indexer's order, then the plain texts. The vector is
        built as the backend's insert builds it: ``setweight(to_tsvector(configuration,
        text), weight)`` per text, joined by ``||`` in the same balanced tree (one tree
        per number of texts found in the chunk).
        """
        if not objects:
            return set()
        indexers = [self.indexer(obj, self.index.backend) for obj in objects]
        vectors = [name for name in self.columns if name in VECTORS]
        texts = [name for name in self.columns if name not in VECTORS]
        names = ["object_id"] + [f"{name}_{part}" for name in vectors for part in "tw"] + texts
        row = ", ".join(["%s"] + ["%s::text[]"] * 2 * len(vectors) + ["%s"] * len(texts))
        params, counts = [], {name: set() for name in vectors}
        for indexer in indexers:
            params.append(indexer.id)
            for name in vectors:
                parts = getattr(indexer, name).parts
                counts[name].add(len(parts))
                params += [[text for text, _ in parts], [weight for _, weight in parts]]
            params += [getattr(indexer, name) for name in texts]
        configurations = [getattr(self.index.backend, VECTORS[name]) for name in vectors]
        expected = [_vector_sql(name, counts[name]) for name in vectors]
        expected += [f"v.{name}" for name in texts]
        table = self.connection.ops.quote_name(self.rows.model._meta.db_table)
        values = ", ".join([f"({row})"] * len(indexers))
        configured = ", ".join(
            f"coalesce(%s::regconfig, get_current_ts_config()) AS {name}" for name in vectors
        )
        statement = (
            f"SELECT v.object_id FROM (VALUES {values}) v({', '.join(names)}) "  # noqa: S608
            f"CROSS JOIN (SELECT {configured}) c "
            f"JOIN {table} e ON e.content_type_id = %s AND e.object_id = v.object_id "
            f"WHERE ({', '.join(f'e.{name}' for name in self.columns)}) "
            f"IS DISTINCT FROM ({', '.join(expected)})"
        )
        with self.connection.cursor() as cursor:
            cursor.execute(statement, [*params, *configurations, type_id])
            return {key for (key,) in cursor.fetchall()}

    def entries(self, size):
        last = 0
        while True:
            rows = list(
                self.rows.filter(pk__gt=last)
                .order_by("pk")
                .values_list("pk", "content_type_id", "object_id")[:size]
            )
            if not rows:
                return
            yield [
                Entry(pk, object_id, ContentType.objects.get_for_id(type_id).model_class())
                for pk, type_id, object_id in rows
            ]
            last = rows[-1][0]

    def write(self, model, objects):
        self.index.add_items(model, objects)

    def delete(self, handles):
        self.rows.filter(pk__in=handles).delete()


class _Vector(NamedTuple):
    """A vector as the PostgreSQL backend's indexer makes it: (text, weight) pairs."""

    parts: list


class _Parts:
    """Mixed into the PostgreSQL backend's ``ObjectIndexer``: what goes into each vector,
    with which weight, stays the indexer's; only the last step, building the expression,
    is left to ``_vector_sql``. Each of the five columns walks every search field again,
    related objects included: a field's values are read once, for all five (five times
    as fast, and most of a chunk's time)."""

    def prepare_field(self, obj, field):
        if obj is not self.obj:  # a related object, inside a field being prepared
            yield from super().prepare_field(obj, field)
            return
        prepared = self.__dict__.setdefault("prepared", {})
        if id(field) not in prepared:
            prepared[id(field)] = list(super().prepare_field(obj, field))
        yield from prepared[id(field)]

    def as_vector(self, texts, for_autocomplete=False):
        # As the indexer's own: stripped, the empty texts dropped (none: an empty vector).
        texts = [(text.strip(), weight) for text, weight in texts]
        return _Vector([(text, weight) for text, weight in texts if text])


def _vector_sql(name, counts):
    """The vector column ``name`` built from a row's texts ``v.<name>_t`` and weights
    ``v.<name>_w`` with the configuration ``c.<name>``, for each number of texts in
    ``counts``: the tree of ``||`` the backend's ``ADD`` makes (concatenating vectors
    shifts the right one's positions, so the order matters, and the tree is kept)."""

    def part(i):
        return f'setweight(to_tsvector(c.{name}, v.{name}_t[{i}]), v.{name}_w[{i}]::"char")'

    whens = [
        f"WHEN {n} THEN "
        + balanced_reduce(lambda a, b: f"({a} || {b})", [part(i) for i in range(1, n + 1)])
        for n in sorted(counts)
        if n
    ]
    if not whens:
        return "''::tsvector"
    return f"CASE cardinality(v.{name}_t) {' '.join(whens)} ELSE ''::tsvector END"


def _has_field(model, name):
    return any(field.name == name for field in model._meta.get_fields())


def _expression(value, field):
    """A value the indexer made (text, or an expression on PostgreSQL) as an expression."""
    return value if hasattr(value, "resolve_expression") else Value(value, output_field=field)
