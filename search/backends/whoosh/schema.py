"""Field mapping: the Whoosh fields of an index, and values in their index form.

Every indexed model under one root model shares one index. Its fields are named by role:
``m_*`` bookkeeping (primary key, content types, nulls, language, signature), ``s__*``
searchable text, ``a__*`` autocomplete text, ``f__*`` filter fields, ``x__*`` the EXTRAS
hook's keyword fields. Filter values keep their kind (numbers, dates and times as 64-bit
integers), so that ranges and sorting work inside Whoosh.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from modelsearch.index import AutocompleteField, FilterField, RelatedFields, SearchField
from whoosh import fields as wfields
from whoosh.analysis import SpaceSeparatedTokenizer

# Kinds of filter field, by Django internal type.
INT, FLOAT, BOOL, DATE, DATETIME, TIME, STR, MULTI = (
    "int",
    "float",
    "bool",
    "date",
    "datetime",
    "time",
    "str",
    "multi",
)
_KINDS = {
    "AutoField": INT,
    "BigAutoField": INT,
    "SmallAutoField": INT,
    "IntegerField": INT,
    "BigIntegerField": INT,
    "SmallIntegerField": INT,
    "PositiveIntegerField": INT,
    "PositiveBigIntegerField": INT,
    "PositiveSmallIntegerField": INT,
    "FloatField": FLOAT,
    "DecimalField": FLOAT,
    "BooleanField": BOOL,
    "NullBooleanField": BOOL,
    "DateField": DATE,
    "DateTimeField": DATETIME,
    "TimeField": TIME,
}
NUMERIC_KINDS = {INT, FLOAT, BOOL, DATE, DATETIME, TIME}
_EPOCH = datetime.datetime(1970, 1, 1)


def _is_multi(model, field):
    try:
        django_field = field.get_field(model)
    except FieldDoesNotExist:
        return False  # callables and properties are single-valued
    return bool(django_field.many_to_many or django_field.one_to_many)


def _filter_kind(model, field):
    if _is_multi(model, field):
        return MULTI
    return _KINDS.get(field.get_type(model), STR)


# Django types whose values are few: one precision tier is enough for their ranges.
_FEW_VALUES = {"BooleanField", "NullBooleanField", "SmallIntegerField", "PositiveSmallIntegerField"}


def _whoosh_field(kind, few_values=False):
    # Numbers, dates and times are 64-bit integers. Four precision tiers (shift_step=16)
    # instead of Whoosh's sixteen keep ranges fast and indexing four times cheaper.
    # Booleans and small integers (years) get only the full-precision tier
    # (shift_step=0): a range over them is a TermRange over a handful of terms, and
    # each document has one posting instead of four (the upper tiers of small numbers
    # are one term holding every document).
    if kind == MULTI:
        return wfields.KEYWORD(lowercase=False, scorable=False)
    if kind == FLOAT:
        return wfields.NUMERIC(float, bits=64, sortable=True, shift_step=16)
    if kind in (INT, BOOL, TIME, DATE, DATETIME):
        shift_step = 0 if few_values else 16
        return wfields.NUMERIC(int, bits=64, signed=True, sortable=True, shift_step=shift_step)
    return wfields.ID(sortable=True)


def _micros(value):
    delta = value - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def _text_field():
    return wfields.TEXT(analyzer=SpaceSeparatedTokenizer(), phrase=True)


def _autocomplete_field():
    return wfields.TEXT(analyzer=SpaceSeparatedTokenizer(), phrase=False)


def plain(value):
    """A Django value as its index form (numbers for numeric kinds, text otherwise)."""
    if isinstance(value, models.Model):
        return value.pk
    return value


def to_index_value(kind, value):
    value = plain(value)
    if value is None:
        return None
    if kind == INT:
        return int(value)
    if kind == BOOL:
        return 1 if value else 0
    if kind == FLOAT:
        return float(value) if not isinstance(value, Decimal) else float(str(value))
    if kind == DATETIME:
        if isinstance(value, datetime.datetime):
            if timezone.is_aware(value):
                value = timezone.make_naive(value, datetime.UTC)
            return _micros(value)
        if isinstance(value, datetime.date):
            return _micros(datetime.datetime(value.year, value.month, value.day))
        return None
    if kind == DATE:
        if isinstance(value, datetime.date):
            return _micros(datetime.datetime(value.year, value.month, value.day))
        return None
    if kind == TIME:
        if isinstance(value, datetime.time):
            return ((value.hour * 60 + value.minute) * 60 + value.second) * 1_000_000 + (
                value.microsecond
            )
        return None
    return str(value)


def from_index_value(kind, value):
    if value is None:
        return None
    if kind in (DATE, DATETIME):
        moment = _EPOCH + datetime.timedelta(microseconds=int(value))
        if kind == DATE:
            return moment.date()
        return timezone.make_aware(moment, datetime.UTC) if timezone.is_naive(moment) else moment
    if kind == BOOL:
        return bool(value)
    if kind == TIME:
        value = int(value)
        seconds, micro = divmod(value, 1_000_000)
        minutes, second = divmod(seconds, 60)
        hour, minute = divmod(minutes, 60)
        return datetime.time(hour, minute, second, micro)
    return value


class IndexSpec:
    """The Whoosh fields of one index, derived from every indexed model under one root."""

    def __init__(self, root, models_, extra_fields=()):
        self.root = root
        self.models = models_
        self.extra_fields = tuple(extra_fields)
        self.fields = {}  # whoosh name -> whoosh field type
        self.kinds = {}  # filter whoosh name -> kind
        self.boosts = {}  # text whoosh name -> boost
        self.top_level_text = {}  # search field name -> whoosh names it covers
        self.fields["m_pk"] = wfields.ID(stored=True, unique=True, sortable=True)
        self.fields["m_ct"] = wfields.KEYWORD(lowercase=False, scorable=False)
        self.fields["m_nulls"] = wfields.KEYWORD(lowercase=False, scorable=False)
        self.fields["m_lang"] = wfields.ID()
        # What the EXTRAS hook gave and a digest of the whole document, kept so
        # check_index can compare the index with the database.
        self.fields["m_extras"] = wfields.STORED()
        self.fields["m_sig"] = wfields.STORED()
        for name in self.extra_fields:
            self.fields[f"x__{name}"] = wfields.KEYWORD(lowercase=False, scorable=False)
        for model in models_:
            self._walk(model, model.get_search_fields(), "", 1.0, top=True)

    def _walk(self, model, search_fields, prefix, boost, top):
        for field in search_fields:
            if isinstance(field, SearchField):
                name = f"s__{prefix}{field.field_name}"
                self.fields.setdefault(name, _text_field())
                self.boosts.setdefault(name, boost * (field.boost or 1.0))
                if top:
                    self.top_level_text.setdefault(field.field_name, set()).add(name)
            elif isinstance(field, AutocompleteField):
                self.fields.setdefault(f"a__{prefix}{field.field_name}", _autocomplete_field())
            elif isinstance(field, FilterField) and top:
                name = f"f__{field.get_attname(model)}"
                if name not in self.kinds:
                    kind = _filter_kind(model, field)
                    self.kinds[name] = kind
                    few = kind != MULTI and field.get_type(model) in _FEW_VALUES
                    self.fields[name] = _whoosh_field(kind, few_values=few)
            elif isinstance(field, RelatedFields):
                try:
                    related = field.get_field(model).related_model
                except FieldDoesNotExist:
                    continue  # modelsearch's system check reports it
                self._walk(related, field.fields, f"{prefix}{field.field_name}__", boost, False)

    def schema(self):
        return wfields.Schema(**self.fields)

    def text_fields(self, names=None):
        """Whoosh text fields to search, with boosts; ``names`` limits to top-level fields."""
        if names is None:
            chosen = [n for n in self.fields if n.startswith("s__")]
        else:
            chosen = sorted({w for n in names for w in self.top_level_text.get(n, ())})
        return [(n, self.boosts.get(n, 1.0)) for n in chosen]

    def autocomplete_fields(self, names=None):
        chosen = [n for n in self.fields if n.startswith("a__")]
        if names is not None:
            wanted = {f"a__{n}" for n in names} | {f"a__{n}__" for n in names}
            chosen = [n for n in chosen if n in wanted or any(n.startswith(w) for w in wanted)]
        return chosen


def column_text(value):
    """A value read from a sortable column, as text."""
    return value.decode() if isinstance(value, bytes) else str(value)
