"""Markup the Nu Html Checker refused (issue 21), checked without it on every ``make test``.

``test_html_validity.py`` (``make test-html``) runs the checker itself over every page
type; these are the errors it found, each pinned where it arose.
"""

import re

import pytest
from django.conf import settings
from django.utils import timezone

from countries.models import Country
from recommendations.choices import Status
from seminars.models import Person
from tests.accounts import sign_in
from tests.home.factories import text_document
from tests.practices.factories import publish_practice
from tests.recommendations.factories import form_data, impl_of, publish_recommendation
from tests.seminars.factories import programme, publish_seminar

pytestmark = pytest.mark.django_db

# HTML allows a fraction of a second of one to three digits; Python writes six.
LONG_FRACTION = re.compile(r'datetime="[^"]*\.\d{4,}')


def time_elements(html):
    return re.findall(r"<time\b[^>]*>[^<]*</time>", html)


def in_finnish(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fi"
    return client


def test_updated_implementation_shows_whole_seconds(client, users):
    page = publish_recommendation("R-2097-01")
    impl = impl_of(page, "FI")
    sign_in(client, users["fi-coordinator"])
    data = form_data(impl, status=Status.PLANNED, note="Planned.")
    assert client.post(f"{page.url}update/fi/", data).status_code == 302
    impl.refresh_from_db()
    client.logout()
    expected = timezone.localtime(impl.updated_at).replace(microsecond=0).isoformat()
    for url in (page.url, "/recommendations/countries/fi/", "/recommendations/"):
        html = client.get(url).content.decode()
        assert f'<time datetime="{expected}">' in html, url
        assert not LONG_FRACTION.search(html), url


def test_republished_practice_shows_whole_seconds(client, page_at):
    practice = publish_practice(page_at("/countries/finland/"), title="Republished")
    practice.save_revision().publish()
    practice.refresh_from_db()
    html = client.get(practice.url).content.decode()
    expected = timezone.localtime(practice.last_published_at).replace(microsecond=0)
    assert f'<time datetime="{expected.isoformat()}">' in html
    assert not LONG_FRACTION.search(html)


@pytest.fixture
def helsinki_seminar(db):
    """A seminar in Helsinki whose programme has a session from 09:00 to 10:00, with
    its slides."""
    finland = Country.objects.get(code="FI")
    speaker = Person.objects.create(name="Aino Lehtonen", country=finland)
    slides = text_document("Helsinki slides", "Finland", "helsinki-slides.txt", "Slides.")
    return publish_seminar(
        title="Nordic seminar, Helsinki 2021",
        slug="helsinki-2021",
        city="Helsinki",
        venue="Säätytalo",
        time_zone="Europe/Helsinki",
        host_country=finland,
        programme=programme(1, 1, [speaker], slides),
    )


def test_finnish_programme_times_carry_a_machine_readable_time(client, helsinki_seminar):
    html = in_finnish(client).get("/seminars/helsinki-2021/").content.decode()
    times = time_elements(html)
    assert '<time datetime="10:00">10.00</time>' in times  # Finnish writes 10.00
    assert [tag for tag in times if "datetime=" not in tag] == []


def test_status_key_is_a_section_named_by_its_heading(client):
    html = client.get("/recommendations/").content.decode()
    assert '<section class="status-legend" aria-labelledby="status-legend-title">' in html
    assert not re.search(r"<div\b(?![^>]*\brole=)[^>]*\baria-labelledby=", html)


def test_search_box_with_suggestions_is_a_text_combobox(client):
    html = client.get("/search/").content.decode()
    box = re.search(r'<input[^>]*id="search-q"[^>]*>', html).group()
    assert 'role="combobox"' in box and 'type="text"' in box
    assert 'inputmode="search"' in box
    for attribute in ('aria-autocomplete="list"', 'aria-controls="search-suggestions"'):
        assert attribute in box
    # The header's box on other pages suggests the same pages: the same text combobox, with
    # its own list.
    header = re.search(r'<input[^>]*id="site-search-q"[^>]*>', client.get("/").content.decode())
    assert 'role="combobox"' in header.group() and 'type="text"' in header.group()
    assert 'aria-controls="site-search-suggestions"' in header.group()
    assert 'data-autocomplete-url="/search/autocomplete/"' in header.group()


def test_password_rules_are_not_a_list_inside_a_paragraph(client, users):
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    user = users["expert-police"]
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    link = client.get(f"/account/reset/{uid}/{default_token_generator.make_token(user)}/")
    html = client.get(link["Location"]).content.decode()
    assert "<ul>" in html  # Django's list of password rules
    assert not re.search(r"<p\b[^>]*>(?:(?!</p>).)*<ul", html, re.DOTALL)
