from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The foundation: what every layer above builds on, importing none of them."""

    name = "core"
    verbose_name = _("foundation")

    def ready(self):
        # checks registers the BASE_URL checks; signals connects the text extraction.
        # The caches of the foundation register themselves on import (access, fragments,
        # pagecache, hub_tags); those of the apps above are imported by their own ready().
        # One set of receivers ends them all.
        from . import access, caches, checks, fragments, indexing, pagecache, signals  # noqa: F401
        from .templatetags import hub_tags  # noqa: F401

        caches.connect()
        # Pages whose search document reads their relations are indexed after those.
        indexing.connect_update_receivers()
        # An index update queued while the same one still waits is dropped (a publish
        # saves its page several times).
        from django_tasks.signals import task_enqueued

        from .taskqueue import coalesce

        task_enqueued.connect(coalesce, dispatch_uid="core.coalesce_index_updates")
