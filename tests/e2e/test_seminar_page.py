"""The seminar page on a phone and a desktop, in English and in Finnish: its outputs
come first, within the first screen or nearly, its contents list leads to its sections,
its speakers fold by part, and axe-core finds nothing. Full-page screenshots are kept
(``screenshots/seminar-<lang>-<width>.png``) to be looked at."""

import pytest
from django.conf import settings

from tests.e2e.conftest import check_page, screenshot

pytestmark = pytest.mark.usefixtures("site_content")

PATH = "/seminars/helsinki-2021/"
#: Width -> viewport height (a 390 × 844 phone, a desktop).
VIEWPORTS = {1280: 900, 390: 844}
#: English and one other language, whose words run longer.
LANGUAGES = ["en", "fi"]
#: The first output's link starts within this many screens: the first on a desktop; on a
#: phone the site's header, the title, the introduction and the contents list come first.
FIRST_OUTPUT_WITHIN = {1280: 1.0, 390: 2.0}


def open_seminar(browser, hub_url, width, language):
    context = browser.new_context(viewport={"width": width, "height": VIEWPORTS[width]})
    context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": hub_url}]
    )
    page = context.new_page()
    page.csp_violations = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and page.csp_violations.append(message.text)
        ),
    )
    response = page.goto(f"{hub_url}{PATH}")
    return context, page, response


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", list(VIEWPORTS))
def test_seminar_page_outputs_first(browser, hub_url, width, language):
    context, page, response = open_seminar(browser, hub_url, width, language)
    try:
        problems = check_page(page, f"seminar.{language}.{width}", response.status, 200, language)
        screenshot(page, f"seminar-{language}-{width}")
        first_output = page.locator("#outputs a[href]").first
        top = first_output.bounding_box()["y"]
        height = page.evaluate("document.documentElement.scrollHeight")
        print(f"seminar {language} {width}px: first output link at y={top:.0f}, page {height}px")
        assert first_output.inner_text().startswith("Nordic best practices")  # the report
        assert top < FIRST_OUTPUT_WITHIN[width] * VIEWPORTS[width], f"first output at y={top:.0f}"

        # The contents list leads to sections that are there.
        links = page.locator("nav.page-contents a")
        assert links.count() >= 4
        for index in range(links.count()):
            target = links.nth(index).get_attribute("href")
            assert target.startswith("#")
            assert page.locator(target).count() == 1, target

        # The speakers fold by part, closed at first and opened by their summary (by
        # keyboard: a summary is a button).
        groups = page.locator("#speakers details")
        assert groups.count() == 3
        assert not page.locator("#speakers .person-card").first.is_visible()
        groups.first.locator("summary").focus()
        page.keyboard.press("Enter")
        assert groups.first.locator(".person-card").first.is_visible()
        page.locator(".programme-part__sessions summary").first.click()
        assert page.locator(".programme-part .session").first.is_visible()
        problems += check_page(page, f"seminar.{language}.{width}.open", 200, 200, language)
        page.evaluate("window.scrollTo(0, 0)")  # the sticky exit bar back at the top
        screenshot(page, f"seminar-{language}-{width}-open")
    finally:
        context.close()
    assert problems == []


@pytest.mark.parametrize("width", list(VIEWPORTS))
def test_join_form_links_its_privacy_notice(new_page, hub_url, width):
    """The join form's privacy notice is a link that leads there (and the form stays axe
    clean with it)."""
    page = new_page(width)
    response = page.goto(f"{hub_url}/join/")
    problems = check_page(page, f"join.{width}", response.status)
    link = page.locator(".form__privacy a")
    assert link.inner_text() == "privacy notice"
    screenshot(page, f"join-privacy-{width}")
    with page.expect_navigation():
        link.click()
    assert page.url == f"{hub_url}/privacy/"
    assert page.locator("h1").inner_text() == "Privacy notice"
    assert problems == []
