"""Parsing what visitors type: safe, bounded, and expanded through the thesaurus."""

import pytest
from modelsearch.query import And, Not, Or, Phrase, PlainText

from search.query import MAX_QUERY_CHARS, clean, parse

pytestmark = pytest.mark.django_db


def test_clean_drops_control_characters_and_caps_length():
    assert clean("a\x00b\tc\u200bd") == "a b c d"
    assert len(clean("x" * 10_000)) == MAX_QUERY_CHARS
    assert clean(None) == ""


@pytest.mark.parametrize("text", ["", "   ", "-", "AND OR NOT", "***", '""', "?!", "-only"])
def test_nothing_searchable(text):
    assert parse(text).query is None


def test_phrases_and_exclusions():
    parsed = parse('"forced labour" -agriculture', expand=False)
    assert isinstance(parsed.query, And)
    phrase, excluded = parsed.query.subqueries
    assert isinstance(phrase, Phrase) and phrase.query_string == "forced labour"
    assert isinstance(excluded, Not) and excluded.subquery.query_string == "agriculture"


def test_unbalanced_quote_keeps_the_words():
    parsed = parse('shelter "for victims', expand=False)
    assert parsed.words == ["shelter", "for", "victims"]


def test_wildcards_are_dropped():
    parsed = parse("traff* *", expand=False)
    assert isinstance(parsed.query, PlainText) and parsed.query.query_string == "traff"


def test_thesaurus_expands_each_word_across_languages():
    parsed = parse("ihmiskauppa")
    assert isinstance(parsed.query, Or)
    alternatives = {q.query_string for q in parsed.query.subqueries}
    assert {"människohandel", "menneskehandel", "mansal"} <= alternatives
    assert "mansal" in parsed.highlight


def test_query_size_is_bounded():
    parsed = parse(" ".join(f"w{n}" for n in range(400)))
    assert isinstance(parsed.query, And) and len(parsed.query.subqueries) <= 12


def test_a_concept_typed_unquoted_matches_its_words_and_a_quoted_one_its_phrase():
    # Unquoted, the concept and each alternative match all their words (positional
    # matching of every candidate was the slowest search); the term typed ranks first.
    parsed = parse("sexual exploitation")
    assert isinstance(parsed.query, Or)
    typed = parsed.query.subqueries[0]
    assert isinstance(typed, PlainText)
    assert (typed.query_string, typed.operator) == ("sexual exploitation", "and")
    assert typed.boost > 1
    assert not any(isinstance(q, Phrase) for q in parsed.query.subqueries)
    # Quoted, it stays a phrase.
    parsed = parse('"sexual exploitation"')
    assert isinstance(parsed.query, Phrase)
