"""Switching search-index writes off for bulk work that ends with a rebuild."""

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
    from django.db.models.signals import post_delete, post_save
    from modelsearch.index import get_indexed_models
    from modelsearch.signal_handlers import post_delete_signal_handler, post_save_signal_handler

    configs = list(settings.WAGTAILSEARCH_BACKENDS.values())
    previous = [config.get("AUTO_UPDATE") for config in configs]
    for config in configs:
        config["AUTO_UPDATE"] = on
    models = (
        []
        if signals
        else [m for m in get_indexed_models() if getattr(m, "search_auto_update", True)]
    )
    # Only what this block disconnected is connected again (blocks may nest).
    disconnected = [
        (signal, handler, model)
        for model in models
        for signal, handler in (
            (post_save, post_save_signal_handler),
            (post_delete, post_delete_signal_handler),
        )
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
