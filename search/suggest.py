"""'Did you mean': spelling suggestions from words the visitor may see.

The vocabulary is the titles and summaries of the pages this visitor may view (plus the
thesaurus, which is public), so a suggestion can never reveal a word from a page the
visitor may not open. A suggestion is offered only if it finds something.
"""

from __future__ import annotations

import difflib
import hashlib

from wagtail.models import Page

from core import caches
from core.languages import CODES
from countries import permissions
from countries.permissions import viewable_pages

from .backends import analysis

MIN_WORD_LENGTH = 4
VOCABULARY = caches.register(
    "vocabulary",
    ends_on=(
        caches.PUBLISHED,
        caches.UNPUBLISHED,
        caches.deleted("wagtailcore.page"),
        # What a visitor may see: a page moved under a restriction, or a new restriction.
        caches.MOVED,
        caches.VIEW_RESTRICTIONS,
        "search.thesaurusconcept",
    ),
    timeout=600,
    doc="Visible words grouped by (first letter, length), per privacy scope.",
)


def _vocabulary(request) -> dict[tuple[str, int], list[str]]:
    """Visible words grouped by (first letter, length), cached per privacy scope."""
    from .models import ThesaurusConcept

    scope = "|".join(permissions.failed_tokens(request))
    digest = hashlib.sha1(scope.encode(), usedforsecurity=False).hexdigest()[:16]

    def load():
        words = set()
        pages = viewable_pages(request, Page.objects.all()).values_list(
            "title", "search_description"
        )
        for title, description in pages.iterator():
            words.update(analysis.words(f"{title} {description}"))
        for concept in ThesaurusConcept.objects.all():
            for language in CODES:
                words.update(analysis.words(" ".join(concept.terms(language))))
        grouped = {}
        for word in words:
            if len(word) >= MIN_WORD_LENGTH - 1 and not word.isdigit():
                grouped.setdefault((word[0], len(word)), []).append(word)
        return grouped

    return VOCABULARY.get_or_set(load, digest)


def correct(request, words: list[str]) -> str | None:
    """A corrected query, or None when every word is known or nothing close exists."""
    if not words:
        return None
    grouped = _vocabulary(request)
    known = {w for group in grouped.values() for w in group}
    out, changed = [], False
    for word in words:
        if len(word) < MIN_WORD_LENGTH or word.isdigit() or word in known:
            out.append(word)
            continue
        candidates = [
            w for n in range(len(word) - 2, len(word) + 3) for w in grouped.get((word[0], n), ())
        ]
        match = difflib.get_close_matches(word, candidates, n=1, cutoff=0.75)
        if match:
            out.append(match[0])
            changed = True
        else:
            out.append(word)
    return " ".join(out) if changed else None
