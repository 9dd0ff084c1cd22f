"""Relevance rules of the search page: compounds and inflections, the query's language,
practices before pages, ``boost_extra`` and the ranked fallback to any word.

The measured set of expert queries on the demo data is ``tests/demo/test_search_relevance.py``.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from modelsearch.backends import get_search_backend
from modelsearch.backends.base import FilterFieldError
from modelsearch.query import Or, PlainText
from wagtail.models import Page

from search import service
from search.backends import analysis
from search.query import parse
from tests.home.factories import network_page
from tests.practices.factories import publish_practice

#: The English summary every practice in another language has.
EN = "An English summary for the other Nordic countries."


def run(q, language="en", backend="default"):
    request = RequestFactory().get("/search/", {"q": q})
    request.user = AnonymousUser()
    request.LANGUAGE_CODE = language
    return service.search(request, request.GET, backend_name=backend)


def slugs(outcome):
    return [hit.page.slug for hit in outcome.hits]


# -- analysis ----------------------------------------------------------------------------


def test_finnish_inflections_the_stemmer_leaves_apart_share_a_form():
    assert "kerjäämi" in analysis.extra_forms("kerjääminen", "fi")
    assert "kerjäämi" in analysis.extra_forms("kerjäämiseen", "fi")
    assert "uhr" in analysis.extra_forms("uhreja", "fi")
    assert analysis.stem("uhrien", "fi") == analysis.stem("uhreiksi", "fi")


def test_icelandic_case_endings_share_a_form():
    assert analysis.extra_forms("byggingariðnaður", "is") == analysis.extra_forms(
        "byggingariðnaði", "is"
    )
    assert "mansal" in analysis.query_forms("mansals")


def test_compounds_are_indexed_with_their_last_parts_after_the_words():
    tokens = analysis.document_tokens("Luonnonmarjanpoimijoiden oikeudet", "fi")
    # The words first, in order: phrases keep their positions.
    assert tokens[:2] == analysis.index_tokens("Luonnonmarjanpoimijoiden oikeudet", "fi")
    assert "marjanpoimij" in tokens[2:] and "poimij" in tokens[2:]
    assert analysis.stem("marjanpoimijat", "fi") == "marjanpoimij"
    assert "kerjäämis" in analysis.document_tokens("pakkokerjäämisen", "fi")


def test_short_words_and_english_are_not_cut():
    assert analysis.compound_cuts("ihmiskauppa", "en") == ()
    assert analysis.compound_cuts("uhri", "fi") == ()
    assert analysis.document_tokens("berry pickers", "en") == ["berri", "picker"]


def test_a_query_compound_is_also_read_as_two_words():
    assert ("marjan", "poimijat") in analysis.query_splits("marjanpoimijat")


def test_the_analysis_is_deterministic():
    first = analysis.document_tokens("Pakkoavioliittojen ennaltaehkäisy kouluissa", "fi")
    analysis._word_index_extras.cache_clear()
    analysis.compound_cuts.cache_clear()
    assert analysis.document_tokens("Pakkoavioliittojen ennaltaehkäisy kouluissa", "fi") == first


@pytest.mark.parametrize(
    ("word", "languages"),
    [
        ("och", {"sv"}),
        ("the", {"en"}),
        ("þolendur", {"is"}),
        ("søkeord", {"nb", "da"}),
        ("zebra", set()),
    ],
)
def test_spelling_tells_a_words_language(word, languages):
    assert set(analysis.word_languages(word)) == languages


# -- the query's language ---------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mansals", {"is"}),
        ("ihmiskauppa", {"fi"}),
        ("människohandelns offer", {"sv", "nb", "da"}),
        ("menneskehandelen", {"nb", "da"}),
        ("berry pickers", set()),
    ],
)
def test_the_query_language_comes_from_the_thesaurus_and_spelling(text, expected):
    languages = parse(text).languages
    assert set(languages) == expected
    if languages:
        assert sum(languages.values()) == pytest.approx(1.0)


@pytest.mark.django_db
def test_swedish_is_the_strongest_language_of_a_swedish_query():
    languages = parse("människohandelns offer").languages
    assert max(languages, key=languages.get) == "sv"


@pytest.mark.django_db
def test_the_fallback_query_needs_any_part_and_keeps_exclusions():
    parsed = parse("alpha beta -gamma")
    assert parsed.part_texts == ["alpha", "beta"]
    assert "Not" in repr(parsed.any_query()) and "Or" in repr(parsed.any_query())
    assert isinstance(parse("alpha beta").any_query(), Or)
    assert parse("alpha").any_query() is None


# -- boost_extra (the engine's contract) ---------------------------------------------------


@pytest.mark.django_db
def test_boost_extra_reorders_without_changing_what_matches(space, other_space, unique):
    marker = unique("boost")
    # Clearly the more relevant (its title too), whatever else the index holds.
    english = publish_practice(
        space, language="en", title=f"{marker} guide", summary=f"{marker} {marker} {marker}"
    )
    finnish = publish_practice(
        other_space, language="fi", summary_en=EN, summary=f"{marker} neuvonta"
    )
    backend = get_search_backend()
    results = backend.search(PlainText(marker), Page.objects.live())
    assert [p.pk for p in results] == [english.pk, finnish.pk]

    boosted = results.boost_extra({"language": {"fi": 50.0}})
    assert [p.pk for p in boosted] == [finnish.pk, english.pk]
    assert boosted.count() == results.count() == 2
    # A factor of 0 ranks last but keeps the result.
    last = results.boost_extra({"language": {"en": 0.0}, "kind": {"practice": 3.0}})
    assert [p.pk for p in last] == [finnish.pk, english.pk]
    # The results boosted are a clone.
    assert [p.pk for p in results] == [english.pk, finnish.pk]


@pytest.mark.django_db
def test_boost_extra_refuses_unknown_names_and_negative_factors():
    results = get_search_backend().search(PlainText("anything"), Page.objects.live())
    with pytest.raises(FilterFieldError):
        results.boost_extra({"nonsense": {"x": 2.0}})
    with pytest.raises(ValueError):
        results.boost_extra({"language": {"fi": -1.0}})


# -- the search page ----------------------------------------------------------------------


@pytest.mark.django_db
def test_compounds_and_inflections_are_found_by_their_parts(other_space, unique):
    marker = unique("mar")
    berries = publish_practice(
        other_space,
        language="fi",
        summary_en=EN,
        title="Tiedotuskampanja",
        summary=f"Luonnonmarjanpoimijoiden oikeudet {marker}.",
    )
    begging = publish_practice(
        other_space,
        language="fi",
        summary_en=EN,
        summary=f"Pakkokerjäämisen tunnistaminen {marker}.",
    )
    victims = publish_practice(
        other_space, language="fi", summary_en=EN, summary=f"Ohjaus uhreiksi joutuneille {marker}."
    )
    assert berries.slug in slugs(run(f"marjanpoimijat {marker}"))
    assert begging.slug in slugs(run(f"kerjääminen {marker}"))
    assert victims.slug in slugs(run(f"uhrien {marker}"))


@pytest.mark.django_db
def test_the_query_language_ranks_first(space, other_space, unique, search_backend):
    marker = unique("lng")
    english = publish_practice(
        space, language="en", title="Support", summary=f"Human trafficking {marker}: support."
    )
    finnish = publish_practice(
        other_space,
        language="fi",
        summary_en=EN,
        title="Neuvonta",
        summary=f"Ihmiskauppa {marker}: neuvonta.",
    )
    found = slugs(run(f"ihmiskauppa {marker}"))
    assert found.index(finnish.slug) < found.index(english.slug)
    # The same words in English rank the English practice first.
    found = slugs(run(f"human trafficking {marker}"))
    assert found.index(english.slug) < found.index(finnish.slug)


@pytest.mark.django_db
def test_the_interface_language_is_preferred_when_the_query_does_not_tell(
    space, other_space, unique, search_backend
):
    marker = unique("ifc")
    # As relevant as each other: the reader's language decides.
    english = publish_practice(space, language="en", title="Help", summary=f"{marker} help")
    swedish = publish_practice(
        other_space, language="sv", summary_en=EN, title="Stöd", summary=f"{marker} stöd"
    )
    assert slugs(run(marker, language="en"))[0] == english.slug
    assert slugs(run(marker, language="sv"))[0] == swedish.slug


@pytest.mark.django_db
def test_network_pages_never_rank_above_practices(space, unique, search_backend):
    marker = unique("net")
    page = network_page(
        title=f"About {marker}", intro=f"{marker} {marker} {marker} {marker} {marker}"
    )
    practice = publish_practice(space, body=[], summary=f"Once: {marker}.")
    found = slugs(run(marker))
    assert found.index(practice.slug) < found.index(page.slug)
    # A query that is the page's title is looking for it: it is not pushed down.
    assert slugs(run(f"About {marker}"))[0] == page.slug


@pytest.mark.django_db
def test_only_a_page_the_visitor_may_view_makes_a_query_navigational(
    space, unique, django_user_model
):
    from wagtail.models import PageViewRestriction

    marker = unique("navi")
    page = network_page(title=f"Closed {marker}")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    request = RequestFactory().get("/search/")
    request.user = AnonymousUser()
    assert not service._names_a_page(request, parse(f"closed {marker}"))
    request = RequestFactory().get("/search/")
    request.user = django_user_model.objects.create_user("navigator", password="x")
    assert service._names_a_page(request, parse(f"closed {marker}"))
    # A practice is not a page to navigate to, whatever its title.
    publish_practice(space, title=f"Practice {marker}")
    assert not service._names_a_page(request, parse(f"practice {marker}"))


@pytest.mark.django_db
def test_when_all_words_find_nothing_any_word_finds_ranked_results(
    client, space, unique, search_backend
):
    alpha, beta, gamma = unique("alpha"), unique("beta"), unique("gamma")
    both = publish_practice(space, summary=f"{alpha} {beta}.")
    one = publish_practice(space, summary=f"{alpha} only.")

    outcome = run(f"{alpha} {beta} {gamma}")
    assert outcome.any_words
    assert outcome.unmatched == [gamma]
    assert slugs(outcome)[:2] == [both.slug, one.slug]

    html = client.get("/search/", {"q": f"{alpha} {gamma}"}).content.decode()
    assert "No result has all of your words" in html
    assert f"Nothing was found for: <q>{gamma}</q>" in html


@pytest.mark.django_db
def test_no_fallback_when_all_words_match_together_or_none_matches(space, unique, search_backend):
    alpha, beta = unique("alpha"), unique("beta")
    publish_practice(space, summary=f"{alpha} {beta}.")
    together = run(f"{alpha} {beta}")
    assert together.total == 1 and not together.any_words and not together.unmatched
    nothing = run(f"{unique('nix')} {unique('nada')}")
    assert nothing.total == 0 and not nothing.any_words
