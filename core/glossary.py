"""The hub's glossary of THB and interface terms, one file per language (docs/glossary/).

``en.toml`` names each concept and says how its English term is found in a message;
each working language's file gives the one term the hub uses for it, the stems that count
as that term when inflected or compounded, and forms not to use. The interface's
translations and the thesaurus are both held to it (tests/core/test_glossary.py).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.conf import settings

from core import languages


@dataclass(frozen=True)
class Entry:
    key: str
    term: str
    #: English: regular expressions over a msgid; other languages: stems of the term.
    patterns: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    definition: str = ""


@dataclass(frozen=True)
class Glossary:
    language: str
    entries: dict[str, Entry]
    #: (msgid, key) pairs whose translation may leave the term out, with the reason why.
    exempt: dict[tuple[str, str], str] = field(default_factory=dict)

    def term(self, key: str) -> str:
        return self.entries[key].term


def directory() -> Path:
    return Path(settings.BASE_DIR) / "docs" / "glossary"


@cache
def load(language: str) -> Glossary:
    """The glossary of one of ``core.languages.CODES``, read once per process."""
    if language not in languages.CODES:
        raise ValueError(f"{language!r} is not one of the hub's languages")
    with (directory() / f"{language}.toml").open("rb") as source:
        data = tomllib.load(source)
    exempt = {(row["msgid"], row["key"]): row["reason"] for row in data.pop("exempt", [])}
    entries = {
        key: Entry(
            key=key,
            term=row["term"],
            patterns=tuple(row.get("match" if language == "en" else "stems", ())),
            avoid=tuple(row.get("avoid", ())),
            definition=row.get("definition", ""),
        )
        for key, row in data.items()
    }
    return Glossary(language, entries, exempt)


def concepts_in(msgid: str) -> list[str]:
    """The keys of the English glossary's entries whose term ``msgid`` uses."""
    english = load(languages.DEFAULT)
    return [
        key
        for key, entry in english.entries.items()
        if any(re.search(pattern, msgid, re.IGNORECASE) for pattern in entry.patterns)
    ]


def uses(entry: Entry, text: str) -> bool:
    """Whether ``text`` uses the term of another language's ``entry`` (one of its stems
    anywhere in a word, so inflected forms and compounds count)."""
    lowered = text.lower()
    return any(stem.lower() in lowered for stem in entry.patterns)


def avoided(entry: Entry, text: str) -> list[str]:
    """The forms ``entry`` says not to use that ``text`` uses, as whole words."""
    return [
        form
        for form in entry.avoid
        if re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text, re.IGNORECASE)
    ]
