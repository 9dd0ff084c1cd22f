"""What ``check_index`` asks of an index: the engine-specific half of finding drift.

The command walks the database (each indexed model's objects in chunks, by primary key)
and asks the index's reader about one chunk at a time; then it walks the index's entries
in chunks and asks the database which of them are still indexed. Only one chunk is held
at a time, whatever the size of the site. A reader answers for one index:

``needs_objects(deep)``
    Whether ``check`` needs the objects themselves (to build what indexing them would
    write) or their primary keys only (presence).
``check(model, items, deep)``
    ``(missing, stale)``: the keys (``str(pk)``) among the chunk ``items`` (objects or
    primary keys of ``model``) that the index does not hold, and those whose entry
    differs from what indexing the object now would write. A hub engine always compares
    the EXTRAS tokens (view restrictions: a privacy matter); ``deep`` compares the whole
    entry.
``entries(size)``
    Every entry the index holds, as lists of at most ``size`` ``Entry``.
``write(model, objects)`` and ``delete(handles)``
    The repairs: (re)write entries of objects, delete entries.
``per_model``
    True when entries are kept per (model, key), as Wagtail's database backend does; the
    hub's engines keep one entry per key in an index, whichever model wrote it.
"""

from __future__ import annotations

from typing import NamedTuple


class Entry(NamedTuple):
    """One entry of an index: what deletes it, the object's key and, when the index says,
    the model it was written as (None when it cannot tell)."""

    handle: object
    key: str
    model: type | None
