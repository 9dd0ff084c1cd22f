"""Codes in the tracker's filters match whatever their case (``?status=IMPLEMENTED``,
``?country=fi``), on the matrix, a country's page, the exports and the API; a value that
names nothing shows nothing, with a message, on the pages, and is refused (400) by the
exports and the API instead of answering with everything (issue 21, item 11)."""

import csv
import io
import json

import pytest

from recommendations.updates import apply_update

from .factories import impl_of, publish_recommendation, tracker_page

pytestmark = pytest.mark.django_db

SOURCE = "codes-study-2097"
# The same filters, as stored and as someone might type them.
STORED = f"source={SOURCE}&theme=labour&status=implemented&country=FI"
TYPED = "source=Codes-Study-2097&theme=LABOUR&status=Implemented&country=fi"
EXPECTED = [("R-2097-01", "FI", "implemented")]


@pytest.fixture
def recommendations(users):
    first = publish_recommendation(
        "R-2097-01", countries=("FI", "SE"), theme="labour", source_report="Codes study 2097"
    )
    publish_recommendation(
        "R-2097-02", countries=("SE",), theme="labour", source_report="Codes study 2097"
    )
    apply_update(
        impl_of(first, "FI"), users["fi-coordinator"], {"status": "implemented"}, note="Done."
    )
    return tracker_page()


def _shown(response):
    assert response.status_code == 200
    return [
        (impl.recommendation.code, impl.country.code, impl.status)
        for impl in response.context["matrix"].implementations
    ]


def _exported(response, fmt):
    assert response.status_code == 200, response.content[:300]
    text = response.content.decode("utf-8-sig")
    rows = json.loads(text)["results"] if fmt == "json" else csv.DictReader(io.StringIO(text))
    return [
        (row["code"], row["country_code"], row.get("status") or row["to_status"]) for row in rows
    ]


def test_the_matrix_takes_codes_in_any_case(client, recommendations):
    assert _shown(client.get(f"{recommendations.url}?{STORED}")) == EXPECTED
    assert _shown(client.get(f"{recommendations.url}?{TYPED}")) == EXPECTED


def test_a_country_page_takes_codes_in_any_case(client, recommendations):
    path = f"{recommendations.url}countries/fi/?source={SOURCE.upper()}&status=IMPLEMENTED"
    assert _shown(client.get(path)) == EXPECTED


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_the_exports_take_codes_in_any_case(client, recommendations, fmt):
    url = f"{recommendations.url}export/{fmt}/"
    assert _exported(client.get(f"{url}?{STORED}"), fmt) == EXPECTED
    assert _exported(client.get(f"{url}?{TYPED}"), fmt) == EXPECTED
    history = f"{recommendations.url}history/export/{fmt}/"
    typed = _exported(client.get(f"{history}?{TYPED}"), fmt)
    assert typed == _exported(client.get(f"{history}?{STORED}"), fmt)
    assert typed[0] == EXPECTED[0]  # the newest update: to implemented


@pytest.mark.parametrize(
    ("path", "query", "shown"),
    [
        ("", f"source={SOURCE}&country=xx", "Country: “xx” is not one of the choices."),
        ("", f"source={SOURCE}&status=done", "Status: “done” is not one of the choices."),
        ("countries/fi/", "theme=nonsense", "Theme: “nonsense” is not one of the choices."),
    ],
)
def test_an_unknown_value_shows_nothing_and_says_so(client, recommendations, path, query, shown):
    response = client.get(f"{recommendations.url}{path}?{query}")
    assert _shown(response) == []
    html = response.content.decode()
    assert "were not recognised, so nothing is shown" in html
    assert shown in html
    assert "R-2097-01" not in html
    assert "Show the list without them" in html


@pytest.mark.parametrize(
    "export", ["export/csv/", "export/xlsx/", "export/json/", "history/export/json/"]
)
def test_exports_refuse_an_unknown_value_instead_of_exporting_everything(
    client, recommendations, export
):
    response = client.get(f"{recommendations.url}{export}?source={SOURCE}&country=xx")
    assert response.status_code == 400
    body = response.content.decode()
    assert "R-2097" not in body
    assert "Country: “xx” is not one of the choices." in body
    if export.endswith("json/"):
        assert json.loads(body)["errors"] == ["Country: “xx” is not one of the choices."]


def test_the_api_takes_codes_in_any_case_and_refuses_unknown_ones(client, recommendations):
    def listed(query):
        response = client.get(f"/api/v2/implementations/?{query}")
        assert response.status_code == 200, response.content[:300]
        return [
            (i["recommendation"]["code"], i["country"]["code"]) for i in response.json()["items"]
        ]

    typed = listed("recommendation=r-2097-01&country=fi&status=IMPLEMENTED")
    assert typed == listed("recommendation=R-2097-01&country=FI&status=implemented")
    assert typed == [("R-2097-01", "FI")]
    for query, problem in (
        ("country=xx", "Country: “xx” is not one of the choices."),
        ("status=done", "Status: “done” is not one of the choices."),
        ("recommendation=R-1999-99", "Recommendation: “R-1999-99” is not one of the choices."),
    ):
        response = client.get(f"/api/v2/implementations/?{query}")
        assert response.status_code == 400, query
        assert problem in response.json()["message"]
        assert "items" not in response.json()
