"""The search behind /search/: one box over every page type, private by construction.

One code path for every backend, through Wagtail's search API. On the embedded engine
(whose results offer ``extra_facets``), privacy and facets run inside the engine
(view-restriction tokens and facet tokens, see ``search.facets``); on other backends the
queryset itself is narrowed with ``countries.permissions.viewable_pages`` and facets are
counted from the database. Either way every hit shown is checked again against the
database (``viewable_among``, the rule of ``viewable_pages`` for a handful of loaded
pages) before it is rendered.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import EmptyPage, Paginator
from django.utils.translation import gettext_lazy as _
from modelsearch.backends import get_search_backend
from wagtail.models import Page, ReferenceIndex, Site, get_page_models

from core import caches
from core.filters import FacetGroup, Filters
from countries import permissions
from countries.permissions import viewable_among, viewable_documents_among, viewable_pages

from . import facets as facet_defs
from .backends.errors import SearchIndexError
from .backends.facetcount import disjunctive_counts
from .backends.timelimit import DEFAULT_LIMIT, TimeLimitExceeded, statement_time_limit
from .query import ParsedQuery, parse
from .snippets import snippet_for
from .suggest import correct

logger = logging.getLogger("hub.search")

PER_PAGE = 10
MAX_PAGE = 200
FEW_RESULTS = 3
#: Documents and recordings shown beside the results (their best matches).
SHOWN_BESIDE = 5
#: How many of the best matching documents (and recordings) are read to count those the
#: reader may open: the count said on the page is exact up to this many matches.
COUNTED_BESIDE = 100

# Ranking preferences (``ranking_boosts``): factors on the relevance score by the
# language and the kind of a result, the same on every backend.
#: A practice in the query's language: 1 + this × the language's share of the query.
QUERY_LANGUAGE_BOOST = 4.0
#: A result in the reader's interface language.
INTERFACE_LANGUAGE_BOOST = 1.5
#: Practices, the library's substance, before other results of the same relevance.
PRACTICE_BOOST = 1.5
#: Network, index and country pages (kind "page"): ranked after every other result for a
#: topical query (a factor of 0 in ``boost_extra``); when the query is the title of one
#: (a navigational query), pages come first, by this factor.
PAGE_KIND = "page"
NAVIGATION_BOOST = 10.0


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
    #: The facets' values as read from the address (``core.filters``).
    filters: Filters = field(default_factory=Filters)
    documents: list[DocumentHit] = field(default_factory=list)
    recordings: list[RecordingHit] = field(default_factory=list)
    promotions: list[Page] = field(default_factory=list)
    #: Facet values in the address that were not recognised: then nothing is searched.
    unknown_filters: list[str] = field(default_factory=list)
    timed_out: bool = False
    error: str = ""
    suggestion: str = ""
    #: What was typed for the parts of the query that found nothing when all of them
    #: together found nothing: then the results are those of any part (ranked).
    unmatched: list[str] = field(default_factory=list)
    #: The results match any of the words, not all of them (the fallback).
    any_words: bool = False
    #: Milliseconds spent counting facets (bench_search reports them).
    facet_ms: float = 0.0
    requested_page: int = 1
    #: How many attached documents and seminar recordings the reader may open match,
    #: of which ``documents`` and ``recordings`` are the best few. Searched (and so
    #: counted) on the first page of results without filters, where they are shown.
    document_total: int = 0
    recording_total: int = 0

    @property
    def found(self) -> int:
        """Everything this search found for this reader: pages (``total``, what the
        pagination runs over), documents and recordings. "Nothing found" only at 0."""
        return self.total + self.document_total + self.recording_total


def _engine_results(results) -> bool:
    return hasattr(results, "extra_facets")


SITES = caches.register(
    "sites",
    ends_on=("wagtailcore.site", caches.MOVED),
    doc="The tree path of each host's site root.",
)


def _site_root_path(request) -> str:
    """The tree path of the request's site root, cached per host until a site changes."""
    site = getattr(request, "_wagtail_site", None)
    if site is not None:
        return site.root_page.path

    def load():
        site = Site.find_for_request(request)
        return site.root_page.path if site else Page.get_first_root_node().path

    return SITES.get_or_set(load, request.get_host())


def _site_pages(request):
    return Page.objects.live().filter(path__startswith=_site_root_path(request))


def _viewable_site_pages(request):
    """Site pages the visitor may view, as a filter search backends accept (``id__in``)."""
    return _site_pages(request).filter(id__in=viewable_pages(request).values("pk"))


def _facet_groups(counts, selected) -> list[FacetGroup]:
    """The facets with results (or a chosen value), their values most results first."""
    options = {facet.name: facet.options() for facet in facet_defs.FACETS}
    groups = facet_defs.FACETS.groups(
        options, counts, selected, ranked=True, limit=facet_defs.MAX_VALUES_PER_FACET
    )
    return [group for group in groups if group.options]


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
    filters = facet_defs.FACETS.clean(params)
    # Each list sorted: the same choice is the same search (and the same cached count).
    filters.selected = {name: sorted(values) for name, values in filters.selected.items()}
    outcome = SearchOutcome(parsed=parsed, selected=filters.selected, filters=filters)
    outcome.requested_page = _page_number(params)
    if parsed.query is None:
        return outcome
    if not filters.valid:
        # Never the unfiltered results in place of a filter that names nothing.
        outcome.unknown_filters = filters.problems()
        return outcome
    backend = get_search_backend(backend_name)
    boosts = ranking_boosts(request, parsed)
    try:
        ranked, total, counts = _run(request, backend, backend_name, parsed.query, boosts, outcome)
        strict_total = total
        fallback = parsed.any_query() if total == 0 and not outcome.timed_out else None
        if fallback is not None:
            unmatched = _unmatched_parts(request, backend, parsed)
            if len(unmatched) < len(parsed.parts):  # some word finds something
                ranked, total, counts = _run(
                    request, backend, backend_name, fallback, boosts, outcome
                )
                outcome.any_words = total > 0
                outcome.unmatched = [parsed.part_texts[i] for i in unmatched]
    except TimeLimitExceeded:
        logger.warning("Search timed out in the database: %.300r", parsed.text)
        outcome.timed_out = True
        return outcome
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
            outcome.documents, outcome.document_total = _documents(request, backend, parsed)
            outcome.recordings, outcome.recording_total = _recordings(request, backend, parsed)
    if strict_total < FEW_RESULTS:
        outcome.suggestion = _suggestion(request, backend, backend_name, parsed, outcome)
    return outcome


def _run(request, backend, backend_name, query, boosts, outcome):
    """(ranked, total, counts) of one query, on the engine or through the database."""
    results = backend.search(query, _site_pages(request), operator="and")
    if _engine_results(results):
        if hasattr(results, "boost_extra"):
            results = results.boost_extra(boosts)
        found = _engine_search(request, results, outcome)
    else:
        with statement_time_limit(_time_limit(backend_name)):
            found = _database_search(request, backend, query, outcome, boosts)
    outcome.timed_out = outcome.timed_out or getattr(results, "timed_out", False)
    return found


def _unmatched_parts(request, backend, parsed) -> list[int]:
    """The indexes of the query's parts that find nothing this visitor may view."""
    return [
        index
        for index in range(len(parsed.parts))
        if _visible_count(request, backend, parsed.part_query(index)) == 0
    ]


def interface_language(request) -> str:
    """The reader's interface language, one of the hub's codes ("" if none)."""
    from core.languages import CODES

    code = (getattr(request, "LANGUAGE_CODE", "") or "").lower().split("-")[0]
    return code if code in CODES else ""


def ranking_boosts(request, parsed) -> dict[str, dict[str, float]]:
    """How results are preferred beyond their relevance, as ``boost_extra`` takes it.

    * A result in a language the query is written in (``ParsedQuery.languages``, the
      design in ``search.query.query_languages``) by 1 + QUERY_LANGUAGE_BOOST × that
      language's share of the query, and in the reader's interface language by
      INTERFACE_LANGUAGE_BOOST (the larger of the two counts);
    * practices by PRACTICE_BOOST;
    * network, index and country pages after every other result, unless the query
      names one of them by its title (a navigational query): then before them.
    """
    language = {
        code: 1.0 + QUERY_LANGUAGE_BOOST * share for code, share in parsed.languages.items()
    }
    reader = interface_language(request)
    if reader:
        language[reader] = max(language.get(reader, 1.0), INTERFACE_LANGUAGE_BOOST)
    kind = {"practice": PRACTICE_BOOST}
    kind[PAGE_KIND] = NAVIGATION_BOOST if _names_a_page(request, parsed) else 0.0
    return {"language": language, "kind": kind}


def _names_a_page(request, parsed) -> bool:
    """Whether the query is the title of a network, index or country page the visitor may
    view (a page they may not view must not change how their results are ranked).

    The few pages of those types with that title are loaded first (by their content
    types' index), and only they are checked against the visitor's rights: testing the
    rights of every page before the title cost more than the search itself.
    """
    if not parsed.text:
        return False
    candidates = _site_pages(request).filter(
        content_type__in=_page_kind_types(), title__iexact=parsed.text
    )
    return bool(viewable_among(request, candidates.only("pk", "path", "live")))


def _page_kind_types() -> list[int]:
    """Content type ids of the page models searched as pages (``PAGE_KIND``)."""
    models = [
        model
        for model in get_page_models()
        if getattr(model, "search_kind", PAGE_KIND) == PAGE_KIND
    ]
    return [ct.pk for ct in ContentType.objects.get_for_models(*models).values()]


def boost_factor(values: dict[str, list[str]], boosts) -> float:
    """The factor ``boost_extra`` gives a result with these facet values (the same rule,
    for backends whose results cannot boost)."""
    factor = 1.0
    for name, factors in boosts.items():
        found = [factors[token] for token in values.get(name, ()) if token in factors]
        if found:
            factor *= max(found)
    return factor


def _time_limit(backend_name: str) -> float:
    from modelsearch.conf import get_app_config

    config = get_app_config().get_search_backend_config().get(backend_name, {})
    return float(config.get("QUERY_TIME_LIMIT", DEFAULT_LIMIT))


def _visible_count(request, backend, query, selected=None, backend_name="default") -> int:
    """How many pages this visitor may view match ``query``, narrowed by the facet values
    ``selected`` as the results are (within a facet any value, across facets all)."""
    results = backend.search(query, _site_pages(request), operator="and")
    if _engine_results(results):
        failed = permissions.failed_tokens(request)
        results = results.filter_extra("view", failed, exclude=True)
        for name, values in (selected or {}).items():
            tokens = [value for value in values if value]
            if tokens:
                results = results.filter_extra(name, tokens)
        return results.count()
    if not selected:
        return backend.search(query, _viewable_site_pages(request), operator="and").count()
    # Facets from the database, as the results page counts them on such a backend.
    narrowed = SearchOutcome(parsed=ParsedQuery(text="", query=None), selected=selected)
    with statement_time_limit(_time_limit(backend_name)):
        return _database_search(request, backend, query, narrowed)[1]


def _suggestion(request, backend, backend_name, parsed, outcome) -> str:
    """A corrected query that finds more than this one did, from words this visitor may
    see; or "".

    "More" is counted for the same reader and the same filters: the pages the correction
    finds against everything this search found (its pages, any-word fallback included,
    documents and recordings). A correction to a rarer word ("bank" to "barn" when the
    vocabulary of titles lacks "bank") finds fewer and is not offered. The correction's
    pages alone are a lower bound of what it finds, so what is offered finds more; one
    count, only when the query found few results.
    """
    candidate = correct(request, parsed.words)
    if not candidate:
        return ""
    query = parse(candidate).query
    if query is None:
        return ""
    found = _visible_count(request, backend, query, outcome.selected, backend_name)
    return candidate if found > outcome.found else ""


def autocomplete(request, text: str, limit: int = 8, backend_name: str = "default") -> list[Page]:
    """Pages whose titles start with the words typed, among those the visitor may view."""
    from .query import clean

    text = clean(text)
    if len(text) < 2:
        return []
    backend = get_search_backend(backend_name)
    results = backend.autocomplete(text, _site_pages(request), operator="and")
    if _engine_results(results):
        results = results.filter_extra("view", permissions.failed_tokens(request), exclude=True)
    else:
        results = backend.autocomplete(text, _viewable_site_pages(request), operator="and")
    pages = list(results[: limit * 2])
    allowed = viewable_among(request, pages)
    return [p for p in pages if p.pk in allowed][:limit]


def _engine_search(request, results, outcome):
    """Privacy, facets and ranking inside the engine, in one pass over the matches."""
    results = results.filter_extra("view", permissions.failed_tokens(request), exclude=True)
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
    # The engine stops a search at its time limit: say so (the filtered copy knows).
    outcome.timed_out = results.timed_out

    def ranked(page):
        return objects

    return ranked, total, counts


def _database_search(request, backend, query, outcome, boosts=None, pages=None):
    """Other backends: the queryset is narrowed in SQL, facets counted from the database.

    The backend's order is then re-sorted, stably, by the factors of ``ranking_boosts``
    (``boost_factor``): results of a larger factor first, the backend's order within
    equal factors, a factor of 0 last.
    """
    queryset = _viewable_site_pages(request) if pages is None else pages
    order = [page.pk for page in backend.search(query, queryset, operator="and")]
    selected = outcome.selected
    started = time.perf_counter()
    rows = facet_defs.bulk_page_facets(order)
    if boosts:
        factor = {pk: boost_factor(rows.get(pk, {}), boosts) for pk in order}
        order.sort(key=lambda pk: -factor[pk])
    postings: dict[str, dict[str, set]] = {name: {} for name in facet_defs.FACETS.names}
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
        by_pk = _live_specific(pks)
        return [by_pk[pk] for pk in pks if pk in by_pk]

    return ranked, len(ordered), counts


DOCUMENT_LINKS = caches.register(
    "document-links",
    ends_on=(caches.CONTENT,),
    doc="{document id: ids of the pages linking to it}, from Wagtail's reference index.",
)
LIVE_TYPES = caches.register(
    "live-types",
    ends_on=(caches.CONTENT, caches.PUBLISHED, caches.UNPUBLISHED, caches.MOVED),
    doc="{pk: content type id} of every live page.",
)


def _pages_linking_documents(model) -> dict[str, list[int]]:
    """{document id (text): ids of the pages that link to it}, from Wagtail's reference
    index, read until content changes (writing the index goes with a saved object)."""

    def load():
        linked = {}
        references = ReferenceIndex.objects.filter(
            to_content_type=ContentType.objects.get_for_model(model),  # a concrete model
            base_content_type=ContentType.objects.get_for_model(Page),
        ).values_list("to_object_id", "object_id")
        for document_id, object_id in references:
            # object_id is text (it holds any model's key): compare as integers.
            if object_id.isdigit():
                linked.setdefault(document_id, []).append(int(object_id))
        return linked

    return DOCUMENT_LINKS.get_or_set(load)


def _live_page_types() -> dict[int, int]:
    """{pk: content type id} of every live page, read until content changes."""
    return LIVE_TYPES.get_or_set(
        lambda: dict(Page.objects.live().values_list("pk", "content_type"))
    )


def _live_specific(pks) -> dict[int, Page]:
    """{pk: specific page} of the live pages among ``pks``: one query per page type."""
    types = _live_page_types()
    by_type: dict[int, list[int]] = {}
    for pk in pks:
        if pk in types:
            by_type.setdefault(types[pk], []).append(pk)
    return _in_bulk_by_type(by_type)


def _in_bulk_by_type(by_type: dict[int, list[int]]) -> dict[int, Page]:
    found = {}
    for content_type_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:  # a page type whose code is gone: not shown
            continue
        found.update(model.objects.filter(live=True).in_bulk(pks))
    return found


def _specific(pages) -> dict[int, Page]:
    """{pk: specific page} for loaded pages: one query per page type not already loaded
    as its own type, none for their ids."""
    found, by_type = {}, {}
    for page in pages:
        if type(page) is not Page and isinstance(page, page.specific_class or Page):
            found[page.pk] = page
        else:
            by_type.setdefault(page.content_type_id, []).append(page.pk)
    found.update(_in_bulk_by_type(by_type))
    return found


def _hits(request, pages, parsed) -> list[Hit]:
    """The hits of one page of results, each checked against the database."""
    if not pages:
        return []
    allowed = viewable_among(request, pages)
    specific = _specific(page for page in pages if page.pk in allowed)
    # Every hit's country label (a practice names its space directly).
    countries = facet_defs.term_labels("space")
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


PROMOTIONS = caches.register(
    "promotions",
    ends_on=("wagtailsearchpromotions.query", "wagtailsearchpromotions.searchpromotion"),
    doc="The query strings that have an editor's pick.",
)


def _promotions(request, text) -> list[Page]:
    """Editors' picks for this query that the visitor may view.

    One read, never a write: ``Query.get`` would store every string anyone types (a
    row per search, and a record of what visitors looked for).
    """
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.search.utils import normalise_query_string

    if not text:
        return []
    promoted = PROMOTIONS.get_or_set(
        lambda: set(
            SearchPromotion.objects.exclude(page=None).values_list("query__query_string", flat=True)
        )
    )
    query_string = normalise_query_string(text)
    if query_string not in promoted:
        return []
    picks = (
        SearchPromotion.objects.filter(query__query_string=query_string)
        .exclude(page=None)
        .select_related("page")
        .order_by("sort_order")
    )
    pages = [pick.page for pick in picks]
    if not pages:
        return []
    allowed = viewable_among(request, pages)
    return [p.specific for p in pages if p.pk in allowed]


def _documents(request, backend, parsed, since=None) -> tuple[list[DocumentHit], int]:
    """The best documents whose text matches, each shown through the viewable pages that
    link it, and how many such documents there are.

    A document counts, as it is shown, only when the reader may open it and a live page
    they may view links it: the count never tells of a document or a page they may not
    see. Read among the COUNTED_BESIDE best matches, with a fixed number of queries
    whatever their number: their collections' privacy and the pages linking them are
    read once, and only the SHOWN_BESIDE shown are loaded as their own page types.
    """
    from wagtail.documents import get_document_model

    model = get_document_model()
    documents = model.objects.select_related("collection")
    if since is not None:  # an alert's new documents only
        documents = documents.filter(
            pk__in=list(
                model.objects.filter(created_at__gt=since).values_list("pk", flat=True)[:MAX_FRESH]
            )
        )
    results = backend.search(parsed.query, documents, operator="and")
    if _engine_results(results):
        results = results.filter_extra("view", permissions.failed_tokens(request), exclude=True)
    readable = viewable_documents_among(request, list(results[:COUNTED_BESIDE]))
    if not readable:
        return [], 0
    every_link = _pages_linking_documents(model)
    linked = {d.pk: set(every_link.get(str(d.pk), ())) for d in readable}
    linking = Page.objects.live().filter(pk__in={pk for pks in linked.values() for pk in pks})
    allowed = viewable_among(request, list(linking.only("pk", "path", "live")))
    shown = [d for d in readable if linked[d.pk] & allowed]
    total = len(shown)
    shown = shown[:SHOWN_BESIDE]
    pages = _live_specific({pk for d in shown for pk in linked[d.pk] & allowed})
    found = [
        DocumentHit(
            document,
            [page for pk, page in pages.items() if pk in linked[document.pk]],
            snippet_for(document, parsed.highlight),
        )
        for document in shown
    ]
    return found, total


def _recordings(request, backend, parsed) -> tuple[list[RecordingHit], int]:
    """The best seminar recordings this visitor may watch now, on seminar pages they may
    view, and how many such recordings there are (read among the COUNTED_BESIDE best
    matches; one that may not be watched is neither shown nor counted).

    Availability is decided here, at query time, not in the index: a recording whose
    "available until" has passed is gone from search at that moment, with no reindex.
    """
    from seminars.models import SeminarRecording

    results = backend.search(parsed.query, SeminarRecording.objects.all(), operator="and")
    candidates = [r for r in results[:COUNTED_BESIDE] if r.is_available()]
    if not candidates:
        return [], 0
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
    return found[:SHOWN_BESIDE], len(found)


#: How many pages (and documents) published since an alert was last sent are searched.
MAX_FRESH = 2000


@dataclass
class NewMatches:
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    documents: list[DocumentHit] = field(default_factory=list)
    document_total: int = 0

    @property
    def found(self) -> int:
        return self.total + self.document_total


def new_matches(request, params, since, backend_name: str = "default") -> NewMatches:
    """What the search page would find for this request's reader among the pages first
    published, and the documents added, after ``since`` (a saved search's alert).

    The page's own path: the same parsing, filters, engine, view tokens or SQL
    visibility, and every hit checked again against the database (``_hits``); at most
    ``PER_PAGE`` hits are loaded, ``total`` counts them all.
    """
    parsed = parse(params.get("q"))
    filters = facet_defs.FACETS.clean(params)
    found = NewMatches()
    if parsed.query is None or not filters.valid:
        return found
    filters.selected = {name: sorted(values) for name, values in filters.selected.items()}
    outcome = SearchOutcome(parsed=parsed, selected=filters.selected, filters=filters)
    fresh = list(
        _viewable_site_pages(request)
        .filter(first_published_at__gt=since)
        .values_list("pk", flat=True)[:MAX_FRESH]
    )
    backend = get_search_backend(backend_name)
    try:
        if fresh:
            pages = _site_pages(request).filter(pk__in=fresh)
            results = backend.search(parsed.query, pages, operator="and")
            if _engine_results(results):
                ranked, total, _counts = _engine_search(request, results, outcome)
            else:
                with statement_time_limit(_time_limit(backend_name)):
                    ranked, total, _counts = _database_search(
                        request, backend, parsed.query, outcome, pages=pages
                    )
            if total:
                page = Paginator(range(total), PER_PAGE).page(1)
                found.hits = _hits(request, ranked(page), parsed)
                found.total = total
        if not filters.selected:  # documents have no facets, as on the page
            found.documents, found.document_total = _documents(
                request, backend, parsed, since=since
            )
    except (TimeLimitExceeded, SearchIndexError) as error:
        logger.warning("Alert search failed (%s): %.300r", error, parsed.text)
        raise
    return found
