"""Files under /media/ are exactly as private as their collection, in every setting.

Nothing serves MEDIA_ROOT directly: a document only through /documents/<id>/<file name>,
an image (original or rendition) only through home/media.py, which applies its
collection's view restrictions as the document view does (issue 21, items 1 and 2).
"""

import hashlib
import importlib.util
import io
import itertools
import re
import sys

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import resolve, reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from core.models import HubDocument
from countries.models import CountryPage
from seminars.models import Person
from tests.practices.factories import PracticePageFactory, publish_practice
from tests.recommendations.factories import publish_recommendation
from tests.seminars.factories import programme, publish_seminar

pytestmark = pytest.mark.django_db

DEBUG_URLCONF = "tests_home_debug_urls"


@pytest.fixture(params=["production", "development"])
def urlconf(request, settings):
    """Each test runs against the URL configuration as production loads it (DEBUG off)
    and as ``make run`` loads it (hub.settings.dev: DEBUG on, hub/urls.py imported
    afresh so that its DEBUG-only patterns are in)."""
    if request.param == "production":
        yield request.param
        return
    settings.DEBUG = True
    spec = importlib.util.find_spec("hub.urls")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    # The DEBUG-only patterns are really there (the error page previews).
    resolve("/404/", urlconf=module)
    sys.modules[DEBUG_URLCONF] = module
    settings.ROOT_URLCONF = DEBUG_URLCONF
    yield request.param
    del sys.modules[DEBUG_URLCONF]


# Wagtail keeps renditions in the cache by image id and file hash, and a rolled-back
# test's image id comes back in the next test: each image gets pixels (and a hash) of its
# own, so a test never finds a rendition that an earlier one left in the cache only.
_pixels = itertools.count(1)


def png():
    number = next(_pixels)
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), (number % 256, number // 256 % 256, 90)).save(buffer, "PNG")
    return buffer.getvalue()


def make_image(collection_name, title):
    data = png()
    return get_image_model().objects.create(
        title=title,
        collection=Collection.objects.get(name=collection_name),
        file=ImageFile(io.BytesIO(data), name=f"{title}.png"),
        file_hash=hashlib.sha1(data).hexdigest(),  # noqa: S324 - Wagtail's own hash
    )


@pytest.fixture
def images(db):
    """A public image of Finland's space and one of its country team's collection, each
    with a rendition."""
    found = {}
    for tier, collection in (("public", "Finland"), ("team", "Finland · country team only")):
        image = make_image(collection, f"{tier}-shelter-map")
        rendition = image.get_rendition("fill-32x24")
        found[tier] = (image, rendition)
    return found


@pytest.fixture
def team_document(db):
    document = HubDocument(
        title="team-referral-plan",
        collection=Collection.objects.get(name="Finland · country team only"),
    )
    document.file.save("team-referral-plan.txt", ContentFile(b"Safe house addresses."))
    return document


def stored_bytes(file):
    with default_storage.open(file.name, "rb") as handle:
        return handle.read()


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def image_urls(image, rendition):
    urls = {"original": image.file.url, "rendition": rendition.url}
    assert urls["original"].startswith("/media/original_images/")
    assert urls["rendition"].startswith("/media/images/")
    return urls


@pytest.mark.parametrize("username", [None, "fi-coordinator", "admin"])
def test_a_document_is_never_served_from_media(urlconf, team_document, client_for, username):
    assert default_storage.exists(team_document.file.name)  # the file is there to find
    url = f"/media/{team_document.file.name}"

    response = client_for(username).get(url)

    assert response.status_code == 404
    assert b"Safe house addresses" not in body(response)


def test_the_document_view_still_serves_the_team(team_document, client_for):
    response = client_for("fi-ministry").get(team_document.url)

    assert response.status_code == 200
    assert body(response) == b"Safe house addresses."
    assert response["Cache-Control"] == "private, no-store"


def test_other_files_under_media_are_not_found(urlconf, client_for):
    name = default_storage.save("exports/members.csv", ContentFile(b"name,phone"))

    for username in (None, "admin"):
        assert client_for(username).get(f"/media/{name}").status_code == 404


@pytest.mark.parametrize("which", ["original", "rendition"])
def test_a_restricted_image_sends_anonymous_visitors_to_sign_in(urlconf, images, client_for, which):
    url = image_urls(*images["team"])[which]

    response = client_for(None).get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/?next=")
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("username", ["se-coordinator", "expert-ngo"])
@pytest.mark.parametrize("which", ["original", "rendition"])
def test_a_restricted_image_is_refused_to_other_signed_in_people(
    urlconf, images, client_for, username, which
):
    url = image_urls(*images["team"])[which]

    response = client_for(username).get(url)

    assert response.status_code == 403
    assert not response.streaming


@pytest.mark.parametrize("username", ["fi-ministry", "fi-editor", "admin"])
@pytest.mark.parametrize("which", ["original", "rendition"])
def test_a_restricted_image_is_served_privately_to_its_team(
    urlconf, images, client_for, username, which
):
    image, rendition = images["team"]
    url = image_urls(image, rendition)[which]
    stored = image.file if which == "original" else rendition.file

    response = client_for(username).get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "private, no-store"
    assert body(response) == stored_bytes(stored)


@pytest.mark.parametrize("which", ["original", "rendition"])
def test_a_public_image_is_served_to_everyone_and_may_be_cached(urlconf, images, client_for, which):
    image, rendition = images["public"]
    url = image_urls(image, rendition)[which]
    stored = image.file if which == "original" else rendition.file

    response = client_for(None).get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "public, max-age=86400"
    assert body(response) == stored_bytes(stored)


def test_a_restricted_image_never_enters_the_anonymous_page_cache(images, client_for, settings):
    settings.PAGE_CACHE_SECONDS = 600
    url = image_urls(*images["team"])["original"]
    assert client_for("fi-ministry").get(url).status_code == 200

    client = client_for(None)
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 302
        assert "X-Page-Cache" not in response


@pytest.mark.parametrize(
    "path",
    [
        "/media/../manage.py",
        "/media/%2e%2e/%2e%2e/etc/passwd",
        "/media/original_images/../../manage.py",
        "/media/original_images/..%2f..%2fmanage.py",
        "/media/original_images/%2e%2e%5c%2e%2e%5cmanage.py",
        "/media//etc/passwd",
        "/media/images/./x.png",
        "/media/images/%00.png",
        "/media/original_images/" + "a" * 2000 + ".png",
    ],
)
def test_paths_out_of_media_are_not_found(urlconf, client_for, path):
    for username in (None, "admin"):
        response = client_for(username).get(path)
        assert response.status_code == 404


def test_a_traversal_to_a_real_image_name_is_not_found(urlconf, images, client_for):
    image, _rendition = images["public"]
    name = image.file.name  # original_images/<name>

    response = client_for(None).get(f"/media/images/../{name}")

    assert response.status_code == 404


class TestAdminShowsImagesToItsEditors:
    """The admin's listing, chooser and edit page (focal point included) show the team's
    images through the same view, to the editors who may see them."""

    MEDIA_URLS = re.compile(r'/media/(?:original_images|images)/[^"\'\s)&]+')

    def media_urls(self, html):
        return set(self.MEDIA_URLS.findall(html))

    @pytest.mark.parametrize(
        "admin_url",
        ["/admin/images/", "/admin/images/chooser/", "/admin/images/{pk}/"],
    )
    def test_every_image_the_editor_is_shown_loads(self, images, client_for, admin_url):
        image, _rendition = images["team"]
        client = client_for("fi-editor")
        response = client.get(admin_url.format(pk=image.pk))
        assert response.status_code == 200
        html = response.content.decode()
        if response["Content-Type"].startswith("application/json"):
            html = response.json()["html"]

        urls = self.media_urls(html)

        assert any(image.title in url for url in urls)
        for url in urls:
            assert client.get(url).status_code == 200, url


# -- Links to documents on pages (issue 21, item 4) ------------------------------------


def linked_practice(document, audience="public", slug="referral-with-team-plan"):
    """A Finnish practice that links ``document`` in every way a page can: a document
    block and a rich-text link in the body, a resource, and the evaluation."""
    link = f'<p>Read <a linktype="document" id="{document.pk}">the team plan</a> first.</p>'
    return publish_practice(
        CountryPage.objects.get(country__code="FI"),
        title="Referral with the team's plan",
        slug=slug,
        audience=audience,
        body=[
            ("document", {"document": document, "title": ""}),
            ("paragraph", RichText(link)),
        ],
        resources=[("document", {"document": document, "title": ""})],
        evaluation_document=document,
    )


def page_html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def assert_hidden(html, document):
    assert document.title not in html
    assert document.url not in html
    assert f"/documents/{document.pk}/" not in html
    assert "Documents and links" not in html  # no heading over nothing
    assert "Read the evaluation" not in html
    assert "the team plan" in html  # the rich text keeps its words, without the link


def assert_shown(html, document):
    assert document.title in html  # the document block and the resource
    assert html.count(f'href="{document.url}"') == 4  # and the rich text and evaluation
    assert "Documents and links" in html
    assert "Read the evaluation" in html


@pytest.mark.parametrize("username", [None, "expert-ngo", "se-coordinator"])
def test_a_public_page_hides_a_team_document_from_outsiders(team_document, client_for, username):
    practice = linked_practice(team_document)

    assert_hidden(page_html(client_for(username), practice), team_document)


@pytest.mark.parametrize("username", ["fi-ministry", "fi-editor", "admin"])
def test_the_team_sees_its_document_on_a_public_page(team_document, client_for, username):
    practice = linked_practice(team_document)

    assert_shown(page_html(client_for(username), practice), team_document)


def test_cached_parts_are_never_shared_across_what_readers_may_open(
    team_document, client_for, settings
):
    """The practice's body is a cached part (core/fragments.py) and anonymous pages are
    cached whole: the team member's version, rendered first, reaches nobody else."""
    settings.PAGE_CACHE_SECONDS = settings.FRAGMENT_CACHE_SECONDS = 600
    practice = linked_practice(team_document)

    assert_shown(page_html(client_for("fi-ministry"), practice), team_document)
    for username in ("expert-ngo", "se-ministry", None, None):
        assert_hidden(page_html(client_for(username), practice), team_document)
    assert_shown(page_html(client_for("fi-coordinator"), practice), team_document)


@pytest.fixture
def speaker(db):
    """A speaker of the seminars."""
    return Person.objects.create(name="Aino Lehtonen")


@pytest.fixture
def search_index(db):
    """The search index, built from the hub's content as after seeding (every model's
    index there, so that the search page can read them all)."""
    call_command("update_index", verbosity=0, stdout=io.StringIO())


def test_a_seminar_hides_a_team_report_and_materials_from_outsiders(
    team_document, client_for, speaker
):
    seminar = publish_seminar(
        report=team_document,
        outputs=[("document", {"document": team_document, "title": "Team slides"})],
        programme=programme(1, 1, list(Person.objects.all()[:1]), team_document),
    )

    html = page_html(client_for(None), seminar)
    assert team_document.title not in html
    assert "Team slides" not in html
    assert team_document.url not in html
    assert "Materials:" not in html

    html = page_html(client_for("fi-ministry"), seminar)
    assert team_document.title in html
    assert "Team slides" in html
    assert "Materials:" in html
    assert html.count(f'href="{team_document.url}"') == 4  # report, output, both materials


def test_a_recommendation_hides_a_team_source_document_from_outsiders(team_document, client_for):
    recommendation = publish_recommendation("R-2099-01", source_document=team_document)

    assert team_document.url not in page_html(client_for(None), recommendation)
    assert team_document.url in page_html(client_for("fi-ministry"), recommendation)


def test_a_public_page_shows_a_team_image_only_to_the_team(images, client_for):
    image, rendition = images["team"]
    practice = publish_practice(
        CountryPage.objects.get(country__code="FI"),
        title="Shelter with the team's map",
        slug="shelter-with-team-map",
        audience="public",
        body=[("image", {"image": image, "alt_text": "Map of the shelters", "caption": ""})],
    )

    for username in (None, "expert-ngo", "se-coordinator"):
        html = page_html(client_for(username), practice)
        assert "Map of the shelters" not in html
        assert "/media/images/" not in html
    html = page_html(client_for("fi-ministry"), practice)
    assert 'alt="Map of the shelters"' in html
    assert "/media/images/" in html


def test_search_never_shows_the_text_around_a_restricted_file(
    search_index, images, team_document, client_for
):
    """The text an editor wrote around a team-only file (a caption, a link text) is left
    out of the index, which answers every reader alike: the page hides it from outsiders,
    so no excerpt may show it to them."""
    image, _rendition = images["team"]
    public_image, _public_rendition = images["public"]
    publish_practice(
        CountryPage.objects.get(country__code="FI"),
        title="Shelter with the team's map",
        slug="shelter-with-team-map",
        audience="public",
        body=[
            ("image", {"image": image, "alt_text": "Zanzibarmap", "caption": "Quokkacaption"}),
            ("document", {"document": team_document, "title": "Wombataudit"}),
            ("image", {"image": public_image, "alt_text": "Public", "caption": "Koalacaption"}),
        ],
    )

    for word in ("Quokkacaption", "Wombataudit"):
        for username in (None, "fi-ministry"):
            html = client_for(username).get("/search/", {"q": word}).content.decode()
            assert "Shelter with the team" not in html, (word, username)
        api = client_for(None).get("/api/v2/pages/", {"search": word}).json()
        assert api["meta"]["total_count"] == 0
    html = client_for(None).get("/search/", {"q": "Koalacaption"}).content.decode()
    assert "Shelter with the team" in html  # a public image's caption stays searchable


def test_object_storage_hands_out_only_the_media_view(settings):
    """With MEDIA_STORAGE=s3 the bucket's objects are private and every URL is the
    hub's own media view, so images get the collection check there too."""
    from core.storage import S3MediaStorage

    storage = S3MediaStorage(bucket_name="hub-media", region_name="eu-north-1")

    assert storage.default_acl == "private"
    url = storage.url("original_images/team map ä.png")
    assert url == "/media/original_images/team%20map%20%C3%A4.png"
    assert resolve(url).url_name == "media"


class TestEditorWarning:
    """Saving a page that links documents or images more or less restricted than the
    page warns the editor (the page is saved all the same)."""

    REVISION_FIELDS = re.compile(
        r'name="(loaded_revision_id|loaded_revision_created_at)" value="([^"]*)"'
    )

    def form_data(self, page, document, body=None, **fields):
        data = {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "summary_en": page.summary_en,
            "language": page.language,
            "audience": page.audience,
            "body": streamfield(body or [("paragraph", rich_text("<p>The text.</p>"))]),
            "resources": streamfield([("document", {"document": document.pk, "title": ""})]),
            "evidence_level": page.evidence_level,
            "start_year": page.start_year or "",
            "ongoing": "on" if page.ongoing else "",
            "end_year": page.end_year or "",
            "related_links": inline_formset([]),
            "comments": inline_formset([]),
        }
        return {**nested_form_data(data), **fields}

    def saved(self, response):
        assert response.status_code == 200
        assert response.redirect_chain, "the page was not saved"
        return response.content.decode()

    def edit(self, client, page, document, body=None):
        edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        opened = dict(self.REVISION_FIELDS.findall(client.get(edit_url).content.decode()))
        data = self.form_data(page, document, body=body, **opened)
        return self.saved(client.post(edit_url, data, follow=True))

    def practice(self, audience):
        return publish_practice(
            CountryPage.objects.get(country__code="FI"),
            title=f"A {audience} practice",
            slug=f"a-{audience}-practice",
            audience=audience,
        )

    def test_a_team_document_on_a_public_page(self, team_document, client_for):
        html = self.edit(client_for("fi-editor"), self.practice("public"), team_document)

        assert (
            "Some readers of this page may not open the file “team-referral-plan”: "
            "it is not shown to them." in html
        )

    def test_a_public_document_on_a_team_page(self, client_for):
        public = HubDocument(
            title="public-leaflet", collection=Collection.objects.get(name="Finland")
        )
        public.file.save("public-leaflet.txt", ContentFile(b"Leaflet."))

        html = self.edit(client_for("fi-editor"), self.practice("country"), public)

        assert "The file “public-leaflet” is less restricted than this page" in html

    def test_a_team_image_on_a_public_page(self, images, client_for):
        image, _rendition = images["team"]
        public = HubDocument(
            title="public-leaflet", collection=Collection.objects.get(name="Finland")
        )
        public.file.save("public-leaflet.txt", ContentFile(b"Leaflet."))
        body = [("image", {"image": image.pk, "alt_text": "Map", "caption": ""})]

        html = self.edit(client_for("fi-editor"), self.practice("public"), public, body=body)

        assert (
            f"Some readers of this page may not open the file “{image.title}”: "
            "it is not shown to them." in html
        )

    def test_none_when_the_document_matches_the_page(self, team_document, client_for):
        html = self.edit(client_for("fi-editor"), self.practice("country"), team_document)

        assert "Some readers of this page may not open" not in html
        assert "less restricted than this page" not in html

    def test_also_when_the_page_is_created(self, team_document, client_for):
        space = CountryPage.objects.get(country__code="FI")
        new = PracticePageFactory.build(title="A new practice", slug="a-new-practice")
        add_url = reverse("wagtailadmin_pages:add", args=("practices", "practicepage", space.pk))

        response = client_for("fi-editor").post(
            add_url, self.form_data(new, team_document), follow=True
        )

        assert "Some readers of this page may not open the file" in self.saved(response)
