"""A coordinator's spreadsheet of their own country's statuses: read, checked row by row,
previewed, then saved in one transaction.

The sheet has the shape of the matrix export (``exports.MATRIX_COLUMNS``): a heading row,
then one row per recommendation. Columns are found by their heading, in any of the hub's
languages, or by the export's key (``status_label``); columns the import does not read
(title, theme, last updated…) are ignored. ``country_sheet`` writes the sheet a
coordinator downloads, which reads back as it is.

Each row is checked with the update form itself (``RowForm``, the single-update form
without the evidence fields), so a status change needs a note here exactly as there. The
preview carries the checked changes to the confirmation as a signed payload (the user, the
country and each implementation's version are in it): nothing is kept on the server in
between, and a confirmation after someone else's save is refused. Every change is written
by ``updates.apply_update`` inside one transaction: one bad or stale row and nothing is.
"""

from __future__ import annotations

import datetime
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import QueryDict
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook

from core.languages import CODES
from core.uploads import validate_document_file

from .choices import Status
from .exports import MATRIX_COLUMNS, matrix_rows
from .forms import ImplementationForm
from .matrix import build_matrix, visible_recommendations
from .updates import StaleVersion, _text, apply_update

#: The largest sheet accepted, and the most rows read from it (settings may lower them).
DEFAULT_MAX_SIZE = 2 * 1024 * 1024
DEFAULT_MAX_ROWS = 1000
#: How long a preview may be confirmed.
PREVIEW_MAX_AGE = 60 * 60
#: The largest signed preview sent back with the confirmation (a form field's limit is
#: DATA_UPLOAD_MAX_MEMORY_SIZE, 2.5 MB by default).
PAYLOAD_MAX_LENGTH = 2 * 1024 * 1024
SALT = "recommendations.imports.preview"
#: Blank rows read past the row limit before a sheet counts as too long.
BLANK_ROWS_READ = 1000

NOTE_HEADER = gettext_lazy("Note")
#: The columns of the sheet a coordinator downloads, in the export's order and words.
SHEET_COLUMNS = (
    *(
        column
        for column in MATRIX_COLUMNS
        if column[0]
        in (
            "code",
            "title",
            "country_code",
            "country",
            "status_label",
            "responsible_authority",
            "summary",
            "next_step",
            "target_date",
        )
    ),
    ("note", NOTE_HEADER),
)
#: What the import reads; every other column is ignored.
READ = (
    "code",
    "country_code",
    "status",
    "status_label",
    "responsible_authority",
    "summary",
    "next_step",
    "target_date",
    "note",
)
#: The texts an implementation is written in a language for (as in ImplementationForm).
TEXTS = ("responsible_authority", "summary", "next_step")


class ImportRefused(Exception):
    """The file as a whole cannot be read (not a workbook, too big, no heading…)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class StalePreview(Exception):
    """The preview no longer matches what is saved; nothing was written."""

    def __init__(self, codes: list[str]):
        super().__init__("stale preview")
        self.codes = codes


class RowForm(ImplementationForm):
    """The update form without the evidence, which the sheet does not carry (kept as is)."""

    class Meta(ImplementationForm.Meta):
        fields = [
            "status",
            "responsible_authority",
            "summary",
            "next_step",
            "language",
            "target_date",
        ]


# -- reading the sheet --------------------------------------------------------------------
def _limit(name: str, default: int) -> int:
    return getattr(settings, name, default)


def _words(text) -> str:
    return re.sub(r"\s+", " ", str(text or "")).strip().casefold()


def _headings() -> dict[str, str]:
    """{heading as written in any language, or key: key} of the columns read."""
    headers = dict(MATRIX_COLUMNS)
    headers["note"] = NOTE_HEADER
    names = {}
    for code in CODES:
        with translation.override(code):
            for key in READ:
                names.setdefault(_words(headers[key]), key)
    for key in READ:
        names.setdefault(_words(key), key)
    # The update form's own name of the note.
    names.setdefault(_words(ImplementationForm.base_fields["note"].label), "note")
    return names


def status_names() -> dict[str, str]:
    """{status label in any of the hub's languages, or status value: value}."""
    names = {_words(status.value): status.value for status in Status}
    for code in CODES:
        with translation.override(code):
            for status in Status:
                names.setdefault(_words(status.label), status.value)
    return names


def _cell(value):
    """A cell's value as the form reads it: text stripped, a date as ISO text."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def read_sheet(upload) -> list[tuple[int, dict]]:
    """The rows of an uploaded workbook's first sheet, as (row number, {key: value}).

    Args:
        upload: the uploaded file.

    Returns:
        The non-blank rows under the heading row, with the columns of READ found.

    Raises:
        ImportRefused: the file is not a readable, safe .xlsx workbook within the limits, or
            its heading row lacks the code or the status.
    """
    name = getattr(upload, "name", "") or ""
    extension = PurePosixPath(name).suffix.lower()
    if extension in (".xlsm", ".xltm", ".xlsb"):
        raise ImportRefused(
            _(
                "Workbooks with macros cannot be uploaded. Save the sheet as an Excel workbook "
                "(.xlsx) and upload that."
            )
        )
    if extension != ".xlsx":
        raise ImportRefused(
            _("Upload the sheet as an Excel workbook (.xlsx); this file is not one.")
        )
    max_size = _limit("TRACKER_IMPORT_MAX_SIZE", DEFAULT_MAX_SIZE)
    if upload.size > max_size:
        raise ImportRefused(
            _("This file is larger than %(limit)s. Upload only your country’s sheet.")
            % {"limit": filesizeformat(max_size)}
        )
    try:
        validate_document_file(upload, name="sheet.xlsx")
    except ValidationError as error:
        raise ImportRefused(" ".join(error.messages)) from None
    max_rows = _limit("TRACKER_IMPORT_MAX_ROWS", DEFAULT_MAX_ROWS)
    too_many = _("This sheet has more than %(limit)d rows. Upload at most %(limit)d at a time.") % {
        "limit": max_rows
    }
    damaged = _(
        "This workbook is damaged or incomplete and cannot be read. Save it again and "
        "upload the new copy."
    )
    try:
        with zipfile.ZipFile(upload) as archive:
            if any(n.lower().endswith("vbaproject.bin") for n in archive.namelist()):
                raise ImportRefused(
                    _(
                        "This workbook contains macros, which cannot be uploaded. Save it as "
                        "an Excel workbook (.xlsx) without macros and upload that."
                    )
                )
        upload.seek(0)
        workbook = load_workbook(upload, read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            rows = sheet.iter_rows(values_only=True)
            heading = next(rows, None)
            columns = _columns(heading)
            read = []
            for number, values in enumerate(rows, start=2):
                # Blank rows are skipped, but not counted without end (a sheet formatted
                # down to its millionth row).
                if number > max_rows + BLANK_ROWS_READ:
                    raise ImportRefused(too_many)
                cells = {
                    key: _cell(values[i]) if i < len(values) else "" for key, i in columns.items()
                }
                if not any(cells.values()):
                    continue
                if len(read) >= max_rows:
                    raise ImportRefused(too_many)
                read.append((number, cells))
        finally:
            workbook.close()
    except ImportRefused:
        raise
    # A damaged workbook fails in openpyxl and the XML parser in many ways (KeyError for a
    # missing part, ValueError, parse errors…): each is the same refusal to the uploader.
    except Exception:  # noqa: BLE001
        raise ImportRefused(damaged) from None
    finally:
        upload.seek(0)
    return read


def _columns(heading) -> dict[str, int]:
    """{key: column index} from the heading row; refuses a sheet without code or status."""
    names = _headings()
    columns = {}
    for index, text in enumerate(heading or ()):
        key = names.get(_words(text))
        if key is None:
            continue
        if key in columns:
            raise ImportRefused(
                _("The column “%(name)s” appears twice in the first row. Keep one.")
                % {"name": str(text)[:100]}
            )
        columns[key] = index
    if "code" not in columns or not ({"status", "status_label"} & columns.keys()):
        raise ImportRefused(
            _(
                "The first row of the sheet must hold the column headings of the sheet you "
                "downloaded, with at least “Code” and “Status”."
            )
        )
    return columns


# -- checking the rows --------------------------------------------------------------------
@dataclass
class RowCheck:
    """One row of the sheet as checked: what would change, or what is wrong."""

    number: int
    code: str
    implementation: object = None
    old_status: str = ""
    new_status: str = ""
    #: (field label, old text, new text) of the fields changed besides the status.
    changes: list = field(default_factory=list)
    note: str = ""
    errors: list = field(default_factory=list)
    #: The form's data, kept for the confirmation.
    data: dict = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return not self.errors and (self.status_changed or bool(self.changes))

    @property
    def status_changed(self) -> bool:
        return bool(self.new_status) and self.new_status != self.old_status


@dataclass
class Plan:
    """The checked sheet: its rows, and whether it may be saved."""

    country: object
    rows: list[RowCheck]

    @property
    def errors(self) -> list[RowCheck]:
        return [row for row in self.rows if row.errors]

    @property
    def changed(self) -> list[RowCheck]:
        return [row for row in self.rows if row.changed]

    @property
    def unchanged(self) -> int:
        return len(self.rows) - len(self.errors) - len(self.changed)

    @property
    def valid(self) -> bool:
        return not self.errors


def importable(request, tracker, country) -> dict[str, object]:
    """{code: Implementation} of the recommendations this user sees addressed to
    ``country``: the rows the sheet may hold (the matrix's own rules)."""
    params = QueryDict(mutable=True)
    params.setlist("country", [country.code])
    matrix = build_matrix(request, tracker, params)
    return {impl.recommendation.code.casefold(): impl for impl in matrix.implementations}


def _form_data(implementation, cells: dict, statuses: dict) -> tuple[dict, list[str]]:
    """The update form's data for a row: the saved values, with the sheet's on top."""
    errors = []
    data = {
        "status": implementation.status,
        "responsible_authority": implementation.responsible_authority,
        "summary": implementation.summary,
        "next_step": implementation.next_step,
        "language": implementation.language,
        "target_date": _text(implementation.target_date),
        "note": cells.get("note", ""),
        "version": str(implementation.version),
    }
    for name in (*TEXTS, "target_date"):
        if name in cells:
            data[name] = cells[name]
    chosen = []
    for key in ("status", "status_label"):
        if key not in cells:
            continue
        text = cells[key]
        value = statuses.get(_words(text))
        if value is None:
            if text:
                errors.append(
                    _("“%(text)s” is not a status. Use one of: %(statuses)s.")
                    % {
                        "text": text[:100],
                        "statuses": ", ".join(str(s.label) for s in Status),
                    }
                )
            continue
        chosen.append(value)
    if not chosen and not errors:
        errors.append(_("The status is missing."))
    elif len(set(chosen)) > 1:
        # The export has both the status code and the label: the one edited counts.
        edited = {value for value in chosen if value != implementation.status}
        if len(edited) == 1:
            chosen = list(edited)
        else:
            errors.append(
                _("The status code and the status say different things: keep one of them.")
            )
    if chosen:
        data["status"] = chosen[0]
    changes_text = any(data[name] != getattr(implementation, name) for name in TEXTS)
    has_text = any(getattr(implementation, name) for name in TEXTS)
    if changes_text and not has_text:
        # Nothing written yet: the writer most likely writes in their interface's
        # language, as the update form assumes.
        data["language"] = translation.get_language() or implementation.language
    return data, errors


def _check(row: RowCheck, implementation, data: dict) -> None:
    """Run the update form on a row's data; fill in its changes or its errors. The
    implementation is left as saved (the form writes its values into its instance)."""
    saved = {name: getattr(implementation, name) for name in ("status", *TEXTS, "target_date")}
    saved["language"] = implementation.language
    form = RowForm(data, instance=implementation)
    valid = form.is_valid()
    for name, messages in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        row.errors.extend(f"{label}: {message}" if label else message for message in messages)
    for name, value in saved.items():
        setattr(implementation, name, value)
    # The status asked for, shown in the preview even when the row has a problem.
    row.new_status = form.cleaned_data.get("status") or ""
    row.note = (form.cleaned_data.get("note") or "").strip()
    if not valid:
        return
    cleaned = form.cleaned_data
    for name in (*TEXTS, "target_date"):
        old, new = _text(saved[name]), _text(cleaned[name])
        if old != new:
            row.changes.append((form.fields[name].label, old, new))
    row.data = data


def check_sheet(request, tracker, country, rows) -> Plan:
    """Check every row of a read sheet against what is saved for ``country``.

    Args:
        request: the request (its user decides which recommendations are visible).
        tracker: the tracker page.
        country: the country whose sheet it is (the user may manage it).
        rows: ``read_sheet``'s rows.

    Returns:
        The Plan: each row's changes or errors.
    """
    implementations = importable(request, tracker, country)
    statuses = status_names()
    known = None
    seen: dict[str, int] = {}
    checked = []
    for number, cells in rows:
        code = cells.get("code", "")
        row = RowCheck(number=number, code=code)
        checked.append(row)
        if not code:
            row.errors.append(_("The code of the recommendation is missing."))
            continue
        key = code.casefold()
        if key in seen:
            row.errors.append(
                _("This recommendation is also in row %(row)d: give each one only once.")
                % {"row": seen[key]}
            )
            continue
        seen[key] = number
        sheet_country = cells.get("country_code", "")
        if sheet_country and sheet_country.casefold() != country.code.casefold():
            row.errors.append(
                _(
                    "This row is for the country “%(code)s”: this sheet may hold only "
                    "%(country)s’s statuses (%(own)s)."
                )
                % {"code": sheet_country[:10], "country": country.display_name, "own": country.code}
            )
            continue
        implementation = implementations.get(key)
        if implementation is None:
            if known is None:
                known = {
                    c.casefold()
                    for c in visible_recommendations(request, tracker).values_list(
                        "code", flat=True
                    )
                }
            if key in known:
                row.errors.append(
                    _("Recommendation %(code)s is not addressed to %(country)s.")
                    % {"code": code[:50], "country": country.display_name}
                )
            else:
                row.errors.append(
                    _("There is no recommendation with the code “%(code)s”.") % {"code": code[:50]}
                )
            continue
        row.code = implementation.recommendation.code
        row.implementation = implementation
        row.old_status = implementation.status
        data, errors = _form_data(implementation, cells, statuses)
        if errors:
            row.errors.extend(errors)
            continue
        _check(row, implementation, data)
    return Plan(country=country, rows=checked)


# -- from the preview to the confirmation --------------------------------------------------
def _salt(user, country) -> str:
    return f"{SALT}:{user.pk}:{country.code}"


def sign(plan: Plan, user) -> str:
    """The preview's changes, signed for this user and country, for the confirmation."""
    entries = [
        {"pk": row.implementation.pk, "row": row.number, "data": row.data} for row in plan.changed
    ]
    return signing.dumps(entries, salt=_salt(user, plan.country), compress=True)


def unsign(token: str, user, country) -> list[dict]:
    """The changes of a signed preview.

    Raises:
        ImportRefused: the preview was altered, is for someone or something else, or has
            expired.
    """
    if not token or len(token) > PAYLOAD_MAX_LENGTH:
        raise ImportRefused(_("This preview cannot be read. Upload the sheet again."))
    try:
        entries = signing.loads(token, salt=_salt(user, country), max_age=PREVIEW_MAX_AGE)
    except signing.SignatureExpired:
        raise ImportRefused(_("This preview has expired. Upload the sheet again.")) from None
    except signing.BadSignature:
        raise ImportRefused(_("This preview cannot be read. Upload the sheet again.")) from None
    if not isinstance(entries, list):
        raise ImportRefused(_("This preview cannot be read. Upload the sheet again."))
    return entries


def apply(request, tracker, country, entries: list[dict]) -> int:
    """Save a confirmed preview's changes, all in one transaction, through apply_update.

    Args:
        request: the request of the user confirming (who must still manage ``country``).
        tracker: the tracker page.
        country: the country of the preview.
        entries: ``unsign``'s changes.

    Returns:
        The number of implementations changed.

    Raises:
        StalePreview: an implementation changed since the preview (or left the country's
            sheet); nothing is saved.
        PermissionDenied: the user may no longer manage the country; nothing is saved.
    """
    implementations = {impl.pk: impl for impl in importable(request, tracker, country).values()}
    forms, stale = [], []
    for entry in entries:
        implementation = implementations.get(entry.get("pk"))
        data = entry.get("data") or {}
        if implementation is None:
            stale.append(str(entry.get("row", "?")))
            continue
        form = RowForm(data, instance=implementation)
        if str(implementation.version) != str(data.get("version")) or not form.is_valid():
            stale.append(implementation.recommendation.code)
            continue
        forms.append((implementation, form))
    if stale:
        raise StalePreview(stale)
    try:
        with transaction.atomic():
            saved = 0
            for implementation, form in forms:
                update = apply_update(
                    implementation,
                    request.user,
                    form.update_data(),
                    note=form.cleaned_data["note"],
                    version=int(form.cleaned_data["version"]),
                )
                saved += update is not None
    except StaleVersion as error:
        raise StalePreview([error.current.recommendation.code]) from None
    return saved


# -- the sheet to download ----------------------------------------------------------------
def country_sheet(request, tracker, country):
    """The XLSX a coordinator fills in: their country's rows in the export's shape, with
    an empty note column. Uploaded unchanged, it changes nothing."""
    from .exports import xlsx_response

    params = QueryDict(mutable=True)
    params.setlist("country", [country.code])
    rows = matrix_rows(request, build_matrix(request, tracker, params))
    for row in rows:
        row["note"] = ""
    response = xlsx_response([(country.display_name, SHEET_COLUMNS, rows)])
    response["Content-Disposition"] = (
        f'attachment; filename="recommendations-{country.code.lower()}-for-updating.xlsx"'
    )
    response["Cache-Control"] = "private, no-store"
    return response


class ImportForm(forms.Form):
    """The upload of a country's sheet."""

    sheet = forms.FileField(
        label=gettext_lazy("Your country’s sheet (.xlsx)"),
        help_text=gettext_lazy(
            "The sheet downloaded above, with your changes. Nothing is saved before you "
            "confirm the preview."
        ),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )
