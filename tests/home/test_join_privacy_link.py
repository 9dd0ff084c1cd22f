"""The join form links the privacy notice (issue 25): an applicant reads what becomes of
their data before sending it, in their language, without looking the page up."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from tests.home.factories import join_form, network_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def privacy(db):
    return network_page(slug="privacy", title="Privacy notice")


def _privacy_paragraph(client, language="en"):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get("/join/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").find(class_="form__privacy")


def test_the_join_form_links_its_privacy_notice(client, privacy):
    join_form(privacy_page=privacy)
    paragraph = _privacy_paragraph(client)
    link = paragraph.find("a")
    assert link["href"] == privacy.url == "/privacy/"
    assert link.get_text() == "privacy notice"
    assert paragraph["lang"] == "en"
    # Inside the form, before its button: read before sending.
    assert paragraph.find_parent("form") is not None
    assert paragraph.find_next("button", type="submit") is not None


def test_the_link_is_in_the_readers_language(client, privacy):
    join_form(privacy_page=privacy)
    paragraph = _privacy_paragraph(client, "fi")
    assert paragraph["lang"] == "fi"
    assert paragraph.find("a")["href"] == "/privacy/"


def test_no_link_without_a_live_privacy_notice(client, privacy):
    join_form()
    assert _privacy_paragraph(client) is None
    form = join_form()
    form.privacy_page = privacy
    form.save_revision().publish()
    privacy.unpublish()
    assert _privacy_paragraph(client) is None
