"""Language of parts (WCAG 3.1.2): content in another language than the interface says so.

The interface follows the visitor's language (``<html lang>``); the editorial content of a
page is written in its own language: a practice's ``language``, else its locale's (English
for the demo). With the interface in Finnish, English titles, intros and bodies must carry
``lang="en"`` so that a screen reader pronounces them as English, and the interface parts
inside content must carry the interface's language again.
"""

import json
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Page

from core.templatetags.hub_tags import content_language
from practices.models import PracticePage
from recommendations.models import RecommendationPage

pytestmark = pytest.mark.django_db

FINNISH_PRACTICE = "/countries/finland/auttamisjarjestelmaan-ohjaaminen/"


@pytest.fixture(autouse=True)
def site_content(db):
    """English content in an interface that may be another language: the about page (in
    the menu), a practice written in Finnish, a seminar with a programme and the
    recommendations it issued, the site's settings, and a search index that holds them."""
    from wagtail.models import Site

    from countries.models import Country, CountryPage
    from home.models import HubSettings
    from seminars.models import Person
    from tests.home.factories import network_page, text_document
    from tests.practices.factories import publish_practice
    from tests.recommendations.factories import publish_recommendation
    from tests.seminars.factories import past_helsinki_seminar, programme, publish_seminar

    HubSettings.for_site(Site.objects.get(is_default_site=True))
    network_page(
        title="About the network",
        slug="about",
        intro="Who we are, how the network came about and how it works.",
        show_in_menus=True,
        body=json.dumps(
            [
                {
                    "type": "paragraph",
                    "value": "<p>Its secretariat rotates with the presidency of the Nordic "
                    "Council of Ministers.</p>",
                },
                {"type": "heading", "value": {"text": "How the network works", "size": "h2"}},
            ]
        ),
    )
    publish_practice(
        CountryPage.objects.get(country__code="FI"),
        title="Auttamisjärjestelmään ohjaaminen",
        slug="auttamisjarjestelmaan-ohjaaminen",
        language="fi",
        summary="Kansallinen ohjausmalli ihmiskaupan uhrien ohjaamiseksi auttamisjärjestelmään.",
        summary_en="A national referral model for victims of trafficking.",
        body=json.dumps(
            [{"type": "paragraph", "value": "<p>Ohjausmalli kertoo, kuka ohjaa ja minne.</p>"}]
        ),
        resources=json.dumps(
            [
                {
                    "type": "link",
                    "value": {"url": "https://example.org/ohjausmalli", "title": "Ohjausmalli"},
                }
            ]
        ),
    )
    report = text_document("Seminar report", "Root", "report.txt", "The seminar report.")
    speakers = [
        Person.objects.create(name="Aino Virtanen", country=Country.objects.get(code="FI")),
        Person.objects.create(name="Lars Berg", country=Country.objects.get(code="SE")),
    ]
    seminar = past_helsinki_seminar(
        programme(2, 2, speakers, report),
        intro="The network's seminar on referral of victims across borders.",
    )
    publish_seminar(title="Oslo cross-border cooperation", slug="oslo-cross-border-cooperation")
    for number in (1, 2):
        publish_recommendation(
            f"R-2021-0{number}",
            countries=("FI", "SE", "NO"),
            source_seminar=seminar,
            source_report="",
        )
    call_command("update_index", backend_name="default", stdout=StringIO(), verbosity=0)


def lang_of(element):
    """The language an element is in: its own lang, or its nearest ancestor's."""
    for node in (element, *element.parents):
        lang = node.get("lang") if hasattr(node, "get") else None
        if lang is not None:
            return lang
    return None


def expected_language(page):
    page = page.specific
    return getattr(page, "language", "") or page.locale.language_code


@pytest.fixture
def ui(client):
    """A client whose interface is in the given language (the language cookie)."""

    def switch(language):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        return client

    return switch


def render(client, url, ui_language, **params):
    response = client.get(url, params)
    assert response.status_code == 200, url
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert soup.html["lang"] == ui_language
    # An empty lang means "unknown language": never emitted.
    assert all(tag["lang"] for tag in soup.find_all(lang=True))
    return soup


def main(soup):
    return soup.find("main")


# -- the filter -------------------------------------------------------------------------
def test_content_language_of_pages(page_at):
    about = page_at("/about/")
    assert content_language(about) == "en"
    practice = page_at(FINNISH_PRACTICE)
    assert content_language(practice) == "fi"
    # A page fetched as a plain Page still answers with its specific model's language.
    assert content_language(Page.objects.get(pk=practice.pk)) == "fi"
    assert content_language(None) == settings.LANGUAGE_CODE
    assert content_language("") == settings.LANGUAGE_CODE


def test_content_language_follows_the_locale(page_at):
    from wagtail.models import Locale

    about = page_at("/about/")
    assert content_language(about) == "en"  # fills the table of locales
    swedish, _created = Locale.objects.get_or_create(language_code="sv")
    Page.objects.filter(pk=about.pk).update(locale=swedish)
    assert content_language(Page.objects.get(pk=about.pk)) == "sv"


def test_content_language_of_plain_pages_costs_no_query_once_warm(
    page_at, django_assert_num_queries
):
    sections = list(Page.objects.filter(depth=3))
    for page in sections:  # fills the table of locales and the content types' cache
        content_language(page)
    sections = list(Page.objects.filter(depth=3))
    with django_assert_num_queries(0):
        assert {content_language(page) for page in sections} == {"en"}


# -- pages ------------------------------------------------------------------------------
def test_standard_page_content_is_marked_english_in_a_finnish_interface(ui):
    soup = render(ui("fi"), "/about/", "fi")
    article = main(soup).find("article")
    assert article["lang"] == "en"
    assert lang_of(article.find("h1")) == "en"
    assert lang_of(article.find(class_="lead")) == "en"
    assert lang_of(article.find(class_="stream")) == "en"
    # The chrome stays in the interface's language; page titles in it are content.
    assert lang_of(soup.find(class_="skip-link")) == "fi"
    nav = soup.find("nav", class_="site-nav")
    assert lang_of(nav.find("a", href="/")) == "fi"
    assert lang_of(nav.find("a", href="/about/")) == "en"
    crumbs = soup.find("nav", class_="breadcrumbs")
    assert lang_of(crumbs.find("a", href="/")) == "fi"
    assert lang_of(crumbs.find("a", attrs={"aria-current": "page"})) == "en"


def test_seminar_page_content_is_english_and_its_labels_finnish(ui):
    soup = render(ui("fi"), "/seminars/helsinki-2021/", "fi")
    content = main(soup)
    assert lang_of(content.find("h1")) == "en"
    assert lang_of(content.find(class_="lead")) == "en"
    # The programme: parts and sessions are content, their labels interface.
    part = content.find(class_="programme-part")
    assert lang_of(part.find(class_="programme-part__title")) == "en"
    assert lang_of(part.find(class_="badge-list")) == "fi"
    assert lang_of(content.find(class_="session__title")) == "en"
    assert lang_of(content.find(class_="session__kind")) == "fi"
    assert lang_of(content.find(id="programme-title")) == "fi"
    assert lang_of(content.find(id="facts-title")) == "fi"
    for dt in content.find(class_="practice__facts").find_all("dt"):
        assert lang_of(dt) == "fi"
    recommendations = content.find(id="recommendations-title").find_parent("section")
    links = recommendations.find("ul").find_all("a")
    assert links
    assert {lang_of(link) for link in links} == {"en"}
    # The sentence leading to the tracker is interface.
    tracker = recommendations.find("p").find("a")
    assert tracker is not None
    assert lang_of(tracker) == "fi"


def test_seminar_cards_are_marked(ui):
    soup = render(ui("fi"), "/seminars/", "fi")
    cards = main(soup).find_all(class_="seminar-card")
    assert cards
    for card in cards:
        assert lang_of(card.find(class_="card__title").find("a")) == "en"
        assert lang_of(card.find(class_="card__summary")) == "en"
        assert lang_of(card.find(class_="card__meta")) == "fi"


def test_tracker_marks_recommendation_titles(ui):
    soup = render(ui("fi"), "/recommendations/", "fi")
    content = main(soup)
    assert lang_of(content.find("h1")) == "en"
    table = content.find("table", class_="matrix")
    assert lang_of(table.find("caption")) == "fi"
    titles = table.find_all("th", class_="matrix__recommendation")
    assert titles
    for title in titles:
        assert lang_of(title.find("a")) == "en"
    assert lang_of(table.find("th", class_="matrix__corner")) == "fi"


def test_recommendation_page_text_is_english_and_its_facts_finnish(ui):
    recommendation = RecommendationPage.objects.live().public().filter(audience="public").first()
    soup = render(ui("fi"), recommendation.url, "fi")
    content = main(soup)
    assert lang_of(content.find("h1")) == "en"
    assert lang_of(content.find(class_="recommendation__text")) == "en"
    assert lang_of(content.find(class_="practice__kicker").find("a")) == "en"
    for dt in content.find("dl", class_="facts").find_all("dt"):
        assert lang_of(dt) == "fi"
    assert lang_of(content.find(id="countries-title")) == "fi"


@pytest.mark.parametrize("query", ["presidency", "ohjausmalli"])
def test_search_results_carry_their_pages_language(ui, query):
    client = ui("fi")
    soup = render(client, "/search/", "fi", q=query)
    results = main(soup).select("ol.search-results > li.search-result")
    assert results, query
    for result in results:
        link = result.find("a", class_="search-result__title")
        page = Page.objects.get(url_path=f"/home{link['href']}")
        language = expected_language(page)
        assert link["lang"] == language
        if language != "fi":
            assert link["hreflang"] == language
        snippet = result.find(class_="search-result__snippet")
        if snippet is not None:
            assert snippet["lang"] == language
        # The kind of result is an interface label.
        assert lang_of(result.find(class_="search-result__kind")) == "fi"
    assert lang_of(main(soup).find("h1")) == "fi"


def test_search_marks_english_pages_without_a_language_field(ui):
    soup = render(ui("fi"), "/search/", "fi", q="presidency")
    languages = {link["href"]: link["lang"] for link in main(soup).select("a.search-result__title")}
    assert languages.get("/about/") == "en"


def test_finnish_practice_in_a_swedish_interface(ui):
    practice = PracticePage.objects.get(url_path__endswith=FINNISH_PRACTICE)
    assert practice.language == "fi"
    soup = render(ui("sv"), FINNISH_PRACTICE, "sv")
    article = main(soup).find("article", class_="practice")
    assert article["lang"] == "fi"
    assert lang_of(article.find("h1")) == "fi"
    assert lang_of(article.find(class_="lead")) == "fi"
    assert lang_of(article.find(class_="stream")) == "fi"
    assert lang_of(article.find(class_="practice__kicker")) == "sv"
    assert lang_of(article.find(id="facts-title")) == "sv"
    for dt in article.find(class_="practice__facts").find_all("dt"):
        assert lang_of(dt) == "sv"
    if practice.resources:
        # The heading is interface; the documents and links are the practice's.
        assert lang_of(article.find(id="resources-title")) == "sv"
        assert lang_of(article.find(id="resources-title").find_next_sibling()) == "fi"
    crumbs = soup.find("nav", class_="breadcrumbs")
    assert lang_of(crumbs.find("a", attrs={"aria-current": "page"})) == "fi"
    assert lang_of(crumbs.find("a", href="/countries/")) == "en"


def test_organisation_names_carry_their_own_language(ui):
    from practices.models import Organisation

    practice = PracticePage.objects.get(url_path__endswith=FINNISH_PRACTICE)
    practice.organisations.set(
        [
            Organisation.objects.create(name="Rikosuhripäivystys", type="ngo", language="fi"),
            Organisation.objects.create(name="Victim Support Finland", type="ngo"),
        ]
    )
    practice.save_revision().publish()
    soup = render(ui("sv"), FINNISH_PRACTICE, "sv")
    assert lang_of(soup.find(string="Rikosuhripäivystys").parent) == "fi"
    assert lang_of(soup.find(string="Victim Support Finland").parent) == "en"


def test_a_session_room_is_content(ui):
    soup = render(ui("fi"), "/seminars/helsinki-2021/", "fi")
    kind = main(soup).find(class_="session__kind")
    assert lang_of(kind) == "fi"
    assert lang_of(kind.find(string="Hall").parent) == "en"


def test_a_snippet_from_the_english_summary_is_english(ui):
    soup = render(ui("sv"), "/search/", "sv", q="model")
    for result in main(soup).select("li.search-result"):
        link = result.find("a", class_="search-result__title")
        if link["href"] == FINNISH_PRACTICE:
            assert link["lang"] == "fi"
            snippet = result.find(class_="search-result__snippet")
            assert "model" in snippet.get_text()
            assert snippet["lang"] == "en"
            break
    else:
        pytest.fail("the Finnish practice is not found by its English summary")
