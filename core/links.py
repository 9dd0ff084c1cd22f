"""The hub's absolute links: every one it gives out starts with the ``BASE_URL`` setting.

Exports, feeds, emails, calendar files and the API are read away from the request that
made them (a spreadsheet, a feed reader, a mailbox), so they never take the host name a
request happened to use. Wagtail builds its own absolute links (the sitemap, the pages
API's ``html_url``, the admin's "view live") from the default Site record: ``setup_spaces``
sets that record from ``BASE_URL`` too, and the ``core.W003`` check warns when they differ.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings


def base_url() -> str:
    """The hub's public address: the scheme and host (and port) of ``BASE_URL``.

    Returns:
        ``https://hub.example.org``, without a trailing slash; any path is dropped, as
        Wagtail's Site record cannot hold one.
    """
    parts = urlsplit(settings.BASE_URL.strip())
    return f"{parts.scheme}://{parts.netloc}"


def absolute_url(path: str | None = "/") -> str:
    """A path of the hub made absolute with :func:`base_url`.

    Args:
        path: a path such as ``page.url`` or ``reverse(…)`` (a query and fragment may
            follow); an address that is already absolute (a page of another Wagtail
            site) comes back unchanged. Empty or None means the home page.

    Returns:
        The absolute address.
    """
    if not path:
        return f"{base_url()}/"
    parts = urlsplit(path)
    if parts.scheme and parts.netloc:
        return path
    # Joined, not urljoin()ed: a path starting with "//" must stay on the hub's host.
    return f"{base_url()}/{path.lstrip('/')}"


def page_url(page, request=None) -> str:
    """The absolute address of a page, or ``""`` when it has none (not under a site).

    Args:
        page: a Wagtail page.
        request: the current request, if any (Wagtail reads the site from it).

    Returns:
        The address on :func:`base_url`.
    """
    url = page.get_url(request=request)
    return absolute_url(url) if url else ""


def site_host_and_port() -> tuple[str, int]:
    """The hostname and port of Wagtail's default Site record that match ``BASE_URL``.

    Wagtail derives a site's scheme from its port (443 is https, anything else http), so
    ``https://hub.example.org`` is ``("hub.example.org", 443)`` and
    ``http://127.0.0.1:8000`` is ``("127.0.0.1", 8000)``.
    """
    parts = urlsplit(base_url())
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return parts.hostname or "", port
