"""Who may read a new page is chosen first, and safely: the audience on the editor's first
tab, a new page starting with network members or its space's default, a default only the
space's coordinators (and superusers) may set."""

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from countries.audience import initial_audience
from countries.models import CountryPage
from countries.permissions import may_set_space_defaults
from home.models import StandardPage
from practices.models import PracticePage
from recommendations.models import RecommendationPage
from seminars.models import SeminarPage

pytestmark = pytest.mark.django_db


def _fields(panel) -> set[str]:
    return set(panel.get_form_options().get("fields", ()))


@pytest.mark.parametrize("model", [PracticePage, SeminarPage, RecommendationPage, StandardPage])
def test_the_audience_is_on_the_first_tab(model):
    first, *others = model.get_edit_handler().children
    assert "audience" in _fields(first)
    assert not any("audience" in _fields(tab) for tab in others)


def test_the_audience_is_near_the_practices_title():
    names = [
        getattr(panel, "field_name", None)
        for panel in PracticePage.get_edit_handler().children[0].children
    ]
    assert names.index("audience") < names.index("summary")


def _space(code="FI") -> CountryPage:
    return CountryPage.objects.select_related("country").get(country__code=code)


def _add_form(client, space):
    response = client.get(
        reverse("wagtailadmin_pages:add", args=("practices", "practicepage", space.pk))
    )
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def _chosen_audience(soup):
    checked = soup.select('input[name="audience"][checked]')
    assert len(checked) == 1, "exactly one audience chosen"
    return checked[0]["value"]


def test_a_new_practice_starts_with_network_members(client_for):
    soup = _add_form(client_for("fi-editor"), _space())
    assert _chosen_audience(soup) == "members"
    # Every choice is a radio button the editor sees, with what it means.
    assert {i["value"] for i in soup.select('input[name="audience"]')} == {
        "public",
        "members",
        "country",
    }
    text = soup.get_text(" ", strip=True)
    assert "Network members: anyone signed in" in text  # each choice says who
    assert "Choose Public only for what anyone on the internet" in text


def test_a_page_outside_a_space_starts_with_network_members():
    assert initial_audience(Page.objects.get(url_path="/home/")) == "members"


def _edit_space_data(client, space, **changes):
    """The space's edit form, as its editor would send it back (publishing it)."""
    url = reverse("wagtailadmin_pages:edit", args=(space.pk,))
    editor = client.get(url).content.decode()
    opened = dict(
        re.findall(
            r'name="(loaded_revision_id|loaded_revision_created_at)" value="([^"]*)"', editor
        )
    )
    data = {
        "title": space.title,
        "slug": space.slug,
        "intro": rich_text(space.intro or "<p>The space.</p>"),
        "structures": streamfield([]),
        "contacts": inline_formset([]),
        "comments": inline_formset([]),
        **changes,
    }
    return url, editor, {**nested_form_data(data), **opened}


def test_the_coordinator_sets_the_spaces_default_and_new_pages_start_with_it(client_for):
    space = _space()
    client = client_for("fi-coordinator")
    url, editor, data = _edit_space_data(client, space, default_audience="country")
    assert 'name="default_audience"' in editor
    response = client.post(url, {**data, "action-publish": "publish"}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain, "the space was not saved"
    assert _space().default_audience == "country"

    soup = _add_form(client_for("fi-editor"), space)
    assert _chosen_audience(soup) == "country"
    # Other spaces keep theirs.
    assert _chosen_audience(_add_form(client_for("se-editor"), _space("SE"))) == "members"


def test_the_spaces_editor_may_not_set_its_default(client_for):
    space = _space()
    client = client_for("fi-editor")
    url, editor, data = _edit_space_data(client, space, default_audience="public")
    assert 'name="default_audience"' not in editor
    # Sent anyway (saved as a draft: editors do not publish), it is ignored.
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    space = _space()
    assert space.default_audience == "members"
    assert space.get_latest_revision_as_object().default_audience == "members"


def test_only_the_spaces_coordinators_and_superusers_may_set_its_default(client_for):
    finland = _space()
    users = {user.username: user for user in get_user_model().objects.all()}
    assert may_set_space_defaults(users["fi-coordinator"], finland)
    assert may_set_space_defaults(users["admin"], finland)
    for username in ("fi-editor", "fi-ministry", "se-coordinator", "secretariat"):
        assert not may_set_space_defaults(users[username], finland), username
    # Another space's coordinator cannot even open the form.
    url, _editor, data = _edit_space_data(
        client_for("se-coordinator"), finland, default_audience="public"
    )
    response = client_for("se-coordinator").post(url, {**data, "action-publish": "publish"})
    assert response.status_code in (302, 403)
    assert _space().default_audience == "members"


def test_a_superuser_sees_the_spaces_default(client_for):
    editor = client_for("admin").get(reverse("wagtailadmin_pages:edit", args=(_space().pk,)))
    assert 'name="default_audience"' in editor.content.decode()
