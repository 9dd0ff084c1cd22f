"""The search page's facets take codes in any case (``country=fi``, ``language=SV``,
``kind=Practice``); a value that names nothing searches nothing and says so, never the
unfiltered results in its place (issue 21, item 11)."""

import pytest

from tests.practices.factories import publish_practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def word(space, other_space, unique):
    """A made-up word in a Swedish and a Finnish practice."""
    word = unique("fjordlamp")
    publish_practice(
        space,
        title="Swedish lamp",
        language="sv",
        summary=f"A {word} in Malmö.",
        summary_en="English.",
    )
    publish_practice(
        other_space,
        title="Finnish lamp",
        language="fi",
        summary=f"A {word} here.",
        summary_en="English.",
    )
    return word


def _titles(client, word, query):
    response = client.get(f"/search/?q={word}&{query}")
    assert response.status_code == 200
    return sorted(hit.page.title for hit in response.context["outcome"].hits)


@pytest.mark.parametrize(
    ("typed", "stored", "expected"),
    [
        ("country=fi", "country=FI", ["Finnish lamp"]),
        ("language=SV", "language=sv", ["Swedish lamp"]),
        ("kind=Practice&country=se", "kind=practice&country=SE", ["Swedish lamp"]),
    ],
)
def test_facets_take_codes_in_any_case(client, word, typed, stored, expected):
    assert _titles(client, word, stored) == expected
    assert _titles(client, word, typed) == expected


def test_an_unknown_value_searches_nothing_and_says_so(client, word):
    response = client.get(f"/search/?q={word}&country=xx&language=sv")
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["outcome"].hits == []
    assert "Swedish lamp" not in html and "Finnish lamp" not in html
    assert "were not recognised, so nothing is shown" in html
    assert "Country: “xx” is not one of the choices." in html
    # The way back keeps the query and the filters that were recognised.
    assert f'href="?q={word}&amp;language=sv">Show the list without them' in html
