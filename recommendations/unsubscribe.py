"""Unsubscribing from the tracker's emails by their link, without signing in.

Each status-change email carries a link that stops the follow it was sent for (the
recommendation, or the country); the weekly digest, which covers everything its reader
follows, carries one that stops every follow of theirs. How the link works (a signed
token, GET asks, POST and RFC 8058's one-click stop) is ``core/unsubscribe.py``'s.
"""

from __future__ import annotations

import logging

from django.urls import reverse

from core import unsubscribe as links
from core.links import absolute_url
from countries.models import Country

from .models import Follow, RecommendationPage

logger = logging.getLogger("hub.recommendations")

SALT = "recommendations.unsubscribe"
#: What a token stops: one recommendation's follow, one country's, or every follow.
RECOMMENDATION, COUNTRY, EVERYTHING = "r", "c", "all"


def make_token(user, *, recommendation=None, country=None) -> str:
    """The signed token of a user's unsubscribe link.

    Args:
        user: whose follow it stops.
        recommendation: the followed recommendation, or
        country: the followed country; neither: every follow of the user.

    Returns:
        A token for :func:`unsubscribe_url` (no expiry: old emails keep working).
    """
    if recommendation is not None:
        target = [RECOMMENDATION, recommendation.pk]
    elif country is not None:
        target = [COUNTRY, country.pk]
    else:
        target = [EVERYTHING, None]
    return links.make_token(SALT, user.pk, *target)


def unsubscribe_url(user, *, recommendation=None, country=None) -> str:
    """The absolute address of a user's unsubscribe link (see :func:`make_token`)."""
    token = make_token(user, recommendation=recommendation, country=country)
    return absolute_url(reverse("tracker_unsubscribe", args=[token]))


class Unsubscribe(links.UnsubscribeView):
    """``/recommendations/unsubscribe/<token>/``: GET asks, POST stops following."""

    salt = SALT
    parts = 3
    template_name = "recommendations/unsubscribe.html"

    def target(self, parts):
        user_id, kind, pk = parts
        valid_pk = pk is None if kind == EVERYTHING else links.is_id(pk)
        if not links.is_id(user_id) or kind not in (RECOMMENDATION, COUNTRY, EVERYTHING):
            return None
        if not valid_pk:
            return None
        follows = Follow.objects.filter(user_id=user_id)
        name = ""
        if kind == RECOMMENDATION:
            follows = follows.filter(recommendation_id=pk)
            name = RecommendationPage.objects.filter(pk=pk).values_list("code", flat=True).first()
        elif kind == COUNTRY:
            follows = follows.filter(country_id=pk)
            country = Country.objects.filter(pk=pk).first()
            name = country.display_name if country else ""
        return {
            "everything": kind == EVERYTHING,
            "name": name or "",
            "follows": follows,
            "following": follows.exists(),
        }

    def stop(self, target):
        stopped, _by_model = target["follows"].delete()
        logger.info("%d follow(s) stopped by an emailed link.", stopped)


unsubscribe = Unsubscribe.as_view()
