"""The backend: modelsearch's entry point, its options, the admin lock and write retries."""

import contextlib
import datetime
import fcntl
import logging
import os
import time

from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import default_task_backend
from modelsearch.backends.base import BaseSearchBackend, get_model_root

from ..errors import SearchIndexError
from .querying import WhooshAutocompleteQueryCompiler, WhooshSearchQueryCompiler
from .rebuild import WhooshRebuilder
from .results import WhooshSearchResults
from .tasks import delete_from_index, reindex_object
from .writing import WhooshIndex

logger = logging.getLogger("search.whoosh")

MAX_WRITE_ATTEMPTS = 5


class WhooshSearchBackend(BaseSearchBackend):
    query_compiler_class = WhooshSearchQueryCompiler
    autocomplete_query_compiler_class = WhooshAutocompleteQueryCompiler
    results_class = WhooshSearchResults
    rebuilder_class = WhooshRebuilder
    # A failed index write must never lose the editor's save: log it, let check_index repair.
    catch_indexing_errors = True

    def __init__(self, params):
        super().__init__(params)
        path = params.get("PATH")
        if not path:
            raise ValueError("The Whoosh search backend needs a PATH (its index directory).")
        self.path = os.path.abspath(str(path))
        self.write_timeout = float(params.get("WRITE_TIMEOUT", 10))
        self.query_time_limit = float(params.get("QUERY_TIME_LIMIT", 2))
        self.queue_writes = bool(params.get("QUEUE_WRITES", False))
        self.rebuild_procs = int(params.get("REBUILD_PROCS", 2))
        # Memory for each rebuild writer's posting pool: above it Whoosh sorts on disk,
        # pickling every posting twice (14 % of a profiled 10,000-page rebuild at 256 MB).
        self.rebuild_memory_mb = int(params.get("REBUILD_MEMORY_MB", 512))
        # EXTRAS: dotted path of a callable(obj) -> {name: [tokens]}, indexed as keyword
        # fields named in EXTRA_FIELDS (default: the callable's ``fields`` attribute), for
        # filters and facets beyond one model's fields (the hub: view restrictions and
        # facets across page types).
        hook = params.get("EXTRAS")
        self.extras_hook = import_string(hook) if isinstance(hook, str) else hook
        self.extra_fields = tuple(
            params.get("EXTRA_FIELDS", getattr(self.extras_hook, "fields", ()))
        )
        self._indexes = {}

    def get_index_for_model(self, model):
        root = get_model_root(model)
        index = self._indexes.get(root)
        if index is None:
            index = self._indexes[root] = WhooshIndex(self, root)
        return index

    @contextlib.contextmanager
    def admin_lock(self, name, blocking=True):
        """A cross-process lock for creating, swapping and rebuilding one index."""
        os.makedirs(self.path, mode=0o700, exist_ok=True)
        path = os.path.join(self.path, f"{name}.admin.lock")
        with open(path, "a+") as handle:
            flags = fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB)
            try:
                fcntl.flock(handle, flags)
            except BlockingIOError as error:
                raise SearchIndexError(
                    f"Another process is rebuilding the search index {name!r}; try again later."
                ) from error
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def add(self, obj):
        index = self.get_index_for_object(obj)
        self.write_with_retry(lambda: index.add_item(obj), obj)

    def write_with_retry(self, write, obj, attempt=1):
        """Run one index write; retry once, then queue a retry (or raise when inline).

        Failures are logged with the object, so ``check_index`` is never the only trace.
        """
        label = obj._meta.label
        try:
            write()
            return
        except Exception as error:  # noqa: BLE001 - lock timeouts and I/O errors alike
            logger.warning("Index write for %s %s failed (%r); retrying.", label, obj.pk, error)
        time.sleep(0.2)
        try:
            write()
            return
        except Exception:
            logger.exception("Could not index %s %s (attempt %s).", label, obj.pk, attempt)
            if not self.queue_writes or attempt >= MAX_WRITE_ATTEMPTS:
                raise
        retry = reindex_object
        if default_task_backend.supports_defer:
            delay = datetime.timedelta(seconds=30 * attempt)
            retry = reindex_object.using(run_after=timezone.now() + delay)
        retry.enqueue(label, str(obj.pk), attempt + 1)

    def rebuild_is_running(self, name):
        """Whether a rebuild of index ``name`` holds its lock (in any process)."""
        try:
            with self.admin_lock(name, blocking=False):
                return False
        except SearchIndexError:
            return True

    def delete(self, obj):
        if self.queue_writes:
            delete_from_index.enqueue(obj._meta.label, str(obj.pk))
            return
        super().delete(obj)


SearchBackend = WhooshSearchBackend
