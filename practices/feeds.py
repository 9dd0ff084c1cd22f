"""Atom feed of newly published public practices."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from countries.permissions import viewable_pages

from .models import PracticePage


class PublicPracticesFeed(Feed):
    """Only what an anonymous visitor may read, whoever asks: feed readers share URLs."""

    feed_type = Atom1Feed
    title = _("New practices – Nordic THB Coordinators Hub")
    subtitle = _("Best practices against trafficking in human beings, newly published.")

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def link(self):
        return self.index_page.url

    def items(self):
        return (
            viewable_pages(AnonymousUser(), PracticePage.objects.all())
            .select_related("country_page__country")
            .order_by("-first_published_at")[:50]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        if item.summary_en and item.language != "en":
            return f"{item.summary}\n\n{item.summary_en}"
        return item.summary

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.country_code] if item.country_code else []
