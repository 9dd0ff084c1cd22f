"""Documents: what the index holds for one object.

A document has the object's text analysed in its own language (``analysis``), its filter
values in their index form (``schema``), the EXTRAS hook's tokens and a signature of the
whole, which ``check_index`` compares with what the database would give now.
"""

import hashlib

from django.db import models
from modelsearch.index import AutocompleteField, FilterField, RelatedFields, SearchField

from .. import analysis
from ..analysis import object_language
from ..objects import content_types, related_objects, text_of, value_getter, values
from .schema import MULTI, STR, plain, to_index_value


def document_extras(spec, obj, hook):
    """The EXTRAS hook's tokens for ``obj``: {name: sorted tokens} for the declared names."""
    if hook is None or not spec.extra_fields:
        return {}
    given = hook(obj) or {}
    return {name: extra_tokens(given.get(name, ())) for name in spec.extra_fields}


def extra_tokens(values):
    """The EXTRAS hook's values of one name as the index keeps them (sorted, distinct)."""
    return sorted({str(t).replace(" ", "_") for t in values if t not in (None, "")})


def build_document(spec, obj, hook=None, memo=None):
    """The Whoosh document for one object (a dict of field name -> value).

    ``memo``: a dict shared by the documents of one batch, in which the text of related
    objects loaded from the database is kept by primary key (a rebuild meets each
    taxonomy term thousands of times).
    """
    model = type(obj)
    language = object_language(obj)
    doc = {
        "m_pk": str(obj.pk),
        "m_ct": " ".join(content_types(model)),
        "m_lang": language,
    }
    extras = document_extras(spec, obj, hook)
    if extras:
        doc["m_extras"] = extras
        for name, tokens in extras.items():
            if tokens:
                doc[f"x__{name}"] = " ".join(tokens)
    text = {}
    nulls = []
    _collect(
        spec, obj, model.get_search_fields(), "", language, doc, text, nulls, top=True, memo=memo
    )
    for name, parts in text.items():
        doc[name] = " ".join(parts)
    if nulls:
        doc["m_nulls"] = " ".join(nulls)
    doc["m_sig"] = document_signature(doc)
    return doc


def document_signature(doc):
    """A digest of a document's content (everything but the digest itself)."""
    text = repr(sorted((k, str(v)) for k, v in doc.items() if k != "m_sig"))
    return hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()


def _collect(spec, obj, search_fields, prefix, language, doc, text, nulls, top, memo=None):
    model = type(obj)
    for field in search_fields:
        if isinstance(field, SearchField):
            name = f"s__{prefix}{field.field_name}"
            if name in spec.fields:
                # SearchField("summary_en", language="en"): text in a fixed language.
                field_language = field.kwargs.get("language") or language
                value = value_getter(model, field)(obj)
                tokens = analysis.document_tokens(text_of(value), field_language)
                if tokens:
                    text.setdefault(name, []).append(" ".join(tokens))
        elif isinstance(field, AutocompleteField):
            name = f"a__{prefix}{field.field_name}"
            if name in spec.fields:
                words = analysis.words(text_of(value_getter(model, field)(obj)))
                if words:
                    text.setdefault(name, []).append(" ".join(analysis.fold(w) for w in words))
        elif isinstance(field, FilterField) and top:
            attname = field.get_attname(model)
            name = f"f__{attname}"
            kind = spec.kinds.get(name)
            if kind is None:
                continue
            value = value_getter(model, field)(obj)
            if kind == MULTI:
                items = [str(plain(v)) for v in values(value) if v is not None]
                if items:
                    doc[name] = " ".join(items)
                else:
                    nulls.append(attname)
                continue
            converted = to_index_value(kind, value)
            if converted is None or (kind == STR and converted == ""):
                nulls.append(attname)
                if converted == "":
                    doc[name] = converted
            else:
                doc[name] = converted
        elif isinstance(field, RelatedFields):
            related_prefix = f"{prefix}{field.field_name}__"
            for related in related_objects(field, obj):
                if isinstance(related, models.Model):
                    _collect_related(
                        spec, obj, field, related, related_prefix, language, text, memo
                    )


def _collect_related(spec, obj, field, related, prefix, language, text, memo):
    """Add the text of one related object, from ``memo`` when it was seen in the batch.

    Related objects only ever add text (filters count at the top level only), so their
    contribution is a list of (whoosh name, text) that can be replayed. Objects with
    unsaved cluster relations (a revision being published) are never memoised.
    """
    usable = memo is not None and related.pk is not None
    usable = usable and not getattr(obj, "_cluster_related_objects", None)
    if not usable:
        _collect(spec, related, field.fields, prefix, language, {}, text, [], top=False)
        return
    key = (type(related), related.pk, prefix, language, id(field))
    parts = memo.get(key)
    if parts is None:
        found = {}
        _collect(spec, related, field.fields, prefix, language, {}, found, [], top=False)
        parts = memo[key] = [(name, part) for name, values in found.items() for part in values]
    for name, part in parts:
        text.setdefault(name, []).append(part)
