"""Uploaded documents must be what their extension says, and safe to open.

Wagtail already checks a document's extension (``WAGTAILDOCS_EXTENSIONS``) and size
(``WAGTAILDOCS_MAX_UPLOAD_SIZE``); ``validate_document_file`` looks inside. A PDF must be a
PDF that pypdf can open, without a password, within a page limit and without streams that
inflate past a limit; DOCX, XLSX, PPTX and ODT must be ZIP containers of their own kind,
without encrypted parts, unsafe part names or a zip bomb's expansion; RTF must start as RTF;
TXT and CSV must be plain text. A program or a web page is refused whatever its extension.

``HubDocumentForm`` runs the check wherever Wagtail builds a document form, as
``WAGTAILDOCS_DOCUMENT_FORM_BASE``: the add and edit views, the multiple uploader and the
chooser's upload tab, so a refused file is a form error, never a server error.

Wagtail's image field already refuses an image whose content does not match its extension,
and counts pixels against ``WAGTAILIMAGES_MAX_IMAGE_PIXELS``; but it counts them only after
Willow has decoded the whole image, and a damaged image makes that decoding raise past the
form. ``HubImageForm`` (``WAGTAILIMAGES_IMAGE_FORM_BASE``) gives it ``HubImageField``, which
counts the pixels the image's header declares first and turns any decoding failure into
the field's "not a valid image" error.

Limits come from settings, read on every call:

- ``DOCUMENT_UPLOAD_MAX_EXPANDED_SIZE`` (200 MiB): what a ZIP container's parts, or all of
  a PDF's streams, may add up to once decompressed;
- ``DOCUMENT_UPLOAD_MAX_COMPRESSION_RATIO`` (100): for a ZIP part over 1 MiB;
- ``DOCUMENT_UPLOAD_MAX_PARTS`` (10,000 ZIP parts) and ``DOCUMENT_UPLOAD_MAX_PDF_OBJECTS``
  (500,000);
- ``DOCUMENT_UPLOAD_MAX_PDF_PAGES`` (2,000);
- ``DOCUMENT_UPLOAD_TIME_LIMIT`` (15 seconds, checked between parts, streams and chunks).
"""

import bisect
import codecs
import contextlib
import io
import re
import time
import warnings
import zipfile
import zlib
from pathlib import PurePosixPath, PureWindowsPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.fields import FileField
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from pypdf import PasswordType, PdfReader, apply_configuration
from pypdf.errors import DependencyError, LimitReachedError
from pypdf.filters import decode_stream_data
from pypdf.generic import EncodedStreamObject, IndirectObject, StreamObject
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

DEFAULT_MAX_EXPANDED_SIZE = 200 * 1024 * 1024
DEFAULT_MAX_COMPRESSION_RATIO = 100
DEFAULT_MAX_PARTS = 10_000
DEFAULT_MAX_PDF_OBJECTS = 500_000
DEFAULT_MAX_PDF_PAGES = 2_000
DEFAULT_TIME_LIMIT = 15

# Only large parts are held to the ratio: small XML parts legitimately compress very well.
RATIO_CHECKED_FROM = 1024 * 1024
# A PDF stream is decoded in memory, so one stream may not pass this even within the total.
PDF_STREAM_MAX_SIZE = 64 * 1024 * 1024
CHUNK_SIZE = 64 * 1024
HEAD_SIZE = 1024

MESSAGES = {
    "program": _(
        "This file is a program, not a .%(extension)s document. Programs cannot be uploaded."
    ),
    "web_page": _(
        "This file is a web page (HTML), not a .%(extension)s document. Save it as a PDF or "
        "another document format and upload that."
    ),
    "mismatch": _(
        "The content of this file does not match its .%(extension)s extension. Save it again in "
        "that format, or give it the extension of the format it is in."
    ),
    "damaged": _(
        "This .%(extension)s file is damaged or incomplete and cannot be opened. Save it again "
        "and upload the new copy."
    ),
    "encrypted": _(
        "This file is protected with a password or encrypted, so the hub cannot open it or index "
        "its text. Upload a copy without the protection."
    ),
    "not_text": _(
        "This file contains binary data, so it is not plain text. Save it as UTF-8 text and "
        "upload it again."
    ),
    "zip_expands": _(
        "This .%(extension)s file expands to more than %(limit)s when opened; it looks like a "
        "compression bomb."
    ),
    "zip_ratio": _(
        "A part of this .%(extension)s file expands %(ratio)s times when opened, more than a real "
        "document does; it looks like a compression bomb."
    ),
    "unsafe_name": _(
        "This .%(extension)s file contains a part with an unsafe name (%(name)s), which could "
        "write outside its folder when unpacked."
    ),
    "too_many_parts": _(
        "This .%(extension)s file has too many parts to check (%(count)s; the limit is %(limit)s)."
    ),
    "pdf_expands": _(
        "This PDF expands to more than %(limit)s when opened; it looks like a compression bomb."
    ),
    "pdf_pages": _("This PDF has %(count)s pages; the limit is %(limit)s."),
    "timeout": _(
        "Checking this file took too long, so it was not accepted. Try a smaller or simpler file."
    ),
}

_PROGRAM_MAGIC = (
    b"\x7fELF",
    b"\xfe\xed\xfa\xce",
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",
)
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<script", b"<svg", b"<iframe")
_ZIP_MAGIC = b"PK\x03\x04"
# Office saves a password-protected DOCX, XLSX or PPTX as an OLE2 compound file holding an
# "EncryptedPackage" stream.
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_OOXML_FOLDERS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
_ODF_MIMETYPES = {"odt": b"application/vnd.oasis.opendocument.text"}
# C0 controls that plain text in a legacy 8-bit encoding does not contain; tab, line
# breaks, form feed, SUB and ESC are allowed.
_CONTROL_BYTES = re.compile(rb"[\x01-\x08\x0e-\x19\x1c-\x1f]")


def _refuse(key, code=None, **params):
    raise ValidationError(MESSAGES[key], code=code or f"document_{key}", params=params)


class _Limits:
    def __init__(self):
        self.max_expanded = getattr(
            settings, "DOCUMENT_UPLOAD_MAX_EXPANDED_SIZE", DEFAULT_MAX_EXPANDED_SIZE
        )
        self.max_ratio = getattr(
            settings, "DOCUMENT_UPLOAD_MAX_COMPRESSION_RATIO", DEFAULT_MAX_COMPRESSION_RATIO
        )
        self.max_parts = getattr(settings, "DOCUMENT_UPLOAD_MAX_PARTS", DEFAULT_MAX_PARTS)
        self.max_pdf_objects = getattr(
            settings, "DOCUMENT_UPLOAD_MAX_PDF_OBJECTS", DEFAULT_MAX_PDF_OBJECTS
        )
        self.max_pdf_pages = getattr(
            settings, "DOCUMENT_UPLOAD_MAX_PDF_PAGES", DEFAULT_MAX_PDF_PAGES
        )
        time_limit = getattr(settings, "DOCUMENT_UPLOAD_TIME_LIMIT", DEFAULT_TIME_LIMIT)
        self.deadline = time.monotonic() + time_limit

    def check_time(self):
        if time.monotonic() >= self.deadline:
            _refuse("timeout", code="document_check_timeout")


# -- what any file may not be -------------------------------------------------------------


def _is_program(head):
    # "MZ" alone could begin a line of text; a Windows program's header also holds NUL bytes.
    return head.startswith(_PROGRAM_MAGIC) or (head.startswith(b"MZ") and b"\0" in head[:64])


def _is_web_page(head):
    start = head.removeprefix(codecs.BOM_UTF8).lstrip().lower()
    return start.startswith(_HTML_STARTS)


# -- ZIP containers -----------------------------------------------------------------------


def _unsafe_member_name(name):
    for path in (PurePosixPath(name), PureWindowsPath(name)):
        if path.is_absolute() or path.anchor or ".." in path.parts:
            return True
    return False


def _check_zip_structure(archive, extension, limits):
    members = archive.infolist()
    if len(members) > limits.max_parts:
        _refuse("too_many_parts", extension=extension, count=len(members), limit=limits.max_parts)
    declared = 0
    for info in members:
        if info.flag_bits & 0x1:
            _refuse("encrypted")
        if _unsafe_member_name(info.filename):
            _refuse("unsafe_name", extension=extension, name=info.filename[:100])
        declared += info.file_size
        if info.file_size > RATIO_CHECKED_FROM and (
            info.file_size > info.compress_size * limits.max_ratio
        ):
            ratio = info.file_size // max(info.compress_size, 1)
            _refuse("zip_ratio", extension=extension, ratio=ratio)
    if declared > limits.max_expanded:
        _refuse("zip_expands", extension=extension, limit=filesizeformat(limits.max_expanded))
    return members


def _check_zip_kind(archive, members, extension):
    names = {info.filename for info in members}
    if extension in _OOXML_FOLDERS:
        folder = _OOXML_FOLDERS[extension]
        if "[Content_Types].xml" in names and any(name.startswith(folder) for name in names):
            return
    elif extension in _ODF_MIMETYPES and "mimetype" in names:
        info = archive.getinfo("mimetype")
        if info.file_size <= 100 and archive.read(info).strip() == _ODF_MIMETYPES[extension]:
            return
    _refuse("mismatch", extension=extension)


def _read_all_members(archive, members, extension, limits):
    """Decompress every part, counting what really comes out: the sizes in a ZIP's
    directory may lie, and a damaged part only shows when it is read (CRC check)."""
    expanded = 0
    for info in members:
        limits.check_time()
        with archive.open(info) as member:
            while chunk := member.read(CHUNK_SIZE):
                expanded += len(chunk)
                if expanded > limits.max_expanded:
                    _refuse(
                        "zip_expands",
                        extension=extension,
                        limit=filesizeformat(limits.max_expanded),
                    )
                limits.check_time()


def _check_zip_container(file, head, extension, limits):
    if not head.startswith(_ZIP_MAGIC):
        if head.startswith(_OLE2_MAGIC) and _ENCRYPTED_PACKAGE in file.read():
            _refuse("encrypted")
        _refuse("mismatch", extension=extension)
    try:
        with zipfile.ZipFile(file) as archive:
            members = _check_zip_structure(archive, extension, limits)
            _check_zip_kind(archive, members, extension)
            _read_all_members(archive, members, extension, limits)
    except ValidationError:
        raise
    # zipfile reports a damaged archive with many exception types; unsupported compression
    # methods raise NotImplementedError.
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError):
        _refuse("damaged", extension=extension)


# -- PDF ----------------------------------------------------------------------------------


def _pdf_configuration(stream_limit):
    """pypdf's limits on what one stream may decode to, all set to ``stream_limit``."""
    names = (
        "zlib_maximum_output_length",
        "lzw_maximum_output_length",
        "run_length_maximum_output_length",
        "array_based_stream_maximum_output_length",
        "jbig2_maximum_output_length",
        "brotli_maximum_output_length",
    )
    return dict.fromkeys(names, stream_limit)


def _open_pdf(file, limits):
    reader = PdfReader(file, strict=False)
    if reader.is_encrypted:
        # A PDF with only an owner password (no copying, no printing) opens with an empty
        # password, as the text extraction does; AES needs the cryptography package.
        try:
            opened = reader.decrypt("") != PasswordType.NOT_DECRYPTED
        except DependencyError:
            opened = False
        if not opened:
            _refuse("encrypted")
    page_count = len(reader.pages)
    if page_count > limits.max_pdf_pages:
        _refuse("pdf_pages", count=page_count, limit=limits.max_pdf_pages)
    return reader


def _pdf_stream_references(reader, data):
    """The objects of the file that can be streams, found without parsing every object.

    pypdf's cross-reference table gives each object's offset; an object is a stream only if
    the keyword ``stream`` follows before the next object starts. (A stream never sits inside
    an object stream, so those objects need no look.)
    """
    located = [
        (offset, idnum, generation)
        for generation, entries in reader.xref.items()
        if generation < 65535  # the head of the free list, never an object
        for idnum, offset in entries.items()
        if isinstance(offset, int) and 0 <= offset < len(data)
    ]
    starts = sorted({offset for offset, _idnum, _generation in located})
    references = []
    for offset, idnum, generation in located:
        following = bisect.bisect_right(starts, offset)
        end = starts[following] if following < len(starts) else len(data)
        if data.find(b"stream", offset, end) != -1:
            references.append(IndirectObject(idnum, generation, reader))
    return references, len(located) + len(reader.xref_objStm)


def _check_pdf_streams(reader, data, limits):
    """Decode every stream in the file, one at a time, within what is left of the limit.

    Every stream counts, not only those the pages use: a viewer or a later reader may
    follow references this check would not.
    """
    references, object_count = _pdf_stream_references(reader, data)
    if object_count > limits.max_pdf_objects:
        _refuse("too_many_parts", extension="pdf", count=object_count, limit=limits.max_pdf_objects)
    expanded = 0
    for reference in references:
        limits.check_time()
        budget = limits.max_expanded - expanded
        # Plus 1, so the limit is never 0, which pypdf reads as "no limit".
        stream_limit = min(budget + 1, PDF_STREAM_MAX_SIZE)
        try:
            with apply_configuration(**_pdf_configuration(stream_limit)):
                stream = reference.get_object()
                if isinstance(stream, EncodedStreamObject):
                    # Not stream.get_data(), which would keep the decoded copy in memory.
                    size = len(decode_stream_data(stream))
                elif isinstance(stream, StreamObject):
                    size = len(stream.get_data())
                else:
                    continue
        except LimitReachedError:
            crossed = limits.max_expanded if stream_limit > budget else PDF_STREAM_MAX_SIZE
            _refuse("pdf_expands", limit=filesizeformat(crossed))
        except Exception:  # noqa: BLE001, S112 - viewers skip a damaged object, and so do we
            continue
        expanded += size
        if expanded > limits.max_expanded:
            _refuse("pdf_expands", limit=filesizeformat(limits.max_expanded))


def _check_pdf(file, head, extension, limits):
    if not head.startswith(b"%PDF-"):
        _refuse("mismatch", extension=extension)
    data = file.read()
    stream_limit = min(limits.max_expanded, PDF_STREAM_MAX_SIZE)
    try:
        with apply_configuration(**_pdf_configuration(stream_limit)):
            reader = _open_pdf(io.BytesIO(data), limits)
    except ValidationError:
        raise
    except LimitReachedError:
        _refuse("pdf_expands", limit=filesizeformat(stream_limit))
    except Exception:  # noqa: BLE001 - pypdf fails in many ways on a damaged file
        _refuse("damaged", extension=extension)
    _check_pdf_streams(reader, data, limits)


# -- text formats -------------------------------------------------------------------------


def _check_rtf(file, head, extension, limits):
    if not head.startswith(b"{\\rtf"):
        _refuse("mismatch", extension=extension)


def _check_plain_text(file, head, extension, limits):
    """Plain text is UTF-8, or a legacy 8-bit encoding without control characters; never
    NUL bytes (UTF-16 text has them too: it is refused, with a request for UTF-8)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8 = True
    controls = False
    while chunk := file.read(CHUNK_SIZE):
        if b"\0" in chunk:
            _refuse("not_text")
        if utf8:
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                utf8 = False
        controls = controls or _CONTROL_BYTES.search(chunk) is not None
        limits.check_time()
    if utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8 = False
    if controls and not utf8:
        _refuse("not_text")


_CHECKS = {
    "pdf": _check_pdf,
    "docx": _check_zip_container,
    "xlsx": _check_zip_container,
    "pptx": _check_zip_container,
    "odt": _check_zip_container,
    "rtf": _check_rtf,
    "txt": _check_plain_text,
    "csv": _check_plain_text,
}


@contextlib.contextmanager
def _rewound(file):
    file.seek(0)
    try:
        yield file
    finally:
        file.seek(0)


def validate_document_file(file, name=None):
    """Check that an uploaded document's content matches its extension and is safe to open.

    Args:
        file: the upload (a Django ``File`` or any seekable binary file object). It is read
            from the start and left rewound.
        name: the file's name, for its extension; ``file.name`` when not given.

    Raises:
        ValidationError: with a translated message for the person uploading and a code
            starting ``document_``. An extension with no check of its own here (and allowed
            by ``WAGTAILDOCS_EXTENSIONS``) is only refused if it is a program or web page.
    """
    name = name or file.name
    extension = PurePosixPath(name).suffix.lower().removeprefix(".")
    limits = _Limits()
    with _rewound(file):
        head = file.read(HEAD_SIZE)
        if _is_program(head):
            _refuse("program", extension=extension)
        if _is_web_page(head):
            _refuse("web_page", extension=extension)
        check = _CHECKS.get(extension)
        if check is not None:
            file.seek(0)
            check(file, head, extension, limits)


class HubDocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing a new file that ``validate_document_file`` refuses."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data and _allowed_extension(file.name):
            validate_document_file(file)
        return file


def _allowed_extension(name):
    # A file whose extension is not allowed gets Wagtail's own message, from the model's
    # clean(), not one about its content.
    allowed = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None)
    extension = PurePosixPath(name).suffix.lower().removeprefix(".")
    return not allowed or extension in {value.lower() for value in allowed}


# -- images -------------------------------------------------------------------------------


class HubImageField(WagtailImageField):
    """Wagtail's image field, safe from images that are too big to decode or damaged."""

    def to_python(self, data):
        self.check_declared_pixels(data)
        try:
            return super().to_python(data)
        except ValidationError:
            raise
        except Exception as error:  # noqa: BLE001 - Pillow fails in many ways on damaged data
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error

    def check_declared_pixels(self, data):
        """Refuse an image whose header declares too many pixels, before anything decodes
        it; what Pillow cannot read at all is left to Wagtail's own checks."""
        if self.max_image_pixels is None or not hasattr(data, "seek"):
            return
        try:
            with warnings.catch_warnings():
                # Wagtail's limit is lower than Pillow's, which only warns here.
                warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
                with PILImage.open(data) as image:
                    width, height = image.size
        except Exception:  # noqa: BLE001 - not an image Pillow reads: Wagtail decides
            return
        finally:
            data.seek(0)
        if width * height > self.max_image_pixels:
            raise ValidationError(
                self.error_messages["file_too_many_pixels"],
                code="file_too_many_pixels",
                params={"num_pixels": width * height, "max_pixels_count": self.max_image_pixels},
            )


class HubImageForm(BaseImageForm):
    """Wagtail's image form, with ``HubImageField`` for the file wherever the form has one
    (the multiple uploader's edit form has none)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if isinstance(field, FileField) and not isinstance(field, HubImageField):
            self.fields["file"] = HubImageField(
                label=field.label, required=field.required, widget=field.widget
            )
