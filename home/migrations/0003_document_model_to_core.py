"""HubDocument now lives in ``core`` (core/migrations/0001): ``home`` forgets it, its table stays."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0002_hubdocument_text_extraction'),
        ('practices', '0004_document_model_in_core'),
        ('recommendations', '0002_document_model_in_core'),
        ('seminars', '0002_document_model_in_core'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='HubDocument')],
        ),
    ]
