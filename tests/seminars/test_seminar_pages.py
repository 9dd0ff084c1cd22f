"""The seminar index and seminar pages: what they show, to whom, and at what cost."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from seminars.models import SeminarPage

from .factories import (
    PersonFactory,
    cross_border_seminar,
    helsinki_seminar,
    programme,
    publish_seminar,
    seminar_document,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def seminars(db):
    """A past seminar in Finland (Helsinki 2021) and an upcoming one hosted by Norway."""
    return {"past": helsinki_seminar(), "upcoming": cross_border_seminar()}


def test_index_lists_upcoming_and_past_seminars(client, seminars):
    response = client.get("/seminars/")
    assert response.status_code == 200
    html = response.content.decode()
    upcoming, past = html.split('id="past-title"')
    assert "cross-border cooperation" in upcoming
    assert "Seminar on Nordic best practices" not in upcoming
    assert "Seminar on Nordic best practices" in past


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("year=2021", "Seminar on Nordic best practices", "cross-border cooperation"),
        ("country=NO", "cross-border cooperation", "Seminar on Nordic best practices"),
        ("country=FI&year=2021", "Seminar on Nordic best practices", "cross-border cooperation"),
    ],
)
def test_index_filters_by_year_and_host_country(client, seminars, query, shown, hidden):
    html = client.get(f"/seminars/?{query}").content.decode()
    assert shown in html
    assert hidden not in html
    assert "Clear filters" in html


@pytest.mark.parametrize(
    ("query", "problem"),
    [
        ("year=abc", "Year: “abc” is not one of the choices."),
        ("country=XX", "Host country: “XX” is not one of the choices."),
        ("country=%00", "Host country: “\ufffd” is not one of the choices."),
        ("country=fi&year=20x1", "Year: “20x1” is not one of the choices."),
    ],
)
def test_index_lists_nothing_for_an_unknown_filter_value_and_says_so(
    client, seminars, query, problem
):
    # Issue 21: an unknown value used to be ignored, listing every seminar as if filtered.
    response = client.get(f"/seminars/?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "were not recognised, so nothing is shown" in html
    assert problem in html
    assert "Seminar on Nordic best practices" not in html
    assert "cross-border cooperation" not in html


BOTH = {"Seminar on Nordic best practices", "cross-border cooperation"}


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("country=no", {"cross-border cooperation"}),  # a code in any case
        ("country=No&year=2021", set()),  # a known country and year: none then
        ("year=1850", set()),
        ("page=-1", BOTH),
    ],
)
def test_index_takes_codes_in_any_case_and_any_year(client, seminars, query, shown):
    html = client.get(f"/seminars/?{query}").content.decode()
    assert "not recognised" not in html
    assert {title for title in BOTH if title in html} == shown


def test_helsinki_seminar_page_shows_the_programme_and_outputs(client, seminars):
    response = client.get("/seminars/helsinki-2021/")
    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "Helsinki Congress Paasitorni",
        "18 November 2021",
        "09:30",
        "Finland (Helsinki)",
        "Ministry of the Interior, Finland",
        "Part of Finland&#x27;s Presidency of the Nordic Council of Ministers",
        "Streamed online",
        "Not streamed",
        "Invited participants on site only",
        "Speakers and moderators",
        "Nordic best practices against trafficking in human beings: seminar report",
        "published 21 March 2022",
        "Conclusions",
        "Closed",
        "registration closed on 16 November 2021",
    ):
        assert text in html, text
    # Parts I and III streamed at their published times, in the venue's time zone.
    assert '10:00</time>–<time datetime="12:45">12:45' in html
    assert '17:10</time>–<time datetime="18:20">18:20' in html


def test_times_are_shown_in_the_seminars_time_zone_not_the_servers(client):
    seminar = publish_seminar(
        start_time=datetime.time(9, 0),
        end_time=datetime.time(12, 0),
        time_zone="Atlantic/Reykjavik",
    )
    assert seminar.starts_at.astimezone(datetime.UTC).hour == 9  # Iceland keeps UTC
    html = client.get(seminar.url).content.decode()
    assert "09:00</time>–<time" in html
    assert "Iceland (Reykjavík)" in html


def test_seminar_end_before_start_is_refused():
    seminar = SeminarPage(
        title="Broken",
        slug="broken",
        intro="x",
        start_date=datetime.date(2030, 1, 10),
        end_date=datetime.date(2030, 1, 9),
        start_time=datetime.time(9),
        end_time=datetime.time(8),
        host_country_id=1,
    )
    with pytest.raises(ValidationError) as raised:
        seminar.full_clean(exclude=["path", "depth", "content_type", "translation_key", "locale"])
    assert "end_date" in raised.value.message_dict


def test_members_only_seminar_is_hidden_from_anonymous_visitors(client, client_for):
    seminar = publish_seminar(title="Closed meeting quokkafjord", audience="members")
    anonymous = client.get(seminar.url)
    assert anonymous.status_code == 302
    assert "login" in anonymous["Location"]
    for suffix in ("calendar/", "register/"):
        assert client.get(seminar.url + suffix).status_code == 302
    assert "quokkafjord" not in client.get("/seminars/").content.decode()
    assert "quokkafjord" not in client.get("/seminars/calendar/").content.decode()
    assert "quokkafjord" not in client.get("/seminars/feed/").content.decode()
    member = client_for("expert-ngo")
    assert member.get(seminar.url).status_code == 200
    assert "quokkafjord" in member.get("/seminars/").content.decode()
    assert "quokkafjord" in member.get("/seminars/calendar/").content.decode()
    # Feed readers share URLs: the Atom feed never carries members-only seminars.
    assert "quokkafjord" not in member.get("/seminars/feed/").content.decode()


@pytest.fixture
def site_settings(db):
    """The site's settings, as the secretariat keeps them: made before the first request,
    which would otherwise create them (and so end the caches the warm-up filled)."""
    from wagtail.models import Site

    from home.models import HubSettings

    return HubSettings.for_site(Site.objects.get(is_default_site=True))


def _render_queries(client, url):
    client.get(url)  # warm caches (site root, content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_page_queries_do_not_grow_with_the_programme(client_for, site_settings):
    people = PersonFactory.create_batch(4)
    document = seminar_document()
    small = publish_seminar(programme=programme(1, 2, people[:2], document))
    large = publish_seminar(programme=programme(6, 10, people, document))
    client = client_for("expert-police")
    small_count = _render_queries(client, small.url)
    large_count = _render_queries(client, large.url)
    html = client.get(large.url).content.decode()
    assert "Session 6.10" in html
    # Each person once per part (the speakers are folded by part), not once per session.
    assert html.count('class="card person-card"') == 6 * 4
    assert html.count('<details class="speakers-part">') == 6
    assert large_count == small_count
    assert large_count <= 30


def test_the_demo_seminar_page_renders_in_a_bounded_number_of_queries(
    client, seminars, site_settings
):
    assert _render_queries(client, "/seminars/helsinki-2021/") <= 30


def test_an_upcoming_seminar_in_another_country_is_seeded(seminars):
    upcoming = SeminarPage.objects.live().filter(starts_at__gt=timezone.now())
    assert upcoming.exclude(host_country__code="FI").exists()


def test_home_page_announces_the_next_seminars_the_visitor_may_see(client, client_for, seminars):
    publish_seminar(title="Members meeting vindsvale", audience="members")
    html = client.get("/").content.decode()
    assert "Next seminars" in html
    assert "cross-border cooperation" in html
    assert "vindsvale" not in html
    assert "vindsvale" in client_for("expert-ngo").get("/").content.decode()
