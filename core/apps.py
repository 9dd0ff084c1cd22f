from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The foundation: what every layer above builds on, importing none of them."""

    name = "core"
    verbose_name = _("foundation")

    def ready(self):
        # checks registers the BASE_URL checks; signals connects the text extraction.
        from . import caches, checks, signals  # noqa: F401

        # The caches of the foundation register themselves on import; those of the apps
        # above are imported by their own ready(). One set of receivers ends them all.
        from . import access, fragments, pagecache  # noqa: F401
        from .templatetags import hub_tags  # noqa: F401

        caches.connect()
