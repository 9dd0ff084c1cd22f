"""Plain text out of uploaded documents, for the search index.

Anyone with upload rights supplies these files, so every format is read under limits: the
file's size, a PDF's page count, the uncompressed size of a DOCX's text parts, a wall-clock
budget checked between pages, parts and chunks, and a cap on the characters kept (the text
is cut there, not refused). A bad file never raises: the outcome is an ExtractionResult.

Limits come from settings, read on every call:

- ``DOCUMENT_TEXT_MAX_BYTES`` (25 MB): the file, and for DOCX the uncompressed XML parts;
- ``DOCUMENT_TEXT_MAX_PAGES`` (500);
- ``DOCUMENT_TEXT_TIME_LIMIT`` (30 seconds; a single PDF page is not interrupted);
- ``DOCUMENT_TEXT_MAX_CHARS`` (1,000,000).
"""

import contextlib
import re
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath
from xml.parsers import expat

from django.conf import settings

from .choices import TextExtractionStatus as Status

DEFAULT_MAX_BYTES = 25 * 1024 * 1024
DEFAULT_MAX_PAGES = 500
DEFAULT_TIME_LIMIT = 30
DEFAULT_MAX_CHARS = 1_000_000

CHUNK_SIZE = 64 * 1024

PLAIN_TEXT_SUFFIXES = {".txt", ".md", ".csv"}


@dataclass(frozen=True)
class ExtractionResult:
    """What reading one file gave: its text (empty unless ``status`` is ``"ok"``), a
    TextExtractionStatus value and, for anything but a clean read, a message for the log."""

    text: str
    status: str
    message: str = ""


class _Refused(Exception):
    """Stops reading a file that breaks a limit or a rule; becomes its result."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


# -- text clean-up ------------------------------------------------------------------------

_LINE_BREAKS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def _clean_up_table():
    # Control characters (category Cc) are U+0000-U+001F and U+007F-U+009F.
    table = {code: None for code in (*range(0x20), *range(0x7F, 0xA0)) if chr(code) not in "\t\n"}
    # Lone surrogates (from broken PDF font maps) cannot be stored by any database.
    table.update(dict.fromkeys(range(0xD800, 0xE000)))
    for char in _LINE_BREAKS:
        table[ord(char)] = "\n"
    return table


_CLEAN_UP = _clean_up_table()
_SPACES = re.compile(r"[^\S\n]+")
_SPACE_AROUND_BREAK = re.compile(r" ?\n ?")
_BLANK_LINES = re.compile(r"\n{3,}")


def normalize_text(text):
    """Drop NUL and control characters, collapse runs of spaces and blank lines, strip."""
    text = text.replace("\r\n", "\n").translate(_CLEAN_UP)
    text = _SPACES.sub(" ", text)
    text = _SPACE_AROUND_BREAK.sub("\n", text)
    return _BLANK_LINES.sub("\n\n", text).strip()


class _TextBuffer:
    """Collects cleaned-up pieces of text up to the character cap."""

    def __init__(self, max_chars):
        self.max_chars = max_chars
        self.pieces = []
        self.length = 0
        self.truncated = False

    @property
    def full(self):
        return self.length >= self.max_chars

    def add(self, text, separator="\n"):
        text = normalize_text(text)
        if not text:
            return
        if self.full:
            self.truncated = True
            return
        if self.pieces:
            self.pieces.append(separator)
            self.length += len(separator)
        self.pieces.append(text)
        self.length += len(text)
        if self.length > self.max_chars:
            self.truncated = True

    def text(self):
        return "".join(self.pieces)[: self.max_chars].rstrip()


# -- limits -------------------------------------------------------------------------------


class _Limits:
    def __init__(self):
        self.max_bytes = getattr(settings, "DOCUMENT_TEXT_MAX_BYTES", DEFAULT_MAX_BYTES)
        self.max_pages = getattr(settings, "DOCUMENT_TEXT_MAX_PAGES", DEFAULT_MAX_PAGES)
        self.time_limit = getattr(settings, "DOCUMENT_TEXT_TIME_LIMIT", DEFAULT_TIME_LIMIT)
        self.max_chars = getattr(settings, "DOCUMENT_TEXT_MAX_CHARS", DEFAULT_MAX_CHARS)
        self.deadline = time.monotonic() + self.time_limit

    def check_time(self):
        if time.monotonic() >= self.deadline:
            raise _Refused(Status.TIMEOUT, f"stopped after the {self.time_limit} s time limit")

    def too_large(self, what, size):
        return _Refused(Status.TOO_LARGE, f"{what} is {size} bytes; the limit is {self.max_bytes}")


# -- formats ------------------------------------------------------------------------------


def _extract_pdf(fileobj, limits, buffer):
    # Imported here: pypdf is only needed by the worker that reads documents.
    from pypdf import PdfReader

    reader = PdfReader(fileobj)
    if reader.is_encrypted and not reader.decrypt(""):
        raise _Refused(Status.ERROR, "the PDF is encrypted with a password")
    page_count = len(reader.pages)
    if page_count > limits.max_pages:
        raise _Refused(
            Status.TOO_MANY_PAGES, f"{page_count} pages; the limit is {limits.max_pages}"
        )
    for page in reader.pages:
        if buffer.full:
            buffer.truncated = True
            break
        limits.check_time()
        buffer.add(page.extract_text(), separator="\n\n")


_WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main "
_MARKUP_COMPATIBILITY = "http://schemas.openxmlformats.org/markup-compatibility/2006 "
_DOCX_TEXT_PART = re.compile(r"word/(document|footnotes|endnotes|header\d*|footer\d*)\.xml")
_DOCX_PART_ORDER = ("document", "footnotes", "endnotes", "header", "footer")


def _docx_part_key(info):
    name = PurePosixPath(info.filename).stem
    kind = name.rstrip("0123456789")
    number = name[len(kind) :]
    return _DOCX_PART_ORDER.index(kind), int(number or 0)


def _declared_xml_size(parts):
    return sum(info.file_size for info in parts)


class _WordPartReader:
    """Streams one WordprocessingML part through expat, keeping the text of ``w:t`` runs.

    expat never fetches external entities; a DOCTYPE, and so any entity declaration, is
    refused outright, as Word never writes one.
    """

    def __init__(self, buffer, separator):
        self.buffer = buffer
        self.separator = separator
        self.paragraph = []
        self.in_text = 0
        self.in_fallback = 0
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.StartDoctypeDeclHandler = self._refuse
        parser.EntityDeclHandler = self._refuse
        parser.ExternalEntityRefHandler = self._refuse
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._characters
        self.parser = parser

    def _refuse(self, *args):
        raise _Refused(Status.ERROR, "the DOCX contains a DOCTYPE or entity declaration")

    def _start(self, name, attributes):
        if name == _MARKUP_COMPATIBILITY + "Fallback":
            # The same content again, for older readers.
            self.in_fallback += 1
        elif self.in_fallback:
            return
        elif name == _WORD + "t":
            self.in_text += 1
        elif name in (_WORD + "tab", _WORD + "ptab"):
            self.paragraph.append(" ")
        elif name in (_WORD + "br", _WORD + "cr"):
            self.paragraph.append("\n")

    def _end(self, name):
        if name == _MARKUP_COMPATIBILITY + "Fallback":
            self.in_fallback -= 1
        elif self.in_fallback:
            return
        elif name == _WORD + "t":
            self.in_text -= 1
        elif name == _WORD + "p":
            self._flush()

    def _characters(self, data):
        if self.in_text and not self.in_fallback:
            self.paragraph.append(data)

    def _flush(self):
        if self.paragraph:
            self.buffer.add("".join(self.paragraph), self.separator)
            self.separator = "\n"
            self.paragraph = []

    def feed(self, data, final=False):
        self.parser.Parse(data, final)
        if final:
            self._flush()


def _extract_docx(fileobj, limits, buffer):
    try:
        archive = zipfile.ZipFile(fileobj)
    except zipfile.BadZipFile as error:
        raise _Refused(Status.ERROR, f"not a DOCX (zip) file: {error}") from error
    with archive:
        parts = sorted(
            (info for info in archive.infolist() if _DOCX_TEXT_PART.fullmatch(info.filename)),
            key=_docx_part_key,
        )
        if not parts or parts[0].filename != "word/document.xml":
            raise _Refused(Status.ERROR, "the DOCX has no word/document.xml")
        declared = _declared_xml_size(parts)
        if declared > limits.max_bytes:
            raise limits.too_large("the uncompressed text of the DOCX", declared)
        remaining = limits.max_bytes
        for info in parts:
            if buffer.full:
                buffer.truncated = True
                break
            limits.check_time()
            reader = _WordPartReader(buffer, separator="\n\n")
            with archive.open(info) as stream:
                # Sizes in the zip's directory may lie: count what really comes out.
                while chunk := stream.read(CHUNK_SIZE):
                    remaining -= len(chunk)
                    if remaining < 0:
                        raise limits.too_large(
                            "the uncompressed text of the DOCX", limits.max_bytes - remaining
                        )
                    reader.feed(chunk)
                    if buffer.full:
                        break
                    limits.check_time()
                else:
                    reader.feed(b"", final=True)


def _extract_plain_text(fileobj, limits, buffer):
    limits.check_time()
    data = fileobj.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        raise limits.too_large("the file", len(data))
    buffer.add(data.decode("utf-8-sig", errors="replace"))


@contextlib.contextmanager
def _seekable(fileobj, limits):
    """Yield a seekable file with the content of ``fileobj``, and its size in bytes."""
    seekable = getattr(fileobj, "seekable", None)
    if seekable is not None and seekable():
        fileobj.seek(0, 2)
        size = fileobj.tell()
        fileobj.seek(0)
        yield fileobj, size
        return
    # Some storages give a stream; copy it (to disk past 1 MB), never past the limit.
    with tempfile.SpooledTemporaryFile(max_size=1024 * 1024) as copy:
        size = 0
        while chunk := fileobj.read(CHUNK_SIZE):
            size += len(chunk)
            if size > limits.max_bytes:
                raise limits.too_large("the file", size)
            copy.write(chunk)
        copy.seek(0)
        yield copy, size


def extract_text(fileobj, filename):
    """Read the text of an uploaded document, within the configured limits.

    Args:
        fileobj: the document's content, opened in binary mode (seekable or not).
        filename: its name; the extension picks the reader (PDF, DOCX, TXT/MD/CSV).

    Returns:
        An ExtractionResult. Its text is cleaned up (no control characters, collapsed
        whitespace) and cut at DOCUMENT_TEXT_MAX_CHARS; it is empty for any status but
        ``"ok"``. Nothing is raised for a damaged or hostile file.
    """
    suffix = PurePosixPath(filename).suffix.lower()
    if suffix == ".pdf":
        read = _extract_pdf
    elif suffix == ".docx":
        read = _extract_docx
    elif suffix in PLAIN_TEXT_SUFFIXES:
        read = _extract_plain_text
    else:
        return ExtractionResult("", Status.UNSUPPORTED, f"no text reader for {suffix or 'it'}")

    limits = _Limits()
    buffer = _TextBuffer(limits.max_chars)
    try:
        with _seekable(fileobj, limits) as (content, size):
            if size > limits.max_bytes:
                raise limits.too_large("the file", size)
            read(content, limits, buffer)
    except _Refused as refusal:
        return ExtractionResult("", refusal.status, refusal.message)
    except Exception as error:  # noqa: BLE001 - parsers fail in many ways on bad files
        message = f"{type(error).__name__}: {error}"
        return ExtractionResult("", Status.ERROR, message[:500])
    text = buffer.text()
    if not text:
        return ExtractionResult("", Status.EMPTY, "no text found")
    if buffer.truncated:
        return ExtractionResult(text, Status.OK, f"cut at {limits.max_chars} characters")
    return ExtractionResult(text, Status.OK)
