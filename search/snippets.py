"""Highlighted snippets, cut from the database text of a hit (never from the index)."""

from __future__ import annotations

import logging
import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from modelsearch.index import SearchField
from wagtail.documents import get_document_model_string

from core import caches

from .backends import analysis
from .backends.analysis import object_language

logger = logging.getLogger("hub.search")

SNIPPET_CHARS = 220
# Short function words of the six languages: part of thesaurus terms ("trafficking in
# human beings"), never worth a highlight.
MINOR_WORDS = frozenset(
    {"and", "the", "for", "with", "from", "into", "och", "för", "med", "från", "til", "fra"}
    | {"eller", "ja", "sekä", "kanssa", "og", "fyrir", "við", "frá", "sem", "som"}
)
SCAN_CHARS = 40_000
# Text drawn from related objects (a seminar's speakers) follows them within this time.
TEXT_TIMEOUT = 60 * 60
_WORD = re.compile(r"\w+", re.UNICODE)
# A page's or document's text, until it is saved or deleted (each entry alone).
TEXT = caches.register(
    "snippet-text",
    ends_on=("wagtailcore.page", get_document_model_string()),
    per_object=True,
    timeout=TEXT_TIMEOUT,
    doc="The plain text of each page and document that snippets are cut from.",
)


def _values(value):
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [v for item in value for v in _values(item)]
    return [str(value)]


def _stamp(obj) -> tuple:
    """What changes whenever the object's text does (besides the save that forgets it)."""
    return tuple(
        str(getattr(obj, name, ""))
        for name in (
            "live_revision_id",
            "latest_revision_id",
            "last_published_at",
            "file_hash",
            "text_extracted_at",
        )
    )


def source_text(obj) -> str:
    """The object's own text, in search-field order (titles excluded), as plain text.

    Rendering it (a StreamField walk per hit) costs about a millisecond a hit, so the
    text of a page or document is cached until it is saved or published again.
    """
    parts = TEXT.object_parts(obj)
    if parts is None or obj.pk is None:
        return _source_text(obj)
    stamp = _stamp(obj)
    key = TEXT.key(*parts)
    cached = TEXT.read(key)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    text = _source_text(obj)
    TEXT.write(key, (stamp, text))
    return text


def _is_title(field) -> bool:
    """A title, or a title in another language (a practice's ``title_en``): the result
    shows it as such, so it is not repeated in the snippet."""
    return field.field_name == "title" or field.field_name.startswith("title_")


def _source_text(obj) -> str:
    parts = []
    for field in obj.get_search_fields():
        if isinstance(field, SearchField) and not _is_title(field):
            try:
                parts.extend(_values(field.get_value(obj)))
            except Exception:  # a broken field must not break the result list
                logger.exception("Snippet text of %r field %s failed", obj, field.field_name)
    text = strip_tags(" ".join(p for p in parts if p))
    return re.sub(r"\s+", " ", text).strip()[:SCAN_CHARS]


def snippet_for(obj, words) -> str:
    """A short excerpt of ``obj`` around the first query word, words marked with <mark>.

    Args:
        obj: a page (specific) or document.
        words: the query words (and thesaurus alternatives) to highlight.

    Returns:
        Safe HTML.
    """
    text = source_text(obj)
    if not text:
        return ""
    language = object_language(obj)
    wanted = set()
    for word in words:
        if len(word) > 2 and word not in MINOR_WORDS:
            wanted |= analysis.query_forms(word)

    seen = {}  # words repeat: analyse each once

    def hit(token):
        found = seen.get(token)
        if found is None:
            lower = token.lower()
            found = seen[token] = (
                lower in wanted
                or analysis.stem(lower, language) in wanted
                or analysis.fold(lower) in wanted
            )
        return found

    # Only the first match places the window: stop scanning there.
    first = next((m.start() for m in _WORD.finditer(text) if hit(m.group())), None)
    if first is not None:
        start = max(0, text.rfind(" ", 0, max(0, first - SNIPPET_CHARS // 3)) + 1)
    else:
        start = 0
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    out = []
    cursor = start
    for match in _WORD.finditer(text, start) if first is not None else ():
        if match.end() > end:
            break
        if not hit(match.group()):
            continue
        out.append(escape(text[cursor : match.start()]))
        out.append(f"<mark>{escape(match.group())}</mark>")
        cursor = match.end()
    out.append(escape(text[cursor:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(out) + suffix)  # noqa: S308 - every part is escaped
