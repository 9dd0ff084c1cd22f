"""The live pages under a site root, read from one small index (100,000 practices).

Every search of the search page keeps the matches among the live pages under the site's
root (``Page.objects.live().filter(path__startswith=…)``, joined on ``object_pk``). A
partial index of the live pages' paths that holds their ids answers that list with an
index-only scan, without reading the page table's rows (15 to 60 ms of each search at
100,000 practices).

The backend is generic: the index is made only when Wagtail's page table is there (the
app installed, its table created: ``to_regclass`` in the statement itself), and only on
PostgreSQL. The dependency on Wagtail's first migration is added only when Wagtail is
installed, so a project without it (modelsearch's conformance suite) migrates too.
"""

from django.apps import apps
from django.db import migrations

INDEX = "search_pg_live_page_path"

CREATE = f"""
DO $$
BEGIN
    IF to_regclass('wagtailcore_page') IS NOT NULL THEN
        CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page
            (path text_pattern_ops) INCLUDE (id) WHERE live;
    END IF;
END
$$
"""
DROP = f"DROP INDEX IF EXISTS {INDEX}"


def _on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search_postgres", "0003_search_speed")]
    if apps.is_installed("wagtail"):
        # Made after the page table, and dropped before it when migrating back.
        dependencies.append(("wagtailcore", "0001_initial"))

    operations = [
        migrations.RunPython(_on_postgresql(CREATE), _on_postgresql(DROP), elidable=False),
    ]
