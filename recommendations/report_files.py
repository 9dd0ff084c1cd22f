"""The report as files: DOCX (python-docx) and PDF (WeasyPrint, from the same template
as the page). Both write the one ``report.Report``, in the active language."""

from __future__ import annotations

import io
import re

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from core.cldr import human_date

from .choices import status_label

#: The stylesheet of the PDF (it holds the few site rules the content needs: WeasyPrint
#: does not lay out all of hub.css).
PDF_STYLESHEETS = ("css/report.css",)
#: Characters XML cannot hold (a vertical tab pasted from Word into a note passes the
#: forms): python-docx refuses them, so the DOCX leaves them out.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml(text) -> str:
    return NOT_XML.sub("", str(text))


def _history_line(update) -> str:
    when = human_date(update.created_at)
    name = update.user_name or _("the secretariat")
    if update.from_status != update.to_status:
        change = f"{status_label(update.from_status)} → {status_label(update.to_status)}"
    else:
        change = f"{_('Details updated; status still')} {status_label(update.to_status)}"
    line = f"{when}: {change} ({_('By %(name)s') % {'name': name}})"
    return f"{line}. {update.note}" if update.note else line


def render_docx(request, report) -> bytes:
    """The report as a Word document."""
    import docx

    document = docx.Document()
    country = report.country.display_name
    document.core_properties.title = _("%(country)s: follow-up report") % {"country": country}
    document.core_properties.language = request.LANGUAGE_CODE
    document.add_heading(document.core_properties.title, level=0)
    meta = document.add_table(rows=0, cols=2)
    for label, value in (
        (_("Source"), report.source_label),
        (_("Period"), f"{human_date(report.start)} – {human_date(report.end)}"),
        (_("Made on"), human_date(report.generated_at)),
    ):
        cells = meta.add_row().cells
        cells[0].text, cells[1].text = label, _xml(value)

    summary = report.summary
    document.add_heading(_("Summary"), level=1)
    document.add_paragraph(summary["measure"].sentence())
    for status, count in summary["counts"]:
        document.add_paragraph(f"{status.label}: {count}", style="List Bullet")

    document.add_heading(_("Reporting round"), level=1)
    document.add_paragraph(_xml(_round_text(report)))

    document.add_heading(_("Recommendations"), level=1)
    if not report.rows:
        document.add_paragraph(_("No recommendation of this source is addressed to this country."))
    for row in report.rows:
        document.add_heading(_xml(f"{row.recommendation.code} {row.recommendation.title}"), level=2)
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{_('Status')}: ").bold = True
        paragraph.add_run(str(row.status_label))
        if report.round:
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{_('This round')}: ").bold = True
            paragraph.add_run(_xml(_confirmation_text(row)))
        document.add_heading(_("History in the period"), level=3)
        for update in row.history:
            document.add_paragraph(_xml(_history_line(update)), style="List Bullet")
        if not row.history:
            document.add_paragraph(_("No change in the period."))
        document.add_heading(_("Evidence"), level=3)
        for item in row.evidence:
            document.add_paragraph(_xml(f"{item.title}: {item.url}"), style="List Bullet")
        if not row.evidence:
            document.add_paragraph(_("No evidence linked."))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _round_text(report) -> str:
    current = report.round
    if current is None:
        return _("No reporting round has been opened for this source and period.")
    parts = [
        _("Opened by %(name)s on %(when)s.")
        % {
            "name": current.opened_by_name or _("the secretariat"),
            "when": human_date(current.opened_at),
        },
        _("%(confirmed)s of %(total)s statuses confirmed.")
        % {"confirmed": report.confirmed_count, "total": len(report.rows)},
    ]
    if current.is_signed_off:
        parts.append(
            _("Signed off by %(name)s on %(when)s.")
            % {"name": current.signed_off_by_name, "when": human_date(current.signed_off_at)}
        )
    else:
        parts.append(_("Not signed off yet."))
    return " ".join(parts)


def _confirmation_text(row) -> str:
    if row.confirmation is None:
        return _("Not confirmed yet")
    return _("Confirmed by %(name)s on %(when)s") % {
        "name": row.confirmation.user_name,
        "when": human_date(row.confirmation.created_at),
    }


def render_pdf(request, tracker, report) -> bytes:
    """The report as PDF: the page's content (``report_document.html``) laid out by
    WeasyPrint with the site's and the report's stylesheets; the fonts are the system's
    (DejaVu covers every Nordic letter)."""
    import weasyprint

    html = render_to_string(
        "recommendations/report_document.html",
        {"report": report, "country": report.country, "page": tracker},
        request=request,
    )
    stylesheets = [weasyprint.CSS(filename=finders.find(name)) for name in PDF_STYLESHEETS]
    return weasyprint.HTML(
        string=html, base_url=request.build_absolute_uri("/"), url_fetcher=_fetch_nothing
    ).write_pdf(stylesheets=stylesheets)


def _fetch_nothing(url, *args, **kwargs):
    """The report embeds nothing: no address in it (evidence links are typed by people)
    is ever fetched by the server while it writes the PDF."""
    raise ValueError(f"The report's PDF fetches nothing ({url}).")
