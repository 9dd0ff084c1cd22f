"""The library, a practice written in Icelandic and the tracker in each of the six
languages, at desktop and phone width: in the reader's language, without an axe-core
violation, and screenshots kept (``screenshots/language-*``) to be looked at."""

import pytest
from django.conf import settings

from tests.e2e.conftest import check_page, screenshot

pytestmark = pytest.mark.usefixtures("site_content")

PAGES = {
    "library": "/practices/",
    "practice-icelandic": "/countries/iceland/barnahus-fyrir-tholendur-mansals/",
    "tracker": "/recommendations/",
}
WIDTHS = {"desktop": 1280, "phone": 390}
LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.mark.parametrize("width_name", WIDTHS)
def test_pages_in_each_language(new_page, hub_url, width_name):
    problems = []
    for language in LANGUAGES:
        page = new_page(WIDTHS[width_name])
        page.context.add_cookies(
            [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": hub_url}]
        )
        for name, path in PAGES.items():
            response = page.goto(f"{hub_url}{path}")
            problems += check_page(page, f"{name}.{language}", response.status, 200, language)
            screenshot(page, f"language-{name}-{language}-{width_name}")
    assert problems == []
