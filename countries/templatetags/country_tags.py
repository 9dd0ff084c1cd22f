"""What other pages show of the country spaces (the home page's list of spaces), and
what the layers above add to a country space's page (``COUNTRY_PAGE_SECTIONS``)."""

from django import template
from django.utils.safestring import SafeString
from wagtail import hooks

from countries.models import CountryPage
from countries.permissions import viewable_pages

register = template.Library()

#: Wagtail hook name: ``fn(request, country_page) -> str`` renders a section of a country
#: space's page (HTML, "" for none), for this reader. Registered by the layers above the
#: spaces (questions: "Questions and answers") in their ``wagtail_hooks.py``, in the hook's
#: ``order``. The country page is not a cached fragment: a section may depend on the person.
COUNTRY_PAGE_SECTIONS = "country_page_sections"


@register.simple_tag(takes_context=True)
def country_page_sections(context, country_page):
    """``{% country_page_sections page as sections %}``: the sections the layers above the
    spaces add to a country space's page, each already rendered, empty ones left out."""
    request = context.get("request")
    if request is None:
        return []
    sections = []
    for render in hooks.get_hooks(COUNTRY_PAGE_SECTIONS):
        html = render(request, country_page)
        if html:
            sections.append(SafeString(html))
    return sections


@register.simple_tag(takes_context=True)
def country_spaces(context):
    """``{% country_spaces as spaces %}``: the country pages the visitor may view, in the
    countries' order."""
    return list(
        viewable_pages(context["request"], CountryPage.objects.all())
        .select_related("country")
        .order_by("country__sort_order", "country__name")
    )
