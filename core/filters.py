"""The filters of the hub's listings, exports, feeds and API: one faceted-filter system.

A feature declares its filters as ``Facet``\\ s gathered in a ``FacetSet`` (the library,
the search page, the tracker's matrix and its API, the seminar index). The set reads a
request's query string into ``Filters`` (what was chosen, what was not recognised), builds
the ``FacetGroup``\\ s of ``Option``\\ s the templates render (``includes/facet_options.html``,
the tracker's filter form), the "active filters" links that remove one value, and the
query strings that carry the filters on.

A code matches whatever its case: ``?country=fi`` is Finland (stored ``FI``) and
``?language=FI`` is Finnish (stored ``fi``). A value that names nothing known is never
dropped in silence (a filtered export then returned the whole list): it is reported, so an
HTML page shows no results and says why, and an export, a feed or the API answers 400 with
the reason (``refused``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import languages
from .forms import whole_number

#: How many different values one filter takes; more are refused, never cut short.
MAX_VALUES = 20
#: No code of the hub is longer: a longer value is reported without being looked up.
MAX_LENGTH = 80
#: How much of a refused value a message repeats.
SHOWN_LENGTH = 40
#: How many refused values a message lists.
SHOWN_PROBLEMS = 10

#: What a filter accepts: its values as stored (matched whatever the case; a queryset is
#: read only when the filter is used), or a function giving the stored value for a value
#: as typed, or None when there is none.
Allowed = Collection[str] | Callable[[str], str | None]


@dataclass
class Filters:
    """The filters of one request."""

    #: Filter name → the values chosen, as stored, each once, in the order given.
    selected: dict[str, list[str]] = field(default_factory=dict)
    #: (filter name, value as typed) of each value that names nothing known.
    unknown: list[tuple[str, str]] = field(default_factory=list)
    #: Filters given more than ``limit`` values.
    too_many: list[str] = field(default_factory=list)
    limit: int = MAX_VALUES
    #: Filter name → its label (``FacetSet.clean`` fills it): what ``problems`` names.
    labels: Mapping[str, object] = field(default_factory=dict)

    @property
    def valid(self) -> bool:
        """Whether every value given was recognised."""
        return not self.unknown and not self.too_many

    def problems(self, labels: Mapping[str, object] | None = None) -> list[str]:
        """One sentence per refused value or filter, in the active language.

        Args:
            labels: filter name → its label (lazy translations welcome); the labels of
                the facets that read the filters when omitted.

        Returns:
            At most ``SHOWN_PROBLEMS`` sentences.
        """
        labels = self.labels if labels is None else labels
        problems = [
            _("%(filter)s: “%(value)s” is not one of the choices.")
            % {"filter": labels.get(name, name), "value": _shorten(value)}
            for name, value in self.unknown
        ]
        problems += [
            _("%(filter)s: more than %(limit)s values.")
            % {"filter": labels.get(name, name), "limit": self.limit}
            for name in self.too_many
        ]
        return problems[:SHOWN_PROBLEMS]

    @property
    def chosen(self) -> bool:
        """Whether anything filters the list: a recognised value, or one that was not."""
        return bool(self.selected) or not self.valid

    def pairs(self, *, hide: Collection[str] = (), without=None) -> list[tuple[str, str]]:
        """The recognised filters as (name, value) pairs, for a query string.

        Args:
            hide: filters left out (one the page itself fixes, e.g. its country).
            without: a (name, value) pair left out (the link that removes it).
        """
        return [
            (name, value)
            for name, values in self.selected.items()
            if name not in hide
            for value in values
            if (name, value) != without
        ]

    def query(self, *, before=(), after=(), hide: Collection[str] = (), without=None) -> str:
        """The recognised filters as a query string (a link without the refused ones).

        Args:
            before: (name, value) pairs written first (the search's ``q``).
            after: (name, value) pairs written last (a sort order that is not the default).
            hide: filters left out.
            without: a (name, value) pair left out.
        """
        return urlencode([*before, *self.pairs(hide=hide, without=without), *after])

    def active(self, groups, *, before=(), after=()) -> list[dict]:
        """The chosen options of ``groups``, each with the query string that removes it
        (the "active filters" list: ``{"facet", "label", "remove"}``)."""
        return [
            {
                "facet": group.label,
                "label": option.label,
                "remove": self.query(
                    before=before, after=after, without=(group.name, option.value)
                ),
            }
            for group in groups
            for option in group.selected
        ]


@dataclass
class Option:
    """One value of a facet as a page shows it."""

    value: str
    label: str
    count: int = 0
    selected: bool = False
    #: The language the label is written in, when it is not the page's (``lang``).
    lang: str = ""


@dataclass
class FacetGroup:
    """One facet as a page shows it: its options, counted and marked as chosen."""

    name: str
    label: str
    options: list[Option] = field(default_factory=list)

    @property
    def selected(self) -> list[Option]:
        return [option for option in self.options if option.selected]


class Facet:
    """One filter: its query parameter, its label and the values it takes.

    Args:
        name: the query parameter.
        label: what the form, the messages and the active filters call it.
        choices: its (stored value, label) pairs, in the order they are listed: a list,
            or a function giving them (read when needed: per request, in the active
            language). None for a facet whose options each request gives
            (``group``'s ``options``), or whose values ``match`` alone reads (a year:
            its options are then the values counted).
        match: the stored value for a value as typed, or None when there is none; by
            default a value matches one of the choices' values, whatever its case.
        multiple: whether several values may be chosen; a single-valued filter (a
            select) takes the last value given, as ``QueryDict.get`` reads it.
        lang: each option carries its value as its ``lang`` (the library's language
            facet marks its labels so; the search page's does not).
    """

    def __init__(self, name, label, choices=None, *, match=None, multiple=True, lang=False):
        self.name = name
        self.label = label
        self.choices = choices
        self.match = match
        self.multiple = multiple
        self.lang = lang

    def __repr__(self):
        return f"<Facet {self.name}>"

    def options(self) -> list[Option]:
        """Every choice of the facet as an uncounted, unchosen Option."""
        choices = self.choices() if callable(self.choices) else self.choices or ()
        return [
            Option(str(value), str(label), lang=str(value) if self.lang else "")
            for value, label in choices
        ]

    def allowed(self, options: list[Option] | None = None) -> Allowed:
        """What ``clean_filters`` takes for this facet: ``match``, or the values of
        ``options`` (of the choices, read only when the filter is used, when omitted)."""
        if self.match is not None:
            return self.match
        if options is not None:
            return [option.value for option in options]
        return _Values(self)

    def group(self, options, counts=None, selected=(), *, ranked=False, limit=None):
        """The facet as a page shows it.

        Args:
            options: its Options (``options()``, or read by the caller in bulk).
            counts: value → how many results have it, when counted.
            selected: the values chosen.
            ranked: list only the values counted or chosen, most results first (the
                search page); otherwise every option, in the choices' order.
            limit: at most this many options.

        Returns:
            A FacetGroup. A facet read by ``match`` alone (a year) lists the values
            counted or chosen, newest first, each its own label.
        """
        counts = counts or {}
        listed = self.choices is not None or self.match is None
        if not listed:
            values = sorted(set(counts) | set(selected), reverse=True)
            options = [Option(value, value) for value in values]
        else:
            options = [replace(option) for option in options]
        for option in options:
            option.count = counts.get(option.value, 0)
            option.selected = option.value in selected
        if ranked:
            options = [option for option in options if option.count or option.selected]
            if listed:
                options.sort(key=lambda option: (-option.count, option.label))
        return FacetGroup(self.name, str(self.label), options[:limit])


class _Values:
    """A facet's values, read from its choices only when a value is to be matched."""

    def __init__(self, facet: Facet):
        self.facet = facet

    def __iter__(self):
        choices = self.facet.choices() if callable(self.facet.choices) else self.facet.choices
        return (str(value) for value, _label in choices or ())


class FacetSet:
    """The facets of one feature, in the order its form shows them."""

    def __init__(self, *facets: Facet, max_values: int = MAX_VALUES):
        self.facets = {facet.name: facet for facet in facets}
        self.max_values = max_values

    def __iter__(self):
        return iter(self.facets.values())

    def __getitem__(self, name) -> Facet:
        return self.facets[name]

    def __contains__(self, name) -> bool:
        return name in self.facets

    @property
    def names(self) -> list[str]:
        return list(self.facets)

    @property
    def labels(self) -> dict[str, object]:
        """Facet name → its label (the messages about refused values)."""
        return {name: facet.label for name, facet in self.facets.items()}

    def without(self, hide: Collection[str]) -> FacetSet:
        """The same facets but those named in ``hide``."""
        kept = [facet for facet in self if facet.name not in hide]
        return FacetSet(*kept, max_values=self.max_values)

    def clean(self, params, options: Mapping[str, list[Option]] | None = None) -> Filters:
        """Read the facets' values from ``params`` (``clean_filters``: any case, unknown
        values reported, never dropped).

        Args:
            params: the query parameters (a QueryDict).
            options: facet name → its Options, when already read (their values are then
                what the facet takes); others read their choices if the filter is used.
        """
        options = options or {}
        single = [facet.name for facet in self if not facet.multiple]
        if single:
            params = params.copy()
            for name in single:
                params.setlist(name, params.getlist(name)[-1:])
        filters = clean_filters(
            params,
            {facet.name: facet.allowed(options.get(facet.name)) for facet in self},
            max_values=self.max_values,
        )
        filters.labels = self.labels
        return filters

    def groups(self, options, counts, selected, **kwargs) -> list[FacetGroup]:
        """Every facet as a page shows it (``Facet.group``); ``kwargs`` go to each."""
        return [
            facet.group(
                options.get(facet.name, ()),
                counts.get(facet.name),
                selected.get(facet.name, ()),
                **kwargs,
            )
            for facet in self
        ]


def year_facet(name, label, **kwargs) -> Facet:
    """A filter by year: any four digits (a year without results lists nothing)."""
    return Facet(name, label, match=four_digit_year, **kwargs)


def language_facet(name="language", label=None, **kwargs) -> Facet:
    """A filter by the language content is written in: the hub's languages
    (``core.languages``), each labelled in the active language as CLDR names it."""
    choices = [(code, languages.NAMES[code]) for code in languages.CODES]
    return Facet(name, label or gettext_lazy("Language"), choices, **kwargs)


def _shorten(value: str) -> str:
    """A refused value as a message repeats it: short, control characters replaced."""
    shown = "".join(c if c.isprintable() else "\ufffd" for c in value[:SHOWN_LENGTH])
    return shown if len(value) <= SHOWN_LENGTH else shown + "…"


def _matcher(known: Collection[str]) -> Callable[[str], str | None]:
    stored: dict[str, str] = {}

    def match(value: str) -> str | None:
        # Read on first use: a queryset of codes costs nothing while its filter is unused.
        if not stored:
            stored.update((str(v).casefold(), str(v)) for v in known)
        return stored.get(value.casefold())

    return match


def clean_filters(
    params, allowed: Mapping[str, Allowed], *, max_values: int = MAX_VALUES
) -> Filters:
    """Read the filters named in ``allowed`` from ``params``, whatever the case of a code.

    Values are trimmed; empty ones are left out (an empty choice in a form means "all");
    repeats count once. A value too long, with control characters, or matching nothing is
    reported in ``unknown`` and never reaches a query.

    Args:
        params: the query parameters (a QueryDict: several values per name).
        allowed: filter name → the values it takes as stored, or a function giving the
            stored value of a typed one (None when there is none).
        max_values: how many different values a filter takes.

    Returns:
        The Filters: what was recognised, what was not.
    """
    filters = Filters(limit=max_values)
    for name, known in allowed.items():
        match = known if callable(known) else _matcher(known)
        values: list[str] = []
        seen: set[str] = set()
        for raw in params.getlist(name):
            value = raw.strip()
            if not value or value.casefold() in seen:
                continue
            seen.add(value.casefold())
            stored = match(value) if len(value) <= MAX_LENGTH and value.isprintable() else None
            if stored is None:
                filters.unknown.append((name, value))
            elif stored not in values:
                values.append(stored)
        if len(values) > max_values:
            filters.too_many.append(name)
        elif values:
            filters.selected[name] = values
    return filters


def four_digit_year(value: str) -> str | None:
    """A year as a filter takes it: four digits."""
    return value if whole_number(value, digits=4) is not None else None


def refused(
    filters: Filters, labels: Mapping[str, object] | None = None, *, as_json: bool = False
) -> HttpResponse:
    """400 for an export or a feed asked with filters that were not recognised: never the
    unfiltered list in their place.

    Args:
        filters: the request's filters (not ``valid``).
        labels: filter name → its label (by default those of the facets that read them).
        as_json: answer in JSON (``{"message", "errors"}``) rather than plain text.
    """
    message = _("Nothing was returned: these filters were not recognised.")
    problems = filters.problems(labels)
    if as_json:
        response = JsonResponse(
            {"message": message, "errors": problems},
            status=400,
            json_dumps_params={"ensure_ascii": False},
        )
    else:
        response = HttpResponse(
            "\n".join([message, *problems]) + "\n",
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    response["Cache-Control"] = "private, no-store"
    return response
