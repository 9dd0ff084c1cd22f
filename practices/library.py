"""The practice library: filters, facet counts, sorting and pagination.

Everything starts from ``countries.permissions.viewable_pages``: counts, exports and pages
only ever cover what the visitor may read. The number of SQL queries is fixed whatever the
number of practices: one for every count (``facet_counts``: all the facets and the number
of practices, kept per audience), plus the page of results.
"""

from __future__ import annotations

import hashlib
import operator
from functools import reduce
from urllib.parse import urlencode

from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import BooleanField, Count, ExpressionWrapper, F, Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core import caches
from core.filters import Facet, FacetSet, language_facet, year_facet
from countries.models import Country
from countries.permissions import audience_key, viewable_pages

from .choices import EvidenceLevel, SortOrder
from .models import Approach, FormOfExploitation, PracticePage, Sector, TargetGroup

PER_PAGE = 20
FACET_LABELS = caches.register(
    "library-labels",
    ends_on=(
        "countries.country",
        "practices.formofexploitation",
        "practices.targetgroup",
        "practices.sector",
        "practices.approach",
    ),
    doc="(value, label) of each country and taxonomy term, per facet and language.",
)
COUNTS = caches.register(
    "library-counts",
    ends_on=(
        caches.CONTENT,
        caches.PUBLISHED,
        caches.UNPUBLISHED,
        caches.MOVED,
        caches.RIGHTS,
        caches.VIEW_RESTRICTIONS,
        "practices.formofexploitation",
        "practices.targetgroup",
        "practices.sector",
        "practices.approach",
    ),
    doc=(
        "The library's facet counts and number of practices, per listing, filters and "
        "audience (what the visitor may view)."
    ),
)
LIBRARY_URL = caches.register(
    "library-url",
    ends_on=(
        "wagtailcore.page",
        "wagtailcore.site",
        "wagtailcore.locale",
        caches.PUBLISHED,
        caches.UNPUBLISHED,
        caches.MOVED,
    ),
    doc="The URL of the live practice library, per host and language.",
)


class LibraryFacet(Facet):
    """A facet of the library (``core.filters.Facet``) and how it filters and counts
    practices: a field (``lookup``) or a taxonomy (``m2m``, the PracticePage many-to-many
    field, with its ``term_model``)."""

    def __init__(self, name, label, choices=None, *, lookup=None, term_model=None, m2m=None, **kw):
        super().__init__(name, label, choices, **kw)
        self.lookup = lookup
        self.term_model = term_model
        self.m2m = m2m
        if term_model is not None or name == "country":
            self.choices = self._labels

    @classmethod
    def of(cls, facet: Facet, **kwargs):
        """A facet shared with other features (``core.filters``), filtering the library."""
        return cls(
            facet.name,
            facet.label,
            facet.choices,
            match=facet.match,
            multiple=facet.multiple,
            lang=facet.lang,
            **kwargs,
        )

    def through(self):
        return getattr(PracticePage, self.m2m).through

    def term_column(self):
        return f"{self.term_model._meta.model_name}__slug"

    def matches(self, values) -> Q:
        """The condition a practice meets when it holds one of ``values``."""
        if self.m2m:
            owners = (
                self.through()
                .objects.filter(**{f"{self.term_column()}__in": values})
                .values("practicepage_id")
            )
            return Q(pk__in=owners)
        if self.name == "year":
            values = [int(value) for value in values]
        return Q(**{f"{self.lookup}__in": values})

    def filter(self, queryset, values):
        return queryset.filter(self.matches(values))

    def _labels(self) -> list[tuple[str, str]]:
        """(value, label) of each country or term in the active language: few, read on
        every library page and changed only with them, so kept until one is saved."""

        def load():
            if self.term_model is not None:
                return [(t.slug, str(t.name)) for t in self.term_model.objects.all()]
            return [(c.code, c.display_name) for c in Country.objects.all()]

        return FACET_LABELS.get_or_set(load, self.name, translation.get_language())


FACETS = FacetSet(
    LibraryFacet("country", _("Country"), lookup="country_page__country__code"),
    LibraryFacet("form", _("Form of exploitation"), term_model=FormOfExploitation, m2m="forms"),
    LibraryFacet("group", _("Target group"), term_model=TargetGroup, m2m="target_groups"),
    LibraryFacet("sector", _("Sector"), term_model=Sector, m2m="sectors"),
    LibraryFacet("approach", _("Approach"), term_model=Approach, m2m="approaches"),
    LibraryFacet(
        "evidence",
        _("Evidence level"),
        # The level's name without its explanation ("Promising: evaluated once…").
        lambda: [(value, str(label).split(":")[0]) for value, label in EvidenceLevel.choices],
        lookup="evidence_level",
    ),
    LibraryFacet.of(language_facet(), lookup="language"),
    LibraryFacet.of(year_facet("year", _("Start year")), lookup="start_year"),
)
SORTS = {
    SortOrder.NEWEST: ("-first_published_at", "pk"),
    SortOrder.TITLE: ("title", "pk"),
    SortOrder.COUNTRY: ("country_page__country__sort_order", "title", "pk"),
}


def facet_counts(facets, practices, selected, known=None) -> tuple[dict[str, dict[str, int]], int]:
    """The count of each facet's values and the number of practices listed, in one query.

    A facet nobody chose counts over the practices every filter lets through; a chosen
    facet counts over those every *other* filter lets through (choosing a country keeps
    the other countries' counts, to widen the choice).

    ``practices`` (what the visitor may view: ``viewable_pages``) is read once, as a common
    table holding each practice's single-valued facets and, per chosen filter, whether the
    practice meets it; every facet is counted from that table (the taxonomies through their
    link tables) in one UNION ALL. Reading the visible practices once per facet, as
    separate queries did, cost most of the page's time whenever its counts were not kept.

    A chosen facet whose counts are ``known`` (kept for the same practices without its
    filter: the list before it was chosen) is not counted again; once every chosen facet
    is known, only the practices every filter lets through are read.

    Args:
        facets: the ``LibraryFacet``\\ s to count.
        practices: the practices listed, already narrowed to what the visitor may view.
        selected: facet name → the values chosen (already validated).
        known: chosen facet name → its counts over ``practices`` without its filter.

    Returns:
        ({facet name: {value: count}}, number of practices every filter lets through).
    """
    known = {name: dict(values) for name, values in (known or {}).items() if name in selected}
    counts: dict[str, dict[str, int]] = {facet.name: {} for facet in facets} | known
    chosen = [facet for facet in facets if facet.name in selected]
    flags = {facet.name: f"hub_meets_{i}" for i, facet in enumerate(chosen)}
    matches = {facet.name: facet.matches(selected[facet.name]) for facet in chosen}
    fields = {facet.name: f"hub_value_{i}" for i, facet in enumerate(facets) if not facet.m2m}
    unknown = [name for name in matches if name not in known]

    rows = practices.order_by()
    if matches and not unknown:
        # Every count left covers the practices every filter lets through.
        rows = rows.filter(reduce(operator.and_, matches.values()))
    elif len(matches) > 1:
        # No count reads a practice that fails two filters or more, or one whose facet's
        # counts are known.
        rows = rows.filter(
            reduce(
                operator.or_,
                (
                    reduce(operator.and_, (q for name, q in matches.items() if name != skip))
                    for skip in unknown
                ),
            )
        )
    rows = rows.values(
        hub_pk=F("pk"),
        **{fields[facet.name]: F(facet.lookup) for facet in facets if not facet.m2m},
        **{
            flags[name]: ExpressionWrapper(q, output_field=BooleanField())
            for name, q in matches.items()
        },
    )
    try:
        listed, params = rows.query.sql_with_params()
    except EmptyResultSet:
        return counts, 0  # nothing listed: nothing to count
    connection = connections[rows.db]
    qn = connection.ops.quote_name
    table = qn("hub_listed")

    def meeting(skip=None) -> str:
        """The condition of a practice every chosen filter (but ``skip``) lets through."""
        met = [f"{table}.{qn(flag)}" for name, flag in flags.items() if name != skip]
        return " AND ".join(met) or "1 = 1"

    # Only quoted names of tables and columns are written into the SQL; every value (the
    # filters', the facets' names) is a parameter.
    arms, names = [], []
    for facet in facets:
        if facet.name in known:
            continue
        if not facet.m2m:
            value = f"{table}.{qn(fields[facet.name])}"
            arms.append(
                f"SELECT %s, CAST({value} AS TEXT), COUNT(*) FROM {table} "  # noqa: S608
                f"WHERE {meeting(facet.name)} AND {value} IS NOT NULL GROUP BY {value}"
            )
        else:
            through = facet.through()._meta
            owner = through.get_field("practicepage").column
            term_key = next(
                f.column
                for f in through.concrete_fields
                if f.is_relation and f.related_model is facet.term_model
            )
            terms = facet.term_model._meta
            slug = f"{qn('hub_term')}.{qn(terms.get_field('slug').column)}"
            # COUNT(*): a practice is linked to a term once (the link table's unique
            # constraint), so each row is one practice.
            arms.append(
                f"SELECT %s, {slug}, COUNT(*) FROM {table} "  # noqa: S608
                f"INNER JOIN {qn(through.db_table)} {qn('hub_link')} "
                f"ON {qn('hub_link')}.{qn(owner)} = {table}.{qn('hub_pk')} "
                f"INNER JOIN {qn(terms.db_table)} {qn('hub_term')} "
                f"ON {qn('hub_term')}.{qn(terms.pk.column)} = {qn('hub_link')}.{qn(term_key)} "
                f"WHERE {meeting(facet.name)} GROUP BY {slug}"
            )
        names.append(facet.name)
    arms.append(f"SELECT %s, %s, COUNT(*) FROM {table} WHERE {meeting()}")  # noqa: S608
    names += ["", ""]
    total = 0
    with connection.cursor() as cursor:
        cursor.execute(f"WITH {table} AS ({listed}) " + " UNION ALL ".join(arms), (*params, *names))
        for name, value, n in cursor.fetchall():
            if name:
                counts[name][value] = n
            else:
                total = n
    return counts, total


def library_url(request) -> str | None:
    """The URL of the library (None when no library page is live), kept until a page, a
    site or a locale changes: the country pages and the search page link to it on every
    view."""
    from .models import PracticeIndexPage

    def load():
        index = PracticeIndexPage.objects.live().first()
        return index.get_url(request) if index else ""

    return LIBRARY_URL.get_or_set(load, request.get_host(), translation.get_language()) or None


def library_context(request, page, base=None, hide=(), export_filter=()):
    """What a page listing practices puts in its template context.

    Args:
        request: the current request.
        page: the page showing the library (its URL is where the filters submit).
        base: the practices to list (all when omitted); narrowed to what the user may view.
        hide: facets not to offer (e.g. the country on a country's own page).
        export_filter: (name, value) pairs the exports always carry.

    Returns:
        A dict with the built library, the filter form's URL and the exports' URL parts.
    """
    from .models import PracticeIndexPage

    library = Library(request, base=base, hide=hide).build()
    export_query = "&".join(q for q in (urlencode(list(export_filter)), library["query"]) if q)
    action_url = page.get_url(request)
    return {
        "library": library,
        "action_url": action_url,
        # The list without the filters that were not recognised.
        "recognised_url": f"{action_url}?{library['query']}" if library["query"] else action_url,
        "export_base": (
            page.get_url(request) if isinstance(page, PracticeIndexPage) else library_url(request)
        ),
        "export_query": export_query,
    }


def _choice(selected) -> str:
    """The filters chosen, as a key of the kept counts."""
    chosen = repr(sorted((name, sorted(values)) for name, values in selected.items()))
    return hashlib.sha256(chosen.encode()).hexdigest()[:20]


class PracticePaginator(Paginator):
    """Pages of practices read narrow: the ids of a page's practices first, then those.

    Sorting the practices whole (the wide rows of every practice listed, to keep twenty)
    cost more than the rest of the query; the ids are sorted alone, in a subquery of the
    same statement, so a page still costs one query (and its two prefetches).
    """

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        listed = self.object_list
        ids = listed.values("pk")[bottom:top]
        practices = (
            listed.model.objects.filter(pk__in=ids)
            .select_related("country_page__country")
            .prefetch_related("forms", "sectors")
            .order_by(*listed.query.order_by)
        )
        return self._get_page(practices, number, self)


class Library:
    """The library view of a queryset of practices for one request."""

    def __init__(self, request, base=None, hide=()):
        self.request = request
        base = base if base is not None else PracticePage.objects.all()
        #: What the listing shows before visibility (its key in the cache of counts).
        self.listed = base
        self.base = viewable_pages(request, base)
        self.facets = FACETS.without(hide)

    def _filtered(self, selected, skip=None):
        queryset = self.base
        for facet in self.facets:
            if facet.name != skip and facet.name in selected:
                queryset = facet.filter(queryset, selected[facet.name])
        return queryset

    def _counts(self, selected):
        """({facet: {value: count}}, number of practices listed) for these filters.

        Everyone who may view the same practices gets the same counts: they are kept per
        listing, filters and audience until content, rights or restrictions change
        (``COUNTS``), and read from the database otherwise.
        """

        try:
            listing = hashlib.sha256(str(self.listed.query).encode()).hexdigest()[:20]
        except EmptyResultSet:
            # An empty listing: nothing to count, nothing to keep.
            return facet_counts(self.facets, self.base, selected)
        audience = audience_key(self.request)

        def load():
            # A chosen facet counts as if it were not chosen: as on the list before it was
            # (the plain list, or one filter fewer), whose counts are often kept already.
            known = {}
            for name in selected:
                kept = COUNTS.get(
                    listing, audience, _choice({n: v for n, v in selected.items() if n != name})
                )
                if kept is not None and name in kept[0]:
                    known[name] = kept[0][name]
            return facet_counts(self.facets, self.base, selected, known)

        return COUNTS.get_or_set(load, listing, audience, _choice(selected))

    def build(self, paginate=True):
        # Validate every value before it reaches a query: options first (one query per
        # taxonomy), then counts on what was accepted. A value not recognised lists nothing
        # (never everything): the page says why, the exports refuse it.
        options = {facet.name: facet.options() for facet in self.facets}
        filters = self.facets.clean(self.request.GET, options)
        selected = filters.selected
        all_counts, total = self._counts(selected)
        facets = self.facets.groups(options, all_counts, selected)

        sort = self.request.GET.get("sort", SortOrder.NEWEST)
        if sort not in SORTS:
            sort = SortOrder.NEWEST
        listed = self._filtered(selected).order_by(*SORTS[sort])
        if not filters.valid:
            listed = listed.none()
        order = [("sort", sort)] if sort != SortOrder.NEWEST else []
        context = {
            "facets": facets,
            "selected": selected,
            "sort": sort,
            "sorts": SortOrder.choices,
            "filters": filters,
            "filter_labels": filters.labels,
            "unknown_filters": filters.problems(),
            "query": filters.query(after=order),
            "filter_query": filters.query(),
            "active": filters.active(facets, after=order),
        }
        if not paginate:
            context["results"] = listed.select_related("country_page__country").prefetch_related(
                "forms", "sectors"
            )
            return context
        paginator = PracticePaginator(listed, PER_PAGE)
        # Counted with the facets (and kept with them), not counted again.
        paginator.__dict__["count"] = total if filters.valid else 0
        number = self.request.GET.get("page", "1")
        context["page_obj"] = paginator.get_page(number[:12])
        context["paginator"] = paginator
        context["results"] = context["page_obj"].object_list
        return context


#: How many practices a practice page's "Related practices" shows at most: the editor's
#: picks, then practices like it filling up to this number (every pick is shown).
RELATED_LIMIT = 4


def similar_practices(request, practice, limit=4, exclude=()):
    """Practices that share forms of exploitation and sectors with this one, most first.

    Args:
        request: the request (its reader sees only practices they may view).
        practice: the practice, saved or in a preview (its relations in memory).
        limit: how many at most.
        exclude: ids of practices not to list (those already shown beside them).
    """
    # .all() rather than values_list(): previews and revisions hold these relations in
    # memory (modelcluster), where only the plain queryset API exists.
    form_ids = [term.pk for term in practice.forms.all()]
    sector_ids = [term.pk for term in practice.sectors.all()]
    # A count only for the kinds of terms the practice has: an empty ``__in`` in one
    # count's filter made the whole query empty (a practice with forms of exploitation
    # but no sector was like no other).
    counts = [
        Count(name, filter=Q(**{f"{name}__in": ids}), distinct=True)
        for name, ids in (("forms", form_ids), ("sectors", sector_ids))
        if ids
    ]
    if limit <= 0 or not counts:
        return []
    shared = reduce(operator.add, counts)
    others = PracticePage.objects.exclude(pk__in={practice.pk, *exclude})
    return list(
        viewable_pages(request, others)
        .annotate(shared=shared)
        .filter(shared__gt=0)
        .select_related("country_page__country")
        .prefetch_related("forms")
        .order_by("-shared", "-first_published_at")[:limit]
    )


def related_practices(request, practice, limit=RELATED_LIMIT):
    """The one list of practices a practice page points to: the editor's picks the reader
    may view, in the editor's order, then practices like this one (``similar_practices``)
    filling the list up to ``limit``; none twice, never the practice itself.

    One list rather than two side by side ("Related practices" and "Practices like
    this"), where the same practice could show twice. A pick is always shown, past the
    limit too: an editor chose it; the similar ones only fill what room is left.
    """
    # .all(): a preview holds the editor's links in memory, in their order.
    picked = list(
        dict.fromkeys(
            link.practice_id
            for link in practice.related_links.all()
            if link.practice_id != practice.pk
        )
    )
    chosen = []
    if picked:
        # Editors may link any practice; readers see only those they may view.
        readable = viewable_pages(
            request,
            PracticePage.objects.filter(pk__in=picked)
            .select_related("country_page__country")
            .prefetch_related("forms"),
        ).in_bulk()
        chosen = [readable[pk] for pk in picked if pk in readable]
    return chosen + similar_practices(request, practice, limit=limit - len(chosen), exclude=picked)
