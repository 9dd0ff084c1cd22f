from pathlib import Path

from django.apps import AppConfig
from django.conf import settings
from django.core import checks
from django.utils.translation import gettext_lazy as _


def check_index_location(app_configs=None, **kwargs):
    """The Whoosh index holds pickles: it must never sit where uploads or static files go."""
    errors = []
    index_dir = Path(str(settings.SEARCH_INDEX_DIR)).resolve()
    for name in ("MEDIA_ROOT", "STATIC_ROOT"):
        root = getattr(settings, name, None)
        if root and index_dir.is_relative_to(Path(str(root)).resolve()):
            errors.append(
                checks.Error(
                    f"SEARCH_INDEX_DIR ({index_dir}) is inside {name}.",
                    hint="Move the search index out of any directory served or uploaded to.",
                    id="search.E001",
                )
            )
    return errors


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        checks.register(check_index_location)

        from . import indexing, privacy

        indexing.connect_update_receivers()
        privacy.connect_signals()
        # These register their caches with core.caches, which ends them: no receivers here.
        from . import facets, service, snippets, suggest, thesaurus  # noqa: F401
