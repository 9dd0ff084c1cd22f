"""The search page (/search/) against Whoosh and Wagtail's database backend.

Every test publishes practices with made-up words of its own, so rolled-back content from
other tests (which stays in the Whoosh index until the next rebuild) cannot blur counts.
"""

import json

import pytest
from django.test import RequestFactory

from search import service
from tests.practices.factories import publish_practice

pytestmark = pytest.mark.django_db


def run(params, user=None, backend="default"):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/search/", params)
    request.user = user or AnonymousUser()
    return service.search(request, request.GET, backend_name=backend)


@pytest.fixture
def suffix(unique):
    return unique("")


def facet(outcome, name):
    for group in outcome.facets:
        if group.name == name:
            return {option.value: option.count for option in group.options}
    return {}


def test_empty_box_shows_help_and_is_never_cached(client, search_backend):
    response = client.get("/search/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "What you can find" in html
    assert '<label for="search-q">' in html
    assert 'name="robots" content="noindex, nofollow"' in html
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_finds_a_practice_and_marks_the_word_in_its_snippet(client, space, search_backend, suffix):
    page = publish_practice(
        space, title="Peer support hubs", summary=f"Peer groups meet in zebraquokka{suffix} houses."
    )
    response = client.get("/search/", {"q": f"zebraquokka{suffix}"})
    html = response.content.decode()
    assert response.status_code == 200
    assert page.title in html
    assert f"<mark>zebraquokka{suffix}</mark>" in html
    assert "Showing 1–1 of 1 result" in html


def test_snippet_escapes_page_text(client, space, search_backend, suffix):
    publish_practice(space, summary=f"Plomquist{suffix}: 3 < 5 & <script>alert(1)</script> ends.")
    html = client.get("/search/", {"q": f"plomquist{suffix}"}).content.decode()
    assert f"<mark>Plomquist{suffix}</mark>: 3 &lt; 5 &amp; alert(1) ends." in html
    assert "<script>alert(1)" not in html


def test_thesaurus_finds_swedish_practice_from_finnish_query(space, search_backend, suffix):
    page = publish_practice(
        space,
        language="sv",
        summary=f"Stöd till personer utsatta för människohandel i xylofonkatt{suffix}-projektet.",
        summary_en="Support to people subjected to trafficking in a pilot.",
    )
    outcome = run({"q": f"ihmiskauppa xylofonkatt{suffix}"})
    assert [hit.page.pk for hit in outcome.hits] == [page.pk]
    assert any("människohandel" in alts for _text, alts in outcome.parsed.expansions)


def test_quoted_phrase_keeps_word_order(space, search_backend, suffix):
    wanted = publish_practice(
        space, summary=f"Checks for forced labour in farms, zyqlop{suffix} area."
    )
    publish_practice(space, summary=f"Labour inspectors were forced to stop, zyqlop{suffix} area.")
    outcome = run({"q": f'"forced labour" zyqlop{suffix}'})
    assert [hit.page.pk for hit in outcome.hits] == [wanted.pk]


def test_minus_leaves_a_word_out(space, search_backend, suffix):
    kept = publish_practice(space, summary=f"Vrondel{suffix} outreach in harbours.")
    publish_practice(space, summary=f"Vrondel{suffix} outreach in hotels.")
    outcome = run({"q": f"vrondel{suffix} -hotels"})
    assert [hit.page.pk for hit in outcome.hits] == [kept.pk]


def test_facet_counts_are_disjunctive_and_filters_live_in_the_url(
    client, space, other_space, search_backend, suffix
):
    for forms in (["forced-labour"], ["forced-labour", "sexual-exploitation"]):
        publish_practice(
            space, summary=f"Quinzelbark{suffix} practice.", language="en", forms=forms
        )
    publish_practice(
        other_space,
        summary=f"Quinzelbark{suffix} käytäntö.",
        summary_en=f"A quinzelbark{suffix} practice.",
        language="fi",
        forms=["sexual-exploitation"],
    )
    outcome = run({"q": f"quinzelbark{suffix}"})
    assert outcome.total == 3
    assert facet(outcome, "country") == {"SE": 2, "FI": 1}
    assert facet(outcome, "form") == {"forced-labour": 2, "sexual-exploitation": 2}
    assert facet(outcome, "language") == {"en": 2, "fi": 1}
    assert facet(outcome, "kind") == {"practice": 3}
    assert facet(outcome, "year") == {"2020": 3}

    narrowed = run({"q": f"quinzelbark{suffix}", "country": "se"})
    assert narrowed.total == 2
    # The chosen facet still shows the other country; the others count within Sweden.
    assert facet(narrowed, "country") == {"SE": 2, "FI": 1}
    assert facet(narrowed, "form") == {"forced-labour": 2, "sexual-exploitation": 1}

    both = run(
        {"q": f"quinzelbark{suffix}", "country": ["SE", "FI"], "form": "sexual-exploitation"}
    )
    assert both.total == 2

    html = client.get("/search/", {"q": f"quinzelbark{suffix}", "country": "SE"}).content.decode()
    assert 'value="SE" id="f-country-1" checked' in html
    assert 'Sweden <span class="facet__count">(2)</span>' in html
    assert "Country: Sweden" in html  # the active-filter chip, with its remove link
    assert f"?q=quinzelbark{suffix}" in html


def test_pagination(space, search_backend, suffix):
    for n in range(12):
        publish_practice(space, summary=f"Pagewobble{suffix} item {n}.")
    first = run({"q": f"pagewobble{suffix}"})
    assert first.total == 12
    assert len(first.hits) == 10
    second = run({"q": f"pagewobble{suffix}", "page": "2"})
    assert len(second.hits) == 2
    assert {h.page.pk for h in first.hits}.isdisjoint(h.page.pk for h in second.hits)
    assert run({"q": f"pagewobble{suffix}", "page": "999"}).page.number == 2
    assert run({"q": f"pagewobble{suffix}", "page": "abc"}).page.number == 1


def test_no_results_offers_a_spelling_that_finds_something(client, space, search_backend, suffix):
    publish_practice(space, title=f"Quokkamarmot{suffix} shelters", summary="Safe rooms.")
    response = client.get("/search/", {"q": f"quokkamarnot{suffix}"})
    html = response.content.decode()
    assert f"Nothing found for “quokkamarnot{suffix}”" in html
    assert f'Did you mean <a href="?q=quokkamarmot{suffix}">quokkamarmot{suffix}</a>' in html


def test_no_suggestion_when_nothing_is_close(client, search_backend):
    html = client.get("/search/", {"q": "qqqqzzzzxxxx"}).content.decode()
    assert "Nothing found" in html
    assert "Did you mean" not in html
    assert "Check the spelling" in html


def test_autocomplete_lists_titles_the_visitor_may_see(client, space, search_backend, suffix):
    page = publish_practice(space, title=f"Vindelfjallen{suffix} outreach vans")
    hidden = publish_practice(
        space, title=f"Vindelfjallen{suffix} members briefing", audience="members"
    )
    data = json.loads(
        client.get("/search/autocomplete/", {"q": f"vindelfjallen{suffix}"[:-2]}).content
    )
    titles = [item["title"] for item in data["results"]]
    assert page.title in titles
    assert hidden.title not in titles
    assert data["results"][titles.index(page.title)]["url"].endswith(f"/{page.slug}/")


def test_autocomplete_needs_two_letters(client, search_backend):
    assert json.loads(client.get("/search/autocomplete/", {"q": "v"}).content) == {"results": []}


@pytest.mark.parametrize(
    "query",
    [
        "x" * 10_000,
        '"unbalanced quote',
        '"""',
        "-",
        "AND OR NOT",
        "*" * 500,
        "traff* *ing ?",
        "\x00\x01\x1f\x7f control",
        "%00 %ff ' ; -- DROP TABLE",
        "‮reversed‬ 🙂",
        " ".join(["word"] * 400),
        "-only -negative",
    ],
)
def test_bad_input_gives_a_normal_page(client, query, search_backend):
    response = client.get("/search/", {"q": query, "page": "-3", "country": "x" * 500})
    assert response.status_code == 200
    assert "Search the hub" in response.content.decode()


def test_unknown_facet_values_and_names_are_ignored(client, space, search_backend, suffix):
    publish_practice(space, summary=f"Glimmerpost{suffix} practice.")
    outcome = run({"q": f"glimmerpost{suffix}", "colour": "red", "form": "not-a-form"})
    assert outcome.total == 0  # an unknown value narrows to nothing; no error
    assert run({"q": f"glimmerpost{suffix}", "colour": "red"}).total == 1


# -- practices across languages ---------------------------------------------------------
def _icelandic_practice(suffix, **fields):
    from countries.models import CountryPage

    values = {
        "language": "is",
        "title": "Samhæfingarteymi og verklag við tilvísun þolenda mansals",
        "title_en": "Coordination team and referral procedure for victims of trafficking",
        "summary": f"Þverfaglegt teymi fer yfir tilvísanir í kvarnbolt{suffix}.",
        "summary_en": "A multidisciplinary team reviews referrals of possible victims.",
    }
    return publish_practice(CountryPage.objects.get(country__code="IS"), **{**values, **fields})


def _swedish(text):
    """The interface's text as a Swedish reader gets it (English until translated)."""
    from django.utils import translation

    with translation.override("sv"):
        return translation.gettext(text)


def _result(client, language, query):
    from bs4 import BeautifulSoup
    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    results = soup.find_all("li", class_="search-result")
    assert len(results) == 1
    return results[0]


def test_a_swedish_reader_sees_an_icelandic_hit_in_english_too(client, search_backend, suffix):
    page = _icelandic_practice(suffix)
    result = _result(client, "sv", f"kvarnbolt{suffix}")
    assert result.find("a", class_="search-result__title")["lang"] == "is"
    english = [element.get_text(strip=True) for element in result.find_all(lang="en")]
    assert english == [page.title_en, page.summary_en]
    assert result.find(class_="in-english__label").get_text(strip=True) == _swedish("In English:")
    # The English title is shown once, as a title: not again in the snippet.
    assert page.title_en not in result.find(class_="search-result__snippet").get_text()


def test_an_icelandic_reader_sees_only_the_original_hit(client, search_backend, suffix):
    page = _icelandic_practice(suffix)
    result = _result(client, "is", f"kvarnbolt{suffix}")
    assert result.find("a", class_="search-result__title").get_text() == page.title
    assert result.find(class_="in-english") is None
    assert page.title_en not in result.get_text()


def test_an_english_hit_is_shown_once(client, space, search_backend, suffix):
    page = publish_practice(space, title=f"Harbour outreach brolvane{suffix}")
    result = _result(client, "sv", f"brolvane{suffix}")
    assert result.find(class_="in-english") is None
    assert result.get_text().count(page.title) == 1


def test_the_english_title_is_searched_and_suggested(client, search_backend, suffix):
    page = _icelandic_practice(suffix, title_en=f"Coordination team in Pelmorrow{suffix}")
    assert [hit.page.pk for hit in run({"q": f"pelmorrow{suffix}"}).hits] == [page.pk]
    # Searched as English: another form of the word finds it too.
    assert [hit.page.pk for hit in run({"q": f"coordinating pelmorrow{suffix}"}).hits] == [page.pk]
    data = json.loads(client.get("/search/autocomplete/", {"q": f"pelmorrow{suffix}"[:-2]}).content)
    assert page.title in [item["title"] for item in data["results"]]
