"""pytest settings: fast, isolated, nothing left behind."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Never the development database, even where a test runner creates no test database.
    DATABASES["default"]["NAME"] = str(Path(tempfile.mkdtemp(prefix="hub-test-db-")) / "db.sqlite3")
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Room for every test's cached pages and labels: at the default 300 entries, culling
# dropped cached labels mid-test and query counts changed with the order tests ran in.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = tempfile.mkdtemp(prefix="hub-test-media-")
SEARCH_INDEX_DIR = tempfile.mkdtemp(prefix="hub-test-index-")
SEARCH_BACKENDS["whoosh"]["PATH"] = SEARCH_INDEX_DIR
WAGTAILSEARCH_BACKENDS = {"default": SEARCH_BACKENDS[SEARCH_BACKEND]}
# The search tests add Wagtail's database backend where they run against it
# (tests/search/conftest.py), so other tests do not pay for a second index.
SEED_DEMO_PASSWORD = "nordic-demo"  # noqa: S105
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
