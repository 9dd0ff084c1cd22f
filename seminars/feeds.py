"""Atom feed of upcoming public seminars."""

from django.contrib.auth.models import AnonymousUser
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core.feeds import IndexPageFeed

from .listing import upcoming_seminars


class UpcomingSeminarsFeed(IndexPageFeed):
    """Only what an anonymous visitor may read, whoever asks: feed readers share URLs."""

    title = _("Upcoming seminars – Nordic THB Coordinators Hub")
    subtitle = _("Seminars of the Nordic network of national anti-trafficking coordinators.")

    def items(self):
        return upcoming_seminars(AnonymousUser(), self.index_page)[:50]

    def item_description(self, item):
        # In the seminar's own time zone, as the reader's language writes it (CLDR).
        when = date_format(item.local_start, "DATETIME_FORMAT") if item.local_start else ""
        where = ", ".join(filter(None, [item.venue, item.city]))
        return "\n".join(filter(None, [f"{when} ({item.time_zone})", where, item.intro]))

    def item_categories(self, item):
        return [item.host_country.code] if item.host_country_id else []
