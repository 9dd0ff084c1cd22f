"""Language-aware text analysis shared by the Whoosh backend and the thesaurus.

Every indexed object has one of the hub's six languages. Its text is lower-cased and
stemmed with that language's Snowball stemmer; Icelandic has no Snowball stemmer, so its
words are accent-folded instead. A query word is not tied to a language: it is expanded
to the forms every language's analysis would give it, so a query in any language finds
documents in every language.

Whoosh silently lower-cases instead of stemming for a code it does not know (``nb``,
``is``), so the codes are mapped here explicitly.
"""

import re
import unicodedata
from functools import lru_cache

from whoosh.lang import stemmer_for_language

DEFAULT_LANGUAGE = "en"

# The engine's analysers, by language code: a Snowball stemmer, or None for "fold accents,
# do not stem". The engine knows no site's list of languages: a code it has no analyser for
# is analysed as the default language.
SNOWBALL = {"en": "en", "fi": "fi", "sv": "sv", "da": "da", "nb": "no", "nn": "no", "is": None}

# Letters NFKD does not decompose.
_FOLD = str.maketrans({"þ": "th", "ð": "d", "æ": "ae", "ø": "o", "œ": "oe", "ß": "ss"})
WORD_RE = re.compile(r"\w+", re.UNICODE)
# Words longer than this are not words (hashes, base64, minified data): cut them.
MAX_WORD_LENGTH = 60


def normalise_language(code):
    """Map any language code to one the analysis knows; unknown codes get the default."""
    code = (code or "").lower().split("-")[0].split("_")[0]
    return code if code in SNOWBALL else DEFAULT_LANGUAGE


def object_language(obj):
    """The language an object is indexed in: ``get_search_language()``, ``language`` or locale."""
    getter = getattr(obj, "get_search_language", None)
    if callable(getter):
        return normalise_language(getter())
    language = getattr(obj, "language", None)
    if isinstance(language, str) and language:
        return normalise_language(language)
    locale = getattr(obj, "locale", None)
    return normalise_language(getattr(locale, "language_code", None))


@lru_cache(maxsize=8)
def _stemmer(code):
    """function(word) -> index form in a known language: its Snowball stemmer, or
    ``fold`` for a language without one (Icelandic)."""
    snowball = SNOWBALL[code]
    if snowball is None:
        return fold
    stem = stemmer_for_language(snowball)
    return lru_cache(maxsize=50_000)(stem)


@lru_cache(maxsize=100_000)
def fold(word):
    """Lower-case and strip accents: "Þjónusta" -> "thjonusta", "vændi" -> "vaendi"."""
    word = word.lower().translate(_FOLD)
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text):
    """The lower-cased words of a text, in order."""
    return [w[:MAX_WORD_LENGTH] for w in WORD_RE.findall((text or "").lower())]


def stem(word, language):
    """One word's index form in one language."""
    return _stemmer(normalise_language(language))(word.lower())


def index_tokens(text, language):
    """The stems of a text's words in ``language``, in order (positions matter for phrases)."""
    # The stemmer is looked up once per text: a rebuild stems 4.5 million words.
    stemmer = _stemmer(normalise_language(language))
    return [stemmer(w) for w in words(text)]


def document_tokens(text, language):
    """The tokens a text in ``language`` is indexed as: its words' stems in order
    (``index_tokens``), then their extra forms and compound parts (``extra_index_tokens``),
    which never come between the words of a phrase. Every engine indexes text this way."""
    code = normalise_language(language)
    stemmer = _stemmer(code)
    text_words = words(text)
    return [stemmer(w) for w in text_words] + extra_index_tokens(text_words, code)


@lru_cache(maxsize=10_000)
def query_forms(word):
    """Every form a query word may take in the index, in every language analysed."""
    word = word.lower()
    forms = {stem(word, language) for language in SNOWBALL}
    for language in SNOWBALL:
        forms.update(extra_forms(word, language))
    forms.add(fold(word))
    forms.discard("")
    return frozenset(forms)


# -- extra forms: what the Snowball stemmers leave apart ---------------------------------
# Each rule gives a word's stem one more, coarser index form; a document holds it after
# its words (``index_tokens``) and a query word asks for it (``query_forms``), so both
# engines match "kerjääminen" with "kerjäämisen" and "mansals" with "mansal".

#: Icelandic is not stemmed: its commonest case and number endings, longest first, are
#: cut from a folded word that keeps at least ``_MIN_IS_STEM`` letters.
_IS_ENDINGS = tuple(
    sorted(
        (
            "anna",
            "unum",
            "inum",
            "ingu",
            "ingar",
            "inga",
            "ir",
            "ur",
            "ar",
            "um",
            "a",
            "i",
            "u",
            "s",
        ),
        key=len,
        reverse=True,
    )
)
_MIN_IS_STEM = 4
#: No extra form is shorter: a three-letter form would match unrelated words.
MIN_EXTRA_FORM = 3
_VOWELS = frozenset("aeiouyäöåæøáéíóúý")


@lru_cache(maxsize=200_000)
def extra_forms(word, language):
    """Coarser index forms of one word in one language, beyond its stem (a tuple).

    * Finnish: "-minen"/"-misen" nouns and "-inen"/"-isen" adjectives share a form
      ("tunnistamin"/"tunnistamis" -> "tunnistami"); a plural "-j-" is cut
      ("uhrej" -> "uhr", as "uhrien" and "uhreiksi" stem).
    * Icelandic: the commonest case endings are cut ("byggingaridnadur" and
      "byggingaridnadi" -> "byggingaridnad").
    """
    code = normalise_language(language)
    base = stem(word, code)
    found = set()
    if code == "fi":
        if len(base) >= 6 and base[-2:] in ("in", "is"):
            found.add(base[:-1])
        if len(base) >= 5 and base[-1] == "j" and base[-2] in _VOWELS:
            found.add(base[:-2])
    elif code == "is":
        for ending in _IS_ENDINGS:
            if base.endswith(ending) and len(base) - len(ending) >= _MIN_IS_STEM:
                found.add(base[: -len(ending)])
                break
    found.discard(base)
    return tuple(sorted(form for form in found if len(form) >= MIN_EXTRA_FORM))


# -- compounds ---------------------------------------------------------------------------
# Finnish and the Nordic languages write compounds as one word: "luonnonmarjanpoimijoiden"
# (wild-berry pickers'), "pakkokerjäämisen" (forced begging's). Without a lexicon, a
# compound is cut where its parts usually join: after a linking letter of the language
# (a genitive "n" or a vowel in Finnish, "s", "e" or a vowel in the Nordic languages),
# before a consonant and a vowel (the start of a syllable), leaving a first part of at
# least MIN_HEAD letters and a last part of at least MIN_TAIL. A document is indexed with
# the forms of every such last part ("marjanpoimijoiden", "poimijoiden"), so a query for
# a part finds the compound; a query compound is also searched as its two parts
# ("marjanpoimijat" -> "marjan" and "poimijat"), so it finds them written apart.

#: Languages that compound, and the letters that end a first part.
_LINKS = {
    "fi": frozenset("naeiouyäö"),
    "sv": frozenset("saeiouyäöå"),
    "nb": frozenset("saeiouyæøå"),
    "da": frozenset("saeiouyæøå"),
    "is": frozenset("saeiouyáéíóúýæö"),
}
MIN_COMPOUND = 9
MIN_HEAD = 4
MIN_TAIL = 5
#: The stem of a last part must keep this many letters ("joiden" -> "joid" is no word).
MIN_TAIL_STEM = 5
#: Cuts kept per word, the longest last parts first.
MAX_CUTS = 4


@lru_cache(maxsize=200_000)
def compound_cuts(word, language):
    """Where a word of a compounding language may be cut: ((first part, last part), ...).

    Deterministic and cached; empty for short words and languages that do not compound.
    """
    links = _LINKS.get(normalise_language(language))
    if links is None or len(word) < MIN_COMPOUND or not word.isalpha():
        return ()
    word = word.lower()
    cuts = []
    for cut in range(MIN_HEAD, len(word) - MIN_TAIL + 1):
        head, tail = word[:cut], word[cut:]
        if head[-1] not in links or tail[0] in _VOWELS or tail[1] not in _VOWELS:
            continue
        if head[-1] == "n" and head[-2] not in _VOWELS:
            continue  # "-nn-", "-rn-": inside a part, not a genitive
        cuts.append((head, tail))
        if len(cuts) == MAX_CUTS:
            break
    return tuple(cuts)


@lru_cache(maxsize=200_000)
def _word_index_extras(word, language):
    """The extra index forms of one word: its coarser forms and its last parts' forms."""
    base = stem(word, language)
    found = list(extra_forms(word, language))
    for _head, tail in compound_cuts(word, language):
        tail_stem = stem(tail, language)
        if len(tail_stem) >= MIN_TAIL_STEM and tail_stem != base:
            found.append(tail_stem)
            found.extend(extra_forms(tail, language))
    return tuple(dict.fromkeys(found))


def extra_index_tokens(text_words, language):
    """The extra tokens a text is also indexed with (coarser forms, compound parts).

    A document's extra tokens follow its words, so they never come between the words of
    a phrase. Each word's extras are cached: a rebuild analyses millions of words.
    """
    code = normalise_language(language)
    extras = []
    for word in text_words:
        extras.extend(_word_index_extras(word, code))
    return extras


def query_splits(word):
    """Ways to read a query word as a compound of two words: ((first, last), ...).

    The cuts of every compounding language, without repeats, the longest last part first.
    """
    found = {}
    for language in _LINKS:
        for head, tail in compound_cuts(word.lower(), language):
            found.setdefault((head, tail), None)
    return tuple(sorted(found, key=lambda pair: (len(pair[0]), pair)))


# -- the language a query is written in ---------------------------------------------------
#: Function words of each language (Whoosh's Snowball lists; a short list for Icelandic).
_IS_STOPWORDS = frozenset(
    [
        "og",
        "að",
        "á",
        "í",
        "um",
        "fyrir",
        "með",
        "frá",
        "til",
        "af",
        "við",
        "sem",
        "er",
        "eru",
        "var",
        "voru",
        "ekki",
        "en",
        "eða",
        "hjá",
        "gegn",
        "þess",
        "þeirra",
        "hann",
        "hún",
        "það",
        "þau",
    ]
)
#: Letters only some languages write.
_LETTERS = {
    "þ": ("is",),
    "ð": ("is",),
    "æ": ("nb", "da", "is"),
    "ø": ("nb", "da"),
    "å": ("sv", "nb", "da"),
    "ä": ("fi", "sv"),
    "ö": ("fi", "sv", "is"),
    "á": ("is",),
    "é": ("is",),
    "í": ("is",),
    "ó": ("is",),
    "ú": ("is",),
    "ý": ("is",),
}


@lru_cache(maxsize=8)
def _stopwords(code):
    if code == "is":
        return _IS_STOPWORDS
    from whoosh.lang import stopwords_for_language

    return frozenset(stopwords_for_language(SNOWBALL[code]) or ())


@lru_cache(maxsize=10_000)
def word_languages(word):
    """The languages a word's spelling says it may be written in (a frozenset, maybe empty).

    A function word of a language ("och", "og", "fyrir", "the") or a letter only some
    languages write ("þ", "ø", "ä") tells; any other word tells nothing.
    """
    word = word.lower()
    stop = frozenset(code for code in SNOWBALL if code != "nn" and word in _stopwords(code))
    if stop:
        return stop
    letters = [set(_LETTERS[ch]) for ch in set(word) if ch in _LETTERS]
    if not letters:
        return frozenset()
    common = set.intersection(*letters)
    return frozenset(common or set().union(*letters))
