"""The garbage collector of a production worker (core.runtime)."""

import gc

import pytest

from core.runtime import GC_THRESHOLDS, collect_between_requests, tune_gc


@pytest.fixture
def restore_gc():
    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


def test_tune_gc_freezes_what_is_loaded_and_raises_the_young_threshold(restore_gc):
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    tune_gc()
    # Everything loaded (Django, Wagtail, the hub) is out of the collector's walks.
    assert gc.get_freeze_count() > 10_000
    assert gc.get_threshold() == GC_THRESHOLDS
    assert GC_THRESHOLDS[0] > 700  # CPython's default: a young collection every 700


def test_gunicorn_tunes_the_master_before_it_forks(restore_gc):
    from pathlib import Path

    from django.conf import settings

    namespace = {}
    source = Path(settings.BASE_DIR, "hub", "gunicorn.conf.py").read_text()
    exec(compile(source, "gunicorn.conf.py", "exec"), namespace)  # noqa: S102 - our config
    assert namespace["preload_app"] is True
    gc.unfreeze()
    namespace["when_ready"](server=None)
    assert gc.get_threshold() == GC_THRESHOLDS
    assert gc.get_freeze_count() > 0


class _Cycle:
    pass


def _garbage_cycle():
    """A weak reference to a reference cycle nothing else holds."""
    import weakref

    one, other = _Cycle(), _Cycle()
    one.other, other.other = other, one
    return weakref.ref(one)


def test_collecting_between_requests_frees_the_last_request_s_reference_cycles(restore_gc):
    gc.set_threshold(*GC_THRESHOLDS)
    gc.disable()  # no automatic collection may free it instead
    try:
        cycle = _garbage_cycle()
        assert cycle() is not None  # a cycle outlives its last reference
        collect_between_requests()
        assert cycle() is None
    finally:
        gc.enable()


def test_every_so_many_requests_the_collection_is_a_full_one(monkeypatch):
    import core.runtime

    generations = []
    monkeypatch.setattr(core.runtime.gc, "collect", generations.append)
    monkeypatch.setattr(core.runtime, "_requests", 0)
    for _ in range(2 * core.runtime.FULL_COLLECTION_EVERY):
        collect_between_requests()
    assert len(generations) == 2 * core.runtime.FULL_COLLECTION_EVERY
    assert generations.count(2) == 2
    assert set(generations) == {1, 2}


def test_gunicorn_collects_before_each_request(monkeypatch):
    from pathlib import Path

    from django.conf import settings

    import core.runtime

    namespace = {}
    source = Path(settings.BASE_DIR, "hub", "gunicorn.conf.py").read_text()
    exec(compile(source, "gunicorn.conf.py", "exec"), namespace)  # noqa: S102 - our config
    called = []
    monkeypatch.setattr(core.runtime, "collect_between_requests", lambda: called.append(True))
    namespace["pre_request"](worker=None, req=None)
    assert called == [True]


def test_warm_up_compiles_every_template_before_the_workers_fork():
    from django.template import engines

    from core.runtime import _template_names, warm_up

    loader = engines["django"].engine.template_loaders[0]
    loader.reset()
    names = _template_names(engines["django"])
    # The site's own, an app's and the admin's templates are all found.
    assert {"base.html", "search/search.html", "wagtailadmin/pages/edit.html"} <= names
    warm_up()
    cached = set(loader.get_template_cache)
    assert {"base.html", "search/search.html", "wagtailadmin/pages/edit.html"} <= cached
    assert len(cached) >= len(names) * 0.9  # all but the few of optional parts


def test_every_so_many_requests_the_free_memory_is_given_back(monkeypatch):
    import core.runtime

    monkeypatch.setattr(core.runtime.gc, "collect", lambda generation: None)
    monkeypatch.setattr(core.runtime, "_requests", 0)
    trims = []
    monkeypatch.setattr(core.runtime, "release_free_memory", lambda: trims.append(True))
    for _ in range(3 * core.runtime.TRIM_EVERY - 1):
        collect_between_requests()
    assert len(trims) == 2


def _anonymous_mb() -> float:
    from pathlib import Path

    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("RssAnon:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no RssAnon in /proc/self/status")


def test_freed_memory_between_live_blocks_goes_back_to_the_system():
    """What the soak measured: glibc keeps the memory of blocks freed between live ones
    (its heap shrinks only from the top) until ``malloc_trim`` hands the pages back."""
    import ctypes
    import platform

    from core.runtime import release_free_memory

    if platform.libc_ver()[0] != "glibc":
        pytest.skip("malloc_trim is glibc's")
    libc = ctypes.CDLL(None)
    libc.malloc.restype = ctypes.c_void_p
    libc.free.argtypes = [ctypes.c_void_p]
    blocks = []
    for _ in range(20_000):  # 40 MB in 2 KB blocks, above Python's own allocator's sizes
        block = libc.malloc(2048)
        ctypes.memset(block, 1, 2048)  # touched, so resident
        blocks.append(block)
    live = blocks[::16]  # one block kept in every 32 KB: the rest freed between live ones
    for block in set(blocks) - set(live):
        libc.free(block)
    held = _anonymous_mb()
    assert release_free_memory() is True
    released = held - _anonymous_mb()
    for block in live:
        libc.free(block)
    assert released > 20  # of the 37 MB freed in the middle of the heap


def test_large_blocks_are_given_back_when_freed_once_malloc_is_tuned():
    """By default glibc raises its mmap threshold to the size of a large block freed, so
    the next large blocks come from its heap, held there; tuned, each is mapped alone and
    given back when freed.

    In a fresh interpreter: in the suite's long-lived process a large enough free block in
    the heap may serve the request whatever the threshold (glibc maps a block only when
    nothing it holds fits)."""
    import platform
    import subprocess
    import sys

    from django.conf import settings

    if platform.libc_ver()[0] != "glibc":
        pytest.skip("mallopt's thresholds are glibc's")
    script = """
import ctypes, sys
from core.runtime import tune_malloc

class MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
        "fordblks", "keepcost")]

libc = ctypes.CDLL(None)
libc.mallinfo2.restype = MallInfo2
libc.malloc.restype = ctypes.c_void_p
libc.free.argtypes = [ctypes.c_void_p]
if sys.argv[1] == "tuned":
    assert tune_malloc() is True
libc.free(libc.malloc(16 * 1024 * 1024))  # what raises the threshold by default
mapped = libc.mallinfo2().hblkhd
block = libc.malloc(4 * 1024 * 1024)
alone = libc.mallinfo2().hblkhd >= mapped + 4 * 1024 * 1024
libc.free(block)
back = libc.mallinfo2().hblkhd == mapped
print("alone" if alone else "heap", "back" if back else "held")
"""

    def run(mode: str) -> str:
        done = subprocess.run(  # noqa: S603 - our own interpreter and script
            [sys.executable, "-c", script, mode],
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout.strip()

    assert run("default") == "heap back"  # glibc's default: held in the heap
    assert run("tuned") == "alone back"  # mapped alone, and given back when freed


def test_gunicorn_tunes_the_allocator_before_it_forks(monkeypatch, restore_gc):
    from pathlib import Path

    from django.conf import settings

    import core.runtime

    namespace = {}
    source = Path(settings.BASE_DIR, "hub", "gunicorn.conf.py").read_text()
    exec(compile(source, "gunicorn.conf.py", "exec"), namespace)  # noqa: S102 - our config
    called = []
    monkeypatch.setattr(core.runtime, "warm_up", lambda: None)
    monkeypatch.setattr(core.runtime, "tune_malloc", lambda: called.append(True))
    namespace["when_ready"](server=None)
    assert called == [True]
