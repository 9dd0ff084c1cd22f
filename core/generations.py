"""Named generation numbers in the shared cache: what a cached value is keyed by, so that
bumping the generation makes every process drop it at once.

This is the storage layer of ``core.caches``, where every cached thing of the hub is
registered with the events that end it: code should go through a registered cache, not
name generations here. (``current``/``bump``/``get``/``set`` stay for the code that
still keys by a generation's name: a registered cache's generation is named after it.)

A generation is a fresh nanosecond stamp, never a counter: if the cache evicts it, the
next reader starts a new one rather than counting again from 1 and picking up entries
left from an earlier generation 1.

Nothing here handles a cache that cannot be reached: the Redis backend does
(core/redis_cache.py). A generation read then is new each time (nothing matches it), and
a bump that cannot be written makes its process empty the cache before reading from it
again.
"""

from __future__ import annotations

import pickle
import threading
import time
from collections import OrderedDict

from django.core.cache import cache

# Generations read during the current request (see GenerationMiddleware): a page asks
# for the same one a dozen times, and each read of a networked cache is a round trip.
_request = threading.local()
# Names this process has read a generation of.
_asked: set[str] = set()


class _Kept(OrderedDict):
    """{key: (expiry, text or pickle)}, least recently used first, and their size."""

    def __init__(self):
        super().__init__()
        self.bytes = 0


# Values keyed by a generation never change under that key: each process keeps the
# latest ones, besides the shared cache (see ``get``), within three bounds: LOCAL_ENTRIES
# values, LOCAL_BYTES in all (as kept: characters of text, bytes of pickles), each for
# LOCAL_SECONDS (an expired value is dropped, not only ignored). A value larger than
# LOCAL_BYTES_EACH is not kept here: it is read from the shared cache each time.
_local: _Kept = _Kept()
_local_lock = threading.Lock()
LOCAL_ENTRIES = 1000
LOCAL_BYTES = 4 * 1024 * 1024
LOCAL_BYTES_EACH = LOCAL_BYTES // 16
LOCAL_SECONDS = 60


def _key(name: str) -> str:
    return f"search:generation:{name}"


def current(name: str) -> int:
    """The generation of ``name`` (a new one if none is cached); read once per request."""
    memo = getattr(_request, "generations", None)
    if memo is None:
        return cache.get_or_set(_key(name), time.time_ns, None)
    if name not in memo:
        # The first read of a request also fetches every generation this process has
        # asked for before, in the same round trip: a page needs several.
        _asked.add(name)
        names = [n for n in tuple(_asked) if n not in memo]
        found = cache.get_many([_key(n) for n in names])
        for other in names:
            memo[other] = found.get(_key(other))
        if memo[name] is None:
            memo[name] = cache.get_or_set(_key(name), time.time_ns, None)
    generation = memo[name]
    if generation is None:  # fetched along with another, but not in the cache
        generation = memo[name] = cache.get_or_set(_key(name), time.time_ns, None)
    return generation


def bump(name: str) -> None:
    """Start a new generation: every value keyed by the old one is gone for all processes."""
    bump_many((name,))


def bump_many(names) -> None:
    """Start a new generation of each of ``names``, in one write to the shared cache."""
    names = tuple(names)
    if not names:
        return
    generation = time.time_ns()
    if len(names) == 1:
        cache.set(_key(names[0]), generation, None)
    else:
        cache.set_many({_key(name): generation for name in names}, None)
    memo = getattr(_request, "generations", None)
    if memo is not None:
        for name in names:
            memo[name] = generation


class GenerationMiddleware:
    """Each request reads each generation from the shared cache once, when first asked:
    a change made by another process is seen by the next request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        _request.generations = {}
        try:
            return self.get_response(request)
        finally:
            _request.generations = None


def get(key: str):
    """A value stored with ``set`` under a key that holds a generation, or None.

    Such a value never changes under its key, so this process keeps it too (at most
    LOCAL_SECONDS beyond what the shared cache says): the next request reads it from
    memory instead of over the network. Each caller gets its own copy.
    """
    now = time.monotonic()
    with _local_lock:
        entry = _local.get(key)
        if entry is not None and entry[0] > now:
            _local.move_to_end(key)
            return _thaw(entry[1])
    value = cache.get(key)
    if value is not None:
        _keep(key, value, LOCAL_SECONDS)
    return value


def set(key: str, value, timeout: int) -> None:  # noqa: A001 - the cache's own word
    """Store ``value`` (not None) in the shared cache and in this process."""
    cache.set(key, value, timeout)
    _keep(key, value, min(timeout, LOCAL_SECONDS))


def _keep(key, value, seconds):
    # Text is immutable and handed out as is; anything else is kept pickled, so a caller
    # that changes its copy (a page it routes through, say) changes nobody else's.
    frozen = value if isinstance(value, str) else pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    size = len(frozen)
    now = time.monotonic()
    with _local_lock:
        _forget(key)
        if size <= LOCAL_BYTES_EACH:
            _local[key] = (now + seconds, frozen)
            _local.bytes += size
        # Least recently used first: the expired, then whatever is over the bounds.
        while _local and (
            len(_local) > LOCAL_ENTRIES
            or _local.bytes > LOCAL_BYTES
            or next(iter(_local.values()))[0] <= now
        ):
            _forget(next(iter(_local)))


def _forget(key):
    """Drop ``key`` from this process's copies (the caller holds ``_local_lock``)."""
    entry = _local.pop(key, None)
    if entry is not None:
        _local.bytes -= len(entry[1])


def local_size() -> tuple[int, int]:
    """(values, bytes) this process keeps besides the shared cache."""
    with _local_lock:
        return len(_local), _local.bytes


def _thaw(frozen):
    return frozen if isinstance(frozen, str) else pickle.loads(frozen)  # noqa: S301 - ours
