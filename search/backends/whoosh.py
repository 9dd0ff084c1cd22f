"""A Whoosh search backend for modelsearch (Wagtail's search layer).

Configure it in ``WAGTAILSEARCH_BACKENDS`` (or ``MODELSEARCH_BACKENDS``)::

    {"default": {"BACKEND": "search.backends.whoosh", "PATH": "/var/lib/hub/search-index"}}

Options: ``PATH`` (required: the index directory; it holds pickles, so keep it out of
anything users can upload to), ``WRITE_TIMEOUT`` (seconds a writer waits for the index
lock, default 10), ``QUERY_TIME_LIMIT`` (seconds, default 2), ``QUEUE_WRITES`` (send
deletes to the task worker too; production settings set it), ``REBUILD_PROCS`` (Whoosh
writer processes for ``update_index``, default 2), ``REBUILD_MEMORY_MB`` (posting pool of
each, default 512), ``EXTRAS`` (dotted path of a hook adding filter and facet tokens).

Ranking is BM25F, computed from cached posting lists (``scoring``) rather than Whoosh's
matcher trees, which cost about a second per common word at 10,000 pages.

Layout: one Whoosh index per root model (``wagtailcore_page``, ``home_hubdocument``…).
``PATH/<key>`` is a symbolic link to a generation directory ``PATH/<key>.g<stamp>``; a
rebuild fills a new generation and swaps the link atomically, so searches never see a
half-built index. Writers from any process serialise on Whoosh's lock file; while a
rebuild runs, live writes go to both generations so none is lost.

Text is analysed here, not by Whoosh (see ``analysis``): every object is indexed in its
own language and a query word is expanded to its forms in all six languages.
Filters on the model's own ``FilterField``\\ s run inside Whoosh; filters that cross a
relation (whose semantics a flat index cannot reproduce) are resolved by the database.
Hits are always loaded through the caller's queryset, so the database has the last word.
"""

import contextlib
import datetime
import fcntl
import hashlib
import itertools
import logging
import os
import shutil
import threading
import time
import uuid
from collections import Counter, OrderedDict
from decimal import Decimal

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models.expressions import BaseExpression
from django.db.models.fields.related import RelatedField
from django.db.models.sql.query import Query as SQLQuery
from django.utils import timezone
from django.utils.module_loading import import_string
from modelsearch import query as msq
from modelsearch.backends.base import (
    BaseIndex,
    BaseSearchBackend,
    BaseSearchQueryCompiler,
    BaseSearchResults,
    FilterFieldError,
    get_model_root,
)
from modelsearch.index import (
    AutocompleteField,
    FilterField,
    RelatedFields,
    SearchField,
    get_indexed_models,
)
from whoosh import collectors as wcollectors
from whoosh import fields as wfields
from whoosh import index as windex
from whoosh import query as wq
from whoosh import sorting as wsorting
from whoosh.analysis import SpaceSeparatedTokenizer

from . import analysis
from .facetcount import bitmap_counts, to_bits
from .rebuild import rebuild_writer
from .scoring import Scorer, ranked

logger = logging.getLogger("search.whoosh")

INDEX_NAME = "main"
# Upper bounds that keep any query cheap, whatever a user types.
MAX_QUERY_WORDS = 32
MAX_PREFIX_EXPANSION = 64
MIN_PREFIX_LENGTH = 1
MAX_FUZZY_WORDS = 8
MAX_WRITE_ATTEMPTS = 5

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
_NUMERIC_KINDS = {INT, FLOAT, BOOL, DATE, DATETIME, TIME}
_EPOCH = datetime.datetime(1970, 1, 1)


class SearchIndexError(Exception):
    """The index is missing, damaged or unreadable. The message says what to run."""


class _NeedsDatabase:
    """Marks a filter the index cannot answer exactly; the database answers it instead."""

    def __bool__(self):
        return True


NEEDS_DATABASE = _NeedsDatabase()


class _Filter:
    """A translated filter (Whoosh queries can be falsy; modelsearch drops falsy filters)."""

    __slots__ = ("query",)

    def __init__(self, query):
        self.query = query


# --- Field mapping -------------------------------------------------------------------------


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


def _plain(value):
    """A Django value as its index form (numbers for numeric kinds, text otherwise)."""
    if isinstance(value, models.Model):
        return value.pk
    return value


def _to_index_value(kind, value):
    value = _plain(value)
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


def _from_index_value(kind, value):
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


# --- Documents -----------------------------------------------------------------------------


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


def object_language(obj):
    """The language an object is indexed in: ``get_search_language()``, ``language`` or locale."""
    getter = getattr(obj, "get_search_language", None)
    if callable(getter):
        return analysis.normalise_language(getter())
    language = getattr(obj, "language", None)
    if isinstance(language, str) and language:
        return analysis.normalise_language(language)
    locale = getattr(obj, "locale", None)
    return analysis.normalise_language(getattr(locale, "language_code", None))


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
                tokens = analysis.index_tokens(_text(value), field_language)
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
                items = [str(_plain(v)) for v in _values(value) if v is not None]
                if items:
                    doc[name] = " ".join(items)
                else:
                    nulls.append(attname)
                continue
            converted = _to_index_value(kind, value)
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


# --- Storage: generations, locks, searchers ------------------------------------------------

_local = threading.local()
# Models do not change while a process runs: one spec per root model.
_specs = {}
_index_cache = {}
_index_cache_lock = threading.Lock()


def _open_index(directory):
    with _index_cache_lock:
        ix = _index_cache.get(directory)
        if ix is None:
            ix = windex.open_dir(directory, indexname=INDEX_NAME)
            _index_cache[directory] = ix
        return ix


def _forget(directory=None):
    with _index_cache_lock:
        if directory is None:
            _index_cache.clear()
        else:
            _index_cache.pop(directory, None)
    searchers = getattr(_local, "searchers", {})
    for key in list(searchers):
        if directory is None or key == directory:
            with contextlib.suppress(Exception):
                searchers.pop(key).close()


class WhooshIndex(BaseIndex):
    """One Whoosh index: all objects whose root model is ``root``."""

    def __init__(self, backend, root, directory=None):
        super().__init__(backend)
        self.root = root
        self.name = root._meta.label_lower.replace(".", "_")
        self.base = backend.path
        self.link = os.path.join(self.base, self.name)
        self.marker = os.path.join(self.base, f"{self.name}.building")
        self.journal = os.path.join(self.base, f"{self.name}.journal")
        # During a rebuild: the open writer of the new generation (one segment, one commit).
        self.bulk_writer = None
        # A fixed generation (during a rebuild) or None: follow the link.
        self.directory = directory

    def __repr__(self):
        return f"<WhooshIndex {self.name}>"

    def get_key(self):
        return self.name

    @property
    def spec(self):
        key = (self.root, self.backend.extra_fields)
        spec = _specs.get(key)
        if spec is None:
            members = [m for m in get_indexed_models() if get_model_root(m) is self.root]
            spec = _specs[key] = IndexSpec(self.root, members or [self.root], key[1])
        return spec

    # Directories ------------------------------------------------------------------------

    def current_directory(self):
        """The live generation's directory, or None when there is no index yet."""
        if self.directory:
            return self.directory
        try:
            target = os.readlink(self.link)
        except FileNotFoundError:
            return None
        except OSError:
            # Not a link: an index directory placed there by hand.
            return self.link if os.path.isdir(self.link) else None
        return os.path.join(self.base, target)

    def building_directory(self):
        try:
            with open(self.marker) as marker:
                name = marker.read().strip()
        except FileNotFoundError:
            return None
        path = os.path.join(self.base, name)
        return path if os.path.isdir(path) else None

    def new_generation(self):
        os.makedirs(self.base, mode=0o700, exist_ok=True)
        stamp = time.strftime("%Y%m%d%H%M%S", time.gmtime())
        directory = os.path.join(self.base, f"{self.name}.g{stamp}{uuid.uuid4().hex[:8]}")
        os.makedirs(directory, mode=0o700)
        windex.create_in(directory, self.spec.schema(), indexname=INDEX_NAME)
        return directory

    def swap_in(self, directory):
        """Point the link at ``directory`` atomically and drop generations no reader needs."""
        temporary = os.path.join(self.base, f".{self.name}.link-{uuid.uuid4().hex[:8]}")
        os.symlink(os.path.basename(directory), temporary)
        previous = self.current_directory() if not self.directory else None
        if os.path.isdir(self.link) and not os.path.islink(self.link):
            shutil.rmtree(self.link)
        os.replace(temporary, self.link)
        _forget()
        self._clean_generations(keep={directory, previous})

    def _clean_generations(self, keep):
        building = self.building_directory()
        prefix = f"{self.name}.g"
        for entry in os.listdir(self.base):
            path = os.path.join(self.base, entry)
            if entry.startswith(prefix) and path not in keep and path != building:
                # Searchers still open on it keep their open files; new ones use the link.
                shutil.rmtree(path, ignore_errors=True)

    def ensure(self):
        """The live directory, creating an empty index if there is none."""
        directory = self.current_directory()
        if directory and windex.exists_in(directory, indexname=INDEX_NAME):
            return directory
        with self.backend.admin_lock(self.name):
            directory = self.current_directory()
            if directory and windex.exists_in(directory, indexname=INDEX_NAME):
                return directory
            logger.warning("Search index %s was missing; created an empty one.", self.name)
            directory = self.new_generation()
            self.swap_in(directory)
            return directory

    # Writing ----------------------------------------------------------------------------

    def _write_targets(self):
        if self.directory:
            return [self.directory]
        return [self.ensure()]

    def _journal(self, lines):
        """While a rebuild runs, note live writes: it replays them into the new generation.

        A marker left by a rebuild that died (its lock is free) is cleared instead.
        """
        if self.directory or not os.path.exists(self.marker):
            return
        if self.backend.rebuild_is_running(self.name):
            with open(self.journal, "a") as journal:  # O_APPEND: whole lines, any process
                journal.write("".join(lines))
        else:
            for path in (self.marker, self.journal):
                with contextlib.suppress(FileNotFoundError):
                    os.remove(path)

    @contextlib.contextmanager
    def writer(self, directory):
        ix = windex.open_dir(directory, indexname=INDEX_NAME)
        writer = ix.writer(timeout=self.backend.write_timeout, delay=0.05)
        try:
            for name, fieldtype in self.spec.fields.items():
                if name not in writer.schema:
                    writer.add_field(name, fieldtype)
            yield writer
        except BaseException:
            writer.cancel()
            raise
        else:
            writer.commit()

    def add_model(self, model):
        # The schema covers every indexed model under the root already.
        pass

    def add_items(self, model, items):
        items = list(items)
        if not items:
            return
        spec = self.spec
        hook = self.backend.extras_hook
        bulk = getattr(hook, "bulk", None)
        memo = {}
        if bulk is not None and len(items) > 1:
            # One set of queries for the whole batch (a rebuild adds 1,000 at a time).
            given = bulk(items)
            documents = [
                build_document(spec, item, lambda _obj, extras=extras: extras, memo)
                for item, extras in zip(items, given, strict=True)
            ]
        else:
            documents = [build_document(spec, item, hook, memo) for item in items]
        if self.bulk_writer is not None:
            for document in documents:
                self.bulk_writer.add_document(**document)
            return
        self._journal([f"a {type(item)._meta.label} {item.pk}\n" for item in items])
        for directory in self._write_targets():
            with self.writer(directory) as writer:
                for document in documents:
                    writer.update_document(**document)

    def delete_item(self, item):
        self.delete_pks([item.pk])

    def delete_pks(self, pks):
        self._journal([f"d - {pk}\n" for pk in pks])
        for directory in self._write_targets():
            with self.writer(directory) as writer:
                for pk in pks:
                    writer.delete_by_term("m_pk", str(pk))

    def refresh(self):
        _forget(self.current_directory())

    def reset(self):
        with self.backend.admin_lock(self.name):
            self.swap_in(self.new_generation())

    # Reading ----------------------------------------------------------------------------

    def searcher(self):
        """This thread's searcher on the live generation, refreshed if the index changed."""
        directory = self.current_directory()
        if not directory or not windex.exists_in(directory, indexname=INDEX_NAME):
            raise SearchIndexError(
                f"The search index {self.name!r} has not been built. "
                "Run `manage.py update_index` to build it."
            )
        searchers = _local.__dict__.setdefault("searchers", {})
        searcher = searchers.get(directory)
        if searcher is not None and not searcher.up_to_date():
            # Not Searcher.refresh(): it reuses segment readers across a merge and can
            # then return one document twice. A new searcher costs a few milliseconds.
            with contextlib.suppress(Exception):
                searcher.close()
            searcher = None
        if searcher is None:
            searcher = _open_index(directory).searcher()
            searchers[directory] = searcher
        return searcher

    def read(self, function):
        """Run ``function(searcher)``; on a read error reopen the index and retry once."""
        try:
            return function(self.searcher())
        except SearchIndexError:
            raise
        except Exception as first:  # any read failure gets one retry
            logger.warning("Search index %s read failed (%r); reopening.", self.name, first)
            _forget()
            try:
                return function(self.searcher())
            except SearchIndexError:
                raise
            except Exception as error:
                raise SearchIndexError(
                    f"The search index {self.name!r} cannot be read ({error}). "
                    "Run `manage.py update_index` to rebuild it."
                ) from error

    def stored_documents(self):
        """{pk: stored fields} of every document: what check_index compares."""

        def collect(searcher):
            return {fields["m_pk"]: fields for fields in searcher.reader().all_stored_fields()}

        return self.read(collect)


class WhooshRebuilder:
    """Builds a new generation beside the live one and swaps it in when complete.

    The new generation is written by one writer and committed once: one segment, no
    merging. Live writes meanwhile go to the current generation and a journal; the
    journal is replayed into the new generation before the swap and once more after it.
    """

    def __init__(self, index):
        self.index = index
        self.directory = None
        self._lock = None
        self._writer = None
        self._journal_offset = 0

    def start(self):
        index = self.index
        self._lock = index.backend.admin_lock(index.name, blocking=False)
        self._lock.__enter__()
        with contextlib.suppress(FileNotFoundError):
            os.remove(index.journal)
        self.directory = index.new_generation()
        temporary = f"{index.marker}.{uuid.uuid4().hex[:8]}"
        with open(temporary, "w") as marker:
            marker.write(os.path.basename(self.directory))
        os.replace(temporary, index.marker)
        ix = windex.open_dir(self.directory, indexname=INDEX_NAME)
        # Whoosh's own indexing runs in worker processes (one segment each, not merged);
        # this process builds the documents.
        procs = max(1, min(index.backend.rebuild_procs, os.cpu_count() or 1))
        memory = index.backend.rebuild_memory_mb
        self._writer = rebuild_writer(ix, procs=procs, limitmb=memory)
        target = WhooshIndex(index.backend, index.root, directory=self.directory)
        target.bulk_writer = self._writer
        return target

    def finish(self):
        index = self.index
        try:
            self._writer.commit(merge=False)
            self._writer = None
            self._replay()
            index.swap_in(self.directory)
            self._replay()
        finally:
            if self._writer is not None:
                self._writer.cancel()
            for path in (index.marker, index.journal):
                with contextlib.suppress(FileNotFoundError):
                    os.remove(path)
            self._lock.__exit__(None, None, None)

    def _replay(self):
        """Apply journal lines written since the last replay to the new generation."""
        from django.apps import apps

        try:
            with open(self.index.journal) as journal:
                journal.seek(self._journal_offset)
                lines = journal.readlines()
                self._journal_offset = journal.tell()
        except FileNotFoundError:
            return
        adds, deletes = {}, []
        for line in lines:
            parts = line.split()
            if len(parts) != 3:
                continue
            op, label, pk = parts
            if op == "a":
                adds.setdefault(label, []).append(pk)
            elif op == "d":
                deletes.append(pk)
        target = WhooshIndex(self.index.backend, self.index.root, directory=self.directory)
        if deletes:
            target.delete_pks(deletes)
        for label, pks in adds.items():
            model = apps.get_model(label)
            objects = []
            for obj in model._default_manager.filter(pk__in=pks):
                instance = obj.get_indexed_instance()
                if instance is not None:
                    objects.append(instance)
            found = {str(obj.pk) for obj in objects}
            target.add_items(model, objects)
            gone = [pk for pk in pks if pk not in found]
            if gone:
                target.delete_pks(gone)


# --- Queries -------------------------------------------------------------------------------


NULL = wq.NullQuery


def _is_null(query):
    return query is NULL


def _boosted(query, boost):
    # Whoosh drops the boost of a one-child Or when normalising: boost the query itself.
    if _is_null(query) or boost == 1:
        return query
    return query.with_boost(getattr(query, "boost", 1.0) * float(boost))


def _word_forms(word):
    return sorted(analysis.query_forms(word))


def _or(queries):
    queries = [q for q in queries if not _is_null(q)]
    if not queries:
        return wq.NullQuery
    if len(queries) == 1:
        return queries[0]
    return wq.Or(queries)


def _and(queries):
    if any(_is_null(q) for q in queries):
        return wq.NullQuery
    queries = [q for q in queries if not isinstance(q, wq.Every)] or queries[:1]
    if len(queries) == 1:
        return queries[0]
    return wq.And(queries)


class _TermProbe:
    """``(field, text) in probe``: whether the index holds a term, memoised per searcher."""

    def __init__(self, searcher):
        self.reader = searcher.reader()
        self.known = searcher.__dict__.setdefault("_hub_known_terms", {})

    def __contains__(self, term):
        found = self.known.get(term)
        if found is None:
            if len(self.known) > 200_000:
                self.known.clear()
            found = self.known[term] = term in self.reader
        return found

    def expand_prefix(self, fieldname, prefix):
        return self.reader.expand_prefix(fieldname, prefix)


class WhooshSearchQueryCompiler(BaseSearchQueryCompiler):
    """Turns a modelsearch query and queryset into Whoosh queries (never Whoosh's parser)."""

    HANDLES_ORDER_BY_EXPRESSIONS = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.model = self.queryset.model

    # Filters ----------------------------------------------------------------------------

    def _process_lookup(self, field_path, lookup, value):
        if len(field_path) != 1:
            return NEEDS_DATABASE
        field = field_path[0]
        name = f"f__{field.get_attname(self.model)}"
        kind = self.spec.kinds.get(name)
        if kind is None:
            return NEEDS_DATABASE
        if isinstance(value, (SQLQuery, BaseExpression)) or hasattr(value, "resolve_expression"):
            return NEEDS_DATABASE
        query = self._lookup_query(name, kind, lookup, value)
        return NEEDS_DATABASE if query is None else _Filter(query)

    def _lookup_query(self, name, kind, lookup, value):
        attname = name[3:]
        if lookup == "isnull":
            nulls = wq.Term("m_nulls", attname)
            return nulls if value else wq.AndNot(wq.Every(), nulls)
        if lookup == "exact":
            if value is None:
                return wq.Term("m_nulls", attname)
            return self._equals(name, kind, value)
        if lookup == "in":
            values = list(value)
            if not values:
                return wq.NullQuery
            return _or([self._equals(name, kind, v) for v in values])
        if kind == MULTI:
            return None
        if lookup in ("lt", "lte", "gt", "gte", "range"):
            if lookup == "range":
                low, high = (_to_index_value(kind, v) for v in value)
                if low is None or high is None:
                    return None
                return self._range(name, kind, low, high, False, False)
            bound = _to_index_value(kind, value)
            if bound is None:
                return None
            if lookup in ("lt", "lte"):
                return self._range(name, kind, None, bound, False, lookup == "lt")
            return self._range(name, kind, bound, None, lookup == "gt", False)
        if lookup == "startswith" and kind == STR:
            return wq.Prefix(name, str(value))
        return None

    def _equals(self, name, kind, value):
        if kind == MULTI:
            return wq.Term(name, str(_plain(value)))
        converted = _to_index_value(kind, value)
        if converted is None:
            return wq.NullQuery
        if kind in _NUMERIC_KINDS:
            return self._range(name, kind, converted, converted, False, False)
        return wq.Term(name, converted)

    def _range(self, name, kind, low, high, startexcl, endexcl):
        if kind in _NUMERIC_KINDS:
            return wq.NumericRange(name, low, high, startexcl=startexcl, endexcl=endexcl)
        return wq.TermRange(name, low, high, startexcl=startexcl, endexcl=endexcl)

    def _process_match_none(self):
        return _Filter(wq.NullQuery)

    def _connect_filters(self, filters, connector, negated):
        if any(f is NEEDS_DATABASE for f in filters):
            return NEEDS_DATABASE
        queries = [f.query for f in filters]
        if not queries:
            query = wq.Every()
        elif connector == "AND":
            query = _and(queries)
        else:
            query = _or(queries)
        if negated:
            query = wq.NullQuery if isinstance(query, wq.Every) else wq.AndNot(wq.Every(), query)
        return _Filter(query)

    @property
    def spec(self):
        return self.index.spec

    def bind(self, index):
        self.index = index
        return self

    def filter_query(self):
        """The content-type and queryset filters: a Whoosh query, or NEEDS_DATABASE."""
        translated = self._get_filters_from_queryset()
        content_type = wq.Term("m_ct", self.model.indexed_get_content_type())
        if translated is NEEDS_DATABASE:
            return NEEDS_DATABASE
        if translated is None:
            return wq.And([content_type])
        if translated.query is NULL:
            return wq.NullQuery
        return wq.And([content_type, translated.query])

    # Search terms -----------------------------------------------------------------------

    def text_query(self, searcher):
        """The compiled query for this searcher (compiled once per searcher)."""
        cached = getattr(self, "_compiled", None)
        if cached is not None and cached[0] is searcher:
            return cached[1]
        reader = _TermProbe(searcher)
        compiled = self._compile(self.query, reader)
        self._compiled = (searcher, compiled)
        return compiled

    def _compile(self, query, reader):
        if isinstance(query, msq.MatchAll):
            return wq.Every()
        if isinstance(query, msq.Not):
            inner = self._compile(query.subquery, reader)
            if isinstance(inner, wq.Every):
                return wq.NullQuery
            if inner is NULL:
                return wq.Every()
            return wq.AndNot(wq.Every(), inner)
        if isinstance(query, msq.And):
            return _and([self._compile(q, reader) for q in query.subqueries])
        if isinstance(query, msq.Or):
            parts = [self._compile(q, reader) for q in query.subqueries]
            if any(isinstance(p, wq.Every) for p in parts):
                return _or(parts) if len(parts) > 1 else wq.Every()
            return _or(parts)
        if isinstance(query, msq.Boost):
            inner = self._compile(query.subquery, reader)
            if inner is NULL:
                return inner
            return _boosted(inner, query.boost)
        if isinstance(query, msq.PlainText):
            return self._plain_text(query, reader)
        if isinstance(query, msq.Phrase):
            return self._phrase(query.query_string, reader)
        if isinstance(query, msq.Fuzzy):
            return self._fuzzy(query)
        raise NotImplementedError(f"{type(query).__name__} is not supported by the Whoosh backend.")

    def _fields(self):
        return self.spec.text_fields(self.fields)

    def _word_query(self, word, reader):
        # Only terms the index holds: a word has up to seven forms and a page index twenty
        # text fields, and matchers for absent terms would dominate the search time.
        forms = _word_forms(word)
        return _or(
            [
                wq.Term(name, form, boost=boost)
                for name, boost in self._fields()
                for form in forms
                if reader is None or (name, form) in reader
            ]
        )

    def _plain_text(self, query, reader):
        words = analysis.words(query.query_string)[:MAX_QUERY_WORDS]
        if not words:
            return wq.NullQuery
        parts = [self._word_query(word, reader) for word in words]
        compiled = _and(parts) if query.operator == "and" else _or(parts)
        return _boosted(compiled, query.boost)

    def _phrase(self, text, reader=None):
        words = analysis.words(text)[:MAX_QUERY_WORDS]
        if not words:
            return wq.NullQuery
        if len(words) == 1:
            return self._word_query(words[0], reader)
        per_field = []
        for name, boost in self._fields():
            positions = []
            for word in words:
                terms = [
                    wq.Term(name, form)
                    for form in _word_forms(word)
                    if reader is None or (name, form) in reader
                ]
                if not terms:
                    break  # a word absent from this field: no phrase here
                positions.append(_or(terms))
            else:
                per_field.append(wq.Sequence(positions, boost=boost))
        return _or(per_field)

    def _fuzzy(self, query):
        words = analysis.words(query.query_string)[:MAX_FUZZY_WORDS]
        fields = self.spec.autocomplete_fields() or [n for n, _ in self._fields()]
        parts = []
        for word in words:
            folded = analysis.fold(word)
            distance = 1 if len(folded) < 6 else 2
            parts.append(
                _or([wq.FuzzyTerm(f, folded, maxdist=distance, prefixlength=1) for f in fields])
            )
        if not parts:
            return wq.NullQuery
        return _and(parts) if query.operator == "and" else _or(parts)

    # Ordering ---------------------------------------------------------------------------

    def sorting(self):
        """``(facet, None)`` to sort in Whoosh, ``(None, ordering)`` to sort in the database."""
        if self.order_by_relevance:
            return None, None
        ordering = list(self.queryset.query.order_by)
        if not ordering and self.queryset.query.default_ordering:
            ordering = list(self.model._meta.ordering)
        if not ordering:
            ordering = ["-pk"]
        facets = []
        for item in ordering:
            if not isinstance(item, str):
                return None, ordering
            reverse = item.startswith("-")
            name = item.lstrip("-")
            if name == "pk":
                name = self.model._meta.pk.attname
            field = self._get_filterable_field(name)
            whoosh_name = f"f__{field.get_attname(self.model)}" if field else None
            if whoosh_name not in self.spec.kinds or self.spec.kinds[whoosh_name] == MULTI:
                return None, ordering
            facets.append(wsorting.FieldFacet(whoosh_name, reverse=reverse))
        return wsorting.MultiFacet(facets), None


class WhooshAutocompleteQueryCompiler(WhooshSearchQueryCompiler):
    """Prefix matching on AutocompleteFields, without stemming."""

    def _plain_text(self, query, reader):
        words = [analysis.fold(w) for w in analysis.words(query.query_string)][:MAX_QUERY_WORDS]
        words = [w for w in words if len(w) >= MIN_PREFIX_LENGTH]
        fields = self.spec.autocomplete_fields(self.fields)
        if not words or not fields:
            return wq.NullQuery
        parts = []
        for word in words:
            terms = []
            for field in fields:
                expanded = itertools.islice(reader.expand_prefix(field, word), MAX_PREFIX_EXPANSION)
                terms.extend(
                    wq.Term(field, t.decode() if isinstance(t, bytes) else t) for t in expanded
                )
            parts.append(_or(terms))
        return _and(parts) if query.operator == "and" else _or(parts)

    def _phrase(self, text, reader=None):
        return self._plain_text(msq.PlainText(text), reader)


class _DeadlineFilterCollector(wcollectors.FilterCollector):
    """Keeps only documents the restriction allows, and stops at a deadline.

    Whoosh's TimeLimitCollector cannot wrap a FilterCollector (it bypasses the filtering)
    and its alarm signal only works in the main thread, so both jobs are done here.
    """

    CHECK_EVERY = 256

    def __init__(self, child, allow, deadline):
        super().__init__(child, allow=allow)
        self.deadline = deadline

    def collect_matches(self):
        child = self.child
        allow = self._allow
        for seen, sub_docnum in enumerate(child.matches()):
            if not seen % self.CHECK_EVERY and time.monotonic() > self.deadline:
                raise wcollectors.TimeLimit
            if allow is not None and self.offset + sub_docnum not in allow:
                continue
            child.collect(sub_docnum)


# --- Results -------------------------------------------------------------------------------


class WhooshSearchResults(BaseSearchResults):
    supports_facet = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.timed_out = False
        self._extra_filters = ()
        #: Milliseconds the last faceted_page spent counting facets.
        self.facet_ms = 0.0

    def _clone(self):
        new = super()._clone()
        new.timed_out = self.timed_out
        new._extra_filters = self._extra_filters
        return new

    def filter_extra(self, name, tokens, exclude=False):
        """Keep documents whose EXTRAS ``name`` has any of ``tokens`` (or none, if exclude).

        Args:
            name: a name listed in the backend's EXTRA_FIELDS.
            tokens: the tokens to match.
            exclude: drop the documents that match instead of keeping them.

        Returns:
            A new results object.
        """
        if name not in self.backend.extra_fields:
            raise FilterFieldError(f"{name!r} is not one of the backend's EXTRA_FIELDS.")
        clone = self._clone()
        clone._extra_filters = (*self._extra_filters, (name, tuple(tokens), exclude))
        return clone

    def _extra_query(self):
        """The extra filters as (keep query or None, drop query or None)."""
        keep, drop = [], []
        for name, tokens, exclude in self._extra_filters:
            terms = [wq.Term(f"x__{name}", str(t).replace(" ", "_")) for t in tokens]
            if exclude:
                drop.extend(terms)
            else:
                keep.append(_or(terms))
        keep_query = _and(keep) if keep else None
        return keep_query, (_or(drop) if drop else None)

    @property
    def index(self):
        return self.backend.get_index_for_model(self.query_compiler.model)

    def _restriction(self, searcher):
        """(filter for Whoosh, or None when nothing can match)."""
        compiler = self.query_compiler.bind(self.index)
        flt = compiler.filter_query()
        if flt is NULL:
            return None
        keep, drop = self._extra_query()
        if keep is not None and _is_null(keep):
            return None
        if flt is NEEDS_DATABASE:
            allowed = {str(pk) for pk in compiler.queryset.order_by().values_list("pk", flat=True)}
            if not allowed:
                return None
            base = wq.Term("m_ct", compiler.model.indexed_get_content_type())
            if keep is not None:
                base = _and([base, keep])
            if drop is not None:
                base = wq.AndNot(base, drop)
            column = searcher.reader().column_reader("m_pk")
            docs = {d for d in _filter_docs(searcher, base) if _column_text(column[d]) in allowed}
            return docs or None
        if keep is not None:
            flt = _and([flt, keep])
        if drop is not None:
            flt = wq.AndNot(flt, drop)
        return _filter_docs(searcher, flt) or None

    def _prepared(self, searcher):
        """(compiled text query, allowed docnums), or None when nothing can match."""
        restriction = self._restriction(searcher)
        if restriction is None:
            return None
        query = self.query_compiler.bind(self.index).text_query(searcher)
        if query is NULL:
            return None
        return query, restriction

    def _timed_out(self, query):
        self.timed_out = True
        logger.warning("Search timed out after %ss: %.300r", self.backend.query_time_limit, query)

    def _collect(self, searcher, limit, scored=True, sortedby=None):
        prepared = self._prepared(searcher)
        if prepared is None:
            return None
        query, restriction = prepared
        base = searcher.collector(limit=limit, sortedby=sortedby, scored=scored)
        collector = _DeadlineFilterCollector(
            # Whoosh takes a set, not the cached frozenset.
            base,
            set(restriction),
            time.monotonic() + self.backend.query_time_limit,
        )
        try:
            searcher.search_with_collector(query, collector)
        except wcollectors.TimeLimit:
            self._timed_out(query)
        return collector.results()

    def _scores(self, searcher):
        """({docnum: score} of the text query, allowed docnums), or None if nothing matches.

        Scored from whole posting lists (``scoring.Scorer``): the same BM25F scores as
        Whoosh's matchers at a fraction of their cost.
        """
        prepared = self._prepared(searcher)
        if prepared is None:
            return None
        query, restriction = prepared
        deadline = time.monotonic() + self.backend.query_time_limit
        try:
            return Scorer(searcher, deadline).scores(query), restriction
        except wcollectors.TimeLimit:
            self._timed_out(query)
            return None

    def _matched_docs(self, searcher):
        """Every docnum matching the query and the filters (a set)."""
        found = self._scores(searcher)
        if found is None:
            return set()
        scores, restriction = found
        return restriction.intersection(scores)

    def _hits(self):
        """[(pk text, score)] for the current slice, in order."""
        compiler = self.query_compiler.bind(self.index)
        facet, db_ordering = compiler.sorting()
        stop = self.stop

        def run(searcher):
            if db_ordering is not None:
                reader = searcher.reader()
                return [
                    (reader.stored_fields(d)["m_pk"], None) for d in self._matched_docs(searcher)
                ]
            limit = stop if stop else None
            if facet is None:
                found = self._scores(searcher)
                if found is None:
                    return []
                reader = searcher.reader()
                top = ranked(found[0], found[1], limit)[self.start : stop]
                return [(reader.stored_fields(d)["m_pk"], score) for score, d in top]
            results = self._collect(searcher, limit, sortedby=facet)
            if results is None:
                return []
            hits = [(hit["m_pk"], hit.score) for hit in results]
            return hits[self.start : stop]

        hits = self.index.read(run)
        if db_ordering is not None:
            pks = [pk for pk, _ in hits]
            queryset = compiler.queryset.filter(pk__in=pks).order_by(*db_ordering)
            objects = list(queryset[self.start : stop])
            return objects, {}
        return hits, None

    def _do_search(self):
        hits, extra = self._hits()
        if extra is not None:
            return hits
        return self._load(hits)

    def _load(self, hits):
        """Objects for [(pk, score)], in order, through the caller's queryset."""
        if not hits:
            return []
        pks = [pk for pk, _ in hits]
        queryset = self.query_compiler.queryset.filter(pk__in=pks)
        if self.prefetch_related:
            queryset = queryset.prefetch_related(*self.prefetch_related)
        by_pk = {str(obj.pk): obj for obj in queryset}
        results = []
        for pk, score in hits:
            obj = by_pk.get(pk)
            if obj is None:
                continue  # stale hit or filtered out by the database: the database decides
            if self._score_field:
                setattr(obj, self._score_field, float(score or 0.0))
            results.append(obj)
        return results

    def faceted_page(self, selected, start, stop):
        """One pass for a results page: facet counts, total and the hits of one page.

        Args:
            selected: {EXTRAS name: tokens chosen}, combined as in ``extra_facets``.
            start, stop: the slice of the ranked matches to load.

        Returns:
            (objects of the slice, {name: Counter}, total matching every selection).
        """
        names = [n for n in self.backend.extra_fields if n != "view"]

        def run(searcher):
            found = self._scores(searcher)
            if found is None:
                return [], {}, 0
            scores, restriction = found
            base = restriction.intersection(scores)
            started = time.perf_counter()
            postings = {name: _token_postings(searcher, name) for name in names}
            bitmaps = {name: _token_bitmaps(searcher, name) for name in names}
            counts, matched = bitmap_counts(base, postings, bitmaps, selected)
            self.facet_ms = (time.perf_counter() - started) * 1000
            kept = ranked(scores, matched, stop)[start:stop]
            reader = searcher.reader()
            hits = [(reader.stored_fields(d)["m_pk"], score) for score, d in kept]
            return hits, counts, len(matched)

        hits, counts, total = self.index.read(run)
        return self._load(hits), counts, total

    def _do_count(self):
        def run(searcher):
            return len(self._matched_docs(searcher))

        total = self.index.read(run)
        stop = total if self.stop is None else min(total, self.stop)
        return max(0, stop - self.start)

    def matched_pks(self):
        """Every matching primary key (as text), ignoring slicing: for counts per page type."""

        def run(searcher):
            reader = searcher.reader()
            return [reader.stored_fields(d)["m_pk"] for d in sorted(self._matched_docs(searcher))]

        return self.index.read(run)

    def facet(self, field_name):
        compiler = self.query_compiler.bind(self.index)
        field = compiler._get_filterable_field(field_name)
        if field is None:
            raise FilterFieldError(
                f'Cannot facet search results with field "{field_name}". Please add '
                f'index.FilterField("{field_name}") to {compiler.model.__name__}.search_fields.',
                field_name=field_name,
            )
        attname = field.get_attname(compiler.model)
        name = f"f__{attname}"
        kind = compiler.spec.kinds.get(name)

        def run(searcher):
            docs = self._matched_docs(searcher)
            reader = searcher.reader()
            counts = Counter()
            if kind is None:
                return counts
            if kind == MULTI:
                covered = set()
                for term in reader.lexicon(name):
                    text = term.decode() if isinstance(term, bytes) else term
                    ids = set(reader.postings(name, term).all_ids()) & docs
                    if ids:
                        counts[text] = len(ids)
                        covered |= ids
                missing = len(docs - covered)
            else:
                nulls = set()
                if reader.doc_frequency("m_nulls", attname):
                    nulls = set(reader.postings("m_nulls", attname).all_ids())
                column = reader.column_reader(name, translate=True)
                for d in docs - nulls:
                    counts[column[d]] += 1
                missing = len(docs & nulls)
            if missing:
                counts[None] = missing
            return counts

        counts = self.index.read(run)
        converted = Counter()
        target = _facet_converter(compiler.model, field, kind)
        for key, value in counts.items():
            converted[None if key is None else target(key)] += value
        return OrderedDict(sorted(converted.items(), key=lambda kv: (-kv[1], str(kv[0]))))

    def extra_facets(self, selected):
        """Disjunctive counts of every EXTRAS facet, and the documents matching them all.

        Args:
            selected: {name: tokens chosen} for names in EXTRA_FIELDS.

        Returns:
            ({name: Counter(token -> count)}, number of documents matching every selection).
        """
        names = [n for n in self.backend.extra_fields if n != "view"]

        def run(searcher):
            base = self._matched_docs(searcher)
            postings = {name: _token_postings(searcher, name) for name in names}
            bitmaps = {name: _token_bitmaps(searcher, name) for name in names}
            counts, matched = bitmap_counts(base, postings, bitmaps, selected)
            return counts, len(matched)

        return self.index.read(run)

    def extra_facet(self, name):
        """Counts per token of EXTRAS ``name`` over all matches (slicing ignored)."""
        if name not in self.backend.extra_fields:
            raise FilterFieldError(f"{name!r} is not one of the backend's EXTRA_FIELDS.")
        field = f"x__{name}"

        def run(searcher):
            counts = Counter()
            docs = self._matched_docs(searcher)
            reader = searcher.reader()
            if not docs or field not in reader.schema:
                return counts
            for term in reader.lexicon(field):
                hits = sum(1 for d in reader.postings(field, term).all_ids() if d in docs)
                if hits:
                    counts[term.decode() if isinstance(term, bytes) else term] = hits
            return counts

        counts = self.index.read(run)
        return OrderedDict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _filter_docs(searcher, query):
    """The documents a filter query allows, as a set cached for the searcher's lifetime.

    Filters repeat (every anonymous visitor has the same view filter): each is turned
    into a set once per index version, from cached posting lists.
    """
    return Scorer(searcher).docs(query)


def _token_postings(searcher, name):
    """{token: set of docnums} of one EXTRAS field, cached for the searcher's lifetime."""
    cache = searcher.__dict__.setdefault("_hub_token_postings", {})
    postings = cache.get(name)
    if postings is None:
        reader = searcher.reader()
        field = f"x__{name}"
        postings = {}
        if field in reader.schema:
            for term in reader.lexicon(field):
                text = term.decode() if isinstance(term, bytes) else term
                postings[text] = set(reader.postings(field, term).all_ids())
        cache[name] = postings
    return postings


def _token_bitmaps(searcher, name):
    """{token: bitmap of docnums} of one EXTRAS field, cached for the searcher's lifetime."""
    cache = searcher.__dict__.setdefault("_hub_token_bitmaps", {})
    bitmaps = cache.get(name)
    if bitmaps is None:
        postings = _token_postings(searcher, name)
        bitmaps = cache[name] = {token: to_bits(ids) for token, ids in postings.items()}
    return bitmaps


def _column_text(value):
    return value.decode() if isinstance(value, bytes) else str(value)


def _facet_converter(model, field, kind):
    if kind == MULTI:
        related = field.get_field(model).related_model
        return related._meta.pk.to_python
    if kind in (DATE, DATETIME, BOOL, TIME):
        return lambda v: _from_index_value(kind, v)
    if kind == STR:
        return _column_text
    return lambda v: v


# --- Backend -------------------------------------------------------------------------------


class WhooshSearchBackend(BaseSearchBackend):
    query_compiler_class = WhooshSearchQueryCompiler
    autocomplete_query_compiler_class = WhooshAutocompleteQueryCompiler
    results_class = WhooshSearchResults
    rebuilder_class = WhooshRebuilder
    # A failed index write must never lose the editor's save: log it, let check_index repair.
    catch_indexing_errors = True

    def __init__(self, params):
        super().__init__(params)
        path = params.get("PATH")
        if not path:
            raise ValueError("The Whoosh search backend needs a PATH (its index directory).")
        self.path = os.path.abspath(str(path))
        self.write_timeout = float(params.get("WRITE_TIMEOUT", 10))
        self.query_time_limit = float(params.get("QUERY_TIME_LIMIT", 2))
        self.queue_writes = bool(params.get("QUEUE_WRITES", False))
        self.rebuild_procs = int(params.get("REBUILD_PROCS", 2))
        # Memory for each rebuild writer's posting pool: above it Whoosh sorts on disk,
        # pickling every posting twice (14 % of a profiled 10,000-page rebuild at 256 MB).
        self.rebuild_memory_mb = int(params.get("REBUILD_MEMORY_MB", 512))
        # EXTRAS: dotted path of a callable(obj) -> {name: [tokens]}, indexed as keyword
        # fields named in EXTRA_FIELDS (default: the callable's ``fields`` attribute), for
        # filters and facets beyond one model's fields (the hub: view restrictions and
        # facets across page types).
        hook = params.get("EXTRAS")
        self.extras_hook = import_string(hook) if isinstance(hook, str) else hook
        self.extra_fields = tuple(
            params.get("EXTRA_FIELDS", getattr(self.extras_hook, "fields", ()))
        )
        self._indexes = {}

    def get_index_for_model(self, model):
        root = get_model_root(model)
        index = self._indexes.get(root)
        if index is None:
            index = self._indexes[root] = WhooshIndex(self, root)
        return index

    @contextlib.contextmanager
    def admin_lock(self, name, blocking=True):
        """A cross-process lock for creating, swapping and rebuilding one index."""
        os.makedirs(self.path, mode=0o700, exist_ok=True)
        path = os.path.join(self.path, f"{name}.admin.lock")
        with open(path, "a+") as handle:
            flags = fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB)
            try:
                fcntl.flock(handle, flags)
            except BlockingIOError as error:
                raise SearchIndexError(
                    f"Another process is rebuilding the search index {name!r}; try again later."
                ) from error
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def add(self, obj):
        index = self.get_index_for_object(obj)
        self.write_with_retry(lambda: index.add_item(obj), obj)

    def write_with_retry(self, write, obj, attempt=1):
        """Run one index write; retry once, then queue a retry (or raise when inline).

        Failures are logged with the object, so ``check_index`` is never the only trace.
        """
        label = obj._meta.label
        try:
            write()
            return
        except Exception as error:  # noqa: BLE001 - lock timeouts and I/O errors alike
            logger.warning("Index write for %s %s failed (%r); retrying.", label, obj.pk, error)
        time.sleep(0.2)
        try:
            write()
            return
        except Exception:
            logger.exception("Could not index %s %s (attempt %s).", label, obj.pk, attempt)
            if not self.queue_writes or attempt >= MAX_WRITE_ATTEMPTS:
                raise
        from django_tasks import default_task_backend

        from .tasks import reindex_object

        retry = reindex_object
        if default_task_backend.supports_defer:
            delay = datetime.timedelta(seconds=30 * attempt)
            retry = reindex_object.using(run_after=timezone.now() + delay)
        retry.enqueue(label, str(obj.pk), attempt + 1)

    def rebuild_is_running(self, name):
        """Whether a rebuild of index ``name`` holds its lock (in any process)."""
        try:
            with self.admin_lock(name, blocking=False):
                return False
        except SearchIndexError:
            return True

    def delete(self, obj):
        if self.queue_writes:
            from .tasks import delete_from_index

            delete_from_index.enqueue(obj._meta.label, str(obj.pk))
            return
        super().delete(obj)

    def expected_document(self, obj):
        """The document the index should hold for ``obj`` now."""
        index = self.get_index_for_object(obj)
        return build_document(index.spec, obj, self.extras_hook)


SearchBackend = WhooshSearchBackend
