"""The posting-list scorer gives Whoosh's own BM25F scores, on several segments and deletions."""

import numpy as np
import pytest
from whoosh import fields, index
from whoosh import query as wq
from whoosh.analysis import SpaceSeparatedTokenizer

from search.backends.whoosh import scoring

WORDS = ["victim", "shelter", "labour", "referral", "permit", "police", "border", "child", "court"]


@pytest.fixture
def searcher(tmp_path):
    scoring.clear_caches()
    schema = fields.Schema(
        pk=fields.ID(stored=True, unique=True),
        title=fields.TEXT(analyzer=SpaceSeparatedTokenizer(), phrase=True),
        body=fields.TEXT(analyzer=SpaceSeparatedTokenizer(), phrase=True),
    )
    ix = index.create_in(str(tmp_path), schema)
    for batch in range(3):  # three commits: three segments
        writer = ix.writer()
        for n in range(40):
            i = batch * 40 + n
            title = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(1 + i % 3))
            body = " ".join(WORDS[(i * k) % len(WORDS)] for k in range(3 + i % 11))
            writer.add_document(pk=str(i), title=title, body=body)
        writer.commit(merge=False)
    writer = ix.writer()
    for pk in ("3", "45", "81"):  # deletions in every segment
        writer.delete_by_term("pk", pk)
    writer.commit(merge=False)
    with ix.searcher() as s:
        assert len(s.leaf_searchers()) > 1
        yield s


def whoosh_scores(searcher, query):
    return {hit.docnum: hit.score for hit in searcher.search(query, limit=None)}


QUERIES = [
    wq.Term("body", "victim"),
    wq.Term("title", "shelter", boost=3.0),
    wq.Or(
        [wq.Term("title", "police", boost=2.0), wq.Term("body", "police"), wq.Term("body", "court")]
    ),
    wq.Or([wq.Term("body", "victim"), wq.Term("body", "absent-word")], boost=1.5),
    wq.And(
        [wq.Or([wq.Term("title", "child"), wq.Term("body", "child")]), wq.Term("body", "labour")]
    ),
    wq.AndNot(wq.Term("body", "border"), wq.Term("title", "permit")),
    wq.Or(
        [
            wq.Sequence([wq.Term("body", "victim"), wq.Term("body", "shelter")]),
            wq.Term("title", "court"),
        ]
    ),
    wq.Sequence([wq.Term("body", "victim"), wq.Term("body", "shelter"), wq.Term("body", "labour")]),
    wq.Sequence(
        [
            wq.Or([wq.Term("body", "police"), wq.Term("body", "border")]),
            wq.Or([wq.Term("body", "child"), wq.Term("body", "court")]),
        ],
        boost=2.0,
    ),
    wq.Sequence([wq.Term("title", "police"), wq.Term("title", "border")]),
    wq.Every(),
]


@pytest.mark.parametrize("query", QUERIES, ids=repr)
def test_scores_equal_whoosh(searcher, query):
    expected = whoosh_scores(searcher, query)
    got = scoring.Scorer(searcher).scores(query)

    assert expected, "the query should match something"
    assert set(got) == set(expected)
    for docnum, score in expected.items():
        assert got[docnum] == pytest.approx(score, rel=1e-5)


def test_deleted_documents_never_score(searcher):
    reader = searcher.reader()
    deleted = {d for d in range(reader.doc_count_all()) if reader.is_deleted(d)}

    got = scoring.Scorer(searcher).scores(wq.Or([wq.Term("body", w) for w in WORDS]))

    assert len(deleted) == 3
    assert not deleted & set(got)


def _arrays(scores, allowed=None, size=120):
    """(values, mask) arrays of a {docnum: score} dict, the mask cut to ``allowed``."""
    values = np.zeros(size)
    values[list(scores)] = list(scores.values())
    mask = scoring.mask_of(set(scores) & (set(range(size)) if allowed is None else allowed), size)
    return values, mask


def test_ranked_orders_by_score_then_docnum_and_honours_the_allowed_set():
    scores = {5: 1.0, 2: 3.0, 9: 1.0, 7: 0.5}

    assert scoring.ranked(*_arrays(scores)) == [(3.0, 2), (1.0, 5), (1.0, 9), (0.5, 7)]
    assert scoring.ranked(*_arrays(scores, {9, 7, 100})) == [(1.0, 9), (0.5, 7)]
    assert scoring.ranked(*_arrays(scores), limit=2) == [(3.0, 2), (1.0, 5)]
    # Ties at the cut go to the lower docnum, however many share the score.
    tied = dict.fromkeys(range(50, 0, -1), 1.0) | {99: 2.0}
    assert scoring.ranked(*_arrays(tied), limit=3) == [(2.0, 99), (1.0, 1), (1.0, 2)]
    assert scoring.ranked(*_arrays(tied, set(range(40, 100))), limit=2) == [
        (2.0, 99),
        (1.0, 40),
    ]
    assert scoring.ranked(*_arrays({}), limit=3) == []


def test_cached_postings_are_reused_by_the_next_searcher_and_bounded(
    searcher, tmp_path, monkeypatch
):
    first = scoring.Scorer(searcher).scores(wq.Term("body", "victim"))
    cached = scoring._segments.size
    assert cached > 0
    # A new searcher (as after a commit elsewhere) reads no posting list again.
    with index.open_dir(str(tmp_path)).searcher() as fresh:
        again = scoring.Scorer(fresh).scores(wq.Term("body", "victim"))
    assert scoring._segments.size == cached
    assert again == pytest.approx(first)

    monkeypatch.setattr(scoring._segments, "limit", 1)
    scoring._segments.put(("x",), "value", 10)
    assert list(scoring._segments.items) == [("x",)]


def test_field_lengths_are_read_as_one_column_not_per_document(searcher, monkeypatch):
    for leaf, _offset in searcher.leaf_searchers():
        reader = leaf.reader()
        expected = [
            reader.doc_field_length(d, "body", 1) or 0 for d in range(reader.doc_count_all())
        ]

        def per_document(*args, **kwargs):
            raise AssertionError("read per document")

        monkeypatch.setattr(reader, "doc_field_length", per_document)
        assert scoring._lengths(reader, "body").tolist() == expected
        monkeypatch.undo()


@pytest.fixture
def paths(tmp_path):
    """An index of page paths (a sortable ID field), in two segments, with deletions and
    documents without a path."""
    scoring.clear_caches()
    schema = fields.Schema(
        pk=fields.ID(stored=True, unique=True), path=fields.ID(sortable=True), body=fields.TEXT()
    )
    ix = index.create_in(str(tmp_path), schema)
    for batch in range(2):
        writer = ix.writer()
        for n in range(60):
            i = batch * 60 + n
            body = "victim" if i % 2 else "shelter"
            if i % 10 == 7:  # no path: never matched by a prefix, not even an empty one
                writer.add_document(pk=str(i), body=body)
                continue
            writer.add_document(pk=str(i), path=f"0001{i % 3 + 1:04d}{i:04d}", body=body)
        writer.commit(merge=False)
    writer = ix.writer()
    for pk in ("1", "64"):
        writer.delete_by_term("pk", pk)
    writer.commit(merge=False)
    with ix.searcher() as s:
        assert len(s.leaf_searchers()) > 1
        yield s


@pytest.mark.parametrize("prefix", ["0001", "00010002", "000100030061", "0002", ""])
def test_a_prefix_filter_read_from_the_column_equals_whooshs(paths, prefix):
    query = wq.Prefix("path", prefix)

    got = scoring.docnums(scoring.Scorer(paths).docs(query))

    assert got == set(paths.docs_for_query(query))


def test_filters_are_not_evicted_by_scores(paths, monkeypatch):
    monkeypatch.setattr(scoring, "SCORE_CACHE_BYTES", 1)
    scorer = scoring.Scorer(paths)
    allowed = scorer.docs(wq.Prefix("path", "00010002"))

    scorer.scored(wq.Term("body", "victim"))
    scorer.scored(wq.Term("body", "shelter"))  # each empties the tiny score cache

    assert len(scorer.cache.items) == 1
    assert scoring.Scorer(paths).docs(wq.Prefix("path", "00010002")) is allowed


@pytest.mark.parametrize("query", [q for q in QUERIES if type(q) is wq.Sequence], ids=repr)
def test_phrases_are_matched_from_positions_not_by_whooshs_matchers(searcher, query, monkeypatch):
    expected = whoosh_scores(searcher, query)

    def by_whoosh(self, query):
        raise AssertionError(f"{query!r} went to Whoosh's matchers")

    monkeypatch.setattr(scoring.Scorer, "_by_whoosh", by_whoosh)
    got = scoring.Scorer(searcher).scores(query)

    assert got.keys() == expected.keys()
    assert got == pytest.approx(expected, rel=1e-5)
