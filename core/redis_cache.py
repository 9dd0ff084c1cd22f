"""Django's Redis cache backend, keeping one Redis client per connection pool, behind a
circuit breaker: the cache accelerates the hub, it never decides whether a page is served.

One client per pool: Django's ``RedisCacheClient`` builds a new ``redis.Redis`` client,
with its table of a few hundred response callbacks, for every cache operation: at two or
three operations a page, that was a fifth of the time of a page served from the cache. A
client holds no connection of its own (the pool does) and may be shared, so one per pool
serves every operation.

The breaker: every operation catches what an unreachable, hanging or refusing Redis
raises (``UNAVAILABLE``). A read then misses (returns its default), a write or delete is
dropped, ``incr`` finds no key, and the breaker opens for ``CACHE_BREAKER_SECONDS``:
until then operations return at once, without touching the network. After that time the
first caller probes Redis (half-open) while the others still return at once; the breaker
closes when the probe succeeds, and opens again when it fails. The short socket timeouts
set in hub/settings/base.py bound what the failure that opens it costs. The state is kept
per process and per Redis location, shared by the threads; each change between closed
and open is logged once.

The rule after an outage, a matter of privacy: cached values are keyed by generations
(core/generations.py) that changes to content, rights and view restrictions move on. A
bump or delete dropped while Redis could not be reached, but kept its data (a network
partition, a Redis that hung), would leave Redis serving what was cached before the
change: a page kept for anonymous visitors before it became restricted, say. So **a
process that dropped any write or delete empties the cache's Redis database (FLUSHDB)
as its probe, and reads nothing from Redis before that has succeeded**; a write dropped
while the probe runs makes it empty the database again before the breaker closes. A
dropped ``add`` does not count: it would only have written a key that was missing. The
Redis database named in CACHE_URL must therefore be the hub's alone, as Django's own
``cache.clear()`` already assumes.

What the rule cannot cover: another process that still reached Redis during a partition
serves the old generation until the change reaches Redis, as any process does between a
change and its bump. And a process that ends before Redis returns (a command run by cron,
a ``restore``, a web worker recycled after ``max_requests``) would take its record of
dropped writes with it: on its way out it tries once more to empty Redis, and when that
fails too it logs an error asking for the cache's database to be emptied once Redis is
back; otherwise what it failed to end lasts until its own timeout (PAGE_CACHE_SECONDS
for whole pages).
"""

from __future__ import annotations

import atexit
import logging
import threading
import time
from urllib.parse import urlsplit

import redis
from django.conf import settings
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient

logger = logging.getLogger("hub.cache")

#: What an unreachable or hanging Redis raises (socket errors are OSErrors), and what one
#: that refuses writes does: a replica after a failover, or one full with eviction off
#: (emptying it is then what lets writes in again).
UNAVAILABLE = (
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
    OSError,
    redis.exceptions.ReadOnlyError,
    redis.exceptions.OutOfMemoryError,
)
#: How long an open breaker keeps operations away from Redis, unless settings say.
DEFAULT_BREAKER_SECONDS = 2.0

_breakers: dict[tuple[str, ...], Breaker] = {}
_breakers_lock = threading.Lock()


def breaker_for(servers, client) -> Breaker:
    """The one breaker of this process for the Redis servers ``servers``; ``client``, a
    cache client for them, is the one it uses when the process ends."""
    location = tuple(servers)
    with _breakers_lock:
        breaker = _breakers.get(location)
        if breaker is None:
            seconds = getattr(settings, "CACHE_BREAKER_SECONDS", DEFAULT_BREAKER_SECONDS)
            shown = ",".join(_without_password(server) for server in location)
            breaker = _breakers[location] = Breaker(shown, seconds, client)
        return breaker


def _without_password(url: str) -> str:
    """The server's address as logs may show it: CACHE_URL may hold a password."""
    parts = urlsplit(url)
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{parts.hostname or ''}{port}{parts.path}"


@atexit.register
def _settle_breakers():
    for breaker in tuple(_breakers.values()):
        breaker.settle()


class Breaker:
    """Whether operations may reach one Redis location: closed (they do), open (they
    return at once until ``retry_at``) or probing (one caller checks Redis, the others
    return at once)."""

    def __init__(self, location: str, seconds: float, client=None, clock=time.monotonic):
        self.location = location
        self.seconds = seconds
        self.client = client
        self.clock = clock
        self.closed = True
        self._probing = False
        self._retry_at = 0.0
        # A write or delete did not reach Redis: empty it before reading from it again.
        self._dropped = False
        self._lock = threading.Lock()

    def let_through(self, client, *, writes: bool) -> bool:
        """Whether an operation may reach Redis now. Refused, a write is recorded as
        dropped in the same step, so that a probe closing the breaker meanwhile sees it."""
        if self.closed:
            return True
        with self._lock:
            if self.closed:
                return True
            if self._probing or self.clock() < self._retry_at:
                self._dropped |= writes
                return False
            self._probing = True
        try:
            return self._probe(client)
        finally:
            with self._lock:
                self._probing = False

    def trip(self, error: Exception, *, writes: bool) -> None:
        """An operation could not reach Redis: open (again) for ``seconds``."""
        with self._lock:
            was_closed, self.closed = self.closed, False
            self._dropped |= writes
            self._retry_at = self.clock() + self.seconds
        if was_closed:
            logger.warning(
                "Cache %s unavailable (%s): pages are served without it; tried again every %s s",
                self.location,
                error,
                self.seconds,
            )

    def settle(self) -> None:
        """The process ends: nobody else knows of the writes it dropped, so empty Redis
        now if it can be reached, and say loudly that it must be emptied if not."""
        if not self._dropped or self.client is None:
            return
        try:
            self.client.get_client(write=True).flushdb(asynchronous=True)
        except UNAVAILABLE:
            logger.error(
                "Cache %s: this process ends with writes to it dropped. Empty the cache's "
                "database (FLUSHDB) once it is reachable: until then it may serve what "
                "changes since ended (cached pages for PAGE_CACHE_SECONDS at most).",
                self.location,
            )
        else:
            self._dropped = False
            logger.warning(
                "Cache %s emptied as this process ends: writes to it had been dropped",
                self.location,
            )

    def _probe(self, client) -> bool:
        emptied = False
        while True:
            with self._lock:
                dropped, self._dropped = self._dropped, False
            try:
                connection = client.get_client(write=True)
                if dropped:
                    connection.flushdb(asynchronous=True)
                    emptied = True
                else:
                    connection.ping()
            except UNAVAILABLE:
                with self._lock:
                    self._dropped |= dropped
                    self._retry_at = self.clock() + self.seconds
                return False
            with self._lock:
                if not self._dropped:
                    self.closed = True
                    break
        logger.warning(
            "Cache %s available again%s",
            self.location,
            " and emptied, as writes to it had been dropped" if emptied else "",
        )
        return True


_MISSING = object()


class _GuardedRedisCacheClient(RedisCacheClient):
    """Django's client with one ``redis.Redis`` per pool, every operation behind the
    breaker of its servers."""

    def __init__(self, servers, *args, **kwargs):
        super().__init__(servers, *args, **kwargs)
        self._clients = {}
        self.breaker = breaker_for(servers, self)

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client

    def _guard(self, operation, fallback, *args, writes=False):
        if not self.breaker.let_through(self, writes=writes):
            return fallback
        try:
            return operation(*args)
        except UNAVAILABLE as error:
            self.breaker.trip(error, writes=writes)
            return fallback

    def get(self, key, default):
        return self._guard(super().get, default, key, default)

    def get_many(self, keys):
        return self._guard(super().get_many, {}, keys)

    def has_key(self, key):
        return self._guard(super().has_key, False, key)

    def add(self, key, value, timeout):
        # Not a write that counts as dropped: it would only have filled a missing key.
        return self._guard(super().add, False, key, value, timeout)

    def set(self, key, value, timeout):
        self._guard(super().set, None, key, value, timeout, writes=True)

    def set_many(self, data, timeout):
        self._guard(super().set_many, None, data, timeout, writes=True)

    def touch(self, key, timeout):
        return self._guard(super().touch, False, key, timeout, writes=True)

    def delete(self, key):
        return self._guard(super().delete, False, key, writes=True)

    def delete_many(self, keys):
        self._guard(super().delete_many, None, keys, writes=True)

    def incr(self, key, delta):
        value = self._guard(super().incr, _MISSING, key, delta, writes=True)
        if value is _MISSING:
            raise ValueError(f"Key '{key}' not found: the cache cannot be reached.")
        return value

    def clear(self):
        return self._guard(super().clear, False, writes=True)

    def ping(self) -> bool:
        return self._guard(lambda: bool(self.get_client().ping()), False)


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _GuardedRedisCacheClient

    def reachable(self) -> bool:
        """Whether Redis answers now: False at once while the breaker is open, else a
        ping (which opens it when Redis does not answer). For /healthz."""
        return self._cache.ping()
