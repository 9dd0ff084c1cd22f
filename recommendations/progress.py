"""The one progress measure of the tracker: what counts, with what weight, and how it is said.

Every place that states a country's progress (the country page's card, the charts, the
exports, the emails, the follow-up report) reads it from here, through
``matrix.summarise(country, counts)``, so they cannot disagree.

The measure:

- **What counts**: the recommendations addressed to the country that it has not found
  "not applicable" (the *applicable* ones).
- **Weights** (``choices.STATUS_WEIGHT``): implemented 1, partly implemented ¾, in
  progress ½, planned ¼, not started 0.
- **Not applicable**: left out of the measure altogether (neither counted nor weighed),
  and said beside it.
- **Progress** is the weighted sum over the applicable recommendations, in whole percent
  (rounded half up); 0 when nothing is applicable.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .choices import STATUS_WEIGHT, Status


def definition() -> list[str]:
    """The definition as the pages show it ("How progress is measured"), in the active
    language, its weights read from ``STATUS_WEIGHT``."""
    weighted = [status for status in reversed(Status) if status in STATUS_WEIGHT]
    weights = ", ".join(
        _("%(status)s %(percent)s%%")
        % {"status": str(status.label).lower(), "percent": round(100 * STATUS_WEIGHT[status])}
        for status in weighted
    )
    return [
        _(
            "Progress counts the recommendations addressed to a country, except those it "
            "has found not applicable."
        ),
        _(
            "Each counts with the weight of its status: %(weights)s. Progress is the "
            "average of these weights."
        )
        % {"weights": weights},
        _(
            "A recommendation that is not applicable is left out: it neither raises nor "
            "lowers the figure, and is counted separately."
        ),
        _(
            "The chart over time follows today's recommendations back: one issued later "
            "counts as not started before it was issued, so its line falls only when a "
            "status is set lower or a recommendation is found not applicable."
        ),
    ]


@dataclass(frozen=True)
class Measure:
    """A country's progress, from its counts per status."""

    #: Per status (every status, in the choices' order): how many.
    counts: tuple[tuple[Status, int], ...]
    #: Every recommendation counted, not applicable included.
    total: int
    applicable: int
    not_applicable: int
    implemented: int
    #: Whole percent, 0–100.
    percent: int

    def sentence(self) -> str:
        """The measure in words, in the active language: what the card, the chart's
        description, the exports and the emails say."""
        text = ngettext(
            "%(percent)s%% progress: %(implemented)s of %(applicable)s applicable "
            "recommendation implemented",
            "%(percent)s%% progress: %(implemented)s of %(applicable)s applicable "
            "recommendations implemented",
            self.applicable,
        ) % {
            "percent": self.percent,
            "implemented": self.implemented,
            "applicable": self.applicable,
        }
        if self.not_applicable:
            text += ngettext(
                " (%(count)s not applicable, left out)",
                " (%(count)s not applicable, left out)",
                self.not_applicable,
            ) % {"count": self.not_applicable}
        return text

    def short(self) -> str:
        """The measure in a few characters, for a chart's bar: "75% · 5/12 implemented"."""
        return _("%(percent)s%% · %(implemented)s/%(applicable)s implemented") % {
            "percent": self.percent,
            "implemented": self.implemented,
            "applicable": self.applicable,
        }


def _whole_percent(value: Fraction) -> int:
    """Whole percent, rounded half up (62.5 → 63), exactly."""
    return math.floor(value * 100 + Fraction(1, 2))


def measure(counts: Mapping[str, int] | None) -> Measure:
    """The measure of these counts ({status value: how many}; None or empty: nothing).

    Exact arithmetic (fractions), then rounded half up: 62.5 → 63 everywhere, never
    63 in one place and 62 in another.
    """
    counts = counts or {}
    by_status = tuple((status, int(counts.get(status.value, 0))) for status in Status)
    total = sum(n for _s, n in by_status)
    not_applicable = dict(by_status)[Status.NOT_APPLICABLE]
    applicable = total - not_applicable
    weighted = sum(
        Fraction(STATUS_WEIGHT.get(status, 0)).limit_denominator(100) * n
        for status, n in by_status
        if status != Status.NOT_APPLICABLE
    )
    percent = _whole_percent(Fraction(weighted) / applicable) if applicable else 0
    return Measure(
        counts=by_status,
        total=total,
        applicable=applicable,
        not_applicable=not_applicable,
        implemented=dict(by_status)[Status.IMPLEMENTED],
        percent=percent,
    )
