"""A query string holding a NUL character is a bad request on every page (core/requests.py):
PostgreSQL cannot compare text holding one, so it must never reach a query."""

import pytest

PAGES = ["/", "/practices/", "/search/", "/members/", "/organisations/", "/recommendations/"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("query", ["q=%00", "q=a%00b", "country=%00", "%00=1"])
def test_a_nul_in_the_query_string_is_a_400_with_the_reason(client_for, path, query):
    client = client_for("expert-police")
    response = client.get(f"{path}?{query}")
    assert response.status_code == 400
    body = response.content.decode()
    assert "no text may hold (NUL)" in body
    assert "<h1>Bad request</h1>" in body


@pytest.mark.django_db
def test_the_reason_is_in_the_readers_language(client_for):
    client = client_for(None)
    response = client.get("/practices/?q=%00", HTTP_ACCEPT_LANGUAGE="fi")
    assert response.status_code == 400
    assert 'lang="fi"' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES)
def test_an_ordinary_query_string_still_serves(client_for, path):
    assert client_for("expert-police").get(f"{path}?q=trafficking").status_code == 200
