"""Every page type: creatable only where the tree allows, and renders."""

import datetime
import json

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from countries.models import CountryIndexPage, CountryPage
from home.models import FormPage, HomePage, StandardPage
from practices.models import PracticeIndexPage, PracticePage
from recommendations.models import RecommendationPage, TrackerPage
from seminars.models import SeminarIndexPage, SeminarPage


class TestPageTree(WagtailPageTestCase):
    def test_home_page(self):
        assert HomePage.allowed_parent_page_models() == [Page]
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                CountryIndexPage,
                PracticeIndexPage,
                SeminarIndexPage,
                TrackerPage,
                StandardPage,
                FormPage,
            },
        )

    def test_tracker_tree(self):
        self.assertAllowedParentPageTypes(TrackerPage, {HomePage})
        self.assertAllowedSubpageTypes(TrackerPage, {RecommendationPage})
        self.assertAllowedParentPageTypes(RecommendationPage, {TrackerPage})
        self.assertAllowedSubpageTypes(RecommendationPage, set())

    def test_seminar_tree(self):
        self.assertAllowedParentPageTypes(SeminarIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(SeminarIndexPage, {SeminarPage})
        self.assertAllowedParentPageTypes(SeminarPage, {SeminarIndexPage})
        self.assertAllowedSubpageTypes(SeminarPage, set())

    def test_country_tree(self):
        self.assertAllowedParentPageTypes(CountryIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CountryIndexPage, {CountryPage})
        self.assertAllowedParentPageTypes(CountryPage, {CountryIndexPage})
        self.assertAllowedSubpageTypes(CountryPage, {PracticePage})

    def test_practices(self):
        self.assertAllowedParentPageTypes(PracticePage, {CountryPage})
        self.assertAllowedSubpageTypes(PracticePage, set())
        self.assertAllowedParentPageTypes(PracticeIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(PracticeIndexPage, set())

    def test_network_pages(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
        self.assertAllowedParentPageTypes(FormPage, {HomePage})
        self.assertAllowedSubpageTypes(FormPage, set())

    def test_singletons(self):
        for model in (HomePage, CountryIndexPage, PracticeIndexPage):
            assert model.max_count == 1


def _stream(*blocks):
    """Raw StreamField data: ("heading", text) and ("paragraph", html) blocks."""
    return json.dumps(
        [
            {"type": "heading", "value": {"text": value, "size": "h2"}}
            if kind == "heading"
            else {"type": kind, "value": value}
            for kind, value in blocks
        ]
    )


ACCESSIBILITY_SECTIONS = (
    "Compliance status",
    "Content that is not accessible",
    "Preparation of this statement",
    "Feedback and contact",
    "Enforcement procedure",
)


@pytest.fixture
def site_pages(db):
    """The pages these tests open: a Finnish practice, the about page and the
    accessibility statement, the join form and a seminar held on 18 November 2021."""
    from tests.home.factories import join_form, network_page
    from tests.practices.factories import publish_practice
    from tests.seminars.factories import publish_seminar

    finland = CountryPage.objects.get(country__code="FI")
    publish_practice(finland, title="Civil society platform", slug="civil-society-platform")
    network_page(
        title="About the network",
        slug="about",
        show_in_menus=True,
        body=_stream(
            ("paragraph", "<p>The network brings the coordinators together.</p>"),
            ("heading", "How the network works"),
            ("paragraph", "<p>The coordinators meet twice a year.</p>"),
        ),
    )
    sections = []
    for heading in ACCESSIBILITY_SECTIONS:
        sections.append(("heading", heading))
        sections.append(("paragraph", f"<p>{heading}: what the statement says.</p>"))
    sections[1] = (
        "paragraph",
        "<p>This website is <b>partially compliant</b> with WCAG 2.1 at level AA.</p>",
    )
    sections[7] = (
        "paragraph",
        '<p>Write to <a href="mailto:secretariat@example.org">the secretariat</a>.</p>',
    )
    network_page(title="Accessibility statement", slug="accessibility", body=_stream(*sections))
    join_form()
    publish_seminar(
        title="Helsinki 2021",
        slug="helsinki-2021",
        start_date=datetime.date(2021, 11, 18),
        city="Helsinki",
        has_registration=False,
        registration_opens=None,
        registration_closes=None,
    )


RENDERED = [
    ("/", HomePage, "Latest practices"),
    ("/countries/", CountryIndexPage, "Finland"),
    ("/countries/finland/", CountryPage, "National coordinator contacts"),
    ("/practices/", PracticeIndexPage, "Filter practices"),
    ("/countries/finland/civil-society-platform/", PracticePage, "About this practice"),
    ("/about/", StandardPage, "How the network works"),
    ("/join/", FormPage, "Full name"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "model", "text"), RENDERED, ids=[r[1].__name__ for r in RENDERED])
def test_page_type_renders_with_chrome(client, site_pages, url, model, text):
    response = client.get(url)
    assert response.status_code == 200
    assert isinstance(response.context["page"], model)
    body = response.content.decode()
    assert text in body
    assert '<a class="skip-link" href="#main-content">' in body
    assert 'id="main-content"' in body
    assert "data-quick-exit" in body
    assert 'action="/i18n/setlang/"' in body
    assert '<html lang="en">' in body
    assert 'href="/accessibility/"' in body


@pytest.mark.django_db
def test_practice_page_marks_its_language(client):
    from countries.models import CountryPage
    from tests.practices.factories import publish_practice

    sweden = CountryPage.objects.get(country__code="SE")
    page = publish_practice(sweden, slug="svensk", language="sv", summary_en="In English.")
    body = client.get(page.url).content.decode()
    assert '<article class="practice" lang="sv"' in body
    # The box's heading is in the reader's language; its English text says it is English.
    assert '<section class="summary-en"' in body
    assert '<p lang="en">In English.</p>' in body


@pytest.mark.django_db
def test_breadcrumbs_lead_home(client, site_pages):
    body = client.get("/countries/finland/civil-society-platform/").content.decode()
    assert 'aria-label="Breadcrumb"' in body
    assert 'href="/countries/finland/"' in body
    assert 'aria-current="page"' in body


@pytest.mark.django_db
def test_language_switch_keeps_the_page(client):
    response = client.post("/i18n/setlang/", {"language": "fi", "next": "/countries/finland/"})
    assert response.status_code == 302
    assert response["Location"] == "/countries/finland/"
    body = client.get("/countries/finland/").content.decode()
    assert '<html lang="fi">' in body


@pytest.mark.django_db
def test_unknown_page_is_a_friendly_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "data-quick-exit" in response.content.decode()


def test_server_error_page_renders_without_database(rf):
    from home.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "problem with the service" in response.content.decode()


@pytest.mark.django_db
def test_accessibility_statement_has_the_eu_model_sections(client, site_pages):
    """Directive (EU) 2016/2102: compliance status, what is not accessible, how the
    statement was prepared, feedback and contact, enforcement; linked from every page."""
    body = client.get("/accessibility/").content.decode()
    for heading in (
        "Compliance status",
        "Content that is not accessible",
        "Preparation of this statement",
        "Feedback and contact",
        "Enforcement procedure",
    ):
        assert f">{heading}</h2>" in body
    assert "partially compliant" in body
    assert 'href="mailto:' in body
    footer = client.get("/practices/").content.decode().split('class="site-footer"')[1]
    assert 'href="/accessibility/"' in footer


@pytest.mark.django_db
def test_every_page_but_search_has_the_header_search_box(client):
    home = client.get("/").content.decode()
    assert 'role="search"' in home and 'id="site-search-q"' in home
    assert 'action="/search/"' in home
    search = client.get("/search/").content.decode()
    assert 'id="site-search-q"' not in search  # one box on the search page
    assert 'id="search-q"' in search


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "date"),
    [
        ("en", "18 November 2021"),
        ("fi", "18. marraskuuta 2021"),
        ("sv", "18 november 2021"),
        ("nb", "18. november 2021"),
        ("da", "18. november 2021"),
        ("is", "18. nóvember 2021"),
    ],
)
def test_dates_follow_the_language(client, settings, site_pages, language, date):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    body = client.get("/seminars/helsinki-2021/").content.decode()
    assert f'<html lang="{language}">' in body
    assert date in body
