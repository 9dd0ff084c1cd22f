"""What a visitor types, turned into a modelsearch query, safely.

Anything may arrive in ``?q=``: very long text, control characters, unbalanced quotes,
lone operators, floods of wildcards. The parser keeps words and "quoted phrases", honours
``-word`` exclusions, drops the rest, caps the size, and expands each word or term through
the THB thesaurus so a query in one Nordic language finds practices written in another.
It never raises on user input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from modelsearch.query import And, Not, Or, Phrase, PlainText

from core.forms import typed_line

from . import thesaurus
from .backends import analysis

MAX_QUERY_CHARS = 200
MAX_PARTS = 12
_TOKEN_RE = re.compile(r'(-?)"([^"]*)"|(\S+)')
_OPERATORS = {"and", "or", "not", "&&", "||", "+", "-", "!", "near"}


#: Ways to read a query compound as two words that are searched too ("marjanpoimijat" is
#: also "marjan poimijat"): the likeliest cuts, longest last part first.
MAX_COMPOUND_READINGS = 2
#: Relevance weights inside a word's alternatives: the word as typed counts more than its
#: thesaurus alternatives, so a document in the query's own words is not outscored by one
#: that holds several alternatives of another language ("human trafficking" also matches
#: "trafficking"), whose scores add up.
TYPED_BOOST = 2.0
ALTERNATIVE_BOOST = 0.5


@dataclass
class ParsedQuery:
    """The cleaned text, the query to run (None: nothing to search) and what to highlight.

    ``parts`` are the query's positive parts (a word or a thesaurus term with what it
    expands to, or a quoted phrase) and ``part_texts`` what the visitor typed for each;
    ``query`` needs all of them, ``any_query()`` any one (the ranked fallback).
    ``languages`` says which languages the words are written in (``query_languages``).
    """

    text: str
    query: object | None
    highlight: set[str] = field(default_factory=set)
    expansions: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    parts: list[object] = field(default_factory=list)
    part_texts: list[str] = field(default_factory=list)
    exclusions: list[object] = field(default_factory=list)
    languages: dict[str, float] = field(default_factory=dict)

    def any_query(self):
        """The query that needs any one part (and none of the excluded words), or None
        when there is only one part (then it is ``query`` itself)."""
        if len(self.parts) < 2:
            return None
        query = Or(list(self.parts))
        for exclusion in self.exclusions:
            query = query & Not(exclusion)
        return query

    def part_query(self, index):
        """The query of one part alone (to tell which words found nothing)."""
        return self.parts[index]


def clean(raw: str | None) -> str:
    """Normalise, drop control and format characters, collapse spaces, cap the length."""
    return typed_line(raw, MAX_QUERY_CHARS)


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
    texts: list[str] = []
    groups = []
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
            options = [base]
            if len(words) == 1:
                # A compound is also searched as its two parts, written apart or inside
                # other compounds (the index holds compounds' last parts too).
                for head, tail in analysis.query_splits(words[0])[:MAX_COMPOUND_READINGS]:
                    options.append(PlainText(f"{head} {tail}", operator="and"))
            if group.alternatives:
                parsed.expansions.append((group.text, group.alternatives))
                # The term typed and its alternatives match all their words, not as a
                # phrase: positional matching reads every candidate's whole text, which
                # made a concept of two words ("sexual exploitation") the slowest search
                # on PostgreSQL; a phrase the visitor quotes is still matched as one.
                options[0] = PlainText(group.text, operator="and", boost=TYPED_BOOST)
                options += [
                    PlainText(alt, operator="and", boost=ALTERNATIVE_BOOST)
                    for alt in group.alternatives
                ]
                for alternative in group.alternatives:
                    parsed.highlight.update(_words_of(alternative))
            parts.append(options[0] if len(options) == 1 else Or(options))
            texts.append(group.text)
    for phrase in phrases:
        parsed.words.extend(_words_of(phrase))
        parsed.highlight.update(_words_of(phrase))
        parts.append(Phrase(phrase))
        texts.append(phrase)
    parsed.languages = query_languages(groups, phrases)
    parts = parts[:MAX_PARTS]
    if not parts:
        return parsed
    parsed.parts, parsed.part_texts = parts, texts[:MAX_PARTS]
    parsed.exclusions = excluded[:MAX_PARTS]
    query = parts[0] if len(parts) == 1 else And(parts)
    for exclusion in parsed.exclusions:
        query = query & Not(exclusion)
    parsed.query = query
    return parsed


def query_languages(groups, phrases=()) -> dict[str, float]:
    """The languages a query is written in: {code: share of the telling words}, or {}.

    Backend-neutral, from two kinds of evidence per word: the thesaurus (a word of a
    concept is written in the languages whose terms it matches: "mansals" is Icelandic,
    "menneskehandelen" Norwegian or Danish) and its spelling (``analysis.word_languages``:
    function words such as "och", letters such as "þ" or "ø"). The thesaurus wins where
    both tell and disagree. A word that tells nothing is left out; a word of several
    languages counts for each in equal shares; the shares add up to 1.
    """
    votes: dict[str, float] = {}
    telling = 0
    pieces = [(group.text, tuple(group.languages)) for group in groups]
    pieces += [(phrase, ()) for phrase in phrases]
    for text, concept_languages in pieces:
        for word in _words_of(text):
            spelt = analysis.word_languages(word)
            languages = set(concept_languages) or set(spelt)
            if concept_languages and spelt and set(concept_languages) & spelt:
                languages = set(concept_languages) & spelt
            if not languages:
                continue
            telling += 1
            for code in languages:
                votes[code] = votes.get(code, 0.0) + 1.0 / len(languages)
    return {code: share / telling for code, share in sorted(votes.items())} if telling else {}
