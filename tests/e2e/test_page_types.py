"""Every page type at desktop and phone width: renders, fits the screen, has one h1, a
title, the landmarks, and no axe-core violation; screenshots kept (``screenshots/``).

Public pages are checked anonymously; the members' pages and the forms behind sign-in as
the account of the role that uses them.
"""

import pytest
from django.conf import settings

from tests.countries.factories import PASSWORD
from tests.e2e.conftest import check_page, screenshot, sign_in

# The journeys walk through the whole site (tests/home/site.py).
pytestmark = pytest.mark.usefixtures("site_content")

PUBLIC = {
    "home": "/",
    "countries": "/countries/",
    "country": "/countries/finland/",
    "library": "/practices/",
    "library-filtered": "/practices/?country=SE&language=sv",
    "practice": "/countries/finland/civil-society-platform/",
    "practice-finnish": "/countries/finland/auttamisjarjestelmaan-ohjaaminen/",
    "standard": "/about/",
    "accessibility-statement": "/accessibility/",
    "seminars": "/seminars/",
    "seminar-past": "/seminars/helsinki-2021/",
    "seminar-next": "/seminars/oslo-cross-border-cooperation/",
    "seminar-register": "/seminars/oslo-cross-border-cooperation/register/",
    "tracker": "/recommendations/",
    "tracker-filtered": "/recommendations/?status=implemented&country=FI",
    "recommendation": "/recommendations/nordic-network-of-coordinators/",
    "tracker-country": "/recommendations/countries/fi/",
    "join-form": "/join/",
    "sign-in": "/account/login/",
    "password-reset": "/account/password-reset/",
    "not-found": "/no-such-page/",
}
SIGNED_IN = {
    "members-page": ("expert-ngo", "/members-handbook/"),
    "members-practice": ("expert-police", "/countries/finland/matalan-kynnyksen-konsultaatio/"),
    "profile": ("expert-police", "/account/"),
    "update-form": (
        "fi-coordinator",
        "/recommendations/nordic-network-of-coordinators/update/fi/",
    ),
}
WIDTHS = {"desktop": 1280, "phone": 375}


@pytest.mark.parametrize("width_name", WIDTHS)
def test_every_public_page_type(new_page, hub_url, width_name):
    # One test per width, not per page: each live-server test runs on the seeded database.
    page = new_page(WIDTHS[width_name])
    problems = []
    for name, path in PUBLIC.items():
        response = page.goto(f"{hub_url}{path}")
        expected = 404 if name == "not-found" else 200
        problems += check_page(page, name, response.status, expected)
        screenshot(page, f"{name}-{width_name}")
    assert problems == []


@pytest.mark.parametrize("width_name", WIDTHS)
def test_every_signed_in_page_type(new_page, hub_url, width_name):
    problems = []
    signed_in_as = None
    page = None
    for name, (username, path) in SIGNED_IN.items():
        if username != signed_in_as:
            page = new_page(WIDTHS[width_name])
            sign_in(page, hub_url, username)
            signed_in_as = username
        response = page.goto(f"{hub_url}{path}")
        problems += check_page(page, name, response.status)
        screenshot(page, f"{name}-{width_name}")
    assert problems == []


def test_members_page_shows_its_audience(new_page, hub_url):
    page = new_page()
    sign_in(page, hub_url, "expert-ngo", "/members-handbook/")
    assert page.get_by_text("Network members only").is_visible()


def test_update_form_errors_are_announced_and_axe_clean(new_page, hub_url):
    """A form sent with a mistake: the error summary takes the focus and passes axe."""
    page = new_page()
    sign_in(page, hub_url, "fi-coordinator")
    page.goto(f"{hub_url}{SIGNED_IN['update-form'][1]}")
    page.locator("input[name='status']:not(:checked)").first.check()
    with page.expect_navigation() as sent:
        page.get_by_role("button", name="Save the update").click()  # no note: refused
    problems = check_page(page, "update-form-error", sent.value.status, 400)
    assert page.get_by_role("alert").count() >= 1
    screenshot(page, "update-form-error-desktop")
    assert problems == []


def test_join_form_errors_pass_axe(new_page, hub_url):
    page = new_page()
    page.goto(f"{hub_url}/join/")
    form = page.locator("main form").first
    form.evaluate("form => { form.noValidate = true; }")  # the server's own messages
    with page.expect_navigation() as sent:
        form.locator("button[type=submit]").click()
    problems = check_page(page, "join-form-error", sent.value.status, 400)
    assert page.get_by_role("alert").count() >= 1
    screenshot(page, "join-form-error-desktop")
    assert problems == []


def test_two_factor_and_lockout_pages(new_page, hub_url, db_access):
    """Staff's second sign-in step, first set-up to backup codes, and the lock-out page."""
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from home.twofactor import pairing_mail_key
    from tests.accounts import pairing_link
    from tests.e2e.conftest import code_of

    cache.delete(pairing_mail_key(get_user_model().objects.get(username="dk-coordinator")))
    page = new_page()
    page.goto(f"{hub_url}/account/login/?next=/admin/")
    page.get_by_label("Username").fill("dk-coordinator")
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    # No key before the owner opens the link mailed to the account's address.
    problems = check_page(page, "two-factor-link-sent", 200)
    screenshot(page, "two-factor-link-sent-desktop")
    assert page.locator(".qr-code").count() == 0
    link = pairing_link(get_user_model().objects.get(username="dk-coordinator"))
    page.goto(f"{hub_url}{link}")
    problems += check_page(page, "two-factor-setup", 200)
    screenshot(page, "two-factor-setup-desktop")
    assert page.get_by_role("img", name="QR code for your authenticator app").is_visible()

    page.get_by_label("Code").fill("000000")
    with page.expect_navigation() as sent:
        page.get_by_role("button", name="Confirm and continue").click()
    problems += check_page(page, "two-factor-setup-error", sent.value.status, 400)
    screenshot(page, "two-factor-setup-error-desktop")

    device = TOTPDevice.objects.get(user__username="dk-coordinator", confirmed=False)
    page.wait_for_timeout(1100)  # django-otp's pause after a wrong code
    page.get_by_label("Code").fill(code_of(device))
    with page.expect_navigation() as sent:
        page.get_by_role("button", name="Confirm and continue").click()
    problems += check_page(page, "two-factor-codes", sent.value.status)
    screenshot(page, "two-factor-codes-desktop")
    assert page.locator(".backup-codes li").count() == 10
    page.get_by_role("link", name="I have saved the codes: continue").click()
    page.wait_for_url(f"{hub_url}/admin/")

    other = new_page()
    TOTPDevice.objects.create(user=device.user.__class__.objects.get(username="is-coordinator"))
    other.goto(f"{hub_url}/account/login/?next=/admin/")
    other.get_by_label("Username").fill("is-coordinator")
    other.get_by_label("Password").fill(PASSWORD)
    with other.expect_navigation():
        other.get_by_role("button", name="Sign in").click()
    problems += check_page(other, "two-factor-verify", 200)
    screenshot(other, "two-factor-verify-desktop")

    locked = new_page()
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        locked.goto(f"{hub_url}/account/login/")
        locked.get_by_label("Username").fill("expert-police")
        locked.get_by_label("Password").fill("not-the-password")
        with locked.expect_navigation() as sent:
            locked.get_by_role("button", name="Sign in").click()
    problems += check_page(locked, "locked-out", sent.value.status, 429)
    screenshot(locked, "locked-out-desktop")
    assert problems == []
