"""Every Atom feed of the hub is valid Atom as feed readers read it: an author (RFC 4287
§4.1.1) and each entry's own language in ``xml:lang``."""

import xml.etree.ElementTree as ET

import feedparser
import pytest

from core.links import page_url
from core.templatetags.hub_tags import content_language
from countries.models import CountryPage
from practices.models import PracticeIndexPage, PracticePage
from recommendations.choices import Status
from recommendations.updates import apply_update
from seminars.models import SeminarIndexPage, SeminarPage
from tests.practices.factories import publish_practice
from tests.recommendations.factories import impl_of, publish_recommendation, tracker_page
from tests.seminars.factories import publish_seminar

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture
def feeds(db, users):
    """The path of every kind of feed, each with at least one entry in another language
    than the interface's."""
    finland = CountryPage.objects.get(country__code="FI")
    publish_practice(
        finland,
        title="Suomalainen käytäntö",
        slug="feed-fi",
        language="fi",
        summary="Käytäntö ihmiskauppaa vastaan.",
        summary_en="A practice against trafficking in human beings.",
    )
    publish_seminar(title="Seminarium om människohandel", slug="feed-sv", language="sv")
    recommendation = publish_recommendation("R-2097-01", countries=("FI", "SE"))
    apply_update(
        impl_of(recommendation, "FI"),
        users["fi-coordinator"],
        {"status": Status.PLANNED},
        note="In the action plan.",
    )
    return {
        "practices": PracticeIndexPage.objects.get().url + "feed/",
        "seminars": SeminarIndexPage.objects.get().url + "feed/",
        "country": tracker_page().url + "countries/fi/feed/",
        "recommendation": recommendation.url + "feed/",
    }


def _languages_by_link():
    """Each page's absolute address -> the language its text is written in."""
    pages = [*PracticePage.objects.live(), *SeminarPage.objects.live()]
    return {page_url(page): content_language(page) for page in pages}


@pytest.mark.parametrize("kind", ["practices", "seminars", "country", "recommendation"])
def test_every_feed_is_atom_with_an_author_and_each_entrys_language(feeds, client, kind):
    response = client.get(feeds[kind])
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")

    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.author_detail["name"] == "Nordic THB Coordinators Hub"
    assert parsed.feed.language == "en"
    assert parsed.entries

    root = ET.fromstring(response.content)  # noqa: S314 - the hub's own response, in a test
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == len(parsed.entries)
    assert all(entry.get(XML_LANG) for entry in entries)

    languages = _languages_by_link()
    for entry in parsed.entries:
        language = entry.title_detail["language"]
        if kind in ("practices", "seminars"):
            assert language == languages[entry.link], entry.link
        else:  # the tracker's titles are written in the interface's language
            assert language == "en"
    written = {entry.title: entry.title_detail["language"] for entry in parsed.entries}
    if kind == "practices":
        assert written["Suomalainen käytäntö"] == "fi"
    if kind == "seminars":
        assert written["Seminarium om människohandel"] == "sv"


def test_a_feed_in_another_interface_language_says_so(feeds, client):
    client.cookies["django_language"] = "fi"
    parsed = feedparser.parse(client.get(feeds["country"]).content)
    assert not parsed.bozo
    assert parsed.feed.language == "fi"
    assert {entry.title_detail["language"] for entry in parsed.entries} == {"fi"}
