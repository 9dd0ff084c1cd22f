from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The foundation: what every layer above builds on, importing none of them."""

    name = "core"
    verbose_name = _("foundation")

    def ready(self):
        # checks registers the BASE_URL checks; signals connects the text extraction.
        from . import checks, indexing, pagecache, signals  # noqa: F401

        pagecache.connect()
        # Pages whose search document reads their relations are indexed after those.
        indexing.connect_update_receivers()
