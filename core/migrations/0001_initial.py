"""The hub's document model moves from ``home`` to the foundation (``core``), keeping its
table and every row: this migration only tells Django's state where the model now lives.
The table keeps its name until ``0002`` renames it, after every reference has moved. The
model's content type is renamed, not replaced, so tags, audit entries and search entries
that point at documents keep pointing at them."""

import django.db.models.deletion
import modelsearch.index
import taggit.managers
import wagtail.models.media
from django.conf import settings
from django.db import migrations, models


def _rename(apps, old, new):
    content_type = apps.get_model("contenttypes", "ContentType")
    if not content_type.objects.filter(app_label=new, model="hubdocument").exists():
        content_type.objects.filter(app_label=old, model="hubdocument").update(app_label=new)


def move_content_type(apps, schema_editor):
    _rename(apps, "home", "core")


def move_content_type_back(apps, schema_editor):
    _rename(apps, "core", "home")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('home', '0002_hubdocument_text_extraction'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.CreateModel(
                name='HubDocument',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('title', models.CharField(max_length=255, verbose_name='title')),
                    ('file', models.FileField(upload_to='documents', verbose_name='file')),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                    ('file_size', models.PositiveBigIntegerField(editable=False, null=True)),
                    ('file_hash', models.CharField(blank=True, editable=False, max_length=40)),
                    ('description', models.TextField(blank=True, verbose_name='description')),
                    ('extracted_text', models.TextField(blank=True, editable=False, verbose_name='extracted text')),
                    ('text_extracted_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='text extracted at')),
                    ('text_extracted_hash', models.CharField(blank=True, editable=False, max_length=40, verbose_name='hash of the file the text was extracted from')),
                    ('text_extraction_status', models.CharField(blank=True, choices=[('ok', 'Text extracted'), ('empty', 'No text found (a scan or an image?)'), ('unsupported', 'File type not read for search'), ('too_large', 'Too large to read'), ('too_many_pages', 'Too many pages to read'), ('timeout', 'Took too long to read'), ('error', 'Could not be read (damaged or not allowed)')], editable=False, max_length=20, verbose_name='text extraction status')),
                    ('collection', models.ForeignKey(default=wagtail.models.media.get_root_collection_id, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailcore.collection', verbose_name='collection')),
                    ('tags', taggit.managers.TaggableManager(blank=True, help_text=None, through='taggit.TaggedItem', to='taggit.Tag', verbose_name='tags')),
                    ('uploaded_by_user', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, to=settings.AUTH_USER_MODEL, verbose_name='uploaded by user')),
                ],
                options={
                    'verbose_name': 'document',
                    'verbose_name_plural': 'documents',
                    'abstract': False,
                    'db_table': 'home_hubdocument',
                },
                bases=(modelsearch.index.Indexed, models.Model),
            ),
            ],
        ),
        migrations.RunPython(move_content_type, move_content_type_back, elidable=True),
    ]
