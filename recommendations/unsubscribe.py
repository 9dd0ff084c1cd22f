"""Unsubscribing from the tracker's emails by their link, without signing in.

Each status-change email carries a link that stops the follow it was sent for (the
recommendation, or the country); the weekly digest, which covers everything its reader
follows, carries one that stops every follow of theirs. The link holds a signed token
bound to the user and to what they follow: a GET shows what it stops and a button (link
scanners open links, they must not unsubscribe anyone); a POST stops it. The POST is also
RFC 8058's one-click unsubscribe, sent by mail clients from the ``List-Unsubscribe``
header without cookies or CSRF token: the view is exempt from CSRF, the token is its
authentication. Unsubscribing twice is fine.
"""

from __future__ import annotations

import logging

from django.core import signing
from django.http import HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from core.links import absolute_url
from countries.models import Country

from .models import Follow, RecommendationPage

logger = logging.getLogger("hub.recommendations")

SALT = "recommendations.unsubscribe"
#: What a token stops: one recommendation's follow, one country's, or every follow.
RECOMMENDATION, COUNTRY, EVERYTHING = "r", "c", "all"
#: No token of ours is longer; a longer one is refused before it is read.
MAX_TOKEN_LENGTH = 300


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
    return signing.dumps([user.pk, *target], salt=SALT)


def unsubscribe_url(user, *, recommendation=None, country=None) -> str:
    """The absolute address of a user's unsubscribe link (see :func:`make_token`)."""
    token = make_token(user, recommendation=recommendation, country=country)
    return absolute_url(reverse("tracker_unsubscribe", args=[token]))


def _read(token: str):
    """(user id, kind, object id) from a token, or None when it is not one of ours."""
    if len(token) > MAX_TOKEN_LENGTH:
        return None
    try:
        user_id, kind, pk = signing.loads(token, salt=SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    valid_pk = pk is None if kind == EVERYTHING else type(pk) is int
    if type(user_id) is not int or kind not in (RECOMMENDATION, COUNTRY, EVERYTHING):
        return None
    return (user_id, kind, pk) if valid_pk else None


@csrf_exempt
@never_cache
def unsubscribe(request, token):
    """``/recommendations/unsubscribe/<token>/``: GET asks, POST stops following.

    A token that is not valid (cut short, altered) → 400 with a message; never a 500.
    """
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    template = "recommendations/unsubscribe.html"
    data = _read(token)
    if data is None:
        return TemplateResponse(request, template, {"invalid": True}, status=400)
    user_id, kind, pk = data
    follows = Follow.objects.filter(user_id=user_id)
    name = ""
    if kind == RECOMMENDATION:
        follows = follows.filter(recommendation_id=pk)
        name = RecommendationPage.objects.filter(pk=pk).values_list("code", flat=True).first()
    elif kind == COUNTRY:
        follows = follows.filter(country_id=pk)
        country = Country.objects.filter(pk=pk).first()
        name = country.display_name if country else ""
    context = {"everything": kind == EVERYTHING, "name": name or ""}
    if request.method == "POST":
        stopped, _by_model = follows.delete()
        logger.info(
            "User %s unsubscribed (%s %s) by the emailed link: %d follow(s) stopped.",
            user_id,
            kind,
            pk if pk is not None else "-",
            stopped,
        )
        return TemplateResponse(request, template, {**context, "done": True})
    context["following"] = follows.exists()
    return TemplateResponse(request, template, context)
