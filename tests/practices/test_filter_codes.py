"""Codes in the library's filters match whatever their case (``?country=fi`` is ``FI``), on
the library, a country's page and both exports; a value that names nothing lists nothing,
with a message on the page, and the exports refuse it (400) instead of the whole list
(issue 21, item 11)."""

import csv
import io
import json

import pytest

from tests.practices.test_library import YEAR, lib  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("lib")]


def _titles(client, path, query):
    response = client.get(f"{path}?year={YEAR}&{query}")
    assert response.status_code == 200
    return sorted(p.title for p in response.context["library"]["results"])


def _exported(client, fmt, query):
    response = client.get(f"/practices/export/{fmt}/?year={YEAR}&{query}")
    assert response.status_code == 200, response.content[:300]
    text = response.content.decode("utf-8-sig")
    rows = json.loads(text)["results"] if fmt == "json" else csv.DictReader(io.StringIO(text))
    return sorted(row["title"] for row in rows)


@pytest.mark.parametrize(
    ("lower", "upper", "expected"),
    [
        ("country=fi", "country=FI", ["Alpha Finnish"]),
        ("language=SV", "language=sv", ["Charlie Swedish"]),
        ("form=Forced-Labour", "form=forced-labour", ["Charlie Swedish"]),
        ("evidence=PROMISING", "evidence=promising", ["Alpha Finnish"]),
        ("country=fi&country=se", "country=FI&country=SE", ["Alpha Finnish", "Charlie Swedish"]),
    ],
)
def test_codes_match_in_any_case_on_the_library_and_its_exports(client, lower, upper, expected):
    assert _titles(client, "/practices/", lower) == expected
    assert _titles(client, "/practices/", upper) == expected
    for fmt in ("csv", "json"):
        assert _exported(client, fmt, lower) == expected, fmt
        assert _exported(client, fmt, upper) == expected, fmt


def test_a_country_page_takes_codes_in_any_case(client):
    assert _titles(client, "/countries/finland/", "language=FI") == ["Alpha Finnish"]


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("country=xx", "Country: “xx” is not one of the choices."),
        ("form=no-such-form", "Form of exploitation: “no-such-form” is not one of the choices."),
        ("country=FI&language=klingon", "Language: “klingon” is not one of the choices."),
        ("year=19x6", "Start year: “19x6” is not one of the choices."),
    ],
)
def test_an_unknown_value_lists_nothing_and_says_so(client, query, shown):
    response = client.get(f"/practices/?year={YEAR}&{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "were not recognised, so nothing is shown" in html
    assert shown in html
    assert list(response.context["library"]["results"]) == []
    # A way back to the list without the value that was not recognised.
    assert f'year={YEAR}">Show the list without them</a>' in html


def test_too_many_values_list_nothing(client):
    query = "&".join(f"year={1900 + n}" for n in range(21))
    response = client.get(f"/practices/?{query}")
    assert list(response.context["library"]["results"]) == []
    assert "Start year: more than 20 values." in response.content.decode()


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_exports_refuse_an_unknown_value_instead_of_exporting_everything(client, fmt):
    response = client.get(f"/practices/export/{fmt}/?year={YEAR}&country=xx")
    assert response.status_code == 400
    body = response.content.decode()
    assert "Alpha Finnish" not in body and "Charlie Swedish" not in body
    if fmt == "json":
        data = json.loads(body)
        assert "results" not in data
        assert data["errors"] == ["Country: “xx” is not one of the choices."]
        assert "not recognised" in data["message"]
    else:
        assert response["Content-Type"].startswith("text/plain")
        assert "Country: “xx” is not one of the choices." in body
