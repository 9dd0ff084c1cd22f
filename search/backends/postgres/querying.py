"""Queries: a modelsearch query as one constant ``tsquery``, and a ranking expression.

A query word is not tied to a language: like the Whoosh engine, each word is looked for
in the forms every configuration gives it (English, Finnish, Swedish, Norwegian, Danish
stems, and the accent-folded word for Icelandic), so a query in any language finds
documents in every language. The tsquery is computed once per search (``prepare``), and
the statement then uses it as a constant: the GIN index finds the matches, ``ts_rank``
scores each by the words typed (``compile(ranked=True)``) and the best of them by the
whole query (``results.RERANKED``).
"""

from __future__ import annotations

from django.db import connection
from modelsearch import query as msq
from modelsearch.backends.base import BaseSearchQueryCompiler
from modelsearch.index import AutocompleteField, SearchField

from .. import analysis
from .documents import CONFIGS

#: The configurations a query word is analysed with (the folded word is added to them).
QUERY_CONFIGS = sorted({config for config in CONFIGS.values() if config})
MAX_QUERY_WORDS = 32


class _Constant:
    """A query part that matches everything or nothing, decided before SQL."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


ALL = _Constant("ALL")
NONE = _Constant("NONE")


def _quote_lexeme(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


class Expression:
    """The text of a tsquery (``'traffick' | 'trafficking'``), composed in Python."""

    def __init__(self, text):
        self.text = text

    @classmethod
    def join(cls, parts, operator):
        return cls("(" + f" {operator} ".join(p.text for p in parts) + ")")


#: {word: its distinct forms as tsquery texts ("" for a configuration's stopword)};
#: {phrase: its distinct forms}. Filled from PostgreSQL in one statement per search
#: for the words not seen yet, then kept for the process (bounded).
_WORD_FORMS: dict[str, tuple[str, ...]] = {}
_PHRASE_FORMS: dict[str, tuple[str, ...]] = {}
MAX_CACHED_FORMS = 50_000


def _fetch(function, texts, cache):
    missing = sorted({text for text in texts if text not in cache})
    if not missing:
        return
    if len(cache) + len(missing) > MAX_CACHED_FORMS:
        cache.clear()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT w, {function}(c::regconfig, w)::text "
            "FROM unnest(%s::text[]) w, unnest(%s::text[]) c",
            [missing, QUERY_CONFIGS],
        )
        found: dict[str, list[str]] = {}
        for text, form in cursor.fetchall():
            found.setdefault(text, []).append(form or "")
    for text in missing:
        cache[text] = tuple(found.get(text, ()))


def prefetch(words=(), phrases=()):
    """Read the forms of the words and phrases not known yet, in two statements at most."""
    _fetch("plainto_tsquery", words, _WORD_FORMS)
    _fetch("phraseto_tsquery", phrases, _PHRASE_FORMS)


def _distinct(forms, folded):
    """One tsquery of the distinct forms (a form of several lexemes kept together)."""
    kept = [
        f"({form})" if " " in form else form
        for form in dict.fromkeys(form for form in (*forms, folded) if form)
    ]
    return kept[0] if len(kept) == 1 else "(" + " | ".join(kept) + ")"


def word_expression(word: str) -> Expression:
    """Every form of one word: each configuration's stem, the folded word, and the forms
    of the shared analysis (its stems, extra forms and compound parts, which documents
    are also indexed with)."""
    prefetch(words=[word])
    shared = [_quote_lexeme(form) for form in sorted(analysis.query_forms(word))]
    return Expression(_distinct((*_WORD_FORMS[word], *shared), _quote_lexeme(analysis.fold(word))))


def phrase_expression(words: list[str]) -> Expression:
    text = " ".join(words)
    prefetch(phrases=[text])
    folded = " <-> ".join(_quote_lexeme(analysis.fold(word)) for word in words)
    return Expression(_distinct(_PHRASE_FORMS[text], folded))


def is_stopword(word: str) -> bool:
    """Whether a configuration drops ``word`` (English "the", Swedish "och"…): documents
    in that language do not hold it, so requiring it would exclude them."""
    prefetch(words=[word])
    return "" in _WORD_FORMS[word]


def without_stopwords(words: list[str]) -> list[str]:
    """The words no configuration drops; all of them when every one is dropped."""
    kept = [word for word in words if not is_stopword(word)]
    return kept or words


def _combine(parts, operator):
    """And (``&&``) or Or (``||``) of compiled parts, with the constants folded away."""
    if operator == "&&":
        if any(p is NONE for p in parts):
            return NONE
        parts = [p for p in parts if p is not ALL]
        if not parts:
            return ALL
    else:
        if any(p is ALL for p in parts):
            return ALL
        parts = [p for p in parts if p is not NONE]
        if not parts:
            return NONE
    if len(parts) == 1:
        return parts[0]
    return Expression.join(parts, "&" if operator == "&&" else "|")


def _negate(part):
    if part is ALL:
        return NONE
    if part is NONE:
        return ALL
    return Expression(f"!{part.text}")


class PostgresSearchQueryCompiler(BaseSearchQueryCompiler):
    """A modelsearch query and queryset, compiled for the index table."""

    HANDLES_ORDER_BY_EXPRESSIONS = True
    TARGET_FIELD = SearchField
    #: The document column searched, and whether each word is a prefix.
    column = "vector"
    prefix = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.model = self.queryset.model

    # Filters stay in the database: the caller's queryset is joined as it is, so every
    # lookup modelsearch allows behaves exactly as in the ORM; ``check()`` (modelsearch)
    # still refuses filters on fields that are not FilterFields.

    def field_names(self):
        """The searched fields' names when the search names them (``fields=``), else None."""
        if self.fields is None:
            return None
        known = {
            field.field_name
            for field in self.model.get_search_fields()
            if isinstance(field, self.TARGET_FIELD)
        }
        return [name for name in self.fields if name in known]

    # The text query ---------------------------------------------------------------------

    def compile(self, query=None, ranked=False):
        """The query as an Expression of tsquery, or ALL / NONE.

        ``ranked``: the part that ``ts_rank`` scores, without the alternatives a query
        was widened with (plain text boosted below 1: the thesaurus's other terms). They
        still find documents; ranking them too cost one pass over every match per
        alternative, dozens for a broad concept (see ``results.MATCH_FLOOR``).
        """
        if query is None:
            query = self.query
            if not self.prefix:
                words, phrases = [], []
                _texts(query, words, phrases)
                prefetch(words, phrases)
        if isinstance(query, msq.MatchAll):
            return ALL
        if isinstance(query, msq.Not):
            return _negate(self.compile(query.subquery, ranked))
        if isinstance(query, msq.And):
            return _combine([self.compile(q, ranked) for q in query.subqueries], "&&")
        if isinstance(query, msq.Or):
            return _combine([self.compile(q, ranked) for q in query.subqueries], "||")
        if isinstance(query, msq.Boost):
            return self.compile(query.subquery, ranked)
        if ranked and getattr(query, "boost", 1.0) < 1.0:
            return NONE
        if isinstance(query, msq.PlainText):
            words = without_stopwords(analysis.words(query.query_string)[:MAX_QUERY_WORDS])
            if not words:
                return NONE
            operator = "&&" if query.operator == "and" else "||"
            return _combine([self.word(w) for w in words], operator)
        if isinstance(query, msq.Phrase):
            words = analysis.words(query.query_string)[:MAX_QUERY_WORDS]
            if not words:
                return NONE
            if len(words) == 1 or self.prefix:
                return _combine([self.word(w) for w in words], "&&")
            return phrase_expression(words)
        if isinstance(query, msq.Fuzzy):
            # No trigram extension needed: a fuzzy search is a prefix search of each word.
            words = analysis.words(query.query_string)[:MAX_QUERY_WORDS]
            if not words:
                return NONE
            operator = "&&" if query.operator == "and" else "||"
            return _combine([prefix_expression(w) for w in words], operator)
        raise NotImplementedError(
            f"{type(query).__name__} is not supported by the PostgreSQL search backend."
        )

    def word(self, word):
        return word_expression(word)

    def boosts(self, query=None, factor=1.0):
        """[(Expression, factor)] to rank by when the query boosts parts of itself, else
        None (one ts_rank of the whole query)."""
        query = self.query if query is None else query
        if not _has_boost(query):
            return None
        if isinstance(query, msq.Boost):
            return self.boosts(query.subquery, factor * query.boost) or [
                (self.compile(query.subquery), factor * query.boost)
            ]
        if isinstance(query, (msq.Or, msq.And)):
            out = []
            for sub in query.subqueries:
                out.extend(self.boosts(sub, factor) or [(self.compile(sub), factor)])
            return out
        return [(self.compile(query), factor)]


def _texts(query, words, phrases):
    """Gather the words and phrases of a query (their forms are read in one go)."""
    if isinstance(query, msq.PlainText):
        words.extend(analysis.words(query.query_string)[:MAX_QUERY_WORDS])
    elif isinstance(query, msq.Phrase):
        found = analysis.words(query.query_string)[:MAX_QUERY_WORDS]
        if len(found) > 1:
            phrases.append(" ".join(found))
        words.extend(found)
    for sub in (*getattr(query, "subqueries", ()), getattr(query, "subquery", None)):
        if sub is not None:
            _texts(sub, words, phrases)


def _has_boost(query):
    if isinstance(query, msq.Boost):
        return True
    return any(_has_boost(q) for q in getattr(query, "subqueries", ()))


def prefix_expression(word: str) -> Expression:
    """The folded word as a prefix (autocomplete): 'poseid':*."""
    return Expression(_quote_lexeme(analysis.fold(word)) + ":*")


class PostgresAutocompleteQueryCompiler(PostgresSearchQueryCompiler):
    """Prefix matching of the folded words of AutocompleteFields, without stemming."""

    TARGET_FIELD = AutocompleteField
    column = "autocomplete"
    prefix = True

    def word(self, word):
        return prefix_expression(word)
