"""Links to documents on the hub's pages: shown only to readers who may open the document.

A page may link a document whose collection is more restricted than the page (a country
team's report on a public page). The file itself is refused to anyone else, and its title
and link are left out of the page for them too:

- a document block (``core.blocks.DocumentBlock``) renders nothing; templates show chooser
  fields and lists of resources through ``readable_document`` and ``readable_blocks``
  (``hub_tags``), so a heading over nothing is left out as well;
- a rich-text link to the document is rendered as its text alone, as Wagtail renders a
  link to a deleted document (``ReaderDocumentLinkHandler``).

Who may open a document is ``countries.permissions.viewable_documents_among`` (asked
through ``core.access``): the rule of
the document serve view, a password never counting as passed. It depends only on the view
restrictions the reader fails, which the cached parts of pages are keyed by
(``core/fragments.py``): a cached part is never shared by readers shown different links.
Where no reader is known (no request in the template context), the anonymous visitor's
rule applies.

Editors are warned after saving a page that links documents more or less restricted
than the page itself, and likewise images (``warn_about_linked_files``).
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.db.models import prefetch_related_objects
from django.utils.html import format_html
from django.utils.translation import ngettext
from wagtail.documents import get_document_model
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex

from .access import rules

#: The request whose reader rich text is being rendered for (``reading_as``).
_reader: ContextVar = ContextVar("hub_document_reader", default=None)


def _reader_of(request):
    """What the permission helpers are asked about: the request, or an anonymous user
    when there is none (or it carries no user)."""
    if request is None or not hasattr(request, "user"):
        return AnonymousUser()
    return request


def readable_documents(request, documents) -> list:
    """The documents among ``documents`` (None items allowed) the reader may open.

    Args:
        request: the request the page is rendered for, or None (anonymous).
        documents: documents, their collections loaded here in one query if needed.

    Returns:
        A list of documents, in their order.
    """
    documents = [document for document in documents if document is not None]
    if not documents:
        return []
    prefetch_related_objects(documents, "collection")
    return rules().viewable_documents_among(_reader_of(request), documents)


def readable_document(request, document):
    """``document`` when the reader may open it, else None."""
    return document if readable_documents(request, [document]) else None


def readable_children(request, stream) -> list:
    """The items of a stream (a StreamValue, or a list of its items) without the
    document blocks whose document the reader may not open (or that is gone)."""
    from .blocks import DocumentBlock

    children = list(stream or ())
    documents = [c.value["document"] for c in children if isinstance(c.block, DocumentBlock)]
    readable = {document.pk for document in readable_documents(request, documents)}
    return [
        child
        for child in children
        if not isinstance(child.block, DocumentBlock)
        or getattr(child.value["document"], "pk", None) in readable
    ]


@contextmanager
def reading_as(request):
    """Render rich text's document links for this request's reader inside the block."""
    token = _reader.set(request)
    try:
        yield
    finally:
        _reader.reset(token)


class ReaderDocumentLinkHandler(DocumentLinkHandler):
    """Wagtail's rich-text document link, kept for a reader who may open the document
    (the one ``reading_as`` names; anonymous elsewhere); for anyone else the link's text
    alone, without the document's address."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        documents = cls.get_many(attrs_list)
        readable = {d.pk for d in readable_documents(_reader.get(), documents)}
        return [
            format_html('<a href="{}">', document.url)
            if document is not None and document.pk in readable
            else "<a>"
            for document in documents
        ]


def linked_files(page) -> list:
    """Every document and image a page links, in this version of it: chooser fields,
    blocks and rich-text links (Wagtail's own reference extraction, the one its usage
    report reads).

    Args:
        page: a page (specific), possibly with unsaved or unpublished changes.

    Returns:
        Documents, then images, each with its collection loaded, by title.
    """
    references = list(ReferenceIndex._extract_references_from_object(page))
    files = []
    for model in (get_document_model(), get_image_model()):
        content_type_id = ReferenceIndex._get_base_content_type(model).id
        ids = {
            int(object_id)
            for to_content_type_id, object_id, _model_path, _content_path in references
            if to_content_type_id == content_type_id and str(object_id).isdigit()
        }
        if ids:
            files += (
                model.objects.filter(pk__in=ids)
                .select_related("collection")
                .order_by("title", "pk")
            )
    return files


def _titles(files) -> str:
    return ", ".join(f"“{stored.title}”" for stored in files)


def warn_about_linked_files(request, page) -> None:
    """After an editor saves a page: warn when it links documents or images that some of
    its readers may not open (they are hidden from them) or that people who may not read
    the page may open (the file is less private than the page)."""
    files = linked_files(page)
    if not files:
        return
    readers = rules().page_readers(page)
    by_collection = {}
    narrower, wider = [], []
    for stored in files:
        collection = stored.collection
        if collection.pk not in by_collection:
            by_collection[collection.pk] = rules().collection_readers(collection)
        file_readers = by_collection[collection.pk]
        if readers.admit_beyond(file_readers):
            narrower.append(stored)
        if file_readers.admit_beyond(readers):
            wider.append(stored)
    if narrower:
        messages.warning(
            request,
            ngettext(
                "Some readers of this page may not open the file %(files)s: it is not "
                "shown to them.",
                "Some readers of this page may not open the files %(files)s: they are not "
                "shown to them.",
                len(narrower),
            )
            % {"files": _titles(narrower)},
        )
    if wider:
        messages.warning(
            request,
            ngettext(
                "The file %(files)s is less restricted than this page: people who may "
                "not read the page may open it. Move it to a collection as restricted as "
                "the page if it must stay as private.",
                "The files %(files)s are less restricted than this page: people who may "
                "not read the page may open them. Move them to a collection as restricted "
                "as the page if they must stay as private.",
                len(wider),
            )
            % {"files": _titles(wider)},
        )
