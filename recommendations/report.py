"""A country's follow-up report, built once as data and written three ways: the printable
page, DOCX and PDF (``report_views``). What a reader is shown follows the matrix
(``build_matrix``: the recommendations they may view, the chosen source) and the
evidence they may open; the progress measure is ``matrix.summarise``'s."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django import forms
from django.db.models import prefetch_related_objects
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from countries.models import Country
from countries.permissions import can_view_document, viewable_among

from .choices import HistoryKind, status_label
from .matrix import build_matrix, summarise
from .models import Implementation, RecommendationPage, ReportingRound, StatusUpdate

#: The longest period a report covers: enough for any round, small enough to read.
MAX_PERIOD = datetime.timedelta(days=366 * 25)


class ReportForm(forms.Form):
    """The report's parameters: a source (the matrix's source filter keys) and a period."""

    source = forms.ChoiceField(label=_("Source"), required=False)
    start = forms.DateField(
        label=pgettext_lazy("start of a period", "From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    end = forms.DateField(
        label=pgettext_lazy("end of a period", "To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, data, sources, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["source"].choices = [("", _("All sources"))] + [
            (option.value, option.label) for option in sources
        ]

    def clean(self):
        cleaned = super().clean()
        today = timezone.localdate()
        start = cleaned.get("start") or datetime.date(today.year, 1, 1)
        end = cleaned.get("end") or today
        if "start" in self.errors or "end" in self.errors:
            return cleaned
        if start > end:
            raise forms.ValidationError(_("The period must end on or after the day it starts."))
        if end - start > MAX_PERIOD:
            raise forms.ValidationError(_("The period can be at most 25 years long."))
        cleaned["start"], cleaned["end"] = start, end
        return cleaned


@dataclass
class Evidence:
    title: str
    url: str


@dataclass
class ReportRow:
    recommendation: RecommendationPage
    implementation: Implementation
    status: str
    #: The history entries within the period, oldest first.
    history: list[StatusUpdate]
    evidence: list[Evidence]
    #: This round's confirmation of the status as it stands now (None: not confirmed).
    confirmation: StatusUpdate | None = None

    @property
    def status_label(self):
        return status_label(self.status)


@dataclass
class Report:
    country: Country
    source: str
    source_label: str
    start: datetime.date
    end: datetime.date
    rows: list[ReportRow]
    #: ``matrix.summarise`` over the rows.
    summary: dict
    generated_at: datetime.datetime
    #: The round held for this source and period (None when none was opened).
    round: ReportingRound | None = None
    problems: list[str] = field(default_factory=list)
    #: The parameters' form, bound (its errors are the problems).
    form: ReportForm | None = None

    @property
    def all_confirmed(self) -> bool:
        return bool(self.rows) and all(row.confirmation for row in self.rows)

    @property
    def confirmed_count(self) -> int:
        return sum(1 for row in self.rows if row.confirmation)

    def query(self) -> str:
        """The parameters as a query string: the page, its files and its forms share it."""
        params = QueryDict(mutable=True)
        if self.source:
            params["source"] = self.source
        params["start"] = self.start.isoformat()
        params["end"] = self.end.isoformat()
        return params.urlencode()

    def filename(self, extension: str) -> str:
        """``tracker-report-fi-2026-12-07.docx``: the country and the day it was made."""
        day = timezone.localdate(self.generated_at).isoformat()
        return f"tracker-report-{self.country.code.lower()}-{day}.{extension}"


def _evidence(request, implementations) -> dict[int, list[Evidence]]:
    """The evidence of each implementation this reader may open, as absolute addresses
    (the files are read away from the site)."""
    practices = {p.pk: p for impl in implementations for p in impl.evidence_practices.all()}
    visible = viewable_among(request, practices.values())
    out = {}
    for impl in implementations:
        items = [
            Evidence(p.title, request.build_absolute_uri(p.url))
            for p in impl.evidence_practices.all()
            if p.pk in visible
        ]
        items += [
            Evidence(d.title, request.build_absolute_uri(d.url))
            for d in impl.evidence_documents.all()
            if can_view_document(request, d)
        ]
        items += [Evidence(title or address, address) for address, title in impl.links()]
        out[impl.pk] = items
    return out


def _in_period(moment: datetime.datetime, start: datetime.date, end: datetime.date) -> bool:
    return start <= timezone.localdate(moment) <= end


def build_report(request, tracker, country: Country, data=None) -> Report:
    """The report of ``country`` for this reader.

    Args:
        request: the request (its user decides what is visible, its language the words).
        tracker: the tracker page.
        country: the country reported on.
        data: the parameters (``source``, ``start``, ``end``); the request's query when
            None. Left out: every source, this year so far.

    Returns:
        A Report; ``problems`` lists what was wrong with the parameters (then no rows).
    """
    today = timezone.localdate()
    # The defaults written into the form: the reader sees the period the report covers.
    data = (request.GET if data is None else data).copy()
    if not data.get("start"):
        data["start"] = datetime.date(today.year, 1, 1).isoformat()
    if not data.get("end"):
        data["end"] = today.isoformat()
    params = QueryDict(mutable=True)
    params.setlist("country", [country.code])
    source = data.get("source", "") or ""
    if source:
        params.setlist("source", [source])
    matrix = build_matrix(request, tracker, params)
    form = ReportForm(data, matrix.options["source"])
    problems = []
    if not form.is_valid():
        problems = [str(e) for errors in form.errors.values() for e in errors]
    start = form.cleaned_data.get("start") if not problems else None
    end = form.cleaned_data.get("end") if not problems else None
    labels = {option.value: option.label for option in matrix.options["source"]}
    report = Report(
        country=country,
        source=source if not problems else "",
        source_label=str(labels.get(source, _("All sources"))),
        start=start or datetime.date(today.year, 1, 1),
        end=end or today,
        rows=[],
        summary=summarise(country, Counter()),
        generated_at=timezone.now(),
        problems=problems,
        form=form,
    )
    if problems:
        return report
    implementations = [
        impl
        for row in matrix.rows
        for _country, impl, shown in row.cells
        if impl is not None and shown
    ]
    by_pk = {impl.pk: impl for impl in implementations}
    # The evidence relations, in a few queries for all rows.
    prefetch_related_objects(
        implementations, "evidence_practices", "evidence_documents__collection"
    )
    evidence = _evidence(request, implementations)
    report.round = (
        ReportingRound.objects.filter(
            country=country, source=report.source, period_start=report.start, period_end=report.end
        )
        .select_related("country")
        .first()
    )
    history: dict[int, list[StatusUpdate]] = {pk: [] for pk in by_pk}
    confirmations: dict[int, StatusUpdate] = {}
    for update in StatusUpdate.objects.filter(implementation__in=list(by_pk)).order_by(
        "created_at", "pk"
    ):
        update.implementation = by_pk[update.implementation_id]
        if report.round and update.reporting_round_id == report.round.pk:
            if update.kind == HistoryKind.CONFIRMATION:
                confirmations[update.implementation_id] = update
        elif update.kind == HistoryKind.CHANGE and _in_period(
            update.created_at, report.start, report.end
        ):
            history[update.implementation_id].append(update)
        if update.kind == HistoryKind.CHANGE:
            # A change after the confirmation makes it a confirmation of another status.
            confirmations.pop(update.implementation_id, None)
    counts = Counter()
    for impl in implementations:
        counts[impl.status] += 1
        report.rows.append(
            ReportRow(
                recommendation=impl.recommendation,
                implementation=impl,
                status=impl.status,
                history=history[impl.pk],
                evidence=evidence[impl.pk],
                confirmation=confirmations.get(impl.pk),
            )
        )
    report.summary = summarise(country, counts)
    return report
