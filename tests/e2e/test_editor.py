"""The editor's admin in a real browser, at desktop and phone width: the dashboard offers
"Add a practice" and lists their drafts, no image is broken, and the add form asks who
may read the practice on its first tab, starting with network members. The coordinator's
dashboard marks what is overdue. Screenshots kept (``screenshots/``)."""

import datetime

import pytest
from wagtail.models import Page

from practices.models import PracticePage
from recommendations.models import RecommendationPage
from tests.e2e.conftest import screenshot, sign_in

WIDTHS = {"desktop": 1280, "phone": 390}

BROKEN_IMAGES = """() => Array.from(document.images)
    .filter(img => !img.complete || img.naturalWidth === 0)
    .map(img => img.currentSrc || img.src)"""


@pytest.fixture
def editor_draft(db_access):
    from django.contrib.auth import get_user_model

    from tests.practices.factories import PracticePageFactory

    editor = get_user_model().objects.get(username="fi-editor")
    finland = Page.objects.get(url_path="/home/countries/finland/")
    page = finland.add_child(
        instance=PracticePageFactory.build(
            title="Vertaistuki luonnoksena",
            live=False,
            owner=editor,
            language="fi",
            summary_en="Peer support groups, still a draft.",
        )
    )
    page.save_revision(user=editor)
    yield page
    _unindex(PracticePage.objects.filter(pk=page.pk))


@pytest.fixture
def overdue_item(db_access):
    from recommendations.models import Implementation
    from tests.recommendations.factories import publish_recommendation

    recommendation = publish_recommendation("R-2098-01", countries=("FI",))
    Implementation.objects.filter(recommendation=recommendation).update(
        target_date=datetime.date(2001, 1, 1)
    )
    yield recommendation
    _unindex(RecommendationPage.objects.filter(pk=recommendation.pk))


def _unindex(pages):
    """The database is rolled back after the test, the search index is not."""
    from wagtail.search.backends import get_search_backend

    for page in pages:
        get_search_backend().delete(page)


def _images_load(page):
    # Lazy images load once scrolled to: bring each into view first.
    page.evaluate("Array.from(document.images).forEach(img => img.loading = 'eager')")
    page.wait_for_load_state("networkidle")
    return page.evaluate(BROKEN_IMAGES)


@pytest.mark.parametrize("width_name", WIDTHS)
def test_the_editors_dashboard_and_add_form(new_page, hub_url, editor_draft, width_name):
    page = new_page(WIDTHS[width_name])
    sign_in(page, hub_url, "fi-editor", "/admin/")

    add = page.get_by_role("link", name="Add a practice")
    assert add.count() == 1
    panel = page.locator("#hub-my-pages-section")
    assert panel.get_by_role("link", name="Vertaistuki luonnoksena").is_visible()
    assert _images_load(page) == []
    screenshot(page, f"editor-dashboard-{width_name}")

    with page.expect_navigation():
        add.click()
    finland = Page.objects.get(url_path="/home/countries/finland/")
    assert page.url.endswith(f"/admin/pages/add/practices/practicepage/{finland.pk}/")
    # On the first tab, shown without switching tabs, network members chosen.
    members = page.get_by_label("Network members: anyone signed in")
    assert members.is_visible()
    assert members.is_checked()
    assert not page.get_by_label("Public: everyone").is_checked()
    assert _images_load(page) == []
    screenshot(page, f"editor-add-practice-{width_name}")


def test_the_coordinators_dashboard_marks_overdue(new_page, hub_url, overdue_item):
    page = new_page(1280)
    sign_in(page, hub_url, "fi-coordinator", "/admin/")
    badge = page.locator("#tracker-attention-section .hub-overdue").first
    assert badge.inner_text().strip() == "overdue"
    assert _images_load(page) == []
    screenshot(page, "coordinator-dashboard-desktop")
