from django.db import migrations


class Migration(migrations.Migration):
    """An aggregate joining weighted vectors, so a document's segments are written by one
    statement whatever their number (``||`` over the rows of ``unnest``)."""

    dependencies = [("search_postgres", "0001_initial")]

    operations = [
        migrations.RunSQL(
            "CREATE AGGREGATE search_tsvector_agg(tsvector) "
            "(SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '')",
            "DROP AGGREGATE IF EXISTS search_tsvector_agg(tsvector)",
        )
    ]
