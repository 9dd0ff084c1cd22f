"""Local development: the default for manage.py. Never used in production."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
# Demo accounts use a short shared password; the validators still apply to real changes.
SEED_DEMO_PASSWORD = "nordic-demo"  # noqa: S105
