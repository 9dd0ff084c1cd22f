"""System checks of the hub's public address, ``BASE_URL`` (core/links.py)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.checks import Warning as CheckWarning
from django.db import DatabaseError

from .links import base_url, site_host_and_port

#: Wagtail's settings that hub/settings/base.py sets from BASE_URL.
DERIVED_SETTINGS = ("WAGTAILADMIN_BASE_URL", "WAGTAILAPI_BASE_URL")


@register(Tags.urls)
def check_base_url(app_configs=None, **kwargs):
    """BASE_URL is an http(s) address with a host, which Wagtail's settings repeat."""
    parts = urlsplit(settings.BASE_URL.strip())
    try:
        parts.port  # noqa: B018 - reading it validates it
    except ValueError:
        parts = parts._replace(netloc="")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return [
            Error(
                f"BASE_URL ({settings.BASE_URL!r}) is not an http or https address.",
                hint="Set BASE_URL to the hub's public address, such as https://hub.example.org.",
                id="core.E001",
            )
        ]
    messages = []
    plain = parts.path in ("", "/") and not parts.query and not parts.fragment
    # Wagtail derives a site's scheme from its port: https is port 443, and only it.
    https_port = parts.port in (None, 443) if parts.scheme == "https" else parts.port != 443
    if not (plain and https_port):
        messages.append(
            CheckWarning(
                f"BASE_URL ({settings.BASE_URL!r}) is not a plain address: links use "
                f"{base_url()}, and Wagtail's Site record cannot hold it exactly.",
                hint="Use scheme and host only (https on port 443, or http on any port).",
                id="core.W001",
            )
        )
    for name in DERIVED_SETTINGS:
        value = getattr(settings, name, None)
        if value != settings.BASE_URL:
            messages.append(
                CheckWarning(
                    f"{name} ({value!r}) differs from BASE_URL ({settings.BASE_URL!r}).",
                    hint="Set only BASE_URL: hub/settings/base.py derives the others from it.",
                    id="core.W002",
                )
            )
    return messages


@register(Tags.sites, Tags.database)
def check_default_site(app_configs=None, databases=None, **kwargs):
    """Wagtail's default Site has BASE_URL's host and port (``migrate`` and
    ``check --database default`` run this; plain ``check`` reads no database)."""
    if not databases or "default" not in databases:
        return []
    from wagtail.models import Site

    try:
        site = Site.objects.filter(is_default_site=True).first()
        expected = site_host_and_port()
    except DatabaseError:  # not migrated yet
        return []
    except ValueError:  # a port that is no number: core.E001 says so
        return []
    if site is None or (site.hostname, site.port) == expected:
        return []
    return [
        CheckWarning(
            f"Wagtail's default site is {site.root_url}, but BASE_URL is {base_url()}: "
            "the sitemap and the API's html_url would point elsewhere than every other link.",
            hint="Run manage.py setup_spaces: it sets the default site from BASE_URL.",
            id="core.W003",
        )
    ]
