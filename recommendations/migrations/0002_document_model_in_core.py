"""References to documents follow the model to the foundation (core); the columns are unchanged."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_initial'),
        ('recommendations', '0001_initial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='implementation',
            name='evidence_documents',
            field=models.ManyToManyField(blank=True, related_name='+', to='core.hubdocument', verbose_name='documents'),
        ),
        migrations.AlterField(
            model_name='recommendationpage',
            name='source_document',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.hubdocument', verbose_name='source document'),
        ),
    ]
