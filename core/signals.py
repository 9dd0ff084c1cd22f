"""Signal receivers of the home app, connected in HomeConfig.ready()."""

import logging

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import HubDocument

logger = logging.getLogger("hub.documents")

EXTRACTION_FIELDS = [
    "file_hash",
    "extracted_text",
    "text_extracted_at",
    "text_extracted_hash",
    "text_extraction_status",
]


def needs_text_extraction(document):
    """True when the document's current file has not been read for search yet."""
    return bool(document.file) and (
        not document.file_hash
        or not document.text_extraction_status
        or document.text_extracted_hash != document.file_hash
    )


@receiver(post_save, sender=HubDocument, dispatch_uid="core.queue_text_extraction")
def queue_text_extraction(sender, instance, raw=False, update_fields=None, using=None, **kwargs):
    """Extract the text of a new or replaced file once the upload is committed.

    The extraction's own save stores a hash equal to ``file_hash``, so it queues nothing.
    """
    if raw or (update_fields is not None and not {"file", "file_hash"} & set(update_fields)):
        return
    if not needs_text_extraction(instance):
        return
    transaction.on_commit(lambda: _extract_after_commit(instance), using=using)


def _extract_after_commit(document):
    from .tasks import extract_document_text

    try:
        result = extract_document_text.enqueue(document.pk)
        if result.is_finished:
            # The task ran inline (immediate backend outside a transaction). Wagtail's add
            # and edit views index their own copy of the document right after saving it, so
            # that copy must carry the text too, or the index would lose it.
            document.refresh_from_db(fields=EXTRACTION_FIELDS)
    except HubDocument.DoesNotExist:
        pass  # deleted meanwhile; the task has logged it
    except Exception:
        # The upload itself is saved; `manage.py extract_document_text` catches up.
        logger.exception("Could not queue text extraction for document %s.", document.pk)
