"""Production: everything secure, secrets only from the environment."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

if not SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("Set SECRET_KEY in the environment (at least 50 characters).")

DEBUG = False
# Tasks (index writes, text extraction) go to one `manage.py db_worker` unless told otherwise.
TASKS_BACKEND = TASKS_BACKEND_ENV or "database"
TASKS = {"default": {"BACKEND": TASKS_BACKENDS[TASKS_BACKEND]}}
SEARCH_BACKENDS["whoosh"]["QUEUE_WRITES"] = TASKS_BACKEND == "database"
# On PostgreSQL the index is a table of the same database (search.backends.postgres),
# written in the same transaction as the page; Whoosh stays the embedded default.
SEARCH_BACKEND = env.str("SEARCH_BACKEND", default="postgres" if ON_POSTGRES else "whoosh")
WAGTAILSEARCH_BACKENDS = {"default": SEARCH_BACKENDS[SEARCH_BACKEND]}
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS_REDIRECT_ENV
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Static files come from the app (WhiteNoise): compressed, hashed names, cached for a year.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
# The worker compares the search index with the database every hour and repairs drift
# (an update lost to a crash, a restriction changed behind the index's back); silent when
# clean, a warning on hub.search when it repaired something. Every 30 days it mails the
# superusers the accounts the access review asks about (nothing when there are none).
WORKER_PERIODIC_COMMANDS = env.json(
    "WORKER_PERIODIC_COMMANDS",
    default=[
        ["check_index", ["--fix", "--verbosity", "0"], 3600],
        ["access_review", ["--mail", "--verbosity", "0"], 30 * 24 * 3600],
    ],
)
