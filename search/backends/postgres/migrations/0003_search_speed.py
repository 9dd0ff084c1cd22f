"""Faster searches at 10,000 practices and more (issue 23's measurements):

* the content types and the vector in one GIN index: a search of a small model reads its
  own rows only, and a search of pages still reads the vector's entries alone;
* the ranked ``head`` and the ``tokens`` kept in the row (storage MAIN) rather than the
  TOAST table: both are read for every match, and from there that cost as much as the
  ranking itself. Rows written after this migration (any index update, ``update_index``)
  are stored so.
"""

import django.contrib.postgres.indexes
from django.db import migrations

TABLE = "search_postgres_indexeddocument"


class Migration(migrations.Migration):
    dependencies = [
        ("search_postgres", "0002_tsvector_agg"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="indexeddocument",
            name="search_pg_vector",
        ),
        migrations.AddIndex(
            model_name="indexeddocument",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["content_types", "vector"], name="search_pg_types_vector"
            ),
        ),
        migrations.RunSQL(
            f"ALTER TABLE {TABLE} ALTER COLUMN head SET STORAGE MAIN, "
            "ALTER COLUMN tokens SET STORAGE MAIN",
            f"ALTER TABLE {TABLE} ALTER COLUMN head SET STORAGE EXTENDED, "
            "ALTER COLUMN tokens SET STORAGE EXTENDED",
        ),
    ]
