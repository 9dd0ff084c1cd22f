from django.db import migrations


def add_concepts(apps, schema_editor):
    from search.thesaurus_data import ensure_concepts

    ensure_concepts(apps)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(add_concepts, migrations.RunPython.noop)]
