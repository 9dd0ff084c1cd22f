from django.db import models
from django.utils.translation import gettext_lazy as _

from .languages import Language  # noqa: F401  (re-exported: one list, in core.languages)


class Audience(models.TextChoices):
    """Who may read a content page; publishing turns it into a PageViewRestriction."""

    PUBLIC = "public", _("Public: everyone")
    MEMBERS = "members", _("Network members: anyone signed in")
    COUNTRY = "country", _("Country team: this country's coordinators, editors and ministry")


class TextExtractionStatus(models.TextChoices):
    """Outcome of extracting a document's text for the search index."""

    OK = "ok", _("Text extracted")
    EMPTY = "empty", _("No text found (a scan or an image?)")
    UNSUPPORTED = "unsupported", _("File type not read for search")
    TOO_LARGE = "too_large", _("Too large to read")
    TOO_MANY_PAGES = "too_many_pages", _("Too many pages to read")
    TIMEOUT = "timeout", _("Took too long to read")
    ERROR = "error", _("Could not be read (damaged or not allowed)")
