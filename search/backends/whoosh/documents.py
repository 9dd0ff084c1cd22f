"""Documents: what the index holds for one object.

A document has the object's text analysed in its own language (``analysis``), its filter
values in their index form (``schema``), the EXTRAS hook's tokens and a signature of the
whole, which ``check_index`` compares with what the database would give now.
"""

import hashlib

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models.fields.related import RelatedField
from modelsearch.index import AutocompleteField, FilterField, RelatedFields, SearchField

from .. import analysis
from ..analysis import object_language
from .schema import MULTI, STR, plain, to_index_value


def _values(value):
    """Flatten a field value (related managers, lists, StreamField content) into a list."""
    if value is None:
        return []
    if hasattr(value, "all") and callable(value.all):
        value = value.all()
    if isinstance(value, (list, tuple, set, models.QuerySet)) or (
        hasattr(value, "__iter__") and not isinstance(value, (str, bytes, dict))
    ):
        out = []
        for item in value:
            out.extend(_values(item))
        return out
    return [value]


def _text(value):
    return " ".join(str(v) for v in _values(value) if v not in (None, ""))


# (model, id(field)) -> (field, getter); see _value_getter.
_getters = {}


def _value_getter(model, field):
    """A function(obj) giving ``field.get_value(obj)`` for objects of ``model``, cheaper.

    modelsearch's ``get_value`` looks the Django field up and asks the app registry
    whether taggit is installed on every call: 650,000 calls and a tenth of the document
    building time in a 10,000-practice rebuild. The decisions it makes depend only on
    the model and the field, so they are made once here (the same decisions, in the same
    order); callables, properties, tags and reverse relations still go through modelsearch.
    """
    key = (model, id(field))
    entry = _getters.get(key)
    if entry is not None and entry[0] is field:
        return entry[1]
    getter = field.get_value
    try:
        django_field = field.get_field(model)
    except FieldDoesNotExist:
        django_field = None
    if django_field is not None and not _is_tags(django_field):
        read = getattr(django_field, "value_from_object", None)
        searchable = getattr(django_field, "get_searchable_content", None)
        if searchable is None and isinstance(django_field, RelatedField):
            # A foreign key: its value is the target's, which may be searchable content.
            target = django_field
            while isinstance(target, RelatedField):
                target = target.target_field
            searchable = getattr(target, "get_searchable_content", None)
        if read is None:
            pass  # a reverse relation: modelsearch decides
        elif searchable is None:
            getter = read
        else:

            def getter(obj, read=read, searchable=searchable):
                return searchable(read(obj))

    _getters[key] = (field, getter)
    return getter


def _is_tags(django_field):
    if not apps.is_installed("taggit"):
        return False
    from taggit.managers import TaggableManager

    return isinstance(django_field, TaggableManager)


def _pk_order(objects):
    """Related objects in primary-key order (values left as they are).

    An object's document must not depend on the order the database returns its related
    rows in: a prefetch and a plain query differ on PostgreSQL, and the document's
    signature (``check_index --deep``) would then differ between a rebuild and a save.
    Unsaved objects keep their order, after the saved ones.
    """
    if objects and all(isinstance(item, models.Model) for item in objects):
        return sorted(objects, key=lambda item: (item.pk is None, item.pk or 0))
    return objects


def _related_objects(field, obj):
    """The related objects of a ``RelatedFields`` as ``_values(field.get_value(obj))``,
    in primary-key order.

    Taken straight from the prefetch cache when it holds the relation (as a rebuild's
    querysets do): going through the related manager builds a manager and a queryset
    per object and relation. Objects carrying unsaved cluster relations (revisions being
    published) always go through the manager, which knows about those.
    """
    prefetched = getattr(obj, "_prefetched_objects_cache", None)
    if prefetched and not getattr(obj, "_cluster_related_objects", None):
        cached = prefetched.get(field.field_name)
        if cached is not None:
            out = []
            for item in cached:
                out.extend(_values(item))
            return _pk_order(out)
    return _pk_order(_values(field.get_value(obj)))


def _content_types(model):
    types = []
    cls = model
    while cls is not None:
        types.append(cls.indexed_get_content_type())
        cls = cls.indexed_get_parent()
    return types


def document_extras(spec, obj, hook):
    """The EXTRAS hook's tokens for ``obj``: {name: sorted tokens} for the declared names."""
    if hook is None or not spec.extra_fields:
        return {}
    given = hook(obj) or {}
    return {
        name: sorted({str(t).replace(" ", "_") for t in given.get(name, ()) if t not in (None, "")})
        for name in spec.extra_fields
    }


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
        "m_ct": " ".join(_content_types(model)),
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
                value = _value_getter(model, field)(obj)
                tokens = analysis.document_tokens(_text(value), field_language)
                if tokens:
                    text.setdefault(name, []).append(" ".join(tokens))
        elif isinstance(field, AutocompleteField):
            name = f"a__{prefix}{field.field_name}"
            if name in spec.fields:
                words = analysis.words(_text(_value_getter(model, field)(obj)))
                if words:
                    text.setdefault(name, []).append(" ".join(analysis.fold(w) for w in words))
        elif isinstance(field, FilterField) and top:
            attname = field.get_attname(model)
            name = f"f__{attname}"
            kind = spec.kinds.get(name)
            if kind is None:
                continue
            value = _value_getter(model, field)(obj)
            if kind == MULTI:
                items = [str(plain(v)) for v in _values(value) if v is not None]
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
            for related in _related_objects(field, obj):
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
