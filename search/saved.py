"""Saved searches and library filters: what is stored, and the signed unsubscribe link.

A saved search is the query string of ``/search/`` or of the library, normalised by the
same filter cleaning the pages use (``core.filters`` through each page's ``FACETS``):
only the parameters the page knows, each value as stored, in one order. A value that
names nothing is refused with the page's own message, never stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext as _

from core import unsubscribe as links
from core.links import absolute_url
from practices import library

from .facets import FACETS as SEARCH_FACETS
from .models import SavedSearch
from .query import parse

SALT = "search.saved.unsubscribe"
MAX_NAME = 200
#: How many searches one person may keep: each is run for its alerts, so the sending
#: stays bounded however many are saved.
MAX_PER_PERSON = 100
#: The length of ``SavedSearch.query``.
MAX_QUERY = 2000


@dataclass
class Normalised:
    query: str = ""
    name: str = ""
    problems: list[str] = field(default_factory=list)


def _facet_summary(facets, selected) -> list[str]:
    parts = []
    for facet in facets:
        values = selected.get(facet.name)
        if not values:
            continue
        labels = {option.value: option.label for option in facet.options()}
        shown = ", ".join(str(labels.get(value, value)) for value in values)
        parts.append(f"{facet.label}: {shown}")
    return parts


def normalise(kind: str, params) -> Normalised:
    """The stored form of a search's (``kind`` "search") or the library's ("library")
    parameters, a readable name for it, and what was refused (then nothing is saved)."""
    if kind == SavedSearch.Kind.SEARCH:
        parsed = parse(params.get("q"))
        filters = SEARCH_FACETS.clean(params)
        if parsed.query is None:
            return Normalised(problems=[_("Type one or more words to search for, then save.")])
        if not filters.valid:
            return Normalised(problems=filters.problems())
        selected = {name: sorted(values) for name, values in filters.selected.items()}
        filters.selected = selected
        query = filters.query(before=[("q", parsed.text)])
        words = _("“%(words)s”") % {"words": parsed.text}
        name = " · ".join([words, *_facet_summary(SEARCH_FACETS, selected)])
    elif kind == SavedSearch.Kind.LIBRARY:
        options = {facet.name: facet.options() for facet in library.FACETS}
        filters = library.FACETS.clean(params, options)
        if not filters.valid:
            return Normalised(problems=filters.problems())
        selected = {name: sorted(values) for name, values in filters.selected.items()}
        filters.selected = selected
        query = filters.query()
        summary = _facet_summary(library.FACETS, selected)
        name = _("Practices: %(filters)s") % {
            "filters": "; ".join(summary) if summary else _("all")
        }
    else:
        return Normalised(problems=[_("This cannot be saved.")])
    if len(query) > MAX_QUERY:
        return Normalised(problems=[_("This search is too long to be saved.")])
    return Normalised(query=query, name=name[:MAX_NAME])


def params_of(saved: SavedSearch) -> dict[str, list[str]]:
    """The saved query string as a QueryDict-like mapping (``getlist`` and ``get``)."""
    from django.http import QueryDict

    return QueryDict(saved.query)


def run_url(saved: SavedSearch, request=None) -> str:
    """Where the saved search is run: the search page or the library, with its query."""
    if saved.kind == SavedSearch.Kind.SEARCH:
        base = reverse("search:search")
    else:
        base = (library.library_url(request) if request is not None else None) or ""
        if not base:
            from practices.models import PracticeIndexPage

            index = PracticeIndexPage.objects.live().first()
            base = index.url if index else "/"
    return f"{base}?{saved.query}" if saved.query else base


def make_token(saved: SavedSearch) -> str:
    """The signed token of a saved search's unsubscribe link (bound to its owner)."""
    return links.make_token(SALT, saved.owner_id, saved.pk)


def unsubscribe_url(saved: SavedSearch) -> str:
    return absolute_url(reverse("search:saved_unsubscribe", args=[make_token(saved)]))
