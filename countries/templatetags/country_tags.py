"""What other pages show of the country spaces (the home page's list of spaces)."""

from django import template

from countries.models import CountryPage
from countries.permissions import viewable_pages

register = template.Library()


@register.simple_tag(takes_context=True)
def country_spaces(context):
    """``{% country_spaces as spaces %}``: the country pages the visitor may view, in the
    countries' order."""
    return list(
        viewable_pages(context["request"], CountryPage.objects.all())
        .select_related("country")
        .order_by("country__sort_order", "country__name")
    )
