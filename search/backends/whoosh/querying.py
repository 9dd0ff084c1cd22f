"""Queries: modelsearch queries and querysets compiled into Whoosh queries.

Whoosh's query parser is never used. A query word is expanded to its forms in every
language (``analysis``) and searched only in the terms the index holds. Filters on the
model's own ``FilterField``\\ s become Whoosh queries; a filter the index cannot answer
exactly (across a relation, on a subquery) is left to the database (``NEEDS_DATABASE``).
"""

import itertools
import time

from django.db.models.expressions import BaseExpression
from django.db.models.sql.query import Query as SQLQuery
from modelsearch import query as msq
from modelsearch.backends.base import BaseSearchQueryCompiler
from whoosh import collectors as wcollectors
from whoosh import query as wq
from whoosh import sorting as wsorting

from .. import analysis
from .schema import MULTI, NUMERIC_KINDS, STR, plain, to_index_value

# Upper bounds that keep any query cheap, whatever a user types.
MAX_QUERY_WORDS = 32
MAX_PREFIX_EXPANSION = 64
MIN_PREFIX_LENGTH = 1
MAX_FUZZY_WORDS = 8


class _NeedsDatabase:
    """Marks a filter the index cannot answer exactly; the database answers it instead."""

    def __bool__(self):
        return True


NEEDS_DATABASE = _NeedsDatabase()


class _Filter:
    """A translated filter (Whoosh queries can be falsy; modelsearch drops falsy filters)."""

    __slots__ = ("query",)

    def __init__(self, query):
        self.query = query


NULL = wq.NullQuery


def is_null(query):
    return query is NULL


def _boosted(query, boost):
    # Whoosh drops the boost of a one-child Or when normalising: boost the query itself.
    if is_null(query) or boost == 1:
        return query
    return query.with_boost(getattr(query, "boost", 1.0) * float(boost))


def _word_forms(word):
    return sorted(analysis.query_forms(word))


def any_of(queries):
    """Or of ``queries``, without null ones (NullQuery when none is left)."""
    queries = [q for q in queries if not is_null(q)]
    if not queries:
        return wq.NullQuery
    if len(queries) == 1:
        return queries[0]
    return wq.Or(queries)


def all_of(queries):
    """And of ``queries`` (NullQuery if any is null; Every only when nothing else)."""
    if any(is_null(q) for q in queries):
        return wq.NullQuery
    queries = [q for q in queries if not isinstance(q, wq.Every)] or queries[:1]
    if len(queries) == 1:
        return queries[0]
    return wq.And(queries)


class _TermProbe:
    """``(field, text) in probe``: whether the index holds a term, memoised per searcher."""

    def __init__(self, searcher):
        self.reader = searcher.reader()
        self.known = searcher.__dict__.setdefault("_hub_known_terms", {})

    def __contains__(self, term):
        found = self.known.get(term)
        if found is None:
            if len(self.known) > 200_000:
                self.known.clear()
            found = self.known[term] = term in self.reader
        return found

    def expand_prefix(self, fieldname, prefix):
        return self.reader.expand_prefix(fieldname, prefix)


class WhooshSearchQueryCompiler(BaseSearchQueryCompiler):
    """Turns a modelsearch query and queryset into Whoosh queries (never Whoosh's parser)."""

    HANDLES_ORDER_BY_EXPRESSIONS = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.model = self.queryset.model

    # Filters ----------------------------------------------------------------------------

    def _process_lookup(self, field_path, lookup, value):
        if len(field_path) != 1:
            return NEEDS_DATABASE
        field = field_path[0]
        name = f"f__{field.get_attname(self.model)}"
        kind = self.spec.kinds.get(name)
        if kind is None:
            return NEEDS_DATABASE
        if isinstance(value, (SQLQuery, BaseExpression)) or hasattr(value, "resolve_expression"):
            return NEEDS_DATABASE
        query = self._lookup_query(name, kind, lookup, value)
        return NEEDS_DATABASE if query is None else _Filter(query)

    def _lookup_query(self, name, kind, lookup, value):
        attname = name[3:]
        if lookup == "isnull":
            nulls = wq.Term("m_nulls", attname)
            return nulls if value else wq.AndNot(wq.Every(), nulls)
        if lookup == "exact":
            if value is None:
                return wq.Term("m_nulls", attname)
            return self._equals(name, kind, value)
        if lookup == "in":
            values = list(value)
            if not values:
                return wq.NullQuery
            return any_of([self._equals(name, kind, v) for v in values])
        if kind == MULTI:
            return None
        if lookup in ("lt", "lte", "gt", "gte", "range"):
            if lookup == "range":
                low, high = (to_index_value(kind, v) for v in value)
                if low is None or high is None:
                    return None
                return self._range(name, kind, low, high, False, False)
            bound = to_index_value(kind, value)
            if bound is None:
                return None
            if lookup in ("lt", "lte"):
                return self._range(name, kind, None, bound, False, lookup == "lt")
            return self._range(name, kind, bound, None, lookup == "gt", False)
        if lookup == "startswith" and kind == STR:
            return wq.Prefix(name, str(value))
        return None

    def _equals(self, name, kind, value):
        if kind == MULTI:
            return wq.Term(name, str(plain(value)))
        converted = to_index_value(kind, value)
        if converted is None:
            return wq.NullQuery
        if kind in NUMERIC_KINDS:
            return self._range(name, kind, converted, converted, False, False)
        return wq.Term(name, converted)

    def _range(self, name, kind, low, high, startexcl, endexcl):
        if kind in NUMERIC_KINDS:
            return wq.NumericRange(name, low, high, startexcl=startexcl, endexcl=endexcl)
        return wq.TermRange(name, low, high, startexcl=startexcl, endexcl=endexcl)

    def _process_match_none(self):
        return _Filter(wq.NullQuery)

    def _connect_filters(self, filters, connector, negated):
        if any(f is NEEDS_DATABASE for f in filters):
            return NEEDS_DATABASE
        queries = [f.query for f in filters]
        if not queries:
            query = wq.Every()
        elif connector == "AND":
            query = all_of(queries)
        else:
            query = any_of(queries)
        if negated:
            query = wq.NullQuery if isinstance(query, wq.Every) else wq.AndNot(wq.Every(), query)
        return _Filter(query)

    @property
    def spec(self):
        return self.index.spec

    def bind(self, index):
        self.index = index
        return self

    def filter_query(self):
        """The content-type and queryset filters: a Whoosh query, or NEEDS_DATABASE."""
        translated = self._get_filters_from_queryset()
        content_type = wq.Term("m_ct", self.model.indexed_get_content_type())
        if translated is NEEDS_DATABASE:
            return NEEDS_DATABASE
        if translated is None:
            return wq.And([content_type])
        if translated.query is NULL:
            return wq.NullQuery
        return wq.And([content_type, translated.query])

    # Search terms -----------------------------------------------------------------------

    def text_query(self, searcher):
        """The compiled query for this searcher (compiled once per searcher)."""
        cached = getattr(self, "_compiled", None)
        if cached is not None and cached[0] is searcher:
            return cached[1]
        reader = _TermProbe(searcher)
        compiled = self._compile(self.query, reader)
        self._compiled = (searcher, compiled)
        return compiled

    def _compile(self, query, reader):
        if isinstance(query, msq.MatchAll):
            return wq.Every()
        if isinstance(query, msq.Not):
            inner = self._compile(query.subquery, reader)
            if isinstance(inner, wq.Every):
                return wq.NullQuery
            if inner is NULL:
                return wq.Every()
            return wq.AndNot(wq.Every(), inner)
        if isinstance(query, msq.And):
            return all_of([self._compile(q, reader) for q in query.subqueries])
        if isinstance(query, msq.Or):
            parts = [self._compile(q, reader) for q in query.subqueries]
            if any(isinstance(p, wq.Every) for p in parts):
                return any_of(parts) if len(parts) > 1 else wq.Every()
            return any_of(parts)
        if isinstance(query, msq.Boost):
            inner = self._compile(query.subquery, reader)
            if inner is NULL:
                return inner
            return _boosted(inner, query.boost)
        if isinstance(query, msq.PlainText):
            return self._plain_text(query, reader)
        if isinstance(query, msq.Phrase):
            return self._phrase(query.query_string, reader)
        if isinstance(query, msq.Fuzzy):
            return self._fuzzy(query)
        raise NotImplementedError(f"{type(query).__name__} is not supported by the Whoosh backend.")

    def _fields(self):
        return self.spec.text_fields(self.fields)

    def _word_query(self, word, reader):
        # Only terms the index holds: a word has up to seven forms and a page index twenty
        # text fields, and matchers for absent terms would dominate the search time.
        forms = _word_forms(word)
        return any_of(
            [
                wq.Term(name, form, boost=boost)
                for name, boost in self._fields()
                for form in forms
                if reader is None or (name, form) in reader
            ]
        )

    def _plain_text(self, query, reader):
        words = analysis.words(query.query_string)[:MAX_QUERY_WORDS]
        if not words:
            return wq.NullQuery
        parts = [self._word_query(word, reader) for word in words]
        compiled = all_of(parts) if query.operator == "and" else any_of(parts)
        return _boosted(compiled, query.boost)

    def _phrase(self, text, reader=None):
        words = analysis.words(text)[:MAX_QUERY_WORDS]
        if not words:
            return wq.NullQuery
        if len(words) == 1:
            return self._word_query(words[0], reader)
        per_field = []
        for name, boost in self._fields():
            positions = []
            for word in words:
                terms = [
                    wq.Term(name, form)
                    for form in _word_forms(word)
                    if reader is None or (name, form) in reader
                ]
                if not terms:
                    break  # a word absent from this field: no phrase here
                positions.append(any_of(terms))
            else:
                per_field.append(wq.Sequence(positions, boost=boost))
        return any_of(per_field)

    def _fuzzy(self, query):
        words = analysis.words(query.query_string)[:MAX_FUZZY_WORDS]
        fields = self.spec.autocomplete_fields() or [n for n, _ in self._fields()]
        parts = []
        for word in words:
            folded = analysis.fold(word)
            distance = 1 if len(folded) < 6 else 2
            parts.append(
                any_of([wq.FuzzyTerm(f, folded, maxdist=distance, prefixlength=1) for f in fields])
            )
        if not parts:
            return wq.NullQuery
        return all_of(parts) if query.operator == "and" else any_of(parts)

    # Ordering ---------------------------------------------------------------------------

    def sorting(self):
        """``(facet, None)`` to sort in Whoosh, ``(None, ordering)`` to sort in the database."""
        if self.order_by_relevance:
            return None, None
        ordering = list(self.queryset.query.order_by)
        if not ordering and self.queryset.query.default_ordering:
            ordering = list(self.model._meta.ordering)
        if not ordering:
            ordering = ["-pk"]
        facets = []
        for item in ordering:
            if not isinstance(item, str):
                return None, ordering
            reverse = item.startswith("-")
            name = item.lstrip("-")
            if name == "pk":
                name = self.model._meta.pk.attname
            field = self._get_filterable_field(name)
            whoosh_name = f"f__{field.get_attname(self.model)}" if field else None
            if whoosh_name not in self.spec.kinds or self.spec.kinds[whoosh_name] == MULTI:
                return None, ordering
            facets.append(wsorting.FieldFacet(whoosh_name, reverse=reverse))
        return wsorting.MultiFacet(facets), None


class WhooshAutocompleteQueryCompiler(WhooshSearchQueryCompiler):
    """Prefix matching on AutocompleteFields, without stemming."""

    def _plain_text(self, query, reader):
        words = [analysis.fold(w) for w in analysis.words(query.query_string)][:MAX_QUERY_WORDS]
        words = [w for w in words if len(w) >= MIN_PREFIX_LENGTH]
        fields = self.spec.autocomplete_fields(self.fields)
        if not words or not fields:
            return wq.NullQuery
        parts = []
        for word in words:
            terms = []
            for field in fields:
                expanded = itertools.islice(reader.expand_prefix(field, word), MAX_PREFIX_EXPANSION)
                terms.extend(
                    wq.Term(field, t.decode() if isinstance(t, bytes) else t) for t in expanded
                )
            parts.append(any_of(terms))
        return all_of(parts) if query.operator == "and" else any_of(parts)

    def _phrase(self, text, reader=None):
        return self._plain_text(msq.PlainText(text), reader)


class DeadlineFilterCollector(wcollectors.FilterCollector):
    """Keeps only documents the restriction allows, and stops at a deadline.

    Whoosh's TimeLimitCollector cannot wrap a FilterCollector (it bypasses the filtering)
    and its alarm signal only works in the main thread, so both jobs are done here.
    """

    CHECK_EVERY = 256

    def __init__(self, child, allow, deadline):
        super().__init__(child, allow=allow)
        self.deadline = deadline

    def collect_matches(self):
        child = self.child
        allow = self._allow
        for seen, sub_docnum in enumerate(child.matches()):
            if not seen % self.CHECK_EVERY and time.monotonic() > self.deadline:
                raise wcollectors.TimeLimit
            if allow is not None and self.offset + sub_docnum not in allow:
                continue
            child.collect(sub_docnum)
