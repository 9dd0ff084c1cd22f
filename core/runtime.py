"""How a long-running process of the hub (a gunicorn worker) manages its memory.

CPython's cyclic garbage collector stops the process to walk every container object it
tracks. With the defaults (a young collection every 700 allocations), the objects a
search allocates are promoted until a full collection walks the whole heap: Django,
Wagtail and the search engines' caches, some 180,000 objects. Measured on the search
page at 10,000 practices: a full collection every five or six searches, 90-120 ms each,
which was the search's p95 (135 ms against a p50 of 42 ms; 50 ms with these settings).

``tune_gc`` is called once the application is loaded (gunicorn's ``when_ready``, in the
master before it forks its workers, and by ``bench_search``, which measures what a
worker does):

* ``gc.freeze()`` moves everything loaded so far (modules, settings, URL patterns,
  templates) out of the collector's reach: never walked again, and the workers' copies
  stay shared with the master instead of being touched page by page;
* a young collection every ``GC_THRESHOLDS[0]`` allocations, so a request's short-lived
  objects die before they are promoted; cycles are still collected, later.

``collect_between_requests`` (gunicorn's ``pre_request``: the previous request is over,
its answer sent and its objects unreachable) collects the young generations between
requests. With the high young threshold alone, the reference cycles of tens of requests
(model instances, querysets, template contexts) wait for a collection together, and one
landing in the middle of a request promotes that request's live objects, garbage a moment
later, to the old generation, walked only by a full collection. Measured in the soak
(issue 28), each worker's memory rose by 10-14 MB in the nine minutes after the warm-up
(1.5-2 MB with this collection and the byte-bounded copies of ``core.generations``), the
tracked objects 80,000-100,000 instead of a steady 58,000. Between requests the
collection frees all of the last request's cycles and promotes only what outlives it
(what caches keep), in a millisecond or two. (Not ``post_request``: gunicorn still holds
the request and its answer then, and the collection would promote the whole request to
the old generation.)
A 20-minute soak (2,000 requests per worker after a two-minute warm-up, on a busy machine)
then measured each web worker flat within a megabyte: +0.9 to +4.5 MB per 10,000 of its
requests, the tasks worker +0.5, with a worker's memory moving by less than 0.5 MB per
minute after the third minute, up or down. In the 10-minute soak (two minutes of warm-up)
the web workers measured +5.5 to +7.8 MB per 10,000 requests without ``warm_up`` and +3.3
to +6.7 with it: the tail of the warm-up, still in that measure.
Every ``FULL_COLLECTION_EVERY`` requests the collection is a full one, so the rare cycle
that dies old (a cached value replaced) is freed too.

What was left of the growth was not Python's: a probe of each worker in the 10-minute soak
(glibc's ``mallinfo2`` and ``sys.getallocatedblocks`` every 30 s) showed Python's blocks
and objects flat after the warm-up, while the C allocator's heap grew by 1.5-2 MB, two
thirds of it memory it held free: freed blocks between live ones, which glibc returns to
the system only from the top of its heap. ``malloc_trim(0)`` hands back every free page
wherever it lies (0.1 ms on a worker's heap), so every ``TRIM_EVERY`` requests, between
two, the worker gives back what it no longer uses (glibc only; elsewhere a no-op).
``tune_malloc`` (in the master, before the fork) also fixes glibc's mmap and trim
thresholds at 128 KB: by default one large block freed (a big page or export) raises both
for the rest of the process's life, so later large blocks come from the heap and up to
twice that size stays at its top, held.
"""

from __future__ import annotations

import ctypes
import gc
from functools import cache
from pathlib import Path

#: gc.set_threshold's three thresholds (CPython's defaults: 700, 10, 10).
GC_THRESHOLDS = (50_000, 20, 20)


#: Between requests, a full collection every so many (the young generations otherwise).
FULL_COLLECTION_EVERY = 1000
#: Between requests, the C allocator's free pages are given back every so many.
TRIM_EVERY = 100
#: glibc's mallopt parameters (malloc.h) and the value both are fixed at.
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
MALLOC_THRESHOLD = 128 * 1024
_requests = 0


def warm_up() -> None:
    """Load in the master, before it forks, what every worker would otherwise load for
    itself on first use: the URL configuration, each language's translation catalogue and
    CLDR data, and every template compiled (the cached template loader keeps them).

    A worker then starts with all of it shared with the master, instead of adding its own
    copy a page kind at a time. The admin's templates were the slowest part: a worker
    renders the editor only when a publish lands on it, so in the soak its memory kept
    rising for minutes after the public pages were all warm.
    """
    from babel import Locale
    from django.conf import settings
    from django.template import TemplateDoesNotExist, TemplateSyntaxError, engines
    from django.urls import get_resolver
    from django.utils import translation

    get_resolver().url_patterns  # noqa: B018 (imports every URL module)
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Home")
        cldr = Locale.parse(code)
        cldr.territories, cldr.languages  # noqa: B018 (reads the locale's data)
    for engine in engines.all():
        for name in _template_names(engine):
            try:
                engine.get_template(name)
            except (TemplateDoesNotExist, TemplateSyntaxError, UnicodeDecodeError):
                # A template of an app's optional part (a tag library not installed):
                # never rendered here either.
                continue


def _template_names(engine) -> set[str]:
    """The names of the templates an engine's loaders can find (Django's engines)."""
    names = set()
    loaders = getattr(getattr(engine, "engine", None), "template_loaders", [])
    for loader in loaders:
        for inner in getattr(loader, "loaders", [loader]):
            for folder in getattr(inner, "get_dirs", list)():
                root = Path(folder)
                for path in root.rglob("*"):
                    if path.suffix in (".html", ".txt") and path.is_file():
                        names.add(path.relative_to(root).as_posix())
    return names


def tune_gc() -> None:
    """Freeze what is loaded and set the collector's thresholds (see the module)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def collect_between_requests() -> None:
    """Collect the young generations (every FULL_COLLECTION_EVERY-th time, all of them)
    before a request, the previous one being over (see the module)."""
    global _requests
    _requests += 1
    gc.collect(2 if _requests % FULL_COLLECTION_EVERY == 0 else 1)
    if _requests % TRIM_EVERY == 0:
        release_free_memory()


def tune_malloc() -> bool:
    """Fix glibc's mmap and trim thresholds (see the module); False where the C library
    has no such settings (not glibc)."""
    libc = _libc()
    mallopt = getattr(libc, "mallopt", None) if libc else None
    if mallopt is None:
        return False
    return all(
        mallopt(parameter, MALLOC_THRESHOLD) == 1
        for parameter in (M_MMAP_THRESHOLD, M_TRIM_THRESHOLD)
    )


def release_free_memory() -> bool:
    """Hand the C allocator's free pages back to the system (see the module); False where
    the C library cannot (not glibc)."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True


def _malloc_trim():
    """glibc's ``malloc_trim``, or None where the process's C library has none."""
    libc = _libc()
    return getattr(libc, "malloc_trim", None) if libc else None


@cache
def _libc():
    """The process's C library (its symbols), or None where it cannot be loaded."""
    try:
        return ctypes.CDLL(None)
    except OSError:
        return None
