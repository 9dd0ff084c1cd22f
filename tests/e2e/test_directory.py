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
