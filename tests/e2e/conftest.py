"""Browser tests: Playwright drives Debian's Chromium against one live server.

The server runs for the whole session on the database that tests/conftest.py seeded once,
without the per-test flush of pytest-django's live_server (re-seeding costs seconds per
test). It shares the in-memory SQLite connection with the tests, so each test's changes
are seen by the server and rolled back afterwards. Run with ``make test-browser``;
screenshots go to ``screenshots/`` (git-ignored).
"""

import os
from pathlib import Path

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.db import connections
from django.test.testcases import LiveServerThread

from tests.countries.factories import PASSWORD

# Playwright's sync API runs an event loop in this thread; the test thread's own database
# calls (fixtures, assertions) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            # Without a django_db mark in the session pytest-django creates no test
            # database at all, and the server would use the configured one.
            item.add_marker(pytest.mark.django_db)


@pytest.fixture(scope="session")
def hub_url(django_db_setup, django_db_blocker):
    """Base URL of a live server on the seeded test database."""
    with django_db_blocker.unblock():
        shared = {
            conn.alias: conn
            for conn in connections.all()
            if conn.vendor == "sqlite" and conn.is_in_memory_db()
        }
        for conn in shared.values():
            conn.inc_thread_sharing()
        thread = LiveServerThread(
            "localhost", StaticFilesHandler, connections_override=shared, port=0
        )
        thread.daemon = True
        thread.start()
        thread.is_ready.wait()
        if thread.error:
            raise thread.error
        yield f"http://localhost:{thread.port}"
        thread.terminate()
        for conn in shared.values():
            conn.dec_thread_sharing()


@pytest.fixture
def db_access(db):
    """Read or change data from a browser test; the server shares the test's connection
    (in-memory SQLite), so it sees the change, and the change is rolled back after."""


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def screenshot(page, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
def new_page(browser, hub_url):
    """Open pages in fresh browser contexts (one per person), closed after the test."""
    contexts = []

    def open_page(width=1280):
        context = browser.new_context(viewport={"width": width, "height": 900})
        contexts.append(context)
        page = context.new_page()
        # The Content-Security-Policy refusing anything the page asks for is a defect.
        page.csp_violations = []
        page.on(
            "console",
            lambda message: (
                "Content Security Policy" in message.text
                and page.csp_violations.append(message.text)
            ),
        )
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    """One desktop-width page in its own browser context."""
    return new_page()


def authenticator_code(username):
    """A fresh confirmed authenticator app for the account, and the code it shows now (a
    code is accepted once, so each sign-in pairs its own app; rolled back after the test)."""
    from django.contrib.auth import get_user_model
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = get_user_model().objects.get(username=username)
    device = TOTPDevice.objects.create(user=user, name="Browser test app", confirmed=True)
    return code_of(device)


def code_of(device):
    from django_otp.oath import totp

    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def sign_in(page, hub_url, username, next_path="/"):
    """Sign in through the form; staff then give their authenticator code."""
    page.goto(f"{hub_url}/account/login/?next={next_path}")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    if "/account/two-factor/" in page.url:
        code = authenticator_code(username)
        if "/setup/" in page.url:
            page.goto(f"{hub_url}/account/two-factor/?next={next_path}")
        page.get_by_label("Code").fill(code)
        page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"{hub_url}{next_path}")


def focus_is_visible(page):
    """True when the focused element draws a focus indicator (outline or box shadow)."""
    return page.evaluate(
        """() => {
            const style = getComputedStyle(document.activeElement);
            const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
            return outline || (style.boxShadow && style.boxShadow !== "none");
        }"""
    )


def tab_to(page, locator, limit=250):
    """Press Tab until ``locator`` has the focus; every stop on the way must show it."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        assert focus_is_visible(page), "no visible focus on " + page.evaluate(
            "document.activeElement.outerHTML.slice(0, 120)"
        )
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {locator}")


def unfold(page, summary):
    """Open the ``<details>`` of ``summary`` as a keyboard user does (Tab to it, Enter) when
    it is shown folded: on a phone, the site's menu and the filters. A wide screen shows
    what they fold, and the summary is hidden: nothing to do."""
    if summary.is_visible() and not summary.evaluate("element => element.parentElement.open"):
        tab_to(page, summary)
        page.keyboard.press("Enter")


def check_page(page, name, status, expected=200, language="en"):
    """Problems of the page now shown (in the interface ``language``), as readable lines."""
    from axe_playwright_python.sync_playwright import Axe

    problems = [f"{name}: {violation}" for violation in getattr(page, "csp_violations", [])]
    page.csp_violations = []
    if status != expected:
        problems.append(f"{name}: HTTP {status}, not {expected}")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    if overflow > 0:
        problems.append(f"{name}: scrolls sideways by {overflow}px")
    if page.locator("h1").count() != 1:
        problems.append(f"{name}: {page.locator('h1').count()} h1 elements")
    site_name = "Nordic THB Coordinators Hub" if language == "en" else ""
    if not page.title().strip() or site_name not in page.title():
        problems.append(f"{name}: page title {page.title()!r}")
    for landmark in ("banner", "main", "contentinfo"):
        if page.get_by_role(landmark).count() != 1:
            problems.append(f"{name}: {page.get_by_role(landmark).count()} {landmark}")
    if page.evaluate("document.documentElement.lang") != language:
        problems.append(f"{name}: html lang {page.evaluate('document.documentElement.lang')}")
    for violation in Axe().run(page).response["violations"]:
        targets = [node["target"] for node in violation["nodes"]][:3]
        problems.append(f"{name}: axe {violation['id']} {targets}")
    return problems
