"""The hub's six languages are listed once (``core.languages``): every other list of them
is derived from that one, so adding or removing a language is one edit."""

import pytest
from django.conf import settings

from core import languages
from core.choices import Language
from core.templatetags.hub_tags import language_name
from demo import bench_data
from practices import taxonomy
from practices.models import FormOfExploitation, PracticePage
from search import thesaurus
from search.backends import analysis
from search.models import TERM_LANGUAGES, ThesaurusConcept
from search.thesaurus_data import CONCEPTS
from search.wagtail_hooks import ThesaurusConceptViewSet
from seminars.models import SeminarPage

CODES = ["en", "fi", "sv", "nb", "da", "is"]


def test_the_one_list():
    assert list(languages.CODES) == CODES
    assert languages.DEFAULT == "en"
    assert list(languages.OWN_NAMES) == list(languages.NAMES) == CODES


def test_the_interface_speaks_the_listed_languages_each_in_its_own_name():
    assert [code for code, _name in settings.LANGUAGES] == CODES
    assert dict(settings.LANGUAGES)["fi"] == "Suomi"
    assert settings.LANGUAGE_CODE == languages.DEFAULT
    assert settings.WAGTAILADMIN_PERMITTED_LANGUAGES == settings.LANGUAGES


def test_content_languages_are_the_listed_ones():
    assert Language is languages.Language
    assert Language.values == CODES
    assert Language.FI == "fi" and str(Language.IS.label) == "Icelandic"
    for model, name in ((PracticePage, "language"), (SeminarPage, "language")):
        assert [code for code, _label in model._meta.get_field(name).choices] == CODES
    assert [str(language_name(code)) for code in CODES] == [
        str(languages.NAMES[code]) for code in CODES
    ]


def test_the_thesaurus_and_the_taxonomies_hold_a_term_in_each_language():
    assert list(thesaurus.LANGUAGES) == CODES
    assert list(TERM_LANGUAGES) == CODES
    for code in CODES:
        ThesaurusConcept._meta.get_field(f"terms_{code}")
        FormOfExploitation._meta.get_field(f"name_{code}")
    names = [f.field_name for f in FormOfExploitation.name_search_fields()]
    assert names == [f"name_{code}" for code in CODES]
    assert list(taxonomy.LANGS) == CODES
    assert all(set(CODES) <= set(concept) for concept in CONCEPTS)
    assert ThesaurusConceptViewSet.search_fields == ["slug", *(f"terms_{c}" for c in CODES)]
    assert list(bench_data.LANGUAGES) == CODES


def test_the_search_engine_analyses_every_listed_language_without_a_list_of_its_own():
    assert not hasattr(analysis, "LANGUAGES")
    assert set(CODES) <= set(analysis.SNOWBALL)
    for code in CODES:
        assert analysis.normalise_language(code) == code


@pytest.mark.parametrize("code", CODES)
def test_each_language_has_a_name_for_the_switcher(code):
    assert languages.OWN_NAMES[code].strip()


def test_the_library_and_the_search_page_filter_by_the_listed_languages():
    from practices.library import FACETS as LIBRARY
    from search.facets import FACETS as SEARCH

    for facets in (LIBRARY, SEARCH):
        assert [option.value for option in facets["language"].options()] == CODES
        assert [o.label for o in facets["language"].options()] == [
            str(languages.NAMES[code]) for code in CODES
        ]
