"""The foundation's models: the hub's document, with the text search reads from it, and
what the task worker records about itself (its heartbeat, the periodic commands it ran)."""

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


class WorkerHeartbeat(models.Model):
    """One row per running ``manage.py db_worker`` (core/worker.py), written by the worker
    itself every few seconds and removed when it stops cleanly; nobody edits it.

    Other workers take up the tasks of a worker whose beat is older than the lease (or whose
    process is gone from this host), and ``/healthz`` fails when no worker beats at all.
    """

    worker_id = models.CharField(_("worker id"), max_length=64, primary_key=True)
    host = models.CharField(_("host"), max_length=255)
    pid = models.PositiveIntegerField(_("process id"))
    started_at = models.DateTimeField(_("started at"))
    beat_at = models.DateTimeField(_("last beat at"), db_index=True)
    task_id = models.UUIDField(_("running task"), null=True, blank=True)
    task_started_at = models.DateTimeField(_("task started at"), null=True, blank=True)

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")

    def __str__(self):
        return f"{self.worker_id} ({self.host}:{self.pid})"


class PeriodicRun(models.Model):
    """When a periodic command of the worker (``WORKER_PERIODIC_COMMANDS``) last ran, shared
    by every worker so that several workers or a restart never run it more often than
    asked. Written by the worker only."""

    name = models.CharField(_("command"), max_length=255, primary_key=True)
    started_at = models.DateTimeField(_("last started at"))
    finished_at = models.DateTimeField(_("last finished at"), null=True, blank=True)
    succeeded = models.BooleanField(_("last run succeeded"), null=True)

    class Meta:
        verbose_name = _("periodic run")
        verbose_name_plural = _("periodic runs")

    def __str__(self):
        return self.name
