"""CSV, XLSX and JSON exports of the tracker's matrix and history.

Both read ``build_matrix`` with the request's filters, so an export holds exactly the
cells the user sees in the matrix (visibility rules included), one row per shown
implementation, or per status update of those implementations. Filters that were not
recognised are refused (400), never exported as the whole matrix.
"""

from __future__ import annotations

import csv
import datetime
import io
import json

from django.http import Http404, HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from core.filters import refused
from core.links import page_url
from core.spreadsheets import neutralise

from .choices import status_label
from .matrix import build_matrix, history
from .models import display_name
from .sources import visible_mapped

FORMATS = ("csv", "xlsx", "json")
#: A country's timeline is exported for reading and reporting, not for scripts.
COUNTRY_HISTORY_FORMATS = ("csv", "xlsx")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: Excel's limit on the characters of a cell.
XLSX_CELL_MAX = 32767

#: Columns are (key, header): keys head the CSV and JSON (stable for scripts), headers the
#: XLSX. The columns of more than one export are written once here.
CODE = ("code", gettext_lazy("Code"))
TITLE = ("title", gettext_lazy("Recommendation"))
SOURCE = ("source", gettext_lazy("Source"))
SOURCE_KIND = ("source_kind", gettext_lazy("Source kind code"))
COUNTRY = (
    ("country_code", gettext_lazy("Country code")),
    ("country", gettext_lazy("Country")),
)

MATRIX_COLUMNS = (
    CODE,
    TITLE,
    ("theme", gettext_lazy("Theme")),
    SOURCE,
    *COUNTRY,
    ("status", gettext_lazy("Status code")),
    ("status_label", gettext_lazy("Status")),
    ("responsible_authority", gettext_lazy("Responsible authority")),
    ("summary", gettext_lazy("Summary of measures")),
    ("next_step", gettext_lazy("Next step")),
    ("target_date", gettext_lazy("Target date")),
    ("updated_at", gettext_lazy("Last updated at")),
    ("updated_by", gettext_lazy("Last updated by")),
    ("url", gettext_lazy("Address")),
    # Where it comes from (added after the columns scripts already read by position).
    SOURCE_KIND,
    ("source_kind_label", gettext_lazy("Source kind")),
    ("source_round", gettext_lazy("Round or cycle")),
    ("source_date", gettext_lazy("Source date")),
    ("source_url", gettext_lazy("Source address")),
    ("issued", gettext_lazy("Issued on")),
    ("corresponds_to", gettext_lazy("Corresponds to")),
)
#: Each country's progress: the one measure (``progress``), as ``matrix.summarise`` gives it.
PROGRESS_COLUMNS = (
    *COUNTRY,
    ("total", gettext_lazy("Recommendations")),
    ("applicable", gettext_lazy("Applicable")),
    ("not_applicable", gettext_lazy("Not applicable")),
    ("implemented", gettext_lazy("Implemented")),
    ("progress", gettext_lazy("Progress (%)")),
    ("measure", gettext_lazy("Progress in words")),
)
HISTORY_COLUMNS = (
    ("when", gettext_lazy("When")),
    CODE,
    TITLE,
    *COUNTRY,
    ("from_status", gettext_lazy("From status code")),
    ("from_status_label", gettext_lazy("From status")),
    ("to_status", gettext_lazy("To status code")),
    ("to_status_label", gettext_lazy("To status")),
    ("by", gettext_lazy("By")),
    ("note", gettext_lazy("Note")),
    ("changes", gettext_lazy("Other changes")),
    SOURCE,
    SOURCE_KIND,
)


def matrix_rows(request, matrix) -> list[dict]:
    """One dict per shown implementation of the matrix, row by row (typed values)."""
    sources = {option.value: option.label for option in matrix.options["source"]}
    mapped = visible_mapped(request, [row.recommendation for row in matrix.rows])
    rows = []
    for impl in matrix.implementations:
        recommendation, country = impl.recommendation, impl.country
        rows.append(
            {
                "code": recommendation.code,
                "title": recommendation.title,
                "theme": str(recommendation.get_theme_display()),
                "source": sources.get(recommendation.source_key, ""),
                **source_fields(recommendation),
                "issued": recommendation.issued,
                "corresponds_to": "; ".join(
                    other.code for other in mapped.get(recommendation.pk, [])
                ),
                "country_code": country.code,
                "country": country.display_name,
                "status": impl.status,
                "status_label": str(status_label(impl.status)),
                "responsible_authority": impl.responsible_authority,
                "summary": impl.summary,
                "next_step": impl.next_step,
                "target_date": impl.target_date,
                "updated_at": impl.updated_at,
                "updated_by": display_name(impl.updated_by),
                "url": page_url(recommendation, request),
            }
        )
    return rows


def source_fields(recommendation) -> dict:
    """The source's kind, round or cycle, date and address (the network's kind when the
    recommendation names no source)."""
    source = recommendation.source if recommendation.source_id else None
    return {
        "source_kind": recommendation.source_kind,
        "source_kind_label": str(recommendation.source_kind_label),
        "source_round": source.round if source else "",
        "source_date": source.issued if source else None,
        "source_url": source.url if source else "",
    }


def progress_rows(matrix) -> list[dict]:
    """One dict per shown country: its progress over the shown cells (``Matrix.totals``)."""
    return [
        {
            "country_code": row["country"].code,
            "country": row["country"].display_name,
            "total": row["total"],
            "applicable": row["applicable"],
            "not_applicable": row["not_applicable"],
            "implemented": row["implemented"],
            "progress": row["progress"],
            "measure": row["measure"].sentence(),
        }
        for row in matrix.totals()
    ]


def history_rows(updates, sources=None) -> list[dict]:
    """One dict per status update (newest first), its implementation already attached.

    ``sources``: source key → the name the reader may see (the matrix's source options)."""
    sources = sources or {}
    rows = []
    for update in updates:
        impl = update.implementation
        rows.append(
            {
                "when": update.created_at,
                "code": impl.recommendation.code,
                "title": impl.recommendation.title,
                "source": sources.get(impl.recommendation.source_key, ""),
                "source_kind": impl.recommendation.source_kind,
                "country_code": impl.country.code,
                "country": impl.country.display_name,
                "from_status": update.from_status,
                "from_status_label": str(status_label(update.from_status)),
                "to_status": update.to_status,
                "to_status_label": str(status_label(update.to_status)),
                "by": update.user_name,
                "note": update.note,
                "changes": update.changes or {},
            }
        )
    return rows


def matrix_export(request, tracker, fmt: str) -> HttpResponse:
    """The matrix the user sees, with the request's filters, as CSV, XLSX or JSON.

    Raises:
        Http404: for any other format.
    """
    if fmt not in FORMATS:
        raise Http404(_("There is no such export format."))
    matrix = build_matrix(request, tracker, request.GET)
    if not matrix.checked.valid:
        return refused(matrix.checked, as_json=fmt == "json")
    rows = matrix_rows(request, matrix)
    # The workbook and the JSON carry each country's progress beside the cells (CSV, one
    # table a file, has its own export: ``progress_export``).
    progress = (_("Progress"), PROGRESS_COLUMNS, progress_rows(matrix))
    return _respond(
        fmt, "recommendations", _("Recommendations"), MATRIX_COLUMNS, rows, matrix, [progress]
    )


def progress_export(request, tracker, fmt: str) -> HttpResponse:
    """Each country's progress over the matrix the user sees, with the request's filters.

    Raises:
        Http404: for any other format.
    """
    if fmt not in FORMATS:
        raise Http404(_("There is no such export format."))
    matrix = build_matrix(request, tracker, request.GET)
    if not matrix.checked.valid:
        return refused(matrix.checked, as_json=fmt == "json")
    rows = progress_rows(matrix)
    return _respond(fmt, "recommendations-progress", _("Progress"), PROGRESS_COLUMNS, rows, matrix)


def history_export(request, tracker, fmt: str) -> HttpResponse:
    """The status updates of the implementations the matrix shows, newest first.

    Raises:
        Http404: for any other format.
    """
    if fmt not in FORMATS:
        raise Http404(_("There is no such export format."))
    matrix = build_matrix(request, tracker, request.GET)
    if not matrix.checked.valid:
        return refused(matrix.checked, as_json=fmt == "json")
    sources = {option.value: option.label for option in matrix.options["source"]}
    rows = history_rows(history(matrix.implementations), sources)
    return _respond(fmt, "recommendations-history", _("History"), HISTORY_COLUMNS, rows, matrix)


def country_history_export(request, tracker, country, fmt: str) -> HttpResponse:
    """A country's whole timeline (``timelines.country_updates``: what the reader may
    see), newest first, as CSV or XLSX.

    Raises:
        Http404: for any other format.
    """
    from .timelines import country_updates

    if fmt not in COUNTRY_HISTORY_FORMATS:
        raise Http404(_("There is no such export format."))
    rows = history_rows(country_updates(request, tracker, country))
    name = f"recommendations-history-{country.code.lower()}"
    return _respond(fmt, name, _("History"), HISTORY_COLUMNS, rows, None)


# -- writers ----------------------------------------------------------------------------
def _respond(fmt, name, sheet_title, columns, rows, matrix, extra=()) -> HttpResponse:
    """``extra``: (title, columns, rows) of further tables: more sheets in the workbook,
    more keys in the JSON (``progress``), none in a CSV."""
    if fmt == "csv":
        response = _csv(columns, rows)
    elif fmt == "xlsx":
        response = xlsx_response([(sheet_title, columns, rows), *extra])
    else:
        data = {
            "filters": matrix.filters,
            "count": len(rows),
            "results": [{key: _json_value(row[key]) for key, _h in columns} for row in rows],
        }
        for _title, more_columns, more_rows in extra:
            data["progress"] = [
                {key: _json_value(row[key]) for key, _h in more_columns} for row in more_rows
            ]
        response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1})
    filename = f"{name}-{timezone.localdate():%Y-%m-%d}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _text(value) -> str:
    """A flat cell's text: dates in ISO form, local time; objects as JSON."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True) if value else ""
    return str(value)


def _json_value(value):
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    if isinstance(value, dict | list):
        return value
    return _text(value) if value is not None else None


def _csv(columns, rows) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response.write("\ufeff")  # Excel reads UTF-8 (ä, ø, ð) only with the BOM.
    writer = csv.writer(response)
    writer.writerow([key for key, _h in columns])
    for row in rows:
        writer.writerow([neutralise(_text(row[key])) for key, _h in columns])
    return response


def _xlsx_value(value):
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value  # a count or a percent: a number Excel can sum
    if isinstance(value, datetime.datetime):
        # Excel has no time zones: the local wall-clock time.
        return timezone.localtime(value).replace(tzinfo=None)
    if isinstance(value, datetime.date):
        return value
    # The text as written: xlsx_response() types every text cell as a string, so Excel never runs
    # one, and no apostrophe is needed (that guard is for CSV, which has no types).
    text = ILLEGAL_CHARACTERS_RE.sub("", _text(value))
    return text[:XLSX_CELL_MAX] or None


def xlsx_response(sheets) -> HttpResponse:
    """A workbook of one sheet per (title, columns, rows)."""
    workbook = Workbook()
    for index, (sheet_title, columns, rows) in enumerate(sheets):
        sheet = workbook.active if index == 0 else workbook.create_sheet()
        _fill_sheet(sheet, sheet_title, columns, rows)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)


def _fill_sheet(sheet, sheet_title, columns, rows) -> None:
    sheet.title = str(sheet_title)[:31]
    sheet.append([str(header) for _k, header in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for row in rows:
        sheet.append([_xlsx_value(row[key]) for key, _h in columns])
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, datetime.datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(cell.value, datetime.date):
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, whatever the text
    for index, (key, _header) in enumerate(columns, start=1):
        wide = key in (
            "title",
            "source",
            "summary",
            "next_step",
            "note",
            "changes",
            "url",
            "measure",
        )
        sheet.column_dimensions[get_column_letter(index)].width = 40 if wide else 16
    if rows:
        sheet.auto_filter.ref = sheet.dimensions
