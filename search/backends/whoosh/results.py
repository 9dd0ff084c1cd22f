"""Results: searches run against one index, their hits loaded through the caller's queryset.

Ranking is BM25F computed with NumPy from cached posting lists (``scoring``): scores and
filters are arrays indexed by docnum. Results sorted by a field are collected by Whoosh,
and orderings the index cannot sort by are left to the database. Every hit is loaded
through the caller's queryset, so the database has the last word. ``faceted_page`` counts
the EXTRAS facets (``facets``) in the same pass as a page.
"""

import logging
import time
from collections import Counter, OrderedDict

import numpy as np
from modelsearch.backends.base import BaseSearchResults, FilterFieldError
from whoosh import collectors as wcollectors
from whoosh import query as wq

from ..extras import ExtrasResultsMixin
from .facets import facet_converter, mask_counts, token_masks
from .querying import NEEDS_DATABASE, NULL, DeadlineFilterCollector, all_of, any_of, is_null
from .schema import MULTI, column_text
from .scoring import Scorer, docnums, mask_of, ranked

logger = logging.getLogger("search.whoosh")


class WhooshSearchResults(ExtrasResultsMixin, BaseSearchResults):
    supports_facet = True

    def _boosted(self, searcher, scored):
        """The score values with the boosts of ``boost_extra`` applied (a new array when
        boosted).

        A document with a factor of 0 gets a negative score, -1 / (1 + its score): below
        every positive score, in the order of its own.
        """
        values = scored.values
        if not self._extra_boosts:
            return values
        factors = np.ones(values.shape)
        for name, token_factors in self._extra_boosts:
            masks = token_masks(searcher, name)
            best = np.full(values.shape, -1.0)
            for token, factor in token_factors:
                mask = masks.get(token)
                if mask is not None:
                    np.maximum(best, np.where(mask, float(factor), -1.0), out=best)
            factors *= np.where(best < 0, 1.0, best)
        return np.where(factors > 0, values * factors, -1.0 / (1.0 + np.maximum(values, 0.0)))

    def _extra_query(self):
        """The extra filters as (keep query or None, drop query or None)."""
        keep, drop = [], []
        for name, tokens, exclude in self._extra_filters:
            terms = [wq.Term(f"x__{name}", str(t).replace(" ", "_")) for t in tokens]
            if exclude:
                drop.extend(terms)
            else:
                keep.append(any_of(terms))
        keep_query = all_of(keep) if keep else None
        return keep_query, (any_of(drop) if drop else None)

    @property
    def index(self):
        return self.backend.get_index_for_model(self.query_compiler.model)

    def _restriction(self, searcher):
        """(filter for Whoosh, or None when nothing can match)."""
        compiler = self.query_compiler.bind(self.index)
        flt = compiler.filter_query()
        if flt is NULL:
            return None
        keep, drop = self._extra_query()
        if keep is not None and is_null(keep):
            return None
        if flt is NEEDS_DATABASE:
            allowed = {str(pk) for pk in compiler.queryset.order_by().values_list("pk", flat=True)}
            if not allowed:
                return None
            base = wq.Term("m_ct", compiler.model.indexed_get_content_type())
            if keep is not None:
                base = all_of([base, keep])
            if drop is not None:
                base = wq.AndNot(base, drop)
            column = searcher.reader().column_reader("m_pk")
            candidates = np.flatnonzero(_filter_docs(searcher, base)).tolist()
            docs = [d for d in candidates if column_text(column[d]) in allowed]
            return mask_of(docs, searcher.doc_count_all()) if docs else None
        if keep is not None:
            flt = all_of([flt, keep])
        if drop is not None:
            flt = wq.AndNot(flt, drop)
        mask = _filter_docs(searcher, flt)
        return mask if mask.any() else None

    def _prepared(self, searcher):
        """(compiled text query, mask of allowed docnums), or None when nothing can match."""
        restriction = self._restriction(searcher)
        if restriction is None:
            return None
        query = self.query_compiler.bind(self.index).text_query(searcher)
        if query is NULL:
            return None
        return query, restriction

    def _timed_out(self, query):
        self.timed_out = True
        logger.warning("Search timed out after %ss: %.300r", self.backend.query_time_limit, query)

    def _collect(self, searcher, limit, scored=True, sortedby=None):
        prepared = self._prepared(searcher)
        if prepared is None:
            return None
        query, restriction = prepared
        base = searcher.collector(limit=limit, sortedby=sortedby, scored=scored)
        collector = DeadlineFilterCollector(
            base,
            docnums(restriction),
            time.monotonic() + self.backend.query_time_limit,
        )
        try:
            searcher.search_with_collector(query, collector)
        except wcollectors.TimeLimit:
            self._timed_out(query)
        return collector.results()

    def _scores(self, searcher):
        """(``Scored`` of the text query, mask of allowed docnums), or None if nothing matches.

        Scored from whole posting lists (``scoring.Scorer``): the same BM25F scores as
        Whoosh's matchers at a fraction of their cost.
        """
        prepared = self._prepared(searcher)
        if prepared is None:
            return None
        query, restriction = prepared
        deadline = time.monotonic() + self.backend.query_time_limit
        try:
            return Scorer(searcher, deadline).scored(query), restriction
        except wcollectors.TimeLimit:
            self._timed_out(query)
            return None

    def _matched_docs(self, searcher):
        """The mask of docnums matching the query and the filters."""
        found = self._scores(searcher)
        if found is None:
            return np.zeros(searcher.doc_count_all(), dtype=bool)
        scored, restriction = found
        return scored.mask & restriction

    def _hits(self):
        """[(pk text, score)] for the current slice, in order."""
        compiler = self.query_compiler.bind(self.index)
        facet, db_ordering = compiler.sorting()
        stop = self.stop

        def run(searcher):
            if db_ordering is not None:
                reader = searcher.reader()
                matched = np.flatnonzero(self._matched_docs(searcher)).tolist()
                return [(reader.stored_fields(d)["m_pk"], None) for d in matched]
            limit = stop if stop else None
            if facet is None:
                found = self._scores(searcher)
                if found is None:
                    return []
                reader = searcher.reader()
                scored, restriction = found
                values = self._boosted(searcher, scored)
                top = ranked(values, scored.mask & restriction, limit)[self.start : stop]
                return [(reader.stored_fields(d)["m_pk"], score) for score, d in top]
            results = self._collect(searcher, limit, sortedby=facet)
            if results is None:
                return []
            hits = [(hit["m_pk"], hit.score) for hit in results]
            return hits[self.start : stop]

        hits = self.index.read(run)
        if db_ordering is not None:
            pks = [pk for pk, _ in hits]
            queryset = compiler.queryset.filter(pk__in=pks).order_by(*db_ordering)
            objects = list(queryset[self.start : stop])
            return objects, {}
        return hits, None

    def _do_search(self):
        hits, extra = self._hits()
        if extra is not None:
            return hits
        return self._load(hits)

    def _load(self, hits):
        """Objects for [(pk, score)], in order, through the caller's queryset."""
        if not hits:
            return []
        pks = [pk for pk, _ in hits]
        queryset = self.query_compiler.queryset.filter(pk__in=pks)
        if self.prefetch_related:
            queryset = queryset.prefetch_related(*self.prefetch_related)
        by_pk = {str(obj.pk): obj for obj in queryset}
        results = []
        for pk, score in hits:
            obj = by_pk.get(pk)
            if obj is None:
                continue  # stale hit or filtered out by the database: the database decides
            if self._score_field:
                setattr(obj, self._score_field, float(score or 0.0))
            results.append(obj)
        return results

    def faceted_page(self, selected, start, stop):
        """One pass for a results page: facet counts, total and the hits of one page.

        Args:
            selected: {EXTRAS name: tokens chosen}, combined as in ``extra_facets``.
            start, stop: the slice of the ranked matches to load.

        Returns:
            (objects of the slice, {name: Counter}, total matching every selection).
        """
        names = [n for n in self.backend.extra_fields if n != "view"]

        def run(searcher):
            found = self._scores(searcher)
            if found is None:
                return [], {}, 0
            scored, restriction = found
            base = scored.mask & restriction
            started = time.perf_counter()
            masks = {name: token_masks(searcher, name) for name in names}
            counts, matched = mask_counts(base, masks, selected)
            self.facet_ms = (time.perf_counter() - started) * 1000
            kept = ranked(self._boosted(searcher, scored), matched, stop)[start:stop]
            reader = searcher.reader()
            hits = [(reader.stored_fields(d)["m_pk"], score) for score, d in kept]
            return hits, counts, int(np.count_nonzero(matched))

        hits, counts, total = self.index.read(run)
        return self._load(hits), counts, total

    def _do_count(self):
        def run(searcher):
            return int(np.count_nonzero(self._matched_docs(searcher)))

        total = self.index.read(run)
        stop = total if self.stop is None else min(total, self.stop)
        return max(0, stop - self.start)

    def facet(self, field_name):
        compiler = self.query_compiler.bind(self.index)
        field = compiler._get_filterable_field(field_name)
        if field is None:
            raise FilterFieldError(
                f'Cannot facet search results with field "{field_name}". Please add '
                f'index.FilterField("{field_name}") to {compiler.model.__name__}.search_fields.',
                field_name=field_name,
            )
        attname = field.get_attname(compiler.model)
        name = f"f__{attname}"
        kind = compiler.spec.kinds.get(name)

        def run(searcher):
            docs = docnums(self._matched_docs(searcher))
            reader = searcher.reader()
            counts = Counter()
            if kind is None:
                return counts
            if kind == MULTI:
                covered = set()
                for term in reader.lexicon(name):
                    text = term.decode() if isinstance(term, bytes) else term
                    ids = set(reader.postings(name, term).all_ids()) & docs
                    if ids:
                        counts[text] = len(ids)
                        covered |= ids
                missing = len(docs - covered)
            else:
                nulls = set()
                if reader.doc_frequency("m_nulls", attname):
                    nulls = set(reader.postings("m_nulls", attname).all_ids())
                column = reader.column_reader(name, translate=True)
                for d in docs - nulls:
                    counts[column[d]] += 1
                missing = len(docs & nulls)
            if missing:
                counts[None] = missing
            return counts

        counts = self.index.read(run)
        converted = Counter()
        target = facet_converter(compiler.model, field, kind)
        for key, value in counts.items():
            converted[None if key is None else target(key)] += value
        return OrderedDict(sorted(converted.items(), key=lambda kv: (-kv[1], str(kv[0]))))

    def extra_facets(self, selected):
        """Disjunctive counts of every EXTRAS facet, and the documents matching them all.

        Args:
            selected: {name: tokens chosen} for names in EXTRA_FIELDS.

        Returns:
            ({name: Counter(token -> count)}, number of documents matching every selection).
        """
        names = [n for n in self.backend.extra_fields if n != "view"]

        def run(searcher):
            base = self._matched_docs(searcher)
            masks = {name: token_masks(searcher, name) for name in names}
            counts, matched = mask_counts(base, masks, selected)
            return counts, int(np.count_nonzero(matched))

        return self.index.read(run)


def _filter_docs(searcher, query):
    """The mask of documents a filter query allows, cached for the searcher's lifetime.

    Filters repeat (every anonymous visitor has the same view filter): each is turned
    into a mask once per index version, from cached posting lists and columns.
    """
    return Scorer(searcher).docs(query)
