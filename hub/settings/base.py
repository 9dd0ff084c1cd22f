"""Settings shared by every environment of the Nordic THB Coordinators Hub.

Safe by default: DEBUG is off and there is no usable secret key unless the environment
gives one (``dev.py`` and ``test.py`` set their own). Every environment variable the hub
reads is read in the one block below; nothing else in the project touches ``os.environ``.
"""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF

from core import languages

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = BASE_DIR / "var"

# --- Environment -------------------------------------------------------------------------
env = environ.Env()
SECRET_KEY = env.str("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
DATABASES = {"default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'hub.sqlite3'}")}
SEARCH_BACKEND = env.str("SEARCH_BACKEND", default="whoosh")
SEARCH_INDEX_DIR = env.path("SEARCH_INDEX_DIR", default=str(VAR_DIR / "search-index"))
SEARCH_URLS = env.list("SEARCH_URLS", default=["http://localhost:9200"])
CONN_MAX_AGE = env.int("CONN_MAX_AGE", default=0)
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://")}
# After Redis fails to answer, the cache is bypassed this long before it is tried again.
CACHE_BREAKER_SECONDS = env.float("CACHE_BREAKER_SECONDS", default=2.0)
# django-environ reads ?key_prefix= into a key Django does not know: it was ignored.
if "key_prefix" in CACHES["default"]:
    CACHES["default"]["KEY_PREFIX"] = CACHES["default"].pop("key_prefix")
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    CACHES["default"]["BACKEND"] = "core.redis_cache.RedisCache"  # one client, not one per call
    # A dead or hanging Redis costs a fraction of a second once, then nothing while the
    # breaker of core/redis_cache.py is open (a URL's ?socket_timeout= still wins).
    for option, seconds in (("socket_connect_timeout", 0.25), ("socket_timeout", 0.5)):
        CACHES["default"].setdefault("OPTIONS", {}).setdefault(option, seconds)
# Anonymous visitors' pages are kept this long at most (0: no page cache; core/pagecache.py).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
# Parts of pages shared by everyone who may view the same things (0: off; core/fragments.py).
FRAGMENT_CACHE_SECONDS = env.int("FRAGMENT_CACHE_SECONDS", default=600)
MEDIA_STORAGE = env.str("MEDIA_STORAGE", default="filesystem")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "media"))
STATIC_ROOT = env.path("STATIC_ROOT", default=str(VAR_DIR / "static"))
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Nordic THB Hub <hub@localhost>")
# Unset: inline ("immediate") here, a database queue in production.py.
TASKS_BACKEND_ENV = env.str("TASKS_BACKEND", default="")
TASKS_BACKEND = TASKS_BACKEND_ENV or "immediate"
# The hub's public address: every absolute link starts with it (core/links.py), and
# setup_spaces gives Wagtail's default Site record the same host and port.
BASE_URL = env.str("BASE_URL", default="http://127.0.0.1:8000")
# Production only: off where TLS ends elsewhere and plain HTTP is wanted (make serve-prod).
HTTPS_REDIRECT_ENV = env.bool("SECURE_SSL_REDIRECT", default=True)
# -----------------------------------------------------------------------------------------

DATABASES["default"]["CONN_MAX_AGE"] = CONN_MAX_AGE
# A kept connection that died with a database restart is replaced at the next request's
# first query, instead of failing that request (only matters when CONN_MAX_AGE > 0).
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Take the write lock when a transaction starts, so two saves at once wait their turn
    # (up to 20 s) instead of one failing midway with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )

INSTALLED_APPS = [
    "home",
    "core",
    "countries",
    "questions",
    "practices",
    "seminars",
    "recommendations",
    "search",
    # Demo content, seed_demo and the benchmarks: the top layer, which no other app imports.
    "demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "guardian",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]
ON_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if ON_POSTGRES:
    # The PostgreSQL search backend's index table.
    INSTALLED_APPS.append("search.backends.postgres")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.generations.GenerationMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "home.security.IdleSessionMiddleware",
    "home.security.StaffTwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # After django-axes (which asks to be last of the security middleware): everything
    # above still runs for a page served from the cache (headers, language, CSP).
    "axes.middleware.AxesMiddleware",
    "core.pagecache.AnonymousPageCacheMiddleware",
    "core.pagecache.SharedSiteMiddleware",
]

ROOT_URLCONF = "hub.urls"
WSGI_APPLICATION = "hub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.hub",
            ],
        },
    },
]

AUTHENTICATION_BACKENDS = [
    # First, so a locked-out username or address is refused before any password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
# Anonymous visitors never hold object rights; guardian must not need a database user.
ANONYMOUS_USER_NAME = None

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Sign-in security ----------------------------------------------------------------------
# Five wrong passwords for one username from one address lock that pair out for 15 minutes,
# on the site's sign-in and the admin's alike (both go through authenticate()).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Everyone who can use the admin signs in with a second factor (home/twofactor.py).
OTP_TOTP_ISSUER = "Nordic THB Hub"
# A session ends after 8 hours, or after 30 minutes without a request.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_IDLE_TIMEOUT = 30 * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"
WAGTAIL_FRONTEND_LOGIN_URL = "/account/login/"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = True
WAGTAIL_PASSWORD_RESET_ENABLED = True
# Wagtail's account settings would change the address without proof that it is the
# user's; the hub's /account/email/ mails a link to the new address instead.
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False

# --- Languages: the UI speaks the six Nordic working languages ---------------------------
# Where each feature's top page (the spaces, the library, the seminars, the tracker) may
# be added: under the site's home page. The site names it here, so the features' apps
# never name the layer above them.
SECTION_PARENT_PAGE_TYPES = ["home.HomePage"]
# What a country's space holds (pages of the features above the spaces).
COUNTRY_SPACE_PAGE_TYPES = ["practices.PracticePage"]
# The pages that hold members' questions and answers (questions/threads.py).
QUESTION_PAGE_TYPES = [
    "countries.CountryPage",
    "practices.PracticePage",
    "recommendations.RecommendationPage",
]

LANGUAGE_CODE = languages.DEFAULT
LANGUAGES = list(languages.OWN_NAMES.items())  # the one list: core/languages.py
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["hub.formats"]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True

# --- Static and media ----------------------------------------------------------------------
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_URL = "/static/"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if MEDIA_STORAGE == "s3":
    # Scale-out: any S3-compatible store; credentials come from the AWS_* variables that
    # django-storages reads itself.
    STORAGES["default"] = {"BACKEND": "core.storage.S3MediaStorage"}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_PERMISSIONS = 0o640

# --- Background tasks -------------------------------------------------------------------
TASKS_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "dummy": "django_tasks.backends.dummy.DummyBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS = {"default": {"BACKEND": TASKS_BACKENDS[TASKS_BACKEND]}}
# The worker (`manage.py db_worker`, core/worker.py and core/taskqueue.py): it beats every
# WORKER_HEARTBEAT_SECONDS; a worker silent for WORKER_LEASE_SECONDS is dead and its task is
# taken up by another (and /healthz fails when no worker is live); a failing task is tried
# WORKER_MAX_ATTEMPTS times in all, first again after WORKER_RETRY_DELAY_SECONDS, then twice
# as long each time, and then listed in the admin (Reports, Failed tasks).
WORKER_HEARTBEAT_SECONDS = 5
WORKER_LEASE_SECONDS = 30
WORKER_MAX_ATTEMPTS = 5
WORKER_RETRY_DELAY_SECONDS = 10
# Management commands the worker runs at an interval: (command, [arguments], seconds), e.g.
# ("check_index", ["--fix"], 3600). The last run is shared by all workers (core.PeriodicRun).
WORKER_PERIODIC_COMMANDS = []

# --- Wagtail -------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Nordic THB Coordinators Hub"
# Links in Wagtail's own emails (moderation, workflow).
WAGTAILADMIN_BASE_URL = BASE_URL
WAGTAILDOCS_DOCUMENT_MODEL = "core.HubDocument"
# Documents always go through Django, so page privacy and collection privacy apply.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Checks each new file's content against its extension and refuses bombs (core/uploads.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.uploads.HubDocumentForm"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Counts an image's pixels before it is decoded, and refuses damaged images (core/uploads.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.uploads.HubImageForm"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar: the admin would ask gravatar.com for every user's picture, sending a hash
# of their address abroad, and show a broken image wherever the hub has no internet
# access. Without a provider Wagtail shows its own default avatar (or one uploaded in the
# account settings).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_BASE_URL = BASE_URL

SEARCH_BACKENDS = {
    "database": {"BACKEND": "wagtail.search.backends.database"},
    # The embedded default. Writes run inline, or on the one task worker when tasks go
    # through the database; EXTRAS adds view-restriction tokens and cross-type facets.
    "whoosh": {
        "BACKEND": "search.backends.whoosh",
        "PATH": str(SEARCH_INDEX_DIR),
        "EXTRAS": "search.facets.document_extras",
        "QUEUE_WRITES": TASKS_BACKEND == "database",
    },
    # The production path on PostgreSQL: the index is a table of the same database, with
    # the same view-restriction and facet tokens as the embedded engine.
    "postgres": {
        "BACKEND": "search.backends.postgres",
        "EXTRAS": "search.facets.document_extras",
    },
    "elasticsearch8": {
        "BACKEND": "wagtail.search.backends.elasticsearch8",
        "URLS": SEARCH_URLS,
        "INDEX": "nordic_thb_hub",
    },
    "opensearch2": {
        "BACKEND": "wagtail.search.backends.opensearch2",
        "URLS": SEARCH_URLS,
        "INDEX": "nordic_thb_hub",
    },
}
WAGTAILSEARCH_BACKENDS = {"default": SEARCH_BACKENDS[SEARCH_BACKEND]}

# --- Security headers -------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
# The public site runs no inline script or style and loads nothing from elsewhere, except
# the players of embedded seminar recordings. The admin is Wagtail's, with its own inline
# code: it keeps X-Frame-Options and frames its own previews (SAMEORIGIN).
EMBED_FRAME_SOURCES = [
    "https://www.youtube-nocookie.com",
    "https://www.youtube.com",
    "https://player.vimeo.com",
]
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": [SELF, *EMBED_FRAME_SOURCES],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "hub": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
