"""Query expansion with the THB thesaurus (DESIGN §6).

``expand("ihmiskaupan uhreille")`` splits a query into groups of words and gives every
group that names a thesaurus concept the concept's terms in all six languages, so the
query compiler can search for "ihmiskaupan OR människohandel OR mansal …". Words are
matched the way the index analyses them (``search.backends.analysis``): a term word in
language L matches a query word when its stem in L is one of the query word's forms, so
inflected queries ("ihmiskaupan", "victims", "menneskehandelen") find their concept.

The lookup table is built once per process from ``ThesaurusConcept`` and kept until a
concept is saved or deleted (the registered cache ``TABLE``). Other processes notice the
edit through its generation in Django's cache, read once per request.
"""

from dataclasses import dataclass

from core import caches
from core.languages import CODES as LANGUAGES
from search.backends.analysis import query_forms, stem, words
from search.models import ThesaurusConcept

#: Words of a query that are read at all; the rest are dropped (nobody types more, and
#: a pasted page of text must not become a query of hundreds of clauses).
MAX_WORDS = 32
#: Groups that get alternatives; later concepts are recognised but not expanded.
MAX_EXPANDED_GROUPS = 12
#: Alternatives in all groups together, shared out one per group in turn.
MAX_ALTERNATIVES = 30
# Built in each process (it is large, and read on every search), ended in all at once.
TABLE = caches.register(
    "thesaurus",
    ends_on=("search.thesaurusconcept",),
    local=True,
    doc="The thesaurus lookup table.",
)


@dataclass(frozen=True)
class Group:
    """Consecutive query words and what they may also be searched as.

    Attributes:
        text: the words of the query this group covers, lower-cased, joined by spaces.
        alternatives: the other terms of the matched concept in every language (the
            most usual term of each language first); empty for words of no concept.
        concept: the slug of the matched concept, or None.
        languages: the languages of the concept's terms that the words match ("offer":
            Swedish, Norwegian and Danish); empty for words of no concept.
    """

    text: str
    alternatives: tuple[str, ...] = ()
    concept: str | None = None
    languages: tuple[str, ...] = ()


#: Stems shorter than this match only query words at least as long as the term word:
#: Swedish "offer" (victim) stems to "off", which must not catch the English "off".
SHORT_STEM = 4


@dataclass(frozen=True)
class _Term:
    tokens: tuple[str, ...]  # the term's words, stemmed in the term's language
    min_lengths: tuple[int, ...]  # the shortest query word each token accepts
    normal: str  # the term's words joined by spaces, to tell exact matches
    rank: int  # the concept's position, to break ties stably
    language: str = ""  # the language the term is listed in

    def matches(self, query_words, forms, start):
        return all(
            token in forms[start + offset] and len(query_words[start + offset]) >= minimum
            for offset, (token, minimum) in enumerate(
                zip(self.tokens, self.min_lengths, strict=True)
            )
        )


class _Table:
    """Every term of every concept, found by the stem of its first word."""

    def __init__(self, concepts):
        self.slugs = []
        self.alternatives = []
        self.by_first = {}
        for rank, concept in enumerate(concepts):
            self.slugs.append(concept.slug)
            self.alternatives.append(_ordered_terms(concept))
            for language in LANGUAGES:
                for term in concept.terms(language):
                    term_words = words(term)
                    if not term_words:
                        continue
                    tokens = tuple(stem(w, language) for w in term_words)
                    min_lengths = tuple(
                        len(w) if len(token) < SHORT_STEM else 0
                        for w, token in zip(term_words, tokens, strict=True)
                    )
                    entry = _Term(tokens, min_lengths, " ".join(term_words), rank, language)
                    self.by_first.setdefault(tokens[0], []).append(entry)

    def match(self, query_words, forms, start):
        """The best term starting at ``start``: the longest, then an exact one, then the
        first concept. Returns (term, number of words, languages) or None, where languages
        are those of every term of that concept and length the words match."""
        best, best_key = None, None
        matching = []
        for form in forms[start]:
            for term in self.by_first.get(form, ()):
                size = len(term.tokens)
                if start + size > len(query_words):
                    continue
                if not term.matches(query_words, forms, start):
                    continue
                matching.append(term)
                exact = term.normal == " ".join(query_words[start : start + size])
                key = (-size, not exact, term.rank)
                if best_key is None or key < best_key:
                    best, best_key = term, key
        if best is None:
            return None
        size = len(best.tokens)
        languages = sorted(
            {t.language for t in matching if t.rank == best.rank and len(t.tokens) == size}
        )
        return best, size, tuple(languages)


def _ordered_terms(concept):
    """The concept's terms: each language's first term, then the other terms, no repeats."""
    per_language = [concept.terms(language) for language in LANGUAGES]
    ordered = [terms[0] for terms in per_language if terms]
    ordered += [term for terms in per_language for term in terms[1:]]
    seen, unique = set(), []
    for term in ordered:
        key = " ".join(words(term))
        if key and key not in seen:
            seen.add(key)
            unique.append((key, term))
    return tuple(unique)


# -- the cached table ----------------------------------------------------------------------
def _table():
    # The generation is read before the database, so a concurrent edit wins.
    return TABLE.get_or_set(lambda: _Table(ThesaurusConcept.objects.order_by("slug")))


# -- expansion -----------------------------------------------------------------------------
def expand(query: str) -> list[Group]:
    """Split a query into groups of words, expanding every group that names a concept.

    Every word of the query (up to ``MAX_WORDS``) is in exactly one group, in order.
    Multi-word terms ("national referral mechanism") win over shorter ones. At most
    ``MAX_EXPANDED_GROUPS`` groups get alternatives, and at most ``MAX_ALTERNATIVES``
    alternatives are given in all, one group at a time, so a long query stays small.

    Args:
        query: what the user typed, in any of the hub's languages.

    Returns:
        The groups in query order; an empty list for a query without words.
    """
    if not isinstance(query, str):
        return []
    query_words = [w for w in words(query) if any(ch.isalnum() for ch in w)][:MAX_WORDS]
    if not query_words:
        return []
    table = _table()
    forms = [query_forms(w) for w in query_words]
    spans = []  # (text, concept rank or None, languages)
    position = 0
    while position < len(query_words):
        found = table.match(query_words, forms, position)
        size = found[1] if found else 1
        text = " ".join(query_words[position : position + size])
        spans.append((text, found[0].rank if found else None, found[2] if found else ()))
        position += size
    return _share_alternatives(table, spans)


def _share_alternatives(table, spans):
    """Give each concept group its alternatives, in turns of one, within the caps."""
    candidates = {}
    for index, (text, rank, _languages) in enumerate(spans):
        if rank is not None and len(candidates) < MAX_EXPANDED_GROUPS:
            candidates[index] = [term for key, term in table.alternatives[rank] if key != text]
    given = {index: [] for index in candidates}
    budget = MAX_ALTERNATIVES
    turn = 0
    while budget > 0:
        handed = False
        for index, terms in candidates.items():
            if turn < len(terms) and budget > 0:
                given[index].append(terms[turn])
                budget -= 1
                handed = True
        if not handed:
            break
        turn += 1
    return [
        Group(
            text=text,
            alternatives=tuple(given.get(index, ())),
            concept=None if rank is None else table.slugs[rank],
            languages=languages,
        )
        for index, (text, rank, languages) in enumerate(spans)
    ]
