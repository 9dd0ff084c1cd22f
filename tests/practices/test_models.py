import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from countries.models import CountryPage
from practices.models import PracticePage
from tests.practices.factories import (
    PracticePageFactory,
    civil_society_platform,
    publish_practice,
)


@pytest.fixture
def platform(db):
    """A fully classified public practice in Finland with a contact, and a practice like
    it (sharing a form of exploitation)."""
    finland = CountryPage.objects.get(country__code="FI")
    page = civil_society_platform(finland)
    publish_practice(
        finland, slug="platform-like", title="Practice like the platform", forms=["forced-labour"]
    )
    return page


def _related_titles(html):
    """The titles of the cards under the page's one "Related practices" heading; and that
    it is the one list of practices the page points to."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    assert "Practices like this" not in html
    headings = [h for h in soup.find_all("h2") if h.get_text(strip=True) == "Related practices"]
    if not headings:
        return []
    assert len(headings) == 1
    section = headings[0].find_parent("section")
    assert section["aria-labelledby"] == headings[0]["id"]
    return [card.find("h3").get_text(strip=True) for card in section.select("ul > li.card")]


def _errors(page):
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    return caught.value.message_dict


@pytest.mark.django_db
def test_non_english_practice_needs_an_english_summary():
    finland = CountryPage.objects.get(country__code="FI")
    page = PracticePageFactory.build(language="fi", summary_en="")
    page.path, page.depth = finland.path + "9999", finland.depth + 1
    assert "summary_en" in _errors(page)
    assert "add an English summary" in _errors(page)["summary_en"][0]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"ongoing": True, "end_year": 2022}, "end_year"),
        ({"ongoing": False, "end_year": None}, "end_year"),
        ({"ongoing": False, "start_year": 2020, "end_year": 2019}, "end_year"),
        ({"start_year": 1900}, "start_year"),
        ({"evidence_level": "evaluated"}, "evaluation_document"),
    ],
)
def test_period_and_evidence_are_validated(fields, field):
    page = PracticePageFactory.build(**fields)
    assert field in _errors(page)


def _add_form(title, language, summary_en, title_en="A new practice"):
    return nested_form_data(
        {
            "title": title,
            "title_en": title_en,
            "slug": "validation-test",
            "language": language,
            "summary": "Tiivistelmä.",
            "summary_en": summary_en,
            "body": streamfield([]),
            "resources": streamfield([]),
            "evidence_level": "emerging",
            "ongoing": "on",
            "audience": "public",
            "related_links": inline_formset([]),
            "comments": inline_formset([]),
        }
    )


@pytest.mark.django_db
def test_editor_is_told_why_a_finnish_practice_is_refused(client_for):
    finland = CountryPage.objects.get(country__code="FI")
    client = client_for("fi-editor")
    url = f"/admin/pages/add/practices/practicepage/{finland.pk}/"
    response = client.post(url, _add_form("Uusi käytäntö", "fi", ""))
    assert response.status_code == 200
    assert "add an English summary" in response.content.decode()
    assert not PracticePage.objects.filter(slug="validation-test").exists()
    response = client.post(url, _add_form("Uusi käytäntö", "fi", "A new practice."))
    assert response.status_code == 302
    assert PracticePage.objects.filter(slug="validation-test").exists()


@pytest.mark.django_db
def test_owner_country_is_recorded_on_the_page():
    sweden = CountryPage.objects.get(country__code="SE")
    page = publish_practice(sweden, slug="owned-by-sweden")
    assert page.country_page_id == sweden.pk
    assert page.country_code == "SE"


@pytest.mark.django_db
def test_practice_page_shows_every_field_labelled(platform, client):
    page = Page.objects.get(slug="civil-society-platform").specific
    body = client.get(page.url).content.decode()
    for label in (
        "Country",
        "Language",
        "Forms of exploitation",
        "Sectors",
        "Approach",
        "Organisations",
        "Period",
        "Evidence level",
    ):
        assert f"<dt>{label}</dt>" in body, label


@pytest.mark.django_db
def test_contact_is_for_signed_in_members_only(platform, client, client_for):
    page = Page.objects.get(slug="civil-society-platform").specific
    assert page.contact_email
    assert page.contact_email not in client.get(page.url).content.decode()
    assert page.contact_email in client_for("expert-police").get(page.url).content.decode()


@pytest.mark.django_db
def test_related_practices_are_filled_with_those_sharing_forms_or_sectors(client):
    finland = CountryPage.objects.get(country__code="FI")
    one = publish_practice(finland, slug="like-one", forms=["forced-begging"], sectors=["courts"])
    two = publish_practice(
        finland, slug="like-two", title="Twin practice", forms=["forced-begging"]
    )
    hidden = publish_practice(
        finland,
        slug="like-hidden",
        title="Hidden twin",
        forms=["forced-begging"],
        audience="country",
    )
    body = client.get(one.url).content.decode()
    assert _related_titles(body) == [two.title]
    assert hidden.title not in body


@pytest.mark.django_db
def test_preview_of_a_draft_with_classifications_renders(platform, client_for):
    """Previews hold taxonomies in memory: the page must render from there too."""
    page = Page.objects.get(slug="civil-society-platform").specific
    revision = page.save_revision(user=None)
    response = client_for("fi-coordinator").get(
        f"/admin/pages/{page.pk}/revisions/{revision.pk}/view/"
    )
    assert response.status_code == 200
    # The practice sharing a form of exploitation, found from the relations in memory.
    assert _related_titles(response.content.decode()) == ["Practice like the platform"]


@pytest.mark.django_db
@pytest.mark.parametrize("username", [None, "fi-coordinator"])
def test_one_related_section_the_editors_picks_first_then_those_alike(client_for, username):
    """The editor's picks in their order (those the reader may view), then practices
    sharing forms or sectors up to the limit, none twice and never the page itself."""
    from practices.library import RELATED_LIMIT
    from practices.models import RelatedPractice

    finland = CountryPage.objects.get(country__code="FI")
    page = publish_practice(finland, title="The practice", forms=["forced-begging"])
    unlike = publish_practice(finland, title="Picked, unlike", forms=["organ-removal"])
    alike = publish_practice(finland, title="Picked and alike", forms=["forced-begging"])
    team = publish_practice(
        finland, title="Picked, country team only", forms=["forced-begging"], audience="country"
    )
    others = {
        publish_practice(finland, title=f"Alike {n}", forms=["forced-begging"]).title
        for n in range(3)
    }
    for order, practice in enumerate((unlike, alike, team, page)):
        page.related_links.add(RelatedPractice(practice=practice, sort_order=order))
    page.save_revision().publish()

    titles = _related_titles(client_for(username).get(page.url).content.decode())

    picks = [unlike.title, alike.title] + ([team.title] if username else [])
    assert titles[: len(picks)] == picks
    assert len(titles) == len(set(titles)) == RELATED_LIMIT
    assert set(titles[len(picks) :]) <= others
    assert page.title not in titles
    if not username:
        assert team.title not in titles


@pytest.mark.django_db
def test_every_pick_is_shown_past_the_limit(client):
    from practices.library import RELATED_LIMIT
    from practices.models import RelatedPractice

    finland = CountryPage.objects.get(country__code="FI")
    page = publish_practice(finland, title="Much linked", forms=["forced-begging"])
    publish_practice(finland, title="Alike, not picked", forms=["forced-begging"])
    picks = [publish_practice(finland, title=f"Pick {n}") for n in range(RELATED_LIMIT + 1)]
    for order, practice in enumerate(picks):
        page.related_links.add(RelatedPractice(practice=practice, sort_order=order))
    page.save_revision().publish()

    titles = _related_titles(client.get(page.url).content.decode())

    assert titles == [pick.title for pick in picks]
