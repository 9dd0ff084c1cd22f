"""Atom feed of newly published public practices."""

from django.contrib.auth.models import AnonymousUser
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.choices import Language
from core.feeds import IndexPageFeed
from countries.permissions import viewable_pages

from .models import PracticePage


class PublicPracticesFeed(IndexPageFeed):
    """Only what an anonymous visitor may read, whoever asks: feed readers share URLs."""

    title = _("New practices – Nordic THB Coordinators Hub")
    subtitle = _("Best practices against trafficking in human beings, newly published.")

    def items(self):
        return (
            viewable_pages(AnonymousUser(), PracticePage.objects.all())
            .select_related("country_page__country")
            .order_by("-first_published_at")[:50]
        )

    def item_description(self, item):
        """The summary as HTML (Atom's ``type="html"``). A feed has no reader language (it
        is shared by URL, and read in a feed reader whatever the hub's interface), so a
        practice not in English always carries its English title and summary, first and
        marked ``lang="en"``: readers preview an entry by its first lines. The title stays
        the original, which the entry's ``xml:lang`` marks."""
        original = format_html('<p lang="{}">{}</p>', item.language, item.summary)
        if item.language == Language.EN or not (item.title_en or item.summary_en):
            return original
        title = format_html("<p><strong>{}</strong></p>", item.title_en) if item.title_en else ""
        summary = format_html("<p>{}</p>", item.summary_en) if item.summary_en else ""
        return format_html('<div lang="en">{}{}</div>{}', title, summary, original)

    def item_categories(self, item):
        return [item.country_code] if item.country_code else []
