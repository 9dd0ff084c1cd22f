"""Shared StreamField blocks. Other apps extend ``BaseStreamBlock``."""

from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("heading"), max_length=200)
    size = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading")), ("h3", _("Subsection heading"))],
        default="h2",
        label=_("level"),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("heading")
        preview_value = {"text": "Identification of victims", "size": "h2"}
        description = _("A heading that structures the page for screen-reader users too.")


class ParagraphBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        label = _("paragraph")
        features = ["bold", "italic", "link", "document-link", "ol", "ul"]
        preview_value = "<p>Victims are referred to the assistance system within 24 hours.</p>"

    # Its document links are rendered for the reader of the page (core/document_links.py).
    def render(self, value, context=None):
        from .document_links import reading_as

        with reading_as(context.get("request") if context else None):
            return super().render(value, context)


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quotation"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("quote")
        preview_value = {"text": "Nobody is identified alone.", "attribution": "Workshop II"}


class CollectionFileBlockMixin:
    """A block around a file of a collection (``file_field``: an image or a document),
    which takes the file's privacy: nothing of it, not even its title, caption or
    alternative text, for a reader who may not open the file (``home/media.py`` and the
    document view refuse it to them; the rule is in ``countries.permissions``, asked through
    ``core/document_links.py``). Its text
    is searchable only while the file is public: the index serves every reader alike."""

    file_field: str

    def render(self, value, context=None):
        from .document_links import readable_document

        request = context.get("request") if context else None
        if readable_document(request, value.get(self.file_field)) is None:
            return ""
        return super().render(value, context)

    def get_searchable_content(self, value):
        stored = value.get(self.file_field)
        if stored is None or stored.collection.get_view_restrictions().exists():
            return []
        return super().get_searchable_content(value)


class ImageBlock(CollectionFileBlockMixin, blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        max_length=250,
        help_text=_("Describe the image for people who cannot see it. Required."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    file_field = "image"

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        label = _("image")


class DocumentBlock(CollectionFileBlockMixin, blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("link text"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the document's own title."),
    )

    file_field = "document"

    class Meta:
        icon = "doc-full"
        template = "blocks/document_block.html"
        label = _("document")


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("figure"), max_length=30)
    label = blocks.CharBlock(label=_("what it counts"), max_length=120)

    class Meta:
        icon = "order"
        label = _("key figure")


class KeyFiguresBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(KeyFigureBlock(), **kwargs)

    class Meta:
        icon = "table"
        template = "blocks/key_figures_block.html"
        label = _("key figures")
        preview_value = [
            {"value": "312", "label": "presumed victims identified in 2023"},
            {"value": "48 h", "label": "median time to a safe shelter"},
        ]


class EmbedVideoBlock(blocks.StructBlock):
    embed = EmbedBlock(label=_("video or media URL"))
    title = blocks.CharBlock(
        label=_("title"), max_length=200, help_text=_("Names the frame for screen readers.")
    )

    class Meta:
        icon = "media"
        template = "blocks/embed_block.html"
        label = _("embed")


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    quote = QuoteBlock()
    image = ImageBlock()
    document = DocumentBlock()
    key_figures = KeyFiguresBlock()
    embed = EmbedVideoBlock()

    def render_basic(self, value, context=None):
        # Wagtail's markup, without the wrapper of an item that renders nothing (a
        # document the reader may not open).
        rendered = [(child.render(context=context), child.block_type) for child in value]
        return format_html_join(
            "\n",
            '<div class="w-block-{1} block-{1}">{0}</div>',
            [(html, block_type) for html, block_type in rendered if html],
        )


class LinkBlock(blocks.StructBlock):
    url = blocks.URLBlock(label=_("address"))
    title = blocks.CharBlock(label=_("link text"), max_length=200)

    class Meta:
        icon = "link"
        template = "blocks/link_block.html"
        label = _("link")


class ResourceBlock(blocks.StreamBlock):
    document = DocumentBlock()
    link = LinkBlock()
