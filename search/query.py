"""What a visitor types, turned into a modelsearch query, safely.

Anything may arrive in ``?q=``: very long text, control characters, unbalanced quotes,
lone operators, floods of wildcards. The parser keeps words and "quoted phrases", honours
``-word`` exclusions, drops the rest, caps the size, and expands each word or term through
the THB thesaurus so a query in one Nordic language finds practices written in another.
It never raises on user input.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from modelsearch.query import And, Not, Or, Phrase, PlainText

from . import thesaurus
from .backends import analysis

MAX_QUERY_CHARS = 200
MAX_PARTS = 12
_TOKEN_RE = re.compile(r'(-?)"([^"]*)"|(\S+)')
_OPERATORS = {"and", "or", "not", "&&", "||", "+", "-", "!", "near"}


@dataclass
class ParsedQuery:
    """The cleaned text, the query to run (None: nothing to search) and what to highlight."""

    text: str
    query: object | None
    highlight: set[str] = field(default_factory=set)
    expansions: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    words: list[str] = field(default_factory=list)


def clean(raw: str | None) -> str:
    """Normalise, drop control and format characters, collapse spaces, cap the length."""
    text = unicodedata.normalize("NFC", str(raw or ""))
    text = "".join(
        " " if unicodedata.category(ch)[0] in ("C", "Z") else ch
        for ch in text[: MAX_QUERY_CHARS * 4]
    )
    text = re.sub(r"\s+", " ", text).strip()
    return text[:MAX_QUERY_CHARS].strip()


def _words_of(text: str) -> list[str]:
    return analysis.words(text)


def parse(raw: str | None, expand: bool = True) -> ParsedQuery:
    """Parse a visitor's query.

    Args:
        raw: the text typed in the search box.
        expand: expand words through the thesaurus.

    Returns:
        A ParsedQuery; its ``query`` is None when nothing searchable is left.
    """
    text = clean(raw)
    if text.count('"') % 2:
        # An unbalanced quote: the last one is dropped, the words behind it stay.
        cut = text.rfind('"')
        text_for_tokens = text[:cut] + text[cut + 1 :]
    else:
        text_for_tokens = text
    positive_words: list[str] = []
    phrases: list[str] = []
    excluded: list[object] = []
    for match in _TOKEN_RE.finditer(text_for_tokens):
        negated_phrase, phrase, token = match.groups()
        if phrase is not None:
            words = _words_of(phrase)
            if not words:
                continue
            if negated_phrase:
                excluded.append(Phrase(" ".join(words)))
            else:
                phrases.append(" ".join(words))
            continue
        if token.lower() in _OPERATORS:
            continue
        negated = token.startswith("-") and len(token) > 1
        words = _words_of(token)
        if not words:
            continue  # punctuation, wildcards, lone operators
        if negated:
            excluded.append(PlainText(" ".join(words), operator="and"))
        else:
            positive_words.extend(words)

    parsed = ParsedQuery(text=text, query=None)
    parts: list[object] = []
    if positive_words:
        groups = thesaurus.expand(" ".join(positive_words)) if expand else []
        if not groups:
            groups = [
                thesaurus.Group(text=w, alternatives=(), concept=None) for w in positive_words
            ]
        for group in groups:
            words = _words_of(group.text)
            base = PlainText(group.text, operator="and") if len(words) == 1 else Phrase(group.text)
            parsed.words.extend(words)
            parsed.highlight.update(words)
            if group.alternatives:
                parsed.expansions.append((group.text, group.alternatives))
                # Alternatives match all their words, not as a phrase: positional matching
                # of dozens of alternatives is what makes a search slow.
                options = [base, *(PlainText(alt, operator="and") for alt in group.alternatives)]
                for alternative in group.alternatives:
                    parsed.highlight.update(_words_of(alternative))
                parts.append(Or(options))
            else:
                parts.append(base)
    for phrase in phrases:
        parsed.words.extend(_words_of(phrase))
        parsed.highlight.update(_words_of(phrase))
        parts.append(Phrase(phrase))
    parts = parts[:MAX_PARTS]
    if not parts:
        return parsed
    query = parts[0] if len(parts) == 1 else And(parts)
    for exclusion in excluded[:MAX_PARTS]:
        query = query & Not(exclusion)
    parsed.query = query
    return parsed
