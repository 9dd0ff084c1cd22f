import pytest
from django.core.exceptions import ValidationError

from core.languages import CODES
from search.models import ThesaurusConcept


def concept(**terms):
    fields = {f"terms_{lang}": "term" for lang in CODES}
    fields.update({f"terms_{lang}": value for lang, value in terms.items()})
    return ThesaurusConcept(slug="test", **fields)


def errors_of(instance):
    with pytest.raises(ValidationError) as caught:
        instance.clean()
    return {field: [str(m) for m in msgs] for field, msgs in caught.value.message_dict.items()}


def test_every_language_needs_a_term():
    errors = errors_of(concept(fi="", da="  \n \n"))
    assert errors == {
        "terms_fi": ["Give at least one term."],
        "terms_da": ["Give at least one term."],
    }


def test_over_long_terms_and_lines_without_letters_are_refused():
    errors = errors_of(concept(sv="tvångsarbete\n" + "a" * 81, nb="tvangsarbeid\n12 345\n--"))
    assert errors == {
        "terms_sv": [
            "“aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…” is longer than 80 characters: one term per line."
        ],
        "terms_nb": [
            "“12 345” has no letters: each line must be a term.",
            "“--” has no letters: each line must be a term.",
        ],
    }


def test_a_complete_concept_is_clean_and_lists_its_terms():
    item = concept(en="  forced labour \n\nforced   labor\nForced labour\n", fi="a" * 80)
    item.clean()
    assert item.terms("en") == ["forced labour", "forced labor"]
    assert item.terms("fi") == ["a" * 80]
    assert str(item) == "forced labour"
