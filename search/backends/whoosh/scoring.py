"""Ranked matching for the Whoosh backend without Whoosh's matcher trees.

Whoosh scores a query by walking a tree of matcher objects, a few Python calls per
posting per tree level. A thesaurus-expanded word is an Or of about sixty terms (forms ×
languages × fields), so a common word over 10,000 documents costs about a second that way.
Here the same BM25F scores are computed from whole posting lists instead:

* the postings of a term in a segment (document numbers and term frequencies) and a
  segment's field lengths are read block by block into arrays and kept in a process-wide
  LRU keyed by segment. Whoosh segments never change once written (deletions are kept
  apart and applied here), so this survives every commit that leaves the segment alone;
* a term's scores (which use index-wide statistics) are computed once per searcher;
* Or, And and AndNot combine {docnum: score} dicts with set operations; anything else
  (phrases, fuzzy and prefix terms, ranges) is scored by Whoosh's own matchers.

The scores are Whoosh's own, to rounding: ``tests/search/test_whoosh_scoring.py`` compares
them with a Whoosh collector. Compound results are cached per searcher too, within a
budget of cached postings, so facet clicks and the next page cost almost nothing.
"""

from __future__ import annotations

import heapq
import threading
import time
from array import array
from collections import OrderedDict

from whoosh import collectors as wcollectors
from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.scoring import BM25F
from whoosh.util.numeric import byte_to_length

# Postings (ids and frequencies) kept across searchers, per process: 8 bytes each.
POSTING_CACHE_LIMIT = 4_000_000
# Entries in one searcher's score dicts (about 100 bytes each).
SCORE_CACHE_LIMIT = 1_500_000

_LENGTH_OF_BYTE = [byte_to_length(b) if b else 0 for b in range(256)]


class _Lru:
    """A thread-safe LRU bounded by the total size of its values."""

    def __init__(self, limit):
        self.limit = limit
        self.size = 0
        self.items = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            entry = self.items.get(key)
            if entry is None:
                return None
            self.items.move_to_end(key)
            return entry[0]

    def put(self, key, value, size):
        with self.lock:
            if key in self.items:
                return
            self.items[key] = (value, size)
            self.size += size
            while self.size > self.limit and len(self.items) > 1:
                _key, (_value, dropped) = self.items.popitem(last=False)
                self.size -= dropped

    def clear(self):
        with self.lock:
            self.items.clear()
            self.size = 0


_segments = _Lru(POSTING_CACHE_LIMIT)


def clear_caches():
    """Forget every cached posting list (tests; after an index is deleted)."""
    _segments.clear()


def _segment_key(reader):
    """(index folder, segment id) of a segment reader, or None: then nothing is cached."""
    storage = getattr(reader, "_storage", None)
    segment = getattr(reader, "_segment", None)
    # A compound segment is read through an overlay whose second storage is the folder.
    folder = getattr(storage, "folder", None) or getattr(
        getattr(storage, "b", None), "folder", None
    )
    if folder is None or segment is None:
        return None
    return (folder, segment.segment_id())


def _raw_postings(reader, fieldname, btext):
    """(ids, frequencies) of a term in one segment, deleted documents included."""
    key = _segment_key(reader)
    cache_key = None if key is None else (*key, "p", fieldname, btext)
    if cache_key is not None:
        cached = _segments.get(cache_key)
        if cached is not None:
            return cached
    ids, freqs = array("I"), array("f")
    if (fieldname, btext) in reader:
        matcher = reader.postings(fieldname, btext)
        matcher = getattr(matcher, "child", matcher)  # no deletion filter: applied later
        if hasattr(matcher, "_read_ids") and hasattr(matcher, "_next_block"):
            while matcher.is_active():
                matcher._read_ids()
                matcher._read_weights()
                ids.extend(matcher._ids)
                freqs.extend(matcher._weights)
                matcher._next_block()
        else:  # another codec: the slow, public way
            while matcher.is_active():
                ids.append(matcher.id())
                freqs.append(matcher.weight())
                matcher.next()
    if cache_key is not None:
        _segments.put(cache_key, (ids, freqs), len(ids) * 8 + 100)
    return ids, freqs


def _lengths(reader, fieldname):
    """Per-document length of a field in one segment (a list indexed by docnum)."""
    key = _segment_key(reader)
    cache_key = None if key is None else (*key, "l", fieldname)
    if cache_key is not None:
        cached = _segments.get(cache_key)
        if cached is not None:
            return cached
    count = reader.doc_count_all()
    lengths = None
    perdoc = getattr(reader, "_perdoc", None)
    try:
        column = perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        if column is None:  # no lengths stored: Whoosh's default length
            lengths = [1] * count
        else:
            raw = column._dbfile.get(column._basepos, column._count)
            lengths = [_LENGTH_OF_BYTE[b] for b in raw]
            lengths.extend([0] * (count - len(lengths)))
    except Exception:  # noqa: BLE001 - not the W3 codec: ask per document below
        lengths = None
    if lengths is None:
        lengths = [reader.doc_field_length(d, fieldname, 1) or 0 for d in range(count)]
    if cache_key is not None:
        _segments.put(cache_key, lengths, count * 8 + 100)
    return lengths


class Scorer:
    """Evaluates a compiled Whoosh query to {docnum: score} on one searcher."""

    def __init__(self, searcher, deadline=None):
        self.searcher = searcher
        self.deadline = deadline
        self.cache = searcher.__dict__.setdefault("_hub_scores", {})
        self.weighting = searcher.weighting
        self.fast = type(self.weighting) is BM25F

    def _check_time(self):
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise wcollectors.TimeLimit

    def _remember(self, key, value):
        size = self.cache.get("__size__", 0) + len(value)
        if size > SCORE_CACHE_LIMIT:
            self.cache.clear()
            size = len(value)
        self.cache[key] = value
        self.cache["__size__"] = size
        return value

    def scores(self, query):
        """{docnum: score} of every document matching ``query``; do not mutate it."""
        if query is wq.NullQuery:
            return {}
        key = repr(query)
        cached = self.cache.get(key)
        if cached is not None:
            return cached
        self._check_time()
        return self._remember(key, self._evaluate(query))

    def docs(self, query):
        """The set of live docnums matching ``query`` (unscored: filters); do not mutate it."""
        if query is wq.NullQuery:
            return frozenset()
        key = ("docs", repr(query))
        cached = self.cache.get(key)
        if cached is not None:
            return cached
        self._check_time()
        kind = type(query)
        if kind is wq.Term:
            found = self._term_docs(query)
        elif kind is wq.Or:
            found = set().union(*(self.docs(q) for q in query.subqueries))
        elif kind is wq.And:
            parts = sorted((self.docs(q) for q in query.subqueries), key=len)
            found = set(parts[0]).intersection(*parts[1:]) if parts else set()
        elif kind is wq.AndNot:
            found = set(self.docs(query.a)).difference(self.docs(query.b))
        elif kind is wq.Every and not query.fieldname:
            found = self._live_docs()
        else:
            found = set(self.searcher.docs_for_query(query))
        return self._remember(key, frozenset(found))

    def _live_docs(self):
        found = set()
        for leaf, offset in self.searcher.leaf_searchers():
            reader = leaf.reader()
            deleted = reader.deleted_docs_set if reader.has_deletions() else ()
            found.update(offset + d for d in range(reader.doc_count_all()) if d not in deleted)
        return found

    def _term_docs(self, query):
        fieldname = query.fieldname
        schema = self.searcher.schema
        if fieldname not in schema:
            return set()
        try:
            btext = schema[fieldname].to_bytes(query.text)
        except ValueError:
            return set()
        found = set()
        for leaf, offset in self.searcher.leaf_searchers():
            reader = leaf.reader()
            ids, _freqs = _raw_postings(reader, fieldname, btext)
            if not ids:
                continue
            deleted = reader.deleted_docs_set if reader.has_deletions() else ()
            if offset:
                found.update(offset + d for d in ids if d not in deleted)
            else:
                found.update(ids)
                found.difference_update(deleted)
        return found

    def _evaluate(self, query):
        kind = type(query)
        if kind is wq.Term and self.fast:
            return self._term(query)
        if kind is wq.Or:
            return self._union(query)
        if kind is wq.And:
            return self._intersection(query)
        if kind is wq.AndNot:
            positive = self.scores(query.a)
            negative = self.docs(query.b)
            boost = query.boost
            return {d: s * boost for d, s in positive.items() if d not in negative}
        return self._by_whoosh(query)

    def _union(self, query):
        parts = sorted((self.scores(q) for q in query.subqueries), key=len, reverse=True)
        if not parts:
            return {}
        total = dict(parts[0])
        get = total.get
        for part in parts[1:]:
            for d, s in part.items():
                total[d] = get(d, 0.0) + s
        if query.boost != 1.0:
            boost = query.boost
            return {d: s * boost for d, s in total.items()}
        return total

    def _intersection(self, query):
        parts = sorted((self.scores(q) for q in query.subqueries), key=len)
        if not parts:
            return {}
        keys = set(parts[0])
        for part in parts[1:]:
            keys.intersection_update(part)
            if not keys:
                return {}
        boost = query.boost
        return {d: sum(part[d] for part in parts) * boost for d in keys}

    def _term(self, query):
        searcher = self.searcher
        fieldname, text = query.fieldname, query.text
        schema = searcher.schema
        if fieldname not in schema:
            return {}
        field = schema[fieldname]
        try:
            btext = field.to_bytes(text)
        except ValueError:
            return {}
        if (fieldname, btext) not in searcher.reader():
            return {}
        boost = query.boost
        if not field.scorable:
            return self._by_whoosh(query)
        weighting = self.weighting
        b = weighting._field_B.get(fieldname, weighting.B)
        k1 = weighting.K1
        idf = searcher.idf(fieldname, btext)
        avgfl = searcher.avg_field_length(fieldname) or 1
        out = {}
        for leaf, offset in searcher.leaf_searchers():
            reader = leaf.reader()
            ids, freqs = _raw_postings(reader, fieldname, btext)
            if not ids:
                continue
            lengths = _lengths(reader, fieldname)
            deleted = reader.deleted_docs_set if reader.has_deletions() else ()
            # bm25(), inlined: idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * fl / avgfl))
            scale = idf * (k1 + 1) * boost
            base = k1 * (1 - b)
            per_length = k1 * b / avgfl
            for d, tf in zip(ids, freqs, strict=True):
                if deleted and d in deleted:
                    continue
                out[offset + d] = scale * tf / (tf + base + per_length * (lengths[d] or 1))
        return out

    def _by_whoosh(self, query):
        """Scores through Whoosh's matchers (phrases, fuzzy and prefix terms, ranges)."""
        searcher = self.searcher
        context = searcher.context()
        out = {}
        for leaf, offset in searcher.leaf_searchers():
            matcher = query.matcher(leaf, context)
            seen = 0
            while matcher.is_active():
                out[offset + matcher.id()] = matcher.score()
                seen += 1
                if not seen % 1024:
                    self._check_time()
                matcher.next()
        return out


def ranked(scores, allowed, limit=None):
    """[(score, docnum)] of the documents in ``allowed``, best first (ties: docnum)."""
    candidates = scores.keys() if allowed is None else scores.keys() & allowed
    score = scores.__getitem__
    if limit is not None and limit < len(candidates):
        # A results page wants ten of thousands: find the lowest score that makes the
        # cut, then order only what reaches it (ties at the cut included).
        floor = score(heapq.nlargest(limit, candidates, key=score)[-1])
        candidates = [d for d in candidates if score(d) >= floor]
    pairs = sorted((-score(d), d) for d in candidates)[:limit]
    return [(-s, d) for s, d in pairs]


__all__ = ["Scorer", "clear_caches", "ranked"]
