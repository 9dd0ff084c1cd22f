"""One progress measure: the same figure in the country page's card, the tracker's charts
and country list, the exports and the digest; defined on the pages; and a progress chart
that never shows a fall no status made."""

import csv
import datetime
import io
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter

import openpyxl
import pytest
from django.core.management import call_command
from django.utils import timezone
from django.utils.html import escape

from countries.models import Country
from recommendations.charts import progress_chart, progress_series
from recommendations.choices import Status
from recommendations.matrix import summarise
from recommendations.models import Follow, Implementation, RecommendationPage, StatusUpdate
from recommendations.progress import definition, measure
from recommendations.updates import apply_update

from .factories import impl_of, publish_recommendation, tracker_page

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
#: Finland's statuses in ``finland_data``: 12 applicable, 2 not applicable.
FINLAND = [
    Status.IMPLEMENTED,
    Status.IMPLEMENTED,
    Status.IMPLEMENTED,
    Status.IMPLEMENTED,
    Status.IMPLEMENTED,
    Status.PARTLY,
    Status.PARTLY,
    Status.IN_PROGRESS,
    Status.IN_PROGRESS,
    Status.PLANNED,
    Status.NOT_STARTED,
    Status.NOT_STARTED,
    Status.NOT_APPLICABLE,
    Status.NOT_APPLICABLE,
]
# (5 + 2 × 0.75 + 2 × 0.5 + 0.25) / 12 = 7.75 / 12 = 64.58… → 65.
SENTENCE = (
    "65% progress: 5 of 12 applicable recommendations implemented (2 not applicable, left out)"
)
SHORT = "65% · 5/12 implemented"


class TestTheDefinition:
    def test_weights_and_what_not_applicable_does(self):
        result = measure(Counter(FINLAND))
        assert (result.total, result.applicable, result.not_applicable) == (14, 12, 2)
        assert (result.implemented, result.percent) == (5, 65)
        assert result.sentence() == SENTENCE
        assert result.short() == SHORT
        # Not applicable neither raises nor lowers the figure.
        more = Counter(FINLAND) + Counter({Status.NOT_APPLICABLE: 5})
        assert measure(more).percent == 65

    def test_the_pages_definition_states_the_weights_in_use(self):
        weights = definition()[1]
        assert weights.startswith(
            "Each counts with the weight of its status: implemented 100%, partly implemented "
            "75%, in progress 50%, planned 25%, not started 0%."
        )

    def test_rounds_half_up_everywhere(self):
        # 0.25 / 2 = 12.5 %: 13, never Python's 12 (round half to even).
        assert measure({"planned": 1, "not_started": 1}).percent == 13
        assert measure({}).percent == 0 and measure(None).applicable == 0
        assert measure({"not_applicable": 3}).sentence() == (
            "0% progress: 0 of 0 applicable recommendations implemented "
            "(3 not applicable, left out)"
        )

    def test_summarise_is_the_measure(self):
        finland = Country.objects.get(code="FI")
        summary = summarise(finland, Counter(FINLAND))
        assert summary["progress"] == 65 and summary["applicable"] == 12
        assert summary["not_applicable"] == 2 and summary["implemented"] == 5
        assert summary["measure"] == measure(Counter(FINLAND))


@pytest.fixture
def finland_data(users):
    """Fourteen recommendations for Finland (with Sweden), in FINLAND's statuses."""
    pages = []
    for index, status in enumerate(FINLAND):
        page = publish_recommendation(f"R-2096-{index:02d}", countries=("FI", "SE"))
        if status != Status.NOT_STARTED:
            apply_update(impl_of(page, "FI"), users["fi-coordinator"], {"status": status}, note="x")
        pages.append(page)
    return pages


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


class TestTheSameFiguresEverywhere:
    def test_card_charts_country_list_and_definition(self, client, finland_data):
        tracker = tracker_page()
        country_html = client.get(tracker.url + "countries/fi/").content.decode()
        assert f'<p class="progress__label" id="progress-label">{SENTENCE}</p>' in country_html
        assert 'aria-valuenow="65"' in country_html
        matrix_html = client.get(tracker.url).content.decode()
        # The status chart: the short form on Finland's bar, the sentence in its description.
        svg = matrix_html[matrix_html.index("<svg", matrix_html.index("chart--status")) :]
        root = ET.fromstring(svg[: svg.index("</svg>") + 6])  # noqa: S314 - our own markup
        bar = next(g for g in root.iter(f"{SVG}g") if g.get("data-country") == "FI")
        assert bar.get("data-progress") == "65"
        assert [t.text for t in bar.iter(f"{SVG}text")][-1] == SHORT
        desc = root.find(f"{SVG}desc").text
        assert f"{SENTENCE}." in desc
        # The progress chart ends where the status chart stands.
        assert 'data-country="FI" data-date' in matrix_html
        assert "Finland 65%" in matrix_html
        # The list of countries says it in words.
        assert f'data-country="FI">{SENTENCE}</span>' in matrix_html
        # The definition, on both pages.
        for html in (country_html, matrix_html):
            assert "How progress is measured" in html
            for paragraph in definition():
                assert escape(str(paragraph)) in html

    def test_exports(self, client, finland_data):
        tracker = tracker_page()
        response = client.get(tracker.url + "progress/export/csv/")
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        fi = next(row for row in rows if row["country_code"] == "FI")
        assert (fi["progress"], fi["applicable"], fi["implemented"]) == ("65", "12", "5")
        assert (fi["not_applicable"], fi["total"], fi["measure"]) == ("2", "14", SENTENCE)
        data = json.loads(client.get(tracker.url + "progress/export/json/").content)
        assert next(r for r in data["results"] if r["country_code"] == "FI")["progress"] == 65
        # The matrix's own exports carry the measure beside the cells.
        matrix_json = json.loads(client.get(tracker.url + "export/json/").content)
        assert next(r for r in matrix_json["progress"] if r["country_code"] == "FI")["measure"] == (
            SENTENCE
        )
        for url in ("export/xlsx/", "progress/export/xlsx/"):
            book = openpyxl.load_workbook(io.BytesIO(client.get(tracker.url + url).content))
            sheet = book["Progress"]
            header = [cell.value for cell in sheet[1]]
            values = {
                row[header.index("Country code")]: row for row in sheet.iter_rows(values_only=True)
            }
            fi = values["FI"]
            assert fi[header.index("Progress (%)")] == 65
            assert fi[header.index("Applicable")] == 12
            assert fi[header.index("Progress in words")] == SENTENCE
        # Filtered, the export measures what the matrix shows.
        filtered = client.get(tracker.url + "progress/export/csv/?status=implemented")
        fi = next(
            row
            for row in csv.DictReader(io.StringIO(filtered.content.decode("utf-8-sig")))
            if row["country_code"] == "FI"
        )
        assert (fi["progress"], fi["applicable"]) == ("100", "5")
        assert client.get(tracker.url + "progress/export/pdf/").status_code == 404
        assert client.get(tracker.url + "progress/export/csv/?status=nonsense").status_code == 400

    def test_digest(self, users, finland_data, mailoutbox):
        reader = users["fi-coordinator"]
        Follow.objects.create(user=reader, country=Country.objects.get(code="FI"), language="en")
        mailoutbox.clear()
        call_command("send_tracker_digest", stdout=io.StringIO())
        (digest,) = [m for m in mailoutbox if m.to == [reader.email]]
        assert f"- Finland: {SENTENCE}" in digest.body
        assert "Where the countries you follow stand:" in digest.body


def aware(*args):
    return timezone.make_aware(datetime.datetime(*args))


FI = Country(pk=1, code="FI", name="Finland")
DK = Country(pk=2, code="DK", name="Denmark")


class TestNoFallThatDidNotHappen:
    def series(self, updates, impls):
        return progress_series(updates, impls, [FI, DK], today=datetime.date(2024, 12, 15))

    def test_a_recommendation_issued_later_is_no_fall(self):
        early = RecommendationPage(code="R-1", issued=datetime.date(2023, 1, 1))
        late = RecommendationPage(code="R-2", issued=datetime.date(2024, 7, 1))
        impls = [
            Implementation(pk=1, recommendation=early, country=FI, status="implemented"),
            Implementation(pk=2, recommendation=late, country=FI, status="not_started"),
            Implementation(pk=3, recommendation=early, country=DK, status="in_progress"),
        ]
        updates = [
            StatusUpdate(
                implementation_id=1, created_at=aware(2024, 5, 1), to_status="implemented"
            ),
            StatusUpdate(
                implementation_id=3, created_at=aware(2024, 1, 5), to_status="in_progress"
            ),
        ]
        series = self.series(updates, impls)
        for row in series["rows"]:
            values = [v["progress"] for v in row["values"]]
            assert values == sorted(values), (row["country"].code, values)
        # Counted from its issue date, R-2 would have pulled Finland from 100% (Q2) to
        # 50% (Q3) with nothing done: every point counts it, as not started before.
        fi = [v["progress"] for v in series["rows"][0]["values"]]
        assert fi == [0, 50, 50, 50]

    def test_a_status_set_lower_is_a_fall(self):
        early = RecommendationPage(code="R-1", issued=datetime.date(2023, 1, 1))
        impls = [Implementation(pk=1, recommendation=early, country=FI, status="planned")]
        updates = [
            StatusUpdate(
                implementation_id=1, created_at=aware(2024, 2, 1), to_status="implemented"
            ),
            StatusUpdate(implementation_id=1, created_at=aware(2024, 8, 1), to_status="planned"),
        ]
        values = [v["progress"] for v in self.series(updates, impls)["rows"][0]["values"]]
        assert values == [100, 100, 25, 25]

    def test_the_end_labels_are_level(self):
        # Three lines ending close together: the labels are spread apart, and nothing
        # slants from a line's end to its label.
        rec = RecommendationPage(code="R-1", issued=datetime.date(2023, 1, 1))
        countries = [Country(pk=i, code=c, name=c) for i, c in enumerate(("FI", "DK", "SE"), 1)]
        impls = [
            Implementation(pk=i, recommendation=rec, country=c, status="partly")
            for i, c in enumerate(countries, 1)
        ]
        updates = [
            StatusUpdate(implementation_id=i, created_at=aware(2024, 2, 1), to_status="partly")
            for i in (1, 2, 3)
        ]
        series = progress_series(updates, impls, countries, today=datetime.date(2024, 12, 15))
        root = ET.fromstring(str(progress_chart(series)))  # noqa: S314 - our own markup
        labels = [g for g in root.iter(f"{SVG}g") if g.get("class") == "chart__label"]
        assert len(labels) == 3
        label_ys = set()
        for label in labels:
            for line in label.iter(f"{SVG}line"):
                assert line.get("y1") == line.get("y2")
            label_ys.add(label.find(f"{SVG}text").get("y"))
        assert len(label_ys) == 3  # moved apart, each on its own level
