"""The base of the hub's Atom feeds: one index page's newest public items."""

import re

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from .links import absolute_url, page_url
from .templatetags.hub_tags import content_language

#: Characters XML 1.0 cannot hold, which Django's feed writer refuses (a 500): a vertical
#: tab pasted into a note or a title passes the forms, so entries leave them out.
NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _xml(value):
    return NOT_XML.sub("", value) if isinstance(value, str) else value


class HubAtom1Feed(Atom1Feed):
    """Atom with each entry's own language in ``xml:lang`` (RFC 4287 §2): a Finnish
    practice in an English feed is marked Finnish. The feed's language (the interface's)
    is Django's ``xml:lang`` on the root."""

    def add_item(self, title, link, description, **kwargs):
        kwargs = {name: _xml(value) for name, value in kwargs.items()}
        super().add_item(_xml(title), link, _xml(description), **kwargs)

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("language"):
            attributes["xml:lang"] = item["language"]
        return attributes


class IndexPageFeed(Feed):
    """An Atom feed of an index page's items. Subclasses give ``items()`` and texts.

    Feed readers share URLs, so items must be what an anonymous visitor may read, whoever
    asks.
    """

    feed_type = HubAtom1Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def link(self):
        return page_url(self.index_page, self.request)

    def feed_url(self):
        return absolute_url(self.request.path)

    def author_name(self):
        # RFC 4287 §4.1.1: a feed without an author on every entry needs one of its own.
        return settings.WAGTAIL_SITE_NAME

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return page_url(item, self.request)

    def item_language(self, item):
        """The language of the entry's text: the page's own (``content_language``)."""
        return content_language(item)

    def item_extra_kwargs(self, item):
        return {**super().item_extra_kwargs(item), "language": self.item_language(item)}

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at
