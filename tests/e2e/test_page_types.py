"""Every page type at desktop and phone width: renders, fits the screen, screenshots kept."""

import pytest

from tests.e2e.conftest import screenshot

PAGES = {
    "home": "/",
    "countries": "/countries/",
    "country": "/countries/finland/",
    "library": "/practices/",
    "practice": "/countries/finland/civil-society-platform/",
    "standard": "/about/",
    "join-form": "/join/",
    "sign-in": "/account/login/",
    "password-reset": "/account/password-reset/",
    "not-found": "/no-such-page/",
}
WIDTHS = {"desktop": 1280, "phone": 375}


@pytest.mark.parametrize("width_name", WIDTHS)
def test_every_page_type_fits_and_is_captured(browser, hub_url, width_name):
    # One test per width, not per page: each live-server test has to seed the database.
    context = browser.new_context(viewport={"width": WIDTHS[width_name], "height": 900})
    page = context.new_page()
    problems = []
    try:
        for name, path in PAGES.items():
            response = page.goto(f"{hub_url}{path}")
            if response.status != (404 if name == "not-found" else 200):
                problems.append(f"{name}: HTTP {response.status}")
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            if overflow > 0:
                problems.append(f"{name}: scrolls sideways by {overflow}px")
            if page.locator("h1").count() != 1:
                problems.append(f"{name}: {page.locator('h1').count()} h1 elements")
            screenshot(page, f"{name}-{width_name}")
    finally:
        context.close()
    assert problems == []


def test_members_page_signed_in(browser, hub_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{hub_url}/account/login/?next=/members-handbook/")
        page.get_by_label("Username").fill("expert-ngo")
        page.get_by_label("Password").fill("nordic-demo")
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(f"{hub_url}/members-handbook/")
        assert page.get_by_text("Network members only").is_visible()
        screenshot(page, "members-page-desktop")
    finally:
        context.close()
