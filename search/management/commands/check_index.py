"""Compare the search index with the database, and repair it with --fix.

Finds objects missing from the index, entries whose object is gone or no longer indexed
(extra), and entries that differ from what indexing the object now would write (stale):
on the hub's engines their view-restriction tokens, always (a privacy matter); with
--deep, the whole entry (facet tokens and text too). Exit status 1 when drift remains.

Works on every backend that keeps an index: the hub's engines (Whoosh, PostgreSQL) and
Wagtail's database backend. What is engine-neutral is here: the database is read model
by model in chunks of objects (keyset pagination on the primary key), then the index's
entries in chunks, each chunk checked and repaired before the next is read, so memory
does not grow with the site and a periodic run in production stays cheap. What each
engine keeps is read by its reader (``search.backends.drift``).
"""

import logging
import time

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from modelsearch.backends import InvalidSearchBackendError, get_search_backend
from modelsearch.index import get_indexed_instance, get_indexed_models

from search import database_index
from search.backends.drift import INDEXED, KEYS, ROWS
from search.backends.errors import SearchIndexError
from search.management.commands._groups import models_by_index

logger = logging.getLogger("hub.search")

#: Objects checked at a time (one read of the index and one EXTRAS batch per chunk), by
#: what is loaded of them: rows are small, but every batch of view tokens reads all the
#: page restrictions again (0.2 s with 2,000 restricted practices); objects as indexing
#: loads them carry their related objects and text.
CHUNK = {KEYS: 2000, ROWS: 2000, INDEXED: 500}
#: Index entries read at a time when looking for extra ones.
ENTRY_CHUNK = 2000
#: Keys of drifted entries listed at verbosity 2, per kind and index.
LISTED = 20


class Drift:
    """What was found in one index: counts, and the first keys of each kind (listed at
    verbosity 2; memory does not grow with the drift either)."""

    KINDS = ("missing", "extra", "stale")

    def __init__(self, name):
        self.name = name
        self.objects = self.entries = 0
        self.counts = dict.fromkeys(self.KINDS, 0)
        self.keys = {kind: [] for kind in self.KINDS}

    def add(self, kind, keys):
        self.counts[kind] += len(keys)
        self.keys[kind] += keys[: LISTED - len(self.keys[kind])]

    @property
    def total(self):
        return sum(self.counts.values())


class Command(BaseCommand):
    help = "Report drift between the database and the search index; --fix repairs it."

    def add_arguments(self, parser):
        parser.add_argument("--backend", default="default", help="WAGTAILSEARCH_BACKENDS entry.")
        parser.add_argument("--fix", action="store_true", help="Repair what is found.")
        parser.add_argument(
            "--deep", action="store_true", help="Also compare every entry's whole content."
        )

    def handle(self, *args, backend, fix, deep, verbosity, **options):
        started = time.monotonic()
        try:
            search_backend = get_search_backend(backend)
        except InvalidSearchBackendError as error:
            raise CommandError(str(error)) from error
        found = []
        for index, models in models_by_index(search_backend, get_indexed_models()).items():
            reader = _reader(index)
            if reader is None:
                self.stdout.write(f"Backend {backend!r} keeps no index to check.")
                return
            drift = Drift(getattr(index, "name", None) or str(index.get_key()))
            try:
                self._check(reader, models, drift, fix=fix, deep=deep)
            except SearchIndexError as error:
                raise CommandError(str(error)) from error
            found.append(drift)
            self._report(drift, fix, verbosity)
        total = sum(drift.total for drift in found)
        seconds = time.monotonic() - started
        if total and fix:
            logger.warning("check_index repaired %s entries of backend %r.", total, backend)
        if verbosity >= 1 or total:
            self.stdout.write(f"Checked in {seconds:.2f} s.")
        if total and not fix:
            self.stderr.write(f"Drift found ({total}); run check_index --fix to repair.")
            raise SystemExit(1)
        if not total and verbosity >= 1:
            self.stdout.write("The index matches the database.")

    # Checking ---------------------------------------------------------------------------

    def _check(self, reader, models, drift, fix, deep):
        indexed = set(models)
        loads = reader.loads(deep)
        for model in models:
            for chunk in _chunks(model, loads):
                if loads != KEYS and not reader.per_model:
                    chunk = _own(model, chunk, indexed)
                drift.objects += len(chunk)
                missing, stale = reader.check(model, chunk, deep)
                drift.add("missing", missing)
                drift.add("stale", stale)
                if fix and (missing or stale):
                    reader.write(model, _objects(model, chunk, {*missing, *stale}, loads))
        for entries in reader.entries(ENTRY_CHUNK):
            drift.entries += len(entries)
            extra = _extra(entries, models, reader.per_model)
            drift.add("extra", [entry.key for entry in extra])
            if fix and extra:
                reader.delete([entry.handle for entry in extra])

    def _report(self, drift, fix, verbosity):
        if verbosity < 1 and not drift.total:
            return
        counts = ", ".join(f"{kind} {count}" for kind, count in drift.counts.items())
        self.stdout.write(
            f"{drift.name}: {drift.objects} in database, {drift.entries} indexed; {counts}"
        )
        if verbosity >= 2:
            for kind, count in drift.counts.items():
                if count:
                    more = " …" if count > LISTED else ""
                    self.stdout.write(f"  {kind}: {' '.join(drift.keys[kind])}{more}")
        if fix and drift.total:
            self.stdout.write(f"{drift.name}: repaired {drift.total} document(s).")


def _reader(index):
    """The index's drift reader: the hub's engines give their own; Wagtail's database
    backend is read by an adapter; any other backend keeps no index this can read."""
    make = getattr(index, "drift_reader", None)
    return make() if make is not None else database_index.reader_for(index)


def _chunks(model, loads):
    """``model``'s indexed objects in chunks, by primary key, loaded as ``loads`` says:
    as indexing loads them, without the related objects indexing prefetches, or only
    their primary keys."""
    queryset = model.get_indexed_objects().order_by("pk")
    if loads != INDEXED:
        # The view tokens read the objects' own columns: a practice's joined space,
        # country and locale made loading its rows twice as slow.
        queryset = queryset.prefetch_related(None).select_related(None)
    if loads == KEYS:
        queryset = queryset.values_list("pk", flat=True)
    last = None
    while True:
        page = queryset if last is None else queryset.filter(pk__gt=last)
        chunk = list(page[: CHUNK[loads]])
        if not chunk:
            return
        yield chunk
        last = getattr(chunk[-1], "pk", chunk[-1])


def _own(model, objects, indexed):
    """The objects indexed as ``model``: one whose indexed instance is of another indexed
    model (a more specific one) is checked with that model's objects."""
    own = []
    for obj in objects:
        instance = get_indexed_instance(obj, check_exists=False)
        if instance is not None and (type(instance) is model or type(instance) not in indexed):
            own.append(instance)
    return own


def _objects(model, chunk, keys, loads):
    """The objects of ``chunk`` whose key is in ``keys``, as indexing loads them."""
    if loads != INDEXED:
        pks = [getattr(item, "pk", item) for item in chunk]
        chunk = model.get_indexed_objects().filter(pk__in=[pk for pk in pks if str(pk) in keys])
        chunk = [get_indexed_instance(obj, check_exists=False) for obj in chunk]
    return [obj for obj in chunk if obj is not None and str(obj.pk) in keys]


def _extra(entries, models, per_model):
    """The entries whose object no model of the index indexes any more.

    One query per model named in the chunk. An index that keeps one entry per key (not
    per model) may have written a key as another model than it has now: those few are
    looked up in every model of the index before being called extra.
    """
    by_model = {}
    for entry in entries:
        by_model.setdefault(entry.model if entry.model in models else None, []).append(entry)
    extra = []
    for model, group in by_model.items():
        found = _indexed_keys(model, [entry.key for entry in group]) if model else set()
        extra += [entry for entry in group if entry.key not in found]
    if extra and not per_model:
        keys = [entry.key for entry in extra]
        found = set().union(*(_indexed_keys(model, keys) for model in models))
        extra = [entry for entry in extra if entry.key not in found]
    return extra


def _indexed_keys(model, keys):
    """The keys among ``keys`` of objects that ``model`` indexes."""
    pks = []
    for key in keys:
        try:
            pks.append(model._meta.pk.to_python(key))
        except ValidationError:
            continue  # a key no object of the model can have
    queryset = model.get_indexed_objects().filter(pk__in=pks).prefetch_related(None)
    queryset = queryset.values_list("pk", flat=True)
    return {str(pk) for pk in queryset}
