"""Results: searches as single SQL statements over the index table.

A search reads the GIN index of the combined vector with a constant tsquery, keeps the
rows of the caller's queryset (joined on the primary key, so every ORM filter works and
the database has the last word), applies the EXTRAS filters as array tests on the
tokens (view restrictions: no per-search path joins), ranks with one ``ts_rank`` per
match (boosted by the kind and language columns, ``SCALAR_EXTRAS``) and reads only the
requested slice. ``faceted_page`` counts the EXTRAS facets with
GROUP BY in the same statement as the page and the total.
"""

from __future__ import annotations

import logging
import time
from collections import Counter, OrderedDict

from django.core.exceptions import EmptyResultSet
from django.db import connection
from modelsearch.backends.base import BaseSearchResults, FilterFieldError

from ..extras import ExtrasResultsMixin
from ..timelimit import TimeLimitExceeded, statement_time_limit
from .querying import ALL, NONE, Expression

logger = logging.getLogger("search.postgres")

TABLE = "search_postgres_indexeddocument"
#: ts_rank's weights of D, C, B and A, with no normalisation by length: the ranked text
#: is short in every document (a long text cannot win by its length).
RANK = "ts_rank('{{0.1, 0.25, 0.5, 1.0}}'::float4[], {column}, %s::tsquery, 0)"
#: What each stage ranks (see RERANKED): every match by its ``head`` (weights A and B:
#: titles, boosted fields; a short column kept in the row), the best of them by their
#: short fields (A to C: summaries and terms too), read from the vector for them alone.
FIRST_RANKED = {"vector": "d.head", "autocomplete": "d.autocomplete"}
FULLY_RANKED = {"vector": "ts_filter(d.vector, '{a,b,c}')", "autocomplete": "d.autocomplete"}
#: Ranking is in two stages. Every match gets a first score: ``ts_rank`` of the words
#: typed in its head (not the alternatives the query was widened with, the thesaurus's
#: terms in other languages), plus MATCH_FLOOR, so that the boosts (language, kind)
#: order every match, even one found through an alternative or in the long text only.
#: The best RERANKED by that score are then ranked by ``ts_rank`` of the whole query,
#: alternatives included, in their short fields (FULLY_RANKED), and come first in that
#: order; the rest follow in the first score's order. Ranking every match so cost one
#: pass over its short fields per term of the query, dozens for a broad concept: at
#: 10,000 practices, more than finding and counting the matches; and at 100,000 the
#: short fields of every match no longer fitted in PostgreSQL's buffers.
MATCH_FLOOR = 0.01
#: The memory a search's sorts, hashes and materialised matches may use (see ``_run``).
WORK_MEM = "64MB"
RERANKED = 200
#: EXTRAS names with a column of their own (``models.IndexedDocument``, generated from
#: the tokens): the value of an object's one token of that name, null when it has none or
#: several. The search page boosts every match by them (language, kind): comparing a
#: column is far cheaper than searching the token array for each boosted token (77 ms a
#: search at 100,000 practices). Any other name is boosted from the tokens alone.
SCALAR_EXTRAS = {"kind": "d.extra_kind", "language": "d.extra_language"}
ORDER = "{t}.score DESC, {t}.object_pk DESC NULLS LAST, {t}.object_id DESC"


class PostgresSearchResults(ExtrasResultsMixin, BaseSearchResults):
    supports_facet = True

    # SQL ------------------------------------------------------------------------------

    @property
    def compiler(self):
        return self.query_compiler

    def _tsquery(self, ranked=False):
        """The compiled query: ALL, NONE or the text of a tsquery (compiled once); with
        ``ranked``, the part ``ts_rank`` scores first (without its alternatives)."""
        cache = self.__dict__.setdefault("_tsquery_cache", {})
        if ranked not in cache:
            compiled = self.compiler.compile(ranked=ranked)
            cache[ranked] = compiled.text if isinstance(compiled, Expression) else compiled
        return cache[ranked]

    def _queryset_sql(self):
        """(SQL selecting the primary keys of the caller's queryset, params), or None when
        the queryset is the whole model (the content-type test is enough then)."""
        queryset = self.compiler.queryset
        if not queryset.query.where and not queryset.query.combinator:
            return None
        try:
            sql, params = queryset.order_by().values("pk").query.sql_with_params()
        except EmptyResultSet:
            return NONE  # a filter that can match nothing (``pk__in=[]``)
        return sql, list(params)

    def _where(self, tsquery):
        """(conditions on ``d`` and their params)."""
        model = self.compiler.model
        # The content type names the index too (no index test: the planner would then
        # read every row of the index through that column's B-tree, not the GIN index).
        conditions = ["d.content_types @> ARRAY[%s]::varchar[]"]
        params = [model.indexed_get_content_type()]
        if tsquery is not ALL:
            conditions.append(f"d.{self.compiler.column} @@ %s::tsquery")
            params.append(tsquery)
        for name, tokens, exclude in self._extra_filters:
            values = [f"{name}:{str(t).replace(' ', '_')}" for t in tokens]
            if exclude:
                if values:
                    conditions.append("NOT (d.tokens && %s::text[])")
                    params.append(values)
            else:
                conditions.append("d.tokens && %s::text[]")
                params.append(values)
        restriction = self._queryset_sql()
        if restriction is NONE:
            conditions.append("FALSE")
        elif restriction is not None:
            sql, restriction_params = restriction
            if model._meta.pk.get_internal_type() in _INTEGER_KEYS:
                conditions.append(f"d.object_pk IN ({sql})")
            else:
                conditions.append(f"d.object_id IN (SELECT (s.pk)::text FROM ({sql}) s(pk))")
            params.extend(restriction_params)
        return " AND ".join(conditions), params

    def _rank(self, tsquery, full=False):
        """(SQL of an object's score, params): the first score, or with ``full`` the
        score of the whole query (see RERANKED)."""
        column = (FULLY_RANKED if full else FIRST_RANKED)[self.compiler.column]
        if tsquery is ALL:
            sql, params = "1.0", []
        else:
            parts = self.compiler.boosts()
            if parts is None and full:
                sql, params = RANK.format(column=column), [tsquery]
            elif parts is None:
                ranked = self._tsquery(ranked=True)
                if ranked is ALL or ranked is NONE:
                    sql, params = repr(MATCH_FLOOR), []
                else:
                    sql = f"({RANK.format(column=column)} + {MATCH_FLOOR!r})"
                    params = [ranked]
            else:
                pieces, params = [], []
                for part, factor in parts:
                    text = self._part_text(part)
                    if text is None:
                        continue
                    pieces.append(f"{factor!r} * {RANK.format(column=column)}")
                    params.append(text)
                sql = " + ".join(pieces) or "0.0"
        if not self._extra_boosts:
            return sql, params
        factors, factor_params = [], []
        for name, token_factors in self._extra_boosts:
            factor, values = _boost_factor(name, token_factors)
            factors.append(factor)
            factor_params.extend(values)
        product = " * ".join(factors)
        rank = f"({sql})::float8"
        # A factor of 0: below every positive score, in the order of its own. The product
        # is written once (NULLIF makes a factor of 0 null, and coalesce then takes the
        # other branch): PostgreSQL computes an expression as often as it is written, and
        # a sub-select computing it once was a sub-plan per row, which also kept the scan
        # serial. The rank is computed again only for the objects with a factor of 0.
        sql = f"coalesce({rank} * NULLIF({product}, 0), -1.0 / (1.0 + {rank}))"
        return sql, [*params, *factor_params, *params]

    @staticmethod
    def _part_text(part):
        return None if part is ALL or part is NONE else part.text

    def _matches_sql(self):
        """(SELECT of the matching rows with their score, params), or None if none can."""
        tsquery = self._tsquery()
        if tsquery is NONE:
            return None
        where, where_params = self._where(tsquery)
        rank, rank_params = self._rank(tsquery)
        sql = (
            f"SELECT d.id, d.object_id, d.object_pk, d.tokens, {rank} AS score "
            f"FROM {TABLE} d WHERE {where}"
        )
        return sql, rank_params + where_params

    def _hits_sql(self, where, where_params, start, stop):
        """(SELECT object_id, score, position of the slice [start, stop) of the matches
        ``m`` that pass ``where``, in their final order; params): the first RERANKED by
        the whole query's score, then the rest by the first score (see RERANKED)."""
        parts, params = [], []
        tsquery = self._tsquery()
        if start < RERANKED and (stop is None or stop > start):
            end = RERANKED if stop is None else min(stop, RERANKED)
            rank, rank_params = self._rank(tsquery, full=True)
            parts.append(
                f"(SELECT r.object_id, r.score, row_number() OVER (ORDER BY {ORDER.format(t='r')}) "
                f"FROM (SELECT t.object_id, t.object_pk, {rank} AS score FROM "
                f"(SELECT m.id, m.object_id, m.object_pk FROM m WHERE {where} "
                f"ORDER BY {ORDER.format(t='m')} LIMIT {RERANKED}) t "
                f"JOIN {TABLE} d ON d.id = t.id) r "
                f"ORDER BY {ORDER.format(t='r')} LIMIT {end - start} OFFSET {start})"
            )
            params.extend([*rank_params, *where_params])
        if stop is None or stop > RERANKED:
            offset = max(start, RERANKED)
            limit = "" if stop is None else f" LIMIT {stop - offset}"
            parts.append(
                f"(SELECT m.object_id, m.score, {RERANKED} + row_number() OVER "
                f"(ORDER BY {ORDER.format(t='m')}) FROM m WHERE {where} "
                f"ORDER BY {ORDER.format(t='m')}{limit} OFFSET {offset})"
            )
            params.extend(where_params)
        if not parts:
            return None
        return " UNION ALL ".join(parts), params

    def _run(self, sql, params, default):
        """Rows of ``sql``, or ``default`` when the search hits the time limit."""
        try:
            limit = self.backend.query_time_limit
            with statement_time_limit(limit), connection.cursor() as cursor:
                # The planner counts the cost of a sequential scan without reading each
                # row's vector from TOAST, which dominates: matches come from the GIN
                # index (exact for words, no vector read), even when most rows match.
                # The matches of a broad query (a row of ids, tokens and score each) are
                # materialised once and read by every count: kept in memory, not spilled
                # to a temporary file (4 MB, the default, held 20,000 of them).
                cursor.execute(
                    "SELECT current_setting('work_mem'), "
                    "set_config('enable_seqscan', 'off', true), "
                    "set_config('work_mem', %s, true)",
                    [WORK_MEM],
                )
                previous_work_mem = cursor.fetchone()[0]
                cursor.execute(sql, params)
                rows = cursor.fetchall()
                cursor.execute(
                    "SELECT set_config('enable_seqscan', 'on', true), "
                    "set_config('work_mem', %s, true)",
                    [previous_work_mem],
                )
                return rows
        except TimeLimitExceeded:
            self.timed_out = True
            logger.warning("Search timed out after %ss.", self.backend.query_time_limit)
            return default

    # modelsearch's results API ----------------------------------------------------------

    def _ordered_hits(self, start, stop):
        """[(object id, score)] of the slice, best first."""
        matches = self._matches_sql()
        if matches is None:
            return []
        sql, params = matches
        hits = self._hits_sql("TRUE", [], int(start), None if stop is None else int(stop))
        if hits is None:
            return []
        hits_sql, hits_params = hits
        rows = self._run(
            f"WITH m AS MATERIALIZED ({sql}) SELECT h.* FROM ({hits_sql}) h(object_id, score, pos)",
            params + hits_params,
            [],
        )
        return [(object_id, score) for object_id, score, _pos in sorted(rows, key=_position)]

    def _do_search(self):
        if self.compiler.field_names() is not None:
            return self._search_fields()
        if not self.compiler.order_by_relevance:
            return self._database_ordered()
        hits = self._ordered_hits(self.start, self.stop)
        return self._load(hits)

    def _database_ordered(self):
        """Results in the queryset's own order (``order_by_relevance=False``)."""
        matches = self._matches_sql()
        if matches is None:
            return []
        sql, params = matches
        ids = [row[0] for row in self._run(f"SELECT m.object_id FROM ({sql}) m", params, [])]
        queryset = self.compiler.queryset.filter(pk__in=ids)
        if not queryset.query.order_by:
            queryset = queryset.order_by("-pk")
        if self.prefetch_related:
            queryset = queryset.prefetch_related(*self.prefetch_related)
        objects = list(queryset[self.start : self.stop])
        if self._score_field:
            for obj in objects:
                setattr(obj, self._score_field, None)
        return objects

    def _load(self, hits):
        """Objects for [(id, score)], in order, through the caller's queryset."""
        if not hits:
            return []
        queryset = self.compiler.queryset.filter(pk__in=[pk for pk, _ in hits])
        if self.prefetch_related:
            queryset = queryset.prefetch_related(*self.prefetch_related)
        by_pk = {str(obj.pk): obj for obj in queryset}
        results = []
        for pk, score in hits:
            obj = by_pk.get(pk)
            if obj is None:
                continue  # deleted since it was indexed: the database decides
            if self._score_field:
                setattr(obj, self._score_field, float(score or 0.0))
            results.append(obj)
        return results

    def _do_count(self):
        if self.compiler.field_names() is not None:
            total = len(self._search_fields(sliced=False))
        else:
            matches = self._matches_sql()
            if matches is None:
                return 0
            sql, params = matches
            rows = self._run(f"SELECT count(*) FROM ({sql}) m", params, [(0,)])
            total = rows[0][0]
        stop = total if self.stop is None else min(total, self.stop)
        return max(0, stop - self.start)

    def facet(self, field_name):
        field = self.compiler._get_filterable_field(field_name)
        if field is None:
            raise FilterFieldError(
                f'Cannot facet search results with field "{field_name}". Please add '
                f'index.FilterField("{field_name}") to '
                f"{self.compiler.model.__name__}.search_fields.",
                field_name=field_name,
            )
        matches = self._matches_sql()
        if matches is None:
            return OrderedDict()
        sql, params = matches
        ids = [row[0] for row in self._run(f"SELECT m.object_id FROM ({sql}) m", params, [])]
        counts = Counter()
        values = self.compiler.queryset.filter(pk__in=ids).values_list(field_name, flat=True)
        for value in values:
            counts[value] += 1
        return OrderedDict(sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0]))))

    # Searches on named fields (``fields=``): rare (the admin, the API), computed on the fly.

    def _search_fields(self, sliced=True):
        """Objects matching the query in the named fields only, ranked.

        The combined vector cannot tell fields apart, so the candidates (the queryset's
        objects) are analysed again, field by field, in one statement.
        """
        from .documents import Document

        names = set(self.compiler.field_names())
        tsquery = self._tsquery()
        if tsquery is NONE or not names:
            return []
        candidates = list(self.compiler.queryset)
        if not candidates:
            return []
        rows, params = [], []
        for obj in candidates:
            document = Document.of_fields(obj, names, self.compiler.column == "autocomplete")
            vector, vector_params = document.vector_sql()
            rows.append(f"(%s, {vector})")
            params.extend([str(obj.pk), *vector_params])
        if tsquery is ALL:
            match, rank, match_params = "TRUE", "1.0", []
        else:
            match = "v.vector @@ %s::tsquery"
            rank = "ts_rank('{0.1, 0.25, 0.5, 1.0}'::float4[], v.vector, %s::tsquery, 1)"
            match_params = [tsquery]
        sql = (
            f"SELECT v.object_id, {rank} FROM (VALUES {', '.join(rows)}) v(object_id, vector) "
            f"WHERE {match} ORDER BY 2 DESC, v.object_id DESC"
        )
        hits = self._run(sql, match_params + params + match_params, [])
        if sliced:
            hits = hits[self.start : self.stop]
        return self._load(hits)

    # The search page: a results page, its facets and its total in one statement --------

    def faceted_page(self, selected, start, stop):
        """One statement for a results page: facet counts, total and one page of hits.

        Args:
            selected: {EXTRAS name: tokens chosen}; within a facet the tokens are
                alternatives, across facets they narrow, and each facet's counts ignore
                its own selection (disjunctive facets).
            start, stop: the slice of the ranked matches to load.

        Returns:
            (objects of the slice, {name: Counter}, total matching every selection).
        """
        started = time.perf_counter()
        names = [n for n in self.backend.extra_fields if n != "view"]
        matches = self._matches_sql()
        if matches is None:
            return [], {name: Counter() for name in names}, 0
        sql, params = matches
        chosen = {
            name: [f"{name}:{str(v).replace(' ', '_')}" for v in values if v]
            for name, values in selected.items()
            if name in names and any(values)
        }

        def narrowed(skip=None):
            conditions, values = [], []
            for name, tokens in chosen.items():
                if name != skip:
                    conditions.append("m.tokens && %s::text[]")
                    values.append(tokens)
            return (" AND ".join(conditions) or "TRUE"), values

        parts, part_params = [], []
        # Facets nobody chose: counted over the matches narrowed by every selection.
        every, every_params = narrowed()
        free = [name for name in names if name not in chosen]
        if free:
            # Every token is counted and those of other names dropped below: cheaper
            # than testing each token's name in SQL. ``unnest`` in the select list (a
            # ProjectSet): in FROM it was a function scan per match, its tokens copied
            # to a tuple store each time (100 ms a search at 100,000 practices).
            parts.append(
                "SELECT 'c', u.t, count(*)::float8, NULL::bigint FROM "
                f"(SELECT unnest(m.tokens) FROM m WHERE {every}) u(t) GROUP BY u.t"
            )
            part_params.extend(every_params)
        # A chosen facet: counted over the matches narrowed by the others' selections.
        for name in chosen:
            where, values = narrowed(skip=name)
            parts.append(
                "SELECT 'C', u.t, count(*)::float8, NULL::bigint FROM "
                f"(SELECT unnest(m.tokens) FROM m WHERE {where}) u(t) "
                "WHERE u.t LIKE %s GROUP BY u.t"
            )
            part_params.extend([*values, f"{name}:%"])
        parts.append(f"SELECT 't', NULL, count(*)::float8, NULL::bigint FROM m WHERE {every}")
        part_params.extend(every_params)
        hits = self._hits_sql(every, every_params, int(start), int(stop))
        if hits is not None:
            hits_sql, hits_params = hits
            parts.append(f"SELECT 'h', h.* FROM ({hits_sql}) h")
            part_params.extend(hits_params)
        statement = f"WITH m AS MATERIALIZED ({sql}) " + " UNION ALL ".join(parts)
        rows = self._run(statement, params + part_params, [])
        counts = {name: Counter() for name in names}
        free_names = set(free)
        total, hits = 0, []
        for kind, key, value, position in rows:
            if kind in ("c", "C"):
                # "c": every token of the matches, kept for the facets nobody chose;
                # "C": a chosen facet's own count.
                name, _, token = key.partition(":")
                if kind == "C" or name in free_names:
                    counts[name][token] = int(value)
            elif kind == "t":
                total = int(value)
            else:
                hits.append((key, value, position))
        hits = [(key, value) for key, value, _position in sorted(hits, key=_position)]
        self.facet_ms = (time.perf_counter() - started) * 1000
        return self._load(hits), counts, total

    def extra_facets(self, selected):
        """({name: Counter(token -> count)}, number matching every selection)."""
        _objects, counts, total = self.faceted_page(selected, 0, 0)
        return counts, total


def _boost_factor(name, token_factors):
    """(SQL of an object's factor for the EXTRAS ``name``, params): the largest factor
    among its tokens of that name, 1 when it has none of them (``boost_extra``).

    A name of SCALAR_EXTRAS is read first from its column, a plain comparison for each
    token; only the objects with none or several tokens of that name (the column is null)
    have their token array searched, as every object of any other name does. The factors
    are float8, multiplied as float8 (as ``search.service.boost_factor`` multiplies them).
    """
    ordered = sorted(token_factors, key=lambda tf: -tf[1])
    whens, params = [], []
    column = SCALAR_EXTRAS.get(name)
    if column is not None:
        for token, factor in ordered:
            whens.append(f"WHEN {column} = %s THEN {factor!r}::float8")
            params.append(token)
        whens.append(f"WHEN {column} IS NOT NULL THEN 1.0::float8")
    for token, factor in ordered:
        whens.append(f"WHEN d.tokens @> ARRAY[%s]::text[] THEN {factor!r}::float8")
        params.append(f"{name}:{token}")
    return f"(CASE {' '.join(whens)} ELSE 1.0::float8 END)", params


def _position(hit):
    """The final position of a hit row (its last column)."""
    return hit[-1]


_INTEGER_KEYS = {"AutoField", "BigAutoField", "SmallAutoField", "IntegerField", "BigIntegerField"}
