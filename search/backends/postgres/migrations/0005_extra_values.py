"""The ``kind`` and ``language`` EXTRAS values in columns of their own (generated).

The search page boosts every match by its language and kind (``boost_extra``); searching
the token array for each boosted token cost 77 ms a search at 100,000 practices, where
comparing a column costs almost nothing (``results.SCALAR_EXTRAS``). The columns are
computed by the database from the tokens, so they can never disagree with them, and are
added by one statement (one rewrite of the table, not one per column).
"""

import django.db.models.expressions
from django.db import migrations, models

TABLE = "search_postgres_indexeddocument"

#: The value of the one token ``name:value`` of ``tokens``; null when there is none or
#: there are several (a boost then searches the array). Immutable: a generated column's
#: expression must be.
FUNCTION = """
CREATE FUNCTION search_extra_value(tokens text[], extra text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN count(*) = 1 THEN min(substr(t, length(extra) + 2)) END
    FROM unnest(tokens) t
    WHERE left(t, length(extra) + 1) = extra || ':'
$$
"""


def generated(name):
    return models.GeneratedField(
        db_persist=True,
        expression=django.db.models.expressions.Func(
            models.F("tokens"), models.Value(name), function="search_extra_value"
        ),
        output_field=models.TextField(),
    )


class Migration(migrations.Migration):
    dependencies = [("search_postgres", "0004_live_page_paths")]

    operations = [
        migrations.RunSQL(FUNCTION, "DROP FUNCTION search_extra_value(text[], text)"),
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    f"ALTER TABLE {TABLE} "
                    "ADD COLUMN extra_kind text "
                    "GENERATED ALWAYS AS (search_extra_value(tokens, 'kind')) STORED, "
                    "ADD COLUMN extra_language text "
                    "GENERATED ALWAYS AS (search_extra_value(tokens, 'language')) STORED",
                    f"ALTER TABLE {TABLE} DROP COLUMN extra_kind, DROP COLUMN extra_language",
                )
            ],
            state_operations=[
                migrations.AddField(
                    model_name="indexeddocument", name="extra_kind", field=generated("kind")
                ),
                migrations.AddField(
                    model_name="indexeddocument",
                    name="extra_language",
                    field=generated("language"),
                ),
            ],
        ),
    ]
