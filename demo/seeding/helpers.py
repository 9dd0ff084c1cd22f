"""Helpers the demo seeding of several features shares (``seed_demo``)."""

import re

from django.core.files.base import ContentFile


def add_form_fields(page, field_class, rows) -> None:
    """Give a form-builder page its fields.

    Args:
        page: an unsaved or saved form page (a ClusterableModel).
        field_class: its AbstractFormField subclass.
        rows: ``(label, field_type, required, choices, help_text)`` tuples, in order.
    """
    for order, (label, field_type, required, choices, help_text) in enumerate(rows):
        page.form_fields.add(
            field_class(
                sort_order=order,
                label=label,
                field_type=field_type,
                required=required,
                choices=choices,
                help_text=help_text,
            )
        )


def text_document(title, collection, filename, text, description=""):
    """The HubDocument titled ``title``, created from ``text`` if there is none yet.

    Args:
        title: the document's title (its identity in demo data).
        collection: the Collection it belongs to (its privacy).
        filename: the name of the stored text file.
        text: the file's content.
        description: the document's description.
    """
    from core.models import HubDocument

    document = HubDocument.objects.filter(title=title).first()
    if document is None:
        document = HubDocument(title=title, collection=collection, description=description)
        document.file.save(filename, ContentFile(text.encode()), save=False)
        # As the admin does on upload; the hash also tells text extraction what it read.
        document._set_document_file_metadata()
        document.file.close()
        document.save()
    return document


#: A link to another page of the hub in the demo's rich text, by the page's path under
#: the site's root: ``<a page="seminars/helsinki-2021">``.
PAGE_LINK = re.compile(r'<a page="([^"]+)">(.*?)</a>', re.DOTALL)


def link_pages(html: str, root, keep_missing: bool = False) -> str:
    """The demo's page links made Wagtail's stored internal links (``linktype="page"``),
    so that each mention of another part of the hub is a link that follows the page when
    it moves. A page not seeded yet leaves its text unlinked rather than a broken link,
    or, with ``keep_missing``, its marker, for a later pass (``link_page_fields``) to
    resolve once the page exists."""
    from wagtail.models import Page

    def replace(match):
        url_path = f"{root.url_path}{match[1].strip('/')}/"
        page = Page.objects.filter(url_path=url_path).first()
        if page is None:
            return match[0] if keep_missing else match[2]
        return f'<a linktype="page" id="{page.pk}">{match[2]}</a>'

    return PAGE_LINK.sub(replace, html)


def link_page_fields(obj, root) -> bool:
    """Resolve the demo's page links (``<a page>``) in ``obj``'s translated text fields and
    paragraphs, in every language; True if any changed.

    The network pages are seeded before the library, the seminars and the tracker they
    mention: this pass, run once those exist, makes the mentions links (or plain text, if a
    page is missing), so no marker ever reaches a page. A field without markers is left
    alone, which keeps a second run a no-op.
    """
    import json

    from wagtail.blocks import StreamValue

    from core.languages import CODES
    from core.translation import field_name

    changed = False
    for name in getattr(obj, "translated_field_names", ()):
        for code in CODES:
            attr = field_name(name, code)
            value = getattr(obj, attr, None)
            if isinstance(value, StreamValue):
                blocks = [dict(block) for block in value.raw_data]
                found = False
                for block in blocks:
                    text = block["value"]
                    paragraph = block["type"] == "paragraph" and isinstance(text, str)
                    if paragraph and PAGE_LINK.search(text):
                        block["value"] = link_pages(text, root)
                        found = True
                if found:
                    setattr(obj, attr, json.dumps(blocks))
                    changed = True
            elif isinstance(value, str) and PAGE_LINK.search(value):
                setattr(obj, attr, link_pages(value, root))
                changed = True
    return changed
