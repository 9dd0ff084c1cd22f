"""Every cached thing of the hub, registered once with the events that end it.

A cached thing (whole anonymous pages, facet labels, the site's settings, the thesaurus
table…) is registered by the module that caches it, once, at import::

    LABELS = caches.register(
        "facet-labels", ends_on=("countries.country", "practices.sector")
    )

    labels = LABELS.get(name, language)
    if labels is None:
        labels = load(name)
        LABELS.set(labels, name, language, timeout=3600)
    # or: LABELS.get_or_set(lambda: load(name), name, language)

Its values are keyed by a generation (``core.generations``, named after the cache) that
ending the cache moves on, for every process at once. ``core.generations`` stays the
storage layer: the generation numbers, the per-request memo and each process's copies of
values (``get``/``set``); this module decides what is kept and what ends it. Code that
must fix one key across a read and a later write (a fragment is stored only if it used
no CSRF token) uses ``key()``, ``read(key)`` and ``write(key, value)``.

``connect()`` (called once, from ``CoreConfig.ready``) connects one receiver per signal;
each looks up which registered caches the event ends, so no app wires signals of its own
for a cache. The foundation imports no app above it: models are named by label
(``"countries.country"``).

What ends a cache (``ends_on``), any of:

- ``"app_label.model"``: a save or delete of that model, or of a model inheriting it
  (``"wagtailcore.page"`` is every page type);
- ``deleted("app_label.model")``: a delete only;
- ``"app_label.model.field"``: rows added to, removed from or cleared out of that
  many-to-many field (``"wagtailcore.pageviewrestriction.groups"``);
- ``CONTENT``: a save or delete of anything but sign-ins, sessions, tasks and accounts
  (``UNRELATED_APPS``, ``UNRELATED``), loaded fixtures excepted, and rows added to,
  removed from or cleared out of a many-to-many field of such a model (a practice named
  as a tracker's evidence with ``add()`` saves nothing else, yet the practice's page
  shows it);
- ``PUBLISHED``, ``UNPUBLISHED``, ``MOVED``: Wagtail's page signals;
- ``RIGHTS``: changes of who is in which group and of what a group or a user may do;
- ``VIEW_RESTRICTIONS``: page and collection view restrictions and their groups;
- tuples of these.

Ending a cache (``end()``, or one of its events) moves its generation on now, and again
when the transaction commits: a reader in between would otherwise keep what it read
before the change. A ``per_object`` cache keeps one value per object of its models: a
save or delete of an object ends that object's entry only (``end()`` still ends all);
its values are in the shared cache only, so a deleted entry is gone for every process.
A ``local`` cache keeps its values in this process only (objects rebuilt cheaply but read
very often, or not picklable), still under the shared generation, so every process drops
them at once.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core import checks
from django.core.cache import cache as shared
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import autoreload

from core import generations

# Saving these says nothing about what pages show: sign-ins, sessions, tasks, locks.
UNRELATED_APPS = frozenset(
    {
        "sessions",
        "axes",
        "otp_totp",
        "otp_static",
        "django_tasks_db",
        "admin",
        "contenttypes",
    }
)
# Accounts (last sign-in times) and admin preferences, made on a staff member's first view.
UNRELATED = frozenset({"auth.user", "wagtailusers.userprofile"})


@dataclass(frozen=True)
class Event:
    """Something that ends caches: ``kind`` is ``saved``, ``deleted``, ``relation``,
    ``content``, ``published``, ``unpublished`` or ``moved``; ``label`` the model (lower
    case) for the first three, ``field`` the many-to-many field for ``relation``."""

    kind: str
    label: str = ""
    field: str = ""

    def __str__(self):
        if self.kind == "relation":
            return f"{self.label}.{self.field}"
        if self.label:
            return f"{self.kind} {self.label}"
        return self.kind


CONTENT = Event("content")
PUBLISHED = Event("published")
UNPUBLISHED = Event("unpublished")
MOVED = Event("moved")
# Who is in which group, and what a group (or an account) may do: the user bar and the
# admin links of the cached parts of pages depend on them.
RIGHTS = (
    f"{settings.AUTH_USER_MODEL.lower()}.groups",
    f"{settings.AUTH_USER_MODEL.lower()}.user_permissions",
    "auth.group.permissions",
)
VIEW_RESTRICTIONS = (
    "wagtailcore.pageviewrestriction",
    "wagtailcore.pageviewrestriction.groups",
    "wagtailcore.collectionviewrestriction",
    "wagtailcore.collectionviewrestriction.groups",
)


def deleted(label: str) -> Event:
    """A delete (not a save) of the model ``label`` or of a model inheriting it."""
    return Event("deleted", label.lower())


def _events(ends_on) -> frozenset[Event]:
    if isinstance(ends_on, (str, Event)):
        ends_on = (ends_on,)
    found = set()
    for item in ends_on:
        if isinstance(item, Event):
            found.add(item)
        elif isinstance(item, str):
            parts = item.lower().split(".")
            if len(parts) == 2:
                label = ".".join(parts)
                found.update((Event("saved", label), Event("deleted", label)))
            elif len(parts) == 3:
                found.add(Event("relation", ".".join(parts[:2]), parts[2]))
            else:
                raise ValueError(f"{item!r} is neither 'app_label.model' nor 'app.model.field'")
        else:
            found.update(_events(item))
    return frozenset(found)


class Cache:
    """A registered cache: made by ``register``, never directly."""

    def __init__(self, name, events, *, timeout, local, per_object, doc):
        self.name = name
        self.events = events
        self.timeout = timeout
        self.local = local
        self.per_object = per_object
        self.__doc__ = doc
        self._lock = threading.RLock()
        self._here = (None, {})  # local caches: (generation, {parts: value})

    def __repr__(self):
        return f"<Cache {self.name!r}>"

    @property
    def labels(self) -> tuple[str, ...]:
        """The models whose saves or deletes end this cache, in a stable order."""
        return tuple(sorted({e.label for e in self.events if e.kind in ("saved", "deleted")}))

    @property
    def generation_key(self) -> str:
        """Where the shared cache keeps the generation (another process moving it on is
        seen by the next request here)."""
        return generations._key(self.name)

    def generation(self) -> int:
        return generations.current(self.name)

    def key(self, *parts) -> str:
        """A shared-cache key for ``parts`` that ending the cache leaves behind."""
        return ":".join(["hub", self.name, str(self.generation()), *map(str, parts)])

    def get(self, *parts):
        """The value stored for ``parts`` in this generation, or None."""
        if self.local:
            generation, values = self._here
            if generation != self.generation():
                return None
            return values.get(parts)
        return self.read(self.key(*parts))

    def set(self, value, *parts, timeout=None) -> None:  # noqa: A003 - the cache's own word
        """Store ``value`` (not None) for ``parts`` until the cache ends, or ``timeout``
        seconds (the registered one by default; local caches keep values until it ends)."""
        self._store(self.generation(), value, parts, timeout)

    def get_or_set(self, default, *parts, timeout=None):
        """The value for ``parts``, or ``default()`` stored (unless None) and returned.

        The generation is read before ``default`` runs, so a change made while the value
        is built ends it rather than being lost.
        """
        generation = self.generation()
        if self.local:
            stored, values = self._here
            if stored == generation and parts in values:
                return values[parts]
            with self._lock:  # one build at a time in this process
                stored, values = self._here
                if stored == generation and parts in values:
                    return values[parts]
                value = default()
                if value is not None:
                    self._store(generation, value, parts, timeout)
                return value
        key = self._key_at(generation, parts)
        value = self.read(key)
        if value is None:
            value = default()
            if value is not None:
                self.write(key, value, timeout)
        return value

    def end(self) -> None:
        """End every value of this cache, for every process: now and on commit."""
        end(self)

    # per-object caches ---------------------------------------------------------------
    def object_parts(self, obj) -> tuple | None:
        """The key parts of ``obj``'s entry in a ``per_object`` cache: the model it is
        watched as, and its primary key (None if it is of no model this cache watches)."""
        labels = _labels_of(type(obj))
        for label in self.labels:
            if label in labels:
                return (label, obj.pk)
        return None

    def end_object(self, obj) -> None:
        """End ``obj``'s entry in a ``per_object`` cache, now and on commit."""
        parts = self.object_parts(obj)
        if parts is None or obj.pk is None:
            return
        key = self.key(*parts)
        shared.delete(key)
        transaction.on_commit(lambda: shared.delete(key))

    # -------------------------------------------------------------------------------
    def _timeout(self, timeout):
        return self.timeout if timeout is None else timeout

    def _key_at(self, generation, parts):
        return ":".join(["hub", self.name, str(generation), *map(str, parts)])

    def _store(self, generation, value, parts, timeout):
        if value is None:
            return
        if self.local:
            with self._lock:
                stored, values = self._here
                if stored != generation:
                    values = {}
                    self._here = (generation, values)
                values[parts] = value
            return
        self.write(self._key_at(generation, parts), value, timeout)

    def read(self, key):
        """The value stored under ``key`` (made by ``key()``), or None: for code that
        must read and later write under one generation, deciding in between."""
        if self.local:
            raise TypeError("A local cache has no shared keys: use get or get_or_set.")
        # A per-object entry is ended by deleting it: no process may keep a copy of it.
        return shared.get(key) if self.per_object else generations.get(key)

    def write(self, key, value, timeout=None) -> None:
        """Store ``value`` (not None) under ``key`` (made by ``key()``)."""
        if self.local:
            raise TypeError("A local cache has no shared keys: use set or get_or_set.")
        if value is None:
            return
        if self.per_object:
            shared.set(key, value, self._timeout(timeout))
        else:
            generations.set(key, value, self._timeout(timeout))

    def _forget_here(self):
        self._here = (None, {})


_registry: dict[str, Cache] = {}


def register(
    name: str,
    *,
    ends_on,
    timeout: int = 3600,
    local: bool = False,
    per_object: bool = False,
    doc: str = "",
) -> Cache:
    """Register the cached thing ``name``, ended by the events ``ends_on`` (see above).

    Each name is registered once: a second registration raises ValueError (two modules
    keeping different things under one generation would end each other's by surprise).
    """
    if name in _registry:
        raise ValueError(f"The cache {name!r} is registered already.")
    events = _events(ends_on)
    if not events:
        raise ValueError(f"The cache {name!r} must name what ends it.")
    if per_object and not any(e.kind == "saved" for e in events):
        raise ValueError(f"The per-object cache {name!r} must end on saves of its models.")
    cache = Cache(name, events, timeout=timeout, local=local, per_object=per_object, doc=doc)
    _registry[name] = cache
    _plans.clear()
    return cache


def registered() -> dict[str, Cache]:
    """Every registered cache, by name."""
    return dict(_registry)


def named(name: str) -> Cache:
    """The registered cache ``name`` (KeyError if there is none)."""
    return _registry[name]


def end(*caches: Cache) -> None:
    """End these caches: their generations move on now and again on commit."""
    names = tuple(dict.fromkeys(cache.name for cache in caches))
    if not names:
        return
    generations.bump_many(names)
    transaction.on_commit(lambda: generations.bump_many(names))


def end_all() -> None:
    """End every registered cache at once (tests do after each test: a rolled-back change
    sends no signal)."""
    generations.bump_many(_registry)
    for cache in _registry.values():
        cache._forget_here()


# -- which caches an event ends ------------------------------------------------------------
_plans: dict = {}


def _labels_of(model) -> frozenset[str]:
    """The labels a model answers to: its own, its concrete model's and its parents'."""
    meta = model._meta
    labels = {meta.label_lower, meta.concrete_model._meta.label_lower}
    labels.update(parent._meta.label_lower for parent in meta.get_parent_list())
    return frozenset(labels)


def _is_content(model) -> bool:
    meta = model._meta
    return meta.app_label not in UNRELATED_APPS and meta.label_lower not in UNRELATED


def _model_plan(kind, model):
    """(caches ended, caches ended unless loaded raw, per-object caches) by a ``kind``
    (saved or deleted) of ``model``."""
    plan = _plans.get((kind, model))
    if plan is None:
        labels = _labels_of(model)
        content = _is_content(model)
        ended, unless_raw, objects = [], [], []
        for cache in _registry.values():
            matched = any(e.kind == kind and e.label in labels for e in cache.events)
            if matched and cache.per_object:
                objects.append(cache)
            elif matched:
                ended.append(cache)
            elif content and CONTENT in cache.events:
                unless_raw.append(cache)
        plan = _plans[(kind, model)] = (tuple(ended), tuple(unless_raw), tuple(objects))
    return plan


def _relation_plan(through):
    plan = _plans.get(("relation", through))
    if plan is None:
        # An automatic through table belongs to the model whose field it is.
        owner = through._meta.auto_created or through
        content = _is_content(owner) and _is_content(through)
        ended = []
        for cache in _registry.values():
            for event in cache.events:
                if event.kind == "relation" and _through(event) is through:
                    ended.append(cache)
                    break
            else:
                if content and CONTENT in cache.events:
                    ended.append(cache)
        plan = _plans[("relation", through)] = tuple(ended)
    return plan


def _through(event):
    try:
        field = apps.get_model(event.label)._meta.get_field(event.field)
    except (LookupError, FieldDoesNotExist):
        return None
    return getattr(field.remote_field, "through", None)


def _kind_plan(kind):
    plan = _plans.get(kind)
    if plan is None:
        plan = _plans[kind] = tuple(c for c in _registry.values() if Event(kind) in c.events)
    return plan


def _changed(kind, sender, instance, raw):
    ended, unless_raw, objects = _model_plan(kind, sender)
    end(*ended, *(() if raw else unless_raw))
    for cache in objects:
        cache.end_object(instance)


def _saved(sender, instance, raw=False, **kwargs):
    _changed("saved", sender, instance, raw)


def _deleted(sender, instance, **kwargs):
    _changed("deleted", sender, instance, False)


def _relation_changed(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        end(*_relation_plan(sender))


def _published(**kwargs):
    end(*_kind_plan("published"))


def _unpublished(**kwargs):
    end(*_kind_plan("unpublished"))


def _moved(**kwargs):
    end(*_kind_plan("moved"))


def connect() -> None:
    """Connect the receivers that end registered caches: once, from CoreConfig.ready."""
    from wagtail.signals import page_published, page_unpublished, post_page_move

    post_save.connect(_saved, dispatch_uid="hub-caches-saved")
    post_delete.connect(_deleted, dispatch_uid="hub-caches-deleted")
    m2m_changed.connect(_relation_changed, dispatch_uid="hub-caches-relation")
    page_published.connect(_published, dispatch_uid="hub-caches-published")
    page_unpublished.connect(_unpublished, dispatch_uid="hub-caches-unpublished")
    post_page_move.connect(_moved, dispatch_uid="hub-caches-moved")
    autoreload.file_changed.connect(_file_changed, dispatch_uid="hub-caches-file-changed")
    checks.register(check_events)


def _file_changed(sender, file_path, **kwargs):
    """Development (``make run``): runserver's reloader does not restart for an edited
    template, so pages and fragments cached from the old one were served on (a page's old
    markup under the new CSS). Any file but Python code (which restarts the server) ends
    them. Returns nothing: whether to restart stays Django's decision."""
    if file_path.suffix != ".py":
        end_all()


def check_events(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Every model and field a registered cache names exists (a misspelt label would
    never end its cache)."""
    errors = []
    for cache in _registry.values():
        named_models = {e.label: e for e in cache.events if e.kind in ("saved", "deleted")}
        relations = [e for e in cache.events if e.kind == "relation"]
        for event in sorted([*named_models.values(), *relations], key=str):
            try:
                model = apps.get_model(event.label)
            except (LookupError, ValueError):
                errors.append(
                    checks.Error(
                        f"The cache {cache.name!r} ends on changes of {event.label!r}, "
                        "which is no model.",
                        id="core.E101",
                    )
                )
                continue
            if event.kind == "relation" and _through(event) is None:
                errors.append(
                    checks.Error(
                        f"The cache {cache.name!r} ends on {event}: {model._meta.label} has "
                        f"no many-to-many field {event.field!r}.",
                        id="core.E102",
                    )
                )
    return errors
