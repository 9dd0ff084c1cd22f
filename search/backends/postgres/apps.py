from django.apps import AppConfig


class PostgresSearchConfig(AppConfig):
    """The PostgreSQL search backend's table (installed only on PostgreSQL)."""

    name = "search.backends.postgres"
    label = "search_postgres"
    verbose_name = "PostgreSQL search index"
    default_auto_field = "django.db.models.BigAutoField"
