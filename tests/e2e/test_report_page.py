"""A country's follow-up report in the browser: en and fi, at 1280 and 390 px, with axe.
Screenshots go to REPORT_SCREENSHOTS (default: the suite's screenshots folder) to be
looked at."""

import os
from pathlib import Path

import pytest
from django.conf import settings

from tests.e2e.conftest import SCREENSHOTS, check_page, sign_in

pytestmark = pytest.mark.usefixtures("site_content")

FOLDER = Path(os.environ.get("REPORT_SCREENSHOTS", SCREENSHOTS))


@pytest.fixture
def report_data(db_access):
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from core import caches
    from recommendations.choices import Status
    from recommendations.models import ReportingRound
    from recommendations.updates import apply_update, confirm_unchanged
    from tests.recommendations.factories import impl_of, publish_recommendation, tracker_page

    coordinator = get_user_model().objects.get(username="fi-coordinator")
    first = publish_recommendation(
        "R-2096-01", countries=("FI", "SE"), title="Shelters for victims on Åland"
    )
    second = publish_recommendation(
        "R-2096-02", countries=("FI",), title="A national referral mechanism"
    )
    apply_update(
        impl_of(first, "FI"),
        coordinator,
        {
            "status": Status.IN_PROGRESS,
            "evidence_links": "https://example.org/plan Kansallinen toimintasuunnitelma",
        },
        note="Työryhmä asetettu; ensimmäinen raportti valmistuu keväällä.",
    )
    apply_update(impl_of(second, "FI"), coordinator, {"status": Status.PLANNED}, note="Planned.")
    today = timezone.localdate()
    current = ReportingRound.objects.create(
        country=impl_of(first, "FI").country,
        period_start=today.replace(month=1, day=1),
        period_end=today,
        opened_by=coordinator,
        opened_by_name="Fiona Coordinator",
    )
    confirm_unchanged(impl_of(first, "FI"), coordinator, current, version=None)
    caches.end_all()
    yield tracker_page()
    caches.end_all()


@pytest.mark.parametrize("language", ["en", "fi"])
@pytest.mark.parametrize("width", [1280, 390])
def test_report_page(browser, hub_url, report_data, language, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": hub_url}]
    )
    page = context.new_page()
    page.csp_violations = []
    response = page.goto(f"{hub_url}{report_data.url}fi/report/")
    FOLDER.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(FOLDER / f"report-{language}-{width}.png"), full_page=True)
    assert page.get_by_text("R-2096-01").count() >= 1
    problems = check_page(page, f"report {language} {width}", response.status, language=language)
    if width == 1280:
        # The PDF too, as the reader downloads it, to be looked at.
        pdf = page.request.get(f"{hub_url}{report_data.url}fi/report.pdf")
        assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
        (FOLDER / f"report-{language}.pdf").write_bytes(pdf.body())
        page.emulate_media(media="print")
        page.screenshot(path=str(FOLDER / f"report-{language}-print.png"), full_page=True)
    context.close()
    assert problems == []


def test_report_page_for_the_coordinator(browser, hub_url, report_data):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.csp_violations = []
    sign_in(page, hub_url, "fi-coordinator", f"{report_data.url}fi/report/")
    response = page.goto(f"{hub_url}{report_data.url}fi/report/")
    FOLDER.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(FOLDER / "report-en-1280-coordinator.png"), full_page=True)
    assert page.get_by_role("button", name="Confirm unchanged R-2096-02").count() == 1
    problems = check_page(page, "report coordinator", response.status)
    context.close()
    assert problems == []
