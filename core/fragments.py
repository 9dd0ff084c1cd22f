"""Cached parts of pages, shared by everyone who may see the same things.

The anonymous page cache (``pagecache``) serves whole pages, but only to anonymous
visitors. Members, staff, and anonymous requests the page cache passes by still render
every page; the parts of it that depend only on the content and on what the visitor may
view (navigation, breadcrumbs, a practice's body, the home page's lists) are kept here.

A fragment's key holds, besides the names and values its template gives:

- the generation of the registered cache ``FRAGMENTS`` (core.caches), which every saved
  page, snippet, document, restriction or setting moves on, so a publish is seen by the
  next request, and which a change of anyone's groups or of a group's rights moves on too
  (the user bar);
- the host and the interface language;
- the audience: signed in or not, and the view restrictions the visitor fails. Two people
  share a fragment only when they may view exactly the same pages and documents.

A fragment must therefore show nothing that depends on who asks beyond that: no names,
no edit or follow controls, no CSRF token (a fragment that used one is never stored).
Previews are never cached: they show a draft.
"""

import hashlib

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.utils import translation

from core import access, caches

FRAGMENTS = caches.register(
    "fragments",
    ends_on=(
        caches.CONTENT,
        caches.PUBLISHED,
        caches.UNPUBLISHED,
        caches.MOVED,
        caches.RIGHTS,
        caches.VIEW_RESTRICTIONS,
    ),
    doc="Parts of pages shared by everyone who may view the same things.",
)


def audience(request) -> str:
    """A short key for what this request's user may view (read once per request).

    Args:
        request: the request.

    Returns:
        The same string for every user who is signed in (or not) alike and fails the
        same view restrictions.
    """
    return access.rules().audience_key(request)


def key(request, name: str, vary_on=()) -> str:
    """The cache key of fragment ``name`` for this request and these values."""
    values = "|".join(str(value) for value in vary_on)
    digest = hashlib.sha256(
        "|".join(
            [request.get_host(), translation.get_language() or "", audience(request), values]
        ).encode()
    ).hexdigest()[:32]
    return FRAGMENTS.key(name, digest)


def cacheable(request) -> bool:
    return (
        request is not None
        and settings.FRAGMENT_CACHE_SECONDS > 0
        and hasattr(request, "user")
        and not getattr(request, "is_preview", False)
    )


class _TokenWatch:
    """Stands for the template's ``csrf_token`` and notes whether the fragment used it."""

    def __init__(self, token):
        self.token = token
        self.used = False

    def __str__(self):
        self.used = True
        return str(self.token)

    def __bool__(self):
        return bool(self.token)


def render(context, name: str, vary_on, nodelist) -> str:
    """The fragment from the cache, or ``nodelist`` rendered and stored (unless it used
    the CSRF token, which is the visitor's own)."""
    request = context.get("request")
    if not cacheable(request):
        if request is not None and not getattr(request, "is_preview", False):
            _load_what_fragments_read(context)  # a preview's relations are in memory
        return nodelist.render(context)
    fragment_key = key(request, name, vary_on)
    html = FRAGMENTS.read(fragment_key)
    if html is not None:
        return html
    _load_what_fragments_read(context)
    watch = _TokenWatch(context.get("csrf_token", ""))
    with context.push(csrf_token=watch):
        html = nodelist.render(context)
    if not watch.used:
        FRAGMENTS.write(fragment_key, html, settings.FRAGMENT_CACHE_SECONDS)
    return html


def _load_what_fragments_read(context):
    page = context.get("page")
    if getattr(page, "fragment_prefetch", ()):
        prefetch_related_objects([page], *page.fragment_prefetch)
