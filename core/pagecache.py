"""A whole-page cache for anonymous visitors, emptied whenever content changes.

Only what every anonymous visitor is shown alike is kept: a GET of a public page (200) by a
request carrying no session, whose response sets no cookie, used no CSRF token (so no form
that posts) and is not marked private (unless its view says it is alike for every anonymous
visitor, as search results are: private to shared caches downstream, kept here).
Signed-in people, restricted pages (anonymous visitors get a redirect to sign in, never a
200), the admin and the account pages are never cached.

The key holds the host, the language, the path and query, and the generation of the
registered cache ``PAGES`` (core.caches), which any saved or deleted content (pages,
snippets, documents, settings, taxonomies) moves on, so a publish is seen by the next
request; entries also expire after PAGE_CACHE_SECONDS
because some pages depend on the date (upcoming seminars, due dates).
"""

import contextlib
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.db.models import prefetch_related_objects
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.models import Site

from core import access, caches

PAGES = caches.register(
    "page-cache",
    ends_on=(
        caches.CONTENT,
        caches.PUBLISHED,
        caches.UNPUBLISHED,
        caches.MOVED,
        # Who is in which group, and what a group may do, decide what a signed-in
        # person is shown (the user bar and its admin links).
        caches.RIGHTS,
        caches.VIEW_RESTRICTIONS,
    ),
    doc="Whole pages served to anonymous visitors.",
)
PAGE_TREE = caches.register(
    "page-tree",
    ends_on=(caches.CONTENT, caches.PUBLISHED, caches.UNPUBLISHED, caches.MOVED),
    doc="Each page's children by slug, and each host's site with its root page.",
)
# Files (documents, images) are checked against their collection's privacy on each request.
NEVER_CACHED_PREFIXES = ("/admin/", "/account/", "/i18n/", "/healthz", "/documents/", "/media/")
MAX_QUERY_LENGTH = 256
# Paths that never ask which site they are on.
UNSITED = ("/healthz", "/static/")
# Cookies an anonymous visitor may carry and still be served the shared copy.
SHAREABLE_COOKIES = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}
CACHE_HEADER = "X-Page-Cache"


def _cacheable_request(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not request.path.startswith(NEVER_CACHED_PREFIXES)
        and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_LENGTH
        and set(request.COOKIES) <= SHAREABLE_COOKIES
    )


def _cacheable_response(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False
    if getattr(request, "session", None) is not None and request.session.modified:
        return False
    if getattr(response, "same_for_every_anonymous_visitor", False):
        return True  # private to downstream caches, but alike for every anonymous visitor
    cache_control = response.get("Cache-Control", "")
    return not any(word in cache_control for word in ("private", "no-cache", "no-store"))


def _key(request):
    full_path = request.get_full_path()
    digest = hashlib.sha256(
        f"{request.get_host()}|{translation.get_language()}|{full_path}".encode()
    ).hexdigest()
    return PAGES.key(digest)


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request) or request.user.is_authenticated:
            return self.get_response(request)
        key = _key(request)
        stored = cache.get(key)
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status, headers=headers)
            response[CACHE_HEADER] = "hit"
            return response
        response = self.get_response(request)
        if _cacheable_response(request, response):
            headers = {k: v for k, v in response.items() if k.lower() != "set-cookie"}
            cache.set(
                key,
                (response.status_code, headers, response.content),
                settings.PAGE_CACHE_SECONDS,
            )
            response[CACHE_HEADER] = "miss"
        return response


class CachedPageMixin:
    """For every page model: what serving a page reads about the tree, read once per
    content generation (any saved page, restriction or setting moves it on) and shared by
    every process and visitor. Nothing here depends on who asks: the serve hooks still
    check each request against the restrictions.
    """

    #: Relations every view of the page reads, kept with it in the shared cache.
    shared_prefetch = ()
    #: Relations only the page's cached part reads (core/fragments.py): loaded when that
    #: part must be rendered, not carried with the page on every request.
    fragment_prefetch = ()

    def get_view_restrictions(self):
        # Asked by both serve hooks and the robots tag: once per request, and from the
        # shared cache (countries.permissions.page_view_restrictions).
        cached = self.__dict__.get("_hub_view_restrictions")
        if cached is None:
            cached = access.rules().page_view_restrictions(self)
            self._hub_view_restrictions = cached
        return cached

    def route(self, request, path_components):
        """Wagtail's routing, with each (specific) child found by slug kept in the shared
        cache instead of two queries per level of the URL."""
        if not path_components:
            return super().route(request, path_components)
        # The slug as sent is hashed: any text reaches here, and cache keys must be short
        # and plain for every cache backend.
        slug = hashlib.sha256(path_components[0].encode()).hexdigest()[:32]

        def load():
            child = self.get_children().filter(slug=path_components[0]).first()
            if child is not None:
                child = child.specific
                if child.shared_prefetch:
                    prefetch_related_objects([child], *child.shared_prefetch)
            return child

        child = PAGE_TREE.get_or_set(
            load, "child", self.pk, self.path, slug, timeout=settings.PAGE_CACHE_SECONDS or 600
        )
        if child is None:
            return super().route(request, path_components)  # Wagtail's 404
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])


class SharedSiteMiddleware:
    """Wagtail finds the request's site (one query) and the site's root page (two more)
    on every request; here both come from the shared cache, read once per content
    generation (saving a site or a page moves it on)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The health check reads the database itself, and reports when it cannot.
        if not hasattr(request, "_wagtail_site") and not request.path.startswith(UNSITED):
            # On a database error, left to the view (which reports it, or fails alone).
            with contextlib.suppress(DatabaseError):
                request._wagtail_site = shared_site(request)
        return self.get_response(request)


def shared_site(request):
    """The Site this request is for (or None), its root page loaded as its own type."""
    hostname = split_domain_port(request._get_raw_host())[0]
    # Any text may arrive in the Host header: cache keys must be short and plain.
    digest = hashlib.sha256(f"{hostname}|{request.get_port()}".encode()).hexdigest()[:32]

    def load():
        site = Site._find_for_request(request) or False
        if site:
            site.root_page.specific  # noqa: B018 -- loaded now, kept with the site
        return site

    site = PAGE_TREE.get_or_set(load, "site", digest, timeout=settings.PAGE_CACHE_SECONDS or 600)
    return site or None
