"""A country's whole history in the tracker: every status update of its implementations
that the reader may see, for its timeline page and that page's exports.

What the reader may see follows the recommendation's audience, as everywhere in the
tracker (``matrix.visible_recommendations``, which asks ``countries.permissions``); a
recommendation no longer addressed to the country keeps its history but leaves the
country's timeline, as it leaves the country's page.
"""

from __future__ import annotations

from django.db.models import QuerySet

from countries.models import Country

from .matrix import visible_recommendations
from .models import Implementation, StatusUpdate, TrackerPage


def country_updates(request_or_user, tracker: TrackerPage | None, country: Country) -> QuerySet:
    """The status updates of ``country``'s implementations this reader may see.

    Args:
        request_or_user: a request or a user (who is reading).
        tracker: the tracker page (recommendations under it), or None for all.
        country: the country.

    Returns:
        A queryset of StatusUpdate, newest first, with each update's implementation, its
        recommendation and its country joined (one query, however many are read).
    """
    recommendations = visible_recommendations(request_or_user, tracker)
    implementations = Implementation.objects.targeted().filter(
        country=country, recommendation__in=recommendations.values("pk")
    )
    return (
        StatusUpdate.objects.filter(implementation__in=implementations.values("pk"))
        .select_related("implementation__recommendation", "implementation__country")
        .order_by("-created_at", "-pk")
    )
