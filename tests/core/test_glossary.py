"""The glossary (docs/glossary/) holds the interface's translations and the thesaurus to
one term per concept and language."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings

from core import glossary, languages
from search.thesaurus_data import CONCEPTS

TRANSLATED = [code for code in languages.CODES if code != languages.DEFAULT]


def catalogue(language):
    path = Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "django.po"
    with path.open("rb") as source:
        return read_po(source, locale=language)


def messages(language):
    """(msgid, [msgstr…]) of every translated, current, non-fuzzy message."""
    for message in catalogue(language):
        if not message.id or message.fuzzy:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if all(strings):
            yield ids[0], ids, strings


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_entry_has_a_term_in_each_language(language):
    english = glossary.load("en")
    other = glossary.load(language)
    assert set(other.entries) == set(english.entries)
    for entry in other.entries.values():
        assert entry.term.strip(), entry.key
        assert entry.patterns, f"{language}: {entry.key} has no stems"
        assert glossary.uses(entry, entry.term), f"{language}: {entry.key}'s stems miss its term"


@pytest.mark.parametrize("language", languages.CODES)
def test_the_thesaurus_puts_the_glossary_term_first(language):
    terms = glossary.load(language).entries
    shared = [concept for concept in CONCEPTS if concept["slug"] in terms]
    assert shared, "no glossary entry is a thesaurus concept"
    for concept in shared:
        assert concept[language][0].lower() == terms[concept["slug"]].term.lower(), (
            f"{language}: the thesaurus' first term for {concept['slug']} is "
            f"{concept[language][0]!r}, the glossary's {terms[concept['slug']].term!r}"
        )


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_use_the_glossary_terms(language):
    terms = glossary.load(language)
    wrong = []
    for msgid, ids, strings in messages(language):
        for key in {key for text in ids for key in glossary.concepts_in(text)}:
            if (msgid, key) in terms.exempt:
                continue
            entry = terms.entries[key]
            for string in strings:
                if not glossary.uses(entry, string):
                    wrong.append(f"{key} ({entry.term}): {msgid!r} → {string!r}")
    assert not wrong, f"{len(wrong)} {language} messages leave out the glossary's term:\n" + (
        "\n".join(wrong)
    )


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_avoid_what_the_glossary_rules_out(language):
    terms = glossary.load(language)
    wrong = [
        f"{entry.key}: {form!r} in {string!r}"
        for _msgid, _ids, strings in messages(language)
        for string in strings
        for entry in terms.entries.values()
        for form in glossary.avoided(entry, string)
    ]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("language", TRANSLATED)
def test_exemptions_name_real_messages_and_give_reasons(language):
    terms = glossary.load(language)
    ids = {msgid for msgid, _ids, _strings in messages(language)}
    for (msgid, key), reason in terms.exempt.items():
        assert msgid in ids, f"{language}: exempt msgid {msgid!r} is not in the catalogue"
        assert key in glossary.concepts_in(msgid), f"{language}: {key} is not in {msgid!r}"
        assert len(reason.split()) >= 3, f"{language}: say why {msgid!r} may leave out {key}"


def test_english_patterns_are_valid_expressions():
    for entry in glossary.load("en").entries.values():
        for pattern in entry.patterns:
            re.compile(pattern)
