"""System checks of the search engine's configuration, whichever backend is configured."""

from pathlib import Path

from django.conf import settings
from django.core import checks
from modelsearch.conf import get_app_config


def check_index_location(app_configs=None, **kwargs):
    """An index kept in files (a backend's ``PATH``) may hold pickles: it must never sit
    where uploads or static files go."""
    errors = []
    for backend, params in get_app_config().get_search_backend_config().items():
        if not params.get("PATH"):
            continue  # kept in the database or a search server
        index_dir = Path(str(params["PATH"])).resolve()
        for name in ("MEDIA_ROOT", "STATIC_ROOT"):
            root = getattr(settings, name, None)
            if root and index_dir.is_relative_to(Path(str(root)).resolve()):
                errors.append(
                    checks.Error(
                        f"The index of search backend {backend!r} ({index_dir}) is inside {name}.",
                        hint="Move the search index out of any directory served or uploaded to.",
                        id="search.E001",
                    )
                )
    return errors


def check_postgres_backend(app_configs=None, **kwargs):
    """The PostgreSQL backend needs a PostgreSQL database and its table's app."""
    from django.apps import apps
    from django.db import connections

    errors = []
    for backend, params in get_app_config().get_search_backend_config().items():
        if params.get("BACKEND") != "search.backends.postgres":
            continue
        if connections["default"].vendor != "postgresql":
            errors.append(
                checks.Error(
                    f"Search backend {backend!r} is the PostgreSQL backend, but the database "
                    f"is {connections['default'].vendor}.",
                    hint="Use SEARCH_BACKEND=whoosh, or set DATABASE_URL to PostgreSQL.",
                    id="search.E002",
                )
            )
        elif not apps.is_installed("search.backends.postgres"):
            errors.append(
                checks.Error(
                    f"Search backend {backend!r} needs 'search.backends.postgres' in "
                    "INSTALLED_APPS (its index table).",
                    id="search.E003",
                )
            )
    return errors
