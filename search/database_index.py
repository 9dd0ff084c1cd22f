"""``check_index``'s reader of Wagtail's database search backend (``search.backends.drift``).

That backend (modelsearch's, not ours) keeps one ``IndexEntry`` per (content type, object):
plain text on SQLite and MySQL (an FTS table follows it by triggers), weighted vectors
and their text on PostgreSQL. It keeps no view tokens (its searches are filtered by the
database), so a shallow check is presence only; ``--deep`` compares every column the
backend writes with what its own ``ObjectIndexer`` makes of the object now, in the
database, one statement per chunk.
"""

from __future__ import annotations

from importlib import import_module

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, F, QuerySet, TextField, Value, When
from django.db.models.functions import Cast
from modelsearch.conf import get_app_config

from search.backends.drift import INDEXED, KEYS, Entry

#: The IndexEntry columns the backend writes from an object (those its model has).
CONTENT = ("title", "body", "autocomplete", "title_text", "body_text")


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

    def loads(self, deep):
        return INDEXED if deep else KEYS

    def check(self, model, items, deep):
        pks = [getattr(item, "pk", item) for item in items]
        keys = [str(pk) for pk in pks]
        rows = self.rows.filter(
            content_type_id=ContentType.objects.get_for_model(model).pk, object_id__in=keys
        )
        held = set(rows.values_list("object_id", flat=True))
        missing = [key for key in keys if key not in held]
        stale = []
        if deep:
            present = [item for item in items if str(item.pk) in held]
            stale = sorted(self._differing(rows, present))
        return missing, stale

    def _differing(self, rows, objects):
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


def _has_field(model, name):
    return any(field.name == name for field in model._meta.get_fields())


def _expression(value, field):
    """A value the indexer made (text, or an expression on PostgreSQL) as an expression."""
    return value if hasattr(value, "resolve_expression") else Value(value, output_field=field)
