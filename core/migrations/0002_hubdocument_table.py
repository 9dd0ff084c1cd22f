"""The document table takes the foundation's name, once nothing refers to home's model."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_initial'),
        ('home', '0003_document_model_to_core'),
    ]

    operations = [
        migrations.AlterModelTable(name='hubdocument', table=None),
    ]
