"""Template tags of the site's frame (base.html): its settings, navigation and breadcrumbs."""

from django import template
from wagtail.models import Site

from core import caches, languages
from core.translation import Translated
from countries.permissions import viewable_pages
from home.models import HubSettings

register = template.Library()

NEUTRAL_EXIT_URL = "https://www.yr.no/"
SITE_SETTINGS = caches.register(
    "site-settings",
    ends_on=("home.hubsettings", "wagtailcore.site"),
    doc="Each site's HubSettings.",
)


def _settings(context):
    request = context.get("request")
    if request is None:
        return None
    cached = getattr(request, "_hub_settings", None)
    if cached is None:
        site = Site.find_for_request(request)
        cached = _site_settings(site) if site is not None else False
        request._hub_settings = cached
    return cached or None


def _site_settings(site):
    """The site's HubSettings, read until they or the site are saved."""
    return SITE_SETTINGS.get_or_set(lambda: HubSettings.for_site(site), site.pk)


@register.simple_tag(takes_context=True)
def quick_exit_url(context):
    hub_settings = _settings(context)
    return hub_settings.quick_exit_url if hub_settings else NEUTRAL_EXIT_URL


@register.simple_tag(takes_context=True)
def hub_setting(context, name):
    hub_settings = _settings(context)
    return getattr(hub_settings, name, "") if hub_settings else ""


@register.simple_tag(takes_context=True)
def translated_setting(context, name):
    """A translated HubSettings field (the footer text) in the reader's language, or the
    English text marked as the fallback (``core.translation.Translated``)."""
    hub_settings = _settings(context)
    if not hub_settings:
        return Translated("", languages.DEFAULT)
    return hub_settings.translated(name)


@register.simple_tag(takes_context=True)
def nav_sections(context):
    """Top navigation: the home page's children in menus, filtered to what the user sees,
    as their specific pages (their titles are translated)."""
    request = context.get("request")
    if request is None:
        return []
    cached = getattr(request, "_hub_nav", None)
    if cached is None:
        site = Site.find_for_request(request)
        if site is None:
            return []
        cached = list(
            viewable_pages(request, site.root_page.get_children().in_menu())
            .order_by("path")
            .specific()
        )
        request._hub_nav = cached
    return cached


@register.simple_tag(takes_context=True)
def breadcrumbs(context):
    """Ancestors of the current page the user may view, from the home page down, as their
    specific pages (their titles are translated)."""
    request = context.get("request")
    page = context.get("page")
    if request is None or page is None or page.depth <= 2:
        return []
    ancestors = page.get_ancestors().filter(depth__gte=2)
    return list(viewable_pages(request, ancestors).order_by("depth").specific())
