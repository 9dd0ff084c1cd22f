"""Journey 4: the quick exit leaves at once, and Back does not bring the page back."""

import pytest
from wagtail.models import Site

from home.models import HubSettings
from tests.e2e.conftest import screenshot

NEUTRAL = "https://neutral.example/weather"


@pytest.fixture
def neutral_exit(db_access):
    hub_settings = HubSettings.for_site(Site.objects.get(is_default_site=True))
    previous = hub_settings.quick_exit_url
    hub_settings.quick_exit_url = NEUTRAL
    hub_settings.save()
    yield
    hub_settings.quick_exit_url = previous
    hub_settings.save()


def _serve_neutral_site(page):
    page.route(
        "https://neutral.example/**",
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<title>Weather</title><h1>Weather</h1>"
        ),
    )


def _open_practice(page, hub_url):
    page.goto(f"{hub_url}/")
    page.goto(f"{hub_url}/practices/")
    page.wait_for_load_state("load")
    assert page.title().startswith("Best practices")


def test_button_leaves_for_a_neutral_site(page, hub_url, neutral_exit):
    _serve_neutral_site(page)
    _open_practice(page, hub_url)
    screenshot(page, "quick-exit-before")
    page.get_by_role("link", name="Exit this page").click()
    page.wait_for_url(NEUTRAL)
    assert page.title() == "Weather"
    page.go_back()
    page.wait_for_load_state("load")
    assert "/practices/" not in page.url


def test_shift_three_times_leaves(page, hub_url, neutral_exit):
    _serve_neutral_site(page)
    _open_practice(page, hub_url)
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(NEUTRAL)
    page.go_back()
    page.wait_for_load_state("load")
    assert "/practices/" not in page.url


def test_typing_capitals_does_not_leave(page, hub_url, neutral_exit):
    _serve_neutral_site(page)
    page.goto(f"{hub_url}/account/login/")
    page.get_by_label("Username").press_sequentially("AbC")
    page.keyboard.press("Shift+A")
    page.wait_for_timeout(300)
    assert page.url.endswith("/account/login/")


def test_skip_link_is_the_first_stop_and_visible(page, hub_url):
    page.goto(f"{hub_url}/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    box = page.locator(".skip-link").bounding_box()
    assert box is not None and box["height"] > 0 and box["y"] >= 0
    screenshot(page, "skip-link-focused")
