"""References to documents follow the model to the foundation (core); the columns are unchanged."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_initial'),
        ('practices', '0003_taxonomy_terms'),
    ]

    operations = [
        migrations.AlterField(
            model_name='practicepage',
            name='evaluation_document',
            field=models.ForeignKey(blank=True, help_text='The evaluation report. Required for an evaluated practice.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.hubdocument', verbose_name='evaluation'),
        ),
    ]
