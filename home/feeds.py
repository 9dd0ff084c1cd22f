"""The base of the hub's Atom feeds: one index page's newest public items."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed


class IndexPageFeed(Feed):
    """An Atom feed of an index page's items. Subclasses give ``items()`` and texts.

    Feed readers share URLs, so items must be what an anonymous visitor may read, whoever
    asks.
    """

    feed_type = Atom1Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def link(self):
        return self.index_page.url

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at
