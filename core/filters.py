"""The filters of the hub's listings, exports, feeds and API, read from a query string in
one way.

A code matches whatever its case: ``?country=fi`` is Finland (stored ``FI``) and
``?language=FI`` is Finnish (stored ``fi``). A value that names nothing known is never
dropped in silence (a filtered export then returned the whole list): it is reported, so an
HTML page shows no results and says why, and an export, a feed or the API answers 400 with
the reason (``refused``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

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

    @property
    def valid(self) -> bool:
        """Whether every value given was recognised."""
        return not self.unknown and not self.too_many

    def problems(self, labels: Mapping[str, object]) -> list[str]:
        """One sentence per refused value or filter, in the active language.

        Args:
            labels: filter name → its label (lazy translations welcome).

        Returns:
            At most ``SHOWN_PROBLEMS`` sentences.
        """
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

    def pairs(self) -> list[tuple[str, str]]:
        """The recognised filters as (name, value) pairs, for a query string."""
        return [(name, value) for name, values in self.selected.items() for value in values]

    def query(self) -> str:
        """The recognised filters as a query string (a link without the refused ones)."""
        return urlencode(self.pairs())


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
    return value if len(value) == 4 and value.isascii() and value.isdigit() else None


def refused(
    filters: Filters, labels: Mapping[str, object], *, as_json: bool = False
) -> HttpResponse:
    """400 for an export or a feed asked with filters that were not recognised: never the
    unfiltered list in their place.

    Args:
        filters: the request's filters (not ``valid``).
        labels: filter name → its label.
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
