"""The tracker's exports hold exactly what the matrix shows; its charts show the tables' numbers."""

import csv
import datetime
import io
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from html.parser import HTMLParser
from types import SimpleNamespace

import openpyxl
import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404, QueryDict
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone

from countries.models import Country
from home.models import HomePage
from recommendations.charts import progress_chart, progress_series, status_chart
from recommendations.exports import history_export, matrix_export
from recommendations.matrix import build_matrix, history, summarise
from recommendations.models import Implementation, RecommendationPage, StatusUpdate, TrackerPage

SVG = "{http://www.w3.org/2000/svg}"
MEMBERS_ONLY_WORD = "Quillfeather"


def aware(*args):
    return timezone.make_aware(datetime.datetime(*args))


@pytest.fixture
def tracker(db):
    tracker = TrackerPage.objects.first()
    if tracker is None:
        tracker = HomePage.objects.first().add_child(
            instance=TrackerPage(title="Recommendation tracker", slug="tracker-under-test")
        )
    return tracker


def add_recommendation(tracker, code, title, theme, countries, audience="public", report=""):
    page = tracker.add_child(
        instance=RecommendationPage(
            title=title,
            slug=code.lower(),
            code=code,
            text="<p>x</p>",
            theme=theme,
            issued=datetime.date(2023, 1, 1),
            source_report=report or "Test report",
            audience=audience,
        )
    )
    page.target_countries.set(Country.objects.filter(code__in=countries))
    page.save_revision().publish()
    return page


def set_impl(page, code, **fields):
    updated = Implementation.objects.filter(recommendation=page, country__code=code).update(
        **fields
    )
    assert updated == 1
    return Implementation.objects.get(recommendation=page, country__code=code)


@pytest.fixture
def data(tracker, users):
    author = users["fi-coordinator"]
    one = add_recommendation(tracker, "R-2099-01", "Shared indicators", "data", ["FI", "SE", "NO"])
    two = add_recommendation(
        tracker, "R-2099-02", "Joint investigations", "justice", ["FI", "SE"], report="Other"
    )
    three = add_recommendation(
        tracker,
        "R-2099-03",
        f"{MEMBERS_ONLY_WORD} plan",
        "data",
        ["FI", "SE", "DK"],
        audience="members",
    )
    fi_one = set_impl(
        one,
        "FI",
        status="implemented",
        responsible_authority='=HYPERLINK("http://evil.example","click")',
        summary="+SUM(1,2)",
        next_step="@cmd",
        target_date=datetime.date(2099, 6, 30),
        updated_at=datetime.datetime(2024, 5, 2, 7, 0, tzinfo=datetime.UTC),
        updated_by=author,
    )
    set_impl(one, "SE", status="in_progress", summary="-2 measures")
    set_impl(one, "NO", status="not_applicable", next_step="\tTabbed")
    set_impl(two, "FI", status="planned")
    set_impl(two, "SE", status="implemented")
    fi_three = set_impl(three, "FI", status="partly", summary=f"{MEMBERS_ONLY_WORD} measures")
    set_impl(three, "SE", status="implemented")
    set_impl(three, "DK", status="planned")
    for when, before, after, note in (
        (aware(2023, 11, 5, 9), "not_started", "planned", "Planned in the action plan."),
        (aware(2024, 5, 2, 10), "planned", "implemented", "=1+1"),
    ):
        StatusUpdate.objects.create(
            implementation=fi_one,
            created_at=when,
            user=author,
            user_name="Fia Coordinator",
            from_status=before,
            to_status=after,
            note=note,
            changes={"summary": ["", "+SUM(1,2)"]},
        )
    StatusUpdate.objects.create(
        implementation=fi_three,
        created_at=aware(2024, 2, 1, 12),
        user=author,
        user_name="Fia Coordinator",
        from_status="not_started",
        to_status="partly",
        note=f"{MEMBERS_ONLY_WORD} note",
    )
    return {"one": one, "two": two, "three": three}


def make_request(user, params=None):
    request = RequestFactory().get("/recommendations/export/csv/", params or {})
    request.user = user or AnonymousUser()
    return request


def csv_rows(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def json_rows(response):
    data = json.loads(response.content)
    assert data["count"] == len(data["results"])
    return data["results"]


def xlsx_rows(response, keys):
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(keys, row, strict=True)) for row in rows[1:]]


def exported(response, fmt, keys):
    if fmt == "csv":
        return csv_rows(response)
    if fmt == "json":
        return json_rows(response)
    return xlsx_rows(response, keys)


MATRIX_KEYS = [
    "code",
    "title",
    "theme",
    "source",
    "country_code",
    "country",
    "status",
    "status_label",
    "responsible_authority",
    "summary",
    "next_step",
    "target_date",
    "updated_at",
    "updated_by",
    "url",
    "source_kind",
    "source_kind_label",
    "source_round",
    "source_date",
    "source_url",
    "issued",
    "corresponds_to",
]
HISTORY_KEYS = [
    "when",
    "code",
    "title",
    "country_code",
    "country",
    "from_status",
    "from_status_label",
    "to_status",
    "to_status_label",
    "by",
    "note",
    "changes",
    "source",
    "source_kind",
]
FILTERS = [
    {},
    {"theme": "data"},
    {"status": "implemented"},
    {"country": "fi"},
    {"source": "other"},
    {"theme": "data", "status": ["implemented", "partly"], "country": ["FI", "SE"]},
]


def query(params):
    q = QueryDict(mutable=True)
    for key, value in params.items():
        q.setlist(key, value if isinstance(value, list) else [value])
    return q


# -- exports ----------------------------------------------------------------------------
@pytest.mark.parametrize("username", [None, "expert-police", "fi-coordinator"])
def test_matrix_exports_hold_exactly_the_shown_cells(data, tracker, users, username):
    user = users[username] if username else None
    for params in FILTERS:
        matrix = build_matrix(make_request(user, params), tracker, query(params))
        expected = [
            (i.recommendation.code, i.country.code, i.status) for i in matrix.implementations
        ]
        assert any(code.startswith("R-2099") for code, _c, _s in expected), params
        for fmt in ("csv", "json", "xlsx"):
            response = matrix_export(make_request(user, params), tracker, fmt)
            assert response.status_code == 200
            rows = exported(response, fmt, MATRIX_KEYS)
            got = [(r["code"], r["country_code"], r["status"]) for r in rows]
            assert got == expected, (fmt, params)


@pytest.mark.parametrize("username", [None, "expert-police"])
def test_history_exports_hold_the_updates_of_the_shown_cells(data, tracker, users, username):
    user = users[username] if username else None
    for params in FILTERS:
        matrix = build_matrix(make_request(user, params), tracker, query(params))
        expected = [
            (u.implementation.recommendation.code, u.implementation.country.code, u.to_status)
            for u in history(matrix.implementations)
        ]
        for fmt in ("csv", "json", "xlsx"):
            response = history_export(make_request(user, params), tracker, fmt)
            rows = exported(response, fmt, HISTORY_KEYS)
            got = [(r["code"], r["country_code"], r["to_status"]) for r in rows]
            assert got == expected, (fmt, params)


def test_the_filters_narrow_the_export(data, tracker, users):
    member = users["expert-police"]
    codes = {
        (r["code"], r["country_code"])
        for r in csv_rows(matrix_export(make_request(member, {"theme": "data"}), tracker, "csv"))
    }
    assert ("R-2099-01", "FI") in codes and ("R-2099-03", "DK") in codes
    assert not any(code == "R-2099-02" for code, _c in codes)
    rows = csv_rows(
        matrix_export(
            make_request(member, {"status": "implemented", "country": "SE"}), tracker, "csv"
        )
    )
    ours = {(r["code"], r["country_code"]) for r in rows if r["code"].startswith("R-2099")}
    assert ours == {("R-2099-02", "SE"), ("R-2099-03", "SE")}
    assert {r["status"] for r in rows} == {"implemented"}


@pytest.mark.parametrize("export", [matrix_export, history_export])
def test_members_only_recommendations_never_reach_anonymous_exports(data, tracker, users, export):
    for fmt in ("csv", "json", "xlsx"):
        anonymous = export(make_request(None), tracker, fmt)
        member = export(make_request(users["expert-police"]), tracker, fmt)
        keys = MATRIX_KEYS if export is matrix_export else HISTORY_KEYS
        anonymous_rows = exported(anonymous, fmt, keys)
        member_rows = exported(member, fmt, keys)
        assert "R-2099-01" in {r["code"] for r in anonymous_rows}
        assert "R-2099-03" not in {r["code"] for r in anonymous_rows}
        assert "R-2099-03" in {r["code"] for r in member_rows}
        if fmt != "xlsx":
            assert MEMBERS_ONLY_WORD.encode() not in anonymous.content
            assert MEMBERS_ONLY_WORD.encode() in member.content


@pytest.mark.parametrize("export", [matrix_export, history_export])
@pytest.mark.parametrize("fmt", ["pdf", "CSV", "", "xls"])
def test_an_unknown_format_is_not_found(tracker, export, fmt):
    with pytest.raises(Http404):
        export(make_request(None), tracker, fmt)


@pytest.mark.parametrize("export", [matrix_export, history_export])
@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_exports_are_private_dated_attachments(tracker, export, fmt):
    response = export(make_request(None), tracker, fmt)
    assert response["Cache-Control"] == "private, no-store"
    today = timezone.localdate().isoformat()
    assert re.fullmatch(
        rf'attachment; filename="recommendations(-history)?-{today}\.{fmt}"',
        response["Content-Disposition"],
    )


def test_spreadsheet_formulas_are_neutralised_in_csv_and_typed_as_text_in_xlsx(
    data, tracker, settings
):
    request = make_request(None, {"country": "FI"})
    rows = {r["code"]: r for r in csv_rows(matrix_export(request, tracker, "csv"))}
    fi = rows["R-2099-01"]
    assert fi["responsible_authority"] == '\'=HYPERLINK("http://evil.example","click")'
    assert fi["summary"] == "'+SUM(1,2)"
    assert fi["next_step"] == "'@cmd"
    assert fi["url"].startswith(f"{settings.BASE_URL}/") and fi["url"].endswith("/r-2099-01/")
    se_no = csv_rows(matrix_export(make_request(None, {"country": ["SE", "NO"]}), tracker, "csv"))
    values = {(r["code"], r["country_code"]): r for r in se_no}
    assert values[("R-2099-01", "SE")]["summary"] == "'-2 measures"
    assert values[("R-2099-01", "NO")]["next_step"] == "'\tTabbed"

    workbook = openpyxl.load_workbook(io.BytesIO(matrix_export(request, tracker, "xlsx").content))
    sheet = workbook.active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    # XLSX cells are typed: the text as written, as a string, never run.
    texts = {cell.value: cell.data_type for cell in cells if isinstance(cell.value, str)}
    assert texts['=HYPERLINK("http://evil.example","click")'] == "s"
    assert texts["+SUM(1,2)"] == "s"
    assert texts["@cmd"] == "s"
    assert not [text for text in texts if text.startswith("'")]

    history_rows = csv_rows(history_export(request, tracker, "csv"))
    notes = {r["note"] for r in history_rows if r["code"] == "R-2099-01"}
    assert "'=1+1" in notes
    # JSON is not a spreadsheet: it keeps the text as written.
    results = json_rows(matrix_export(request, tracker, "json"))
    assert {r["summary"] for r in results if r["code"] == "R-2099-01"} == {"+SUM(1,2)"}


def test_downloaded_xlsx_keeps_formula_like_text_exactly_and_csv_guards_it(client, tracker):
    page = add_recommendation(tracker, "R-2099-09", "Typed cells", "data", ["FI"])
    impl = set_impl(page, "FI", responsible_authority="=SUM(1)", summary="+1", next_step="-x")
    StatusUpdate.objects.create(
        implementation=impl,
        created_at=aware(2024, 3, 1, 9),
        user_name="Fia Coordinator",
        from_status="not_started",
        to_status="planned",
        note="@y",
    )
    written = {"responsible_authority": "=SUM(1)", "summary": "+1", "next_step": "-x"}
    query = {"country": "FI", "theme": "data"}

    def download(path, fmt):
        response = client.get(f"{tracker.url}{path}export/{fmt}/", query)
        assert response.status_code == 200
        return response

    sheet = openpyxl.load_workbook(io.BytesIO(download("", "xlsx").content)).active
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "R-2099-09")
    cells = dict(zip(MATRIX_KEYS, row, strict=True))
    for key, text in written.items():
        assert cells[key].value == text
        assert cells[key].data_type == "s"
    history = openpyxl.load_workbook(io.BytesIO(download("history/", "xlsx").content)).active
    notes = [r[HISTORY_KEYS.index("note")] for r in history.iter_rows(min_row=2)]
    assert [(cell.value, cell.data_type) for cell in notes if "@" in str(cell.value)] == [
        ("@y", "s")
    ]

    row = next(r for r in csv_rows(download("", "csv")) if r["code"] == "R-2099-09")
    assert {key: row[key] for key in written} == {key: f"'{text}" for key, text in written.items()}
    notes = [r["note"] for r in csv_rows(download("history/", "csv")) if r["code"] == "R-2099-09"]
    assert notes == ["'@y"]


def test_xlsx_has_a_bold_frozen_header_and_real_dates(data, tracker, users):
    response = matrix_export(
        make_request(users["expert-police"], {"country": "FI"}), tracker, "xlsx"
    )
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    header = list(sheet[1])
    assert [c.value for c in header][:3] == ["Code", "Recommendation", "Theme"]
    assert all(cell.font.bold for cell in header)
    assert sheet.freeze_panes == "A2"
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "R-2099-01")
    by_key = dict(zip(MATRIX_KEYS, row, strict=True))
    assert by_key["target_date"].is_date
    assert by_key["target_date"].value.date() == datetime.date(2099, 6, 30)
    assert by_key["updated_at"].is_date
    # Local wall-clock time: Helsinki is UTC+3 in May.
    assert by_key["updated_at"].value == datetime.datetime(2024, 5, 2, 10, 0)
    assert by_key["theme"].value == "Data, research and evaluation"
    assert by_key["source"].value == "Test report"
    assert by_key["status_label"].value == "Implemented"


def test_history_json_keeps_the_changes_and_the_author(data, tracker, users):
    request = make_request(users["expert-police"], {"country": "FI", "theme": "data"})
    data_ = json.loads(history_export(request, tracker, "json").content)
    assert data_["filters"]["country"] == ["FI"] and data_["filters"]["theme"] == ["data"]
    ours = [r for r in data_["results"] if r["code"].startswith("R-2099")]
    assert [(r["code"], r["to_status"]) for r in ours] == [
        ("R-2099-01", "implemented"),
        ("R-2099-03", "partly"),
        ("R-2099-01", "planned"),
    ]
    assert ours[0]["by"] == "Fia Coordinator"
    assert ours[0]["changes"] == {"summary": ["", "+SUM(1,2)"]}
    assert ours[0]["when"] == "2024-05-02T10:00:00+03:00"
    history_csv = csv_rows(history_export(request, tracker, "csv"))
    first = next(r for r in history_csv if r["code"] == "R-2099-01")
    assert json.loads(first["changes"]) == {"summary": ["", "+SUM(1,2)"]}


def test_exports_cost_a_bounded_number_of_queries(
    data, tracker, users, django_assert_max_num_queries
):
    request = make_request(users["expert-police"])
    with django_assert_max_num_queries(12):
        matrix_export(request, tracker, "csv")
    with django_assert_max_num_queries(12):
        history_export(make_request(users["expert-police"]), tracker, "xlsx")


# -- charts -----------------------------------------------------------------------------
class CellCollector(HTMLParser):
    """Table cells with data-country, by their data-* attributes, with their text."""

    def __init__(self):
        super().__init__()
        self.cells, self._open, self._attrs = [], 0, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "td" and "data-country" in attrs:
            self._attrs, self._text, self._open = attrs, [], 1
        elif self._open and tag == "span":
            self._text.append(("span", attrs))

    def handle_data(self, data):
        if self._open:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "td" and self._open:
            text = "".join(t for t in self._text if isinstance(t, str))
            self.cells.append((self._attrs, " ".join(text.split())))
            self._open = 0


def parse_xml(text):
    """Parse our own SVG output: raises unless it is well-formed XML."""
    return ET.fromstring(text)  # noqa: S314 - markup the tests just rendered


def parse_svg(html):
    found = re.findall(r"<svg\b.*?</svg>", html, re.S)
    assert len(found) == 1
    root = parse_xml(found[0])
    assert root.get("role") == "img"
    ids = {el.get("id") for el in root.iter() if el.get("id")}
    labelled = root.get("aria-labelledby").split()
    assert labelled and set(labelled) <= ids
    assert root.find(f"{SVG}title").text and root.find(f"{SVG}desc").text
    assert root.get("viewBox")
    return root


def test_status_chart_shows_the_tables_numbers(data, tracker, users):
    request = make_request(users["expert-police"])
    matrix = build_matrix(request, tracker, QueryDict())
    totals = matrix.totals()
    html = render_to_string("recommendations/includes/status_chart.html", {"totals": totals})
    root = parse_svg(html)

    segments = {
        (el.get("data-country"), el.get("data-status")): int(el.get("data-count"))
        for el in root.iter(f"{SVG}rect")
        if el.get("data-count") is not None
    }
    parser = CellCollector()
    parser.feed(html)
    table = {
        (attrs["data-country"], attrs["data-status"]): int(text)
        for attrs, text in parser.cells
        if "data-status" in attrs
    }
    from_totals = {
        (row["country"].code, str(status)): count
        for row in totals
        for status, count in row["counts"]
    }
    assert segments[("FI", "implemented")] >= 1 and segments[("SE", "implemented")] >= 2
    assert table == from_totals
    for key, count in segments.items():
        assert count == table[key] == from_totals[key]
    # Every non-zero cell of the table has its segment.
    assert {key for key, count in table.items() if count} == set(segments)
    bars = {el.get("data-country"): el for el in root.iter(f"{SVG}g") if el.get("data-total")}
    progress = {
        attrs["data-country"]: text for attrs, text in parser.cells if "data-progress" in attrs
    }
    for row in totals:
        code = row["country"].code
        assert int(bars[code].get("data-total")) == row["total"]
        assert progress[code] == f"{row['progress']}%"
    assert "<table" in html and '<th scope="row">Finland</th>' in html
    assert "Show the numbers as a table" in html


def test_status_chart_counts_only_the_filtered_cells(data, tracker, users):
    request = make_request(users["expert-police"], {"status": "implemented"})
    matrix = build_matrix(request, tracker, query({"status": "implemented"}))
    root = parse_xml(str(status_chart(matrix.totals())))
    statuses = {el.get("data-status") for el in root.iter(f"{SVG}rect") if el.get("data-count")}
    assert statuses == {"implemented"}


def test_status_chart_escapes_names_and_tells_statuses_apart_without_colour():
    # A country as the chart reads it: the name it shows is its display name.
    nasty_name = '<script>alert("x")</script> & Co'
    nasty = SimpleNamespace(code="X&", name=nasty_name, display_name=nasty_name)
    totals = [summarise(nasty, Counter({"implemented": 2, "planned": 1, "not_applicable": 1}))]
    svg = str(status_chart(totals))
    assert "<script>" not in svg
    root = parse_xml(svg)
    texts = [el.text for el in root.iter(f"{SVG}text")]
    assert any(t and t.startswith('<script>alert("x")') for t in texts)
    assert root.find(f"{SVG}desc").text.startswith('<script>alert("x")</script> & Co:')
    patterns = {p.get("id"): p for p in root.iter(f"{SVG}pattern")}
    fills = {
        el.get("data-status"): el.get("fill")
        for el in root.iter(f"{SVG}rect")
        if el.get("data-count")
    }
    assert len(set(fills.values())) == 3
    # Each status's pattern differs in its colour and in its marks.
    tiles = [patterns[fill[5:-1]] for fill in fills.values()]
    assert len({ET.tostring(tile[0]) for tile in tiles}) == 3
    assert len({tuple(ET.tostring(el) for el in tile[1:]) for tile in tiles}) == 3
    # The counts are printed on the bar, and every status is named in the legend.
    bar = next(el for el in root.iter(f"{SVG}g") if el.get("data-total"))
    assert [el.text for el in bar.iter(f"{SVG}text")][1:4] == ["1", "2", "1"]
    assert {"Implemented", "Planned", "Not applicable", "Not started"} <= set(texts)


FI = Country(pk=1, code="FI", name="Finland")
SE = Country(pk=2, code="SE", name="Sweden")


def hand_made():
    early = RecommendationPage(code="R-2023-01", issued=datetime.date(2023, 1, 1))
    late = RecommendationPage(code="R-2024-01", issued=datetime.date(2024, 2, 1))
    impls = [
        Implementation(pk=1, recommendation=early, country=FI, status="implemented"),
        Implementation(pk=2, recommendation=early, country=FI, status="in_progress"),
        Implementation(pk=3, recommendation=late, country=FI, status="not_started"),
        Implementation(pk=4, recommendation=early, country=SE, status="not_applicable"),
    ]
    updates = [
        StatusUpdate(implementation_id=1, created_at=aware(2024, 1, 10, 12), to_status="planned"),
        StatusUpdate(
            implementation_id=1, created_at=aware(2024, 4, 20, 12), to_status="implemented"
        ),
        StatusUpdate(
            implementation_id=2, created_at=aware(2023, 11, 5, 12), to_status="in_progress"
        ),
        StatusUpdate(
            implementation_id=4, created_at=aware(2024, 2, 1, 12), to_status="not_applicable"
        ),
    ]
    return updates, impls


def test_progress_series_replays_the_history(db, django_assert_num_queries):
    updates, impls = hand_made()
    with django_assert_num_queries(0):
        series = progress_series(
            list(reversed(updates)), impls, [FI, SE], today=datetime.date(2024, 6, 15)
        )
    assert series["points"] == [
        datetime.date(2023, 12, 31),
        datetime.date(2024, 3, 31),
        datetime.date(2024, 6, 15),
    ]
    assert series["labels"][:2] == ["2023 Q4", "2024 Q1"]
    fi, se = series["rows"]
    assert fi["country"] == FI and se["country"] == SE
    # Every point counts today's three items (the one measure, followed back in time):
    # End of 2023: #1 not started, #2 in progress (0.5); #3 not issued yet, so not
    # started → 0.5 / 3. Q1 2024: #1 planned (0.25), #2 0.5, #3 0 → 0.75 / 3.
    # June 2024: #1 implemented (1), #2 0.5, #3 0 → 1.5 / 3.
    assert [v["progress"] for v in fi["values"]] == [17, 25, 50]
    assert [v["implemented"] for v in fi["values"]] == [0, 0, 1]
    assert [v["applicable"] for v in fi["values"]] == [3, 3, 3]
    # Sweden's only item became "not applicable": nothing applicable is left.
    assert [(v["progress"], v["applicable"]) for v in se["values"]] == [(0, 1), (0, 0), (0, 0)]


def test_progress_series_keeps_the_latest_points_and_ends_at_the_present(db):
    updates, impls = hand_made()
    updates.append(
        StatusUpdate(implementation_id=2, created_at=aware(2019, 2, 3, 12), to_status="planned")
    )
    series = progress_series(updates, impls, [FI], points=8)
    today = timezone.localdate()
    assert len(series["points"]) == 8 and series["points"][-1] == today
    assert series["labels"][-1] == "Now"
    # The present uses the current statuses: 1 + 0.5 + 0 over 3.
    assert series["rows"][0]["values"][-1]["progress"] == 50
    assert series["rows"][0]["values"][-1]["implemented"] == 1


def test_progress_chart_shows_the_tables_numbers(db):
    updates, impls = hand_made()
    series = progress_series(updates, impls, [FI, SE], today=datetime.date(2024, 6, 15))
    html = render_to_string("recommendations/includes/progress_chart.html", {"series": series})
    root = parse_svg(html)
    points = {
        (el.get("data-country"), el.get("data-date")): (
            int(el.get("data-progress")),
            int(el.get("data-implemented")),
        )
        for el in root.iter(f"{SVG}circle")
    }
    parser = CellCollector()
    parser.feed(html)
    table = {}
    for attrs, text in parser.cells:
        match = re.fullmatch(r"(\d+)% \((\d+) implemented\)", text)
        assert match, text
        table[(attrs["data-country"], attrs["data-date"])] = tuple(map(int, match.groups()))
    expected = {
        (row["country"].code, value["date"].isoformat()): (value["progress"], value["implemented"])
        for row in series["rows"]
        for value in row["values"]
    }
    assert points == table == expected
    assert expected[("FI", "2024-06-15")] == (50, 1)
    # One line per country, each with its own dash pattern, labelled at its end.
    lines = list(root.iter(f"{SVG}polyline"))
    assert len(lines) == 2
    assert len({el.get("stroke-dasharray", "") for el in lines}) == 2
    labels = [el.text for el in root.iter(f"{SVG}text")]
    assert "Finland 50%" in labels and "Sweden 0%" in labels
    assert '<th scope="row">Sweden</th>' in html


def test_progress_of_the_tracker_ends_where_the_status_chart_stands(data, tracker, users):
    request = make_request(users["expert-police"])
    matrix = build_matrix(request, tracker, QueryDict())
    series = progress_series(
        history(matrix.implementations), matrix.implementations, matrix.countries, points=80
    )
    last = {row["country"].code: row["values"][-1] for row in series["rows"]}
    for row in matrix.totals():
        assert last[row["country"].code]["progress"] == row["progress"]
        assert last[row["country"].code]["implemented"] == row["implemented"]
    assert series["points"][0] <= datetime.date(2023, 12, 31)
    parse_xml(str(progress_chart(series)))


def test_a_chart_with_nothing_to_show_says_so(db):
    html = render_to_string("recommendations/includes/status_chart.html", {"totals": []})
    assert "<svg" not in html and "There is nothing to show" in html
    one_point = progress_series([], [], [FI], today=datetime.date(2024, 6, 15))
    assert one_point["points"] == [datetime.date(2024, 6, 15)]
    parse_xml(str(progress_chart(one_point)))
