"""Saving a search or a library filter, changing or deleting it, and the one-click
unsubscribe of its emails.

Saving and changing are the owner's (signed in, CSRF-checked POSTs; another member's
saved search is not found: 404). The unsubscribe link of an alert email carries a signed
token bound to the owner and the saved search: a GET shows what it stops and a button
(link scanners open links), a POST stops the emails. The POST is also RFC 8058's
one-click unsubscribe, sent by mail clients without cookies or CSRF token: the view is
exempt from CSRF, the token is its authentication.
"""

from __future__ import annotations

import logging
import unicodedata

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import unsubscribe as links

from . import saved as saved_searches
from .models import SavedSearch

logger = logging.getLogger("hub.search")

FOLLOWING_URL = "/account/following/"


def _clean_name(value: str) -> str:
    """A name as typed, on one line: whitespace runs become one space, and control
    characters (a NUL byte among them, which PostgreSQL refuses in text) are dropped."""
    printable = "".join(
        character
        for character in value
        if unicodedata.category(character) != "Cc" or character.isspace()
    )
    return " ".join(printable.split())[: saved_searches.MAX_NAME]


def _back(request, fallback: str) -> str:
    """Where to return after a POST: the page it came from (``next``), if on this site."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


@login_required
@require_POST
def save(request):
    """POST ``kind`` (search or library) and the page's own parameters: save them.

    Parameters the page does not know are dropped; a value that names nothing → 400
    with the page's message, and nothing is saved.
    """
    kind = request.POST.get("saved_kind", "")
    normalised = saved_searches.normalise(kind, request.POST)
    problems = list(normalised.problems)
    mine = SavedSearch.objects.filter(owner=request.user)
    if (
        not problems
        and mine.count() >= saved_searches.MAX_PER_PERSON
        and not mine.filter(kind=kind, query=normalised.query).exists()
    ):
        problems.append(
            _(
                "You keep %(count)d saved searches, the most one person may. Delete one "
                "you no longer need under What you follow, then save this one."
            )
            % {"count": saved_searches.MAX_PER_PERSON}
        )
    if problems:
        return TemplateResponse(
            request,
            "search/saved_refused.html",
            {"problems": problems, "back": _back(request, "/")},
            status=400,
        )
    language = (getattr(request, "LANGUAGE_CODE", "") or "en")[:5]
    try:
        with transaction.atomic():
            saved, created = SavedSearch.objects.get_or_create(
                owner=request.user,
                kind=kind,
                query=normalised.query,
                defaults={"name": normalised.name, "language": language},
            )
    except IntegrityError:  # a double click raced the first one: it is saved either way
        saved, created = (
            SavedSearch.objects.get(owner=request.user, kind=kind, query=normalised.query),
            False,
        )
    if created:
        messages.success(
            request,
            _("Saved: “%(name)s”. New matches will reach you by email weekly.")
            % {"name": saved.name},
        )
    else:
        messages.info(request, _("You had already saved “%(name)s”.") % {"name": saved.name})
    return redirect(_back(request, FOLLOWING_URL))


@login_required
@require_POST
def change(request, pk):
    """POST: the owner renames a saved search, sets how often it is emailed, or deletes
    it (``action=delete``)."""
    saved = get_object_or_404(SavedSearch, pk=pk, owner=request.user)
    if request.POST.get("action") == "delete":
        saved.delete()
        messages.success(request, _("Deleted: “%(name)s”.") % {"name": saved.name})
        return redirect(FOLLOWING_URL)
    frequency = request.POST.get("frequency", saved.frequency)
    name = _clean_name(request.POST.get("name", saved.name))
    if frequency not in SavedSearch.Frequency.values or not name:
        messages.error(
            request,
            _("Choose daily, weekly or no email, and give the search a name."),
        )
        return redirect(FOLLOWING_URL)
    saved.frequency, saved.name = frequency, name
    saved.save(update_fields=["frequency", "name"])
    messages.success(request, _("Saved: “%(name)s”.") % {"name": saved.name})
    return redirect(FOLLOWING_URL)


class Unsubscribe(links.UnsubscribeView):
    """``/search/saved/unsubscribe/<token>/``: GET asks, POST stops the emails."""

    salt = saved_searches.SALT
    template_name = "search/saved_unsubscribe.html"

    def target(self, parts):
        if not all(links.is_id(part) for part in parts):
            return None
        owner_id, pk = parts
        return {"saved": SavedSearch.objects.filter(owner_id=owner_id, pk=pk).first()}

    def stop(self, target):
        saved = target["saved"]
        if saved is not None and saved.frequency != SavedSearch.Frequency.OFF:
            saved.frequency = SavedSearch.Frequency.OFF
            saved.save(update_fields=["frequency"])


unsubscribe = Unsubscribe.as_view()
