"""The seminar index: upcoming and past seminars the visitor may view, by year and host."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.filters import Facet, FacetSet, year_facet
from countries.models import Country
from countries.permissions import viewable_pages

PAST_PER_PAGE = 12
#: The index's filters (``core.filters``): one value each (the form's selects).
FACETS = FacetSet(
    year_facet("year", _("Year"), multiple=False),
    Facet(
        "country",
        _("Host country"),
        lambda: Country.objects.values_list("code", "name"),
        multiple=False,
    ),
)


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


def seminar_listing(request, index) -> dict:
    """Context of the index page: filters (year, host country), upcoming and past lists.

    Any year and any country's code (in any case) filter, even without seminars: a shared
    link to a year that no longer has any shows an empty list. A value that names nothing
    lists nothing, and the page says why.
    """
    seminars = _seminars(request, index)
    years = [moment.year for moment in seminars.datetimes("starts_at", "year", order="DESC")]
    hosts = Country.objects.filter(pk__in=seminars.values("host_country_id")).order_by(
        "sort_order", "name"
    )
    # One value each (the form's selects): the last one given, as QueryDict.get reads it.
    filters = FACETS.clean(request.GET)
    year = filters.selected.get("year", [""])[0]
    country = filters.selected.get("country", [""])[0]
    if year:
        seminars = seminars.filter(starts_at__year=int(year))
    if country:
        seminars = seminars.filter(host_country__code=country)
    if not filters.valid:
        seminars = seminars.none()
    upcoming = list(_upcoming(seminars))
    past = Paginator(
        seminars.filter(ends_at__lte=timezone.now()).order_by("-starts_at"), PAST_PER_PAGE
    )
    past_page = past.get_page(request.GET.get("page"))
    return {
        "upcoming": upcoming,
        "past": past_page,
        "years": years,
        "hosts": hosts,
        "selected_year": year,
        "selected_country": country,
        "filtered": filters.chosen,
        "filter_query": filters.query(),
        "unknown_filters": filters.problems(),
        # The list without the filters that were not recognised.
        "recognised_url": f"{index.url}?{filters.query()}" if filters.selected else index.url,
    }
