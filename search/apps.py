from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _

from .backends.checks import check_index_location, check_postgres_backend


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        checks.register(check_index_location)
        checks.register(check_postgres_backend)

        from . import privacy

        privacy.connect_signals()
        # These register their caches with core.caches, which ends them: no receivers here.
        from . import facets, service, snippets, suggest, thesaurus  # noqa: F401
