"""Faster searches at 10,000 practices and more (issue 23's measurements):

* the content types and the vector in one GIN index: a search of a small model reads its
  own rows only, and a search of pages still reads the vector's entries alone;
* the ``head`` every match is ranked by first now holds weights A and B only (the best
  matches are ranked again by A to C, read from the vector), and it and the ``tokens``
  are kept in the row (storage MAIN) rather than the TOAST table: both are read for
  every match, and from there that cost as much as the ranking itself. Every row is
  written again here, and stored so.
"""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations, models

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
        # A generated column's expression cannot be altered: removed and added again.
        migrations.RemoveField(model_name="indexeddocument", name="head"),
        migrations.AddField(
            model_name="indexeddocument",
            name="head",
            field=models.GeneratedField(
                db_persist=True,
                expression=models.Func(
                    models.F("vector"), models.Value("{a,b}"), function="ts_filter"
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        # Storage MAIN, then every row written again so that it is stored so (the
        # generated head is computed again on any update of its row).
        migrations.RunSQL(
            [
                f"ALTER TABLE {TABLE} ALTER COLUMN head SET STORAGE MAIN, "
                "ALTER COLUMN tokens SET STORAGE MAIN",
                f"UPDATE {TABLE} SET tokens = array_cat(tokens, '{{}}'::text[])",
            ],
            f"ALTER TABLE {TABLE} ALTER COLUMN head SET STORAGE EXTENDED, "
            "ALTER COLUMN tokens SET STORAGE EXTENDED",
        ),
    ]
