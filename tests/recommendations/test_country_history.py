"""Each country's history: the recommendation page's timeline by country, the history link
of each card and each row, the country page's filters, and a country's whole timeline with
its CSV and XLSX (what the reader may see, nothing else)."""

import csv
import io

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from recommendations.choices import Status
from recommendations.updates import apply_update
from recommendations.views import HISTORY_PAGE_SIZE

from .factories import impl_of, publish_recommendation, tracker_page

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def timeline_notes(soup) -> list[str]:
    return [p.get_text(strip=True) for p in soup.select(".timeline .timeline__note")]


def history_url(code, fmt=None):
    url = f"{tracker_page().url}countries/{code}/history/"
    return f"{url}export/{fmt}/" if fmt else url


@pytest.fixture
def shared(users):
    """R-2602-01 addressed to Finland and Sweden, each with one update."""
    page = publish_recommendation("R-2602-01")
    apply_update(
        impl_of(page, "FI"), users["fi-coordinator"], {"status": Status.PLANNED}, "Fi plan."
    )
    apply_update(
        impl_of(page, "SE"), users["se-coordinator"], {"status": Status.IN_PROGRESS}, "Se work."
    )
    return page


class TestRecommendationTimelineByCountry:
    def test_unfiltered_shows_every_country_and_no_filters_applied(self, client, shared):
        soup = soup_of(client.get(shared.url))
        assert timeline_notes(soup) == ["Se work.", "Fi plan."]
        form = soup.find("form", class_="timeline-filter")
        assert form["method"] == "get"
        select = form.find("select", {"name": "country"})
        assert form.find("label", {"for": select["id"]}).get_text(strip=True) == "Country"
        assert [o["value"] for o in select.find_all("option")] == ["", "fi", "se"]
        assert "(filters applied)" not in soup.get_text()

    @pytest.mark.parametrize("value", ["fi", "FI", " fi "])
    def test_filtered_by_country(self, client, shared, value):
        soup = soup_of(client.get(shared.url, {"country": value}))
        assert timeline_notes(soup) == ["Fi plan."]
        form = soup.find("form", class_="timeline-filter")
        assert form.find("option", selected=True)["value"] == "fi"
        assert "(filters applied)" in form.get_text()
        # The cards still show every country; the whole history of the chosen one is linked.
        assert soup.find(id="country-se") is not None
        assert soup.find("a", href=history_url("fi")) is not None

    def test_a_country_without_updates_says_so(self, client):
        page = publish_recommendation("R-2602-02", countries=("FI", "SE"))
        soup = soup_of(client.get(page.url, {"country": "se"}))
        assert timeline_notes(soup) == []
        assert "Sweden has not reported on this recommendation yet." in soup.get_text()

    @pytest.mark.parametrize("value", ["no", "xx", "<script>"])
    def test_a_country_not_addressed_shows_nothing_and_says_why(self, client, shared, value):
        soup = soup_of(client.get(shared.url, {"country": value}))
        assert timeline_notes(soup) == []
        assert "were not recognised" in soup.get_text()
        assert "(filters applied)" in soup.find("form", class_="timeline-filter").get_text()

    def test_each_card_links_its_countrys_history(self, client, shared):
        soup = soup_of(client.get(shared.url))
        for code in ("fi", "se"):
            card = soup.find(id=f"country-{code}")
            link = card.find("p", class_="implementation-card__history").find("a")
            assert link["href"] == f"?country={code}#timeline-title"
            followed = soup_of(client.get(shared.url + link["href"].split("#")[0]))
            notes = timeline_notes(followed)
            assert notes == (["Fi plan."] if code == "fi" else ["Se work."])


class TestCountryPage:
    def test_no_filters_applied_when_none_are(self, client, shared):
        soup = soup_of(client.get(f"{tracker_page().url}countries/fi/"))
        filters = soup.find("form", class_="tracker-filters")
        assert "(filters applied)" not in filters.get_text()
        assert not filters.find("details").has_attr("open")
        assert filters.find("a", string="Clear filters") is None

    def test_filters_applied_when_one_is(self, client, shared):
        soup = soup_of(client.get(f"{tracker_page().url}countries/fi/", {"status": "planned"}))
        filters = soup.find("form", class_="tracker-filters")
        assert "(filters applied)" in filters.get_text()
        assert filters.find("details").has_attr("open")

    def test_each_row_links_to_its_history_in_this_country(self, client, shared):
        soup = soup_of(client.get(f"{tracker_page().url}countries/fi/"))
        row = next(
            tr for tr in soup.select(".country-table tbody tr") if "R-2602-01" in tr.get_text()
        )
        link = row.find("a", class_="country-table__history")
        assert link["href"] == f"{shared.url}?country=fi#timeline-title"
        # Named for a screen reader's list of links, not only "History".
        assert "R-2602-01" in link.get_text()

    def test_links_the_whole_history(self, client, shared):
        soup = soup_of(client.get(f"{tracker_page().url}countries/fi/"))
        assert soup.find("a", href=history_url("fi")) is not None


@pytest.fixture
def audiences(users, shared):
    """Finland's updates on a public, a members-only and a country-team recommendation."""
    members = publish_recommendation("R-2602-10", audience="members")
    country = publish_recommendation("R-2602-11", audience="country")
    for page, note in ((members, "Members plan."), (country, "Team plan.")):
        apply_update(impl_of(page, "FI"), users["fi-coordinator"], {"status": "planned"}, note)
    return shared, members, country


class TestCountryTimeline:
    def test_unknown_country_is_404(self, client):
        assert client.get(history_url("xx")).status_code == 404
        assert client.get(history_url("xx", "csv")).status_code == 404

    @pytest.mark.parametrize("fmt", ["json", "pdf", "x" * 200])
    def test_unknown_format_is_404(self, client, fmt):
        assert client.get(history_url("fi", fmt)).status_code == 404

    @pytest.mark.parametrize(
        "username, notes",
        [
            (None, ["Fi plan."]),
            ("se-coordinator", ["Members plan.", "Fi plan."]),
            ("fi-coordinator", ["Members plan.", "Fi plan."]),
            ("admin", ["Team plan.", "Members plan.", "Fi plan."]),
        ],
    )
    def test_shows_what_the_reader_may_see(self, client_for, audiences, username, notes):
        soup = soup_of(client_for(username).get(history_url("fi")))
        assert timeline_notes(soup) == notes
        # Only Finland's updates: Sweden's on the shared recommendation is not there.
        assert "Se work." not in soup.get_text()

    def test_a_country_without_updates(self, client):
        soup = soup_of(client.get(history_url("is")))
        assert timeline_notes(soup) == []
        assert "Iceland has not reported" in soup.get_text()

    def test_paginated_newest_first(self, client, users):
        page = publish_recommendation("R-2602-20", countries=("FI",))
        impl = impl_of(page, "FI")
        for number in range(HISTORY_PAGE_SIZE + 2):
            apply_update(impl, users["fi-coordinator"], {}, note=f"Note {number}.")
        first = soup_of(client.get(history_url("fi")))
        notes = timeline_notes(first)
        assert len(notes) == HISTORY_PAGE_SIZE
        assert notes[0] == f"Note {HISTORY_PAGE_SIZE + 1}."
        nav = first.find("nav", class_="pagination")
        assert nav.find("a", rel="next")["href"] == "?page=2"
        second = soup_of(client.get(history_url("fi"), {"page": "2"}))
        assert timeline_notes(second) == ["Note 1.", "Note 0."]
        # A page number that is not one: the nearest page, never an error.
        assert client.get(history_url("fi"), {"page": "zz"}).status_code == 200
        assert client.get(history_url("fi"), {"page": "999"}).status_code == 200

    def test_queries_do_not_grow_with_the_updates(self, client_for, users):
        client = client_for("fi-coordinator")
        one = publish_recommendation("R-2602-30", countries=("FI",))
        two = publish_recommendation("R-2602-31", countries=("FI",))
        apply_update(impl_of(one, "FI"), users["fi-coordinator"], {}, note="One.")
        client.get(history_url("fi"))  # the caches of the frame, warm
        with CaptureQueriesContext(connection) as few:
            assert client.get(history_url("fi")).status_code == 200
        for number in range(6):
            apply_update(impl_of(two, "FI"), users["fi-coordinator"], {}, note=f"Two {number}.")
        client.get(history_url("fi"))
        with CaptureQueriesContext(connection) as many:
            assert client.get(history_url("fi")).status_code == 200
        assert len(many) == len(few)

    def test_links_its_exports(self, client, shared):
        soup = soup_of(client.get(history_url("fi")))
        assert soup.find("a", href=history_url("fi", "csv")) is not None
        assert soup.find("a", href=history_url("fi", "xlsx")) is not None


class TestCountryTimelineExports:
    def test_csv_holds_what_the_reader_may_see(self, client_for, audiences):
        response = client_for("se-coordinator").get(history_url("fi", "csv"))
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        assert "recommendations-history-fi-" in response["Content-Disposition"]
        assert response["Cache-Control"] == "private, no-store"
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert [(r["code"], r["country_code"], r["note"]) for r in rows] == [
            ("R-2602-10", "FI", "Members plan."),
            ("R-2602-01", "FI", "Fi plan."),
        ]
        assert rows[1]["from_status"] == "not_started" and rows[1]["to_status"] == "planned"
        assert rows[1]["to_status_label"] == "Planned"

    def test_anonymous_csv_holds_only_public_recommendations(self, client, audiences):
        response = client.get(history_url("fi", "csv"))
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert [r["note"] for r in rows] == ["Fi plan."]

    def test_xlsx_opens_and_holds_the_same(self, client_for, audiences):
        response = client_for("se-coordinator").get(history_url("fi", "xlsx"))
        assert response.status_code == 200
        assert "spreadsheetml" in response["Content-Type"]
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        rows = list(sheet.iter_rows(values_only=True))
        header = rows[0]
        assert header[:5] == ("When", "Code", "Recommendation", "Country code", "Country")
        body = [dict(zip(header, row, strict=True)) for row in rows[1:]]
        assert [(r["Code"], r["Country"], r["Note"]) for r in body] == [
            ("R-2602-10", "Finland", "Members plan."),
            ("R-2602-01", "Finland", "Fi plan."),
        ]
        assert body[0]["To status"] == "Planned"

    def test_admin_xlsx_holds_the_country_team_recommendation(self, client_for, audiences):
        response = client_for("admin").get(history_url("fi", "xlsx"))
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        codes = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
        assert codes == ["R-2602-11", "R-2602-10", "R-2602-01"]
