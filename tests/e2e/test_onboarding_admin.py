"""The admin's onboarding pages in a browser (issue 27.2): the join applications, one
application with its Accept and Refuse forms, and the access review, at desktop and phone
width, without an axe-core violation in their content; screenshots go to
``$ONBOARDING_SCREENSHOTS`` (or ``screenshots/``) to be looked at."""

import os
from datetime import timedelta
from pathlib import Path

import pytest

from tests.e2e.conftest import sign_in

WIDTHS = {"1280": 1280, "390": 390}
SHOTS = Path(os.environ.get("ONBOARDING_SCREENSHOTS", Path(__file__).parents[2] / "screenshots"))


@pytest.fixture
def applications(db_access):
    """Two applications, one refused, and an account not seen for over a year."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone
    from wagtail.contrib.forms.models import FormSubmission

    from home import onboarding
    from tests.home.factories import join_form

    form = join_form()
    answers = {
        "full_name": "Kaisa Example",
        "email_address": "kaisa@example.org",
        "organisation": "Example NGO",
        "country": "Finland",
        "sector": "NGO",
        "i_apply_for": "Network membership",
        "message": "We run a shelter in Tampere.",
        "i_agree_that_the_secretariat_stores_this_application": True,
    }
    kaisa = FormSubmission.objects.create(page=form, form_data=answers)
    other = FormSubmission.objects.create(
        page=form,
        form_data={**answers, "full_name": "Olaf Sample", "email_address": "olaf@example.org"},
    )
    admin = get_user_model().objects.get(username="admin")
    onboarding.refuse(other, admin, reason="Outside the network's remit.")
    get_user_model().objects.filter(username="expert-police").update(
        last_login=timezone.now() - timedelta(days=400)
    )
    return kaisa


@pytest.mark.parametrize("width_name", list(WIDTHS))
def test_onboarding_admin_pages(new_page, hub_url, applications, width_name):
    from axe_playwright_python.sync_playwright import Axe

    page = new_page(WIDTHS[width_name])
    sign_in(page, hub_url, "admin", next_path="/admin/")
    SHOTS.mkdir(parents=True, exist_ok=True)
    problems = []
    for name, path in (
        ("applications", "/admin/applications/"),
        ("application", f"/admin/applications/{applications.pk}/"),
        ("access-review", "/admin/reports/access-review/"),
    ):
        response = page.goto(f"{hub_url}{path}")
        if response.status != 200:
            problems.append(f"{name}: HTTP {response.status}")
        if page.locator("h1").count() != 1:
            problems.append(f"{name}: {page.locator('h1').count()} h1")
        page.screenshot(path=str(SHOTS / f"onboarding-{name}-{width_name}.png"), full_page=True)
        if name == "application":  # the admin scrolls inside its main area: the forms
            for form in ("accept", "refuse"):
                page.locator(f"#{form}-heading").scroll_into_view_if_needed()
                page.screenshot(path=str(SHOTS / f"onboarding-{form}-{width_name}.png"))
        for violation in Axe().run(page, context="main").response["violations"]:
            targets = [node["target"] for node in violation["nodes"]][:3]
            problems.append(f"{name}: axe {violation['id']} {targets}")
    assert problems == []
