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


#: The segment of tokens the analysis already made (extra forms, compound parts): indexed
#: as they are, with ``simple``.
AS_IS = "*"


def config_for(language: str) -> str:
    return CONFIGS.get(analysis.normalise_language(language)) or "simple"


def folded_text(text: str) -> str:
    """Words accent-folded (Icelandic), separated by spaces."""
    return " ".join(analysis.fold(word) for word in analysis.words(text))


#: A field's text longer than this (a description, a document's text) is weighted D:
#: it matches, but ranking reads only the short fields (A to C; ``results.FULLY_RANKED``).
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


def extra_tokens(extras) -> list[str]:
    """The EXTRAS hook's {name: values} as the row's sorted ``name:value`` tokens."""
    return sorted(
        {
            f"{name}:{str(token).replace(' ', '_')}"
            for name, tokens in (extras or {}).items()
            for token in tokens
            if token not in (None, "")
        }
    )


class Document:
    """The row of one object: weighted text segments, autocomplete words, extra tokens."""

    def __init__(self, obj, extras=None):
        self.obj = obj
        self.language = analysis.object_language(obj)
        self.segments: dict[tuple[str, str], list[str]] = {}
        self.autocomplete: list[str] = []
        self.tokens = extra_tokens(extras)
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
                # The analysis's extra forms and compound parts (shared with Whoosh):
                # matched, not ranked (weight D), taken as they are (``AS_IS``).
                extras = analysis.extra_index_tokens(analysis.words(value), field_language)
                if extras:
                    self.segments.setdefault(("D", AS_IS), []).append(" ".join(extras))
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

    def _segments(self):
        """[(configuration, text, weight)] of the document's vector, in a fixed order."""
        out = []
        for (weight, language), texts in sorted(self.segments.items()):
            text = " ".join(texts)[:MAX_SEGMENT_CHARS]
            config = CONFIGS.get(language)
            if language == AS_IS:
                config = "simple"
            elif config is None:
                text, config = folded_text(text), "simple"
            out.append((config, text, weight))
        return out

    def vector_sql(self):
        """(SQL of the combined weighted vector, params)."""
        segments = self._segments()
        if not segments:
            return "''::tsvector", []
        parts = ["setweight(to_tsvector(%s::regconfig, %s), %s)"] * len(segments)
        return " || ".join(parts), [value for segment in segments for value in segment]

    #: One document's upsert: its segments go in as three arrays, whatever their number,
    #: so every document is written by the same statement (prepared once, pipelined).
    UPSERT = (
        "INSERT INTO {table} (index, object_id, object_pk, content_types, language, vector, "
        "autocomplete, tokens, updated) VALUES (%s, %s, %s, %s::varchar[], %s, "
        "(SELECT coalesce(search_tsvector_agg(setweight(to_tsvector(c::regconfig, t), "
        "w::\"char\")), ''::tsvector) FROM unnest(%s::text[], %s::text[], %s::text[]) s(c, t, w)), "
        "to_tsvector('simple'::regconfig, %s), %s::text[], now()) "
        "ON CONFLICT (index, object_id) DO UPDATE SET object_pk = EXCLUDED.object_pk, "
        "content_types = EXCLUDED.content_types, language = EXCLUDED.language, "
        "vector = EXCLUDED.vector, autocomplete = EXCLUDED.autocomplete, "
        "tokens = EXCLUDED.tokens, updated = EXCLUDED.updated"
    )

    def upsert_params(self, index_key):
        """The parameters of ``UPSERT`` for this document."""
        segments = self._segments()
        return [
            index_key,
            str(self.obj.pk),
            self.object_pk,
            content_types(type(self.obj)),
            self.language,
            [config for config, _text, _weight in segments],
            [text for _config, text, _weight in segments],
            [weight for _config, _text, weight in segments],
            " ".join(self.autocomplete)[:MAX_SEGMENT_CHARS],
            self.tokens,
        ]
