"""The hub's three journeys, as real people take them, in a real browser.

1. A Finnish editor drafts a practice and submits it; the Finnish coordinator approves
   and publishes it; it is then in the library and in search.
2. A police expert, with the keyboard alone, signs in, searches in Swedish and in
   Finnish, narrows by facets and opens a members-only practice; signed out, the same
   search no longer shows it.
3. A ministry follower filters the tracker, opens a recommendation and follows it; the
   Finnish coordinator changes Finland's status; the follower gets the email, and the
   change is in the timeline and the feed.
"""

import re
from urllib.parse import quote

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page

from recommendations.choices import Status
from recommendations.models import Implementation, RecommendationPage
from tests.countries.factories import PASSWORD
from tests.e2e.conftest import screenshot, sign_in, tab_to, unfold

# The journeys walk through the whole site (tests/home/site.py), on a desktop and on a
# phone (390 px wide: the site's menu and the filters folded).
pytestmark = pytest.mark.usefixtures("site_content")
WIDTHS = pytest.mark.parametrize("width", [1280, 390])

NEW_PRACTICE = "Ihmiskaupan uhrien vertaistukiryhmät Tampereella"


def open_footer_menu(page):
    """Open the more-actions menu of Wagtail's page editor footer."""
    page.locator("footer [data-w-dropdown-target='toggle'], footer .dropdown-toggle").first.click()


@pytest.fixture
def unindex_new_practice(db_access):
    """The database is rolled back after the test, the search index is not: remove the
    journey's practice from the index too."""
    yield
    from wagtail.search.backends import get_search_backend

    from practices.models import PracticePage

    for practice in PracticePage.objects.filter(title=NEW_PRACTICE):
        get_search_backend().delete(practice)


@WIDTHS
def test_journey_1_editor_drafts_coordinator_publishes(
    new_page, hub_url, unindex_new_practice, width
):
    finland = Page.objects.get(url_path="/home/countries/finland/")

    editor = new_page(width)
    sign_in(editor, hub_url, "fi-editor", "/admin/")
    editor.goto(f"{hub_url}/admin/pages/add/practices/practicepage/{finland.pk}/")
    editor.locator("#id_title").fill(NEW_PRACTICE)
    editor.locator("#id_title_en").fill("Peer support groups for victims in Tampere")
    # A practice in Finland's space starts in Finnish.
    assert editor.locator("#id_language").input_value() == "fi"
    editor.locator("#id_summary").fill(
        "Vertaistukiryhmät kokoavat ihmiskaupan uhreja Tampereella kahdesti kuussa "
        "tulkin ja sosiaalityöntekijän tuella."
    )
    editor.locator("#id_summary_en").fill(
        "Peer support groups bring victims of trafficking together in Tampere twice a "
        "month, with an interpreter and a social worker."
    )
    # Who may read it is asked on the first tab, network members until the editor says
    # otherwise: this practice is for everyone.
    assert editor.get_by_label("Network members: anyone signed in").is_checked()
    editor.get_by_label("Public: everyone").check()
    screenshot(editor, f"journey1-editor-draft-{width}")
    open_footer_menu(editor)
    editor.locator("button[name='action-submit']").click()
    editor.wait_for_url(f"{hub_url}/admin/pages/{finland.pk}/")  # back to the space
    assert "Submitted to the Finland coordinators for approval" in (
        editor.locator(".messages").inner_text()
    )
    practice = Page.objects.get(title=NEW_PRACTICE)
    assert not practice.live
    assert practice.workflow_in_progress
    screenshot(editor, f"journey1-editor-submitted-{width}")

    # Not published yet: neither the library nor search shows it to anyone.
    visitor = new_page(width)
    visitor.goto(f"{hub_url}/practices/?country=FI")
    assert NEW_PRACTICE not in visitor.content()
    visitor.goto(f"{hub_url}/search/?q={quote('vertaistukiryhmä')}")
    assert NEW_PRACTICE not in visitor.content()

    coordinator = new_page(width)
    sign_in(coordinator, hub_url, "fi-coordinator", "/admin/")
    coordinator.goto(f"{hub_url}/admin/pages/{practice.pk}/edit/")
    open_footer_menu(coordinator)
    coordinator.locator(
        "footer button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])"
    ).click()
    coordinator.wait_for_url(f"{hub_url}/admin/pages/{finland.pk}/")
    practice.refresh_from_db()
    assert practice.live, "the coordinator's approval publishes the practice"
    screenshot(coordinator, f"journey1-coordinator-published-{width}")

    visitor.goto(f"{hub_url}/practices/?country=FI")
    assert visitor.get_by_role("link", name=NEW_PRACTICE).count() == 1
    visitor.goto(f"{hub_url}/search/?q={quote('vertaistukiryhmä')}")
    result = visitor.locator(".search-result").filter(has_text=NEW_PRACTICE)
    assert result.count() == 1
    screenshot(visitor, f"journey1-search-finds-it-{width}")


MEMBERS_SV = "Identifiering av offer i organiserade stöldligor"
MEMBERS_FI = "Matalan kynnyksen konsultaatio seksialan ihmiskaupan uhreille"


def _search_by_keyboard(page, text):
    box = page.locator("#search-q")
    tab_to(page, box)
    page.keyboard.press("Control+A")
    page.keyboard.type(text)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("#search-q").input_value() == text


@WIDTHS
def test_journey_2_expert_searches_by_keyboard_alone(new_page, hub_url, width):
    page = new_page(width)
    page.goto(f"{hub_url}/")
    menu = page.locator(".site-menu__button")  # shown on a phone, where the menu is folded
    unfold(page, menu)
    tab_to(page, page.get_by_role("link", name="Sign in"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/account/login/"))
    # The cursor is already in the first field.
    assert page.get_by_label("Username").evaluate("element => element === document.activeElement")
    page.keyboard.type("expert-police")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{hub_url}/")
    assert page.get_by_text("Signed in as").count() == 1

    # The header's box, on every page, leads to the search page (a combobox: it suggests pages).
    unfold(page, menu)
    tab_to(page, page.get_by_role("combobox", name="Search the hub"))
    page.keyboard.type("stöldligor")  # Swedish
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    assert page.locator(".search-result").filter(has_text=MEMBERS_SV).count() == 1
    screenshot(page, f"journey2-search-swedish-{width}")

    _search_by_keyboard(page, "ihmiskaupan uhreille")  # Finnish, inflected
    results = page.locator(".search-result")
    assert results.filter(has_text=MEMBERS_FI).count() == 1
    unfiltered = results.count()

    unfold(page, page.locator(".filters__toggle"))
    finland = page.get_by_role("group", name="Country").get_by_label("Finland", exact=False)
    tab_to(page, finland)
    page.keyboard.press("Space")
    finnish = page.get_by_role("group", name="Language").get_by_label("Finnish", exact=False)
    tab_to(page, finnish)
    page.keyboard.press("Space")
    tab_to(page, page.get_by_role("button", name="Apply filters"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"country=FI"))
    assert "language=fi" in page.url
    results = page.locator(".search-result")
    assert 1 <= results.count() <= unfiltered
    screenshot(page, f"journey2-search-faceted-{width}")

    tab_to(page, page.get_by_role("link", name=MEMBERS_FI))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/countries/finland/matalan-kynnyksen-konsultaatio/"))
    assert page.locator("h1").inner_text() == MEMBERS_FI
    assert page.get_by_text("Network members only").is_visible()
    screenshot(page, f"journey2-members-practice-{width}")

    search_url = f"{hub_url}/search/?q={quote('ihmiskaupan uhreille')}"
    unfold(page, menu)
    tab_to(page, page.get_by_role("button", name="Sign out"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # Signed out: the account menu offers to sign in again (folded in the menu on a phone).
    assert page.get_by_role("link", name="Sign in", include_hidden=True).count() == 1
    page.goto(search_url)
    assert page.locator(".search-result").count() >= 1, "public practices still match"
    assert MEMBERS_FI not in page.content()
    page.goto(f"{hub_url}/search/?q=stöldligor")
    assert MEMBERS_SV not in page.content()


@WIDTHS
def test_journey_3_ministry_follows_coordinator_updates(
    new_page, hub_url, db_access, mailoutbox, django_capture_on_commit_callbacks, width
):
    recommendation = RecommendationPage.objects.live().get(code="R-2022-01")
    finland = Implementation.objects.get(recommendation=recommendation, country__code="FI")
    new_status = Status.IMPLEMENTED if finland.status != Status.IMPLEMENTED else Status.PARTLY
    note = "Kansallinen koordinaattoriverkosto kokoontui; the network is now permanent."

    ministry = new_page(width)
    sign_in(ministry, hub_url, "fi-ministry", "/recommendations/")
    ministry.locator(".tracker-filters summary").click()
    theme = recommendation.theme
    ministry.locator(f"input[name='theme'][value='{theme}']").check()
    ministry.get_by_role("button", name="Apply filters").click()
    ministry.wait_for_url(re.compile(rf"theme={theme}"))
    screenshot(ministry, f"journey3-matrix-filtered-{width}")
    ministry.get_by_role("link", name=re.compile(re.escape(recommendation.title))).first.click()
    ministry.wait_for_url(f"{hub_url}{recommendation.url}")
    ministry.get_by_role("button", name=re.compile("^Follow")).click()
    ministry.wait_for_load_state("load")
    assert ministry.get_by_role("button", name=re.compile("^Stop following")).count() == 1
    screenshot(ministry, f"journey3-following-{width}")

    coordinator = new_page(width)
    sign_in(coordinator, hub_url, "fi-coordinator", recommendation.url)
    coordinator.get_by_role("link", name=re.compile("Update Finland")).click()
    coordinator.wait_for_url(re.compile(r"/update/fi/"))
    coordinator.get_by_label(str(new_status.label), exact=True).check()
    coordinator.get_by_label("Note for the history").fill(note)
    screenshot(coordinator, f"journey3-update-form-{width}")
    with django_capture_on_commit_callbacks(execute=True):
        coordinator.get_by_role("button", name="Save the update").click()
        coordinator.wait_for_url(f"{hub_url}{recommendation.url}#country-fi")
    assert "is saved" in coordinator.locator(".messages").inner_text()
    finland.refresh_from_db()
    assert finland.status == new_status

    follower = get_user_model().objects.get(username="fi-ministry")
    sent = [m for m in mailoutbox if follower.email in m.to]
    assert len(sent) == 1, [m.to for m in mailoutbox]
    assert recommendation.code in sent[0].subject

    ministry.reload()
    timeline = ministry.locator(".timeline").first
    assert note in timeline.inner_text()
    assert str(new_status.label) in timeline.inner_text()
    screenshot(ministry, f"journey3-timeline-{width}")
    feed = ministry.request.get(f"{hub_url}{recommendation.url}feed/")
    assert feed.ok and note in feed.text()
