"""When search-index updates are queued: switched off for bulk work that ends with a
rebuild (``index_updates``), and for clusterable pages once their relations are written
(``IndexedAfterRelations``)."""

from __future__ import annotations

from contextlib import contextmanager

from django.conf import settings


@contextmanager
def index_updates(on: bool, signals: bool = True):
    """Set AUTO_UPDATE of every search backend for the duration of the block.

    modelsearch reads the flag when an index task runs, and queues a task on every save
    whatever the flag says; with ``signals=False`` the post_save/post_delete handlers
    that queue those tasks are disconnected too, so a bulk load (``seed_demo``, the
    benchmark's synthetic practices) costs no index work at all. Follow such a block
    with ``update_index``.

    Not for web processes: the settings are shared by every thread.
    """
    from modelsearch.index import get_indexed_models

    configs = list(settings.WAGTAILSEARCH_BACKENDS.values())
    previous = [config.get("AUTO_UPDATE") for config in configs]
    for config in configs:
        config["AUTO_UPDATE"] = on
    models = [] if signals else get_indexed_models()
    # Only what this block disconnected is connected again (blocks may nest).
    disconnected = [
        (signal, handler, model)
        for model in models
        for signal, handler in update_receivers(model)
        if signal.disconnect(handler, sender=model)
    ]
    try:
        yield
    finally:
        for signal, handler, model in disconnected:
            signal.connect(handler, sender=model)
        for config, value in zip(configs, previous, strict=True):
            if value is None:
                config.pop("AUTO_UPDATE", None)
            else:
                config["AUTO_UPDATE"] = value


def update_receivers(model):
    """The (signal, handler) pairs that keep ``model``'s index entries up to date."""
    from django.db.models.signals import post_delete, post_save
    from modelsearch.signal_handlers import post_delete_signal_handler, post_save_signal_handler

    if issubclass(model, IndexedAfterRelations):
        return ((post_save, _saved), (post_delete, post_delete_signal_handler))
    if getattr(model, "search_auto_update", True):
        return ((post_save, post_save_signal_handler), (post_delete, post_delete_signal_handler))
    return ()


def connect_update_receivers():
    """Connect the receivers of the models modelsearch leaves to us (IndexedAfterRelations)."""
    from modelsearch.index import get_indexed_models

    for model in get_indexed_models():
        if issubclass(model, IndexedAfterRelations):
            for signal, handler in update_receivers(model):
                signal.connect(handler, sender=model)


class IndexedAfterRelations:
    """For a clusterable model whose search document reads its child relations or
    parental many-to-many fields (a practice's forms of exploitation and organisations, a
    seminar's organisers).

    modelsearch queues an object's index update from post_save, which modelcluster sends
    before it writes those relations. A task worker runs the update after the commit and
    sees them; the immediate task backend (development, the embedded setup, tests) runs
    it at once, reading the object back from the database, and so indexed the relations
    as they were before the save. These models therefore take the update away from
    modelsearch (``search_auto_update``) and queue it when ``save()`` has written
    everything. Deleting still goes through modelsearch's post_delete handler.
    """

    search_auto_update = False

    def save(self, *args, **kwargs):
        outermost = _PENDING not in self.__dict__
        if outermost:
            self.__dict__[_PENDING] = False
        try:
            result = super().save(*args, **kwargs)
        finally:
            due = self.__dict__.pop(_PENDING) if outermost else False
        if due:
            _queue(self)
        return result


_PENDING = "_index_update_pending"


def _saved(sender, instance, raw=False, **kwargs):
    """post_save of an IndexedAfterRelations model: inside its save(), note that the
    update is due; a save_base() outside save() queues it at once, as modelsearch would."""
    if raw:
        return
    if _PENDING in instance.__dict__:
        instance.__dict__[_PENDING] = True
    else:
        _queue(instance)


def _queue(instance):
    from modelsearch.signal_handlers import post_save_signal_handler

    post_save_signal_handler(instance)
