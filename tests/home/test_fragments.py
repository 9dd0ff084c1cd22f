"""Cached parts of pages (core/fragments.py): shared only by visitors who may view the
same things, in the same language, until content changes; never for previews; never
holding a CSRF token."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.template import Context, Template
from django.test import Client, RequestFactory

from countries.models import CountryPage
from tests.practices.factories import publish_practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def uncached(settings):
    """No whole-page cache: every request renders, from the cached parts."""
    settings.PAGE_CACHE_SECONDS = 0
    return settings


@pytest.fixture(autouse=True)
def platform(db):
    """A public Finnish practice in English with a contact, which only members see:
    /countries/finland/civil-society-platform/."""
    return publish_practice(
        CountryPage.objects.get(country__code="FI"),
        title="Civil-society platform against human trafficking",
        slug="civil-society-platform",
        language="en",
        audience="public",
        contact_name="Riikka Heinonen",
        contact_role="Platform coordinator",
        contact_email="riikka.heinonen@riku.example",
    )


@pytest.fixture
def twins():
    """A public practice, and two like it: one public, one for the Finnish team only."""
    finland = CountryPage.objects.get(country__code="FI")
    shown = publish_practice(finland, slug="frag-one", forms=["forced-begging"], sectors=["courts"])
    publish_practice(finland, slug="frag-public", title="Public twin", forms=["forced-begging"])
    publish_practice(
        finland,
        slug="frag-team",
        title="Team-only twin",
        forms=["forced-begging"],
        audience="country",
    )
    return shown


def test_a_part_seen_by_the_finnish_team_is_never_shown_to_others(uncached, twins, client_for):
    coordinator = client_for("fi-coordinator").get(twins.url).content.decode()
    assert "Team-only twin" in coordinator
    for viewer in (Client(), client_for("expert-ngo"), client_for("se-coordinator")):
        for _ in range(2):  # the second is served from the cached parts
            body = viewer.get(twins.url).content.decode()
            assert "Public twin" in body
            assert "Team-only twin" not in body
    # And the other way: what an anonymous visitor left is not what the team sees.
    assert "Team-only twin" in client_for("fi-coordinator").get(twins.url).content.decode()


def test_signed_in_and_anonymous_visitors_have_their_own_copies(uncached, client_for):
    page = "/countries/finland/civil-society-platform/"
    Client().get(page)
    member = client_for("expert-ngo").get(page).content.decode()
    assert "Network members see who to contact." not in member
    anonymous = Client().get(page).content.decode()
    assert "Network members see who to contact." in anonymous


def test_a_publish_is_seen_by_the_next_request(uncached, twins, client_for):
    member = client_for("expert-ngo")
    member.get(twins.url)
    twins.summary = "A summary changed a moment ago."
    twins.save_revision().publish()
    assert "A summary changed a moment ago." in member.get(twins.url).content.decode()
    assert "A summary changed a moment ago." in Client().get(twins.url).content.decode()


def test_each_language_has_its_own_copy(uncached):
    page = "/countries/finland/civil-society-platform/"
    assert "About this practice" in Client().get(page).content.decode()
    finnish = Client()
    finnish.cookies["django_language"] = "fi"
    body = finnish.get(page).content.decode()
    assert "About this practice" not in body
    assert 'lang="fi"' in body


def test_a_preview_shows_the_draft_and_leaves_nothing_behind(uncached, twins, client_for):
    coordinator = client_for("fi-coordinator")
    coordinator.get(twins.url)
    twins.summary = "A draft nobody has published."
    revision = twins.save_revision()
    preview = coordinator.get(f"/admin/pages/{twins.pk}/revisions/{revision.pk}/view/")
    assert preview.status_code == 200
    assert "A draft nobody has published." in preview.content.decode()
    # At the host the preview was rendered for (the site's own), as well as the test's.
    for viewer in (coordinator, Client()):
        for host in ("localhost", "testserver"):
            body = viewer.get(twins.url, HTTP_HOST=host).content.decode()
            assert "A draft nobody has published." not in body


def _render(source, request, token):
    template = Template("{% load hub_tags %}" + source)
    return template.render(Context({"request": request, "csrf_token": token}))


def test_a_part_that_holds_a_csrf_token_is_never_kept(users):
    request = RequestFactory().get("/")
    request.user = users["expert-ngo"]
    source = '{% hubcache "form" %}<form>{% csrf_token %}</form>{% endhubcache %}'
    assert "first-token" in _render(source, request, "first-token")
    request = RequestFactory().get("/")
    request.user = users["expert-ngo"]
    assert "second-token" in _render(source, request, "second-token")


def test_a_part_without_one_is_kept(users):
    request = RequestFactory().get("/")
    request.user = users["expert-ngo"]
    assert _render('{% hubcache "note" %}first{% endhubcache %}', request, "t") == "first"
    again = RequestFactory().get("/")
    again.user = users["expert-ngo"]
    rendered = Template('{% load hub_tags %}{% hubcache "note" %}second{% endhubcache %}')
    assert rendered.render(Context({"request": again})) == "first"


def test_the_cache_can_be_turned_off(settings, users):
    settings.FRAGMENT_CACHE_SECONDS = 0
    for text in ("first", "second"):
        request = RequestFactory().get("/")
        request.user = users["expert-ngo"]
        source = '{% hubcache "note" %}{{ text }}{% endhubcache %}'
        rendered = Template("{% load hub_tags %}" + source)
        assert rendered.render(Context({"request": request, "text": text})) == text


def test_a_name_must_be_quoted():
    from django.template import TemplateSyntaxError

    with pytest.raises(TemplateSyntaxError):
        Template("{% load hub_tags %}{% hubcache note %}x{% endhubcache %}")


def test_the_user_bar_and_admin_link_are_each_account_s_own(uncached, client_for):
    page = "/countries/finland/civil-society-platform/"
    coordinator = client_for("fi-coordinator")
    for _ in range(2):
        body = coordinator.get(page).content.decode()
        assert "wagtail-userbar-template" in body
        assert 'href="/admin/"' in body
    for viewer in (client_for("expert-ngo"), Client()):
        body = viewer.get(page).content.decode()
        assert "wagtail-userbar-template" not in body
        assert 'href="/admin/"' not in body


USER_BAR_PAGE = "/countries/finland/civil-society-platform/"


def _shows_user_bar(client) -> bool:
    return "wagtail-userbar-template" in client.get(USER_BAR_PAGE).content.decode()


def test_an_account_taken_out_of_its_groups_loses_the_user_bar_at_once(uncached, client_for, users):
    coordinator = client_for("fi-coordinator")
    assert _shows_user_bar(coordinator)
    users["fi-coordinator"].groups.clear()
    assert not _shows_user_bar(coordinator)


def test_an_account_put_in_an_editing_group_gets_the_user_bar_at_once(uncached, client_for, users):
    assert not _shows_user_bar(client_for("expert-ngo"))
    users["expert-ngo"].groups.add(Group.objects.get(name="Finland coordinators"))
    # Now staff: the next sign-in asks for the second step as well.
    assert _shows_user_bar(client_for("expert-ngo"))


def test_a_group_that_loses_admin_access_loses_the_user_bar_at_once(uncached, client_for):
    coordinator = client_for("fi-coordinator")
    assert _shows_user_bar(coordinator)
    access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    Group.objects.get(name="Finland coordinators").permissions.remove(access)
    assert not _shows_user_bar(coordinator)


def test_an_account_made_or_unmade_superuser_sees_the_user_bar_change_at_once(
    uncached, client_for, users
):
    expert = users["expert-ngo"]
    assert not _shows_user_bar(client_for("expert-ngo"))
    expert.is_superuser = True
    expert.save(update_fields=["is_superuser"])
    assert _shows_user_bar(client_for("expert-ngo"))
    expert.is_superuser = False
    expert.save(update_fields=["is_superuser"])
    assert not _shows_user_bar(client_for("expert-ngo"))
