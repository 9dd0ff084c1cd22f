"""The Finnish coordinator updates statuses from a spreadsheet, in a real browser: a sheet
with problems is previewed with each row's problem (nothing saved), a corrected one saved.
On a desktop and on a phone, checked with axe; screenshots go to ``screenshots/``."""

import io
import re

import openpyxl
import pytest

from recommendations.choices import Status
from tests.e2e.conftest import check_page, screenshot, sign_in
from tests.recommendations.factories import impl_of, publish_recommendation, tracker_page

WIDTHS = pytest.mark.parametrize("width", [1280, 390])


def _sheet(page, hub_url, path, changes, target):
    """The country's sheet as downloaded by the signed-in page, with ``changes`` made
    ({code: {heading: value}}), saved as ``target`` for the file input."""
    response = page.request.get(f"{hub_url}{path}sheet/")
    assert response.status == 200
    workbook = openpyxl.load_workbook(io.BytesIO(response.body()))
    sheet = workbook.active
    headings = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        for heading, value in changes.get(row[0].value, {}).items():
            row[headings.index(heading)].value = value
    workbook.save(target)
    return str(target)


@WIDTHS
def test_preview_with_errors_then_save(new_page, hub_url, db_access, width, tmp_path):
    pages = [publish_recommendation(f"R-2096-0{n}", title=f"Recommendation {n}") for n in (1, 2)]
    path = f"{tracker_page().url}countries/fi/import/"
    page = new_page(width)
    sign_in(page, hub_url, "fi-coordinator", "/recommendations/countries/fi/")
    page.get_by_role("link", name="Update several statuses from a spreadsheet").click()
    page.wait_for_url(f"{hub_url}{path}")

    bad = _sheet(
        page,
        hub_url,
        path,
        {
            pages[0].code: {"Status": "Implemented"},
            pages[1].code: {"Status": "Done", "Target date": "soon"},
        },
        tmp_path / "with-errors.xlsx",
    )
    page.get_by_label(re.compile("Your country’s sheet")).set_input_files(bad)
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Preview the changes").click()
    problems = check_page(page, f"import errors {width}", navigation.value.status, expected=400)
    screenshot(page, f"bulk-import-errors-{width}")
    summary = page.locator("#error-summary")
    assert "nothing was saved" in summary.inner_text()
    assert "Row 2" in summary.inner_text() and "Row 3" in summary.inner_text()
    assert page.get_by_role("button", name=re.compile("^Save")).count() == 0
    assert impl_of(pages[0], "FI").status == Status.NOT_STARTED

    good = _sheet(
        page,
        hub_url,
        path,
        {pages[0].code: {"Status": "Implemented", "Note": "The act entered into force."}},
        tmp_path / "corrected.xlsx",
    )
    page.get_by_label(re.compile("Your country’s sheet")).set_input_files(good)
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Preview the changes").click()
    problems += check_page(page, f"import preview {width}", navigation.value.status)
    screenshot(page, f"bulk-import-preview-{width}")
    with page.expect_navigation():
        page.get_by_role("button", name="Save 1 change").click()
    assert page.url.endswith("/recommendations/countries/fi/")
    assert "1 change to Finland’s follow-up is saved." in page.content()
    assert impl_of(pages[0], "FI").status == Status.IMPLEMENTED
    assert problems == []
