"""Settings for the conformance suite: modelsearch's test app, and the backend under test.

``CONFORMANCE_BACKEND`` names the backend (a dotted module path; the runner sets it).
``DATABASE_URL`` selects the database as in the hub (PostgreSQL when it says so, an
in-memory SQLite database otherwise). A backend that keeps its own index gets a fresh
directory as ``PATH``; the runner removes it afterwards.
"""

import tempfile
from pathlib import Path

import environ

env = environ.Env()

SECRET_KEY = "conformance-suite-only"  # noqa: S105 - never serves a request
DEBUG = False
ALLOWED_HOSTS = ["testserver"]
USE_TZ = True
TIME_ZONE = "UTC"
LANGUAGE_CODE = "en-gb"
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
ROOT_URLCONF = "modelsearch.test.urls"
STATIC_URL = "/static/"
# Fast hashing for the users the suite creates.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# modelsearch's wheel lacks the suite's fixture: it is kept here, with the records newer
# suites expect (agenda items with speakers, the treebeard animal trees).
FIXTURE_DIRS = [Path(__file__).resolve().parent / "fixtures"]

INSTALLED_APPS = [
    "modelsearch.test.testapp",
    "modelsearch",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]

DATABASES = {"default": env.db_url("DATABASE_URL", default="sqlite://:memory:")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # modelsearch's database backend uses PostgreSQL's full-text search there. A test
    # database of its own, so a suite running beside the hub's never drops theirs.
    INSTALLED_APPS.append("django.contrib.postgres")
    DATABASES["default"]["TEST"] = {"NAME": "test_conformance"}

BACKEND = env.str("CONFORMANCE_BACKEND")
MODELSEARCH_BACKENDS = {"default": {"BACKEND": BACKEND}}
if BACKEND == "search.backends.postgres":
    # Its index is a table of its own app (PostgreSQL only).
    INSTALLED_APPS.append("search.backends.postgres")
# The database backends are configured by the database; any other keeps its index files.
elif not BACKEND.startswith("modelsearch.backends.database"):
    MODELSEARCH_BACKENDS["default"]["PATH"] = tempfile.mkdtemp(prefix="hub-conformance-")
