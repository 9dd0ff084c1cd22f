"""The member directory and the directory profile page in a browser: at desktop and phone
width, in English and Norwegian, without an axe-core violation; screenshots go to
``screenshots/`` (or ``$DIRECTORY_SCREENSHOTS``) to be looked at."""

import os
from pathlib import Path

import pytest
from django.conf import settings

from tests.e2e.conftest import check_page, sign_in

WIDTHS = {"1280": 1280, "390": 390}
SHOTS = Path(os.environ.get("DIRECTORY_SCREENSHOTS", Path(__file__).parents[2] / "screenshots"))


@pytest.fixture
def profiles(db_access):
    """A few people showing their details and contact, one at the defaults."""
    from countries.models import Membership

    Membership.objects.filter(user__username="expert-police").update(
        job_title="Detective inspector",
        network_role="police_expert",
        expertise=["investigation", "online"],
        languages=["sv", "en"],
        work_email="erik.nystrom@polis.example",
        work_phone="+46 77 114 14 00",
        show_details=True,
        show_contact=True,
    )
    Membership.objects.filter(user__username="no-coordinator").update(
        job_title="Senior adviser",
        network_role="labour_inspection",
        expertise=["labour_exploitation"],
        languages=["nb", "en"],
        show_details=True,
    )


@pytest.mark.parametrize("width_name", list(WIDTHS))
def test_directory_and_profile_pages(new_page, hub_url, profiles, width_name):
    page = new_page(WIDTHS[width_name])
    sign_in(page, hub_url, "expert-ngo")
    problems = []
    SHOTS.mkdir(parents=True, exist_ok=True)
    for language in ("en", "nb"):
        page.context.add_cookies(
            [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": hub_url}]
        )
        for name, path in (
            ("members", "/members/"),
            ("members-filtered", "/members/?country=NO&role=labour_inspection"),
            ("profile", "/account/directory-profile/"),
        ):
            response = page.goto(f"{hub_url}{path}")
            problems += check_page(page, f"{name}.{language}", response.status, 200, language)
            page.screenshot(
                path=str(SHOTS / f"directory-{name}-{language}-{width_name}.png"), full_page=True
            )
    assert problems == []


def test_profile_form_errors_are_announced(new_page, hub_url, profiles):
    page = new_page(390)
    sign_in(page, hub_url, "expert-ngo")
    page.goto(f"{hub_url}/account/directory-profile/")
    page.get_by_role("textbox", name="Work email").fill("not an email")
    page.get_by_role("button", name="Save").click()
    assert page.locator(".field__error").count() == 1
    problems = check_page(page, "profile-error", 200)
    page.screenshot(path=str(SHOTS / "directory-profile-error-390.png"), full_page=True)
    assert problems == []


PHONE_FOLD = 600  # the first person's top, in px from the page's top, on a 390 × 844 phone


def _top(page, selector):
    return page.locator(selector).first.evaluate(
        "element => element.getBoundingClientRect().top + window.scrollY"
    )


@pytest.mark.parametrize("width", [390, 1280])
def test_directory_shows_results_first(new_page, hub_url, profiles, width):
    """As in the library and the search: the people come before the filters in the page and
    in the tab order; on a phone the first person is seen without scrolling and the filters
    wait folded behind one "Filters (n)" control; on a wide screen they are shown beside."""
    page = new_page(width)
    page.set_viewport_size({"width": width, "height": 844 if width == 390 else 900})
    sign_in(page, hub_url, "expert-ngo")
    page.goto(f"{hub_url}/members/")
    first = ".library__results .directory .card"
    assert page.evaluate(
        """selector => Boolean(document.querySelector(selector).compareDocumentPosition(
               document.querySelector('#filters')) & Node.DOCUMENT_POSITION_FOLLOWING)""",
        first,
    ), "the filters come after the results in the page"
    select = page.get_by_label("Country", exact=True)
    if width == 390:
        assert round(_top(page, first)) <= PHONE_FOLD
        assert not select.is_visible()
        assert _top(page, ".filters > summary") < _top(page, first), "control above the results"
    else:
        assert select.is_visible()
    page.locator(".library__results").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.library__to-filters') !== null")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"directory-results-first-{width}.png"), full_page=True)


def test_directory_filters_control_counts_and_keeps_the_search(new_page, hub_url, profiles):
    page = new_page(390)
    sign_in(page, hub_url, "expert-ngo")
    page.goto(f"{hub_url}/members/?q=adviser&country=NO")
    toggle = page.locator(".filters > summary")
    assert toggle.inner_text().strip() == "Filters (1)"
    apply = page.get_by_role("button", name="Apply filters")
    assert not apply.is_visible()
    toggle.click()
    apply.wait_for(state="visible")
    page.get_by_label("Role in the network").select_option("labour_inspection")
    with page.expect_navigation():
        apply.click()
    assert page.locator(".filters > summary").inner_text().strip() == "Filters (2)"
    assert page.get_by_role("searchbox").input_value() == "adviser"
    assert page.locator(".library__results .directory .card").count() == 1
    # A new search keeps the chosen filters.
    page.get_by_role("searchbox").fill("senior")
    with page.expect_navigation():
        page.get_by_role("button", name="Search", exact=True).click()
    assert "country=NO" in page.url and "role=labour_inspection" in page.url
    assert page.locator(".filters > summary").inner_text().strip() == "Filters (2)"
