"""Saving a search and a library filter, and the page of what one follows, in a browser:
at desktop and phone width, without an axe-core violation; screenshots go to
``screenshots/`` (or ``$ALERTS_SCREENSHOTS``) to be looked at."""

import os
from pathlib import Path

import pytest

from tests.e2e.conftest import check_page, sign_in

WIDTHS = {"1280": 1280, "390": 390}
SHOTS = Path(os.environ.get("ALERTS_SCREENSHOTS", Path(__file__).parents[2] / "screenshots"))


@pytest.fixture
def followed(db_access):
    from django.contrib.auth import get_user_model

    from countries.models import Country
    from recommendations.models import Follow

    user = get_user_model().objects.get(username="expert-police")
    Follow.objects.create(user=user, country=Country.objects.get(code="FI"))


@pytest.mark.parametrize("width_name", list(WIDTHS))
def test_save_and_the_following_page(new_page, hub_url, followed, width_name):
    page = new_page(WIDTHS[width_name])
    sign_in(page, hub_url, "expert-police")
    SHOTS.mkdir(parents=True, exist_ok=True)
    problems = []

    response = page.goto(f"{hub_url}/practices/?country=FI")
    problems += check_page(page, "library", response.status)
    button = page.get_by_role("button", name="Save this filter")
    button.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / f"library-save-{width_name}.png"), full_page=True)
    with page.expect_navigation():
        button.click()
    assert "/practices/" in page.url
    assert page.get_by_text("Saved: “Practices: Country: Finland”").is_visible()

    response = page.goto(f"{hub_url}/search/?q=labour&kind=practice")
    problems += check_page(page, "search", response.status)
    page.screenshot(path=str(SHOTS / f"search-save-{width_name}.png"), full_page=True)
    with page.expect_navigation():
        page.get_by_role("button", name="Save this search").click()

    response = page.goto(f"{hub_url}/account/following/")
    problems += check_page(page, "following", response.status)
    page.screenshot(path=str(SHOTS / f"following-{width_name}.png"), full_page=True)
    assert page.get_by_role("heading", name="Practices: Country: Finland").is_visible()
    assert page.get_by_role("heading", name="Finland", exact=True).is_visible()
    assert page.get_by_role("link", name="Run this search").count() == 2
    assert problems == []
