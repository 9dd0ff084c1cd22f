"""Promoted search results are managed by the secretariat only."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "username, allowed",
    [("secretariat", True), ("fi-coordinator", False), ("se-editor", False)],
)
def test_who_manages_promotions(client_for, username, allowed):
    response = client_for(username).get("/admin/searchpicks/")
    if allowed:
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        assert response["Location"] == "/admin/"


def test_anonymous_is_sent_to_sign_in(client_for):
    response = client_for(None).get("/admin/searchpicks/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
