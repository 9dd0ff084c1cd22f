"""Exports, the API and the feed show exactly what the library shows this user."""

import csv
import io
import json

import pytest

from countries.models import CountryPage
from tests.practices.factories import publish_practice
from tests.practices.test_library import YEAR, lib  # noqa: F401 - the shared fixture


def _csv(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_follows_filters_and_visibility(lib, client, client_for):  # noqa: F811
    rows = _csv(client.get(f"/practices/export/csv/?year={YEAR}"))
    assert sorted(r["title"] for r in rows) == ["Alpha Finnish", "Charlie Swedish", "Echo Danish"]
    rows = _csv(client.get(f"/practices/export/csv/?year={YEAR}&form=forced-labour"))
    assert [r["title"] for r in rows] == ["Charlie Swedish"]
    rows = _csv(client_for("expert-ngo").get(f"/practices/export/csv/?year={YEAR}"))
    assert "Bravo members" in [r["title"] for r in rows]
    assert "Delta Norwegian team" not in [r["title"] for r in rows]


def test_json_export_matches_the_list(lib, client):  # noqa: F811
    response = client.get(f"/practices/export/json/?year={YEAR}&sort=title")
    data = json.loads(response.content)
    assert data["count"] == 3
    assert [r["title"] for r in data["results"]] == [
        "Alpha Finnish",
        "Charlie Swedish",
        "Echo Danish",
    ]
    assert data["results"][0]["forms_of_exploitation"] == ["sexual-exploitation"]
    assert "contact_email" not in data["results"][0]


def test_csv_cells_cannot_run_as_formulas(db, client):
    finland = CountryPage.objects.get(country__code="FI")
    publish_practice(finland, slug="formula", title='=HYPERLINK("http://x")', start_year=1992)
    rows = _csv(client.get("/practices/export/csv/?year=1992"))
    assert rows[0]["title"] == '\'=HYPERLINK("http://x")'


def test_exports_are_not_cached(lib, client):  # noqa: F811
    response = client.get("/practices/export/json/")
    assert "no-store" in response["Cache-Control"]


def _api_slugs(client):
    response = client.get(
        "/api/v2/pages/", {"type": "practices.PracticePage", "fields": "summary", "limit": 100}
    )
    assert response.status_code == 200
    return {item["meta"]["slug"] for item in response.json()["items"]}


def test_api_shows_what_the_user_may_see(lib, client, client_for):  # noqa: F811
    anonymous = _api_slugs(client)
    assert {"lib-fi", "lib-se", "lib-dk"} <= anonymous
    assert not {"lib-fi-m", "lib-no"} & anonymous
    member = _api_slugs(client_for("expert-police"))
    assert "lib-fi-m" in member and "lib-no" not in member
    assert "lib-no" in _api_slugs(client_for("no-coordinator"))


def test_api_detail_of_restricted_practice_is_not_found(lib, client, client_for):  # noqa: F811
    url = f"/api/v2/pages/{lib['no_team'].pk}/"
    assert client.get(url).status_code == 404
    assert client_for("se-coordinator").get(url).status_code == 404
    response = client_for("no-coordinator").get(url)
    assert response.status_code == 200
    assert response.json()["country_code"] == "NO"


def test_api_find_by_path_respects_privacy(lib, client):  # noqa: F811
    response = client.get("/api/v2/pages/find/", {"html_path": lib["fi_members"].url})
    assert response.status_code == 404


def test_feed_lists_new_public_practices_only(lib, client, client_for):  # noqa: F811
    for viewer in (client, client_for("no-coordinator")):
        response = viewer.get("/practices/feed/")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/atom+xml")
        body = response.content.decode()
        assert "Alpha Finnish" in body
        assert "Bravo members" not in body
        assert "Delta Norwegian team" not in body


@pytest.mark.parametrize("url", ["/practices/export/csv/?page=abc", "/practices/feed/?x=%00"])
def test_export_and_feed_survive_bad_input(lib, client, url):  # noqa: F811
    assert client.get(url).status_code == 200
