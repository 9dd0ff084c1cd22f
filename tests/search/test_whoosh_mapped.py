"""Compound segments are read in place (search/backends/whoosh/mapped.py)."""

import io
import random

import pytest
from whoosh import fields, index
from whoosh import query as wq
from whoosh.filedb import compound

from search.backends.whoosh import (
    mapped,
    writing,  # noqa: F401 - installs the reader
)


def test_the_backend_opens_compound_segments_in_place():
    assert compound.BufferFile is mapped.ViewFile


def test_the_stream_reads_as_bytesio_does():
    rng = random.Random(3)
    data = bytes(rng.randrange(256) for _ in range(20_000)) + b"line one\nline two\nend"
    ours, theirs = mapped.ViewStream(memoryview(data)), io.BytesIO(data)
    for _ in range(2_000):
        action = rng.choice(["seek", "seek_cur", "seek_end", "read", "read_all", "readline"])
        if action == "seek":
            position = rng.randrange(len(data) + 10)
            assert ours.seek(position) == theirs.seek(position)
        elif action == "seek_cur":
            offset = rng.randrange(-50, 50)
            if ours.tell() + offset >= 0:
                assert ours.seek(offset, 1) == theirs.seek(offset, 1)
        elif action == "seek_end":
            offset = -rng.randrange(0, 40)
            assert ours.seek(offset, 2) == theirs.seek(offset, 2)
        elif action == "read":
            size = rng.randrange(0, 300)
            assert ours.read(size) == theirs.read(size)
        elif action == "read_all" and rng.random() < 0.05:
            assert ours.read() == theirs.read()
        else:
            size = rng.choice([-1, 5, 100])
            assert ours.readline(size) == theirs.readline(size)
        assert ours.tell() == theirs.tell()
    with pytest.raises(ValueError):
        ours.seek(-1)


def test_a_compound_index_reads_the_same_through_views(tmp_path):
    schema = fields.Schema(pk=fields.ID(stored=True, unique=True), body=fields.TEXT(stored=True))
    ix = index.create_in(str(tmp_path), schema)
    for batch in range(3):
        writer = ix.writer()
        for n in range(30):
            writer.add_document(
                pk=f"{batch}-{n}", body=f"victim shelter code{n % 7} border {batch}"
            )
        writer.commit(merge=False)
    with ix.searcher() as searcher:
        files = [leaf.reader()._terms._dbfile for leaf, _offset in searcher.leaf_searchers()]
        assert files and all(isinstance(f, mapped.ViewFile) for f in files)
        hits = searcher.search(
            wq.And([wq.Term("body", "victim"), wq.Term("body", "code3")]), limit=None
        )
        expected = sorted(f"{b}-{n}" for b in range(3) for n in range(30) if n % 7 == 3)
        assert sorted(hit["pk"] for hit in hits) == expected
        assert all(hit["body"].startswith("victim shelter code3") for hit in hits)
