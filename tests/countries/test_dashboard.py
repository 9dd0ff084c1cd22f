"""The editors' and coordinators' dashboard: an "Add a practice" action per space they
may add to, their drafts and pages awaiting review, and no broken image anywhere in the
admin (no Gravatar, nothing that is not found)."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders
from django.urls import reverse

from countries.models import CountryPage
from tests.practices.factories import PracticePageFactory

pytestmark = pytest.mark.django_db

HOME = "/admin/"


def _user(username):
    return get_user_model().objects.get(username=username)


def _space(code="FI"):
    return CountryPage.objects.get(country__code=code)


def _add_url(space):
    return reverse("wagtailadmin_pages:add", args=("practices", "practicepage", space.pk))


def _dashboard(client):
    response = client.get(HOME)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def _draft(space, username, title):
    """A practice never published, made by ``username``."""
    user = _user(username)
    page = space.add_child(instance=PracticePageFactory.build(title=title, live=False, owner=user))
    page.save_revision(user=user)
    return page


def _submitted(space, username, title):
    """A practice ``username`` submitted for the space's coordinators' approval."""
    page = _draft(space, username, title)
    page.get_workflow().start(page, _user(username))
    return page


def test_an_editor_is_offered_to_add_a_practice_to_their_space(client_for):
    soup = _dashboard(client_for("fi-editor"))
    links = [a for a in soup.select("a[href]") if "Add a practice" in a.get_text()]
    assert [a["href"] for a in links] == [_add_url(_space())]
    assert client_for("fi-editor").get(links[0]["href"]).status_code == 200


def test_one_action_per_space(client_for, django_user_model):
    from django.contrib.auth.models import Group

    user = _user("fi-editor")
    user.groups.add(Group.objects.get(name="Sweden editors"))
    soup = _dashboard(client_for("fi-editor"))
    hrefs = {a["href"] for a in soup.select("a[href]") if "Add a practice" in a.get_text()}
    assert hrefs == {_add_url(_space("FI")), _add_url(_space("SE"))}


def _admin_reader():
    """An account that may use the admin but edit nothing."""
    from django.contrib.auth.models import Permission

    from tests.countries.factories import account

    user = account("admin-reader", country="FI")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return user.username


@pytest.mark.parametrize("username", ["secretariat", "admin", None])
def test_no_add_action_without_a_space_to_add_to(client_for, username):
    # The secretariat edits the network's sections, not the spaces; a superuser belongs
    # to no space; some may use the admin and edit nothing.
    username = username or _admin_reader()
    html = _dashboard(client_for(username)).decode()
    assert "Add a practice" not in html
    assert "/admin/pages/add/practices/practicepage/" not in html


def _my_pages(soup):
    panel = soup.find(id="hub-my-pages-section")
    assert panel is not None, "the panel is shown"
    return panel


def test_the_drafts_panel_lists_my_drafts_not_anothers(client_for):
    finland = _space()
    mine = _draft(finland, "fi-editor", "My unfinished practice")
    _draft(finland, "fi-coordinator", "The coordinator's unfinished practice")

    panel = _my_pages(_dashboard(client_for("fi-editor")))
    text = panel.get_text(" ", strip=True)
    assert "My drafts" in text
    assert "My unfinished practice" in text
    assert "The coordinator's unfinished practice" not in text
    assert panel.find("a", href=reverse("wagtailadmin_pages:edit", args=(mine.pk,)))
    # Wagtail's words are not the hub's.
    assert "workflow" not in text.lower()


def test_an_editor_without_drafts_is_told_so(client_for):
    text = _my_pages(_dashboard(client_for("se-editor"))).get_text(" ", strip=True)
    assert "You have no drafts." in text
    assert "Nothing you submitted is waiting for approval." in text


def test_submitted_pages_await_their_coordinators_approval(client_for):
    _submitted(_space(), "fi-editor", "A practice to approve")

    editor = _my_pages(_dashboard(client_for("fi-editor"))).get_text(" ", strip=True)
    assert "Submitted for approval" in editor
    assert "A practice to approve" in editor
    assert "Waiting for approval" in editor
    assert "Awaiting your approval" not in editor
    # Submitted, it is no longer among the drafts.
    assert editor.count("A practice to approve") == 1

    coordinator = _my_pages(_dashboard(client_for("fi-coordinator"))).get_text(" ", strip=True)
    assert "Awaiting your approval" in coordinator
    assert "A practice to approve" in coordinator

    other = _my_pages(_dashboard(client_for("se-coordinator"))).get_text(" ", strip=True)
    assert "A practice to approve" not in other
    # Wagtail's own panels are replaced, not shown beside the hub's.
    html = _dashboard(client_for("fi-coordinator")).decode()
    assert 'id="awaiting-review-section"' not in html
    assert 'id="objects-in-workflow-section"' not in html


def test_no_panel_for_who_may_edit_nothing(client_for):
    html = _dashboard(client_for(_admin_reader())).decode()
    assert "hub-my-pages" not in html


def _image_sources(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    soup = BeautifulSoup(response.content, "html.parser")
    return [img["src"] for img in soup.find_all("img") if img.get("src")]


def _is_found(client, src):
    parts = urlsplit(src)
    if parts.scheme == "data":
        return True
    if parts.scheme or parts.netloc:
        return False  # gravatar.com or any other site: broken without the internet
    if parts.path.startswith(settings.STATIC_URL):
        # The test server does not serve static files: ask the finders, as runserver does.
        return finders.find(parts.path.removeprefix(settings.STATIC_URL)) is not None
    return client.get(src).status_code == 200


@pytest.mark.parametrize("username", ["fi-editor", "fi-coordinator", "admin"])
def test_no_broken_image_in_the_admin(client_for, username):
    practice = _draft(_space(), "fi-editor", "A practice with an editor")
    client = client_for(username)
    pages = [
        HOME,
        reverse("wagtailadmin_pages:edit", args=(practice.pk,)),
        reverse("wagtailadmin_explore", args=(_space().pk,)),
        reverse("wagtailadmin_account"),
    ]
    seen = 0
    for url in pages:
        for src in _image_sources(client, url):
            seen += 1
            assert "gravatar" not in src, (url, src)
            assert _is_found(client, src), (url, src)
    assert seen, "the admin shows the user's avatar"
