"""The hub's six working languages: the one list every other one is derived from.

The interface speaks them (``settings.LANGUAGES``), content is written in them
(``Language``, the library's and the search page's language facet), the thesaurus and the
taxonomies hold a term in each, and search analyses text in each. Babel is not a
dependency of the hub, so the names are written here once: each language's own name (the
language switcher) and its English name, translated (labels, facets).

Importing this module needs no configured Django (the settings read it first): the
English names are lazy translations.
"""

from __future__ import annotations

from django.db import models
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from . import cldr

#: (code, own name, English name), in the order menus and facets list them.
LANGUAGES = tuple(
    (code, cldr.own_language_name(code), english)
    for code, english in (
        ("en", _("English")),
        ("fi", _("Finnish")),
        ("sv", _("Swedish")),
        ("nb", _("Norwegian")),
        ("da", _("Danish")),
        ("is", _("Icelandic")),
    )
)
#: The codes alone, in the same order.
CODES = tuple(code for code, _own, _english in LANGUAGES)
#: The language of the site's default locale and of untranslated text.
DEFAULT = "en"
#: The languages a translated field has a copy for (``core.translation``): all but English,
#: which the field itself holds.
TRANSLATED = tuple(code for code in CODES if code != DEFAULT)
#: Code → the language's name in itself (``settings.LANGUAGES``, the language switcher).
OWN_NAMES = {code: own for code, own, _english in LANGUAGES}
#: Code → its name in the active language, from CLDR (``language_name``, facets).
NAMES = {code: lazy(cldr.language_name, str)(code) for code in CODES}
#: Code → its English name, translated by the catalogue: the labels of model fields and
#: choices, which migrations record (CLDR's names could change with Babel's data).
LABELS = {code: english for code, _own, english in LANGUAGES}

#: The languages content is written in, as model choices (``Language.FI == "fi"``).
Language = models.TextChoices(
    "Language", [(code.upper(), (code, english)) for code, _own, english in LANGUAGES]
)
Language.__doc__ = "Languages content is written in (and the search engine analyses)."
Language.__module__ = __name__
