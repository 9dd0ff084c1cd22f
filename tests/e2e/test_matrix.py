"""The tracker's matrix as ministries read it, on the demo's eight countries: at 1280 px
every country's column in view with its full name and no sideways scrolling; at 390 px
the same cells as lists, the table not shown; no axe-core violation at either width, in
English and Finnish; screenshots kept under /tmp/matrix/ to be looked at."""

import tempfile
from pathlib import Path

import pytest
from django.conf import settings

from tests.e2e.conftest import check_page

pytestmark = pytest.mark.usefixtures("demo_content")

#: Where the screenshots go (/tmp/matrix on Linux), to be looked at.
SHOTS = Path(tempfile.gettempdir()) / "matrix"
COUNTRIES = ("DK", "FI", "IS", "NO", "SE", "AX", "FO", "GL")


def open_tracker(new_page, hub_url, width, language, query=""):
    page = new_page(width)
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": hub_url}]
    )
    response = page.goto(f"{hub_url}/recommendations/{query}")
    return page, response


def shoot(page, name):
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("language", ["en", "fi"])
def test_all_eight_countries_fit_at_1280(new_page, hub_url, language):
    from core.cldr import country_name

    page, response = open_tracker(new_page, hub_url, 1280, language)
    problems = check_page(page, f"tracker.{language}.1280", response.status, 200, language)
    assert problems == []
    table = page.locator("table.matrix")
    assert table.is_visible()
    assert not page.locator(".matrix-list").is_visible()
    headers = table.locator("thead th.matrix__country")
    names = [name.strip() for name in headers.all_inner_texts()]
    assert names == [country_name(code, language) for code in COUNTRIES]
    viewport = page.viewport_size["width"]
    for index in range(headers.count()):
        box = headers.nth(index).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport, names[index]
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    # Each shown cell says when it was last updated.
    cells = table.locator("td.matrix__cell:not(.matrix__cell--none):not(.matrix__cell--filtered)")
    assert cells.count() > 0
    assert table.locator("td.matrix__cell time[datetime]").count() > 0
    # No scroll box of its own: the header row sticks while the page scrolls.
    header = headers.first
    page.mouse.wheel(0, 1500)
    page.wait_for_timeout(200)
    assert page.evaluate("window.scrollY") > 1000
    top = header.bounding_box()["y"]
    assert 0 <= top < 120, top
    page.evaluate("window.scrollTo(0, 0)")
    # The table ends with its last row: no empty band below it.
    wrap = page.locator(".matrix-wrap").bounding_box()
    last = table.locator("tbody tr").last.bounding_box()
    assert abs((wrap["y"] + wrap["height"]) - (last["y"] + last["height"])) <= 2
    # No status word cut in two: each label's lines break between words only.
    cut = page.evaluate(
        """() => [...document.querySelectorAll('.matrix__cell .status__label')].filter(label => {
            const range = document.createRange();
            const text = label.firstChild;
            if (!text) return false;
            let lines = 0, last = null;
            for (let i = 0; i < text.length; i++) {
                range.setStart(text, i); range.setEnd(text, i + 1);
                const top = Math.round(range.getBoundingClientRect().top);
                const inWord = text.data[i - 1] !== " " && text.data[i] !== " ";
                if (last !== null && top > last + 2 && inWord) return true;
                last = top;
            }
            return false;
        }).map(label => label.textContent)"""
    )
    assert cut == []
    shoot(page, f"tracker-{language}-1280")


@pytest.mark.parametrize("language", ["en", "fi"])
def test_phones_get_lists_not_a_squeezed_table(new_page, hub_url, language):
    page, response = open_tracker(new_page, hub_url, 390, language)
    problems = check_page(page, f"tracker.{language}.390", response.status, 200, language)
    assert problems == []
    assert not page.locator("table.matrix").is_visible()
    lists = page.locator(".matrix-list")
    assert lists.is_visible()
    assert lists.locator("h3").count() > 0
    assert lists.locator("time[datetime]").count() > 0
    shoot(page, f"tracker-{language}-390")
    # The same cells by country, without JavaScript: a link with ?by=country.
    page.locator(".matrix-list__switch a").nth(1).click()
    page.wait_for_load_state()
    assert "by=country" in page.url
    problems = check_page(page, f"tracker.{language}.390.by-country", 200, 200, language)
    assert problems == []
    titles = page.locator(".matrix-list h3").all_inner_texts()
    assert len(titles) == len(COUNTRIES)
    shoot(page, f"tracker-{language}-390-by-country")


def test_print_shows_the_whole_table(new_page, hub_url):
    page, _response = open_tracker(new_page, hub_url, 390, "en")
    page.emulate_media(media="print")
    assert page.locator("table.matrix").is_visible()
    assert not page.locator(".matrix-list").is_visible()
    assert not page.locator("form.tracker-filters").is_visible()
    SHOTS.mkdir(exist_ok=True)
    page.pdf(path=str(SHOTS / "tracker-print.pdf"))
    # The paper's width (A4 landscape within its margins), as a picture to look at.
    page.set_viewport_size({"width": 1030, "height": 700})
    assert page.locator("table.matrix").is_visible()
    headers = page.locator("table.matrix thead th.matrix__country")
    assert headers.count() == len(COUNTRIES)
    for index in range(headers.count()):
        box = headers.nth(index).bounding_box()
        assert box["x"] + box["width"] <= 1030
    shoot(page, "tracker-print")


@pytest.mark.parametrize("width", [1280, 390])
def test_country_page_states_and_defines_the_measure(new_page, hub_url, width):
    page = new_page(width)
    response = page.goto(f"{hub_url}/recommendations/countries/fi/")
    assert check_page(page, f"tracker-country.{width}", response.status) == []
    label = page.locator("#progress-label").inner_text()
    assert "% progress: " in label and "applicable recommendations implemented" in label
    page.get_by_text("How progress is measured").click()
    assert page.get_by_text("Each counts with the weight of its status").is_visible()
    shoot(page, f"country-fi-{width}")
