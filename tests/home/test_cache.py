"""The Redis cache backend (core/redis_cache.py): Django's, with one client per pool."""

import uuid

from core.redis_cache import RedisCache

REDIS = "redis://127.0.0.1:6379/5"


def _cache():
    return RedisCache(REDIS, {"KEY_PREFIX": f"test-{uuid.uuid4().hex}"})


def test_it_stores_reads_and_forgets():
    cache = _cache()
    cache.set("page", {"title": "A practice"}, 30)
    assert cache.get("page") == {"title": "A practice"}
    assert cache.get_many(["page", "none"]) == {"page": {"title": "A practice"}}
    assert cache.get_or_set("stamp", lambda: 7, None) == 7
    cache.delete_many(["page", "stamp"])
    assert cache.get("page") is None and cache.get("stamp") is None


def test_every_operation_uses_the_same_client():
    cache = _cache()
    first = cache._cache.get_client()
    cache.set("one", 1)
    cache.get("one")
    assert cache._cache.get_client() is first
    assert cache._cache.get_client(write=True) is first  # one server: one pool
    cache.delete("one")


def test_cache_url_settings_reach_django():
    import json
    import os
    import subprocess
    import sys

    from django.conf import settings

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hub.settings.dev",
        "CACHE_URL": "redis://127.0.0.1:6379/5?key_prefix=bench",
    }
    script = "import json, django; django.setup(); from django.conf import settings; "
    script += "print(json.dumps(settings.CACHES['default']))"
    result = subprocess.run(  # noqa: S603 - this interpreter, our settings
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    cache = json.loads(result.stdout.strip().splitlines()[-1])
    assert cache["KEY_PREFIX"] == "bench"
    assert cache["BACKEND"] == "core.redis_cache.RedisCache"
    # A dead or hanging Redis may cost a request a fraction of a second, no more.
    assert cache["OPTIONS"]["socket_connect_timeout"] <= 0.5
    assert cache["OPTIONS"]["socket_timeout"] <= 0.5
