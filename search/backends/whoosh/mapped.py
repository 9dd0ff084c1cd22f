"""Segments read in place: Whoosh copied each file of a segment whenever it opened it.

A compound segment is memory-mapped, and Whoosh opens each file in it as a
``BufferFile``, whose stream is ``BytesIO(view)``: a copy of the whole file. Every reader
(each new searcher after a commit, and the writer of every index write, which opens one
to delete the old version of a document) therefore copied the postings and terms of
every segment, 600 MB for 100,000 practices: most of a second per open. Here the stream
reads the mapped view in place; what it returns is what ``BytesIO`` returned.
"""

from whoosh.filedb import compound
from whoosh.filedb.structfile import BufferFile


class ViewStream:
    """A read-only, seekable stream over a buffer, without copying it."""

    def __init__(self, view):
        self.view = memoryview(view)
        self.position = 0

    def seek(self, offset, whence=0):
        if whence == 1:
            offset += self.position
        elif whence == 2:
            offset += len(self.view)
        if offset < 0:
            raise ValueError(f"negative seek position {offset}")
        self.position = offset
        return offset

    def tell(self):
        return self.position

    def read(self, size=-1):
        if self.position >= len(self.view):
            return b""  # past the end: nothing, and the position stays (as in BytesIO)
        start = self.position
        end = len(self.view) if size is None or size < 0 else min(start + size, len(self.view))
        self.position = end
        return bytes(self.view[start:end])

    def readline(self, size=-1):
        if self.position >= len(self.view):
            return b""
        start = self.position
        end = len(self.view) if size is None or size < 0 else min(start + size, len(self.view))
        cursor = start
        while cursor < end:  # looked for a block at a time, not in a copy of the rest
            block = self.view[cursor : min(cursor + 4096, end)].tobytes()
            newline = block.find(b"\n")
            if newline >= 0:
                end = cursor + newline + 1
                break
            cursor += len(block)
        self.position = end
        return bytes(self.view[start:end])

    def __iter__(self):
        while line := self.readline():
            yield line

    def close(self):
        pass

    def flush(self):
        pass


class ViewFile(BufferFile):
    """Whoosh's ``BufferFile`` with a stream that reads the buffer in place."""

    def __init__(self, buf, name=None, onclose=None):
        super().__init__(b"", name=name, onclose=onclose)
        self._buf = buf
        self.file = ViewStream(buf)

    def subset(self, position, length, name=None):
        return ViewFile(self._buf[position : position + length], name=name or self._name)


def install():
    """Make Whoosh open the files of compound segments as ``ViewFile``\\ s."""
    compound.BufferFile = ViewFile
