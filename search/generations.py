"""Named generation numbers in the shared cache: what a cached value is keyed by, so that
bumping the generation makes every process drop it at once.

A generation is a fresh nanosecond stamp, never a counter: if the cache evicts it, the
next reader starts a new one rather than counting again from 1 and picking up entries
left from an earlier generation 1.
"""

from __future__ import annotations

import time

from django.core.cache import cache


def _key(name: str) -> str:
    return f"search:generation:{name}"


def current(name: str) -> int:
    """The generation of ``name`` (a new one if none is cached)."""
    return cache.get_or_set(_key(name), time.time_ns, None)


def bump(name: str) -> None:
    """Start a new generation: every value keyed by the old one is gone for all processes."""
    cache.set(_key(name), time.time_ns(), None)
