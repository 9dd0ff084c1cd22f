"""CSV and JSON exports of the library's current filtered list (what the user may see).

Filters that were not recognised are refused (400), never exported as the whole list.
"""

import csv

from django.http import HttpResponse, JsonResponse
from django.utils import timezone

from core.filters import refused
from core.links import page_url
from core.spreadsheets import neutralise

from .models import PracticePage

COLUMNS = (
    "title",
    "title_en",
    "url",
    "country",
    "language",
    "audience",
    "summary",
    "summary_en",
    "forms_of_exploitation",
    "target_groups",
    "sectors",
    "approaches",
    "organisations",
    "other_countries",
    "start_year",
    "end_year",
    "ongoing",
    "evidence_level",
    "tags",
    "first_published_at",
    "last_published_at",
)


def rows(results):
    practices = results.prefetch_related(*PracticePage.described_by)
    for practice in practices:
        yield {
            "title": practice.title,
            "title_en": practice.title_en,
            "url": page_url(practice),
            "country": practice.country_code,
            "language": practice.language,
            "audience": practice.audience,
            "summary": practice.summary,
            "summary_en": practice.summary_en,
            "forms_of_exploitation": [t.slug for t in practice.forms.all()],
            "target_groups": [t.slug for t in practice.target_groups.all()],
            "sectors": [t.slug for t in practice.sectors.all()],
            "approaches": [t.slug for t in practice.approaches.all()],
            "organisations": [o.name for o in practice.organisations.all()],
            "other_countries": [c.code for c in practice.other_countries.all()],
            "start_year": practice.start_year,
            "end_year": practice.end_year,
            "ongoing": practice.ongoing,
            "evidence_level": practice.evidence_level,
            "tags": [t.name for t in practice.tags.all()],
            "first_published_at": practice.first_published_at.isoformat()
            if practice.first_published_at
            else None,
            "last_published_at": practice.last_published_at.isoformat()
            if practice.last_published_at
            else None,
        }


def _cell(value):
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    if value is None:
        return ""
    return neutralise(str(value))


def _filename(extension):
    return f"practices-{timezone.now():%Y-%m-%d}.{extension}"


def csv_response(library):
    if not library["filters"].valid:
        return refused(library["filters"])
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename("csv")}"'
    response["Cache-Control"] = "private, no-store"
    response.write("\ufeff")  # Excel reads UTF-8 (ä, ø, ð) only with the BOM.
    writer = csv.writer(response)
    writer.writerow(COLUMNS)
    for row in rows(library["results"]):
        writer.writerow([_cell(row[column]) for column in COLUMNS])
    return response


def json_response(library):
    if not library["filters"].valid:
        return refused(library["filters"], as_json=True)
    results = list(rows(library["results"]))
    data = {"count": len(results), "filters": library["selected"], "results": results}
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Disposition"] = f'attachment; filename="{_filename("json")}"'
    response["Cache-Control"] = "private, no-store"
    return response
