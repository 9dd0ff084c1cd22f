"""The thesaurus the hub starts with: complete, loaded by the migration, unambiguous."""

import pytest

from core.languages import CODES as LANGUAGES
from search import thesaurus
from search.models import ThesaurusConcept
from search.thesaurus_data import CONCEPTS


def test_at_least_45_concepts_each_named_in_the_six_languages():
    assert len(CONCEPTS) >= 45
    assert len({c["slug"] for c in CONCEPTS}) == len(CONCEPTS)
    for concept in CONCEPTS:
        for language in LANGUAGES:
            terms = concept[language]
            assert terms and all(term.strip() for term in terms), (concept["slug"], language)


def test_core_terms_are_in_place():
    by_slug = {c["slug"]: c for c in CONCEPTS}
    trafficking = by_slug["trafficking-in-human-beings"]
    assert trafficking["fi"][0] == "ihmiskauppa"
    assert trafficking["sv"][0] == "människohandel"
    assert trafficking["nb"][0] == trafficking["da"][0] == "menneskehandel"
    assert trafficking["is"][0] == "mansal"
    victim = by_slug["victim"]
    assert (victim["fi"][0], victim["sv"][0], victim["nb"][0], victim["da"][0]) == (
        "uhri",
        "offer",
        "offer",
        "offer",
    )
    assert {"þolandi", "fórnarlamb"} <= set(victim["is"])


@pytest.mark.django_db
def test_the_migration_loaded_every_concept():
    rows = {c.slug: c for c in ThesaurusConcept.objects.all()}
    assert set(rows) == {c["slug"] for c in CONCEPTS}
    row, data = rows["forced-labour"], next(c for c in CONCEPTS if c["slug"] == "forced-labour")
    for language in LANGUAGES:
        assert row.terms(language) == list(data[language])
    assert str(row) == "forced labour"


@pytest.mark.django_db
def test_every_term_searched_alone_finds_its_own_concept():
    # A term shared by two concepts (or swallowed by another's stem) would expand a query
    # into the wrong concept.
    wrong = []
    for concept in CONCEPTS:
        for language in LANGUAGES:
            for term in concept[language]:
                groups = thesaurus.expand(term)
                if [g.concept for g in groups] != [concept["slug"]]:
                    wrong.append((concept["slug"], language, term, groups))
    assert not wrong


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text",
    [
        "the of and in to for with on at from by about what how",
        "ja on ei se että kun myös tai sekä kanssa ilman jälkeen suomessa",
        "och att det som en på är av för med till inte om sverige",
        "og i det som en på er av for med til ikke om norge",
        "og at det som en på er af for med til ikke om hvad danmark",
        "og í að er á það sem til við um með af ekki fyrir ísland",
        "off on an offline",
    ],
)
def test_everyday_words_are_not_expanded(text):
    assert [g for g in thesaurus.expand(text) if g.concept] == []
