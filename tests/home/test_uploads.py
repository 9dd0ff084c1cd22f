"""Uploads are checked by content as well as extension: disguised programs and web pages,
damaged or password-protected files, compression bombs and oversized images are refused
with a message on the form, never a server error."""

import functools
import html
import io
import struct
import zipfile
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from pypdf import PdfWriter
from wagtail.images import get_image_model
from wagtail.models import Collection

from core.models import HubDocument
from core.uploads import validate_document_file
from tests.pdfs import assemble_pdf

pytestmark = pytest.mark.django_db

MIB = 1024 * 1024


# -- files made for the tests --------------------------------------------------------------


def make_pdf(pages=1, **encryption):
    """A real PDF written by pypdf: blank pages, optionally encrypted (RC4, which pypdf
    writes without the cryptography package)."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if encryption:
        writer.encrypt(algorithm="RC4-128", **encryption)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def raw_pdf(*extra_objects):
    """A one-page PDF written by hand, with extra objects after the page tree."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        *extra_objects,
    ]
    return assemble_pdf(objects, version=b"1.7")


def flate_stream(data):
    return b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(data), data)


@functools.cache
def deflated_zeros(mebibytes):
    """``mebibytes`` MiB of zero bytes, deflated a chunk at a time to keep memory low."""
    compressor = zlib.compressobj(9)
    chunk = bytes(MIB)
    parts = [compressor.compress(chunk) for _ in range(mebibytes)]
    parts.append(compressor.flush())
    return b"".join(parts)


def make_zip(members, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def make_docx(**extra_members):
    return make_zip(
        {
            "[Content_Types].xml": '<?xml version="1.0"?><Types/>',
            "word/document.xml": "<w:document/>",
            **extra_members,
        }
    )


def mark_encrypted(archive):
    """Set the "encrypted" flag of every member, in local headers and central directory."""
    data = bytearray(archive)
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = data.find(signature)
        while start != -1:
            data[start + flag_offset] |= 0x1
            start = data.find(signature, start + 1)
    return bytes(data)


def make_png(width, height):
    """A PNG whose header declares ``width`` x ``height``; the pixel data is a stub."""

    def chunk(kind, body):
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 16))
        + chunk(b"IEND", b"")
    )


def small_png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "navy").save(buffer, "PNG")
    return buffer.getvalue()


PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(100)
WEB_PAGE = b"<!DOCTYPE html>\n<html><body><script>alert(1)</script></body></html>"


def refusal(name, content):
    """The code and message of the refusal of ``content`` uploaded as ``name``."""
    with pytest.raises(ValidationError) as caught:
        validate_document_file(SimpleUploadedFile(name, content))
    return caught.value.code, caught.value.messages[0]


def accepts(name, content):
    upload = SimpleUploadedFile(name, content)
    validate_document_file(upload)
    # The upload is left rewound, for Wagtail to hash and store all of it.
    return upload.tell() == 0 and upload.read() == content


# -- any format ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["report.docx", "report.pdf", "notes.txt", "budget.xlsx"])
def test_a_program_is_refused_whatever_its_extension(name):
    code, message = refusal(name, PROGRAM)
    assert code == "document_program"
    assert "This file is a program" in message


@pytest.mark.parametrize("name", ["report.pdf", "report.odt", "notes.txt"])
def test_a_web_page_is_refused_whatever_its_extension(name):
    code, message = refusal(name, b"\xef\xbb\xbf  " + WEB_PAGE)
    assert code == "document_web_page"
    assert "This file is a web page (HTML)" in message


# -- PDF -----------------------------------------------------------------------------------


def test_a_real_pdf_is_accepted():
    assert accepts("guide.pdf", make_pdf(pages=3))


def test_a_pdf_with_only_an_owner_password_is_accepted():
    assert accepts("locked-printing.pdf", make_pdf(user_password="", owner_password="owner"))


def test_a_pdf_that_needs_a_password_is_refused():
    code, message = refusal("secret.pdf", make_pdf(user_password="secret"))
    assert code == "document_encrypted"
    assert "protected with a password" in message


def test_a_pdf_bomb_is_refused():
    # 300 MiB of zeros in one FlateDecode stream, about 300 KB in the file.
    bomb = raw_pdf(flate_stream(deflated_zeros(300)))
    assert len(bomb) < MIB
    code, message = refusal("bomb.pdf", bomb)
    assert code == "document_pdf_expands"
    assert message.startswith("This PDF expands to more than 64.0")
    assert message.endswith("when opened; it looks like a compression bomb.")


def test_a_pdf_whose_streams_together_expand_too_far_is_refused(settings):
    settings.DOCUMENT_UPLOAD_MAX_EXPANDED_SIZE = 8 * MIB
    stream = flate_stream(deflated_zeros(3))
    code, message = refusal("streams.pdf", raw_pdf(stream, stream, stream))
    assert code == "document_pdf_expands"
    assert "more than 8.0\xa0MB" in message
    settings.DOCUMENT_UPLOAD_MAX_EXPANDED_SIZE = 10 * MIB
    assert accepts("streams.pdf", raw_pdf(stream, stream, stream))


def test_a_pdf_with_too_many_pages_is_refused(settings):
    settings.DOCUMENT_UPLOAD_MAX_PDF_PAGES = 3
    assert accepts("three.pdf", make_pdf(pages=3))
    code, message = refusal("four.pdf", make_pdf(pages=4))
    assert code == "document_pdf_pages"
    assert message == "This PDF has 4 pages; the limit is 3."


@pytest.mark.parametrize(
    "content",
    [b"%PDF-1.7\n1 0 obj << /Type /Catalog broken", b"%PDF-1.4 minimal", b"%PDF-"],
)
def test_a_damaged_pdf_is_refused(content):
    code, message = refusal("broken.pdf", content)
    assert code == "document_damaged"
    assert "This .pdf file is damaged or incomplete" in message


def test_a_pdf_extension_on_other_content_is_refused():
    code, message = refusal("scan.pdf", make_docx())
    assert code == "document_mismatch"
    assert "does not match its .pdf extension" in message


def test_checking_stops_at_the_time_limit(settings):
    settings.DOCUMENT_UPLOAD_TIME_LIMIT = 0
    code, message = refusal("slow.pdf", raw_pdf(flate_stream(deflated_zeros(1))))
    assert code == "document_check_timeout"
    assert "took too long" in message


# -- ZIP containers ------------------------------------------------------------------------


def test_real_office_and_opendocument_files_are_accepted():
    assert accepts("guide.docx", make_docx())
    assert accepts(
        "budget.xlsx", make_zip({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<x/>"})
    )
    assert accepts(
        "slides.pptx", make_zip({"[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p/>"})
    )
    odt = make_zip(
        {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office/>"},
        compression=zipfile.ZIP_STORED,
    )
    assert accepts("minutes.odt", odt)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("budget.xlsx", make_docx()),
        ("guide.docx", make_zip({"word/document.xml": "<w:document/>"})),
        ("minutes.odt", make_zip({"mimetype": "application/vnd.oasis.opendocument.spreadsheet"})),
        ("guide.docx", make_pdf()),
    ],
)
def test_a_container_of_the_wrong_kind_is_refused(name, content):
    code, message = refusal(name, content)
    assert code == "document_mismatch"
    assert f"does not match its .{name.rsplit('.', 1)[1]} extension" in message


def test_a_damaged_zip_is_refused():
    code, message = refusal("guide.docx", b"PK\x03\x04" + b"\x00" * 200)
    assert code == "document_damaged"


def test_a_zip_bomb_is_refused():
    # 50 MiB of zeros packed into about 50 KB: the compression ratio gives it away.
    bomb = make_docx(**{"word/media/padding.bin": bytes(50 * MIB)})
    assert len(bomb) < MIB
    code, message = refusal("bomb.docx", bomb)
    assert code == "document_zip_ratio"
    assert "looks like a compression bomb" in message


def test_a_zip_that_expands_past_the_limit_in_small_parts_is_refused(settings):
    settings.DOCUMENT_UPLOAD_MAX_EXPANDED_SIZE = 5 * MIB
    parts = {f"word/media/part{number}.bin": bytes(MIB) for number in range(6)}
    code, message = refusal("parts.docx", make_docx(**parts))
    assert code == "document_zip_expands"
    assert "This .docx file expands to more than 5.0\xa0MB" in message


def test_a_zip_with_too_many_parts_is_refused(settings):
    settings.DOCUMENT_UPLOAD_MAX_PARTS = 5
    parts = {f"word/part{number}.xml": "<x/>" for number in range(5)}
    code, message = refusal("parts.docx", make_docx(**parts))
    assert code == "document_too_many_parts"
    assert "(7; the limit is 5)" in message


def test_a_zip_with_encrypted_parts_is_refused():
    code, _message = refusal("secret.docx", mark_encrypted(make_docx()))
    assert code == "document_encrypted"


def test_a_password_protected_office_file_is_refused_as_such():
    # Office stores a protected DOCX as an OLE2 compound file with an EncryptedPackage.
    protected = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600) + "EncryptedPackage".encode("utf-16-le")
    )
    code, _message = refusal("secret.docx", protected)
    assert code == "document_encrypted"
    code, _message = refusal("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    assert code == "document_mismatch"


@pytest.mark.parametrize("member", ["../../etc/cron.d/evil", "/etc/passwd", "C:\\evil.bat"])
def test_a_zip_with_unsafe_part_names_is_refused(member):
    code, message = refusal("guide.docx", make_docx(**{member: "x"}))
    assert code == "document_unsafe_name"
    assert "unsafe name" in message


# -- text formats --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notes.txt", "Malmö, Århus and Tórshavn".encode()),
        ("contacts.csv", "country;city\nDK;Århus\n".encode("cp1252")),
        ("codes.csv", b"MZ,Mozambique\nNO,Norway\n"),
        ("letter.rtf", b"{\\rtf1\\ansi Referral guidance\\par}"),
    ],
)
def test_plain_text_and_rtf_are_accepted(name, content):
    assert accepts(name, content)


@pytest.mark.parametrize(
    "content",
    [
        b"Referral\x00guidance",
        "UTF-16 text".encode("utf-16"),
        b"\xff\xfe\x01\x02\x03binary\x04\x05\x06",
    ],
)
def test_binary_data_named_as_text_is_refused(content):
    code, message = refusal("notes.txt", content)
    assert code == "document_not_text"
    assert "not plain text" in message


def test_an_rtf_extension_on_other_content_is_refused():
    code, _message = refusal("letter.rtf", b"Just text, not RTF.")
    assert code == "document_mismatch"


# -- the admin ----------------------------------------------------------------------------


@pytest.fixture
def admin_client(client_for):
    return client_for("admin")


@pytest.fixture
def finland():
    return Collection.objects.get(name="Finland")


def page_text(response):
    return html.unescape(response.content.decode())


def test_add_view_refuses_a_pdf_bomb_with_a_form_error(admin_client, finland):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "bomb",
            "collection": finland.pk,
            "file": SimpleUploadedFile("bomb.pdf", raw_pdf(flate_stream(deflated_zeros(300)))),
        },
    )
    assert response.status_code == 200
    assert "it looks like a compression bomb" in page_text(response)
    assert not HubDocument.objects.filter(title="bomb").exists()


def test_add_view_accepts_a_real_pdf(admin_client, finland):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "real",
            "collection": finland.pk,
            "file": SimpleUploadedFile("real.pdf", make_pdf()),
        },
    )
    assert response.status_code == 302
    document = HubDocument.objects.get(title="real")
    with document.open_file() as stored:
        assert stored.read() == make_pdf()


def test_add_view_refuses_a_web_page_named_pdf(admin_client, finland):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "page", "collection": finland.pk, "file": SimpleUploadedFile("x.pdf", WEB_PAGE)},
    )
    assert response.status_code == 200
    assert "This file is a web page (HTML), not a .pdf document." in page_text(response)
    assert not HubDocument.objects.filter(title="page").exists()


def test_a_disallowed_extension_keeps_wagtails_message(admin_client, finland):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "page", "collection": finland.pk, "file": SimpleUploadedFile("x.html", WEB_PAGE)},
    )
    assert response.status_code == 200
    assert "is not allowed. Allowed extensions are" in page_text(response)


def multiple_upload(client, name, content, collection):
    return client.post(
        reverse("wagtaildocs:add_multiple"),
        {"title": name, "collection": collection.pk, "files[]": SimpleUploadedFile(name, content)},
        headers={"x-requested-with": "XMLHttpRequest"},
    )


def test_multiple_upload_refuses_a_program_named_docx(admin_client, finland):
    count = HubDocument.objects.count()
    response = multiple_upload(admin_client, "tool.docx", PROGRAM, finland)
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert "This file is a program, not a .docx document." in response.json()["error_message"]
    assert HubDocument.objects.count() == count


def test_multiple_upload_accepts_a_real_docx(admin_client, finland):
    response = multiple_upload(admin_client, "guide.docx", make_docx(), finland)
    assert response.json()["success"] is True
    assert HubDocument.objects.filter(pk=response.json()["doc_id"]).exists()


def test_chooser_upload_refuses_a_zip_bomb(admin_client, finland):
    count = HubDocument.objects.count()
    bomb = make_docx(**{"word/media/padding.bin": bytes(50 * MIB)})
    response = admin_client.post(
        reverse("wagtaildocs_chooser:create"),
        {
            "document-chooser-upload-title": "bomb",
            "document-chooser-upload-collection": finland.pk,
            "document-chooser-upload-file": SimpleUploadedFile("bomb.docx", bomb),
        },
    )
    assert response.status_code == 200
    assert response.json()["step"] == "reshow_creation_form"
    assert "looks like a compression bomb" in html.unescape(response.json()["htmlFragment"])
    assert HubDocument.objects.count() == count


def test_edit_view_refuses_a_bad_replacement_and_keeps_the_file(admin_client, finland):
    admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "kept",
            "collection": finland.pk,
            "file": SimpleUploadedFile("k.pdf", make_pdf()),
        },
    )
    document = HubDocument.objects.get(title="kept")
    response = admin_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": "kept",
            "collection": finland.pk,
            "file": SimpleUploadedFile("k.pdf", b"Referral\x00guidance"),
        },
    )
    assert response.status_code == 200
    assert "The content of this file does not match its .pdf extension." in page_text(response)
    document.refresh_from_db()
    with document.open_file() as stored:
        assert stored.read() == make_pdf()


# -- images: Wagtail's own checks, held to their promise -----------------------------------


def image_upload(client, name, content, collection):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": name, "collection": collection.pk, "file": SimpleUploadedFile(name, content)},
    )


@pytest.mark.parametrize(
    ("width", "height"),
    [
        (100_000, 100_000),  # Pillow itself calls this a decompression bomb
        (8_000, 6_000),  # within Pillow's limit, over WAGTAILIMAGES_MAX_IMAGE_PIXELS
    ],
)
def test_an_image_with_too_many_pixels_is_refused(admin_client, finland, width, height):
    count = get_image_model().objects.count()
    response = image_upload(admin_client, "huge.png", make_png(width, height), finland)
    assert response.status_code == 200
    assert "This file has too many pixels" in page_text(response)
    assert "Maximum pixels 40000000" in page_text(response)
    assert get_image_model().objects.count() == count


def test_pixels_are_counted_before_the_image_is_decoded(admin_client, finland, monkeypatch):
    def decode(self):
        raise AssertionError("the image was decoded")

    monkeypatch.setattr(PILImage.Image, "load", decode)
    response = image_upload(admin_client, "huge.png", make_png(8_000, 6_000), finland)
    assert "This file has too many pixels (48000000)." in page_text(response)


def test_multiple_image_upload_refuses_too_many_pixels(admin_client, finland):
    count = get_image_model().objects.count()
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {
            "collection": finland.pk,
            "files[]": SimpleUploadedFile("huge.png", make_png(100_000, 100_000)),
        },
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.json()["success"] is False
    assert "This file has too many pixels" in response.json()["error_message"]
    assert get_image_model().objects.count() == count


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("photo.png", WEB_PAGE, "Not a valid .png image."),
        ("photo.png", PROGRAM, "Upload a valid image."),
        # A sound header with damaged pixel data: Willow's decoding used to raise past the form.
        ("damaged.png", make_png(200, 100), "Upload a valid image."),
    ],
)
def test_a_file_that_is_not_a_sound_image_is_refused(admin_client, finland, name, content, message):
    count = get_image_model().objects.count()
    response = image_upload(admin_client, name, content, finland)
    assert response.status_code == 200
    assert message in page_text(response)
    assert get_image_model().objects.count() == count


def test_a_real_image_is_accepted(admin_client, finland):
    response = image_upload(admin_client, "flag.png", small_png(), finland)
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="flag.png").exists()
