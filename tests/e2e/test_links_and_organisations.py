"""The network's organisations (/organisations/) and a practice's page with the seminars
that presented it and the recommendations that cite it, on a phone and a desktop, in
English and Swedish: axe-core finds nothing, nothing scrolls sideways. Full-page
screenshots are kept (``screenshots/organisations-<lang>-<width>.png``,
``practice-links-<lang>-<width>.png``) to be looked at."""

import pytest
from django.conf import settings

from tests.e2e.conftest import check_page, screenshot

VIEWPORTS = {1280: 900, 390: 844}
LANGUAGES = ["en", "sv"]


@pytest.fixture
def content(db_access):
    from countries.models import Country, CountryPage
    from practices.models import Organisation
    from seminars.models import PresentedPractice
    from tests.practices.factories import publish_practice
    from tests.recommendations.factories import impl_of, publish_recommendation
    from tests.seminars.factories import publish_seminar

    countries = {country.code: country for country in Country.objects.all()}
    for name, kind, code, language, website in [
        ("Åbo Akademi", "research", "FI", "sv", "https://www.abo.fi/"),
        ("Rikosuhripäivystys", "ngo", "FI", "fi", "https://www.riku.fi/"),
        ("Polisen", "police", "SE", "sv", "https://polisen.se/"),
        ("Arbetsmiljöverket", "labour_inspection", "SE", "sv", "https://www.av.se/"),
        ("Stígamót", "ngo", "IS", "is", ""),
        ("International Organization for Migration", "international", None, "en", ""),
    ]:
        Organisation.objects.update_or_create(
            name=name,
            defaults={
                "type": kind,
                "country": countries.get(code),
                "language": language,
                "website": website,
                "listed_publicly": True,
            },
        )
    space = CountryPage.objects.get(country__code="FI")
    practice = publish_practice(
        space,
        title="Ohjaus auttamisjärjestelmään",
        slug="ohjaus-auttamisjarjestelmaan",
        language="fi",
        summary_en="How a victim is referred to the assistance system.",
    )
    seminar = publish_seminar(title="Nordic workshop on referral", slug="nordic-referral")
    seminar.presented_practices.add(
        PresentedPractice(
            sort_order=0, practice=practice, session="Workshop 1: Identification and referral"
        )
    )
    seminar.save_revision().publish()
    recommendation = publish_recommendation(
        "R-2031-01", countries=("FI", "SE"), title="Refer victims to assistance without delay"
    )
    for code in ("FI", "SE"):
        impl_of(recommendation, code).evidence_practices.add(practice)
    return {"practice": practice.url, "seminar": seminar.url}


def open_in(browser, hub_url, width, language, path):
    context = browser.new_context(viewport={"width": width, "height": VIEWPORTS[width]})
    context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": hub_url}]
    )
    page = context.new_page()
    page.csp_violations = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and page.csp_violations.append(message.text)
        ),
    )
    return context, page, page.goto(f"{hub_url}{path}")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", list(VIEWPORTS))
def test_organisations_page(browser, hub_url, content, width, language):
    context, page, response = open_in(browser, hub_url, width, language, "/organisations/")
    try:
        problems = check_page(
            page, f"organisations.{language}.{width}", response.status, 200, language
        )
        screenshot(page, f"organisations-{language}-{width}")
        assert page.locator('[lang="is"]', has_text="Stígamót").count() == 1
        iceland = "Island" if language == "sv" else "Iceland"
        assert page.get_by_role("heading", name=iceland, exact=True).count() == 1
        # The filter works without script: the form's GET.
        # (By name, not label: the new words are not translated yet.)
        page.locator("select[name=type]").select_option("police")
        page.locator(".organisations__filters button[type=submit]").click()
        page.wait_for_load_state()
        assert "type=police" in page.url
        assert page.get_by_text("Polisen").count() == 1
        assert page.get_by_text("Åbo Akademi").count() == 0
        problems += check_page(
            page, f"organisations-filtered.{language}.{width}", 200, 200, language
        )
        assert problems == []
    finally:
        context.close()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", list(VIEWPORTS))
def test_practice_page_with_its_seminars_and_recommendations(
    browser, hub_url, content, width, language
):
    context, page, response = open_in(browser, hub_url, width, language, content["practice"])
    try:
        problems = check_page(
            page, f"practice-links.{language}.{width}", response.status, 200, language
        )
        screenshot(page, f"practice-links-{language}-{width}")
        assert page.get_by_role("link", name="Nordic workshop on referral").count() == 1
        assert page.get_by_role("link", name="R-2031-01").count() == 1
        page.get_by_role("link", name="Nordic workshop on referral").click()
        page.wait_for_load_state()
        problems += check_page(page, f"seminar-practices.{language}.{width}", 200, 200, language)
        screenshot(page, f"seminar-practices-{language}-{width}")
        assert (
            page.locator("#practices")
            .get_by_role("link", name="Ohjaus auttamisjärjestelmään")
            .count()
            == 1
        )
        assert problems == []
    finally:
        context.close()
