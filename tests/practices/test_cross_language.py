"""Practices across languages: the original title with its language, and the English
title and summary for every reader of another language, in each place a practice is
listed, on its page, in the feed and the exports; the English title the editor must give;
and a new practice that starts in its space's language."""

import csv
import io
import json

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from countries.models import Country, CountryPage
from practices.models import PracticePage
from tests.practices.factories import publish_practice

pytestmark = pytest.mark.django_db

YEAR = 1993  # no other test's practice starts then: the library lists only these
ORIGINAL = "Samhæfingarteymi og verklag við tilvísun þolenda mansals"
SUMMARY = "Þverfaglegt samhæfingarteymi fer yfir tilvísanir mögulegra þolenda mansals."
TITLE_EN = "Coordination team and referral procedure for victims of trafficking"
SUMMARY_EN = "A multidisciplinary team reviews referrals of possible victims of trafficking."
ENGLISH = "Victim-centred interview training for investigators"


@pytest.fixture
def practices(db):
    """An Icelandic practice with its English title and summary, and an English one."""
    iceland = CountryPage.objects.get(country__code="IS")
    return {
        "icelandic": publish_practice(
            iceland,
            slug="samhaefingarteymi",
            title=ORIGINAL,
            title_en=TITLE_EN,
            language="is",
            summary=SUMMARY,
            summary_en=SUMMARY_EN,
            start_year=YEAR,
        ),
        "english": publish_practice(
            iceland,
            slug="interview-training",
            title=ENGLISH,
            summary="Investigators learn to interview victims without retraumatising them.",
            start_year=YEAR,
        ),
    }


def _swedish(text):
    """The interface's text as a Swedish reader gets it (English until translated)."""
    from django.utils import translation

    with translation.override("sv"):
        return translation.gettext(text)


def _soup(client, url, language, **params):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(url, params)
    assert response.status_code == 200, url
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert soup.html["lang"] == language
    return soup


def _card(soup, title):
    """The card (or search result) whose heading links to ``title``."""
    link = soup.find("a", string=title)
    assert link is not None, title
    return link.find_parent("li")


def _english_parts(card):
    """The English title and summary a card shows, each by its own lang="en" element."""
    return [element.get_text(strip=True) for element in card.find_all(lang="en")]


def _assert_shows_english(card):
    assert card.find("a", string=ORIGINAL)["lang"] == "is"
    assert _english_parts(card) == [TITLE_EN, SUMMARY_EN]
    # Set apart in words, in the reader's language, not by colour alone.
    label = card.find(class_="in-english__label")
    assert label.get_text(strip=True) == _swedish("In English:")
    assert label.get("lang") is None  # the interface's language, the page's own


LISTINGS = [
    pytest.param("/practices/", {"year": YEAR}, id="library"),
    pytest.param("/countries/iceland/", {"year": YEAR}, id="country"),
    pytest.param("/", {}, id="home"),
]


@pytest.mark.parametrize(("url", "params"), LISTINGS)
def test_a_swedish_reader_sees_an_icelandic_practice_in_english_too(practices, client, url, params):
    soup = _soup(client, url, "sv", **params)
    _assert_shows_english(_card(soup, ORIGINAL))


@pytest.mark.parametrize(("url", "params"), LISTINGS)
def test_an_icelandic_reader_sees_only_the_original(practices, client, url, params):
    card = _card(_soup(client, url, "is", **params), ORIGINAL)
    assert card.find("a", string=ORIGINAL)["lang"] == "is"
    assert TITLE_EN not in card.get_text()
    assert SUMMARY_EN not in card.get_text()
    assert card.find(class_="in-english") is None


@pytest.mark.parametrize("language", ["sv", "en"])
def test_an_english_practice_is_shown_once(practices, client, language):
    card = _card(_soup(client, "/practices/", language, year=YEAR), ENGLISH)
    assert card.find(class_="in-english") is None
    assert card.get_text().count(ENGLISH) == 1


def test_an_english_reader_sees_the_english_text_of_an_icelandic_practice(practices, client):
    card = _card(_soup(client, "/practices/", "en", year=YEAR), ORIGINAL)
    assert _english_parts(card) == [TITLE_EN, SUMMARY_EN]


def test_related_practices_show_the_english_text(practices, client):
    from practices.models import RelatedPractice

    english = practices["english"]
    english.related_links.add(RelatedPractice(practice=practices["icelandic"]))
    english.save_revision().publish()
    soup = _soup(client, english.url, "sv")
    related = soup.find(id="related-title").find_parent("section")
    _assert_shows_english(_card(related, ORIGINAL))


def test_the_practice_page_offers_its_english_text_at_the_top(practices, client):
    page = practices["icelandic"]
    box = _soup(client, page.url, "sv").find(class_="summary-en")
    assert box is not None and box.find_parent("header") is not None
    assert box.find("h2").get_text(strip=True) == _swedish("In English")
    assert box.find("h2")["lang"] == "sv"
    assert _english_parts(box) == [TITLE_EN, SUMMARY_EN]
    assert _soup(client, page.url, "is").find(class_="summary-en") is None
    assert _soup(client, practices["english"].url, "sv").find(class_="summary-en") is None


# -- feed and exports ----------------------------------------------------------------------
def test_the_feed_carries_the_english_title_and_summary(practices, client):
    # A feed has no reader's language: whoever reads it gets the English text.
    for language in ("is", "sv"):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        parsed = feedparser.parse(client.get("/practices/feed/").content)
        assert not parsed.bozo
        entries = {entry.title: entry for entry in parsed.entries}
        icelandic = entries[ORIGINAL]
        assert icelandic.title_detail["language"] == "is"
        summary = BeautifulSoup(icelandic.summary, "html.parser")
        assert [p.get_text() for p in summary.find("div").find_all("p")] == [TITLE_EN, SUMMARY_EN]
        assert SUMMARY in summary.get_text()
        english = BeautifulSoup(entries[ENGLISH].summary, "html.parser").get_text()
        assert "Investigators learn" in english
        assert "In English" not in english


def test_the_exports_carry_the_english_title_and_summary(practices, client):
    response = client.get("/practices/export/csv/", {"year": YEAR, "sort": "title"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    by_title = {row["title"]: row for row in rows}
    assert by_title[ORIGINAL]["title_en"] == TITLE_EN
    assert by_title[ORIGINAL]["summary_en"] == SUMMARY_EN
    assert by_title[ENGLISH]["title_en"] == ""
    data = json.loads(client.get("/practices/export/json/", {"year": YEAR}).content)
    assert {r["title"]: r["title_en"] for r in data["results"]}[ORIGINAL] == TITLE_EN


def test_the_api_gives_the_english_title(practices, client):
    response = client.get(f"/api/v2/pages/{practices['icelandic'].pk}/")
    assert response.json()["title_en"] == TITLE_EN


# -- the editor ----------------------------------------------------------------------------
def _selected_language(client, space):
    response = client.get(f"/admin/pages/add/practices/practicepage/{space.pk}/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return soup.find("select", attrs={"name": "language"}).find("option", selected=True)["value"]


def test_a_new_practice_starts_in_its_spaces_language(client_for):
    finland = CountryPage.objects.get(country__code="FI")
    assert _selected_language(client_for("fi-editor"), finland) == "fi"


@pytest.mark.parametrize(
    ("code", "language"),
    [("DK", "da"), ("FI", "fi"), ("IS", "is"), ("NO", "nb"), ("SE", "sv"), ("AX", "sv")]
    + [("FO", "da"), ("GL", "da")],
)
def test_every_space_has_its_language(client_for, code, language):
    assert Country.objects.get(code=code).language == language
    space = CountryPage.objects.get(country__code=code)
    assert _selected_language(client_for("admin"), space) == language


def test_the_english_title_is_next_to_the_original_in_the_editor(client_for):
    finland = CountryPage.objects.get(country__code="FI")
    response = client_for("fi-editor").get(f"/admin/pages/add/practices/practicepage/{finland.pk}/")
    html = response.content.decode()
    assert (
        html.index('name="title"') < html.index('name="title_en"') < html.index('name="language"')
    )


def _add_form(**fields):
    return nested_form_data(
        {
            "title": "Uusi käytäntö",
            "slug": "english-title-test",
            "language": "fi",
            "summary": "Tiivistelmä.",
            "summary_en": "A new practice.",
            "title_en": "",
            "body": streamfield([]),
            "resources": streamfield([]),
            "evidence_level": "emerging",
            "ongoing": "on",
            "audience": "public",
            "related_links": inline_formset([]),
            "comments": inline_formset([]),
            **fields,
        }
    )


def test_a_practice_not_in_english_needs_an_english_title(client_for):
    finland = CountryPage.objects.get(country__code="FI")
    client = client_for("fi-editor")
    url = f"/admin/pages/add/practices/practicepage/{finland.pk}/"
    response = client.post(url, _add_form())
    assert response.status_code == 200
    assert "add an English title" in response.content.decode()
    assert not PracticePage.objects.filter(slug="english-title-test").exists()
    response = client.post(url, _add_form(title_en="A new practice"))
    assert response.status_code == 302
    assert PracticePage.objects.get(slug="english-title-test").title_en == "A new practice"


def test_an_english_practice_needs_no_english_title(client_for):
    finland = CountryPage.objects.get(country__code="FI")
    url = f"/admin/pages/add/practices/practicepage/{finland.pk}/"
    response = client_for("fi-editor").post(url, _add_form(language="en", summary_en=""))
    assert response.status_code == 302
