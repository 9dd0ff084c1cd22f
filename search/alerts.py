"""The emails of saved searches: each owner's new matches, daily or weekly.

``send_alerts`` (``manage.py send_alerts``, run daily by cron or a systemd timer like the
tracker's digest) runs every due saved search as its owner at sending time, through the
page's own code: ``search.service.new_matches`` for a search, ``practices.library.Library``
for a library filter. So an alert holds only what its reader may view when it is sent,
whatever changed since the search was saved. What is new: pages first published (and
documents added) after the last email, or after the search was saved.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils import timezone, translation
from wagtail.models import Site

from core.links import absolute_url, site_host_and_port
from core.mailer import chosen_languages, email_language, send_emails, templated_email
from practices.library import Library
from practices.models import PracticePage

from . import saved as saved_searches
from . import service
from .backends.errors import SearchIndexError
from .backends.timelimit import TimeLimitExceeded
from .facets import KIND_LABELS
from .models import SavedSearch

logger = logging.getLogger("hub.search")

#: How long after the last email an alert is due again: a little less than a day or a
#: week, so a job run at the same hour every day is never a few seconds early.
DUE_AFTER = {
    SavedSearch.Frequency.DAILY: datetime.timedelta(hours=23),
    SavedSearch.Frequency.WEEKLY: datetime.timedelta(days=6, hours=23),
}
#: How many new matches one email lists; it says how many more there are.
LISTED = 10


@dataclass
class Item:
    title: str
    url: str
    kind: str = ""


@dataclass
class Alert:
    items: list[Item] = field(default_factory=list)
    total: int = 0


def reader_request(user, params, language: str):
    """A GET of ``user`` for the page's query ``params`` on the hub's own host
    (``BASE_URL``): what the page would be asked, so the page's code answers as it would
    answer them (its visibility, its site, its language)."""
    host, port = site_host_and_port()
    request = HttpRequest()
    request.method = "GET"
    request.path = request.path_info = "/"
    request.GET = params
    request.META = {
        "SERVER_NAME": host or "localhost",
        "SERVER_PORT": str(port),
        "HTTP_HOST": host if port in (80, 443) else f"{host}:{port}",
        "wsgi.url_scheme": "https" if port == 443 else "http",
    }
    # The hub's default site, as Wagtail's middleware would have found it for the host.
    request._wagtail_site = (
        Site.objects.select_related("root_page").filter(is_default_site=True).first()
        or Site.objects.select_related("root_page").first()
    )
    request.user = user if user.is_active else AnonymousUser()
    request.LANGUAGE_CODE = language
    return request


def _since(saved: SavedSearch):
    return saved.last_sent_at or saved.created


def due(saved: SavedSearch, now) -> bool:
    after = DUE_AFTER.get(saved.frequency)
    return after is not None and now - _since(saved) >= after


def matches(saved: SavedSearch, language: str) -> Alert:
    """The new matches of a saved search its owner may view now."""
    params = saved_searches.params_of(saved)
    request = reader_request(saved.owner, params, language)
    since = _since(saved)
    alert = Alert()
    if saved.kind == SavedSearch.Kind.LIBRARY:
        fresh = PracticePage.objects.live().filter(first_published_at__gt=since)
        built = Library(request, base=fresh).build(paginate=False)
        if not built["filters"].valid:  # a term removed since it was saved
            logger.info("Saved search %s names what no longer exists.", saved.pk)
            return alert
        results = list(built["results"])
        alert.total = len(results)
        alert.items = [Item(p.title, absolute_url(p.url)) for p in results[:LISTED]]
        return alert
    found = service.new_matches(request, params, since)
    alert.total = found.found
    alert.items = [Item(hit.page.title, absolute_url(hit.page.url), hit.kind) for hit in found.hits]
    for document in found.documents:
        page = document.pages[0] if document.pages else None
        alert.items.append(
            Item(
                document.document.title,
                absolute_url(page.url if page else ""),
                str(KIND_LABELS["document"]),
            )
        )
    alert.items = alert.items[:LISTED]
    return alert


def send_alerts(now=None) -> int:
    """Email every due saved search's new matches to its owner.

    Nothing is sent for a search without new matches (it stays due: what becomes
    visible later is sent then); an owner without an address or inactive gets nothing.

    Returns:
        How many emails were sent.
    """
    now = now or timezone.now()
    candidates = (
        SavedSearch.objects.exclude(frequency=SavedSearch.Frequency.OFF)
        .filter(owner__is_active=True)
        .exclude(owner__email="")
        .select_related("owner")
        .order_by("pk")
    )
    due_ones = [saved for saved in candidates if due(saved, now)]
    languages = chosen_languages({saved.owner_id for saved in due_ones})
    messages, sent_ids = [], []
    for saved in due_ones:
        language = email_language(languages.get(saved.owner_id), saved.language)
        try:
            with translation.override(language):
                alert = matches(saved, language)
        except (TimeLimitExceeded, SearchIndexError):
            continue  # tried again at the next run, from the same moment
        if not alert.total:
            continue
        context = {
            "saved": saved,
            "alert": alert,
            "more": max(alert.total - len(alert.items), 0),
            "run_url": absolute_url(saved_searches.run_url(saved)),
            "page_url": absolute_url("/account/following/"),
            "unsubscribe_url": saved_searches.unsubscribe_url(saved),
            "weekly": saved.frequency == SavedSearch.Frequency.WEEKLY,
        }
        messages.append(
            templated_email(
                "search/email/alert",
                context,
                [saved.owner.email],
                language=language,
                unsubscribe_url=context["unsubscribe_url"],
            )
        )
        sent_ids.append(saved.pk)
    count = send_emails(messages)
    SavedSearch.objects.filter(pk__in=sent_ids).update(last_sent_at=now)
    return count
