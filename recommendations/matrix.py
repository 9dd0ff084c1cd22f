"""The data of the tracker's views and exports: what a user may see, filtered, in a fixed
number of queries whatever the number of recommendations.

The matrix, its exports and its charts all read ``build_matrix``: they cannot disagree.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from core.filters import Facet, FacetGroup, FacetSet, Filters, Option
from core.templatetags.hub_tags import content_language
from countries.models import Country
from countries.permissions import viewable_among, viewable_pages

from .choices import SourceKind, Status, Theme
from .models import Implementation, RecommendationPage, StatusUpdate, TrackerPage
from .progress import measure

#: The filters of the matrix, its exports and charts, in the order the form shows them
#: (``core.filters``). The sources are those of the recommendations the user may view:
#: ``build_matrix`` gives them per request. The source's kind (the network, GRETA, the
#: UPR…) and the source itself are one mechanism: a recommendation's ``source_kind`` and
#: ``source_key``.
FACETS = FacetSet(
    Facet("theme", _("Theme"), Theme.choices),
    Facet("source_kind", _("Source kind"), SourceKind.choices),
    Facet("source", _("Source")),
    Facet("status", _("Status"), Status.choices),
    Facet(
        "country", _("Country"), lambda: [(c.code, c.display_name) for c in Country.objects.all()]
    ),
)


@dataclass
class Row:
    recommendation: RecommendationPage
    #: One entry per shown country: its Implementation, or None when the recommendation
    #: does not address that country (or the status filter hides the cell).
    cells: list[tuple[Country, Implementation | None, bool]]


@dataclass
class Matrix:
    countries: list[Country]
    rows: list[Row]
    #: Facet name → the values chosen (every facet, an empty list when none).
    filters: dict[str, list[str]]
    #: Facet name → its options.
    options: dict[str, list[Option]]
    #: Status counts per shown country over the shown cells: {country code: Counter}.
    counts: dict[str, Counter] = field(default_factory=dict)
    #: The filters as read: a value not recognised leaves the matrix empty.
    checked: Filters = field(default_factory=Filters)
    #: Facets the page itself fixes (a country's page: its country): never counted as a
    #: filter the reader applied.
    fixed: tuple[str, ...] = ()

    @property
    def implementations(self) -> list[Implementation]:
        """The shown cells' implementations, row by row: what the exports write."""
        return [impl for row in self.rows for _c, impl, shown in row.cells if impl and shown]

    def by_country(self) -> list[tuple[Country, list[tuple[RecommendationPage, Implementation]]]]:
        """The shown cells grouped by country (the matrix's list on narrow screens)."""
        groups = {country.code: (country, []) for country in self.countries}
        for row in self.rows:
            for country, impl, shown in row.cells:
                if impl is not None and shown:
                    groups[country.code][1].append((row.recommendation, impl))
        return list(groups.values())

    def filter_groups(self, hide=()) -> list[FacetGroup]:
        """The filter form's facets (``hide``: those the page fixes), options marked."""
        return FACETS.without(hide).groups(self.options, {}, self.filters)

    @property
    def is_filtered(self) -> bool:
        """Whether the reader filters the list: a value they chose (not one the page
        fixes), or one that was not recognised."""
        return bool(self.checked.pairs(hide=self.fixed)) or not self.checked.valid

    @property
    def problems(self) -> list[str]:
        """What was not recognised among the filters, in the active language."""
        return self.checked.problems()

    def totals(self) -> list[dict]:
        """Per country: counts per status, total and progress (for tables and charts)."""
        out = []
        for country in self.countries:
            counts = self.counts.get(country.code, Counter())
            out.append(summarise(country, counts))
        return out


def summarise(country: Country, counts: Counter | None) -> dict:
    """A country's progress: the one measure (``progress.measure``), as the pages, the
    charts, the exports, the emails and the reports show it.

    Args:
        country: the country.
        counts: {status value: how many} over the recommendations counted (None: none).

    Returns:
        {"country", "counts" ((Status, n) for every status), "total", "applicable",
        "not_applicable", "implemented", "progress" (whole percent), "measure" (the
        ``progress.Measure``: its ``sentence()`` and ``short()`` say it in words)}.
    """
    result = measure(counts)
    return {
        "country": country,
        "counts": list(result.counts),
        "total": result.total,
        "applicable": result.applicable,
        "not_applicable": result.not_applicable,
        "implemented": result.implemented,
        "progress": result.percent,
        "measure": result,
    }


def visible_recommendations(request_or_user, tracker: TrackerPage | None = None):
    """Live recommendations the user may view (privacy of the page and its ancestors)."""
    pages = RecommendationPage.objects.all()
    if tracker is not None:
        pages = pages.descendant_of(tracker)
    return viewable_pages(request_or_user, pages)


def source_options(request_or_user, recommendations) -> dict[str, tuple[str, str]]:
    """{source key: (label, the language it is written in)} of the given
    recommendations; seminars the user may not view are named by their report only,
    never by their title."""
    seminars = [r.source_seminar for r in recommendations if r.source_seminar_id]
    visible = viewable_among(request_or_user, seminars) if seminars else set()
    options = {}
    for recommendation in recommendations:
        if recommendation.source_key not in options:
            options[recommendation.source_key] = (
                source_label(recommendation, visible),
                source_language(recommendation, visible),
            )
    return options


def source_label(recommendation, visible_seminar_ids) -> str:
    if recommendation.source_seminar_id and recommendation.source_seminar_id in visible_seminar_ids:
        return recommendation.source_seminar.title
    if _named_by_source(recommendation):
        return recommendation.source.name
    return recommendation.source_report or str(_("A seminar of the network"))


def _named_by_source(recommendation) -> bool:
    """Whether its source's name names it: another body's document, or a network source
    on a recommendation that names no seminar or report of its own."""
    source = recommendation.source if recommendation.source_id else None
    return source is not None and (
        not source.is_network
        or not (recommendation.source_seminar_id or recommendation.source_report)
    )


def source_language(recommendation, visible_seminar_ids) -> str:
    """The language of ``source_label``: a seminar's title or a report's name is content
    (its page's language); "" for the interface's own words."""
    if recommendation.source_seminar_id and recommendation.source_seminar_id in visible_seminar_ids:
        return content_language(recommendation.source_seminar)
    if _named_by_source(recommendation) or recommendation.source_report:
        return content_language(recommendation)
    return ""


def build_matrix(request, tracker: TrackerPage | None, params) -> Matrix:
    """Recommendations × countries for this request, filtered by ``params``.

    Args:
        request: the request (its user decides what is visible).
        tracker: the tracker page (recommendations under it), or None for all.
        params: a QueryDict of filters (theme, source_kind, source, status, country;
            several values each).

    Returns:
        A Matrix. Five queries, whatever the number of recommendations; an empty one
        when a filter value is not recognised (``Matrix.problems`` says which).
    """
    all_countries = list(Country.objects.all())
    recommendations = list(
        visible_recommendations(request, tracker)
        .select_related("source_seminar", "source")
        .prefetch_related("target_countries")
        .order_by("code")
    )
    sources = source_options(request, recommendations)
    # Each value matched among its filter's options whatever its case (``?country=fi`` is
    # Finland); one matching none (or a source among recommendations this user may not
    # view) is reported, never dropped: the matrix then shows nothing and says why, and
    # the exports refuse it.
    options = {
        "theme": FACETS["theme"].options(),
        "source_kind": FACETS["source_kind"].options(),
        "source": [
            Option(key, str(label), lang=lang)
            for key, (label, lang) in sorted(sources.items(), key=lambda item: str(item[1][0]))
        ],
        "status": FACETS["status"].options(),
        "country": [Option(c.code, c.display_name) for c in all_countries],
    }
    checked = FACETS.clean(params, options)
    filters = {name: checked.selected.get(name, []) for name in FACETS.names}
    # Every kind is a valid value; the form offers those of the visible recommendations.
    present = {r.source_kind for r in recommendations} | set(filters["source_kind"])
    options["source_kind"] = [o for o in options["source_kind"] if o.value in present]
    countries = [c for c in all_countries if not filters["country"] or c.code in filters["country"]]
    if not checked.valid:
        recommendations = []
    if filters["theme"]:
        recommendations = [r for r in recommendations if r.theme in filters["theme"]]
    if filters["source_kind"]:
        recommendations = [r for r in recommendations if r.source_kind in filters["source_kind"]]
    if filters["source"]:
        recommendations = [r for r in recommendations if r.source_key in filters["source"]]
    implementations = {
        (impl.recommendation_id, impl.country_id): impl
        for impl in Implementation.objects.filter(
            recommendation__in=[r.pk for r in recommendations],
            country__in=[c.pk for c in countries],
        ).select_related("updated_by")
    }
    rows, counts = [], {c.code: Counter() for c in countries}
    statuses = set(filters["status"])
    for recommendation in recommendations:
        targets = {c.pk for c in recommendation.target_countries.all()}
        cells, any_shown = [], False
        for country in countries:
            impl = implementations.get((recommendation.pk, country.pk))
            if impl is not None and country.pk not in targets:
                impl = None
            shown = impl is not None and (not statuses or impl.status in statuses)
            if impl is not None:
                impl.recommendation = recommendation
                impl.country = country
            cells.append((country, impl, shown))
            any_shown = any_shown or shown
        # Filtering by status or country keeps the recommendations with something to show.
        if (statuses or filters["country"]) and not any_shown:
            continue
        for country, impl, shown in cells:
            if shown:
                counts[country.code][impl.status] += 1
        rows.append(Row(recommendation, cells))
    return Matrix(
        countries=countries,
        rows=rows,
        filters=filters,
        options=options,
        counts=counts,
        checked=checked,
    )


def history(implementations, limit: int | None = None):
    """The status updates of these implementations, newest first, ready to show."""
    by_pk = {impl.pk: impl for impl in implementations}
    updates = StatusUpdate.objects.filter(implementation__in=list(by_pk)).order_by(
        "-created_at", "-pk"
    )
    if limit:
        updates = updates[:limit]
    updates = list(updates)
    for update in updates:
        update.implementation = by_pk[update.implementation_id]
    return updates
