"""Results first, on a phone and by keyboard (issue 25): on /search/ and in the practice
library the first result is seen without scrolling on a 390 × 844 phone and reached in a few
Tab presses from the search box; the filters wait behind one "Filters (n)" control on a phone
(with or without JavaScript) and beside the results on a wide screen. Also the sign-in page's
focus and the header box's suggestions. Screenshots: ``screenshots/results-*``."""

import re

import pytest
from django.conf import settings

from tests.e2e.conftest import check_page, focus_is_visible, screenshot

pytestmark = pytest.mark.usefixtures("site_content")

LANGUAGES = [code for code, _name in settings.LANGUAGES]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
WIDTHS = {390: PHONE, 1280: DESKTOP}
QUERY = "ihmiskauppa"  # matches practices in every language of the test site
PAGES = {
    "search": (f"/search/?q={QUERY}", ".library__results .search-result"),
    "library": ("/practices/", ".library__results .card"),
}
FIRST_LINK = {
    "search": ".library__results .search-result a",
    "library": ".library__results .card__title a",
}
PHONE_FOLD = 600  # the first result's top, in px from the page's top, on a phone
MOST_TABS = 5


def _open(new_page, hub_url, language, viewport):
    page = new_page(viewport["width"])
    page.set_viewport_size(viewport)
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": hub_url}]
    )
    return page


def _top(page, selector):
    """The top of the first element matching ``selector``, in px from the page's top."""
    return page.locator(selector).first.evaluate(
        "element => element.getBoundingClientRect().top + window.scrollY"
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_first_result_seen_without_scrolling_and_axe_clean(new_page, hub_url, width):
    problems, tops = [], {}
    for language in LANGUAGES:
        page = _open(new_page, hub_url, language, WIDTHS[width])
        for name, (path, result) in PAGES.items():
            response = page.goto(f"{hub_url}{path}")
            label = f"{name}.{language}.{width}"
            problems += check_page(page, label, response.status, 200, language)
            screenshot(page, f"results-{name}-{language}-{width}")
            top = round(_top(page, result))
            # What the page itself takes above its first result, below the site's header.
            tops[f"{name}.{language}"] = (top, top - round(_top(page, "main")))
            if width == PHONE["width"] and top > PHONE_FOLD:
                problems.append(f"{name}.{language}: first result at {top}px, below {PHONE_FOLD}")
            # On a phone the filters are folded; on a wide screen they are shown, open.
            checkbox = page.locator(".filters input[type=checkbox]").first
            if checkbox.is_visible() != (width == DESKTOP["width"]):
                problems.append(f"{name}.{language}: filters shown {checkbox.is_visible()}")
    print(f"\nfirst result's top, and below the main's top, at {width}px:", tops)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("width", WIDTHS)
def test_first_result_a_few_tabs_from_the_search_box(new_page, hub_url, width):
    counts = {}
    for language in LANGUAGES:
        page = _open(new_page, hub_url, language, WIDTHS[width])
        page.goto(f"{hub_url}{PAGES['search'][0]}")
        page.locator("#search-q").focus()
        first = page.locator(FIRST_LINK["search"]).first
        for presses in range(1, MOST_TABS + 1):
            page.keyboard.press("Tab")
            assert focus_is_visible(page), page.evaluate(
                "document.activeElement.outerHTML.slice(0, 120)"
            )
            if first.evaluate("element => element === document.activeElement"):
                counts[language] = presses
                break
        else:
            focused = page.evaluate("document.activeElement.outerHTML.slice(0, 120)")
            pytest.fail(f"{language}: after {MOST_TABS} Tabs the focus is on {focused}")
        screenshot(page, f"results-tabbed-{language}-{width}")
    print(f"\nTabs from the search box to the first result at {width}px:", counts)


def test_keyboard_reaches_the_filters_past_the_results(page, hub_url):
    """The link seen on focus at the top of the results leads to the filters."""
    page.goto(f"{hub_url}/practices/")
    page.locator(".library__results").focus()  # where a link to the results would leave it
    page.keyboard.press("Tab")
    link = page.locator(".library__to-filters a")
    assert link.evaluate("element => element === document.activeElement")
    assert link.is_visible() and focus_is_visible(page)
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.filters') !== null")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("search", f"/search/?q={QUERY}&country=FI"),
        ("library", "/practices/?country=FI"),
    ],
)
def test_filters_control_counts_and_opens(browser, hub_url, javascript, name, path):
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    try:
        page = context.new_page()
        page.goto(f"{hub_url}{path}")
        toggle = page.locator(".filters > summary")
        assert re.fullmatch(r"Filters \(1\)", toggle.inner_text().strip())
        apply = page.get_by_role("button", name="Apply filters")
        assert not apply.is_visible()
        assert _top(page, ".filters") < _top(page, PAGES[name][1]), "control above the results"
        toggle.click()
        apply.wait_for(state="visible")
        finland = page.get_by_role("group", name="Country").get_by_label("Finland", exact=False)
        assert finland.is_checked()
        screenshot(page, f"results-filters-open-{name}-{'js' if javascript else 'nojs'}-390")
        # With two filters the control counts two.
        page.locator(".filters input[type=checkbox]:not(:checked)").first.check()
        with page.expect_navigation():
            apply.click()
        assert page.locator(".filters > summary").inner_text().strip() == "Filters (2)"
    finally:
        context.close()


def test_sign_in_page_focuses_the_username(page, hub_url):
    page.goto(f"{hub_url}/account/login/")
    assert page.evaluate("document.activeElement.id") == "id_username"
    assert page.get_by_label("Username").evaluate("element => element === document.activeElement")


@pytest.mark.parametrize("width", WIDTHS)
def test_header_box_suggests_like_the_search_page(new_page, hub_url, width):
    page = new_page(width)
    page.goto(f"{hub_url}/practices/")
    menu = page.locator(".site-menu__button")
    if menu.is_visible():  # on a phone the header's box is in the folded menu
        menu.click()
    box = page.locator("#site-search-q")
    assert box.is_visible()
    box.type("barnah", delay=30)
    listbox = page.locator("#site-search-suggestions")
    listbox.wait_for(state="visible")
    assert box.get_attribute("aria-expanded") == "true"
    options = listbox.get_by_role("option")
    assert options.count() >= 1
    screenshot(page, f"results-header-suggestions-{width}")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, "the suggestions make the page scroll sideways"
    # The same pages as the search page's box suggests for the same letters.
    header_titles = options.all_inner_texts()
    search = new_page(width)
    search.goto(f"{hub_url}/search/")
    search.locator("#search-q").type("barnah", delay=30)
    search.get_by_role("listbox").wait_for(state="visible")
    assert search.get_by_role("listbox").get_by_role("option").all_inner_texts() == header_titles
    first_title = header_titles[0]
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == "site-search-suggestion-0"
    box.press("Enter")
    page.wait_for_url(lambda url: not url.endswith("/practices/"))
    assert page.title().startswith(first_title)
