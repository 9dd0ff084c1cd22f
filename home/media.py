"""Files under MEDIA_URL, served by Django so that collection privacy covers images too.

Nothing serves MEDIA_ROOT directly, in any setting. Documents are reached only through
Wagtail's serve view (``/documents/<id>/<file name>``); under ``/media/`` this view
answers for images alone: an original (``original_images/…``) or a rendition
(``images/…``), found by its stored file name and served when the request passes its
collection's view restrictions (``countries.permissions.can_view_collection``, the check
documents get). Anything else, documents included, is not found.

Refusals are those of documents: anonymous visitors are sent to sign in, signed-in people
get a 403. Images of a restricted collection are marked ``private, no-store`` and never
kept by the anonymous page cache (``/media/`` is one of its never-cached prefixes).
"""

import mimetypes
import posixpath

from django.http import FileResponse, Http404
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as serve_wagtail_document
from wagtail.images import get_image_model
from wagtail.wagtail_hooks import require_wagtail_login

from countries.permissions import can_view_collection

PUBLIC_CACHE_CONTROL = "public, max-age=86400"
PRIVATE_CACHE_CONTROL = "private, no-store"
# Longer than any name the file fields store (100 characters).
MAX_NAME_LENGTH = 255


def _stored_name(name: str) -> str | None:
    """``name`` when it is a plain relative path as the storages write them, else None:
    no ``..``, ``.`` or empty segment, no leading slash, backslash or control character
    (a NUL would reach the database)."""
    if (
        not name
        or len(name) > MAX_NAME_LENGTH
        or name.startswith("/")
        or "\\" in name
        or any(ord(char) < 32 or ord(char) == 127 for char in name)
        or posixpath.normpath(name) != name
    ):
        return None
    return name


def _image_file(name: str):
    """(collection, stored file) of the original or rendition stored as ``name``, or None."""
    image_model = get_image_model()
    if name.startswith("original_images/"):
        image = image_model.objects.filter(file=name).select_related("collection").first()
        return (image.collection, image.file) if image else None
    if name.startswith("images/"):
        rendition = (
            image_model.get_rendition_model()
            .objects.filter(file=name)
            .select_related("image__collection")
            .first()
        )
        return (rendition.image.collection, rendition.file) if rendition else None
    return None


@require_safe
def serve(request, name):
    """``/media/<name>``: an image or one of its renditions, if the visitor may see it."""
    name = _stored_name(name)
    found = _image_file(name) if name else None
    if found is None:
        raise Http404
    collection, stored = found
    restricted = bool(collection.get_view_restrictions())
    if restricted and not can_view_collection(request, collection):
        if request.user.is_authenticated:
            response = TemplateResponse(request, "403.html", status=403)
        else:
            response = require_wagtail_login(next=request.get_full_path())
        add_never_cache_headers(response)
        return response
    try:
        handle = stored.storage.open(stored.name, "rb")
    except OSError:  # the row is there but the file is gone
        raise Http404 from None
    content_type = mimetypes.guess_type(stored.name)[0] or "application/octet-stream"
    response = FileResponse(handle, content_type=content_type)
    response["Cache-Control"] = PRIVATE_CACHE_CONTROL if restricted else PUBLIC_CACHE_CONTROL
    # As Wagtail does for documents: nothing in the file may run if opened directly.
    response["Content-Security-Policy"] = "default-src 'none'"
    return response


def serve_document(request, document_id, document_filename):
    """``/documents/<id>/<file name>``: Wagtail's serve view (which checks the collection),
    with a restricted collection's files marked ``private, no-store`` as its images are:
    no cache on the way may keep a copy that another reader could be given."""
    response = serve_wagtail_document(request, document_id, document_filename)
    document = (
        get_document_model().objects.filter(pk=document_id).select_related("collection").first()
    )
    if document is not None and document.collection.get_view_restrictions().exists():
        response["Cache-Control"] = PRIVATE_CACHE_CONTROL
    return response
