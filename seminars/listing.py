"""The seminar index: upcoming and past seminars the visitor may view, by year and host."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models.functions import ExtractYear
from django.utils import timezone

from countries.models import Country
from countries.permissions import viewable_pages

PAST_PER_PAGE = 12


def _seminars(request, index):
    from .models import SeminarPage

    return viewable_pages(request, SeminarPage.objects.child_of(index)).select_related(
        "host_country"
    )


def upcoming_seminars(request, index):
    """Seminars not yet over, soonest first."""
    return _seminars(request, index).filter(ends_at__gt=timezone.now()).order_by("starts_at")


def _choice(params, name, allowed):
    value = (params.get(name) or "").strip()
    return value if value in allowed else ""


def seminar_listing(request, index) -> dict:
    """Context of the index page: filters (year, host country), upcoming and past lists.

    Unknown filter values are ignored rather than refused: a shared link to a year that
    no longer has seminars still shows the page.
    """
    seminars = _seminars(request, index)
    now = timezone.now()
    years = sorted(
        {
            year
            for year in seminars.annotate(year=ExtractYear("starts_at"))
            .values_list("year", flat=True)
            .distinct()
            if year
        },
        reverse=True,
    )
    hosts = Country.objects.filter(pk__in=seminars.values("host_country_id")).order_by(
        "sort_order", "name"
    )
    year = _choice(request.GET, "year", {str(y) for y in years})
    country = _choice(request.GET, "country", {c.code for c in hosts})
    if year:
        seminars = seminars.filter(starts_at__year=int(year))
    if country:
        seminars = seminars.filter(host_country__code=country)
    upcoming = list(seminars.filter(ends_at__gt=now).order_by("starts_at"))
    past = Paginator(seminars.filter(ends_at__lte=now).order_by("-starts_at"), PAST_PER_PAGE)
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
