"""The search page in a real browser: layout, accessibility, autocomplete by keyboard."""

import pytest

from tests.e2e.conftest import check_page, screenshot

# The journeys walk through the whole site (tests/home/site.py).
pytestmark = pytest.mark.usefixtures("site_content")

STATES = {
    "search-empty": "/search/",
    "search-results": "/search/?q=ihmiskauppa",
    "search-filtered": "/search/?q=trafficking&country=SE&form=forced-labour",
    "search-no-results": "/search/?q=trafficing+qqzzxx",
    "search-suggestion": "/search/?q=trafficing",
}


@pytest.mark.parametrize("width", [1280, 375])
def test_search_states_fit_and_pass_axe(new_page, hub_url, width):
    page = new_page(width)
    problems = []
    for name, path in STATES.items():
        response = page.goto(f"{hub_url}{path}")
        problems += check_page(page, name, response.status)
        screenshot(page, f"{name}-{width}")
    assert problems == []


def test_results_show_marked_snippets_and_facets(page, hub_url):
    page.goto(f"{hub_url}/search/?q=ihmiskauppa")
    assert page.locator(".search-result").count() >= 5
    assert page.locator(".search-result__snippet mark").count() >= 1
    page.get_by_role("group", name="Country").get_by_label("Finland", exact=False).check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**country=FI**")
    assert "Country: Finland" in page.locator(".active-filters").inner_text()


def test_autocomplete_by_keyboard(page, hub_url):
    page.goto(f"{hub_url}/search/")
    box = page.locator("#search-q")
    box.type("barnah", delay=30)
    listbox = page.get_by_role("listbox")
    listbox.wait_for(state="visible")
    assert box.get_attribute("aria-expanded") == "true"
    options = listbox.get_by_role("option")
    assert options.count() >= 1
    first_title = options.first.inner_text()
    screenshot(page, "search-autocomplete-1280")
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == "search-suggestion-0"
    box.press("Enter")
    page.wait_for_url(lambda url: "/search/" not in url)
    assert page.title().startswith(first_title)
