"""The search behind /search/: one box over every page type, private by construction.

One code path for every backend, through Wagtail's search API. On Whoosh, privacy and
facets run inside the engine (view-restriction tokens and facet tokens, see
``search.facets``); on other backends the queryset itself is narrowed with
``countries.permissions.viewable_pages`` and facets are counted from the database. Either
way every hit shown is checked again against the database (``viewable_among``, the rule of
``viewable_pages`` for a handful of loaded pages) before it is rendered.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import EmptyPage, Paginator
from django.utils.translation import gettext_lazy as _
from modelsearch.backends import get_search_backend
from wagtail.models import Page, Site

from countries.permissions import can_view_document, viewable_among, viewable_pages

from . import facets as facet_defs
from . import privacy
from .backends.facetcount import disjunctive_counts
from .backends.whoosh import SearchIndexError
from .query import ParsedQuery, parse
from .snippets import snippet_for
from .suggest import correct

logger = logging.getLogger("hub.search")

PER_PAGE = 10
MAX_PAGE = 200
MAX_VALUES_PER_FACET = 12
FEW_RESULTS = 3


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class FacetGroup:
    name: str
    label: str
    options: list[FacetOption]


@dataclass
class Hit:
    page: Page
    kind: str
    snippet: str
    country: str = ""


@dataclass
class DocumentHit:
    document: object
    pages: list[Page]
    snippet: str


@dataclass
class RecordingHit:
    recording: object
    page: Page


@dataclass
class SearchOutcome:
    parsed: ParsedQuery
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    page: object = None
    facets: list[FacetGroup] = field(default_factory=list)
    selected: dict[str, list[str]] = field(default_factory=dict)
    documents: list[DocumentHit] = field(default_factory=list)
    recordings: list[RecordingHit] = field(default_factory=list)
    promotions: list[Page] = field(default_factory=list)
    timed_out: bool = False
    error: str = ""
    suggestion: str = ""
    #: Milliseconds spent counting facets (bench_search reports them).
    facet_ms: float = 0.0
    requested_page: int = 1


def _engine_results(results) -> bool:
    return hasattr(results, "extra_facets")


def _site_pages(request):
    site = Site.find_for_request(request)
    root = site.root_page if site else Page.get_first_root_node()
    return Page.objects.live().descendant_of(root, inclusive=True)


def _viewable_site_pages(request):
    """Site pages the visitor may view, as a filter search backends accept (``id__in``)."""
    return _site_pages(request).filter(id__in=viewable_pages(request).values("pk"))


def _labels(name: str, values) -> dict[str, str]:
    """Human labels of facet values, in the visitor's language."""
    if name == "kind":
        return {v: str(facet_defs.KIND_LABELS.get(v, v)) for v in values}
    if name == "country":
        from countries.models import Country

        return {c.code: c.name for c in Country.objects.filter(code__in=values)}
    if name in ("form", "sector"):
        from practices.models import FormOfExploitation, Sector

        model = FormOfExploitation if name == "form" else Sector
        return {t.slug: t.name for t in model.objects.filter(slug__in=values)}
    if name == "language":
        from home.choices import Language

        return {v: str(dict(Language.choices).get(v, v)) for v in values}
    return {v: v for v in values}


def _facet_groups(counts, selected) -> list[FacetGroup]:
    groups = []
    for name, label in facet_defs.FACETS.items():
        counter = counts.get(name, {})
        values = set(counter) | set(selected.get(name, []))
        labels = _labels(name, values)
        ordered = sorted(values, key=lambda v: (-counter.get(v, 0), labels.get(v, v)))
        if name == "year":
            ordered = sorted(values, reverse=True)
        options = [
            FacetOption(v, labels.get(v, v), counter.get(v, 0), v in selected.get(name, []))
            for v in ordered
            if v in labels or name in ("year", "kind", "language")
        ][:MAX_VALUES_PER_FACET]
        if options:
            groups.append(FacetGroup(name, str(label), options))
    return groups


def clean_filters(params) -> dict[str, list[str]]:
    """The facet values chosen in the URL (unknown names and over-long values dropped)."""
    selected = {}
    for name in facet_defs.FACETS:
        values = [v for v in params.getlist(name) if v and len(v) <= 60][:MAX_VALUES_PER_FACET]
        if name == "country":
            values = [v.upper() for v in values]  # ISO codes, however typed
        if values:
            selected[name] = sorted(set(values))
    return selected


def _page_number(params) -> int:
    try:
        number = int(params.get("page", 1))
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), MAX_PAGE)


def search(request, params, backend_name: str = "default") -> SearchOutcome:
    """Run the search page's query for this request.

    Args:
        request: the request (its user decides what may be seen).
        params: the GET parameters (``q``, ``page`` and facet names).
        backend_name: the WAGTAILSEARCH_BACKENDS entry to use.

    Returns:
        A SearchOutcome; ``error`` is set when the index cannot be read.
    """
    parsed = parse(params.get("q"))
    outcome = SearchOutcome(parsed=parsed, selected=clean_filters(params))
    outcome.requested_page = _page_number(params)
    if parsed.query is None:
        return outcome
    backend = get_search_backend(backend_name)
    try:
        results = backend.search(parsed.query, _site_pages(request), operator="and")
        if _engine_results(results):
            ranked, total, counts = _engine_search(request, results, outcome)
        else:
            ranked, total, counts = _database_search(request, backend, parsed, outcome)
        outcome.timed_out = getattr(results, "timed_out", False)
    except SearchIndexError as error:
        logger.error("Search unavailable: %s", error)
        outcome.error = str(_("Search is unavailable at the moment. Please try again later."))
        return outcome
    outcome.facets = _facet_groups(counts, outcome.selected)
    outcome.total = total
    paginator = Paginator(range(total), PER_PAGE)
    try:
        outcome.page = paginator.page(outcome.requested_page)
    except EmptyPage:
        outcome.page = paginator.page(paginator.num_pages or 1)
    outcome.hits = _hits(request, ranked(outcome.page), parsed)
    if outcome.page.number == 1:
        outcome.promotions = _promotions(request, parsed.text)
        if not outcome.selected:  # documents have no facets: shown for the plain query
            outcome.documents = _documents(request, backend, parsed)
            outcome.recordings = _recordings(request, backend, parsed)
    if total < FEW_RESULTS:
        outcome.suggestion = _suggestion(request, backend, parsed)
    return outcome


def _visible_count(request, backend, query) -> int:
    """How many pages this visitor may view match ``query`` (no facets)."""
    results = backend.search(query, _site_pages(request), operator="and")
    if _engine_results(results):
        return results.filter_extra("view", privacy.failed_tokens(request), exclude=True).count()
    return backend.search(query, _viewable_site_pages(request)).count()


def _suggestion(request, backend, parsed) -> str:
    """A corrected query that finds more, from words this visitor may see; or ""."""
    candidate = correct(request, parsed.words)
    if not candidate:
        return ""
    query = parse(candidate).query
    if query is None or _visible_count(request, backend, query) == 0:
        return ""
    return candidate


def autocomplete(request, text: str, limit: int = 8, backend_name: str = "default") -> list[Page]:
    """Pages whose titles start with the words typed, among those the visitor may view."""
    from .query import clean

    text = clean(text)
    if len(text) < 2:
        return []
    backend = get_search_backend(backend_name)
    results = backend.autocomplete(text, _site_pages(request), operator="and")
    if _engine_results(results):
        results = results.filter_extra("view", privacy.failed_tokens(request), exclude=True)
    else:
        results = backend.autocomplete(text, _viewable_site_pages(request), operator="and")
    pages = list(results[: limit * 2])
    allowed = viewable_among(request, pages)
    return [p for p in pages if p.pk in allowed][:limit]


def _engine_search(request, results, outcome):
    """Privacy, facets and ranking inside Whoosh, in one pass over the matches."""
    results = results.filter_extra("view", privacy.failed_tokens(request), exclude=True)
    number = outcome.requested_page
    objects, counts, total = results.faceted_page(
        outcome.selected, (number - 1) * PER_PAGE, number * PER_PAGE
    )
    outcome.facet_ms = results.facet_ms
    last = max(1, -(-total // PER_PAGE))
    if number > last:
        objects, counts, total = results.faceted_page(
            outcome.selected, (last - 1) * PER_PAGE, last * PER_PAGE
        )

    def ranked(page):
        return objects

    return ranked, total, counts


def _database_search(request, backend, parsed, outcome):
    """Other backends: the queryset is narrowed in SQL, facets counted from the database."""
    queryset = _viewable_site_pages(request)
    order = [page.pk for page in backend.search(parsed.query, queryset, operator="and")]
    selected = outcome.selected
    started = time.perf_counter()
    rows = facet_defs.bulk_page_facets(order)
    postings: dict[str, dict[str, set]] = {name: {} for name in facet_defs.FACETS}
    for pk, values in rows.items():
        for name, tokens in values.items():
            if name in postings:
                for token in tokens:
                    postings[name].setdefault(token, set()).add(pk)
    counts, matched = disjunctive_counts(set(order), postings, selected)
    outcome.facet_ms = (time.perf_counter() - started) * 1000
    ordered = [pk for pk in order if pk in matched]

    def ranked(page):
        pks = ordered[page.start_index() - 1 : page.end_index()]
        by_pk = Page.objects.in_bulk(pks)
        return [by_pk[pk] for pk in pks if pk in by_pk]

    return ranked, len(ordered), counts


def _hits(request, pages, parsed) -> list[Hit]:
    """The hits of one page of results, each checked against the database."""
    if not pages:
        return []
    allowed = viewable_among(request, pages)
    specific = Page.objects.filter(pk__in=allowed).specific().in_bulk()
    from countries.models import CountryPage

    # One query for every hit's country label (a practice names its space directly).
    countries = dict(CountryPage.objects.values_list("pk", "country__name"))
    hits = []
    for page in pages:
        page = specific.get(page.pk)
        if page is None:
            continue
        kind = getattr(page, "search_kind", "page")
        hits.append(
            Hit(
                page=page,
                kind=str(facet_defs.KIND_LABELS.get(kind, kind)),
                snippet=snippet_for(page, parsed.highlight),
                country=countries.get(getattr(page, "country_page_id", None) or page.pk, ""),
            )
        )
    return hits


def _promotions(request, text) -> list[Page]:
    """Editors' picks for this query that the visitor may view."""
    from wagtail.contrib.search_promotions.models import Query

    if not text:
        return []
    picks = Query.get(text).editors_picks.select_related("page")
    pages = [pick.page for pick in picks if pick.page_id]
    if not pages:
        return []
    allowed = viewable_among(request, pages)
    return [p.specific for p in pages if p.pk in allowed]


def _documents(request, backend, parsed, limit=5) -> list[DocumentHit]:
    """Documents whose text matches, each shown through the viewable pages that link it."""
    from wagtail.documents import get_document_model
    from wagtail.models import ReferenceIndex

    model = get_document_model()
    page_type = ContentType.objects.get_for_model(Page)
    results = backend.search(parsed.query, model.objects.all(), operator="and")
    if _engine_results(results):
        results = results.filter_extra("view", privacy.failed_tokens(request), exclude=True)
    found = []
    for document in results[: limit * 4]:
        if not can_view_document(request, document):
            continue
        # object_id is text (it holds any model's key): compare as integers.
        page_ids = [
            int(object_id)
            for object_id in ReferenceIndex.get_references_to(document)
            .filter(base_content_type=page_type)
            .values_list("object_id", flat=True)
            if object_id.isdigit()
        ]
        linking = list(Page.objects.filter(pk__in=page_ids).specific())
        allowed = viewable_among(request, linking)
        pages = [page for page in linking if page.pk in allowed]
        if not pages:
            continue
        found.append(DocumentHit(document, pages, snippet_for(document, parsed.highlight)))
        if len(found) >= limit:
            break
    return found


def _recordings(request, backend, parsed, limit=5) -> list[RecordingHit]:
    """Seminar recordings this visitor may watch now, on seminar pages they may view.

    Availability is decided here, at query time, not in the index: a recording whose
    "available until" has passed is gone from search at that moment, with no reindex.
    """
    from seminars.models import SeminarRecording

    results = backend.search(parsed.query, SeminarRecording.objects.all(), operator="and")
    candidates = [recording for recording in results[: limit * 4] if recording.is_available()]
    if not candidates:
        return []
    seminars = {
        page.pk: page
        for page in Page.objects.filter(pk__in={r.page_id for r in candidates}).specific()
    }
    allowed = viewable_among(request, list(seminars.values()))
    found, registrant = [], {}
    for recording in candidates:
        seminar = seminars.get(recording.page_id)
        if seminar is None or seminar.pk not in allowed:
            continue
        if seminar.pk not in registrant:
            registrant[seminar.pk] = seminar.is_registrant(request)
        if recording.visible_to(request, registrant=registrant[seminar.pk]):
            found.append(RecordingHit(recording, seminar))
        if len(found) >= limit:
            break
    return found
