"""What ``check_index`` asks of an index: the engine-specific half of finding drift.

The command walks the database (each indexed model's objects in chunks, by primary key)
and asks the index's reader about one chunk at a time; then it walks the index's entries
in chunks and asks the database which of them are still indexed. Only one chunk is held
at a time, whatever the size of the site. A reader answers for one index:

``loads(deep)``
    What ``check`` needs of each object: ``KEYS`` (primary keys: presence only),
    ``ROWS`` (the objects, without the related objects indexing reads: the view tokens)
    or ``INDEXED`` (the objects as indexing loads them: whole entries).
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


KEYS, ROWS, INDEXED = "keys", "rows", "indexed"


def shallow_load(hook):
    """What a shallow check loads for an EXTRAS ``hook``: rows, when the hook gives the
    view tokens from the objects' own columns (``hook.view``) or there is no hook."""
    return ROWS if hook is None or hasattr(hook, "view") else INDEXED


def shallow_extras(hook, objects):
    """{name: values} per object, of what a shallow check compares: the view tokens alone
    (``hook.view(objects)``: a privacy matter, always checked, and cheap), else all the
    hook gives; nothing without a hook. Facet values are left to ``--deep`` then: they
    read related objects, which would cost a rebuild's loading."""
    if hook is None:
        return [{} for _ in objects]
    view = getattr(hook, "view", None)
    if view is not None:
        return [{"view": tokens} for tokens in view(objects)]
    bulk = getattr(hook, "bulk", None)
    if bulk is not None and len(objects) > 1:
        return bulk(objects)
    return [hook(obj) or {} for obj in objects]


class EngineDrift:
    """The reader of a hub engine's index (one entry per key, EXTRAS tokens compared):
    what Whoosh's and PostgreSQL's readers share."""

    per_model = False

    def __init__(self, index):
        self.index = index

    def loads(self, deep):
        return INDEXED if deep else shallow_load(self.index.backend.extras_hook)
