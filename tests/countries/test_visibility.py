"""Audience tiers: members-only and country-only pages never reach those who may not see
them, through the page itself, listings, menus, breadcrumbs or the sitemap."""

import pytest
from wagtail.models import PageViewRestriction

from countries.models import CountryPage
from tests.practices.factories import publish_practice

SECRET = "zqxmembersonlyword"
TEAM_SECRET = "zqxcountryteamword"


@pytest.fixture
def restricted(db):
    finland = CountryPage.objects.get(country__code="FI")
    members = publish_practice(
        finland, title=f"Members practice {SECRET}", slug="members-secret", audience="members"
    )
    team = publish_practice(
        finland, title=f"Team practice {TEAM_SECRET}", slug="team-secret", audience="country"
    )
    return members, team


LISTINGS = ["/", "/practices/", "/countries/finland/", "/sitemap.xml", "/countries/"]


def test_members_page_redirects_anonymous_to_login(restricted, client_for):
    members, _ = restricted
    response = client_for(None).get(members.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/?next=")


@pytest.mark.parametrize("username", ["expert-police", "se-ministry", "fi-editor"])
def test_members_page_is_shown_to_every_member(restricted, client_for, username):
    members, _ = restricted
    response = client_for(username).get(members.url)
    assert response.status_code == 200
    assert SECRET in response.content.decode()


@pytest.mark.parametrize("username", ["fi-coordinator", "fi-editor", "fi-ministry", "admin"])
def test_country_page_is_shown_to_its_team(restricted, client_for, username):
    _, team = restricted
    response = client_for(username).get(team.url)
    assert response.status_code == 200
    assert TEAM_SECRET in response.content.decode()


@pytest.mark.parametrize(
    "username", ["se-coordinator", "se-ministry", "expert-ngo", "secretariat", "no-coordinator"]
)
def test_country_page_is_denied_to_other_countries(restricted, client_for, username):
    _, team = restricted
    response = client_for(username).get(team.url)
    assert response.status_code == 403
    assert TEAM_SECRET not in response.content.decode()


def test_country_page_redirects_anonymous_to_login(restricted, client_for):
    _, team = restricted
    response = client_for(None).get(team.url)
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]


@pytest.mark.parametrize("url", LISTINGS)
def test_anonymous_listings_show_neither(restricted, client_for, url):
    body = client_for(None).get(url).content.decode()
    assert SECRET not in body and "members-secret" not in body
    assert TEAM_SECRET not in body and "team-secret" not in body


@pytest.mark.parametrize("url", ["/", "/practices/", "/countries/finland/"])
def test_member_listings_show_members_but_not_team_items(restricted, client_for, url):
    body = client_for("expert-police").get(url).content.decode()
    assert SECRET in body
    assert TEAM_SECRET not in body


@pytest.mark.parametrize("url", ["/practices/", "/countries/finland/"])
def test_team_listings_show_team_items(restricted, client_for, url):
    body = client_for("fi-ministry").get(url).content.decode()
    assert SECRET in body and TEAM_SECRET in body


def test_sitemap_lists_public_pages_only(restricted, client_for):
    body = client_for("fi-coordinator").get("/sitemap.xml").content.decode()
    assert "/countries/finland/matrix-subject-fi/" in body
    assert "members-secret" not in body and "team-secret" not in body
    assert "members-handbook" not in body


@pytest.mark.django_db
def test_members_menu_entry_only_for_members(client_for):
    from tests.home.factories import network_page

    network_page(
        title="Members' handbook", slug="members-handbook", audience="members", show_in_menus=True
    )
    assert "Members&#x27; handbook" not in client_for(None).get("/").content.decode()
    assert "Members&#x27; handbook" in client_for("expert-ngo").get("/").content.decode()


def test_changing_audience_and_republishing_updates_restriction(restricted, users):
    members, _ = restricted
    members.audience = "public"
    members.save_revision(user=users["fi-coordinator"]).publish(user=users["fi-coordinator"])
    assert not PageViewRestriction.objects.filter(page=members).exists()
    members.audience = "country"
    members.save_revision(user=users["fi-coordinator"]).publish(user=users["fi-coordinator"])
    restriction = PageViewRestriction.objects.get(page=members)
    assert sorted(g.name for g in restriction.groups.all()) == [
        "Finland coordinators",
        "Finland editors",
        "Finland ministry",
    ]


def test_draft_audience_change_does_not_touch_live_restriction(restricted, users):
    members, _ = restricted
    members.audience = "public"
    members.save_revision(user=users["fi-editor"])  # a draft, not published
    assert PageViewRestriction.objects.filter(page=members, restriction_type="login").exists()


def test_restricted_page_is_never_live_without_its_restriction(db, users):
    """The restriction is written in the same save that makes the page live."""
    finland = CountryPage.objects.get(country__code="FI")
    page = publish_practice(finland, slug="born-restricted", audience="country")
    assert page.live
    assert PageViewRestriction.objects.filter(page=page, restriction_type="groups").exists()
