"""No interface string left in English (issue 24): every page type of the whole site
(the HTML check's list, tests/home/test_html_validity.py), anonymously and signed in as a
coordinator and as an expert, in each of the five Nordic interface languages.

Each page is parsed, and every text a reader meets (text nodes, ``<title>``, ``<option>``,
and the attributes read out or shown: ``aria-label``, ``title``, ``alt``, ``placeholder``,
a button's ``value``) is checked in the language it is marked with, its nearest ``lang``:

- marked as the interface language, it must not be an English string of the catalogue
  whose translation differs: an entry left untranslated in the .po file, or a string the
  template never passed to gettext (*untranslated*);
- marked as any Nordic language, it must not read as English (*reads as English*): three
  words or more with at least two English function words that no Nordic language
  writes, or a short English interface word. That is English typed into a template or
  code, or English content without ``lang="en"``;
- marked as the interface language, it must name no country in English where CLDR
  (Babel) names it otherwise in that language ("Sweden" in Finnish), and write no date
  in English ("3 November 2026", "29/07/2026").

Text marked ``lang="en"`` is English by right (content in English, a fallback) and is not
checked. Proper names are the only exceptions, each listed in ``ALLOWED`` with its reason.

The failure is a worklist: by cause, then by text, with its nearest ``lang``, the
languages and the pages where it appears.
"""

import re
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup, Comment, Declaration, Doctype, NavigableString
from django.conf import settings
from django.utils.translation import trans_real

from tests.home.test_html_validity import PAGES, fetch_every_page

pytestmark = pytest.mark.django_db

LOCALE = Path(settings.BASE_DIR) / "locale"
#: The interface languages other than English.
NORDIC = [code for code, _name in settings.LANGUAGES if code != "en"]

#: English words that no Nordic language writes as a common word of its own. Left out on
#: purpose: "and" (duck in Danish and Norwegian), "for", "at", "by", "to" (two in Danish
#: and Norwegian), "i", "in" (Swedish), "om", "den", "man", "all" (Swedish), "be"
#: (Swedish "pray"), "have" (Danish), "is" (ice in Icelandic, Danish and Norwegian),
#: "on" (Finnish "is"), "no" (Nynorsk "now"), "from" (Swedish "pious"), "not" (Swedish
#: "seine"), "a" and "an". Two are needed, so that one rare homograph ("of", Icelandic
#: "too"; "must", Swedish "juice") is never enough.
ENGLISH_WORDS = frozenset(
    [
        *("the", "of", "with", "your", "you", "this", "that", "these", "those", "are"),
        *("was", "were", "has", "been", "will", "would", "should", "could", "which"),
        *("when", "where", "what", "who", "whose", "how", "why", "there", "their", "they"),
        *("them", "our", "its", "it's", "than", "also", "only", "into", "about", "after"),
        *("before", "while", "yet", "any", "each", "every", "must", "or", "can", "cannot"),
        *("can't", "don't", "doesn't", "isn't", "aren't", "won't", "please", "here"),
    ]
)

#: Interface words and phrases that are English alone, too short for the rule above.
ENGLISH_PHRASES = frozenset(
    {
        "download",
        "downloads",
        "search",
        "home",
        "sign in",
        "sign out",
        "log in",
        "log out",
        "submit",
        "save",
        "cancel",
        "next",
        "previous",
        "close",
        "hide",
        "read more",
        "share",
        "print",
        "skip to content",
        "loading",
        "edit",
        "delete",
        "settings",
        "help",
        "contact",
        "yes",
        "apply",
        "reset",
        "clear",
        "clear filters",
        "results",
        "page",
        "previous page",
        "next page",
        "more",
        "less",
        "overview",
        "updated",
        "published",
        "members only",
        "members",
        "language",
        "country",
        "countries",
        "none",
        "all countries",
        "all languages",
        # The roles' groups, when their names are typed in English.
        "experts",
        "coordinators",
        "editors",
        "secretariat",
    }
)

#: Proper names and other text that stays as it is in every language, with the reason.
#: A text is allowed only if it is one of these exactly (after spaces are collapsed).
ALLOWED = {
    "Wagtail": "the name of the content management system",
    "RSS": "the name of a feed format",
    "Atom": "the name of a feed format",
}

#: The attributes a reader meets: read out by a screen reader or shown on hover.
READ_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")
NOT_TEXT = {"script", "style", "template"}

_PLACEHOLDER = re.compile(r"%\(\w+\)[sdfi]|%[sdfi]|\{\w*\}")
_TAG = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def normalise(text):
    return _SPACES.sub(" ", text).strip()


class Catalogue:
    """The English strings of an interface that read otherwise in its language.

    ``plain``: msgid -> its translation ("" when untranslated or fuzzy), for every string
    whose translation differs from it; ``patterns``: the same for msgids with
    placeholders, as regular expressions; ``native``: every translation into the language,
    which is the language's own text whatever its msgid.
    """

    def __init__(self, entries):
        """entries: (msgid, its translation or "" when there is none)."""
        self.plain = {}
        self.native = set()
        patterns = {}
        for msgid, translated in entries:
            if not msgid:
                continue
            if translated:
                self.native.add(normalise(_TAG.sub("", translated)))
            if translated == msgid:
                continue
            text = normalise(_TAG.sub("", msgid.replace("%%", "%")))
            if _PLACEHOLDER.search(text):
                literal = _PLACEHOLDER.sub("", text)
                if len(_WORD.findall(literal)) == 0 or sum(map(len, _WORD.findall(literal))) < 4:
                    continue  # nothing English in it to recognise
                parts = _PLACEHOLDER.split(text)
                regex = ".+?".join(re.escape(part) for part in parts)
                patterns.setdefault(regex, translated)
            elif _WORD.search(text):
                self.plain.setdefault(text, translated)
        self.native.discard("")
        self.patterns = [re.compile(regex) for regex in patterns]
        self.any_pattern = (
            re.compile("|".join(f"(?:{regex})" for regex in patterns)) if patterns else None
        )

    def untranslated(self, text):
        """The msgid (or its pattern) that ``text`` is left in English from, or None."""
        if text in self.native:
            return None
        if text in self.plain:
            return text
        if self.any_pattern is not None and self.any_pattern.fullmatch(text):
            for pattern in self.patterns:
                if pattern.fullmatch(text):
                    return pattern.pattern
        return None


@cache
def catalogue(language):
    """The interface's catalogue in ``language``: Django's and Wagtail's strings as the
    running site translates them, and the hub's .po file, whose entries not yet
    translated (absent from the .mo) count as untranslated."""
    entries = []
    for key, value in trans_real.translation(language)._catalog.items():
        msgid = key[0] if isinstance(key, tuple) else key
        entries.append((msgid.split("\x04")[-1], value))
    with open(LOCALE / language / "LC_MESSAGES" / "django.po", "rb") as po:
        for message in read_po(po):
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if message.fuzzy:
                strings = ("",) * len(strings)
            for index, msgid in enumerate(ids):
                entries.append((msgid, strings[min(index, len(strings) - 1)] or ""))
    return Catalogue(entries)


def reads_as_english(text):
    """Whether ``text`` reads as English in a Nordic page."""
    words = [word.lower().replace("’", "'") for word in _WORD.findall(text)]
    if not words:
        return False
    if len(words) >= 3:
        return sum(word in ENGLISH_WORDS for word in words) >= 2
    return " ".join(words) in ENGLISH_PHRASES


def nearest_lang(element):
    for node in (element, *element.parents):
        lang = node.get("lang") if hasattr(node, "get") else None
        if lang is not None:
            return lang
    return None


def _texts(soup):
    """Every text a reader meets: (element it belongs to, kind, text)."""
    for string in soup.find_all(string=True):
        if isinstance(string, (Comment, Declaration, Doctype)) or not isinstance(
            string, NavigableString
        ):
            continue
        parent = string.parent
        if parent is None or parent.name in NOT_TEXT or parent.find_parent(NOT_TEXT):
            continue
        text = normalise(str(string))
        if text:
            yield parent, f"<{parent.name}>", text
    for element in soup.find_all(True):
        for attribute in READ_ATTRIBUTES:
            if element.get(attribute):
                yield element, f"@{attribute}", normalise(element[attribute])
        is_button = element.name == "button" or (
            element.name == "input" and element.get("type") in ("submit", "button", "reset")
        )
        if is_button and element.get("value"):
            yield element, "@value", normalise(element["value"])
    # A string with markup inside (blocktranslate with <strong>, a link) is split into
    # several text nodes: the element's whole text is checked against the catalogue too.
    for element in soup.find_all(True):
        if element.name in NOT_TEXT or not element.find(True) or element.find(lang=True):
            continue
        if any(child.name in BLOCKS for child in element.find_all(True)):
            continue
        text = normalise(element.get_text())
        if text:
            yield element, f"<{element.name}>*", text


#: Elements that hold blocks of their own: their text is never one string.
BLOCKS = {
    "address", "article", "aside", "div", "dl", "fieldset", "footer", "form", "h1", "h2",
    "h3", "h4", "header", "li", "main", "nav", "ol", "p", "section", "table", "tr", "ul",
    "select", "details", "figure", "blockquote", "dd", "dt", "td", "th",
}  # fmt: skip


UNTRANSLATED = "untranslated: an English string of the catalogue"
ENGLISH_DATE = "a date in English: its month or day named in English, or written 29/07/2026"
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
#: Dates as English writes them. The Nordic languages write month and day names in
#: lower case (Finnish and Icelandic ones differ anyway), and none writes day/month/year.
#: A month and a year alone are left out: "April 2026" may begin a Danish sentence.
ENGLISH_DATES = re.compile(
    rf"\b(?:\d{{1,2}} (?:{_MONTHS})\b|(?:{_MONTHS}) \d{{1,2}}\b"
    rf"|(?:{_DAYS})\b|\d{{1,2}}/\d{{1,2}}/\d{{4}})"
)
READS_AS_ENGLISH = "reads as English: English text marked as a Nordic language"
PLACE_NAME = "a name in English: CLDR writes it otherwise in the interface's language"
#: What separates the page's own title from the site's name in ``<title>``.
TITLE_SEPARATOR = " – "


@cache
def english_names(language):
    """A regular expression of the English names of the hub's countries that ``language``
    writes otherwise (CLDR, as Babel gives it): "Sweden" in Finnish ("Ruotsi"), "Iceland"
    in Swedish ("Island"); "Finland" is Swedish too."""
    from countries.models import Country

    english, own = Locale.parse("en"), Locale.parse(language)
    names = set()
    for code, name in Country.objects.values_list("code", "name"):
        for english_name in {name, english.territories.get(code, name)}:
            if english_name != own.territories.get(code):
                names.add(english_name)
    if not names:
        return None
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def _title_parts(soup, language):
    """The parts of ``<title>`` to check: the page's title is left out when the page marks
    it as content in another language where it shows it (its ``<h1>``, or the breadcrumb
    to the page itself), since a ``<title>`` cannot carry two languages."""
    title = soup.find("title")
    if title is None:
        return []
    shown = [*soup.find_all("h1"), *soup.find_all(attrs={"aria-current": "page"})]
    content_titles = {
        normalise(element.get_text(" ")) for element in shown if nearest_lang(element) != language
    }
    parts = normalise(title.get_text()).split(TITLE_SEPARATOR)
    return [(title, part) for part in parts if part and part not in content_titles]


def english_left(html, language, strings=None, names=False):
    """What in a page in ``language`` is English left over: (cause, nearest lang, text).

    Args:
        strings: the interface's Catalogue (by default the language's own).
        names: also look for the countries' English names (needs the database).
    """
    strings = strings or catalogue(language)
    places = english_names(language) if names else None
    soup = BeautifulSoup(html, "html.parser")
    found = []
    seen = set()
    texts = [item for item in _texts(soup) if item[0].name != "title"]
    texts += [(title, "<title>", part) for title, part in _title_parts(soup, language)]
    for element, kind, text in texts:
        lang = nearest_lang(element)
        if text in ALLOWED or (lang, text) in seen:
            continue
        cause = None
        if lang == language and strings.untranslated(text):
            cause = UNTRANSLATED
        elif lang in NORDIC and not kind.endswith("*") and reads_as_english(text):
            cause = READS_AS_ENGLISH
        elif lang == language and not kind.endswith("*") and ENGLISH_DATES.search(text):
            cause = ENGLISH_DATE
        elif lang == language and places is not None and not kind.endswith("*"):
            # Listed by name, wherever it appears: "Sweden" in "Stockholm, Sweden".
            for name in sorted(set(places.findall(text))):
                if (lang, name) not in seen:
                    seen.add((lang, name))
                    found.append((PLACE_NAME, lang, name))
            continue
        if cause:
            seen.add((lang, text))
            found.append((cause, lang, text))
    return found


def worklist(findings):
    """findings: (page, language, cause, lang, text) -> a list by cause, then text: where
    it is marked with the interface's language ("interface") or another, in which
    languages and on which pages."""
    grouped = defaultdict(lambda: defaultdict(lambda: (set(), set())))
    per_language = defaultdict(lambda: defaultdict(int))
    for page, language, cause, lang, text in findings:
        marked = "interface" if lang == language else lang
        languages, pages = grouped[cause][(text, marked)]
        languages.add(language)
        pages.add(page)
        per_language[cause][language] += 1
    lines = []
    for cause in sorted(grouped):
        texts = grouped[cause]
        counts = ", ".join(f"{code} {n}" for code, n in sorted(per_language[cause].items()))
        lines.append(f"\n== {cause}: {len(texts)} texts ({counts})")
        for (text, marked), (languages, pages) in sorted(texts.items()):
            shown = ", ".join(sorted(pages)[:8])
            if len(pages) > 8:
                shown += f" (+{len(pages) - 8} more)"
            lines.append(
                f"  {text[:140]!r} [lang={marked}] in {','.join(sorted(languages))}: {shown}"
            )
    return "\n".join(lines)


# -- the detector ----------------------------------------------------------------------
def page(body, language="sv", title="Hubben"):
    return (
        f'<!DOCTYPE html><html lang="{language}"><head><title>{title}</title></head>'
        f"<body>{body}</body></html>"
    )


def test_an_english_sentence_marked_as_the_interface_language_is_found():
    found = english_left(
        page("<p>The coordinator wrote this note when the law was passed.</p>"), "sv"
    )
    assert [cause for cause, _lang, _text in found] == [
        "reads as English: English text marked as a Nordic language"
    ]


def test_the_same_sentence_marked_english_passes():
    body = '<p lang="en">The coordinator wrote this note when the law was passed.</p>'
    assert english_left(page(body), "sv") == []


def test_english_marked_as_another_nordic_language_is_found():
    body = '<p lang="fi">The coordinator wrote this note when the law was passed.</p>'
    assert [lang for _cause, lang, _text in english_left(page(body), "sv")] == ["fi"]


def test_nordic_sentences_pass():
    body = (
        "<p>Statusen för rekommendationen har uppdaterats av samordnaren i Sverige.</p>"
        "<p>Anbefalingen er til gennemførelse, og and og by er også danske ord.</p>"
        "<p>Suositus on toteutettu, ja se on julkaistu kaikille.</p>"
        "<p>Ráðleggingin er komin til framkvæmda á Íslandi.</p>"
    )
    assert english_left(page(body), "sv") == []


#: A catalogue of three strings: untranslated, translated, and the same in Swedish.
SWEDISH = Catalogue(
    [
        ("Download", ""),
        ("Showing %(count)s practices", "Visar %(count)s praktiker"),
        ("Status", "Status"),
        ("Country", "Land"),
    ]
)


def test_an_untranslated_interface_string_is_found():
    found = english_left(page('<a href="/x.pdf">Download</a>'), "sv", SWEDISH)
    assert [text for _cause, _lang, text in found] == ["Download"]


def test_an_english_msgid_with_a_placeholder_is_found():
    body = "<p>Showing <strong>12</strong> practices</p><p>Visar <b>3</b> praktiker</p>"
    found = english_left(page(body), "sv", SWEDISH)
    assert [text for _cause, _lang, text in found] == ["Showing 12 practices"]


def test_strings_the_same_in_both_languages_pass():
    body = "<dl><dt>Status</dt><dd>Land</dd></dl><p lang='en'>Country</p>"
    assert english_left(page(body), "sv", SWEDISH) == []
    assert english_left(page("<p>Country</p>"), "sv", SWEDISH)


def test_english_in_attributes_and_buttons_is_found():
    body = (
        '<nav aria-label="Where you are in the site"></nav>'
        '<input type="submit" value="Search">'
        '<img alt="The logo of the network" src="x.png">'
    )
    found = {text for _cause, _lang, text in english_left(page(body), "sv")}
    assert found == {"Where you are in the site", "Search", "The logo of the network"}


def test_english_country_names_are_found_where_cldr_writes_them_otherwise():
    found = english_left(page("<p>Ruotsi · Sweden, Tanska · Denmark</p>", "fi"), "fi", names=True)
    assert [(cause, text) for cause, _lang, text in found] == [
        (PLACE_NAME, "Denmark"),
        (PLACE_NAME, "Sweden"),
    ]
    assert english_left(page("<p>Finland · Island</p>", "sv"), "sv", names=True) == []
    assert english_left(page("<p>Iceland</p>", "sv"), "sv", names=True)


def test_dates_written_in_english_are_found():
    for english in ("3 November 2026", "29/07/2026", "Monday", "November 3, 2026"):
        found = english_left(page(f"<p>Uppdaterad {english}</p>"), "sv")
        assert [cause for cause, _lang, _text in found] == [ENGLISH_DATE], english
    nordic = (
        "<p>Uppdaterad 3 november 2026, måndag</p><p>3. marraskuuta 2026</p>"
        "<p>November 2026 var kall.</p>"
    )
    assert english_left(page(nordic), "sv") == []


def test_the_title_of_content_in_another_language_is_its_own():
    english_title = page(
        '<h1 lang="en">Where the network meets</h1>',
        title="Where the network meets – Hubben",
    )
    assert english_left(english_title, "sv") == []
    unmarked = page("<h1>Where the network meets</h1>", title="Where the network meets – Hubben")
    assert [text for _cause, _lang, text in english_left(unmarked, "sv")] == [
        "Where the network meets"
    ]


def test_allowed_proper_names_pass():
    assert english_left(page("<p>Wagtail</p>"), "sv") == []


# -- the whole site --------------------------------------------------------------------
# Every page type fetched in five languages by three users takes minutes: it runs with the
# HTML check of the same pages (``make test-html``, in CI), not in ``make test``.
@pytest.mark.html
@pytest.mark.usefixtures("site_content")
def test_no_interface_string_is_left_in_english(client, users, tmp_path):
    pages = fetch_every_page(client, users, tmp_path, NORDIC)
    findings = []
    files = sorted(tmp_path.glob("*.html"))
    for file in files:
        name, language, who = file.name.removesuffix(".html").rsplit(".", 2)
        html = file.read_text(encoding="utf-8")
        for cause, lang, text in english_left(html, language, names=True):
            findings.append((f"{name}({who})", language, cause, lang, text))
    assert len(files) > 5 * len(PAGES), "every page type is fetched in every language"
    if pages.problems or findings:
        pytest.fail(
            f"{len(findings)} English texts in {len(files)} pages:\n"
            + "\n".join(pages.problems)
            + worklist(findings),
            pytrace=False,
        )
