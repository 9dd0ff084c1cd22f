"""Best practices: each lives in its owning country's space; the library lists them all."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BaseStreamBlock
from home.choices import Language
from home.models import AudienceMixin


class PracticeIndexPage(Page):
    """/practices/: the whole library across countries. Edited by the secretariat."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("practice index page")

    def get_context(self, request, *args, **kwargs):
        from countries.permissions import viewable_pages

        context = super().get_context(request, *args, **kwargs)
        context["practices"] = (
            viewable_pages(request, PracticePage.objects.all())
            .select_related("country_page__country")
            .order_by("-first_published_at")
        )
        return context


class PracticePage(AudienceMixin, Page):
    """A best practice, written by its country's editors and published by its coordinators.

    Lives under the owning CountryPage (/countries/finland/<slug>/).
    """

    summary = models.TextField(
        _("summary"),
        max_length=1000,
        help_text=_("Two or three sentences: what the practice does and for whom."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("description"), blank=True)
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=Language.choices,
        default=Language.EN,
        help_text=_("The language the practice is written in."),
    )
    # Denormalised owner, set on save from the parent CountryPage: listings filter and
    # join on it without walking the tree.
    country_page = models.ForeignKey(
        "countries.CountryPage",
        verbose_name=_("country space"),
        on_delete=models.PROTECT,
        null=True,
        editable=False,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("language"),
        FieldPanel("body"),
    ]
    settings_panels = [AudienceMixin.audience_panel] + Page.settings_panels
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("audience"),
        index.FilterField("language"),
        index.FilterField("country_page_id"),
    ]

    parent_page_types = ["countries.CountryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")

    def save(self, *args, **kwargs):
        from countries.models import CountryPage

        update_fields = kwargs.get("update_fields")
        if update_fields is None and self.depth:
            parent = self.get_parent() if self.pk else None
            if parent is not None:
                self.country_page = CountryPage.objects.filter(pk=parent.pk).first()
        return super().save(*args, **kwargs)
