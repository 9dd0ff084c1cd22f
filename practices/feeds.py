"""Atom feed of newly published public practices."""

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _

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
        if item.summary_en and item.language != "en":
            return f"{item.summary}\n\n{item.summary_en}"
        return item.summary

    def item_categories(self, item):
        return [item.country_code] if item.country_code else []
