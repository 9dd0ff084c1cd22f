""" "Did you mean" on the test site (tests/home/site.py), as the journeys met it: "bank
partnership" found the practices on partnership (the bank practice is for Finland's
country team) and was "corrected" to "barn partnership", which finds one."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("username", [None, "expert-police", "fi-coordinator"])
def test_bank_partnership_is_not_corrected_to_fewer_results(site_content, client_for, username):
    html = client_for(username).get("/search/", {"q": "bank partnership"}).content.decode()

    assert "Did you mean" not in html
    assert "barn partnership" not in html


def test_a_misspelling_is_corrected_to_what_finds_more(site_content, client):
    html = client.get("/search/", {"q": "trafficing"}).content.decode()

    assert "Nothing found for “trafficing”." in html
    assert 'Did you mean <a href="?q=trafficking">trafficking</a>?' in html
