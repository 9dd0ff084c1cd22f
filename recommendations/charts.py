"""Server-rendered SVG charts of the tracker: status per country and progress over time.

Every chart is an ``<svg role="img">`` named by its ``<title>`` and described by its
``<desc>``. A status has a colour *and* a pattern, counts are printed on the bars and
lines carry a dash pattern and a text label, so colour is never the only signal. The
include templates show the same numbers as a table; the shapes carry them as ``data-*``
attributes too, so a test can check that chart and table agree.

The markup is built as strings: every text and attribute value goes through ``escape``.
"""

from __future__ import annotations

import bisect
import calendar
import datetime
import math
import uuid
from collections import Counter, defaultdict

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .choices import Status
from .matrix import summarise
from .progress import Measure, measure

#: Fill colour and pattern of each status. The colours keep at least 3:1 against white;
#: the patterns tell the statuses apart without colour (and in print).
STATUS_STYLES: dict[str, tuple[str, str]] = {
    Status.NOT_STARTED: ("#5f6b7a", "dots"),
    Status.PLANNED: ("#2f6db5", "diagonal"),
    Status.IN_PROGRESS: ("#a85600", "back-diagonal"),
    Status.PARTLY: ("#7a4fb0", "crosshatch"),
    Status.IMPLEMENTED: ("#1b7f4b", "solid"),
    Status.NOT_APPLICABLE: ("#8a8a8a", "horizontal"),
}

#: The marks drawn over the fill of an 8 × 8 pattern tile.
PATTERN_MARKS = {
    "solid": "",
    "dots": '<circle cx="4" cy="4" r="1.6" fill="#fff"/>',
    "diagonal": '<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#fff" stroke-width="1.4"/>',
    "back-diagonal": (
        '<path d="M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4" stroke="#fff" stroke-width="1.4"/>'
    ),
    "crosshatch": (
        '<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4 M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4" '
        'stroke="#fff" stroke-width="1"/>'
    ),
    "horizontal": '<path d="M0,2 h8 M0,6 h8" stroke="#fff" stroke-width="1.4"/>',
}

#: Colour and dash pattern of each country's line, in the countries' order.
LINE_STYLES = (
    ("#0b5cad", ""),
    ("#a85600", "10 4"),
    ("#1b7f4b", "2 3"),
    ("#a3367f", "12 4 2 4"),
    ("#5b3fa0", "6 3"),
    ("#6b6000", "1 5"),
    ("#1f6f8b", "16 4"),
    ("#333333", "8 3 2 3 2 3"),
)

FONT_SIZE = 12
#: A rough average glyph width at FONT_SIZE, to lay out legends and labels.
CHAR_WIDTH = 6.8


# -- markup helpers ---------------------------------------------------------------------
def _num(value: float) -> str:
    """A coordinate, short: 12, 12.5, 12.33."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _attrs(attrs: dict) -> str:
    """Attributes, escaped; ``class_`` → class, ``data_count`` → data-count."""
    out = []
    for name, value in attrs.items():
        if value is None or value == "":
            continue
        name = name.rstrip("_").replace("_", "-")
        if isinstance(value, float):
            value = _num(value)
        out.append(f' {name}="{escape(value)}"')
    return "".join(out)


def _el(tag: str, content: str | None = None, **attrs) -> str:
    """An element; ``content`` must already be markup (escape text with ``_text``)."""
    if content is None:
        return f"<{tag}{_attrs(attrs)}/>"
    return f"<{tag}{_attrs(attrs)}>{content}</{tag}>"


def _text(x: float, y: float, text, **attrs) -> str:
    attrs.setdefault("font_size", FONT_SIZE)
    attrs.setdefault("fill", "currentColor")
    return _el("text", escape(str(text)), x=float(x), y=float(y), **attrs)


def _shorten(text: str, length: int) -> str:
    text = str(text)
    return text if len(text) <= length else text[: length - 1] + "…"


def _svg(prefix: str, width: float, height: float, title: str, desc: str, body: list[str]):
    """The outer element: named and described for assistive technology, scaled by CSS."""
    head = _el("title", escape(title), id=f"{prefix}-title") + _el(
        "desc", escape(desc), id=f"{prefix}-desc"
    )
    return mark_safe(  # noqa: S308 - every value above went through escape()
        _el(
            "svg",
            head + "".join(body),
            xmlns="http://www.w3.org/2000/svg",
            viewBox=f"0 0 {_num(width)} {_num(height)}",
            width="100%",
            preserveAspectRatio="xMinYMin meet",
            role="img",
            aria_labelledby=f"{prefix}-title {prefix}-desc",
            class_="chart__svg",
            focusable="false",
        )
    )


def _prefix(id_prefix: str | None, kind: str) -> str:
    # Unique per rendering: two charts on one page must not share ids.
    return id_prefix or f"{kind}-{uuid.uuid4().hex[:8]}"


def _percent(value) -> str:
    return _("%(percent)s%%") % {"percent": value}


# -- status per country -----------------------------------------------------------------
def status_patterns(prefix: str) -> str:
    """The ``<defs>`` of the status patterns, with ids ``<prefix>-<status>``."""
    tiles = []
    for status, (colour, kind) in STATUS_STYLES.items():
        tile = _el("rect", width=8, height=8, fill=colour)
        tiles.append(
            _el(
                "pattern",
                tile + PATTERN_MARKS[kind],
                id=f"{prefix}-{status}",
                patternUnits="userSpaceOnUse",
                width=8,
                height=8,
            )
        )
    return _el("defs", "".join(tiles))


def _nice_step(maximum: int, ticks: int = 5) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if maximum / step <= ticks:
            return step
    return max(1, maximum // ticks)


def _measure(row) -> Measure:
    """The row's measure (``matrix.summarise`` gives it; a hand-made row is measured)."""
    found = row.get("measure")
    if found is not None:
        return found
    return measure({str(getattr(s, "value", s)): n for s, n in row["counts"]})


def _status_desc(totals) -> str:
    parts = []
    for row in totals:
        counts = [
            _("%(count)s %(status)s") % {"count": n, "status": status.label}
            for status, n in row["counts"]
            if n
        ]
        if counts:
            parts.append(
                _("%(country)s: %(counts)s; %(measure)s.")
                % {
                    "country": row["country"].display_name,
                    "counts": ", ".join(counts),
                    "measure": _measure(row).sentence(),
                }
            )
        else:
            parts.append(
                _("%(country)s: no recommendations.") % {"country": row["country"].display_name}
            )
    return " ".join(parts)


def status_chart(totals, title: str | None = None, id_prefix: str | None = None) -> SafeString:
    """Stacked horizontal bars: per country, how many recommendations are in each status.

    Args:
        totals: ``Matrix.totals()`` (or dicts of the same shape: country, counts as
            (Status, count) pairs, total, progress).
        title: the chart's accessible name; a default one when omitted.
        id_prefix: prefix of the ids inside the SVG; unique when omitted.

    Returns:
        The ``<svg>`` markup. Each segment carries data-country, data-status and
        data-count; each bar's group data-total and data-progress.
    """
    totals = list(totals)
    prefix = _prefix(id_prefix, "status-chart")
    width, label_w, bar_w = 760, 150, 430
    row_h, bar_h = 30, 20
    statuses = list(STATUS_STYLES)
    labels = {s: Status(s).label for s in statuses}

    body = [status_patterns(prefix)]
    # Legend: swatch and name of each status, wrapped into lines.
    x, y = 0.0, 4.0
    legend = []
    for status in statuses:
        item_w = 18 + len(str(labels[status])) * CHAR_WIDTH + 18
        if x and x + item_w > width:
            x, y = 0.0, y + 22
        legend.append(
            _el(
                "g",
                _el(
                    "rect",
                    x=x,
                    y=y,
                    width=14,
                    height=14,
                    fill=f"url(#{prefix}-{status})",
                    stroke="#222",
                    stroke_width=0.5,
                )
                + _text(x + 20, y + 11, labels[status]),
                class_="chart__legend-item",
                data_status=status,
            )
        )
        x += item_w
    body.append(_el("g", "".join(legend), class_="chart__legend"))

    top = y + 34
    maximum = max([row["total"] for row in totals] + [1])
    step = _nice_step(maximum)
    maximum = -(-maximum // step) * step
    scale = bar_w / maximum
    plot_bottom = top + row_h * len(totals)

    # Gridlines and the scale below the bars.
    grid = []
    for tick in range(0, maximum + 1, step):
        gx = label_w + tick * scale
        grid.append(
            _el(
                "line",
                x1=gx,
                x2=gx,
                y1=top - 4,
                y2=plot_bottom,
                stroke="currentColor",
                stroke_opacity=0.25 if tick else 0.7,
            )
            + _text(gx, plot_bottom + 16, tick, text_anchor="middle")
        )
    grid.append(
        _text(
            label_w + bar_w / 2,
            plot_bottom + 34,
            _("Number of recommendations"),
            text_anchor="middle",
        )
    )
    body.append(_el("g", "".join(grid), class_="chart__grid", aria_hidden="true"))

    for index, row in enumerate(totals):
        country = row["country"]
        by = top + index * row_h + (row_h - bar_h) / 2
        parts = [
            _text(
                label_w - 8,
                by + bar_h / 2,
                _shorten(country.display_name, 22),
                text_anchor="end",
                dominant_baseline="central",
            )
        ]
        bx = float(label_w)
        for status, count in row["counts"]:
            if not count:
                continue
            status = str(getattr(status, "value", status))
            seg_w = count * scale
            parts.append(
                _el(
                    "rect",
                    x=bx,
                    y=by,
                    width=seg_w,
                    height=float(bar_h),
                    fill=f"url(#{prefix}-{status})",
                    stroke="#fff",
                    stroke_width=1,
                    class_=f"chart__segment chart__segment--{status}",
                    data_country=country.code,
                    data_status=status,
                    data_count=count,
                )
            )
            if seg_w >= len(str(count)) * CHAR_WIDTH + 6:
                # White digits with a dark halo: legible on every fill and pattern.
                parts.append(
                    _text(
                        bx + seg_w / 2,
                        by + bar_h / 2,
                        count,
                        text_anchor="middle",
                        dominant_baseline="central",
                        fill="#fff",
                        stroke="#000",
                        stroke_width=2.5,
                        paint_order="stroke",
                        font_weight="bold",
                    )
                )
            bx += seg_w
        # The one measure, in its short words (the description has the sentence).
        parts.append(
            _text(bx + 8, by + bar_h / 2, _measure(row).short(), dominant_baseline="central")
        )
        body.append(
            _el(
                "g",
                "".join(parts),
                class_="chart__bar",
                data_country=country.code,
                data_total=row["total"],
                data_progress=row["progress"],
            )
        )

    height = plot_bottom + 44
    return _svg(
        prefix,
        width,
        height,
        title or _("Status of the recommendations per country"),
        _status_desc(totals),
        body,
    )


# -- progress over time -----------------------------------------------------------------
def quarter_ends(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    """The last day of each quarter from ``start``'s quarter, then ``end`` itself."""
    out = []
    year, quarter = start.year, (start.month - 1) // 3 + 1
    while True:
        month = quarter * 3
        last = datetime.date(year, month, calendar.monthrange(year, month)[1])
        if last >= end:
            break
        out.append(last)
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    out.append(end)
    return out


def _end_of_day(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.max))


def _point_label(day: datetime.date, is_last: bool, today_is_now: bool) -> str:
    if is_last and today_is_now:
        return _("Now")
    if day.month % 3 or day.day != calendar.monthrange(day.year, day.month)[1]:
        return date_format(day, "DATE_FORMAT")  # a last point that is not a quarter's end
    return _("%(year)s Q%(quarter)s") % {"year": day.year, "quarter": day.month // 3}


def progress_series(updates, implementations, countries, today=None, points: int = 8) -> dict:
    """Progress per country at the end of each quarter, from the history.

    At each point the status of an implementation is the ``to_status`` of its latest
    update made by then; with none yet it is "not started". Every point counts the same
    implementations, today's (one issued later counts as not started before), so a line
    falls only when a status truly went down (or became "not applicable"): a new
    recommendation never shows as a fall. A point at or after the present uses the
    current status, so the line ends where the status chart stands. Each point is
    ``matrix.summarise`` of its counts: the one measure (``progress``).

    Args:
        updates: StatusUpdates of these implementations, any order (already loaded).
        implementations: the implementations (with recommendation and country loaded,
            as ``Matrix.implementations`` has them).
        countries: the countries to show, in order.
        today: the last point (default: the local date).
        points: at most this many points, the most recent ones.

    Returns:
        {"points": [date], "labels": [str], "rows": [{"country": Country,
        "values": [{"date", "label", "progress", "implemented", "applicable",
        "total"}]}]}; no queries.
    """
    now = timezone.now()
    today_is_now = today is None or today == timezone.localdate()
    today = today or timezone.localdate()
    country_ids = {country.pk for country in countries}
    implementations = [impl for impl in implementations if impl.country_id in country_ids]
    wanted = {impl.pk for impl in implementations}

    timelines = defaultdict(list)
    for update in updates:
        if update.implementation_id in wanted:
            timelines[update.implementation_id].append((update.created_at, update.to_status))
    for timeline in timelines.values():
        timeline.sort(key=lambda item: item[0])

    first = min((t[0][0] for t in timelines.values() if t), default=None)
    start = timezone.localdate(first) if first else today
    days = quarter_ends(min(start, today), today)[-max(1, points) :]
    moments = [_end_of_day(day) for day in days]

    by_country = defaultdict(list)
    for impl in implementations:
        by_country[impl.country_id].append(impl)

    rows = []
    for country in countries:
        values = []
        for index, (day, moment) in enumerate(zip(days, moments, strict=True)):
            counts = Counter()
            for impl in by_country[country.pk]:
                if moment >= now:
                    status = impl.status
                else:
                    timeline = timelines.get(impl.pk, [])
                    position = bisect.bisect_right([t[0] for t in timeline], moment)
                    status = timeline[position - 1][1] if position else Status.NOT_STARTED
                counts[str(status)] += 1
            summary = summarise(country, counts)
            values.append(
                {
                    "date": day,
                    "label": _point_label(day, index == len(days) - 1, today_is_now),
                    "progress": summary["progress"],
                    "implemented": summary["implemented"],
                    "applicable": summary["applicable"],
                    "total": summary["total"],
                }
            )
        rows.append({"country": country, "values": values})
    return {
        "points": days,
        "labels": [value["label"] for value in rows[0]["values"]] if rows else [],
        "rows": rows,
    }


def _spread(positions: list[float], gap: float, low: float, high: float) -> list[float]:
    """Move label positions (sorted) apart by ``gap``, keeping them within [low, high]."""
    out = list(positions)
    for i in range(1, len(out)):
        out[i] = max(out[i], out[i - 1] + gap)
    if out and out[-1] > high:
        out[-1] = high
        for i in range(len(out) - 2, -1, -1):
            out[i] = min(out[i], out[i + 1] - gap)
    if out and out[0] < low:
        shift = low - out[0]
        out = [p + shift for p in out]
    return out


def _progress_desc(series) -> str:
    parts = []
    for row in series["rows"]:
        values = row["values"]
        if not values:
            continue
        first, last = values[0], values[-1]
        parts.append(
            _("%(country)s: %(first)s (%(first_label)s) to %(last)s (%(last_label)s).")
            % {
                "country": row["country"].display_name,
                "first": _percent(first["progress"]),
                "first_label": first["label"],
                "last": _percent(last["progress"]),
                "last_label": last["label"],
            }
        )
    return " ".join([_("Progress in percent per country over time.")] + parts)


def progress_chart(series, title: str | None = None, id_prefix: str | None = None) -> SafeString:
    """A line chart of ``progress_series``: one line per country, 0–100 %.

    Each line has its own dash pattern and a text label (name and last value) at its
    end; each point carries data-country, data-date, data-progress, data-implemented.
    """
    prefix = _prefix(id_prefix, "progress-chart")
    width, left, right, top, plot_h = 760, 56, 200, 28, 240
    plot_w = width - left - right
    bottom = top + plot_h
    labels = series["labels"]
    n = len(labels)

    def px(i):
        return left + (plot_w / 2 if n == 1 else i * plot_w / (n - 1))

    def py(value):
        return bottom - plot_h * value / 100

    grid = [_text(0, top - 14, _("Progress"))]
    for tick in (0, 25, 50, 75, 100):
        grid.append(
            _el(
                "line",
                x1=float(left),
                x2=float(left + plot_w),
                y1=py(tick),
                y2=py(tick),
                stroke="currentColor",
                stroke_opacity=0.7 if tick == 0 else 0.25,
            )
            + _text(
                left - 8,
                py(tick),
                _percent(tick),
                text_anchor="end",
                dominant_baseline="central",
            )
        )
    # Show every n-th x label so that none overlap (the table has them all).
    widest = max((len(str(label)) for label in labels), default=0) * CHAR_WIDTH + 10
    gap = plot_w / (n - 1) if n > 1 else plot_w
    step = max(1, math.ceil(widest / gap))
    for i, label in enumerate(labels):
        grid.append(
            _el(
                "line",
                x1=px(i),
                x2=px(i),
                y1=float(top),
                y2=float(bottom),
                stroke="currentColor",
                stroke_opacity=0.12,
            )
        )
        if (n - 1 - i) % step == 0:  # counted back from the last point, always shown
            grid.append(_text(px(i), bottom + 18, label, text_anchor="middle"))
    body = [_el("g", "".join(grid), class_="chart__grid", aria_hidden="true")]

    ends = []
    for index, row in enumerate(series["rows"]):
        colour, dash = LINE_STYLES[index % len(LINE_STYLES)]
        code = row["country"].code
        values = row["values"]
        points = [(px(i), py(v["progress"])) for i, v in enumerate(values)]
        parts = []
        if len(points) > 1:
            parts.append(
                _el(
                    "polyline",
                    points=" ".join(f"{_num(x)},{_num(y)}" for x, y in points),
                    fill="none",
                    stroke=colour,
                    stroke_width=2.5,
                    stroke_dasharray=dash,
                    stroke_linejoin="round",
                )
            )
        for (x, y), value in zip(points, values, strict=True):
            parts.append(
                _el(
                    "circle",
                    cx=x,
                    cy=y,
                    r=3.5,
                    fill=colour,
                    stroke="#fff",
                    stroke_width=1,
                    class_="chart__point",
                    data_country=code,
                    data_date=value["date"].isoformat(),
                    data_progress=value["progress"],
                    data_implemented=value["implemented"],
                )
            )
        body.append(_el("g", "".join(parts), class_="chart__line", data_country=code))
        if points:
            ends.append((points[-1][1], points[-1][0], colour, dash, row))

    # Labels in a column right of the plot, highest value on top, moved apart where
    # lines end close together. Each has a level swatch of its line's own colour and
    # dash pattern, and the last point a level stub towards it: no slanting leader that
    # could read as a fall after the last point.
    ends.sort(key=lambda end: end[0])
    placed = _spread([end[0] for end in ends], FONT_SIZE + 3, top, bottom + 10)
    column = left + plot_w + 12
    labels_markup = []
    for (y, x, colour, dash, row), label_y in zip(ends, placed, strict=True):
        text = (
            f"{_shorten(row['country'].display_name, 16)} {_percent(row['values'][-1]['progress'])}"
        )
        labels_markup.append(
            _el(
                "g",
                _el(
                    "line",
                    x1=x + 5,
                    y1=y,
                    x2=float(column - 4),
                    y2=y,
                    stroke=colour,
                    stroke_width=1,
                    stroke_opacity=0.6,
                    class_="chart__stub",
                )
                + _el(
                    "line",
                    x1=float(column),
                    y1=label_y,
                    x2=float(column + 24),
                    y2=label_y,
                    stroke=colour,
                    stroke_width=2.5,
                    stroke_dasharray=dash,
                    class_="chart__swatch",
                )
                + _text(column + 30, label_y, text, dominant_baseline="central"),
                class_="chart__label",
                data_country=row["country"].code,
            )
        )
    body.append(_el("g", "".join(labels_markup)))

    return _svg(
        prefix,
        width,
        bottom + 32,
        title or _("Progress of the recommendations over time"),
        _progress_desc(series),
        body,
    )
