import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.http import HttpRequest
from wagtail.models import Page

from demo.content.home import DEMO_USERS

# The demo itself is what these tests are about.
pytestmark = pytest.mark.usefixtures("demo_content")


@pytest.mark.django_db
def test_seed_demo_is_idempotent():
    from wagtail.models import Revision

    before = (Page.objects.count(), get_user_model().objects.count())
    revisions = Revision.objects.count()
    call_command("seed_demo", verbosity=0)
    assert (Page.objects.count(), get_user_model().objects.count()) == before
    # Nothing is republished: the page links were resolved once, the first time.
    assert Revision.objects.count() == revisions


@pytest.mark.django_db
def test_demo_users_exist_with_the_shared_password(client):
    for row in DEMO_USERS:
        # django-axes needs the request that signs in.
        assert client.login(request=HttpRequest(), username=row[0], password="nordic-demo"), row[0]


@pytest.mark.django_db
def test_seed_demo_refuses_without_development_settings(settings):
    del settings.SEED_DEMO_PASSWORD
    with pytest.raises(CommandError, match="development settings"):
        call_command("seed_demo", verbosity=0)


@pytest.mark.django_db
def test_reset_rebuilds_the_same_demo():
    before = sorted(
        Page.objects.exclude(slug__startswith="matrix-").values_list("url_path", flat=True)
    )
    call_command("seed_demo", "--reset", verbosity=0)
    after = sorted(Page.objects.values_list("url_path", flat=True))
    assert after == before


@pytest.mark.django_db
def test_every_demo_practice_not_in_english_has_an_english_title():
    from practices.models import PracticePage

    practices = PracticePage.objects.exclude(slug__startswith="matrix-")
    assert practices.exclude(language="en").count() >= 30
    for practice in practices:
        if practice.language == "en":
            assert practice.title_en == "", practice.slug
        else:
            assert practice.title_en.strip(), practice.slug
            assert practice.title_en != practice.title, practice.slug


@pytest.mark.django_db
def test_a_reseed_gives_an_english_title_to_a_practice_seeded_without_one():
    from practices.models import PracticePage

    page = PracticePage.objects.get(slug="samhaefingarteymi-mansalsmala")
    PracticePage.objects.filter(pk=page.pk).update(title_en="")
    call_command("seed_demo", verbosity=0)
    page = PracticePage.objects.get(pk=page.pk)
    assert page.title_en == "Coordination team and referral procedure for victims of trafficking"
    assert page.get_latest_revision().as_object().title_en == page.title_en


@pytest.mark.django_db
def test_the_demo_links_the_hub_pages_it_mentions(client):
    """The join form links its privacy notice; the Oslo seminar the Helsinki seminar whose
    recommendations it follows up (issue 25: every mention of another part is a link)."""
    from bs4 import BeautifulSoup

    join = BeautifulSoup(client.get("/join/").content, "html.parser")
    assert join.find(class_="form__privacy").find("a")["href"] == "/privacy/"
    assert "See the privacy notice." not in join.get_text()  # no unlinked mention left
    oslo = BeautifulSoup(
        client.get("/seminars/oslo-cross-border-cooperation/").content, "html.parser"
    )
    link = oslo.find(id="about").find("a", string="seminar on Nordic best practices")
    assert link["href"] == "/seminars/helsinki-2021/"


def stream_links(client, url):
    """The targets of the links in the body of the page at ``url`` (not the menu's)."""
    from bs4 import BeautifulSoup

    response = client.get(url)
    assert response.status_code == 200, url
    body = BeautifulSoup(response.content, "html.parser").find(class_="stream")
    return [a["href"] for a in body.find_all("a", href=True)]


@pytest.mark.django_db
def test_the_network_pages_link_the_parts_of_the_hub_they_mention(client):
    """Issue 25: the about page links the library, the countries, the tracker and the
    seminars; the privacy notice the join form; the accessibility statement and the home
    page the Helsinki seminar - although they were seeded before any of these existed."""
    about = stream_links(client, "/about/")
    for href in ("/practices/", "/countries/", "/recommendations/", "/seminars/"):
        assert href in about
    assert "/join/" in stream_links(client, "/privacy/")
    assert "/seminars/helsinki-2021/" in stream_links(client, "/accessibility/")
    assert "/seminars/helsinki-2021/" in stream_links(client, "/")


@pytest.mark.django_db
def test_demo_directory_finds_the_labour_inspection_contact_in_norway(client_for):
    from countries.models import Membership

    html = (
        client_for("expert-police")
        .get("/members/", {"country": "NO", "role": "labour_inspection"})
        .content.decode()
    )
    assert "Lars Haugen" in html
    assert "lars.haugen@arbeidstilsynet.example" in html
    # Idempotent: seeding again keeps each member's choices as the demo sets them.
    call_command("seed_demo", verbosity=0)
    assert Membership.objects.filter(show_contact=True).count() >= 4
    assert not Membership.objects.get(user__username="fi-ministry").listed
    quiet = Membership.objects.get(user__username="is-coordinator")
    assert not quiet.show_details and not quiet.show_contact


@pytest.mark.django_db
def test_the_demo_seminars_present_practices_to_those_who_may_view_them(client):
    from practices.models import PracticePage

    public = PracticePage.objects.get(slug="auttamisjarjestelmaan-ohjaaminen")
    team_only = PracticePage.objects.get(slug="police-district-contact-roster")
    html = client.get("/seminars/helsinki-2021/").content.decode()
    assert "Practices presented" in html
    assert public.title in html
    assert team_only.title not in html
    assert "/seminars/helsinki-2021/" in client.get(public.url).content.decode()


@pytest.mark.django_db
def test_the_demo_lists_the_network_organisations(client):
    html = client.get("/organisations/").content.decode()
    assert "Finnish Police" in html
    assert "Norwegian Labour Inspection Authority" in html
    assert "Labour inspection" in html
