"""Names and date formats from CLDR (Babel), in the reader's language: never typed.

Country and territory names (``country_name``), a territory's name in its own language
(``native_name``) and language names (``language_name``) come from the Unicode CLDR as
Babel ships it, in the active language unless one is given. So Iceland reads "Island" in
Swedish, "Islanti" in Finnish and "Ísland" in its own language, and no one keeps a table.

Dates and times have one format per language, CLDR's: its long date ("7. joulukuuta
2026", "7 december 2026"), its short time ("14.30") and its pattern joining the two.
``django_formats`` turns them into the ``DATE_FORMAT``/``TIME_FORMAT``/``DATETIME_FORMAT``
of the hub's format modules (``hub/formats/<lang>/formats.py``), so Django's ``date``
filter, ``date_format``, forms and the admin all write CLDR's format; ``human_date``,
``human_datetime`` and ``human_time`` are the same for Python text (emails, exports' human
columns), in the current time zone (``TIME_ZONE``, Europe/Helsinki: the hub activates no
other per request; a seminar's page switches to its own). Machine formats (ISO dates in
CSV, the API, feeds and ``<time datetime>``) do not come from here.

Babel needs no configured Django: ``core.languages`` (read by the settings) uses it.
"""

from __future__ import annotations

import datetime
import functools
import re
import unicodedata
from typing import NamedTuple

from babel import Locale
from babel.dates import format_date, get_date_format, get_datetime_format, get_time_format
from babel.languages import get_official_languages
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import get_language

#: The hub's languages (``core.languages.CODES``) as CLDR locales. English is CLDR's
#: "English (Europe)": day before month, 24-hour clock, as the Nordic public sector and
#: the EU write it ("7 December 2026, 14:30").
LOCALES = {"en": "en_150", "fi": "fi", "sv": "sv", "nb": "nb", "da": "da", "is": "is"}
#: The language CLDR names things in when the active one is none of the hub's.
DEFAULT = "en"
#: The length of CLDR's date format every reader-facing date uses (one choice everywhere).
DATE_LENGTH = "long"
#: The length of CLDR's time format.
TIME_LENGTH = "short"


def _active() -> str:
    """The hub language to name things in: the active one, else English."""
    code = (get_language() or DEFAULT).replace("_", "-").split("-")[0].lower()
    return code if code in LOCALES else DEFAULT


@functools.cache
def locale(lang: str | None = None) -> Locale:
    """The CLDR locale of a hub language (or any locale Babel knows: ``fo``, ``kl``)."""
    return Locale.parse(LOCALES.get(lang, lang or DEFAULT))


def country_name(code: str, lang: str | None = None) -> str:
    """A country's or territory's name in a language, as CLDR writes it.

    Args:
        code: its ISO 3166-1 alpha-2 code, in either case ("IS", "ax").
        lang: the language to name it in (a hub language or any CLDR locale); the
            active language when omitted.

    Returns:
        The name ("Island" for ``IS`` in ``sv``), or "" when CLDR knows no such code.
    """
    return locale(lang or _active()).territories.get(code.upper(), "")


@functools.cache
def native_name(code: str, preferred: str = "") -> tuple[str, str]:
    """A territory's name in its own language, and that language's code.

    The language is ``preferred`` when it is one of the territory's official languages
    (Finland's Finnish rather than its Swedish), else the first of them CLDR has names
    in: Faroese for the Faroe Islands, Greenlandic for Greenland.

    Args:
        code: its ISO 3166-1 alpha-2 code.
        preferred: the language to prefer (the country's main language in the hub).

    Returns:
        (language code, name), e.g. ("fo", "Føroyar"); ("", "") when CLDR has none.
    """
    code = code.upper()
    official = list(get_official_languages(code, de_facto=True))
    if preferred in official:
        official.insert(0, preferred)
    for lang in official:
        try:
            name = locale(lang).territories.get(code)
        except (ValueError, LookupError):  # a language without CLDR locale data
            continue
        if name:
            return ("nb" if lang == "no" else lang), name
    return "", ""


def capitalised(name: str) -> str:
    """A name with its first letter upper-case: how a name standing alone starts."""
    return name[:1].upper() + name[1:]


def language_name(code: str, lang: str | None = None) -> str:
    """A language's name in a language, as it stands alone (a label, a facet, a menu).

    CLDR writes most Nordic language names in lower case ("svenska", "suomi", "norsk
    bokmål"), as they are written inside a sentence; the hub shows them only on their
    own, as labels, so their first letter is always capitalised ("Svenska", "Finska").

    Args:
        code: its code ("fi", "nb").
        lang: the language to name it in; the active language when omitted.

    Returns:
        The name, or the code itself when CLDR knows no such language.
    """
    name = locale(lang or _active()).languages.get(code)
    return capitalised(name) if name else code


def own_language_name(code: str) -> str:
    """A language's name in itself ("Suomi", "Íslenska"): the language switcher's."""
    return language_name(code, code)


# Sorting names.

#: The letters each language's CLDR collation orders apart from their base letter: after
#: "z" in the order given, or right after a base letter ("á" after "a" in Icelandic).
#: Letters a language sorts as one share a place ("æ" with "ä" in Swedish). Babel ships
#: no collation tables, and PyICU (CLDR's collation itself) is built from source against
#: the system's ICU headers on every install: these tailorings are the part of CLDR's that
#: the Nordic alphabets need (``test_cldr`` holds ICU's own orders of Nordic names); any other
#: accented letter sorts with its base letter.
_AFTER_Z = {
    "sv": ("å", "äæ", "öøœ"),
    "fi": ("þ", "å", "äæ", "öø"),
    "da": ("æä", "øö", "å"),
    "nb": ("æä", "øöœ", "å"),
    "is": ("þ", "æä", "öø", "å"),
}
#: Letters a language sorts as others are spelt: Danish and Norwegian "aa" is "å" (Aasen
#: among the Å names, at the end); "þ" is "th" in Swedish, Danish and Norwegian.
_SPELT_AS = {
    "sv": {"þ": "th"},
    "da": {"aa": "å", "þ": "th"},
    "nb": {"aa": "å", "þ": "th"},
}
_AFTER_LETTER = {"is": {"á": "a", "ð": "d", "é": "e", "í": "i", "ó": "o", "ú": "u", "ý": "y"}}
#: Letters that do not decompose to a base letter, placed as CLDR's root collation does
#: ("æ" as "ae", "þ" after "z").
_ROOT = {
    "æ": ((ord("a"), 0), (ord("e"), 0)),
    "œ": ((ord("o"), 0), (ord("e"), 0)),
    "ø": ((ord("o"), 0),),
    "ð": ((ord("d"), 0),),
    "þ": ((ord("z") + 1, 0),),
}


@functools.cache
def _tailoring(lang: str) -> dict[str, tuple[tuple[int, int], ...]]:
    places = dict(_ROOT)
    for offset, letters in enumerate(_AFTER_Z.get(lang, ()), start=1):
        for letter in letters:
            places[letter] = ((ord("z"), offset),)
    for letter, base in _AFTER_LETTER.get(lang, {}).items():
        places[letter] = ((ord(base), 1),)
    return places


def sort_key(text: str, lang: str | None = None) -> tuple:
    """A key that sorts names as a reader of ``lang`` expects (the active language when
    omitted): "Ålands" after "Zeta" in Swedish, "Ósk" after "Oslo" in Icelandic, accents
    elsewhere and case deciding only between names otherwise equal.

    Args:
        text: the name.
        lang: a hub language code.

    Returns:
        A tuple for ``sorted(key=...)``.
    """
    lang = lang or _active()
    places = _tailoring(lang)
    folded = unicodedata.normalize("NFC", text.casefold())  # "å" typed as "a" and a ring
    for letters, spelt in _SPELT_AS.get(lang, {}).items():
        folded = folded.replace(letters, spelt)
    primary = []
    for char in folded:
        if char in places:
            primary.extend(places[char])
            continue
        base = unicodedata.normalize("NFD", char)[0]
        if base.isalnum():
            primary.append((ord(base), 0))
    return (tuple(primary), text.casefold(), text)


# Dates and times.

#: LDML pattern fields (a run of one letter) -> Django ``date`` format characters. Only
#: the fields the hub's languages use in the formats it takes; any other one fails loudly
#: (``test_cldr``) rather than print a wrong date.
_FIELDS = {
    "d": "j",
    "dd": "d",
    "M": "n",
    "MM": "m",
    "MMM": "M",
    # MMMM: see ``to_django``.
    "LLLL": "F",
    "y": "Y",
    "yyyy": "Y",
    "yy": "y",
    "H": "G",
    "HH": "H",
    "h": "g",
    "hh": "h",
    "mm": "i",
    "ss": "s",
    "a": "A",
    "EEEE": "l",
    "EEE": "D",
}
_TOKEN = re.compile(r"'(?:[^']|'')*'|([A-Za-z])\1*|.", re.DOTALL)


def to_django(pattern: str, lang: str = DEFAULT) -> str:
    """An LDML date pattern ("d. MMMM y") as a Django ``date`` format ("j. E Y").

    Inside a date CLDR writes a month in its format form; where a language's differs from
    the name standing alone (Finnish "joulukuuta", not "joulukuu") that is Django's
    alternative month name ("E"), otherwise its plain one ("F": Django's Norwegian
    catalogue capitalises its alternative names, CLDR does not).
    """
    months = locale(lang).months
    inflected = months["format"]["wide"] != months["stand-alone"]["wide"]
    fields = {**_FIELDS, "MMMM": "E" if inflected else "F"}
    out = []
    for match in _TOKEN.finditer(pattern):
        field = match.group(0)
        if field.startswith("'"):
            literal = "'" if field == "''" else field[1:-1].replace("''", "'")
            out.append("".join("\\" + c if c.isalpha() else c for c in literal))
        elif match.group(1):
            if field not in fields:
                raise ValueError(f"CLDR field {field!r} of {pattern!r} has no Django equivalent")
            out.append(fields[field])
        else:
            out.append(field)
    return "".join(out)


class Formats(NamedTuple):
    """A language's formats, named as Django's format modules name them."""

    DATE_FORMAT: str
    TIME_FORMAT: str
    DATETIME_FORMAT: str
    SHORT_DATE_FORMAT: str
    SHORT_DATETIME_FORMAT: str
    FIRST_DAY_OF_WEEK: int


def _join(date_pattern: str, time_pattern: str, length: str, cldr: Locale) -> str:
    return (
        str(get_datetime_format(length, cldr))
        .replace("{1}", date_pattern)
        .replace("{0}", time_pattern)
    )


@functools.cache
def patterns(lang: str) -> dict[str, str]:
    """CLDR's date, time and date-and-time patterns (LDML) of a hub language."""
    cldr = locale(lang)
    date = get_date_format(DATE_LENGTH, cldr).pattern
    time = get_time_format(TIME_LENGTH, cldr).pattern
    short = get_date_format("short", cldr).pattern
    return {
        "date": date,
        "time": time,
        "datetime": _join(date, time, DATE_LENGTH, cldr),
        "short_date": short,
        "short_datetime": _join(short, time, "short", cldr),
    }


def django_formats(lang: str) -> Formats:
    """The formats of a hub language's format module (``hub/formats/<lang>/formats.py``).

    ``DATE_FORMAT`` is CLDR's long date, ``TIME_FORMAT`` its short time, ``DATETIME_FORMAT``
    the two as CLDR joins them. The short formats (CLDR's short date, numeric) are only
    for the admin's compact tables and forms: reader-facing templates use ``DATE_FORMAT``.
    """
    p = {name: to_django(pattern, lang) for name, pattern in patterns(lang).items()}
    return Formats(
        DATE_FORMAT=p["date"],
        TIME_FORMAT=p["time"],
        DATETIME_FORMAT=p["datetime"],
        SHORT_DATE_FORMAT=p["short_date"],
        SHORT_DATETIME_FORMAT=p["short_datetime"],
        # CLDR counts from Monday (0), Django from Sunday (0).
        FIRST_DAY_OF_WEEK=(locale(lang).first_week_day + 1) % 7,
    )


def _local(value: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


def human_date(value: datetime.date | datetime.datetime) -> str:
    """A date as the reader's language writes it (CLDR's long date): "7. joulukuuta 2026".

    A date-time is the day it is in the current time zone.
    """
    if isinstance(value, datetime.datetime):
        value = _local(value)
    return date_format(value, "DATE_FORMAT")


def compact_date(value: datetime.date | datetime.datetime) -> str:
    """A date in few characters where space is short (a cell of the tracker's matrix):
    CLDR's medium date, in the reader's language ("5 Mar 2026", "5.3.2026", "5 mars
    2026"); never an all-numeric date a reader could take month for day.

    A date-time is the day it is in the current time zone.
    """
    if isinstance(value, datetime.datetime):
        value = _local(value).date()
    return format_date(value, "medium", locale=locale(_active()))


def human_datetime(value: datetime.datetime) -> str:
    """A moment as the reader's language writes it, in the current time zone."""
    return date_format(_local(value), "DATETIME_FORMAT")


def human_time(value: datetime.time | datetime.datetime) -> str:
    """A time of day as the reader's language writes it (CLDR's short time)."""
    if isinstance(value, datetime.datetime):
        value = _local(value)
    return time_format(value, "TIME_FORMAT")
