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
"""

from __future__ import annotations

import gc

#: gc.set_threshold's three thresholds (CPython's defaults: 700, 10, 10).
GC_THRESHOLDS = (50_000, 20, 20)


def tune_gc() -> None:
    """Freeze what is loaded and set the collector's thresholds (see the module)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
