"""Links both ways (issue 27, point 4): a practice's page lists the recommendations whose
implementations cite it and the seminars where it was presented; a seminar's page lists
the practices presented there. Each relation is edited on one side (the implementation's
evidence, the seminar's presented practices) and shown on both, each item only to readers
who may view it, and a change is seen at once through the page and fragment caches."""

import pytest
from django.conf import settings

from countries.models import CountryPage
from seminars.models import PresentedPractice
from tests.practices.factories import publish_practice
from tests.recommendations.factories import impl_of, publish_recommendation
from tests.seminars.factories import publish_seminar

pytestmark = pytest.mark.django_db


@pytest.fixture
def spaces():
    return {space.country.code: space for space in CountryPage.objects.select_related("country")}


def present(seminar, *practices, session="Workshop 1: Identification and referral"):
    """Name ``practices`` as presented at ``seminar``, as its editor does: a new revision."""
    start = seminar.presented_practices.count()
    for order, practice in enumerate(practices, start=start):
        seminar.presented_practices.add(
            PresentedPractice(sort_order=order, practice=practice, session=session)
        )
    seminar.save_revision().publish()


@pytest.fixture
def linked(spaces):
    """A public Finnish practice presented at a public and a members-only seminar, and
    cited by a public and a members-only recommendation."""
    practice = publish_practice(spaces["FI"], title="Referral pathway", slug="referral-pathway")
    open_seminar = publish_seminar(title="Open seminar on referral", slug="open-referral")
    closed_seminar = publish_seminar(
        title="Closed seminar on referral", slug="closed-referral", audience="members"
    )
    present(open_seminar, practice)
    present(closed_seminar, practice)
    cited = publish_recommendation("R-2030-01", countries=("FI", "SE"), title="Refer victims early")
    hidden = publish_recommendation(
        "R-2030-02", countries=("FI",), audience="members", title="Members-only advice"
    )
    impl_of(cited, "FI").evidence_practices.add(practice)
    impl_of(hidden, "FI").evidence_practices.add(practice)
    return practice


def test_anonymous_reader_sees_only_public_seminars_and_recommendations(client, linked):
    html = client.get(linked.url).content.decode()
    assert "Presented at" in html
    assert "Open seminar on referral" in html
    assert "Closed seminar on referral" not in html
    assert "Recommendations that cite this practice" in html
    assert "R-2030-01" in html and "Refer victims early" in html
    # The country whose implementation cites it, with its status in words.
    assert "Evidence for:" in html and "Not started" in html
    assert "R-2030-02" not in html
    assert "Members-only advice" not in html


def test_members_see_the_members_only_seminar_and_recommendation(client_for, linked):
    html = client_for("expert-police").get(linked.url).content.decode()
    assert "Open seminar on referral" in html
    assert "Closed seminar on referral" in html
    assert "R-2030-01" in html
    assert "R-2030-02" in html and "Members-only advice" in html


def test_a_practice_with_no_links_shows_no_empty_sections(client, spaces):
    practice = publish_practice(spaces["SE"], title="Alone", slug="alone")
    html = client.get(practice.url).content.decode()
    assert "Presented at" not in html
    assert "Recommendations that cite this practice" not in html


def test_seminar_lists_its_practices_each_to_whoever_may_view_it(client, client_for, spaces):
    public = publish_practice(spaces["FI"], title="Open referral desk", slug="open-desk")
    team_only = publish_practice(
        spaces["FI"], title="Finnish team roster", slug="team-roster", audience="country"
    )
    seminar = publish_seminar(title="Nordic workshop", slug="nordic-workshop")
    present(seminar, public, team_only, session="Workshop 5: Police and NGOs")

    html = client.get(seminar.url).content.decode()
    assert "Practices presented" in html
    assert 'href="#practices"' in html  # in the page's contents list
    assert "Open referral desk" in html
    assert "Workshop 5: Police and NGOs" in html
    assert "Finnish team roster" not in html

    def seen_by(username):
        return client_for(username).get(seminar.url).content.decode()

    assert "Finnish team roster" not in seen_by("se-coordinator")
    assert "Finnish team roster" not in seen_by("expert-ngo")
    assert "Finnish team roster" in seen_by("fi-editor")


def test_a_country_team_practice_shows_its_seminars_to_its_team_only(client_for, spaces):
    team_only = publish_practice(
        spaces["FI"], title="Finnish team roster", slug="team-roster", audience="country"
    )
    seminar = publish_seminar(title="Nordic workshop", slug="nordic-workshop")
    present(seminar, team_only)
    html = client_for("fi-coordinator").get(team_only.url).content.decode()
    assert "Nordic workshop" in html
    assert client_for("se-coordinator").get(team_only.url).status_code in (302, 403, 404)


def test_evidence_added_later_is_shown_through_the_page_cache(client, spaces):
    assert settings.PAGE_CACHE_SECONDS > 0 and settings.FRAGMENT_CACHE_SECONDS > 0
    practice = publish_practice(spaces["FI"], title="Referral pathway", slug="referral-pathway")
    recommendation = publish_recommendation("R-2030-03", title="Count the victims")
    first = client.get(practice.url)
    assert first["X-Page-Cache"] == "miss"
    assert client.get(practice.url)["X-Page-Cache"] == "hit"
    assert "R-2030-03" not in first.content.decode()

    # Only the many-to-many row is written: no save of the implementation or the page.
    impl_of(recommendation, "SE").evidence_practices.add(practice)

    html = client.get(practice.url).content.decode()
    assert "R-2030-03" in html and "Count the victims" in html


def test_evidence_added_later_is_shown_through_a_members_fragment(client_for, spaces):
    practice = publish_practice(spaces["FI"], title="Referral pathway", slug="referral-pathway")
    recommendation = publish_recommendation("R-2030-04", title="Train the border guards")
    member = client_for("expert-ngo")
    assert "R-2030-04" not in member.get(practice.url).content.decode()
    impl_of(recommendation, "FI").evidence_practices.add(practice)
    assert "R-2030-04" in member.get(practice.url).content.decode()
    impl_of(recommendation, "FI").evidence_practices.remove(practice)
    assert "R-2030-04" not in member.get(practice.url).content.decode()


def test_a_seminar_presenting_the_practice_later_is_shown_through_the_page_cache(client, spaces):
    practice = publish_practice(spaces["FI"], title="Referral pathway", slug="referral-pathway")
    seminar = publish_seminar(title="Later seminar", slug="later-seminar")
    assert "Later seminar" not in client.get(practice.url).content.decode()
    assert client.get(practice.url)["X-Page-Cache"] == "hit"
    present(seminar, practice)
    assert "Later seminar" in client.get(practice.url).content.decode()


def test_the_seminar_editor_offers_the_presented_practices(client_for, spaces):
    seminar = publish_seminar(title="Nordic workshop", slug="nordic-workshop")
    response = client_for("secretariat").get(f"/admin/pages/{seminar.pk}/edit/")
    assert response.status_code == 200
    assert "presented_practices-TOTAL_FORMS" in response.content.decode()


@pytest.mark.parametrize("username", [None, "expert-ngo"])
def test_the_lists_keep_the_pages_within_the_query_budget(client_for, settings, linked, username):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.home.test_query_counts import MAX_QUERIES

    settings.PAGE_CACHE_SECONDS = 0
    client = client_for(username)
    seminar_url = "/seminars/open-referral/"
    for url in (linked.url, seminar_url):
        client.get(url)  # warm the per-process caches
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        assert len(captured) <= MAX_QUERIES, (url, len(captured))
