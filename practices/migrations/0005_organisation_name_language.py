"""The language an organisation's name is written in, for the pages to mark it.

Every existing name is English: the organisations entered so far carry their English
names ("Victim Support Finland"), whatever their country.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('practices', '0004_document_model_in_core'),
    ]

    operations = [
        migrations.AddField(
            model_name='organisation',
            name='language',
            field=models.CharField(choices=[('en', 'English'), ('fi', 'Finnish'), ('sv', 'Swedish'), ('nb', 'Norwegian'), ('da', 'Danish'), ('is', 'Icelandic')], default='en', help_text='The language the name is written in.', max_length=5, verbose_name='language of the name'),
        ),
    ]
