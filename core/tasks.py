"""Background work on documents: extracting their text for the search index.

Runs on the django-tasks worker in production and inline in development and tests. The
immediate backend swallows exceptions, so nothing here raises for a bad or missing file:
every outcome is logged on ``hub.documents`` and recorded on the document.
"""

import logging
import time

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .choices import TextExtractionStatus
from .models import HubDocument
from .text_extraction import ExtractionResult, extract_text

logger = logging.getLogger("hub.documents")

#: What update_document_text returns besides a TextExtractionStatus value.
SKIPPED = "skipped"
MISSING = "missing"

#: Outcomes that are not failures: the file was read, or is of a type never read.
QUIET_STATUSES = {
    TextExtractionStatus.OK,
    TextExtractionStatus.EMPTY,
    TextExtractionStatus.UNSUPPORTED,
}


def update_document_text(document_id, *, force=False):
    """Extract a document's text and store it, unless its current file was already read.

    Args:
        document_id: primary key of the HubDocument.
        force: read the file even if ``text_extracted_hash`` matches ``file_hash``.

    Returns:
        The TextExtractionStatus value stored, or ``"skipped"`` (already extracted, or the
        file changed meanwhile and its own task will read it) or ``"missing"`` (deleted).
    """
    document = HubDocument.objects.filter(pk=document_id).first()
    if document is None:
        logger.info("Document %s no longer exists; no text to extract.", document_id)
        return MISSING
    if (
        not force
        and document.file_hash
        and document.text_extraction_status
        and document.text_extracted_hash == document.file_hash
    ):
        return SKIPPED

    original_hash = document.file_hash
    started = time.monotonic()
    try:
        if not document.file_hash:
            # Documents made in code rather than through the admin may lack a hash.
            document._set_file_hash()
        with document.open_file() as fileobj:
            result = extract_text(fileobj, document.file.name)
    except Exception as error:  # noqa: BLE001 - a missing file or a storage failure
        message = f"could not open the file: {type(error).__name__}: {error}"
        result = ExtractionResult("", TextExtractionStatus.ERROR, message)
    elapsed = time.monotonic() - started

    with transaction.atomic():
        current = HubDocument.objects.select_for_update().filter(pk=document_id).first()
        if current is None:
            logger.info("Document %s was deleted while its text was extracted.", document_id)
            return MISSING
        if current.file.name != document.file.name or current.file_hash != original_hash:
            logger.info(
                "Document %s got a new file while its text was extracted; "
                "the new file has its own extraction.",
                document_id,
            )
            return SKIPPED
        current.extracted_text = result.text
        current.text_extracted_at = timezone.now()
        current.text_extracted_hash = document.file_hash
        current.text_extraction_status = result.status
        update_fields = [
            "extracted_text",
            "text_extracted_at",
            "text_extracted_hash",
            "text_extraction_status",
        ]
        if current.file_hash != document.file_hash:
            current.file_hash = document.file_hash
            update_fields.append("file_hash")
        # A save (not an update()) so the search index picks up the text.
        current.save(update_fields=update_fields)

    if result.status in QUIET_STATUSES:
        logger.info(
            "Document %s (%s): %s, %d characters in %.1f s%s",
            document_id,
            document.file.name,
            result.status,
            len(result.text),
            elapsed,
            f" ({result.message})" if result.message else "",
        )
    else:
        logger.warning(
            "Text extraction failed for document %s (%s): status %s after %.1f s: %s",
            document_id,
            document.file.name,
            result.status,
            elapsed,
            result.message,
        )
    return str(result.status)


@task()
def extract_document_text(document_id: int) -> str:
    """Store the text of a document's file so search finds it (see update_document_text)."""
    try:
        return update_document_text(document_id)
    except Exception:
        # Not a bad file (those are recorded above) but, say, the database: the immediate
        # backend would hide it, so say it here; the database backend marks the task failed.
        logger.exception("Text extraction task for document %s crashed.", document_id)
        raise
