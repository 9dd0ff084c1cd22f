"""Extract the text of uploaded documents for search, here and now (not on the worker).

Catches up on documents whose extraction never ran or whose file changed (for example
after a failed enqueue, or documents from before extraction existed); ``--all`` reads
every file again, after the limits or the readers have changed.
"""

from collections import Counter

from django.core.management.base import BaseCommand
from django.db.models import F, Q

from core.choices import TextExtractionStatus
from core.models import HubDocument
from core.tasks import MISSING, SKIPPED, update_document_text


class Command(BaseCommand):
    help = "Extract the text of documents whose file has not been read yet (or --all)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Read every document's file again.")

    def handle(self, *args, **options):
        documents = HubDocument.objects.order_by("pk")
        if not options["all"]:
            documents = documents.filter(
                Q(text_extraction_status="") | ~Q(text_extracted_hash=F("file_hash"))
            )
        counts = Counter(
            update_document_text(pk, force=options["all"])
            for pk in documents.values_list("pk", flat=True)
        )
        if options["verbosity"] >= 1:
            self.stdout.write(summary(counts))


def summary(counts):
    """One line: how many documents were read, and the count for each outcome."""
    order = [*TextExtractionStatus.values, SKIPPED, MISSING]
    parts = [f"{status} {counts[status]}" for status in order if counts[status]]
    total = sum(counts.values())
    return f"Extracted text of {total} document(s): {', '.join(parts) or 'nothing to do'}."
