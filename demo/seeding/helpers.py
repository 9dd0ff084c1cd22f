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


def link_pages(html: str, root) -> str:
    """The demo's page links made Wagtail's stored internal links (``linktype="page"``),
    so that each mention of another part of the hub is a link that follows the page when
    it moves. A page not seeded yet leaves its text unlinked rather than a broken link."""
    from wagtail.models import Page

    def replace(match):
        url_path = f"{root.url_path}{match[1].strip('/')}/"
        page = Page.objects.filter(url_path=url_path).first()
        if page is None:
            return match[2]
        return f'<a linktype="page" id="{page.pk}">{match[2]}</a>'

    return PAGE_LINK.sub(replace, html)
