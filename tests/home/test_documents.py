"""Documents are served through Django and respect their collection's privacy."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter
from wagtail.documents import get_document_model
from wagtail.models import Collection

from core.models import HubDocument

pytestmark = pytest.mark.django_db


def blank_pdf():
    """A real PDF: uploads are checked by content too (tests/home/test_uploads.py)."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.fixture
def documents(db):
    def make(collection_name, title):
        document = HubDocument(title=title, collection=Collection.objects.get(name=collection_name))
        document.file.save(f"{title}.txt", ContentFile(b"Referral guidance."), save=True)
        return document

    return {
        "public": make("Finland", "public-guide"),
        "members": make("Finland · members only", "members-guide"),
        "team": make("Finland · country team only", "team-guide"),
    }


def test_custom_document_model_is_used():
    assert get_document_model() is HubDocument


@pytest.mark.parametrize(
    ("username", "tier", "expected"),
    [
        (None, "public", 200),
        (None, "members", 302),
        (None, "team", 302),
        ("expert-ngo", "members", 200),
        ("expert-ngo", "team", 403),
        ("se-coordinator", "team", 403),
        ("fi-ministry", "team", 200),
        ("fi-editor", "team", 200),
    ],
)
def test_document_privacy(documents, client_for, username, tier, expected):
    response = client_for(username).get(documents[tier].url)
    assert response.status_code == expected
    if expected == 302:
        assert "/account/login/" in response["Location"]
    if expected == 200:
        assert b"".join(response.streaming_content) == b"Referral guidance."
    else:
        assert b"Referral guidance" not in (response.content if not response.streaming else b"")


def test_document_urls_go_through_django(documents):
    assert documents["team"].url.startswith("/documents/")


@pytest.mark.parametrize(
    ("filename", "accepted"), [("guide.pdf", True), ("page.html", False), ("tool.exe", False)]
)
def test_only_document_types_are_accepted(client_for, filename, accepted):
    finland = Collection.objects.get(name="Finland")
    response = client_for("fi-editor").post(
        "/admin/documents/add/",
        {
            "title": filename,
            "collection": finland.pk,
            "file": SimpleUploadedFile(filename, blank_pdf()),
        },
    )
    assert HubDocument.objects.filter(title=filename).exists() is accepted
    if not accepted:
        assert response.status_code == 200
        assert "is not allowed. Allowed extensions are" in response.content.decode()


def test_oversized_upload_is_refused_with_a_message(client_for, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    finland = Collection.objects.get(name="Finland")
    response = client_for("fi-editor").post(
        "/admin/documents/add/",
        {
            "title": "big",
            "collection": finland.pk,
            "file": SimpleUploadedFile("big.pdf", b"x" * 4096),
        },
    )
    assert response.status_code == 200
    assert "This file is too big" in response.content.decode()
    assert not HubDocument.objects.filter(title="big").exists()


def test_editors_cannot_upload_into_another_country(client_for):
    sweden = Collection.objects.get(name="Sweden")
    client_for("fi-editor").post(
        "/admin/documents/add/",
        {
            "title": "wrong-space",
            "collection": sweden.pk,
            "file": SimpleUploadedFile("x.pdf", blank_pdf()),
        },
    )
    assert not HubDocument.objects.filter(title="wrong-space").exists()
