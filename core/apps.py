from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The foundation: what every layer above builds on, importing none of them."""

    name = "core"
    verbose_name = _("foundation")

    def ready(self):
        # checks registers the BASE_URL checks; signals connects the text extraction.
        from . import checks, pagecache, signals  # noqa: F401

        pagecache.connect()
