"""The tracker's update form refused in a browser (the focus on the error summary, the saved
status still "current"), and each country's history: the recommendation page's timeline by
country and a country's whole timeline, at desktop and phone widths."""

import pytest

from tests.e2e.conftest import check_page, sign_in
from tests.e2e.conftest import screenshot as shot


@pytest.fixture
def recommendation(db_access, users):
    from recommendations.choices import Status
    from recommendations.updates import apply_update
    from tests.recommendations.factories import impl_of, publish_recommendation

    page = publish_recommendation("R-2603-01", countries=("FI", "SE", "NO"))
    apply_update(impl_of(page, "FI"), users["fi-coordinator"], {"status": Status.PLANNED}, "Plan.")
    apply_update(
        impl_of(page, "SE"), users["se-coordinator"], {"status": Status.IN_PROGRESS}, "Started."
    )
    return page


@pytest.mark.parametrize("width", [1280, 390])
def test_refused_save_moves_the_focus_to_the_error_summary(
    new_page, hub_url, recommendation, width
):
    page = new_page(width)
    path = f"{recommendation.url}update/fi/"
    sign_in(page, hub_url, "fi-coordinator", path)
    # The note sits right after the status it explains.
    order = page.evaluate(
        """() => [...new Set([...document.querySelectorAll(
            "main form[method=post] :is(input, textarea, select):not([type=hidden])"
        )].map(field => field.name))].slice(0, 2)"""
    )
    assert order == ["status", "note"]
    page.get_by_label("Implemented", exact=True).check()
    page.get_by_label("Summary of measures").fill("A law was passed in May.")
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Save the update").click()
    status = navigation.value.status
    assert status == 400
    assert page.evaluate("document.activeElement.id") == "error-summary"
    # What was typed is still there; the status shown as current is the saved one.
    assert page.get_by_label("Summary of measures").input_value() == "A law was passed in May."
    assert page.get_by_label("Implemented", exact=True).is_checked()
    current = page.locator("main p", has_text="Current status:").inner_text()
    assert "Planned" in current and "Implemented" not in current
    problems = check_page(page, f"update-form-refused-{width}", status, 400)
    shot(page, f"update-form-refused-{width}")
    # The summary's link takes the keyboard to the note.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#id_note"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_note"
    # A form opened afresh has no error and takes no focus.
    page.goto(hub_url + path)
    assert page.evaluate("document.activeElement.id") != "error-summary"
    assert problems == []


@pytest.mark.parametrize("width", [1280, 390])
def test_country_histories(new_page, hub_url, recommendation, width):
    page = new_page(width)
    response = page.goto(f"{hub_url}{recommendation.url}")
    problems = check_page(page, f"recommendation-{width}", response.status)
    # The filter works without JavaScript: a GET form.
    page.get_by_label("Country", exact=True).select_option("fi")
    with page.expect_navigation() as navigation:
        page.locator("form.timeline-filter button").click()
    assert "?country=fi" in page.url
    notes = page.locator(".timeline .timeline__note").all_inner_texts()
    assert notes == ["Plan."]
    problems += check_page(page, f"recommendation-fi-{width}", navigation.value.status)
    shot(page, f"recommendation-timeline-fi-{width}")
    page.get_by_role("link", name="Finland’s whole history in the tracker").click()
    page.wait_for_url("**/countries/fi/history/")
    problems += check_page(page, f"country-history-{width}", 200)
    assert page.locator(".timeline .timeline__note").all_inner_texts() == ["Plan."]
    shot(page, f"country-history-fi-{width}")
    response = page.goto(f"{hub_url}/recommendations/countries/fi/")
    problems += check_page(page, f"country-page-{width}", response.status)
    assert "(filters applied)" not in page.locator("form.tracker-filters").inner_text()
    assert problems == []
