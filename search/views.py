"""The search page (/search/) and the autocomplete endpoint its box uses."""

from urllib.parse import quote, urlencode

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET

from . import service
from .facets import FACETS


def _private(response):
    # Results depend on who asks: never stored by a shared cache. The hub's own cache may
    # keep what anonymous visitors are shown, which is alike for all of them.
    patch_cache_control(response, private=True, no_store=True)
    patch_vary_headers(response, ["Cookie"])
    response.same_for_every_anonymous_visitor = True
    return response


def _library_url(request):
    from practices.library import library_url

    return library_url(request) or ""


def found_where(outcome) -> str:
    """What the search found where, as "9 pages, 3 documents" (only the kinds found), or
    "" when it found pages alone: then the results line says it ("Showing 1–10 of 12
    results"), and on the later pages of results, where documents are not searched.

    The counts are the service's, which counts only what the reader may open.
    """
    if not (outcome.document_total or outcome.recording_total):
        return ""
    kinds = (
        (outcome.total, ngettext("%(count)d page", "%(count)d pages", outcome.total)),
        (
            outcome.document_total,
            ngettext(
                "%(count)d attached document",
                "%(count)d attached documents",
                outcome.document_total,
            ),
        ),
        (
            outcome.recording_total,
            ngettext(
                "%(count)d seminar recording",
                "%(count)d seminar recordings",
                outcome.recording_total,
            ),
        ),
    )
    return ", ".join(text % {"count": count} for count, text in kinds if count)


@require_GET
def search_view(request):
    outcome = service.search(request, request.GET)
    parsed = outcome.parsed
    filters = outcome.filters
    # The words searched for come first in every link, the filters after them.
    words = [("q", parsed.text)] if parsed.text else []
    context = {
        "outcome": outcome,
        "query": parsed.text,
        "active": filters.active(outcome.facets, before=words),
        "base_query": filters.query(before=words),
        # The search without the filters that were not recognised.
        "recognised_url": "?" + filters.query(before=words),
        "clear_query": urlencode(words),
        "found_where": found_where(outcome),
        "suggestion_query": urlencode({"q": outcome.suggestion}) if outcome.suggestion else "",
        "facet_names": FACETS.names,
        "library_url": _library_url(request),
        "search_path": quote(request.get_full_path()),
        # "Save this search": the words and the recognised filters, for members.
        "save_pairs": (
            [*words, *filters.pairs()]
            if request.user.is_authenticated and parsed.query is not None and filters.valid
            else None
        ),
    }
    status = 503 if outcome.error else 200
    return _private(TemplateResponse(request, "search/search.html", context, status=status))


@require_GET
def autocomplete_view(request):
    pages = service.autocomplete(request, request.GET.get("q", ""))
    data = {
        "results": [{"title": page.title, "url": page.get_url(request=request)} for page in pages]
    }
    return _private(JsonResponse(data))
