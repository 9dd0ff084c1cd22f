from django.db import migrations


def add_terms(apps, schema_editor):
    from practices.taxonomy import ensure_terms

    ensure_terms(apps)


class Migration(migrations.Migration):
    dependencies = [("practices", "0002_approach_formofexploitation_sector_targetgroup_and_more")]

    operations = [migrations.RunPython(add_terms, migrations.RunPython.noop)]
