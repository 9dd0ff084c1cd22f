from django.db import migrations


def add_concepts(apps, schema_editor):
    # Adds the concepts of the starting thesaurus that are missing ("begging"); edited
    # concepts are left as the secretariat made them.
    from search.thesaurus_data import ensure_concepts

    ensure_concepts(apps)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_thb_concepts")]

    operations = [migrations.RunPython(add_concepts, migrations.RunPython.noop)]
