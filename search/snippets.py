"""Highlighted snippets, cut from the database text of a hit (never from the index)."""

from __future__ import annotations

import logging
import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString
from modelsearch.index import SearchField
from wagtail.documents import get_document_model_string

from core import caches, languages

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


class Snippet(SafeString):
    """A snippet's HTML and ``language``, the language of the text it was cut from, which
    the result marks it with (a practice's English summary is English, whatever the
    practice's own language)."""

    language = ""


def source_text(obj) -> list[tuple[str, str]]:
    """The object's own text, in search-field order (title excluded), as plain text in
    runs of one language: [(language, text)].

    Rendering it (a StreamField walk per hit) costs about a millisecond a hit, so the
    text of a page or document is cached until it is saved or published again.
    """
    parts = TEXT.object_parts(obj)
    if parts is None or obj.pk is None:
        return _source_text(obj)
    stamp = _stamp(obj)
    key = TEXT.key(*parts)
    cached = TEXT.read(key)
    if cached is not None and cached[0] == stamp and isinstance(cached[1], list):
        return cached[1]
    text = _source_text(obj)
    TEXT.write(key, (stamp, text))
    return text


def _is_title(field) -> bool:
    """A title, or a title in another language (a practice's ``title_en``, a network
    page's ``title_fi``): the result shows it as such, so it is not repeated in the
    snippet."""
    return field.field_name == "title" or field.field_name.startswith("title_")


def field_language(obj, field_name: str) -> str:
    """The language a search field of ``obj`` is written in: the language a field in one
    language names (``summary_en``, ``intro_fi``), else the object's own; "" when the
    object does not say (a document)."""
    suffix = field_name.rpartition("_")[2]
    if field_name != suffix and suffix in languages.CODES:
        return suffix  # a field in one language: ``summary_en``, ``intro_fi``
    says = (
        callable(getattr(obj, "get_search_language", None))
        or getattr(obj, "language", None)
        or getattr(obj, "locale_id", None)
    )
    return object_language(obj) if says else ""


def _source_text(obj) -> list[tuple[str, str]]:
    runs = []
    budget = SCAN_CHARS
    for field in obj.get_search_fields():
        if not isinstance(field, SearchField) or _is_title(field):
            continue
        try:
            values = _values(field.get_value(obj))
        except Exception:  # a broken field must not break the result list
            logger.exception("Snippet text of %r field %s failed", obj, field.field_name)
            continue
        text = re.sub(r"\s+", " ", strip_tags(" ".join(v for v in values if v))).strip()
        if not text or budget <= 0:
            continue
        text = text[:budget]
        budget -= len(text) + 1
        language = field_language(obj, field.field_name)
        if runs and runs[-1][0] == language:
            runs[-1] = (language, f"{runs[-1][1]} {text}")
        else:
            runs.append((language, text))
    return runs


def snippet_for(obj, words) -> Snippet | str:
    """A short excerpt of ``obj`` around the first query word, words marked with <mark>.

    Args:
        obj: a page (specific) or document.
        words: the query words (and thesaurus alternatives) to highlight.

    Returns:
        Safe HTML (a Snippet: its ``language`` is the text's), or "" when there is no text.
    """
    runs = source_text(obj)
    if not runs:
        return ""
    wanted = set()
    for word in words:
        if len(word) > 2 and word not in MINOR_WORDS:
            wanted |= analysis.query_forms(word)

    fallback = object_language(obj)  # stems the text of an object that has no language
    seen = {}  # words repeat: analyse each once

    def hit(token, text_language):
        found = seen.get((token, text_language))
        if found is None:
            lower = token.lower()
            found = seen[token, text_language] = (
                lower in wanted
                or analysis.stem(lower, text_language or fallback) in wanted
                or analysis.fold(lower) in wanted
            )
        return found

    # Only the first match places the window (in its run of one language): stop there.
    text_language, text = runs[0]
    first = None
    for run_language, run in runs:
        first = next((m.start() for m in _WORD.finditer(run) if hit(m.group(), run_language)), None)
        if first is not None:
            text_language, text = run_language, run
            break
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
        if not hit(match.group(), text_language):
            continue
        out.append(escape(text[cursor : match.start()]))
        out.append(f"<mark>{escape(match.group())}</mark>")
        cursor = match.end()
    out.append(escape(text[cursor:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    snippet = Snippet(prefix + "".join(out) + suffix)  # every part is escaped
    snippet.language = text_language
    return snippet
