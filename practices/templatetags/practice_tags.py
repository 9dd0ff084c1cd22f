"""What other pages show of the practice library: a country's practices, the latest ones.

The pages that show them (a country's page, the home page) live in layers that must not
import the library; their templates ask for it here. The other way round, what the layers
above show on a practice's page (the seminars that presented it, the recommendations that
cite it) comes through the hook ``PRACTICE_PAGE_RELATED``, which those layers register."""

from django import template
from django.utils.safestring import SafeString
from wagtail import hooks

from countries.permissions import viewable_pages
from practices.library import library_context
from practices.models import PracticePage

register = template.Library()

#: Wagtail hook name: ``fn(request, practice) -> str`` renders a section of the practice's
#: page (HTML, "" for none), listing only what the reader may view. Registered by the
#: apps above the library (seminars, recommendations) in their ``wagtail_hooks.py``, in
#: the hook's ``order``. What it renders sits in the practice's cached fragment, so it
#: may depend only on the content and on what the reader may view.
PRACTICE_PAGE_RELATED = "practice_page_related"


#: Wagtail hook name: ``fn(request, query) -> str`` renders an action on a list of
#: practices (HTML, "" for none), ``query`` being the list's filters as a query string
#: (a country page's own country included). Registered by the layers above the library
#: (search: "Save this search") in their ``wagtail_hooks.py``.
LIBRARY_ACTIONS = "practice_library_actions"


@register.simple_tag(takes_context=True)
def library_actions(context, query=""):
    """``{% library_actions export_query as actions %}``: the actions the layers above
    the library offer on this list of practices, each already rendered."""
    request = context.get("request")
    if request is None:
        return []
    actions = []
    for render in hooks.get_hooks(LIBRARY_ACTIONS):
        html = render(request, query or "")
        if html:
            actions.append(SafeString(html))
    return actions


@register.simple_tag(takes_context=True)
def practice_related_sections(context, practice):
    """``{% practice_related_sections page as sections %}``: the sections the layers above
    the library add to a practice's page, each already rendered, empty ones left out."""
    request = context["request"]
    sections = []
    for render in hooks.get_hooks(PRACTICE_PAGE_RELATED):
        html = render(request, practice)
        if html:
            sections.append(SafeString(html))
    return sections


@register.simple_tag(takes_context=True)
def country_library(context, country_page):
    """``{% country_library page as found %}``: the library of one country's practices,
    filtered by the request's query, without the country facet; ``found`` holds what
    ``practices/includes/library.html`` reads."""
    return library_context(
        context["request"],
        country_page,
        base=PracticePage.objects.filter(country_page=country_page),
        hide=("country",),
        export_filter=[("country", country_page.country.code)],
    )


@register.simple_tag(takes_context=True)
def latest_practices(context, count=6):
    """``{% latest_practices 6 as practices %}``: the newest practices the visitor may view."""
    return list(
        viewable_pages(context["request"], PracticePage.objects.all())
        .select_related("country_page__country")
        .prefetch_related("forms")
        .order_by("-first_published_at")[:count]
    )


@register.filter
def offers_english_to(practice, reader_language):
    """``{% if practice|offers_english_to:LANGUAGE_CODE %}``: whether the reader is shown
    the practice's English title and summary (``PracticePage.offers_english_to``); False
    for any other page, so search results may ask it of every hit."""
    offers = getattr(practice, "offers_english_to", None)
    return bool(offers and offers(reader_language))
