from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _

from .backends.checks import check_index_location


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        checks.register(check_index_location)

        from . import privacy

        privacy.connect_signals()
        # These register their caches with core.caches, which ends them: no receivers here.
        from . import facets, service, snippets, suggest, thesaurus  # noqa: F401
