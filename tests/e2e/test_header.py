"""The site header in each of the six languages: at 1280 px the main menu on one line; on a
390 × 844 phone a compact header (quick exit included) with the menu folded behind a
button that opens it by mouse, by keyboard and without JavaScript. Screenshots are kept
(``screenshots/header-<language>-<width>.png``) to be looked at."""

from itertools import pairwise

import pytest
from django.conf import settings

from tests.e2e.conftest import SCREENSHOTS, check_page, sign_in, tab_to

pytestmark = pytest.mark.usefixtures("site_content")

LANGUAGES = [code for code, _name in settings.LANGUAGES]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
# The quick-exit bar and the header together, menu folded, on a phone: at most this many
# pixels of the 844 (the page's own heading starts under them).
PHONE_HEADER_MAX = 150


@pytest.fixture
def open_home(browser, hub_url):
    """The home page in ``language`` at a viewport, in a fresh context (closed after)."""
    contexts = []

    def open_page(language, viewport, javascript=True):
        context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
        contexts.append(context)
        context.add_cookies(
            [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": hub_url}]
        )
        page = context.new_page()
        page.csp_violations = []
        response = page.goto(f"{hub_url}/")
        assert response.status == 200
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def tracker_in_menu(db_access):
    """The tracker in the menu too, as on the demo site: eight sections, the most the
    menu has (and "Recommendation tracker" is the title that used to wrap)."""
    from core import caches
    from recommendations.models import TrackerPage

    TrackerPage.objects.update(show_in_menus=True)
    caches.end_all()
    yield
    caches.end_all()  # the change is rolled back; so must be the menus made with it


def header_screenshot(page, name):
    """The top of the page, as a visitor first sees it."""
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def menu_links(page):
    return page.locator(".site-nav a")


def header_bottom(page):
    box = page.locator(".site-header").bounding_box()
    return box["y"] + box["height"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_desktop_menu_on_one_line(open_home, tracker_in_menu, language):
    page = open_home(language, DESKTOP)
    header_screenshot(page, f"header-{language}-1280")
    assert not page.locator(".site-menu__button").is_visible()  # no button at desktop
    links = menu_links(page)
    assert links.count() == 8
    boxes = [links.nth(index).bounding_box() for index in range(links.count())]
    assert all(box is not None for box in boxes), "a menu item is hidden at desktop"
    tops = {round(box["y"]) for box in boxes}
    assert len(tops) == 1, f"menu on {len(tops)} lines in {language}: {tops}"
    # Each item on one line of text too, and the row within the window.
    heights = {round(box["height"]) for box in boxes}
    assert len(heights) == 1, heights
    assert max(box["x"] + box["width"] for box in boxes) <= DESKTOP["width"]
    # The tools share the blue row with the site's name, above the menu.
    tools = page.locator(".site-header__tools").bounding_box()
    brand = page.locator(".site-header__brand").bounding_box()
    assert tools["y"] < boxes[0]["y"] and brand["y"] < boxes[0]["y"]
    assert tools["x"] > brand["x"] + brand["width"]


@pytest.fixture
def members_menu_of_the_demo(db_access):
    """The menu a member sees on the demo site: the tracker and the members' handbook,
    no "principles" page (the test site's own) -- eight sections."""
    from wagtail.models import Page

    from core import caches
    from recommendations.models import TrackerPage

    TrackerPage.objects.update(show_in_menus=True)
    Page.objects.filter(depth=3, slug="principles").update(show_in_menus=False)
    Page.objects.filter(depth=3, slug="members-handbook").update(show_in_menus=True)
    caches.end_all()
    yield
    caches.end_all()


@pytest.mark.parametrize("language", LANGUAGES)
def test_desktop_header_signed_in(new_page, hub_url, members_menu_of_the_demo, language):
    """A member's account links are longer than "Sign in": they share the blue row or
    wrap within it, and the member's menu (eight sections) stays on one line."""
    page = new_page(DESKTOP["width"])
    sign_in(page, hub_url, "expert-ngo")  # the sign-in form in English, then the language
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": hub_url}]
    )
    page.goto(f"{hub_url}/")
    header_screenshot(page, f"header-{language}-1280-signed-in")
    links = menu_links(page)
    assert links.count() == 8
    tops = {round(links.nth(index).bounding_box()["y"]) for index in range(links.count())}
    assert len(tops) == 1, tops
    tools = page.locator(".site-header__tools").bounding_box()
    assert tools["y"] + tools["height"] <= min(tops)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow == 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_phone_header_is_compact_and_its_menu_opens(open_home, language):
    page = open_home(language, PHONE)
    header_screenshot(page, f"header-{language}-390")
    bottom = header_bottom(page)
    assert bottom <= PHONE_HEADER_MAX, f"header ends at {bottom}px in {language}"
    # The quick exit stays on screen and usable above the folded menu.
    exit_box = page.locator(".quick-exit__button").bounding_box()
    assert exit_box["y"] >= 0 and exit_box["y"] + exit_box["height"] <= bottom
    assert exit_box["height"] >= 44
    button = page.locator(".site-menu__button")
    assert button.is_visible()
    button_box = button.bounding_box()
    assert button_box["height"] >= 44 and button_box["x"] + button_box["width"] <= 390
    links = menu_links(page)
    assert not links.first.is_visible()
    assert not page.locator("#language-select").is_visible()

    button.click()
    for index in range(links.count()):
        assert links.nth(index).is_visible()
    assert page.locator("#site-search-q").is_visible()
    assert page.locator("#language-select").is_visible()
    assert page.locator(".account-menu a").first.is_visible()
    header_screenshot(page, f"header-{language}-390-open")
    # Items down the page, one under another, each at least a finger's height.
    boxes = [links.nth(index).bounding_box() for index in range(links.count())]
    assert all(after["y"] >= before["y"] + before["height"] for before, after in pairwise(boxes))
    assert min(box["height"] for box in boxes) >= 44

    button.click()
    assert not links.first.is_visible()


def test_phone_menu_by_keyboard(open_home):
    page = open_home("en", PHONE)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    button = page.locator(".site-menu__button")
    tab_to(page, button, limit=5)  # skip link, quick exit, site name, then the menu
    page.keyboard.press("Enter")
    assert page.locator(".site-menu").evaluate("menu => menu.open")
    links = menu_links(page)
    tab_to(page, page.locator("#site-search-q"), limit=2)
    tab_to(page, page.locator("#language-select"), limit=3)
    tab_to(page, links.first, limit=6)
    for index in range(1, links.count()):
        tab_to(page, links.nth(index), limit=1)
        assert links.nth(index).is_visible()
    # Back to the button, and Enter folds the menu again.
    for _ in range(links.count() + 10):
        page.keyboard.press("Shift+Tab")
        if button.evaluate("element => element === document.activeElement"):
            break
    page.keyboard.press("Enter")
    assert not links.first.is_visible()


def test_phone_menu_opens_without_javascript(open_home):
    page = open_home("en", PHONE, javascript=False)
    links = menu_links(page)
    assert not links.first.is_visible()
    header_bottom_px = header_bottom(page)
    assert header_bottom_px <= PHONE_HEADER_MAX
    page.locator(".site-menu__button").click()
    assert links.first.is_visible() and links.last.is_visible()
    assert page.locator("#site-search-q").is_visible()
    header_screenshot(page, "header-en-390-no-javascript")
    page.locator(".site-menu__button").press("Enter")
    assert not links.first.is_visible()


def test_desktop_menu_without_javascript(open_home):
    page = open_home("en", DESKTOP, javascript=False)
    assert not page.locator(".site-menu__button").is_visible()
    assert menu_links(page).first.is_visible() and page.locator("#site-search-q").is_visible()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_home_passes_axe_with_the_menu(open_home, viewport):
    page = open_home("en", viewport)
    problems = check_page(page, f"home-{viewport['width']}", 200)
    if viewport is PHONE:
        page.locator(".site-menu__button").click()
        problems += check_page(page, "home-390-menu-open", 200)
    # The current page is marked in the menu, and each title carries its language.
    home = menu_links(page).first
    assert home.get_attribute("aria-current") == "page"
    for index in range(1, menu_links(page).count()):
        assert menu_links(page).nth(index).get_attribute("lang")
    assert problems == []
