"""Template tags every layer's templates use: languages, dates, links, readable files
and the shared fragment cache."""

import datetime

from django import template
from django.conf import settings
from wagtail.models import Locale

from core import caches, document_links, fragments, languages, links
from core.translation import Translated

register = template.Library()


@register.filter
def language_name(code):
    return languages.NAMES.get(code, code)


# Locale pk -> language code. Locales are few and rarely change: one query fills the
# table in each process, and saving or deleting a locale ends it in every process.
LOCALE_CODES = caches.register(
    "locale-codes",
    ends_on=("wagtailcore.locale",),
    local=True,
    doc="Locale pk -> language code.",
)


def _read_locale_codes():
    return dict(Locale.objects.values_list("pk", "language_code"))


def _locale_language(page):
    locale_field = type(page)._meta.get_field("locale")
    if locale_field.is_cached(page):
        return getattr(page.locale, "language_code", "")
    locale_id = getattr(page, "locale_id", None)
    if locale_id is None:
        return ""
    codes = LOCALE_CODES.get_or_set(_read_locale_codes)
    if locale_id not in codes:  # a miss refills the table
        codes = _read_locale_codes()
        LOCALE_CODES.set(codes)
    return codes.get(locale_id, "")


def _own_language(page):
    """The ``language`` field of the page's specific model (practices), if it has one."""
    specific_class = getattr(page, "specific_class", None)
    if specific_class is not None and not isinstance(page, specific_class):
        if not hasattr(specific_class, "language"):
            return ""  # no need to load the specific page
        page = page.specific_deferred
    language = getattr(page, "language", "")
    return language if isinstance(language, str) else ""


@register.filter
def content_language(page):
    """The language a page's own content (title, intro, body) is written in.

    The ``language`` of pages that have one (practices), else the language of the page's
    Wagtail locale, else the site's default. Templates put it in ``lang`` on content shown
    inside an interface in another language (WCAG 3.1.2, language of parts).
    """
    if not page:  # None, or a missing template variable
        return settings.LANGUAGE_CODE
    language = _own_language(page)
    if not language and hasattr(page, "locale_id"):
        language = _locale_language(page)
    return language or settings.LANGUAGE_CODE


@register.simple_tag
def translated(obj, name):
    """``obj``'s field ``name`` in the reader's language, as a ``Translated``: its ``value``,
    its ``language`` (for ``lang``) and whether it is the English ``fallback``.

    ``{% translated page "title" as title %}<h1 lang="{{ title.language }}">{{ title }}</h1>``
    Objects without translated fields give their own text in their own language.
    """
    if not obj:
        return Translated("", settings.LANGUAGE_CODE)
    specific_class = getattr(obj, "specific_class", None)
    if (
        specific_class is not None
        and not isinstance(obj, specific_class)
        and callable(getattr(specific_class, "translated", None))
    ):
        obj = obj.specific_deferred  # a page read as a plain Page (menus, breadcrumbs)
    if callable(getattr(obj, "translated", None)):
        return obj.translated(name)  # translated fields, or a name the page derives
    return Translated(getattr(obj, name, ""), content_language(obj))


@register.filter(expects_localtime=True)
def html_datetime(value):
    """A date, time or datetime as the ``datetime`` attribute of ``<time>``: ISO 8601 in
    the current time zone, to the second (HTML allows at most three digits of a
    fraction of a second; Django's ``date:"c"`` gives all six)."""
    if isinstance(value, datetime.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, datetime.time):
        return value.isoformat(timespec="seconds" if value.second else "minutes")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return ""


@register.simple_tag
def absolute_url(path):
    """``{% absolute_url path %}``: the path on the hub's public address, ``BASE_URL``
    (core/links.py), for links read away from the site (emails)."""
    return links.absolute_url(path)


@register.simple_tag(takes_context=True)
def readable_document(context, document):
    """``{% readable_document page.report as report %}``: the document, or None when the
    reader may not open it (core/document_links.py)."""
    return document_links.readable_document(context.get("request"), document)


@register.simple_tag(takes_context=True)
def readable_blocks(context, stream):
    """``{% readable_blocks page.resources as resources %}``: the stream's items, less the
    documents the reader may not open (core/document_links.py)."""
    return document_links.readable_children(context.get("request"), stream)


@register.filter
def whole_minutes(duration):
    """A timedelta as whole minutes, rounded up (a lock-out of 14 min 10 s reads 15)."""
    return -(-int(duration.total_seconds()) // 60) if duration else 0


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        vary_on = [value.resolve(context) for value in self.vary_on]
        return fragments.render(context, self.name, vary_on, self.nodelist)


@register.tag("hubcache")
def do_hubcache(parser, token):
    """``{% hubcache "name" value ... %}…{% endhubcache %}``: the enclosed part, kept for
    everyone who sees the same content (core/fragments.py says what a key holds and
    what may go inside)."""
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(f"'{bits[0]}' takes a quoted name first.")
    nodelist = parser.parse(("endhubcache",))
    parser.delete_first_token()
    return FragmentNode(nodelist, bits[1][1:-1], [parser.compile_filter(bit) for bit in bits[2:]])
