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
    """The tokens a text in ``language`` is indexed as, in order (positions matter for phrases)."""
    # The stemmer is looked up once per text: a rebuild stems 4.5 million words.
    stemmer = _stemmer(normalise_language(language))
    return [stemmer(w) for w in words(text)]


@lru_cache(maxsize=10_000)
def query_forms(word):
    """Every form a query word may take in the index, in every language analysed."""
    word = word.lower()
    forms = {stem(word, language) for language in SNOWBALL}
    forms.add(fold(word))
    forms.discard("")
    return frozenset(forms)
