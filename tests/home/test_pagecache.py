"""The anonymous page cache: shared copies for anonymous visitors only, gone on publish."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from core.pagecache import CACHE_HEADER
from countries.models import Country

pytestmark = pytest.mark.django_db

PRACTICE = "/countries/finland/civil-society-platform/"


@pytest.fixture(autouse=True)
def site_pages(db):
    """A public practice in Finland's space, the members' handbook (for members only), the
    join form, the site's settings (made on the first request otherwise, which moves the
    cache on), and a search index that holds them."""
    from wagtail.models import Site

    from countries.models import CountryPage
    from home.models import HubSettings
    from tests.home.factories import join_form, network_page
    from tests.practices.factories import publish_practice

    finland = CountryPage.objects.get(country__code="FI")
    publish_practice(finland, title="Civil society platform", slug="civil-society-platform")
    network_page(title="Members' handbook", slug="members-handbook", audience="members")
    join_form()
    HubSettings.for_site(Site.objects.get(is_default_site=True))
    call_command("update_index", backend_name="default", stdout=StringIO(), verbosity=0)


def get(client, path, **extra):
    response = client.get(path, **extra)
    return response, response.get(CACHE_HEADER)


def test_a_public_page_is_served_from_the_cache_the_second_time(client):
    first, state = get(client, PRACTICE)
    assert (first.status_code, state) == (200, "miss")
    second, state = get(Client(), PRACTICE)
    assert (second.status_code, state) == (200, "hit")
    assert second.content == first.content
    # Headers added on the way out are there on a copy too.
    assert "default-src 'self'" in second["Content-Security-Policy"]
    assert second["X-Frame-Options"] == "DENY"
    assert second["Content-Language"] == "en"


def test_publishing_empties_the_cache(client, page_at):
    get(client, PRACTICE)
    get(client, "/practices/")
    practice = page_at(PRACTICE)
    practice.title = "A renamed civil society platform"
    practice.save_revision().publish()
    response, state = get(client, PRACTICE)
    assert state == "miss"
    assert "A renamed civil society platform" in response.content.decode()
    assert get(client, "/practices/")[1] == "miss"


def test_unpublishing_and_other_content_changes_empty_it_too(client, page_at):
    get(client, "/countries/")
    Country.objects.filter(code="FI").get().save()
    assert get(client, "/countries/")[1] == "miss"
    get(client, PRACTICE)
    page_at(PRACTICE).unpublish()
    assert client.get(PRACTICE).status_code == 404


def test_signed_in_people_never_get_or_leave_a_copy(client, client_for):
    get(Client(), PRACTICE)
    member = client_for("expert-ngo")
    response, state = get(member, PRACTICE)
    assert state is None
    assert "Sign out" in response.content.decode()
    anonymous, state = get(Client(), PRACTICE)
    assert state == "hit"
    assert "Sign out" not in anonymous.content.decode()


def test_restricted_pages_are_never_cached(client_for):
    path = "/members-handbook/"
    for _ in range(2):
        response, state = get(Client(), path)
        assert response.status_code == 302 and state is None
    member = client_for("expert-ngo")
    response, state = get(member, path)
    assert response.status_code == 200 and state is None
    response, state = get(Client(), path)
    assert response.status_code == 302 and state is None


def test_pages_with_a_form_that_posts_are_never_cached():
    for _ in range(2):
        response, state = get(Client(), "/join/")
        assert response.status_code == 200
        assert state is None
        assert "csrfmiddlewaretoken" in response.content.decode()


def test_each_language_and_query_has_its_own_copy():
    get(Client(), "/practices/")
    finnish = Client()
    finnish.cookies["django_language"] = "fi"
    response, state = get(finnish, "/practices/")
    assert state == "miss"
    assert 'lang="fi"' in response.content.decode()
    assert get(Client(), "/practices/?country=SE")[1] == "miss"
    assert get(Client(), "/practices/?country=SE")[1] == "hit"
    assert get(Client(), "/practices/?q=" + "x" * 300)[1] is None


def test_a_visitor_with_a_session_gets_a_fresh_page():
    get(Client(), PRACTICE)
    visitor = Client()
    visitor.cookies["sessionid"] = "whatever"
    assert get(visitor, PRACTICE)[1] is None


def test_the_cache_can_be_switched_off(settings):
    settings.PAGE_CACHE_SECONDS = 0
    get(Client(), PRACTICE)
    assert get(Client(), PRACTICE)[1] is None


def test_anonymous_search_results_are_kept_but_stay_private_downstream(client_for):
    first, state = get(Client(), "/search/?q=trafficking")
    assert state == "miss"
    second, state = get(Client(), "/search/?q=trafficking")
    assert state == "hit"
    assert "private" in second["Cache-Control"] and "no-store" in second["Cache-Control"]
    signed_in, state = get(client_for("expert-ngo"), "/search/?q=trafficking")
    assert state is None
