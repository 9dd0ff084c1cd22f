"""Documents: what the PostgreSQL index holds for one object, and how it is written.

An object's text is gathered field by field (``objects``, shared with Whoosh) into
segments of (weight, language, text). Each segment is analysed by PostgreSQL with its
language's text-search configuration (``CONFIGS``) and weighted A to D by the field's
boost; Icelandic, which PostgreSQL cannot stem, is accent-folded here and analysed as
``simple``, as the Whoosh engine does. The segments become one combined vector, so a
search reads one GIN index.
"""

from __future__ import annotations

from django.db import models
from modelsearch.index import AutocompleteField, RelatedFields, SearchField

from .. import analysis
from ..objects import content_types, related_objects, text_of, value_getter

#: PostgreSQL's text-search configuration for each language the analysis knows; None
#: means accent-folded words analysed as ``simple`` (no stemmer).
CONFIGS = {
    "en": "english",
    "fi": "finnish",
    "sv": "swedish",
    "nb": "norwegian",
    "nn": "norwegian",
    "da": "danish",
    "is": None,
}
#: Text beyond this many characters per segment is not indexed (PostgreSQL's vectors
#: are limited to 1 MB; attached documents can be long).
MAX_SEGMENT_CHARS = 400_000


def config_for(language: str) -> str:
    return CONFIGS.get(analysis.normalise_language(language)) or "simple"


def folded_text(text: str) -> str:
    """Words accent-folded (Icelandic), separated by spaces."""
    return " ".join(analysis.fold(word) for word in analysis.words(text))


#: A field's text longer than this (a description, a document's text) is weighted D:
#: it matches, but ranking reads only the short fields (``IndexedDocument.head``).
LONG_TEXT = 600


def weight_for(field, top: bool, text: str = "") -> str:
    """A field's weight: A for the title, B for a boosted field, C for the others, and D
    for long text (which matches but does not rank, see ``LONG_TEXT``)."""
    if len(text) > LONG_TEXT:
        return "D"
    if top and field.field_name == "title":
        return "A"
    if float(getattr(field, "boost", None) or 1.0) >= 2:
        return "B"
    return "C"


class Document:
    """The row of one object: weighted text segments, autocomplete words, extra tokens."""

    def __init__(self, obj, extras=None):
        self.obj = obj
        self.language = analysis.object_language(obj)
        self.segments: dict[tuple[str, str], list[str]] = {}
        self.autocomplete: list[str] = []
        self.tokens = sorted(
            {
                f"{name}:{str(token).replace(' ', '_')}"
                for name, tokens in (extras or {}).items()
                for token in tokens
                if token not in (None, "")
            }
        )
        self._collect(obj, type(obj).get_search_fields(), top=True)

    def _add(self, weight, language, text):
        if text:
            self.segments.setdefault((weight, analysis.normalise_language(language)), []).append(
                text
            )

    def _collect(self, obj, search_fields, top, language=None):
        model = type(obj)
        language = language or self.language
        for field in search_fields:
            if isinstance(field, SearchField):
                field_language = field.kwargs.get("language") or language
                value = text_of(value_getter(model, field)(obj))
                self._add(weight_for(field, top, value), field_language, value)
            elif isinstance(field, AutocompleteField):
                value = text_of(value_getter(model, field)(obj))
                if value:
                    self.autocomplete.append(folded_text(value))
            elif isinstance(field, RelatedFields):
                for related in related_objects(field, obj):
                    if isinstance(related, models.Model):
                        self._collect(related, field.fields, top=False, language=language)

    @classmethod
    def of_fields(cls, obj, names, autocomplete=False):
        """A document of only the named top-level fields (searches with ``fields=``)."""
        document = cls.__new__(cls)
        document.obj = obj
        document.language = analysis.object_language(obj)
        document.segments, document.autocomplete, document.tokens = {}, [], []
        kind = AutocompleteField if autocomplete else SearchField
        fields = [
            f
            for f in type(obj).get_search_fields()
            if isinstance(f, kind) and f.field_name in names
        ]
        document._collect(obj, fields, top=True)
        if autocomplete:
            document.segments = {("D", "is"): document.autocomplete}
        return document

    @property
    def object_pk(self):
        pk = self.obj.pk
        return pk if isinstance(pk, int) else None

    def vector_sql(self):
        """(SQL of the combined weighted vector, params)."""
        parts, params = [], []
        for (weight, language), texts in sorted(self.segments.items()):
            text = " ".join(texts)[:MAX_SEGMENT_CHARS]
            config = CONFIGS.get(language)
            if config is None:
                text, config = folded_text(text), "simple"
            parts.append("setweight(to_tsvector(%s::regconfig, %s), %s)")
            params.extend([config, text, weight])
        if not parts:
            return "''::tsvector", []
        return " || ".join(parts), params

    def row_sql(self, index_key):
        """(SQL of a VALUES row, params) for the upsert of this document."""
        vector, vector_params = self.vector_sql()
        autocomplete = " ".join(self.autocomplete)[:MAX_SEGMENT_CHARS]
        sql = (
            f"(%s, %s, %s, %s::varchar[], %s, {vector}, "
            "to_tsvector('simple'::regconfig, %s), %s::text[], now())"
        )
        params = [
            index_key,
            str(self.obj.pk),
            self.object_pk,
            content_types(type(self.obj)),
            self.language,
            *vector_params,
            autocomplete,
            self.tokens,
        ]
        return sql, params
