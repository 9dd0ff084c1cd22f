"""Storage: index generations, the locks and journal of writers, per-thread searchers.

``PATH/<key>`` is a symbolic link to a generation directory ``PATH/<key>.g<stamp>``; a
rebuild (``rebuild``) fills a new generation and swaps the link atomically, so searches
never see a half-built index. Writers from any process serialise on Whoosh's lock file;
while a rebuild runs, live writes go to both generations and to a journal, so none is lost.
"""

import contextlib
import logging
import os
import shutil
import threading
import time
import uuid

from modelsearch.backends.base import BaseIndex, get_model_root
from modelsearch.index import get_indexed_models
from whoosh import index as windex

from ..errors import SearchIndexError
from . import mapped
from .documents import build_document
from .schema import IndexSpec

# Every reader this backend opens reads its segments in place (``mapped``).
mapped.install()

logger = logging.getLogger("search.whoosh")

INDEX_NAME = "main"

_local = threading.local()
# Models do not change while a process runs: one spec per root model.
_specs = {}
_index_cache = {}
_index_cache_lock = threading.Lock()


def _open_index(directory):
    with _index_cache_lock:
        ix = _index_cache.get(directory)
        if ix is None:
            ix = windex.open_dir(directory, indexname=INDEX_NAME)
            _index_cache[directory] = ix
        return ix


def forget(directory=None):
    """Drop the cached open index and this thread's searchers of ``directory`` (or all)."""
    with _index_cache_lock:
        if directory is None:
            _index_cache.clear()
        else:
            _index_cache.pop(directory, None)
    searchers = getattr(_local, "searchers", {})
    for key in list(searchers):
        if directory is None or key == directory:
            with contextlib.suppress(Exception):
                searchers.pop(key).close()


class WhooshIndex(BaseIndex):
    """One Whoosh index: all objects whose root model is ``root``."""

    def __init__(self, backend, root, directory=None):
        super().__init__(backend)
        self.root = root
        self.name = root._meta.label_lower.replace(".", "_")
        self.base = backend.path
        self.link = os.path.join(self.base, self.name)
        self.marker = os.path.join(self.base, f"{self.name}.building")
        self.journal = os.path.join(self.base, f"{self.name}.journal")
        # During a rebuild: the open writer of the new generation (one segment, one commit).
        self.bulk_writer = None
        # A fixed generation (during a rebuild) or None: follow the link.
        self.directory = directory

    def __repr__(self):
        return f"<WhooshIndex {self.name}>"

    def get_key(self):
        return self.name

    @property
    def spec(self):
        key = (self.root, self.backend.extra_fields)
        spec = _specs.get(key)
        if spec is None:
            members = [m for m in get_indexed_models() if get_model_root(m) is self.root]
            spec = _specs[key] = IndexSpec(self.root, members or [self.root], key[1])
        return spec

    # Directories ------------------------------------------------------------------------

    def current_directory(self):
        """The live generation's directory, or None when there is no index yet."""
        if self.directory:
            return self.directory
        try:
            target = os.readlink(self.link)
        except FileNotFoundError:
            return None
        except OSError:
            # Not a link: an index directory placed there by hand.
            return self.link if os.path.isdir(self.link) else None
        return os.path.join(self.base, target)

    def building_directory(self):
        try:
            with open(self.marker) as marker:
                name = marker.read().strip()
        except FileNotFoundError:
            return None
        path = os.path.join(self.base, name)
        return path if os.path.isdir(path) else None

    def new_generation(self):
        os.makedirs(self.base, mode=0o700, exist_ok=True)
        stamp = time.strftime("%Y%m%d%H%M%S", time.gmtime())
        directory = os.path.join(self.base, f"{self.name}.g{stamp}{uuid.uuid4().hex[:8]}")
        os.makedirs(directory, mode=0o700)
        windex.create_in(directory, self.spec.schema(), indexname=INDEX_NAME)
        return directory

    def swap_in(self, directory):
        """Point the link at ``directory`` atomically and drop generations no reader needs."""
        temporary = os.path.join(self.base, f".{self.name}.link-{uuid.uuid4().hex[:8]}")
        os.symlink(os.path.basename(directory), temporary)
        previous = self.current_directory() if not self.directory else None
        if os.path.isdir(self.link) and not os.path.islink(self.link):
            shutil.rmtree(self.link)
        os.replace(temporary, self.link)
        forget()
        self._clean_generations(keep={directory, previous})

    def _clean_generations(self, keep):
        building = self.building_directory()
        prefix = f"{self.name}.g"
        for entry in os.listdir(self.base):
            path = os.path.join(self.base, entry)
            if entry.startswith(prefix) and path not in keep and path != building:
                # Searchers still open on it keep their open files; new ones use the link.
                shutil.rmtree(path, ignore_errors=True)

    def ensure(self):
        """The live directory, creating an empty index if there is none."""
        directory = self.current_directory()
        if directory and windex.exists_in(directory, indexname=INDEX_NAME):
            return directory
        with self.backend.admin_lock(self.name):
            directory = self.current_directory()
            if directory and windex.exists_in(directory, indexname=INDEX_NAME):
                return directory
            logger.warning("Search index %s was missing; created an empty one.", self.name)
            directory = self.new_generation()
            self.swap_in(directory)
            return directory

    # Writing ----------------------------------------------------------------------------

    def _write_targets(self):
        if self.directory:
            return [self.directory]
        return [self.ensure()]

    def _journal(self, lines):
        """While a rebuild runs, note live writes: it replays them into the new generation.

        A marker left by a rebuild that died (its lock is free) is cleared instead.
        """
        if self.directory or not os.path.exists(self.marker):
            return
        if self.backend.rebuild_is_running(self.name):
            with open(self.journal, "a") as journal:  # O_APPEND: whole lines, any process
                journal.write("".join(lines))
        else:
            for path in (self.marker, self.journal):
                with contextlib.suppress(FileNotFoundError):
                    os.remove(path)

    @contextlib.contextmanager
    def writer(self, directory):
        ix = windex.open_dir(directory, indexname=INDEX_NAME)
        writer = ix.writer(timeout=self.backend.write_timeout, delay=0.05)
        try:
            for name, fieldtype in self.spec.fields.items():
                if name not in writer.schema:
                    writer.add_field(name, fieldtype)
            yield writer
        except BaseException:
            writer.cancel()
            raise
        else:
            writer.commit()

    def add_model(self, model):
        # The schema covers every indexed model under the root already.
        pass

    def add_items(self, model, items):
        items = list(items)
        if not items:
            return
        documents = self.documents(items)
        if self.bulk_writer is not None:
            for document in documents:
                self.bulk_writer.add_document(**document)
            return
        self._journal([f"a {type(item)._meta.label} {item.pk}\n" for item in items])
        for directory in self._write_targets():
            with self.writer(directory) as writer:
                for document in documents:
                    writer.update_document(**document)

    def documents(self, items):
        """The documents of ``items``, as ``add_items`` writes them."""
        spec = self.spec
        memo = {}
        return [
            build_document(spec, item, hook, memo)
            for item, hook in zip(items, self.extras_hooks(items), strict=True)
        ]

    def extras_hooks(self, items):
        """An EXTRAS hook per item: with the hook's ``bulk``, one set of queries for the
        whole batch (a rebuild adds 1,000 at a time)."""
        hook = self.backend.extras_hook
        bulk = getattr(hook, "bulk", None)
        if bulk is None or len(items) < 2:
            return [hook] * len(items)
        return [lambda _obj, extras=extras: extras for extras in bulk(items)]

    def delete_item(self, item):
        self.delete_pks([item.pk])

    def delete_pks(self, pks):
        self._journal([f"d - {pk}\n" for pk in pks])
        for directory in self._write_targets():
            with self.writer(directory) as writer:
                for pk in pks:
                    writer.delete_by_term("m_pk", str(pk))

    def refresh(self):
        forget(self.current_directory())

    def reset(self):
        with self.backend.admin_lock(self.name):
            self.swap_in(self.new_generation())

    # Reading ----------------------------------------------------------------------------

    def searcher(self):
        """This thread's searcher on the live generation, refreshed if the index changed."""
        directory = self.current_directory()
        if not directory or not windex.exists_in(directory, indexname=INDEX_NAME):
            raise SearchIndexError(
                f"The search index {self.name!r} has not been built. "
                "Run `manage.py update_index` to build it."
            )
        searchers = _local.__dict__.setdefault("searchers", {})
        searcher = searchers.get(directory)
        if searcher is not None and not searcher.up_to_date():
            # Not Searcher.refresh(): it reuses segment readers across a merge and can
            # then return one document twice. A new searcher costs a few milliseconds.
            with contextlib.suppress(Exception):
                searcher.close()
            searcher = None
        if searcher is None:
            searcher = _open_index(directory).searcher()
            searchers[directory] = searcher
        return searcher

    def read(self, function):
        """Run ``function(searcher)``; on a read error reopen the index and retry once."""
        try:
            return function(self.searcher())
        except SearchIndexError:
            raise
        except Exception as first:  # any read failure gets one retry
            logger.warning("Search index %s read failed (%r); reopening.", self.name, first)
            forget()
            try:
                return function(self.searcher())
            except SearchIndexError:
                raise
            except Exception as error:
                raise SearchIndexError(
                    f"The search index {self.name!r} cannot be read ({error}). "
                    "Run `manage.py update_index` to rebuild it."
                ) from error

    def drift_reader(self):
        """What ``check_index`` reads this index through (``search.backends.drift``)."""
        from .drift import WhooshDrift

        return WhooshDrift(self)

    def stored_documents(self):
        """{pk: stored fields} of every document, all at once (tests, benchmarks); check_index
        reads in chunks (``drift``)."""

        def collect(searcher):
            return {fields["m_pk"]: fields for fields in searcher.reader().all_stored_fields()}

        return self.read(collect)
