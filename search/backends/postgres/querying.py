"""Queries: a modelsearch query as one constant ``tsquery``, and a ranking expression.

A query word is not tied to a language: like the Whoosh engine, each word is looked for
in the forms every configuration gives it (English, Finnish, Swedish, Norwegian, Danish
stems, and the accent-folded word for Icelandic), so a query in any language finds
documents in every language. The tsquery is computed once per search (``prepare``), and
the statement then uses it as a constant: the GIN index finds the matches and
``ts_rank`` runs once per match, on the requested page's candidates only.
"""

from __future__ import annotations

from functools import lru_cache

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
    """SQL text of a tsquery expression and its parameters."""

    def __init__(self, sql, params=()):
        self.sql = sql
        self.params = list(params)

    @classmethod
    def join(cls, parts, operator):
        return cls(
            "(" + f" {operator} ".join(p.sql for p in parts) + ")",
            [param for p in parts for param in p.params],
        )


def word_expression(word: str) -> Expression:
    """Every form of one word: each configuration's stem, and the folded word."""
    parts = [f"plainto_tsquery('{config}'::regconfig, %s)" for config in QUERY_CONFIGS]
    parts.append("plainto_tsquery('simple'::regconfig, %s)")
    return Expression(
        "(" + " || ".join(parts) + ")", [word] * len(QUERY_CONFIGS) + [analysis.fold(word)]
    )


def phrase_expression(words: list[str]) -> Expression:
    text = " ".join(words)
    parts = [f"phraseto_tsquery('{config}'::regconfig, %s)" for config in QUERY_CONFIGS]
    parts.append("phraseto_tsquery('simple'::regconfig, %s)")
    folded = " ".join(analysis.fold(word) for word in words)
    return Expression("(" + " || ".join(parts) + ")", [text] * len(QUERY_CONFIGS) + [folded])


@lru_cache(maxsize=20_000)
def is_stopword(word: str) -> bool:
    """Whether a configuration drops ``word`` (English "the", Swedish "och"…): documents
    in that language do not hold it, so requiring it would exclude them."""
    tests = " OR ".join(
        f"numnode(plainto_tsquery('{config}'::regconfig, %s)) = 0" for config in QUERY_CONFIGS
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {tests}", [word] * len(QUERY_CONFIGS))
        return bool(cursor.fetchone()[0])


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
    return parts[0] if len(parts) == 1 else Expression.join(parts, operator)


def _negate(part):
    if part is ALL:
        return NONE
    if part is NONE:
        return ALL
    return Expression(f"(!!{part.sql})", part.params)


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

    def compile(self, query=None):
        """The query as an Expression of tsquery, or ALL / NONE."""
        query = self.query if query is None else query
        if isinstance(query, msq.MatchAll):
            return ALL
        if isinstance(query, msq.Not):
            return _negate(self.compile(query.subquery))
        if isinstance(query, msq.And):
            return _combine([self.compile(q) for q in query.subqueries], "&&")
        if isinstance(query, msq.Or):
            return _combine([self.compile(q) for q in query.subqueries], "||")
        if isinstance(query, msq.Boost):
            return self.compile(query.subquery)
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


def _has_boost(query):
    if isinstance(query, msq.Boost):
        return True
    return any(_has_boost(q) for q in getattr(query, "subqueries", ()))


def prefix_expression(word: str) -> Expression:
    """The folded word as a prefix (autocomplete): 'poseid':*."""
    return Expression(
        "to_tsquery('simple'::regconfig, %s)", [_quote_lexeme(analysis.fold(word)) + ":*"]
    )


class PostgresAutocompleteQueryCompiler(PostgresSearchQueryCompiler):
    """Prefix matching of the folded words of AutocompleteFields, without stemming."""

    TARGET_FIELD = AutocompleteField
    column = "autocomplete"
    prefix = True

    def word(self, word):
        return prefix_expression(word)
