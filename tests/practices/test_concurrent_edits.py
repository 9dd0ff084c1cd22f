"""Two people with the same practice open in the page editor: the second to save never
silently replaces the first one's revision.

Wagtail tells each editor about the other (concurrent editing notifications); the editor
refuses a save from a form opened on an older revision, keeps the entries, and takes a
second save from the re-shown form as the deliberate choice to replace the other version.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from wagtail import hooks
from wagtail.models import Page

from countries.models import CountryPage
from tests.accounts import sign_in
from tests.countries.factories import named
from tests.practices.factories import practice_edit_data, publish_practice

pytestmark = pytest.mark.django_db

REVISION_FIELDS = re.compile(
    r'name="(loaded_revision_id|loaded_revision_created_at)" value="([^"]*)"'
)
SESSION_FIELDS = re.compile(r'name="(revision_id|revision_created_at)" value="([^"]*)"')
PING_URL = re.compile(r'data-w-swap-src-value="([^"]+)"')


@pytest.fixture(autouse=True)
def editors(db):
    """Finland's editor and coordinator, by the names the notices show."""
    return named("fi-editor", "Mikko", "Saarinen"), named("fi-coordinator", "Aino", "Lehtonen")


@pytest.fixture
def practice():
    space = CountryPage.objects.get(country__code="FI")
    return publish_practice(space, title="Shelter network", slug="shelter-network-concurrent")


def browser(username):
    """A browser of its own, signed in as the demo user ``username``."""
    return sign_in(Client(), get_user_model().objects.get(username=username))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def revision_fields(response) -> dict:
    """The hidden fields naming the revision the form was opened on, as the browser has
    them."""
    assert response.status_code == 200
    return dict(REVISION_FIELDS.findall(response.content.decode()))


def open_editor(client, page) -> dict:
    return revision_fields(client.get(edit_url(page)))


def form_data(page, opened, title, **actions):
    """The practice's edit form as sent from a form opened on revision ``opened``."""
    return practice_edit_data(page, title, **opened, **actions)


def latest(page):
    """(title of the newest revision, number of revisions, title of the live page)."""
    stored = Page.objects.get(pk=page.pk)
    return stored.get_latest_revision().content["title"], stored.revisions.count(), stored.title


class TestSecondSave:
    def test_is_refused_keeping_the_entries_and_naming_who_saved(self, practice):
        mikko, aino = browser("fi-editor"), browser("fi-coordinator")
        mikko_opened, aino_opened = open_editor(mikko, practice), open_editor(aino, practice)

        first = mikko.post(edit_url(practice), form_data(practice, mikko_opened, "Mikko's title"))
        assert first.status_code == 302
        after_first = latest(practice)
        assert after_first[0] == "Mikko's title"

        second = aino.post(edit_url(practice), form_data(practice, aino_opened, "Aino's title"))
        html = second.content.decode()
        assert second.status_code == 200
        assert "Mikko Saarinen saved a newer version of this page" in html
        assert "Nothing of yours was saved" in html
        # Her entries are still in the form, and Mikko's revision is still the newest.
        assert second.context["form"]["title"].value() == "Aino's title"
        assert "Aino&#x27;s title: the text." in html
        assert latest(practice) == after_first

    def test_links_to_what_the_other_editor_changed(self, practice):
        mikko, aino = browser("fi-editor"), browser("fi-coordinator")
        mikko_opened, aino_opened = open_editor(mikko, practice), open_editor(aino, practice)
        mikko.post(edit_url(practice), form_data(practice, mikko_opened, "Mikko's title"))

        html = aino.post(
            edit_url(practice), form_data(practice, aino_opened, "Aino's title")
        ).content.decode()
        compare = reverse(
            "wagtailadmin_pages:revisions_compare",
            args=(practice.pk, aino_opened["loaded_revision_id"], "latest"),
        )
        assert compare in html

    def test_saving_again_from_the_reshown_form_replaces_the_other_version(self, practice):
        mikko, aino = browser("fi-editor"), browser("fi-coordinator")
        mikko_opened, aino_opened = open_editor(mikko, practice), open_editor(aino, practice)
        mikko.post(edit_url(practice), form_data(practice, mikko_opened, "Mikko's title"))
        refused = aino.post(edit_url(practice), form_data(practice, aino_opened, "Aino's title"))

        # The re-shown form was opened, in effect, on Mikko's revision.
        reshown = revision_fields(refused)
        mikkos = Page.objects.get(pk=practice.pk).get_latest_revision()
        assert reshown["loaded_revision_id"] == str(mikkos.pk)
        saved = aino.post(edit_url(practice), form_data(practice, reshown, "Aino's title"))
        assert saved.status_code == 302
        assert latest(practice)[0] == "Aino's title"

    def test_publishing_from_an_old_form_leaves_the_live_page_alone(self, practice):
        aino, admin = browser("fi-coordinator"), browser("admin")
        aino_opened, admin_opened = open_editor(aino, practice), open_editor(admin, practice)
        published = aino.post(
            edit_url(practice),
            form_data(practice, aino_opened, "Aino's title", **{"action-publish": "Publish"}),
        )
        assert published.status_code == 302
        assert latest(practice)[2] == "Aino's title"
        after_first = latest(practice)

        response = admin.post(
            edit_url(practice),
            form_data(practice, admin_opened, "Hanna's title", **{"action-publish": "Publish"}),
        )
        assert response.status_code == 200
        assert "Aino Lehtonen saved a newer version of this page" in response.content.decode()
        assert latest(practice) == after_first

    def test_is_refused_when_the_other_save_lands_while_it_is_under_way(self, practice):
        """The check is made when the revision is written, not when the request arrives."""
        aino = browser("fi-coordinator")
        aino_opened = open_editor(aino, practice)
        mikko_user = get_user_model().objects.get(username="fi-editor")

        def mikko_saves_meanwhile(request, page):
            # Runs once Wagtail has read the newest revision for Aino's request.
            if request.user.username == "fi-coordinator" and request.method == "POST":
                other = Page.objects.get(pk=page.pk).specific
                other.title = "Mikko's title"
                other.save_revision(user=mikko_user)

        with hooks.register_temporarily("before_edit_page", mikko_saves_meanwhile):
            response = aino.post(
                edit_url(practice), form_data(practice, aino_opened, "Aino's title")
            )
        assert response.status_code == 200
        assert "Mikko Saarinen saved a newer version" in response.content.decode()
        assert latest(practice)[0] == "Mikko's title"

    def test_an_autosave_from_an_old_form_is_refused_too(self, practice):
        mikko, aino = browser("fi-editor"), browser("fi-coordinator")
        mikko_opened, aino_opened = open_editor(mikko, practice), open_editor(aino, practice)
        mikko.post(edit_url(practice), form_data(practice, mikko_opened, "Mikko's title"))
        after_first = latest(practice)

        response = aino.post(
            edit_url(practice),
            form_data(practice, aino_opened, "Aino's title"),
            HTTP_ACCEPT="application/json",
        )
        assert response.json()["error_code"] == "invalid_revision"
        assert latest(practice) == after_first

    def test_reverting_to_an_old_revision_from_an_old_form_is_refused(self, practice):
        mikko, aino = browser("fi-editor"), browser("fi-coordinator")
        first = Page.objects.get(pk=practice.pk).get_latest_revision()
        revert_url = reverse("wagtailadmin_pages:revisions_revert", args=(practice.pk, first.pk))
        aino.post(
            edit_url(practice), form_data(practice, open_editor(aino, practice), "Aino's title")
        )
        mikko_opened = revision_fields(mikko.get(revert_url))
        aino.post(
            edit_url(practice), form_data(practice, open_editor(aino, practice), "Aino's again")
        )
        after_aino = latest(practice)

        response = mikko.post(revert_url, form_data(practice, mikko_opened, "Shelter network"))
        assert response.status_code == 200
        assert "Aino Lehtonen saved a newer version" in response.content.decode()
        assert latest(practice) == after_aino

    def test_a_save_from_the_newest_revision_goes_through(self, practice):
        aino = browser("fi-coordinator")
        first = aino.post(
            edit_url(practice), form_data(practice, open_editor(aino, practice), "First")
        )
        assert first.status_code == 302
        second = aino.post(
            edit_url(practice), form_data(practice, open_editor(aino, practice), "Second")
        )
        assert second.status_code == 302
        assert latest(practice)[0] == "Second"


def test_each_editor_is_told_the_other_saved_a_newer_version(practice):
    """Wagtail's concurrent editing notifications, as the editor's script polls them."""
    mikko, aino = browser("fi-editor"), browser("fi-coordinator")
    mikko_opened = open_editor(mikko, practice)
    aino_page = aino.get(edit_url(practice)).content.decode()
    ping_url = PING_URL.search(aino_page).group(1)
    session = dict(SESSION_FIELDS.findall(aino_page))
    assert session["revision_id"] == str(practice.latest_revision_id)

    others = aino.post(ping_url, session).json()["other_sessions"]
    assert [(o["user"], o["revision_id"]) for o in others] == [("Mikko Saarinen", None)]

    mikko.post(edit_url(practice), form_data(practice, mikko_opened, "Mikko's title"))
    others = aino.post(ping_url, session).json()["other_sessions"]
    newest = Page.objects.get(pk=practice.pk).get_latest_revision()
    assert [(o["user"], o["revision_id"]) for o in others] == [("Mikko Saarinen", newest.pk)]


def test_a_revision_number_that_is_no_number_is_not_an_error(practice):
    """ "²" is a digit to str.isdigit() but no number to int(): a form sent with it (by
    hand: browsers send what the page gave) is refused as stale, never a 500."""
    mikko, aino = browser("fi-editor"), browser("fi-coordinator")
    opened = open_editor(aino, practice)
    mikko.post(edit_url(practice), form_data(practice, open_editor(mikko, practice), "Mikko's"))
    forged = {**opened, "loaded_revision_id": "²"}
    response = aino.post(edit_url(practice), form_data(practice, forged, "Aino's title"))
    assert response.status_code in (200, 400)
    assert latest(practice)[0] == "Mikko's"
