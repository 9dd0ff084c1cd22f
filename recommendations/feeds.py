"""Atom feeds of the tracker's status changes, per country and per recommendation.

Feed readers share URLs, so a feed lists only updates of recommendations an anonymous
visitor may view, whoever asks; a members-only recommendation has no feed at all.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import F
from django.http import Http404
from django.utils import translation
from django.utils.html import linebreaks
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.feeds import IndexPageFeed
from core.links import absolute_url, page_url
from countries.permissions import viewable_pages

from .choices import status_label
from .models import RecommendationPage, StatusUpdate

#: Items per feed: the newest status changes.
FEED_LENGTH = 50


def public_status_changes(recommendations):
    """Status changes (the first report included) of the recommendations among
    ``recommendations`` that an anonymous visitor may view, newest first."""
    visible = viewable_pages(AnonymousUser(), recommendations)
    return (
        StatusUpdate.objects.filter(implementation__recommendation__in=visible.values("pk"))
        .exclude(from_status=F("to_status"))
        .select_related("implementation__recommendation", "implementation__country")
        .order_by("-created_at", "-pk")
    )


class StatusUpdatesFeed(IndexPageFeed):
    """The items and texts both tracker feeds share: one StatusUpdate per item."""

    def items(self):
        return self.updates()[:FEED_LENGTH]

    def updates(self):
        raise NotImplementedError

    def item_title(self, item):
        implementation = item.implementation
        return _("%(code)s · %(country)s: %(from_status)s → %(to_status)s") % {
            "code": implementation.recommendation.code,
            "country": implementation.country.display_name,
            "from_status": status_label(item.from_status),
            "to_status": status_label(item.to_status),
        }

    def item_description(self, item):
        # Atom's summary is HTML: the note is the coordinator's plain text, escaped.
        return linebreaks(item.note, autoescape=True) if item.note else None

    def item_link(self, item):
        implementation = item.implementation
        address = page_url(implementation.recommendation, self.request)
        return f"{address}#country-{implementation.country.code.lower()}"

    def item_guid(self, item):
        # The canonical address, not the one this request came by: ids must not change.
        return f"{absolute_url(item.implementation.recommendation.url)}#update-{item.pk}"

    def item_guid_is_permalink(self, item):
        return False

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.created_at

    def item_author_name(self, item):
        return item.user_name or None

    def item_language(self, item):
        # The title is written in the interface's language, like the feed's.
        return translation.get_language()

    def item_categories(self, item):
        return [item.implementation.country.code, item.to_status]


class CountryUpdatesFeed(StatusUpdatesFeed):
    """/recommendations/countries/<code>/feed/: one country's status changes."""

    def __init__(self, tracker_page, country):
        super().__init__(tracker_page)
        self.country = country

    def title(self):
        return _("%(country)s: status changes – recommendation tracker") % {
            "country": self.country.display_name
        }

    def subtitle(self):
        return _("How %(country)s follows up the recommendations of the Nordic network.") % {
            "country": self.country.display_name
        }

    def link(self):
        return absolute_url(self.index_page.country_url(self.country))

    def updates(self):
        recommendations = RecommendationPage.objects.descendant_of(self.index_page)
        return public_status_changes(recommendations).filter(implementation__country=self.country)


class RecommendationUpdatesFeed(StatusUpdatesFeed):
    """/recommendations/<slug>/feed/: every country's status changes of one recommendation."""

    subtitle = gettext_lazy("How each Nordic country follows up this recommendation.")

    def __call__(self, request, *args, **kwargs):
        public = viewable_pages(
            AnonymousUser(), RecommendationPage.objects.filter(pk=self.index_page.pk)
        )
        if not public.exists():
            raise Http404(_("This recommendation has no public feed."))
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return _("%(code)s %(title)s: status changes – recommendation tracker") % {
            "code": self.index_page.code,
            "title": self.index_page.title,
        }

    def updates(self):
        return public_status_changes(RecommendationPage.objects.filter(pk=self.index_page.pk))


def country_feed(request, tracker, country):
    return CountryUpdatesFeed(tracker, country)(request)


def recommendation_feed(request, recommendation):
    return RecommendationUpdatesFeed(recommendation)(request)
