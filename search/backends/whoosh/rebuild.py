"""Full rebuilds (``update_index``): a new generation, written fast, then swapped in.

``WhooshRebuilder`` is modelsearch's rebuilder: it builds a new generation beside the live
one with the writers below and swaps it in when complete (``writing``).

A rebuild writes every document of an index once, so Whoosh's per-posting bookkeeping
dominates its cost (3.5 million postings for 10,000 practices). The classes here change
how a segment is *written*, never what it holds: the segment files are byte for byte
those Whoosh's own ``SegmentWriter`` writes (``tests/search/test_whoosh_rebuild.py``
compares them), and they are read back with Whoosh's own codec (``RebuildCodec``
records a plain ``W3Codec`` with each segment, so nothing of this module is pickled into
an index).

What each saves, per posting:

* ``RebuildSegmentWriter.add_document``: text and keyword values are tokenized with one
  ``findall`` instead of a generator stack per token, and postings go into the pool's
  list without ``PostingPool.add`` (its assertions and memory estimate per posting);
* ``_WholeColumnLengths``: flushing asked ``doc_field_length`` for every posting, which
  checked that the length column's file exists (fields without lengths) or sought and
  read one byte; now each column is read once;
* ``_FastFieldWriter.add_postings``: ``W3PostingsWriter.add_posting`` done inline;
* ``_ChunkedPool``: past its memory limit the posting pool is sorted to a run on disk;
  Whoosh marshals each posting to the run and reads it back with one call per posting,
  which made a run cost as much as indexing its postings (at 100,000 practices, with
  17 million postings per process, most of them spill). Runs are marshalled in chunks.

Together they take the Whoosh side of a 10,000-practice rebuild from about 33 to 19 CPU
seconds per worker process (``bench_search``'s synthetic practices, two workers).
"""

import contextlib
import itertools
import marshal
import os
import uuid

from django.apps import apps
from whoosh import formats
from whoosh import index as windex
from whoosh.analysis import RegexTokenizer
from whoosh.codec.base import OutOfOrderError
from whoosh.codec.whoosh3 import (
    LENGTHS_COLUMN,
    W3Codec,
    W3FieldWriter,
    W3PerDocReader,
    W3Segment,
    _lenfield,
)
from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.system import pack_uint
from whoosh.util.numeric import byte_to_length
from whoosh.writing import PostingPool, SegmentWriter

from .writing import INDEX_NAME, WhooshIndex

# Seconds a cancelled rebuild worker gets to end on SIGTERM before it is killed.
CANCEL_GRACE_S = 5

# Whoosh stores a field length as one byte; this is the length each byte stands for.
_LENGTH_OF_BYTE = [byte_to_length(b) if b else None for b in range(256)]


class _WholeColumnLengths(W3PerDocReader):
    """A per-document reader whose ``doc_field_length`` reads each column only once.

    Same results as Whoosh's: the length a stored byte stands for, None for a byte of 0
    and ``default`` for a field without a length column.
    """

    def __init__(self, storage, segment):
        super().__init__(storage, segment)
        self._whole_lengths = {}

    def field_lengths(self, fieldname):
        """[length or None per document] of a field, or None when it stores no lengths."""
        try:
            return self._whole_lengths[fieldname]
        except KeyError:
            lengths = self._whole_lengths[fieldname] = self._read_lengths(fieldname)
            return lengths

    def _read_lengths(self, fieldname):
        column = self._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        if column is None:
            return None
        count = self._doccount
        raw = column._dbfile.get(column._basepos, min(column._count, count))
        lengths = [_LENGTH_OF_BYTE[b] for b in raw]
        # Documents past the column's end have no length; Whoosh allows docnum == count.
        lengths.extend([None] * (count + 1 - len(lengths)))
        return lengths

    def doc_field_length(self, docnum, fieldname, default=0):
        lengths = self.field_lengths(fieldname)
        if lengths is None:
            return default
        return lengths[docnum]  # IndexError past the last document, as in Whoosh


class RebuildCodec(W3Codec):
    """Whoosh's W3 codec with cheaper segment flushing (see the module docstring).

    Writers take it as ``codec=``; ``MpWriter`` hands it on to its worker processes.
    """

    def per_document_reader(self, storage, segment):
        return _WholeColumnLengths(storage, segment)

    def field_writer(self, storage, segment):
        return _FastFieldWriter(self, storage, segment)

    def new_segment(self, storage, indexname):
        # The segment is pickled into the table of contents with its codec: record the
        # plain W3 codec (same settings), which reads exactly what this one wrote.
        plain = W3Codec(
            blocklimit=self._blocklimit,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )
        return W3Segment(plain, indexname)


class _FastFieldWriter(W3FieldWriter):
    """``W3FieldWriter`` whose ``add_postings`` does W3's per-posting work inline.

    The loop of ``FieldWriter.add_postings`` calls ``doc_field_length``, ``add`` and
    ``W3PostingsWriter.add_posting`` (with its type assertions) for every posting. Here
    each field's lengths are fetched once and the block buffers are filled directly;
    blocks are still written by ``W3PostingsWriter._write_block``, so the files are the
    same bytes.
    """

    def add_postings(self, schema, lengths, items):
        whole = getattr(lengths, "field_lengths", None)
        if whole is None:  # not our reader: Whoosh's own loop
            return super().add_postings(schema, lengths, items)
        blocklimit = self._codec._blocklimit
        lastfn = lasttext = None
        postwriter = ids = weights = values = None
        field_lengths = None
        for fieldname, btext, docnum, weight, value in items:
            if fieldname != lastfn:
                if lastfn is not None and fieldname < lastfn:
                    raise OutOfOrderError(f"Field {lastfn!r} .. {fieldname!r}")
                if lasttext is not None:
                    self.finish_term()
                if lastfn is not None:
                    self.finish_field()
                self.start_field(fieldname, schema[fieldname])
                field_lengths = whole(fieldname)
                lastfn = fieldname
                lasttext = None
            if docnum == -1:
                continue  # Whoosh's marker for spelling words: not postings
            if btext != lasttext:
                if lasttext is not None:
                    if btext < lasttext:
                        raise OutOfOrderError(f"Term {fieldname}:{lasttext!r} .. {btext!r}")
                    self.finish_term()
                self.start_term(btext)
                postwriter = self._postwriter
                ids, weights, values = postwriter._ids, postwriter._weights, postwriter._values
                lasttext = btext
            # W3PostingsWriter.add_posting, inline.
            if len(ids) >= blocklimit:
                postwriter._write_block()
                ids, weights, values = postwriter._ids, postwriter._weights, postwriter._values
            ids.append(docnum)
            weights.append(weight)
            if weight > postwriter._maxweight:
                postwriter._maxweight = weight
            if value:
                values.append(value)
            length = field_lengths[docnum] if field_lengths is not None else 0
            if length:
                if postwriter._minlength is None or length < postwriter._minlength:
                    postwriter._minlength = length
                if length > postwriter._maxlength:
                    postwriter._maxlength = length
        if lasttext is not None:
            self.finish_term()
        if lastfn is not None:
            self.finish_field()


def _tokenizer_pattern(analyzer):
    """The compiled pattern of a plain ``RegexTokenizer`` (matches are the tokens), else None."""
    if type(analyzer) is not RegexTokenizer or analyzer.gaps:
        return None
    pattern = analyzer.expression
    return pattern if pattern.groups == 0 else None


def _fast_indexer(field):
    """A function(text) -> [(btext, freq, weight, value)] equal to ``field.index(text)``.

    Only for the fields the backend uses for text and keywords: a plain regex tokenizer
    (the hub analyses text itself and joins the tokens with spaces) with Whoosh's
    ``Positions`` or ``Frequency`` format. None for anything else.
    """
    pattern = _tokenizer_pattern(getattr(field, "analyzer", None))
    fmt = field.format
    if pattern is None or fmt is None:
        return None
    boost = fmt.field_boost
    findall = pattern.findall
    if type(fmt) is formats.Positions:
        encode = fmt.encode

        def index(text):
            positions = {}
            for pos, word in enumerate(findall(text)):
                found = positions.get(word)
                if found is None:
                    positions[word] = [pos]
                else:
                    found.append(pos)
            return [
                (word.encode("utf-8"), len(poslist), float(len(poslist)) * boost, encode(poslist))
                for word, poslist in positions.items()
            ]

        return index
    if type(fmt) is formats.Frequency:

        def index(text):
            counts = {}
            for word in findall(text):
                counts[word] = counts.get(word, 0) + 1
            return [
                (word.encode("utf-8"), freq, float(freq) * boost, pack_uint(freq))
                for word, freq in counts.items()
            ]

        return index
    return None


class _ChunkedPool(PostingPool):
    """Whoosh's posting pool, writing and reading its runs a chunk of postings at a time
    (the runs hold the same postings in the same order)."""

    CHUNK = 20_000

    def _write_run(self, f, items):
        # A sorted list, or the merge of other runs (a generator).
        items = iter(items)
        try:
            while chunk := list(itertools.islice(items, self.CHUNK)):
                marshal.dump(chunk, f, 2)
        finally:
            f.close()

    def _read_run(self, path):
        f = self._open_run(path)
        try:
            while True:
                try:
                    chunk = marshal.load(f)  # noqa: S302 - this process's own run file
                except EOFError:
                    return
                yield from chunk
        finally:
            f.close()
            self._remove_run(path)


class RebuildSegmentWriter(SegmentWriter):
    """``SegmentWriter`` with a cheaper ``add_document`` for a rebuild's documents.

    Same postings, lengths, stored fields and columns as Whoosh's ``add_document``:

    * text and keyword fields are tokenized by ``_fast_indexer`` (one ``findall`` and a
      dict per value instead of a generator stack per token);
    * postings go to the pool's list directly, with the pool's memory estimate taken per
      field; past ``limitmb`` the pool is sorted to a run on disk as before.
    """

    def __init__(self, ix, **kwargs):
        super().__init__(ix, **kwargs)
        pool = self.pool
        self.pool = _ChunkedPool(pool.tempstore, pool.segment, limitmb=pool.limit // 2**20)
        self._indexers = {}
        # Spelling words and term vectors (unused by the backend) take Whoosh's own path.
        self._plain = not any(f.separate_spelling() or f.vector for f in self.schema)

    def _indexer(self, fieldname, field):
        try:
            return self._indexers[fieldname]
        except KeyError:
            indexer = self._indexers[fieldname] = _fast_indexer(field)
            return indexer

    def add_document(self, **fields):
        if not self._plain:
            return super().add_document(**fields)
        # Whoosh's SegmentWriter.add_document, with the fast path and the pool inline.
        self._check_state()
        perdocwriter = self.perdocwriter
        schema = self.schema
        docnum = self.docnum
        pool = self.pool
        docboost = self._doc_boost(fields)
        fieldnames = sorted([name for name in fields if not name.startswith("_")])
        self._check_fields(schema, fieldnames)
        perdocwriter.start_doc(docnum)
        try:
            for fieldname in fieldnames:
                value = fields.get(fieldname)
                if value is None:
                    continue
                field = schema[fieldname]
                length = 0
                if field.indexed:
                    fieldboost = self._field_boost(fields, fieldname, docboost)
                    indexer = self._indexer(fieldname, field) if type(value) is str else None
                    items = indexer(value) if indexer is not None else field.index(value)
                    scorable = field.scorable
                    current = pool.current
                    size = count = 0
                    for tbytes, freq, weight, vbytes in items:
                        weight *= fieldboost
                        if scorable:
                            length += freq
                        current.append((fieldname, tbytes, docnum, weight, vbytes))
                        size += len(tbytes) * 2 + len(vbytes or b"")
                        count += 1
                    if count:
                        pool.fieldnames.add(fieldname)
                        # PostingPool.add's estimate: 150 bytes and the strings' lengths.
                        pool.currentsize += size + count * (150 + len(fieldname))
                        if pool.currentsize > pool.limit:
                            pool.save()
                stored = fields.get(f"_stored_{fieldname}", value)
                perdocwriter.add_field(fieldname, field, stored if field.stored else None, length)
                column = field.column_type
                if column and stored is not None:
                    perdocwriter.add_column_value(fieldname, column, field.to_column_value(stored))
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1


class _RebuildTask(SubWriterTask):
    """Whoosh's worker process for ``MpWriter(multisegment=True)``, writing its segment
    with ``RebuildSegmentWriter`` (Whoosh's ``SubWriterTask.run`` names its writer class).
    """

    def run(self):
        ix = self.storage.open_index(self.indexname)
        writer = self.writer = RebuildSegmentWriter(ix, _lk=False, **self.kwargs)
        while True:
            job = self.jobqueue.get()
            if job is None:
                break
            self._process_file(*job)
        segment = writer._finalize_segment()
        self.resultqueue.put((None, writer.pool.fieldnames, segment), timeout=5)


class RebuildWriter(MpWriter):
    """Whoosh's multi-process writer (one segment per process, not merged) for rebuilds.

    Its processes are daemons and ``cancel()`` ends them: Whoosh's own ``cancel()`` only
    flags its copy of each process object, so after a failed rebuild the workers waited
    for jobs forever and the command never exited.
    """

    def __init__(self, ix, procs, **kwargs):
        super().__init__(ix, procs=procs, multisegment=True, **kwargs)

    def _new_task(self):
        task = _RebuildTask(
            self.storage, self.indexname, self.jobqueue, self.resultqueue, self.subargs, True
        )
        task.daemon = True
        self.tasks.append(task)
        task.start()
        return task

    def cancel(self):
        try:
            for task in self.tasks:
                task.terminate()
            for task in self.tasks:
                # A worker forked from a process with a Python SIGTERM handler inherits
                # it and can sleep on through SIGTERM (seen: a CI run hung here for
                # minutes): then it is killed outright.
                task.join(CANCEL_GRACE_S)
                if task.is_alive():
                    task.kill()
                    task.join()
        finally:
            SegmentWriter.cancel(self)


def rebuild_writer(ix, procs=1, limitmb=512):
    """The writer a rebuild fills: ``procs`` worker processes (one segment each) or,
    with ``procs=1``, one ``RebuildSegmentWriter`` in this process. Commit it with
    ``commit(merge=False)``."""
    codec = RebuildCodec()
    if procs > 1:
        return RebuildWriter(ix, procs, limitmb=limitmb, codec=codec)
    return RebuildSegmentWriter(ix, limitmb=limitmb, codec=codec)


class WhooshRebuilder:
    """Builds a new generation beside the live one and swaps it in when complete.

    The new generation is written by one writer and committed once: one segment, no
    merging. Live writes meanwhile go to the current generation and a journal; the
    journal is replayed into the new generation before the swap and once more after it.
    """

    def __init__(self, index):
        self.index = index
        self.directory = None
        self._lock = None
        self._writer = None
        self._journal_offset = 0

    def start(self):
        index = self.index
        self._lock = index.backend.admin_lock(index.name, blocking=False)
        self._lock.__enter__()
        with contextlib.suppress(FileNotFoundError):
            os.remove(index.journal)
        self.directory = index.new_generation()
        temporary = f"{index.marker}.{uuid.uuid4().hex[:8]}"
        with open(temporary, "w") as marker:
            marker.write(os.path.basename(self.directory))
        os.replace(temporary, index.marker)
        ix = windex.open_dir(self.directory, indexname=INDEX_NAME)
        # Whoosh's own indexing runs in worker processes (one segment each, not merged);
        # this process builds the documents.
        procs = max(1, min(index.backend.rebuild_procs, os.cpu_count() or 1))
        memory = index.backend.rebuild_memory_mb
        self._writer = rebuild_writer(ix, procs=procs, limitmb=memory)
        target = WhooshIndex(index.backend, index.root, directory=self.directory)
        target.bulk_writer = self._writer
        return target

    def finish(self):
        index = self.index
        try:
            self._writer.commit(merge=False)
            self._writer = None
            self._replay()
            index.swap_in(self.directory)
            self._replay()
        finally:
            if self._writer is not None:
                self._writer.cancel()
            for path in (index.marker, index.journal):
                with contextlib.suppress(FileNotFoundError):
                    os.remove(path)
            self._lock.__exit__(None, None, None)

    def _replay(self):
        """Apply journal lines written since the last replay to the new generation."""
        try:
            with open(self.index.journal) as journal:
                journal.seek(self._journal_offset)
                lines = journal.readlines()
                self._journal_offset = journal.tell()
        except FileNotFoundError:
            return
        adds, deletes = {}, []
        for line in lines:
            parts = line.split()
            if len(parts) != 3:
                continue
            op, label, pk = parts
            if op == "a":
                adds.setdefault(label, []).append(pk)
            elif op == "d":
                deletes.append(pk)
        target = WhooshIndex(self.index.backend, self.index.root, directory=self.directory)
        if deletes:
            target.delete_pks(deletes)
        for label, pks in adds.items():
            model = apps.get_model(label)
            objects = []
            for obj in model._default_manager.filter(pk__in=pks):
                instance = obj.get_indexed_instance()
                if instance is not None:
                    objects.append(instance)
            found = {str(obj.pk) for obj in objects}
            target.add_items(model, objects)
            gone = [pk for pk in pks if pk not in found]
            if gone:
                target.delete_pks(gone)
