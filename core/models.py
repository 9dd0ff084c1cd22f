"""The foundation's one model: the hub's document, with the text search reads from it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document
from wagtail.search import index

from .choices import TextExtractionStatus


class HubDocument(AbstractDocument):
    """An uploaded file (PDF, DOCX, …) in a country's or the network's collection.

    Served only through Django, so collection privacy applies. ``extracted_text`` holds the
    file's text, extracted in a background task (``core.tasks``) whenever a new file arrives,
    so documents are searchable; ``text_extracted_hash`` is the ``file_hash`` it was read
    from, so an unchanged file is never read twice.
    """

    description = models.TextField(_("description"), blank=True)
    extracted_text = models.TextField(_("extracted text"), blank=True, editable=False)
    text_extracted_at = models.DateTimeField(
        _("text extracted at"), null=True, blank=True, editable=False
    )
    text_extracted_hash = models.CharField(
        _("hash of the file the text was extracted from"),
        max_length=40,
        blank=True,
        editable=False,
    )
    text_extraction_status = models.CharField(
        _("text extraction status"),
        max_length=20,
        choices=TextExtractionStatus.choices,
        blank=True,
        editable=False,
    )

    admin_form_fields = Document.admin_form_fields + ("description",)

    search_fields = AbstractDocument.search_fields + [
        index.SearchField("description"),
        index.SearchField("extracted_text"),
    ]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
