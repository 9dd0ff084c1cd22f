"""The seminar index: upcoming and past seminars the visitor may view, by year and host."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.utils import timezone

from countries.models import Country
from countries.permissions import viewable_pages

PAST_PER_PAGE = 12


def _seminars(request_or_user, index=None):
    from .models import SeminarPage

    seminars = SeminarPage.objects.all() if index is None else SeminarPage.objects.child_of(index)
    return viewable_pages(request_or_user, seminars).select_related("host_country")


def _upcoming(seminars):
    return seminars.filter(ends_at__gt=timezone.now()).order_by("starts_at")


def upcoming_seminars(request_or_user, index=None):
    """Seminars not yet over that the visitor may view, soonest first.

    Args:
        request_or_user: whose view rights apply.
        index: only this SeminarIndexPage's seminars (default: all).
    """
    return _upcoming(_seminars(request_or_user, index))


def _choice(params, name, allowed):
    value = (params.get(name) or "").strip()
    return value if value in allowed else ""


def seminar_listing(request, index) -> dict:
    """Context of the index page: filters (year, host country), upcoming and past lists.

    Unknown filter values are ignored rather than refused: a shared link to a year that
    no longer has seminars still shows the page.
    """
    seminars = _seminars(request, index)
    years = [moment.year for moment in seminars.datetimes("starts_at", "year", order="DESC")]
    hosts = Country.objects.filter(pk__in=seminars.values("host_country_id")).order_by(
        "sort_order", "name"
    )
    year = _choice(request.GET, "year", {str(y) for y in years})
    country = _choice(request.GET, "country", {c.code for c in hosts})
    if year:
        seminars = seminars.filter(starts_at__year=int(year))
    if country:
        seminars = seminars.filter(host_country__code=country)
    upcoming = list(_upcoming(seminars))
    past = Paginator(
        seminars.filter(ends_at__lte=timezone.now()).order_by("-starts_at"), PAST_PER_PAGE
    )
    past_page = past.get_page(request.GET.get("page"))
    filters = {k: v for k, v in (("year", year), ("country", country)) if v}
    return {
        "upcoming": upcoming,
        "past": past_page,
        "years": years,
        "hosts": hosts,
        "selected_year": year,
        "selected_country": country,
        "filtered": bool(filters),
        "filter_query": urlencode(filters),
    }
