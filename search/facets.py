"""The facets of the search page, and the extra tokens the search index keeps per object.

A page type may define ``search_kind`` (``"practice"``…), ``search_facets()`` (a dict of
facet name -> values for one page) and ``search_facet_queryset()`` (the queryset that
loads those values without one query per page). Pages without them count as plain pages
in the country space they sit in. The same ``search_facets()`` feeds the embedded index
(through ``document_extras``) and the database backend's facet counts, so both backends
show the same numbers.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core import caches
from core.filters import Facet, FacetSet, language_facet, year_facet
from countries import permissions

#: How many values of one facet the search page lists, and how many one filter takes.
MAX_VALUES_PER_FACET = 12

KIND_LABELS = {
    "practice": _("Practice"),
    "seminar": _("Seminar output"),
    "recommendation": _("Recommendation"),
    "page": _("Page"),
    "document": _("Document"),
}


LABELS = caches.register(
    "facet-labels",
    ends_on=(
        "countries.country",
        "countries.countrypage",
        "practices.formofexploitation",
        "practices.sector",
    ),
    doc="{value: label} of countries, country spaces and taxonomy terms, per language.",
)
PAGE_FACETS = caches.register(
    "page-facets",
    ends_on=(caches.CONTENT, caches.PUBLISHED, caches.UNPUBLISHED, caches.MOVED),
    doc="The facet values of every live page.",
)


def _terms(name):
    """The (value, label) choices of a facet named by ``term_labels``."""
    return lambda: term_labels(name).items()


#: The facets of the search page, in the order it shows them (``core.filters``).
FACETS = FacetSet(
    Facet("kind", _("Type"), KIND_LABELS.items),
    Facet("country", _("Country"), _terms("country")),
    Facet("form", _("Form of exploitation"), _terms("form")),
    Facet("sector", _("Sector"), _terms("sector")),
    language_facet(),
    year_facet("year", _("Year")),
    max_values=MAX_VALUES_PER_FACET,
)
#: Whoosh keyword fields: the facets plus the view-restriction tokens.
EXTRA_FIELDS = ("view", *FACETS.names)


def term_labels(name: str) -> dict[str, str]:
    """{value: label} of every country (``country``), country space (``space``: page id
    to country name) or taxonomy term (``form``, ``sector``), in the active language.

    Read from the database once per language until one of them is saved or deleted
    (``LABELS``): a results page needs them for every search.
    """
    language = get_language() or settings.LANGUAGE_CODE

    def load():
        from countries.models import Country, CountryPage
        from practices.models import FormOfExploitation, Sector

        if name == "country":
            return {c.code: c.display_name for c in Country.objects.all()}
        if name == "space":
            return {
                p.pk: p.country.display_name for p in CountryPage.objects.select_related("country")
            }
        model = {"form": FormOfExploitation, "sector": Sector}[name]
        return {t.slug: t.name for t in model.objects.all()}

    return LABELS.get_or_set(load, name, language)


def _country_paths() -> dict[str, str]:
    from countries.models import CountryPage

    return dict(CountryPage.objects.values_list("path", "country__code"))


def country_from_path(path: str, country_paths: dict[str, str]) -> list[str]:
    steplen = Page.steplen
    for i in range(steplen, len(path) + 1, steplen):
        code = country_paths.get(path[:i])
        if code:
            return [code]
    return []


def page_facets(page: Page, country_paths: dict[str, str] | None = None) -> dict[str, list[str]]:
    """The facet values of one page (specific or not)."""
    specific = page.specific_deferred if type(page) is Page else page
    facets = {"kind": [getattr(specific, "search_kind", "page")]}
    own = getattr(specific, "search_facets", None)
    if callable(own):
        for name, values in own().items():
            facets[name] = [str(v) for v in values if v not in (None, "")]
    else:
        if country_paths is None:
            country_paths = _country_paths()
        facets["country"] = country_from_path(page.path, country_paths)
        facets["language"] = [getattr(page.locale, "language_code", "en")[:2]]
    return facets


def document_extras(obj) -> dict[str, list[str]]:
    """The EXTRAS hook of the embedded backend: view tokens and facet values of an object."""
    from wagtail.documents.models import AbstractDocument

    if isinstance(obj, Page):
        extras = page_facets(obj)
        extras["view"] = permissions.page_view_tokens(obj)
        return extras
    if isinstance(obj, AbstractDocument):
        return _document_extras(permissions.collection_view_tokens(obj.collection))
    return {}


def _document_extras(view_tokens):
    return {"view": view_tokens, "kind": ["document"]}


def bulk_document_extras(objects) -> list[dict[str, list[str]]]:
    """document_extras for many objects with a fixed number of queries (rebuilds)."""
    from wagtail.documents.models import AbstractDocument

    pages = [obj for obj in objects if isinstance(obj, Page)]
    # A page's facets read its locale: one query for those not loaded with it.
    prefetch_related_objects(pages, "locale")
    country_paths = _country_paths() if pages else {}
    out = []
    for obj, view in zip(objects, bulk_view_tokens(objects), strict=True):
        if isinstance(obj, Page):
            extras = page_facets(obj, country_paths)
            extras["view"] = view
        elif isinstance(obj, AbstractDocument):
            extras = _document_extras(view)
        else:
            extras = {}
        out.append(extras)
    return out


def bulk_view_tokens(objects) -> list[list[str]]:
    """The view tokens alone of many objects, from their own columns (a page's path, a
    document's collection): a few queries, and no related object is read, so the
    privacy check of ``check_index`` can run often."""
    from wagtail.documents.models import AbstractDocument

    by_path = permissions.view_tokens_by_path() if any(isinstance(o, Page) for o in objects) else {}
    # A collection's tokens are read once for all its documents in the batch.
    by_collection = {}
    out = []
    for obj in objects:
        if isinstance(obj, Page):
            out.append(permissions.tokens_for_path(obj.path, by_path))
        elif isinstance(obj, AbstractDocument):
            if obj.collection_id not in by_collection:
                tokens = permissions.collection_view_tokens(obj.collection)
                by_collection[obj.collection_id] = tokens
            out.append(by_collection[obj.collection_id])
        else:
            out.append([])
    return out


document_extras.fields = EXTRA_FIELDS
document_extras.bulk = bulk_document_extras
document_extras.view = bulk_view_tokens


def bulk_page_facets(pks) -> dict[int, dict[str, list[str]]]:
    """Facet values of many pages (the database backend's path).

    The values of every live page are read once per content generation (any saved page,
    term or country moves it on), a few queries per page type, and kept in the shared
    cache: a search then counts its facets without reading the pages it matched.
    """
    every = _live_page_facets()
    found = {pk: every[pk] for pk in pks if pk in every}
    missing = [pk for pk in pks if pk not in every]
    if missing:  # not live: only a caller that asks for drafts gets here
        found.update(_load_page_facets(missing))
    return found


def _live_page_facets() -> dict[int, dict[str, list[str]]]:
    return PAGE_FACETS.get_or_set(
        lambda: _load_page_facets(Page.objects.live().values_list("pk", flat=True))
    )


def _load_page_facets(pks) -> dict[int, dict[str, list[str]]]:
    by_type: dict[int, list[int]] = {}
    for pk, content_type_id in Page.objects.filter(pk__in=pks).values_list("pk", "content_type"):
        by_type.setdefault(content_type_id, []).append(pk)
    from django.contrib.contenttypes.models import ContentType

    country_paths = _country_paths()
    out = {}
    for content_type_id, type_pks in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class() or Page
        loader = getattr(model, "search_facet_queryset", None)
        queryset = loader() if callable(loader) else model.objects.select_related("locale")
        for page in queryset.filter(pk__in=type_pks):
            out[page.pk] = page_facets(page, country_paths)
    return out
