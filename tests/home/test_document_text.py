"""The text of uploaded PDF and DOCX files is extracted in the background, within limits,
and makes documents searchable; bad or hostile files are recorded, never lost or fatal."""

import io
import logging
import zipfile
from xml.sax.saxutils import escape

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from wagtail.models import Collection

from core import signals, text_extraction
from core.indexing import index_updates
from core.models import HubDocument
from core.tasks import extract_document_text
from core.text_extraction import extract_text
from tests.home.factories import text_document
from tests.pdfs import assemble_pdf

pytestmark = pytest.mark.django_db

WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def make_pdf(*page_texts):
    """A minimal but valid PDF with one line of Helvetica text on each page."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(len(page_texts)))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(page_texts)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for i, text in enumerate(page_texts):
        stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
        objects.append(
            (
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>"
            ).encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    return assemble_pdf(objects, version=b"1.4")


def word_xml(root, *paragraphs, prolog=""):
    body = "".join(f"<w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p>" for text in paragraphs)
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f'<w:{root} xmlns:w="{WORD_NS}">{body}</w:{root}>'
    ).encode()


def make_docx(*paragraphs, document_xml=None, parts=None):
    """A DOCX (zip) with a document body and optional extra parts such as headers."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", document_xml or word_xml("document", *paragraphs))
        for name, data in (parts or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.fixture
def extraction_log(caplog):
    """caplog, sure to see ``hub.documents`` although the ``hub`` logger does not propagate."""
    logger = logging.getLogger("hub")
    attach = caplog.handler not in logger.handlers
    if attach:
        logger.addHandler(caplog.handler)
    caplog.handler.setLevel(logging.INFO)
    yield caplog
    if attach:
        logger.removeHandler(caplog.handler)


@pytest.fixture
def make_document(django_capture_on_commit_callbacks):
    """Create a document in code, as the seed does, and run what commits would run."""

    def make(name, content, collection="Finland", **fields):
        document = HubDocument(
            title=name, collection=Collection.objects.get(name=collection), **fields
        )
        document.file.save(name, ContentFile(content), save=False)
        document._set_document_file_metadata()
        document.file.close()
        with django_capture_on_commit_callbacks(execute=True):
            document.save()
        document.refresh_from_db()
        return document

    return make


def upload(client, url, name, content, collection):
    data = {"title": name, "collection": collection.pk}
    if url.endswith("/multiple/add/"):
        data["files[]"] = SimpleUploadedFile(name, content)
        return client.post(url, data, headers={"x-requested-with": "XMLHttpRequest"})
    data["file"] = SimpleUploadedFile(name, content)
    return client.post(url, data)


# -- uploads through the admin -------------------------------------------------------------


def test_pdf_uploaded_by_the_secretariat_is_searchable(
    client_for, django_capture_on_commit_callbacks
):
    client = client_for("secretariat")
    network = Collection.objects.get(name="Network")
    pdf = make_pdf("Referral of victims", "The xylofrobnik protocol")
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, "/admin/documents/multiple/add/", "guide.pdf", pdf, network)
    assert response.json()["success"] is True

    document = HubDocument.objects.get(pk=response.json()["doc_id"])
    assert document.text_extraction_status == "ok"
    assert "The xylofrobnik protocol" in document.extracted_text
    assert document.text_extracted_hash == document.file_hash != ""
    assert document.text_extracted_at is not None
    assert list(HubDocument.objects.search("xylofrobnik")) == [document]


def test_docx_uploaded_by_a_coordinator_is_searchable(
    client_for, django_capture_on_commit_callbacks
):
    finland = Collection.objects.get(name="Finland")
    docx = make_docx(
        "Guidance for the quorbleshank referral mechanism",
        parts={"word/footer1.xml": word_xml("ftr", "Page footer: frumpelwick")},
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(
            client_for("fi-coordinator"), "/admin/documents/add/", "guidance.docx", docx, finland
        )
    assert response.status_code == 302

    document = HubDocument.objects.get(title="guidance.docx")
    assert document.text_extraction_status == "ok"
    assert document.extracted_text == (
        "Guidance for the quorbleshank referral mechanism\n\nPage footer: frumpelwick"
    )
    assert list(HubDocument.objects.search("quorbleshank")) == [document]
    assert list(HubDocument.objects.search("frumpelwick")) == [document]


def test_text_extracted_inline_during_the_upload_reaches_the_index(client_for, monkeypatch):
    """In development the immediate backend runs the task inside the upload request, before
    Wagtail's add view indexes its own copy of the document: that copy must carry the text."""
    monkeypatch.setattr(signals.transaction, "on_commit", lambda callback, using=None: callback())
    finland = Collection.objects.get(name="Finland")
    upload(
        client_for("fi-coordinator"),
        "/admin/documents/add/",
        "inline.pdf",
        make_pdf("Inline snorkelwhistle"),
        finland,
    )
    document = HubDocument.objects.get(title="inline.pdf")
    assert document.text_extraction_status == "ok"
    assert list(HubDocument.objects.search("snorkelwhistle")) == [document]


def test_corrupt_pdf_is_kept_with_status_error(make_document, extraction_log):
    # The admin refuses such a file (tests/home/test_uploads.py); one added in code is kept.
    content = b"%PDF-1.7\n1 0 obj << /Type /Catalog broken"
    document = make_document("broken.pdf", content)
    assert document.text_extraction_status == "error"
    assert document.extracted_text == ""
    with document.open_file() as stored:
        assert stored.read() == content
    warnings = [
        record
        for record in extraction_log.records
        if record.name == "hub.documents" and record.levelno == logging.WARNING
    ]
    assert len(warnings) == 1
    assert f"document {document.pk}" in warnings[0].getMessage()
    assert "status error" in warnings[0].getMessage()


def test_replacing_the_file_extracts_the_new_text(
    client_for, make_document, django_capture_on_commit_callbacks
):
    document = make_document("plan.pdf", make_pdf("Old wibblequark plan"))
    assert document.text_extraction_status == "ok"

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("fi-coordinator").post(
            f"/admin/documents/edit/{document.pk}/",
            {
                "title": "plan.pdf",
                "collection": document.collection_id,
                "file": SimpleUploadedFile("plan2.pdf", make_pdf("New flibbertoad plan")),
            },
        )
    assert response.status_code == 302
    document.refresh_from_db()
    assert "New flibbertoad plan" in document.extracted_text
    assert document.text_extracted_hash == document.file_hash
    assert list(HubDocument.objects.search("flibbertoad")) == [document]
    assert list(HubDocument.objects.search("wibblequark")) == []


def test_edit_view_shows_the_extraction_status(client_for, make_document):
    document = make_document("status.pdf", make_pdf("Visible status"))
    response = client_for("fi-coordinator").get(f"/admin/documents/edit/{document.pk}/")
    content = response.content.decode()
    assert "Text for search" in content
    assert "Text extracted" in content


# -- the task ------------------------------------------------------------------------------


def test_unchanged_file_is_not_read_again(
    client_for, make_document, django_capture_on_commit_callbacks, monkeypatch
):
    document = make_document("once.pdf", make_pdf("Read once"))
    extracted_at = document.text_extracted_at

    def fail(*args):
        raise AssertionError("the file was read again")

    monkeypatch.setattr("core.tasks.extract_text", fail)
    assert extract_document_text.enqueue(document.pk).return_value == "skipped"
    with django_capture_on_commit_callbacks(execute=True):
        client_for("fi-coordinator").post(
            f"/admin/documents/edit/{document.pk}/",
            {"title": "Renamed", "collection": document.collection_id},
        )
    document.refresh_from_db()
    assert document.title == "Renamed"
    assert (document.text_extraction_status, document.text_extracted_at) == ("ok", extracted_at)


def test_task_for_a_deleted_document_does_not_fail(extraction_log):
    result = extract_document_text.enqueue(987654321)
    assert result.status == "SUCCESSFUL"
    assert result.return_value == "missing"
    assert "987654321 no longer exists" in extraction_log.text


def test_missing_file_is_recorded_not_raised(make_document, extraction_log):
    document = make_document("gone.pdf", make_pdf("Soon gone"))
    document.file.storage.delete(document.file.name)
    HubDocument.objects.filter(pk=document.pk).update(text_extraction_status="")

    result = extract_document_text.enqueue(document.pk)
    assert (result.status, result.return_value) == ("SUCCESSFUL", "error")
    document.refresh_from_db()
    assert (document.text_extraction_status, document.extracted_text) == ("error", "")
    assert "status error after" in extraction_log.text


@pytest.mark.parametrize(
    ("setting", "value", "status"),
    [
        ("DOCUMENT_TEXT_MAX_PAGES", 2, "too_many_pages"),
        ("DOCUMENT_TEXT_MAX_BYTES", 100, "too_large"),
        ("DOCUMENT_TEXT_TIME_LIMIT", 0, "timeout"),
    ],
)
def test_limits_set_the_status(make_document, settings, extraction_log, setting, value, status):
    setattr(settings, setting, value)
    document = make_document("long.pdf", make_pdf("One", "Two", "Three"))
    assert document.text_extraction_status == status
    assert document.extracted_text == ""
    assert f"document {document.pk}" in extraction_log.text
    assert f"status {status}" in extraction_log.text


def test_documents_made_in_code_without_a_hash_get_one_and_their_text(
    django_capture_on_commit_callbacks,
):
    document = HubDocument(title="no-hash", collection=Collection.objects.get(name="Finland"))
    with django_capture_on_commit_callbacks(execute=True):
        document.file.save("no-hash.txt", ContentFile(b"Plain blorptastic notes"), save=True)
    document.refresh_from_db()
    assert document.file_hash and document.text_extracted_hash == document.file_hash
    assert (document.text_extraction_status, document.extracted_text) == (
        "ok",
        "Plain blorptastic notes",
    )


@pytest.fixture
def seeded_evaluations(django_capture_on_commit_callbacks):
    """Evaluation documents of two practices, made as seed_demo makes them: in code, with
    index updates off, in one transaction; then what its commit and its catch-up run."""
    with django_capture_on_commit_callbacks(execute=True), index_updates(False, signals=False):
        for space, slug, title in (
            ("Finland", "civil-society-platform", "Civil-society platform"),
            ("Sweden", "regional-coordinators", "Regional coordinators"),
        ):
            text_document(
                f"Evaluation: {title}",
                space,
                f"evaluation-{slug}.txt",
                f"Evaluation: {title}\n\nAn external evaluation of the practice, with its "
                "method, results and recommendations. (Demo document.)\n",
            )
    call_command("extract_document_text", stdout=io.StringIO())


def test_seeded_documents_have_a_hash_and_their_text(seeded_evaluations):
    seeded = HubDocument.objects.filter(title__startswith="Evaluation: ")
    assert seeded.exists()
    for document in seeded:
        assert document.file_hash and document.text_extracted_hash == document.file_hash
        assert document.text_extraction_status == "ok"
        assert "An external evaluation of the practice" in document.extracted_text


# -- the management command ----------------------------------------------------------------


def test_command_reads_pending_documents_and_prints_a_summary(make_document):
    readable = make_document("a.pdf", make_pdf("Alpha"))
    broken = make_document("b.pdf", b"%PDF-1.4 nothing more")
    sheet = make_document("c.xlsx", b"PK not really")
    HubDocument.objects.filter(pk__in=[readable.pk, broken.pk, sheet.pk]).update(
        text_extraction_status="", extracted_text=""
    )

    out = io.StringIO()
    call_command("extract_document_text", stdout=out)
    assert out.getvalue() == ("Extracted text of 3 document(s): ok 1, unsupported 1, error 1.\n")
    readable.refresh_from_db()
    assert readable.extracted_text == "Alpha"

    out = io.StringIO()
    call_command("extract_document_text", stdout=out)
    assert out.getvalue() == "Extracted text of 0 document(s): nothing to do.\n"

    out = io.StringIO()
    call_command("extract_document_text", "--all", stdout=out)
    total = HubDocument.objects.count()
    assert out.getvalue().startswith(f"Extracted text of {total} document(s): ok ")


# -- extract_text on its own ---------------------------------------------------------------


def test_text_is_cleaned_up():
    content = b"\xef\xbb\xbfOne\x00 two\t\t three\x07\r\n\n\n\n  four \xff"
    result = extract_text(io.BytesIO(content), "notes.txt")
    assert (result.status, result.text) == ("ok", "One two three\n\nfour \ufffd")


def test_long_text_is_cut_not_refused(settings):
    settings.DOCUMENT_TEXT_MAX_CHARS = 10
    result = extract_text(io.BytesIO(make_pdf("abcdefgh", "ijklmnop", "qrstuvw")), "a.pdf")
    assert result.status == "ok"
    assert result.text == "abcdefgh"
    assert "cut at 10 characters" in result.message


def test_pdf_without_text_is_empty():
    result = extract_text(io.BytesIO(make_pdf("")), "scan.pdf")
    assert (result.status, result.text) == ("empty", "")


def test_docx_with_a_doctype_is_refused():
    document_xml = word_xml(
        "document",
        "&lol;",
        prolog='<!DOCTYPE w:document [<!ENTITY lol "lollollollollol">]>',
    ).replace(b"&amp;lol;", b"&lol;")
    result = extract_text(io.BytesIO(make_docx(document_xml=document_xml)), "lol.docx")
    assert result.status == "error"
    assert "DOCTYPE" in result.message
    assert "lol" not in result.text


def test_docx_with_an_external_entity_is_refused():
    document_xml = word_xml(
        "document", "&xxe;", prolog='<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    ).replace(b"&amp;xxe;", b"&xxe;")
    result = extract_text(io.BytesIO(make_docx(document_xml=document_xml)), "xxe.docx")
    assert (result.status, result.text) == ("error", "")


def test_zip_bomb_is_refused_from_the_zip_directory(monkeypatch):
    padding = "<w:p><w:r><w:t> </w:t></w:r></w:p>" * 800_000  # ~28 MB, compresses to ~60 kB
    bomb = make_docx(
        document_xml=(
            f'<w:document xmlns:w="{WORD_NS}"><w:body>{padding}</w:body></w:document>'
        ).encode()
    )
    assert len(bomb) < 200_000

    def never(*args, **kwargs):
        raise AssertionError("a part was opened")

    monkeypatch.setattr(zipfile.ZipFile, "open", never)
    result = extract_text(io.BytesIO(bomb), "bomb.docx")
    assert result.status == "too_large"
    assert "uncompressed" in result.message


def test_zip_bomb_is_stopped_while_reading_when_the_directory_lies(monkeypatch, settings):
    settings.DOCUMENT_TEXT_MAX_BYTES = 1024 * 1024
    padding = "<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 200_000  # ~7 MB
    bomb = make_docx(
        document_xml=(
            f'<w:document xmlns:w="{WORD_NS}"><w:body>{padding}</w:body></w:document>'
        ).encode()
    )
    monkeypatch.setattr(text_extraction, "_declared_xml_size", lambda parts: 0)
    result = extract_text(io.BytesIO(bomb), "bomb.docx")
    assert result.status == "too_large"


def test_docx_limits_on_time_and_characters(settings):
    docx = make_docx("First paragraph", "Second paragraph")
    settings.DOCUMENT_TEXT_MAX_CHARS = 15
    assert extract_text(io.BytesIO(docx), "a.docx").text == "First paragraph"
    settings.DOCUMENT_TEXT_TIME_LIMIT = 0
    assert extract_text(io.BytesIO(docx), "a.docx").status == "timeout"


def test_not_a_zip_is_an_error():
    result = extract_text(io.BytesIO(b"plain bytes"), "fake.docx")
    assert result.status == "error"


@pytest.mark.parametrize("filename", ["sheet.xlsx", "slides.pptx", "letter.rtf", "README"])
def test_other_types_are_unsupported(filename):
    assert extract_text(io.BytesIO(b"whatever"), filename).status == "unsupported"


def test_streams_that_cannot_seek_are_read_within_the_limit(settings):
    class Stream(io.RawIOBase):
        def __init__(self, data):
            self.data = io.BytesIO(data)

        def readable(self):
            return True

        def readinto(self, buffer):
            chunk = self.data.read(len(buffer))
            buffer[: len(chunk)] = chunk
            return len(chunk)

    pdf = make_pdf("Streamed gazorpazorp")
    assert extract_text(Stream(pdf), "s.pdf").text == "Streamed gazorpazorp"
    settings.DOCUMENT_TEXT_MAX_BYTES = 100
    assert extract_text(Stream(pdf), "s.pdf").status == "too_large"
