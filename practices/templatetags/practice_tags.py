"""What other pages show of the practice library: a country's practices, the latest ones.

The pages that show them (a country's page, the home page) live in layers that must not
import the library; their templates ask for it here."""

from django import template

from countries.permissions import viewable_pages
from practices.library import library_context
from practices.models import PracticePage

register = template.Library()


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
