"""Asking and answering a question in a browser: a member asks on a practice's page,
another answers (members without admin rights: no second sign-in step, whose app the test
would add in its own transaction, so it also runs against PostgreSQL); the thread page
at desktop and phone width, in English and Finnish, without an axe-core violation.
Screenshots go to ``screenshots/`` (or ``$QUESTIONS_SCREENSHOTS``) to be looked at."""

import os
from pathlib import Path

import pytest

from tests.e2e.conftest import check_page, sign_in

WIDTHS = {"1280": 1280, "390": 390}
SHOTS = Path(os.environ.get("QUESTIONS_SCREENSHOTS", Path(__file__).parents[2] / "screenshots"))


@pytest.fixture
def practice_path(db_access):
    from practices.models import PracticePage

    practice = PracticePage.objects.filter(
        country_page__country__code="FI", audience="public"
    ).first()
    return practice.url


def _in_finnish(page, hub_url):
    from django.conf import settings

    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "fi", "url": hub_url}]
    )


@pytest.mark.parametrize("width_name", list(WIDTHS))
def test_ask_and_answer_a_question(new_page, hub_url, practice_path, width_name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    problems = []
    asker = new_page(WIDTHS[width_name])
    sign_in(asker, hub_url, "expert-police")
    response = asker.goto(f"{hub_url}{practice_path}")
    problems += check_page(asker, "practice", response.status)
    section = asker.get_by_role("region", name="Questions and answers")
    section.get_by_text("Ask a question").click()
    asker.get_by_label("Title").fill("Who trains the labour inspectors?")
    asker.locator("#ask-body").fill("We plan a course in spring.")
    with asker.expect_navigation():
        asker.get_by_role("button", name="Ask the question").click()
    # The POST's redirect is followed: the thread is what the browser shows.
    assert "/questions/" in asker.url
    thread_url = asker.url
    assert asker.get_by_role("heading", name="Who trains the labour inspectors?").is_visible()
    problems += check_page(asker, "thread-asked", 200)

    answerer = new_page(WIDTHS[width_name])
    sign_in(answerer, hub_url, "expert-ngo")
    answerer.goto(thread_url)
    answerer.get_by_label("Your answer").fill("The police academy runs one in March.")
    with answerer.expect_navigation():
        answerer.get_by_role("button", name="Publish the answer").click()
    assert answerer.get_by_text("The police academy runs one in March.").is_visible()
    problems += check_page(answerer, "thread-answered", 200)
    answerer.screenshot(path=str(SHOTS / f"question-thread-en-{width_name}.png"), full_page=True)

    # An empty answer: the error summary takes the focus, the page still passes.
    with answerer.expect_navigation() as refused:
        answerer.get_by_role("button", name="Publish the answer").click()
    assert answerer.evaluate("document.activeElement.id") == "error-summary"
    problems += check_page(answerer, "thread-error", refused.value.status, expected=400)

    response = answerer.goto(f"{hub_url}{practice_path}")
    answerer.get_by_role("region", name="Questions and answers").scroll_into_view_if_needed()
    answerer.screenshot(path=str(SHOTS / f"question-section-en-{width_name}.png"), full_page=True)

    _in_finnish(answerer, hub_url)
    response = answerer.goto(thread_url)
    problems += check_page(answerer, "thread-fi", response.status, language="fi")
    answerer.screenshot(path=str(SHOTS / f"question-thread-fi-{width_name}.png"), full_page=True)
    answerer.goto(f"{hub_url}{practice_path}")
    answerer.screenshot(path=str(SHOTS / f"question-section-fi-{width_name}.png"), full_page=True)
    assert problems == []
