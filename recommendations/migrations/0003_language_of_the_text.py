"""The language coordinators write an implementation's texts and a status update's note in.

Every existing row is English: the tracker had no other language to offer until now, and
the notes written so far are the network's English reports.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('recommendations', '0002_document_model_in_core'),
    ]

    operations = [
        migrations.AddField(
            model_name='implementation',
            name='language',
            field=models.CharField(choices=[('en', 'English'), ('fi', 'Finnish'), ('sv', 'Swedish'), ('nb', 'Norwegian'), ('da', 'Danish'), ('is', 'Icelandic')], default='en', help_text='The language the responsible authority, measures, next step and note are written in.', max_length=5, verbose_name='language of the text'),
        ),
        migrations.AddField(
            model_name='statusupdate',
            name='language',
            field=models.CharField(choices=[('en', 'English'), ('fi', 'Finnish'), ('sv', 'Swedish'), ('nb', 'Norwegian'), ('da', 'Danish'), ('is', 'Icelandic')], default='en', max_length=5, verbose_name='language of the note'),
        ),
    ]
