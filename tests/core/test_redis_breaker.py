"""The Redis cache's circuit breaker (core/redis_cache.py): an unreachable Redis makes
reads miss and writes drop, never raise; the breaker then keeps operations off the network
until one probe finds Redis again; and a process that dropped a write empties Redis before
it reads anything from it again, so nothing cached before a change it failed to record
(a page before it became restricted) is served."""

import logging
import socket
import threading
import time
import uuid

import pytest
import redis

from core import redis_cache
from core.redis_cache import RedisCache

TIMEOUTS = {"socket_connect_timeout": 0.25, "socket_timeout": 0.5}


class FakeRedis:
    """The part of ``redis.Redis`` Django's client uses, keeping its data across a cut
    network (``up = False``) as a partitioned Redis does; counts what reaches it."""

    def __init__(self):
        self.up = True
        self.data = {}
        self.calls = []
        self.on_flush = None

    def _reach(self, command):
        self.calls.append(command)
        if not self.up:
            raise redis.exceptions.ConnectionError("Error 111 connecting. Connection refused.")

    def get(self, key):
        self._reach("get")
        return self.data.get(key)

    def mget(self, keys):
        self._reach("mget")
        return [self.data.get(key) for key in keys]

    def set(self, key, value, ex=None, nx=False):
        self._reach("set")
        if nx and key in self.data:
            return None
        self.data[key] = str(value).encode() if isinstance(value, int) else value
        return True

    def delete(self, *keys):
        self._reach("delete")
        return sum(self.data.pop(key, None) is not None for key in keys)

    def exists(self, key):
        self._reach("exists")
        return int(key in self.data)

    def ping(self):
        self._reach("ping")
        return True

    def flushdb(self, asynchronous=False):
        self._reach("flushdb")
        self.data.clear()
        if self.on_flush:
            self.on_flush()
        return True


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def fake():
    return FakeRedis()


@pytest.fixture
def clock():
    return Clock()


def guarded_cache(fake, clock):
    """A cache on a Redis of its own (the breaker is per location), reaching ``fake``."""
    cache = RedisCache(f"redis://fake-{uuid.uuid4().hex}:6379/0", {})
    cache._cache._client = lambda connection_pool: fake
    cache._cache.breaker.clock = clock
    return cache


@pytest.fixture
def cache(fake, clock):
    return guarded_cache(fake, clock)


@pytest.fixture(autouse=True)
def _own_breakers(monkeypatch, settings):
    monkeypatch.setattr(redis_cache, "_breakers", {})
    # The times below are written for a 5 s breaker, whatever the default is.
    settings.CACHE_BREAKER_SECONDS = 5.0


def test_every_operation_answers_when_redis_refuses():
    cache = RedisCache("redis://127.0.0.1:1/0", {"OPTIONS": TIMEOUTS})
    started = time.perf_counter()
    assert cache.get("page") is None
    assert cache.get("page", "default") == "default"
    assert cache.get_many(["page", "tree"]) == {}
    assert cache.has_key("page") is False
    assert cache.add("page", 1) is False
    assert cache.get_or_set("generation", lambda: 42, None) == 42
    cache.set("page", 1)
    cache.set_many({"page": 1, "tree": 2})
    assert cache.touch("page") is False
    assert cache.delete("page") is False
    cache.delete_many(["page", "tree"])
    with pytest.raises(ValueError, match="not found"):
        cache.incr("count")
    with pytest.raises(ValueError, match="not found"):
        cache.decr("count")
    assert cache.clear() is False
    assert cache.reachable() is False
    assert time.perf_counter() - started < 1


def test_a_hanging_redis_costs_one_timeout_then_nothing():
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()  # accepts, never answers
    try:
        port = silent.getsockname()[1]
        cache = RedisCache(f"redis://127.0.0.1:{port}/0", {"OPTIONS": TIMEOUTS})
        started = time.perf_counter()
        assert cache.get("page") is None
        assert time.perf_counter() - started < 1
        started = time.perf_counter()
        for _ in range(100):
            assert cache.get("page") is None
            cache.set("page", 1)
        assert time.perf_counter() - started < 0.1
    finally:
        silent.close()


def test_the_breaker_opens_and_keeps_operations_off_the_network(cache, fake, clock):
    fake.up = False
    assert cache.get("page") is None
    assert fake.calls == ["get"]
    for _ in range(20):
        assert cache.get("page") is None
        assert cache.get_many(["page"]) == {}
        assert cache.add("page", 1) is False
        assert cache.reachable() is False
    assert fake.calls == ["get"]
    clock.now += 4.9
    cache.get("page")
    assert fake.calls == ["get"]


def test_after_its_time_one_probe_finds_redis_again(cache, fake, clock):
    fake.data[":1:page"] = b"7"  # kept by Redis through the outage, and still right
    fake.up = False
    cache.get("page")
    clock.now += 5
    assert cache.get("page") is None  # the probe fails: open again, for 5 s more
    assert fake.calls == ["get", "ping"]
    cache.get("page")
    assert fake.calls == ["get", "ping"]
    fake.up = True
    clock.now += 5
    assert cache.get_or_set("page", 8) == 7
    # Only reads were lost: a ping is the probe, and Redis keeps what it holds.
    assert fake.calls[2:4] == ["ping", "get"]
    assert "flushdb" not in fake.calls
    assert cache.reachable() is True


def test_while_one_caller_probes_the_others_do_not_wait(cache, fake, clock):
    fake.up = False
    cache.get("page")
    fake.up = True
    clock.now += 5
    probing, release = threading.Event(), threading.Event()
    original_ping = fake.ping

    def slow_ping():
        probing.set()
        release.wait(5)
        return original_ping()

    fake.ping = slow_ping
    prober = threading.Thread(target=cache.get, args=("page",))
    prober.start()
    try:
        assert probing.wait(5)
        calls = len(fake.calls)
        started = time.perf_counter()
        assert cache.get("page", "default") == "default"
        assert time.perf_counter() - started < 0.1
        assert len(fake.calls) == calls
    finally:
        release.set()
        prober.join(5)
    cache.get("page")
    assert fake.calls[-1] == "get"  # closed: operations reach Redis again


def test_a_dropped_write_empties_redis_before_anything_is_read_from_it(cache, fake, clock):
    """A partition: Redis keeps its data, this process cannot reach it. The page was
    cached for anonymous visitors under generation 1; the page then became restricted and
    the bump of its generation was dropped. After the partition, generation 1 and the
    page cached under it must be gone before this process reads from Redis."""
    cache.set("generation:page-cache", 1, None)
    cache.set("page:1:/members/handbook/", "the handbook, for anonymous visitors", 600)
    fake.up = False
    cache.set("generation:page-cache", 2, None)  # dropped
    fake.up = True
    assert cache.get("page:1:/members/handbook/") is None  # the breaker is still open
    clock.now += 5
    assert cache.get("generation:page-cache") is None
    assert fake.calls[-2:] == ["flushdb", "get"]
    assert fake.data == {}
    assert cache.get("page:1:/members/handbook/") is None


@pytest.mark.parametrize(
    "drop",
    [
        lambda cache: cache.set("generation", 2),
        lambda cache: cache.set_many({"generation": 2}),
        lambda cache: cache.delete("generation"),
        lambda cache: cache.delete_many(["generation"]),
        lambda cache: cache.touch("generation"),
        lambda cache: cache.clear(),
    ],
    ids=["set", "set_many", "delete", "delete_many", "touch", "clear"],
)
def test_every_kind_of_write_dropped_while_open_empties_redis(cache, fake, clock, drop):
    cache.set("generation", 1)
    fake.up = False
    cache.get("other")  # opens the breaker: only a read lost so far
    drop(cache)  # short-circuited, not sent
    fake.up = True
    clock.now += 5
    assert cache.get("generation") is None
    assert "flushdb" in fake.calls


def test_a_dropped_add_leaves_redis_as_it_is(cache, fake, clock):
    cache.set("generation", 1)
    fake.up = False
    cache.get_or_set("other", 2)  # an add: it would only have filled a missing key
    fake.up = True
    clock.now += 5
    assert cache.get("generation") == 1
    assert "flushdb" not in fake.calls


def test_a_write_dropped_while_redis_is_emptied_empties_it_again(cache, fake, clock):
    fake.up = False
    cache.set("generation", 2)
    fake.up = True
    clock.now += 5
    # Another caller's delete comes in while the probe empties Redis: refused, so the
    # probe empties Redis once more before the breaker closes.
    fake.on_flush = lambda: (setattr(fake, "on_flush", None), cache.delete("generation"))
    cache.get("page")
    assert fake.calls.count("flushdb") == 2
    assert fake.calls[-1] == "get"


def test_a_failed_probe_keeps_the_record_of_dropped_writes(cache, fake, clock):
    cache.set("generation", 1)
    fake.up = False
    cache.set("generation", 2)
    clock.now += 5
    cache.get("generation")  # the probe fails: still down
    fake.up = True
    clock.now += 5
    assert cache.get("generation") is None
    assert "flushdb" in fake.calls


def test_each_change_of_state_is_logged_once(cache, fake, clock, caplog):
    caplog.set_level(logging.WARNING, logger="hub.cache")
    fake.up = False
    for _ in range(3):
        for _ in range(10):
            cache.get("page")
            cache.set("page", 1)
        clock.now += 5  # each time a probe, which fails
    fake.up = True
    for _ in range(10):
        cache.get("page")
    messages = [record.getMessage() for record in caplog.records]
    assert len(messages) == 2
    assert "unavailable" in messages[0]
    assert "available again and emptied" in messages[1]


def test_the_logs_never_show_the_password(caplog):
    cache = RedisCache("redis://:s3cret@127.0.0.1:1/4", {})
    cache.get("page")
    assert "redis://127.0.0.1:1/4" in caplog.text
    assert "s3cret" not in caplog.text


def test_one_breaker_per_location_shared_by_the_threads(fake, clock):
    first = guarded_cache(fake, clock)
    second = RedisCache(first._servers[0], {})
    assert second._cache.breaker is first._cache.breaker
    assert guarded_cache(fake, clock)._cache.breaker is not first._cache.breaker


def test_a_process_ending_with_dropped_writes_empties_redis(cache, fake, caplog):
    cache.set("generation", 1)
    fake.up = False
    cache.set("generation", 2)
    fake.up = True  # back, but no probe came before the end
    redis_cache._settle_breakers()
    assert fake.calls[-1] == "flushdb"
    assert fake.data == {}


def test_a_process_ending_with_redis_still_away_asks_for_it_to_be_emptied(cache, fake, caplog):
    fake.up = False
    cache.get("page")
    redis_cache._settle_breakers()  # only a read was lost: nothing to say
    assert fake.calls == ["get"]
    cache.delete("generation")
    redis_cache._settle_breakers()
    assert fake.calls == ["get", "flushdb"]
    assert any(
        record.levelno == logging.ERROR and "Empty the cache's database" in record.getMessage()
        for record in caplog.records
    )


def test_a_full_redis_that_refuses_writes_is_emptied_and_takes_them_again(cache, fake, clock):
    fake.data[":1:page"] = b"7"
    original_set = fake.set

    def full(*args, **kwargs):
        fake.calls.append("set")
        if len(fake.data) >= 1:
            raise redis.exceptions.OutOfMemoryError("OOM command not allowed")
        return original_set(*args, **kwargs)

    fake.set = full
    cache.set("generation", 2)  # refused: dropped, and the breaker opens
    assert cache.get("page") is None
    clock.now += 5
    assert cache.get("page") is None  # emptied by the probe
    cache.set("generation", 3)
    assert cache.get("generation") == 3
