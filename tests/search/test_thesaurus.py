"""expand(): groups, cross-language alternatives, inflections, caps and the cached table."""

import pytest
from django.core.cache import cache

from search import thesaurus
from search.models import ThesaurusConcept
from search.thesaurus import Group, expand

pytestmark = pytest.mark.django_db


def test_finnish_query_expands_to_the_other_languages():
    trafficking, victim = expand("ihmiskaupan uhreille")
    assert (trafficking.text, trafficking.concept) == ("ihmiskaupan", "trafficking-in-human-beings")
    assert {"trafficking in human beings", "människohandel", "menneskehandel", "mansal"} <= set(
        trafficking.alternatives
    )
    assert (victim.text, victim.concept) == ("uhreille", "victim")
    assert {"victim", "uhri", "offer", "þolandi", "fórnarlamb"} <= set(victim.alternatives)


def test_alternatives_start_with_each_languages_first_term_and_skip_the_query_itself():
    (group,) = expand("Människohandel")
    assert group.alternatives[:4] == (
        "trafficking in human beings",
        "ihmiskauppa",
        "menneskehandel",
        "mansal",
    )
    assert "människohandel" not in group.alternatives
    assert len(set(group.alternatives)) == len(group.alternatives)


@pytest.mark.parametrize(
    ("query", "concept"),
    [
        ("victims", "victim"),
        ("menneskehandelen", "trafficking-in-human-beings"),
        ("människohandeln", "trafficking-in-human-beings"),
        ("oleskeluluvan", "residence-permit"),
        ("tolken", "interpreter"),
        ("þolendur", "victim"),
    ],
)
def test_inflected_forms_find_their_concept(query, concept):
    assert [g.concept for g in expand(query)] == [concept]


def test_multi_word_terms_win_over_their_words():
    groups = expand("forced labour in Finland")
    assert [(g.text, g.concept) for g in groups] == [
        ("forced labour", "forced-labour"),
        ("in", None),
        ("finland", None),
    ]
    assert "pakkotyö" in groups[0].alternatives
    assert groups[1] == Group("in", (), None)
    (nrm,) = expand("National Referral Mechanisms")
    assert nrm.concept == "national-referral-mechanism"
    assert [g.concept for g in expand("människohandel med barn")] == ["child-trafficking"]


def test_unknown_words_pass_through_in_order():
    assert expand("Zyx qwerty 2024") == [
        Group("zyx", (), None),
        Group("qwerty", (), None),
        Group("2024", (), None),
    ]


@pytest.mark.parametrize("query", ["", "   ", "!!! ?? ---", "___", None, 42])
def test_empty_or_garbage_input_gives_nothing(query):
    assert expand(query) == []


def test_caps_hold_on_a_long_query():
    query = " ".join(["victim forced labour ihmiskauppa police"] * 125)  # 500 words
    groups = expand(query)
    assert len(" ".join(g.text for g in groups).split()) == thesaurus.MAX_WORDS
    assert sum(len(g.alternatives) for g in groups) == thesaurus.MAX_ALTERNATIVES
    expanded = [g for g in groups if g.alternatives]
    assert len(expanded) == thesaurus.MAX_EXPANDED_GROUPS
    # The budget is shared: every expanded group gets some, not the first one all.
    assert max(len(g.alternatives) for g in expanded) <= 3


def test_the_table_is_built_once(django_assert_num_queries):
    expand("victim")
    with django_assert_num_queries(0):
        expand("ihmiskauppa")
        expand("forced labour")


def test_an_edit_is_seen_at_once():
    assert expand("zyxwords")[0].concept is None
    concept = ThesaurusConcept.objects.get(slug="victim")
    concept.terms_en += "\nzyxword"
    concept.save()
    (group,) = expand("zyxwords")
    assert group.concept == "victim"
    assert "uhri" in group.alternatives
    concept.delete()
    assert expand("uhri")[0].concept is None


def test_other_processes_rebuild_when_the_shared_version_changes():
    expand("victim")
    # Another process edits the database and bumps the version; no signal reaches us.
    ThesaurusConcept.objects.filter(slug="victim").update(terms_en="victim\nzyxword")
    assert expand("zyxword")[0].concept is None  # still our cached table
    cache.incr(thesaurus.TABLE.generation_key)
    assert expand("zyxword")[0].concept == "victim"


def test_a_cleared_cache_still_gets_a_version():
    expand("victim")
    cache.clear()
    ThesaurusConcept.objects.filter(slug="victim").update(terms_en="victim\nzyxword")
    assert expand("zyxword")[0].concept == "victim"
