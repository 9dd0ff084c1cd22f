"""Ranked matching for the Whoosh backend without Whoosh's matcher trees.

Whoosh scores a query by walking a tree of matcher objects, a few Python calls per
posting per tree level. A thesaurus-expanded word is an Or of about sixty terms (forms ×
languages × fields), so a common word over 10,000 documents costs about a second that way,
and a dict of scores built in Python still costs a second at 100,000. Here the same BM25F
scores are computed with NumPy, over arrays as long as the index has documents:

* the postings of a term in a segment (document numbers and term frequencies), a
  segment's field lengths and its sortable text columns are read into arrays and kept in a
  process-wide LRU keyed by segment. Whoosh segments never change once written (deletions
  are kept apart and applied here), so this survives every commit that leaves the segment
  alone;
* a term is scored with a few array operations; Or, And and AndNot add scores and
  combine masks (``Scored``); a phrase (``Sequence``) is the And of its words kept where
  their positions follow each other, the positions read once per segment and term;
  fuzzy terms and ranges are scored by Whoosh's own matchers;
* filters (``Scorer.docs``) are boolean masks; a prefix filter on a sortable field (a
  page's site: ``path`` starts with the site root's) is read from the column, not from
  one posting list per page.

The scores are Whoosh's own, to rounding: ``tests/search/test_whoosh_scoring.py`` compares
them with a Whoosh collector. Compound scores and filters are cached per searcher, each
in its own budget, so facet clicks and the next page cost almost nothing and a broad query
never evicts the visitor's filters.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from pickle import loads

import numpy as np
from whoosh import collectors as wcollectors
from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.scoring import BM25F
from whoosh.util.numeric import byte_to_length

# Bytes of postings, lengths and columns kept across searchers, per process.
POSTING_CACHE_BYTES = 256 * 2**20
# Bytes of one searcher's cached compound scores, and of its cached filter masks.
SCORE_CACHE_BYTES = 64 * 2**20
FILTER_CACHE_BYTES = 32 * 2**20

_LENGTH_OF_BYTE = np.array([byte_to_length(b) if b else 0 for b in range(256)], dtype=np.float64)
_NO_IDS = np.zeros(0, dtype=np.int64)


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


_segments = _Lru(POSTING_CACHE_BYTES)


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


def _cached(reader, key, load):
    """``load()`` for one segment, kept in the process-wide LRU: ``load`` gives (value, bytes)."""
    segment = _segment_key(reader)
    cache_key = None if segment is None else (*segment, *key)
    if cache_key is not None:
        cached = _segments.get(cache_key)
        if cached is not None:
            return cached
    value, size = load()
    if cache_key is not None:
        _segments.put(cache_key, value, size + 100)
    return value


def _term_matcher(reader, fieldname, btext):
    """A term's postings in one segment, deleted documents included (None: no term)."""
    if (fieldname, btext) not in reader:
        return None
    matcher = reader.postings(fieldname, btext)
    return getattr(matcher, "child", matcher)  # no deletion filter: applied later


def _blocks(matcher):
    """Walks ``matcher``: yields True at each block of Whoosh's W3 codec (its ids read),
    or False at each posting of another codec (read one at a time)."""
    if matcher is None:
        return
    blockwise = hasattr(matcher, "_read_ids") and hasattr(matcher, "_next_block")
    while matcher.is_active():
        if blockwise:
            matcher._read_ids()
            yield True
            matcher._next_block()
        else:
            yield False
            matcher.next()


def _raw_postings(reader, fieldname, btext):
    """(ids, frequencies) arrays of a term in one segment, deleted documents included."""

    def load():
        ids, freqs = [], []
        matcher = _term_matcher(reader, fieldname, btext)
        for block in _blocks(matcher):
            if block:
                matcher._read_weights()
                ids.extend(matcher._ids)
                freqs.extend(matcher._weights)
            else:  # another codec: the slow, public way
                ids.append(matcher.id())
                freqs.append(matcher.weight())
        found = (np.array(ids, dtype=np.int64), np.array(freqs, dtype=np.float64))
        return found, len(ids) * 16

    return _cached(reader, ("p", fieldname, btext), load)


def _raw_positions(reader, fieldname, btext):
    """(ids, positions) arrays of a term in one segment: ``ids`` repeated once per
    position, deleted documents included; None when the field keeps no positions."""

    def load():
        field = reader.schema[fieldname]
        if not field.format.supports("positions"):
            return False, 0
        ids, counts, deltas = [], [], []
        matcher = _term_matcher(reader, fieldname, btext)
        for block in _blocks(matcher):
            if block:
                # Whoosh's Positions format: a 4-byte count, then the pickled deltas
                # (``formats.Positions.decode_positions``), decoded here in one pass.
                matcher._read_values()
                ids.extend(matcher._ids)
                for value in matcher._values:
                    # The index's own bytes, as Whoosh itself reads them.
                    data = value[4:] if value.endswith(b".") else value[4:] + b"."
                    codes = loads(data)  # noqa: S301
                    counts.append(len(codes))
                    deltas.extend(codes)
            else:  # another codec: the slow, public way
                positions = matcher.value_as("positions")
                ids.append(matcher.id())
                counts.append(len(positions))
                deltas.extend(b - a for a, b in zip([0, *positions], positions, strict=False))
        counts = np.array(counts, dtype=np.int64)
        deltas = np.array(deltas, dtype=np.int64)
        running = np.cumsum(deltas)
        firsts = np.cumsum(counts) - counts
        # Each posting's positions: the running sum of its deltas, restarted at its first.
        restart = np.repeat(running[firsts] - deltas[firsts], counts) if deltas.size else deltas
        found = (np.repeat(np.array(ids, dtype=np.int64), counts), running - restart)
        return found, deltas.size * 16 + len(ids) * 8

    found = _cached(reader, ("q", fieldname, btext), load)
    return None if found is False else found


def _lengths(reader, fieldname):
    """Per-document length of a field in one segment (an array indexed by docnum)."""

    def load():
        count = reader.doc_count_all()
        lengths = None
        perdoc = getattr(reader, "_perdoc", None)
        try:
            column = perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
            if column is None:  # no lengths stored: Whoosh's default length
                lengths = np.ones(count, dtype=np.float64)
            else:
                raw = column._dbfile.get(column._basepos, column._count)
                lengths = np.zeros(count, dtype=np.float64)
                lengths[: len(raw)] = _LENGTH_OF_BYTE[np.frombuffer(raw, dtype=np.uint8)]
        except Exception:  # noqa: BLE001 - not the W3 codec: ask per document below
            lengths = None
        if lengths is None:
            lengths = np.array(
                [reader.doc_field_length(d, fieldname, 1) or 0 for d in range(count)],
                dtype=np.float64,
            )
        return lengths, count * 8

    return _cached(reader, ("l", fieldname), load)


def _column_values(reader, fieldname):
    """The values of a sortable text column in one segment (a bytes array), or None."""

    def load():
        if not reader.has_column(fieldname):
            return False, 0
        column = reader.column_reader(fieldname, translate=False)
        values = np.array(list(column), dtype=np.bytes_)
        return values, values.nbytes

    found = _cached(reader, ("c", fieldname), load)
    return None if found is False else found


class Scored:
    """Scores of a query over a searcher's documents: ``values`` (0 where it does not
    match) and ``mask`` (where it matches), both indexed by docnum. Do not mutate them."""

    __slots__ = ("mask", "values")

    def __init__(self, values, mask):
        self.values = values
        self.mask = mask

    @property
    def nbytes(self):
        return self.values.nbytes + self.mask.nbytes

    def as_dict(self):
        """{docnum: score} of the matching documents."""
        ids = np.flatnonzero(self.mask)
        return dict(zip(ids.tolist(), self.values[ids].tolist(), strict=True))


def mask_of(docnums, size):
    """A boolean mask of ``size`` documents, true at ``docnums``."""
    mask = np.zeros(size, dtype=bool)
    if docnums:
        mask[np.fromiter(docnums, dtype=np.int64, count=len(docnums))] = True
    return mask


def docnums(mask):
    """The docnums where ``mask`` is true, as a set (for Whoosh's own collectors)."""
    return set(np.flatnonzero(mask).tolist())


class _Budget:
    """A per-searcher cache of arrays, emptied when it outgrows its byte budget."""

    def __init__(self, limit):
        self.limit = limit
        self.size = 0
        self.items = {}

    def get(self, key):
        return self.items.get(key)

    def put(self, key, value, size):
        if self.size + size > self.limit:
            self.items.clear()
            self.size = 0
        self.items[key] = value
        self.size += size
        return value


class Scorer:
    """Evaluates a compiled Whoosh query to ``Scored`` arrays on one searcher."""

    def __init__(self, searcher, deadline=None):
        self.searcher = searcher
        self.deadline = deadline
        caches = searcher.__dict__
        self.cache = caches.get("_hub_scores") or caches.setdefault(
            "_hub_scores", _Budget(SCORE_CACHE_BYTES)
        )
        self.filters = caches.get("_hub_filters") or caches.setdefault(
            "_hub_filters", _Budget(FILTER_CACHE_BYTES)
        )
        self.size = searcher.doc_count_all()
        self.weighting = searcher.weighting
        self.fast = type(self.weighting) is BM25F

    def _check_time(self):
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise wcollectors.TimeLimit

    def live(self):
        """The mask of documents not deleted."""
        found = self.filters.get("__live__")
        if found is None:
            found = np.ones(self.size, dtype=bool)
            for leaf, offset in self.searcher.leaf_searchers():
                reader = leaf.reader()
                if reader.has_deletions():
                    deleted = np.fromiter(reader.deleted_docs_set, dtype=np.int64)
                    found[offset + deleted] = False
            self.filters.put("__live__", found, found.nbytes)
        return found

    def scored(self, query):
        """``Scored`` of every document matching ``query``."""
        if query is wq.NullQuery:
            return Scored(np.zeros(self.size), np.zeros(self.size, dtype=bool))
        key = repr(query)
        cached = self.cache.get(key)
        if cached is not None:
            return cached
        self._check_time()
        found = self._evaluate(query)
        return self.cache.put(key, found, found.nbytes)

    def scores(self, query):
        """{docnum: score} of every document matching ``query`` (tests, small indexes)."""
        return self.scored(query).as_dict()

    def docs(self, query):
        """The mask of live documents matching ``query`` (unscored: filters); do not mutate it."""
        if query is wq.NullQuery:
            return np.zeros(self.size, dtype=bool)
        key = repr(query)
        cached = self.filters.get(key)
        if cached is not None:
            return cached
        self._check_time()
        kind = type(query)
        if kind is wq.Term:
            found = self._term_docs(query)
        elif kind is wq.Or:
            found = np.zeros(self.size, dtype=bool)
            for sub in query.subqueries:
                found |= self.docs(sub)
        elif kind is wq.And:
            found = self.live().copy()
            for sub in query.subqueries:
                found &= self.docs(sub)
        elif kind is wq.AndNot:
            found = self.docs(query.a) & ~self.docs(query.b)
        elif kind is wq.Every and not query.fieldname:
            found = self.live()
        elif kind is wq.Prefix and (column := self._prefix_docs(query)) is not None:
            found = column
        else:
            found = mask_of(list(self.searcher.docs_for_query(query)), self.size)
        return self.filters.put(key, found, found.nbytes)

    def _btext(self, fieldname, text):
        schema = self.searcher.schema
        if fieldname not in schema:
            return None
        try:
            return schema[fieldname].to_bytes(text)
        except ValueError:
            return None

    def _term_docs(self, query):
        found = np.zeros(self.size, dtype=bool)
        btext = self._btext(query.fieldname, query.text)
        if btext is None:
            return found
        for leaf, offset in self.searcher.leaf_searchers():
            ids, _freqs = _raw_postings(leaf.reader(), query.fieldname, btext)
            found[offset + ids] = True
        return found & self.live()

    def _prefix_docs(self, query):
        """A prefix filter read from the field's sortable column (None: no column, or an
        empty prefix, which a document without a value would pass here and not in
        Whoosh)."""
        prefix = str(query.text).encode()
        if not prefix:
            return None
        parts = []
        for leaf, _offset in self.searcher.leaf_searchers():
            values = _column_values(leaf.reader(), query.fieldname)
            if values is None:
                return None
            parts.append(np.char.startswith(values, prefix))
        found = np.concatenate(parts) if parts else np.zeros(0, dtype=bool)
        return found & self.live()

    def _evaluate(self, query):
        kind = type(query)
        if kind is wq.Or:
            return self._union(query)
        if kind is wq.And:
            return self._intersection(query)
        if kind is wq.AndNot:
            positive = self.scored(query.a)
            mask = positive.mask & ~self.docs(query.b)
            return Scored(np.where(mask, positive.values * query.boost, 0.0), mask)
        if kind is wq.Term and self.fast:
            values, mask = np.zeros(self.size), np.zeros(self.size, dtype=bool)
            self._add_term(query, values, mask)
            return Scored(values, mask)
        if kind is wq.Sequence and self.fast and (found := self._sequence(query)) is not None:
            return found
        if kind is wq.Every and not query.fieldname:
            # Whoosh scores every document with the query's boost.
            live = self.live()
            return Scored(np.where(live, float(query.boost), 0.0), live)
        return self._by_whoosh(query)

    def _union(self, query):
        values, mask = np.zeros(self.size), np.zeros(self.size, dtype=bool)
        for sub in query.subqueries:
            if type(sub) is wq.Term and self.fast:
                self._add_term(sub, values, mask)
            else:
                part = self.scored(sub)
                values += part.values
                mask |= part.mask
        if query.boost != 1.0:
            values *= query.boost
        return Scored(values, mask)

    def _intersection(self, query):
        parts = [self.scored(q) for q in query.subqueries]
        if not parts:
            return Scored(np.zeros(self.size), np.zeros(self.size, dtype=bool))
        mask = parts[0].mask.copy()
        for part in parts[1:]:
            mask &= part.mask
        values = np.zeros(self.size)
        for part in parts:
            values += part.values
        values *= query.boost
        values[~mask] = 0.0
        return Scored(values, mask)

    def _sequence(self, query):
        """A phrase: its words' And, where their positions follow each other (Whoosh's
        ``Sequence`` with slop 1, ordered: a binary tree of ``SpanNear`` matchers over an
        intersection, which scores the sum of its words' scores). None when it is not a
        phrase of terms (or alternatives of terms) of one field with positions."""
        words = [q.subqueries if type(q) is wq.Or else [q] for q in query.subqueries]
        terms = [t for alternatives in words for t in alternatives]
        if (
            query.slop != 1
            or not query.ordered
            or len(words) < 2
            or any(type(t) is not wq.Term for t in terms)
            or len({t.fieldname for t in terms}) != 1
        ):
            return None
        parts = [self.scored(q) for q in query.subqueries]
        candidates = parts[0].mask.copy()
        for part in parts[1:]:
            candidates &= part.mask
        values, mask = np.zeros(self.size), np.zeros(self.size, dtype=bool)
        if candidates.any():
            # (docnum << 32 | position) of the phrase's end so far, word by word.
            ends = self._position_keys(words[0], candidates)
            for alternatives in words[1:]:
                if ends is None or not ends.size:
                    break
                following = self._position_keys(alternatives, candidates)
                if following is None:
                    return None
                ends = ends[np.isin(ends + 1, following)] + 1
            if ends is None:
                return None
            mask[np.unique(ends >> 32)] = True
            for part in parts:
                values += part.values
            values *= query.boost
            values[~mask] = 0.0
        return Scored(values, mask)

    def _position_keys(self, terms, candidates):
        """``docnum << 32 | position`` of each occurrence of ``terms`` in ``candidates``."""
        keys = []
        for term in terms:
            self._check_time()
            btext = self._btext(term.fieldname, term.text)
            if btext is None:
                continue
            for leaf, offset in self.searcher.leaf_searchers():
                found = _raw_positions(leaf.reader(), term.fieldname, btext)
                if found is None:
                    return None
                ids, positions = found
                if not ids.size:
                    continue
                docs = ids + offset if offset else ids
                kept = candidates[docs]
                keys.append((docs[kept] << 32) | positions[kept])
        return np.concatenate(keys) if keys else _NO_IDS

    def _add_term(self, query, values, mask):
        """Adds a term's BM25F scores into ``values`` and its documents into ``mask``."""
        self._check_time()
        searcher = self.searcher
        fieldname = query.fieldname
        btext = self._btext(fieldname, query.text)
        if btext is None or (fieldname, btext) not in searcher.reader():
            return
        if not searcher.schema[fieldname].scorable:
            part = self._by_whoosh(query)
            values += part.values
            mask |= part.mask
            return
        weighting = self.weighting
        b = weighting._field_B.get(fieldname, weighting.B)
        k1 = weighting.K1
        idf = searcher.idf(fieldname, btext)
        avgfl = searcher.avg_field_length(fieldname) or 1
        # bm25(), vectorised: idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * fl / avgfl))
        scale = idf * (k1 + 1) * query.boost
        base = k1 * (1 - b)
        per_length = k1 * b / avgfl
        live = self.live()
        for leaf, offset in searcher.leaf_searchers():
            reader = leaf.reader()
            ids, tf = _raw_postings(reader, fieldname, btext)
            if not ids.size:
                continue
            lengths = _lengths(reader, fieldname)[ids]
            lengths[lengths == 0] = 1
            docs = ids + offset if offset else ids
            if reader.has_deletions():
                kept = live[docs]
                docs, tf, lengths = docs[kept], tf[kept], lengths[kept]
            values[docs] += scale * tf / (tf + base + per_length * lengths)
            mask[docs] = True

    def _by_whoosh(self, query):
        """Scores through Whoosh's matchers (phrases, fuzzy and prefix terms, ranges)."""
        searcher = self.searcher
        context = searcher.context()
        ids, scores = [], []
        for leaf, offset in searcher.leaf_searchers():
            matcher = query.matcher(leaf, context)
            seen = 0
            while matcher.is_active():
                ids.append(offset + matcher.id())
                scores.append(matcher.score())
                seen += 1
                if not seen % 1024:
                    self._check_time()
                matcher.next()
        values, mask = np.zeros(self.size), np.zeros(self.size, dtype=bool)
        if ids:
            where = np.array(ids, dtype=np.int64)
            values[where] = scores
            mask[where] = True
        return Scored(values, mask)


def ranked(values, allowed, limit=None):
    """[(score, docnum)] of the documents in the mask ``allowed``, best first (ties: docnum)."""
    ids = np.flatnonzero(allowed)
    if not ids.size:
        return []
    scores = values[ids]
    if limit is not None and limit < ids.size:
        # A results page wants ten of thousands: find the lowest score that makes the
        # cut, then order only what reaches it (ties at the cut included).
        cut = ids.size - limit
        floor = np.partition(scores, cut)[cut]
        keep = scores >= floor
        ids, scores = ids[keep], scores[keep]
    order = np.lexsort((ids, -scores))[:limit]
    return [(float(scores[i]), int(ids[i])) for i in order]


__all__ = ["Scored", "Scorer", "clear_caches", "docnums", "mask_of", "ranked"]
