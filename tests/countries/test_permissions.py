"""The helpers of countries.permissions that every view relies on."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from wagtail.models import Page, PageViewRestriction

from core import languages
from countries import permissions
from countries.models import Country, CountryPage
from home.models import StandardPage
from tests.practices.factories import PracticePageFactory, publish_practice


@pytest.fixture
def site_tree(db):
    """Pages of every audience: the network's about page (public) and members' handbook
    (members), a members-only practice in Finland, a country-team practice in Sweden and
    a draft in Norway, beside the base's public practice in every space."""
    from tests.home.factories import network_page

    finland = CountryPage.objects.get(country__code="FI")
    sweden = CountryPage.objects.get(country__code="SE")
    norway = CountryPage.objects.get(country__code="NO")
    draft = norway.add_child(
        instance=PracticePageFactory.build(title="Norwegian draft", slug="no-draft", live=False)
    )
    return {
        "about": network_page(title="About the network", slug="about", show_in_menus=True),
        "handbook": network_page(
            title="Members' handbook",
            slug="members-handbook",
            audience="members",
            show_in_menus=True,
        ),
        "members": publish_practice(
            finland,
            title="Low-threshold consultation",
            slug="matalan-kynnyksen-konsultaatio",
            audience="members",
        ),
        "team": publish_practice(
            sweden, title="Swedish team referral", slug="se-team-referral", audience="country"
        ),
        "draft": draft,
    }


@pytest.mark.django_db
def test_can_manage_implementation_only_for_own_country(users):
    finland, sweden = Country.objects.get(code="FI"), Country.objects.get(code="SE")
    assert permissions.can_manage_implementation(users["fi-coordinator"], finland)
    assert not permissions.can_manage_implementation(users["fi-coordinator"], sweden)
    for name in ("fi-editor", "fi-ministry", "expert-police", "secretariat"):
        assert not permissions.can_manage_implementation(users[name], finland)
    assert not permissions.can_manage_implementation(AnonymousUser(), finland)
    assert permissions.can_manage_implementation(users["admin"], sweden)


@pytest.mark.django_db
def test_user_countries(users):
    assert list(permissions.user_countries(users["fi-editor"]).values_list("code", flat=True)) == [
        "FI"
    ]
    assert not permissions.user_countries(users["expert-ngo"]).exists()
    assert not permissions.user_countries(AnonymousUser()).exists()
    coordinators = permissions.user_countries(users["se-editor"], roles=("coordinators",))
    assert not coordinators.exists()


@pytest.mark.django_db
def test_viewable_pages_needs_one_query(users, django_assert_num_queries):
    rf = RequestFactory()
    request = rf.get("/")
    request.user = users["fi-ministry"]
    # The first asks for the user's groups (once per request) and reads the site's
    # restrictions (once per content generation)...
    list(permissions.viewable_pages(request))
    # ...then a listing is one query, whatever the number of restrictions.
    with django_assert_num_queries(1):
        list(permissions.viewable_pages(request))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "username", [None, "expert-police", "fi-coordinator", "se-coordinator", "fi-ministry", "admin"]
)
def test_failed_view_restrictions_are_every_restriction_not_passed(site_tree, users, username):
    """The SQL of the passed restrictions (one array parameter on PostgreSQL, an IN list
    elsewhere) leaves out exactly what ``passes`` lets through, and a restriction the
    cached list does not know yet counts as failed."""
    user = users[username] if username else AnonymousUser()
    viewer = permissions.viewer_of(user)
    expected = {
        r.pk
        for r in PageViewRestriction.objects.prefetch_related("groups")
        if not permissions.passes(viewer, r.restriction_type, {g.pk for g in r.groups.all()})
    }
    assert set(permissions.failed_view_restrictions(user).values_list("pk", flat=True)) == expected
    # Unknown to the cached list (created without ending it): failed, even a login one.
    late = PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=site_tree["about"], restriction_type="login")]
    )[0]
    failed = set(permissions.failed_view_restrictions(user).values_list("pk", flat=True))
    assert failed == expected | {late.pk}


@pytest.mark.django_db
def test_passed_view_restrictions_are_one_parameter_on_postgresql(site_tree, users):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("The array parameter is PostgreSQL's.")
    failed = permissions.failed_view_restrictions(users["expert-police"])
    sql, params = failed.query.sql_with_params()
    assert "= ANY(%s::integer[])" in sql  # the column's type: an array PostgreSQL hashes
    assert len(params) == 1
    every = set(PageViewRestriction.objects.values_list("pk", flat=True))
    assert set(params[0]) == every - set(failed.values_list("pk", flat=True))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "username", [None, "expert-police", "fi-coordinator", "se-coordinator", "fi-ministry", "admin"]
)
def test_viewable_among_agrees_with_viewable_pages(
    site_tree, users, username, django_assert_max_num_queries
):
    user = users[username] if username else AnonymousUser()
    # Every page, drafts included: restricted, members-only, country-only and public.
    pages = list(Page.objects.all())
    restricted = {r.page_id for r in PageViewRestriction.objects.all()}
    assert restricted & {p.pk for p in pages}, "the demo tree should hold restricted pages"

    expected = set(permissions.viewable_pages(user).values_list("pk", flat=True))
    first = permissions.viewable_among(user, pages)  # reads the site's restrictions
    with django_assert_max_num_queries(1):  # then at most the user's groups
        got = permissions.viewable_among(user, pages)

    assert first == got == expected
    assert not any(p.pk in got for p in pages if not p.live)


@pytest.mark.django_db
def test_viewable_among_follows_a_change_of_a_restriction_s_groups(site_tree, users, page_at):
    from django.contrib.auth.models import Group

    police = users["expert-police"]
    handbook = page_at("/members-handbook/")
    assert permissions.viewable_among(police, [handbook]) == {handbook.pk}
    restriction = PageViewRestriction.objects.get(page=handbook)
    restriction.restriction_type = PageViewRestriction.GROUPS
    restriction.save()
    restriction.groups.set([Group.objects.get(name="Secretariat")])
    assert permissions.viewable_among(police, [handbook]) == set()
    restriction.groups.add(*police.groups.all())
    assert permissions.viewable_among(police, [handbook]) == {handbook.pk}


@pytest.mark.django_db
def test_viewable_among_of_nothing_asks_nothing(users, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert permissions.viewable_among(users["expert-police"], []) == set()


@pytest.mark.django_db
def test_country_for_page(site_tree):
    finland = CountryPage.objects.get(country__code="FI")
    practice = Page.objects.get(slug="matrix-subject-fi")
    assert permissions.country_for_page(practice).code == "FI"
    assert permissions.country_for_page(finland).code == "FI"
    assert permissions.country_for_page(Page.objects.get(slug="about")) is None


def _chooser_html(response):
    assert response.status_code == 200
    if response["Content-Type"].startswith("application/json"):
        return response.json()["html"]
    return response.content.decode()


@pytest.mark.django_db
def test_chooser_hides_other_countries_drafts_and_restricted_pages(users, client_for):
    sweden = CountryPage.objects.get(country__code="SE")
    draft = sweden.add_child(
        instance=PracticePageFactory.build(title="Swedish secret draft", slug="se-draft")
    )
    finland = CountryPage.objects.get(country__code="FI")
    own_draft = finland.add_child(
        instance=PracticePageFactory.build(title="Finnish own draft", slug="fi-draft")
    )
    Page.objects.filter(pk__in=[draft.pk, own_draft.pk]).update(live=False)
    publish_practice(sweden, title="Swedish team practice", slug="se-team", audience="country")

    client = client_for("fi-editor")
    body = _chooser_html(client.get(f"/admin/choose-page/{sweden.pk}/"))
    assert "Swedish secret draft" not in body
    assert "Swedish team practice" not in body
    body = _chooser_html(client.get(f"/admin/choose-page/{finland.pk}/"))
    assert "Finnish own draft" in body
    body = _chooser_html(client.get("/admin/choose-page/search/", {"q": "Swedish"}))
    assert "Swedish secret draft" not in body
    assert "Swedish team practice" not in body


@pytest.mark.django_db
def test_country_tier_outside_a_space_is_refused_with_a_message(client_for):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    home = Page.objects.get(depth=2)
    response = client_for("admin").post(
        f"/admin/pages/add/home/standardpage/{home.pk}/",
        nested_form_data(
            {
                "title": "Network note",
                "slug": "network-note",
                "intro": "",
                "audience": "country",
                "body": streamfield([]),
                **{f"body_{code}": streamfield([]) for code in languages.TRANSLATED},
                "comments": inline_formset([]),
            }
        ),
    )
    assert response.status_code == 200
    assert "only available for pages inside a country" in response.content.decode()
    assert not StandardPage.objects.filter(slug="network-note").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["fi-editor", "fi-coordinator", "secretariat"])
def test_page_types_report_is_for_superusers_only(client_for, username):
    """It names the last edited page of each type: a country-only title would leak."""
    norway = CountryPage.objects.get(country__code="NO")
    publish_practice(norway, title="Norwegian team secret", slug="no-secret", audience="country")
    for url in ("/admin/reports/page-types-usage/", "/admin/reports/page-types-usage/results/"):
        response = client_for(username).get(url)
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
    report = client_for("admin").get("/admin/reports/page-types-usage/results/")
    assert "Norwegian team secret" in report.content.decode()


@pytest.mark.django_db
def test_privacy_dialog_points_to_the_audience_field(site_tree, client_for, users):
    practice = Page.objects.get(slug="matalan-kynnyksen-konsultaatio")
    client = client_for("fi-coordinator")
    response = client.get(f"/admin/pages/{practice.pk}/privacy/")
    assert response.status_code == 200
    assert "Audience" in response.json()["html"]
    client.post(f"/admin/pages/{practice.pk}/privacy/", {"restriction_type": "none"})
    assert PageViewRestriction.objects.filter(page=practice, restriction_type="login").exists()
    response = client_for("se-coordinator").get(f"/admin/pages/{practice.pk}/privacy/")
    assert response.status_code == 302


@pytest.mark.django_db
def test_admin_page_search_stays_inside_explorable_pages(client_for):
    response = client_for("se-editor").get("/admin/pages/search/", {"q": "Referral roster"})
    assert response.status_code == 200
    assert "Referral roster for the Finnish country team" not in response.content.decode()
