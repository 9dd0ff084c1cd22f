"""Recordings: shown to their audience until their date, then gone from the page and
from search by themselves. Calendar files that calendar applications accept."""

import datetime
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from search.service import search
from seminars.models import SeminarRecording, SeminarRegistration

from .factories import cross_border_seminar, helsinki_seminar, publish_seminar

pytestmark = pytest.mark.django_db

URL = "https://video.example/unique-recording-7731"


def _seminar_with_recording(word, until, audience="registrants", registrant=None):
    seminar = publish_seminar(title=f"Seminar {word}")
    SeminarRecording.objects.create(
        page=seminar, title=f"Recording {word}", url=URL, audience=audience, available_until=until
    )
    if registrant is not None:
        SeminarRegistration.objects.create(
            page=seminar, form_data={}, email=registrant.email.lower(), user=registrant
        )
    return seminar


def _later():
    return timezone.now() + datetime.timedelta(days=5)


def test_registrant_sees_the_recording_others_only_its_title(client_for, users):
    seminar = _seminar_with_recording("glimmerfoss", _later(), registrant=users["expert-police"])
    html = client_for("expert-police").get(seminar.url).content.decode()
    assert URL in html
    other = client_for("se-coordinator").get(seminar.url).content.decode()
    assert URL not in other
    assert "Recording glimmerfoss" in other
    assert "For registrants of the seminar" in other
    anonymous = client_for(None).get(seminar.url).content.decode()
    assert URL not in anonymous


def test_after_its_date_the_recording_is_gone_for_everyone(client_for, users):
    seminar = _seminar_with_recording(
        "brakkvann",
        timezone.now() - datetime.timedelta(minutes=1),
        registrant=users["expert-police"],
    )
    for username in ("expert-police", "se-coordinator", None):
        html = client_for(username).get(seminar.url).content.decode()
        assert URL not in html
        assert "brakkvann" not in html.replace("Seminar brakkvann", "")


def test_public_and_members_recordings(client_for):
    public = _seminar_with_recording("solfjell", _later(), audience="public")
    assert URL in client_for(None).get(public.url).content.decode()
    members = _seminar_with_recording("stjernevik", _later(), audience="members")
    assert URL not in client_for(None).get(members.url).content.decode()
    assert URL in client_for("expert-ngo").get(members.url).content.decode()


def test_the_registrant_link_of_the_email_opens_the_recordings_in_this_browser(client):
    seminar = _seminar_with_recording("kvarnbacken", _later())
    registration = SeminarRegistration.objects.create(
        page=seminar, form_data={}, email="anon@example.org"
    )
    assert URL not in client.get(seminar.url).content.decode()
    response = client.get(registration.access_path(seminar))
    assert response.status_code == 302
    assert response["Location"] == seminar.url + "#recordings"
    assert URL in client.get(seminar.url).content.decode()


@pytest.mark.parametrize("token", ["", "nonsense", "x" * 300, "WzEsIDJd:abc:def", "\x00"])
def test_a_forged_registrant_link_is_refused(client, token):
    seminar = _seminar_with_recording("falskvik", _later())
    assert client.get(f"{seminar.url}access/", {"key": token}).status_code == 404
    assert URL not in client.get(seminar.url).content.decode()


def test_a_link_for_another_seminar_opens_nothing_here(client):
    seminar = _seminar_with_recording("tvillingsund", _later())
    other = publish_seminar()
    registration = SeminarRegistration.objects.create(
        page=other, form_data={}, email="anon@example.org"
    )
    assert (
        client.get(registration.access_path(other).replace(other.url, seminar.url)).status_code
        == 404
    )


def _recording_titles(rf, user, word):
    request = rf.get("/search/", {"q": word})
    request.user = user
    request.session = {}
    return [hit.recording.title for hit in search(request, request.GET).recordings]


def test_search_finds_a_recording_only_for_its_audience_and_only_until_its_date(rf, users):
    word = "morgondimma"
    seminar = _seminar_with_recording(word, _later(), registrant=users["expert-police"])
    assert _recording_titles(rf, users["expert-police"], word) == [f"Recording {word}"]
    assert _recording_titles(rf, users["se-coordinator"], word) == []
    assert _recording_titles(rf, AnonymousUser(), word) == []
    # The date passes: no reindex, no editor; it is simply gone.
    SeminarRecording.objects.filter(page=seminar).update(
        available_until=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert _recording_titles(rf, users["expert-police"], word) == []


def _calendar(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    raw = response.content
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75
    assert raw.endswith(b"\r\n")
    return Calendar.from_ical(raw)


@pytest.fixture
def seminars(db):
    """A past seminar in Helsinki (18 November 2021) and an upcoming one in Oslo."""
    return {"past": helsinki_seminar(), "upcoming": cross_border_seminar()}


def test_seminar_calendar_file_is_valid_icalendar(client, seminars):
    cal = _calendar(client.get("/seminars/helsinki-2021/calendar/"))
    assert str(cal["VERSION"]) == "2.0"
    assert cal["PRODID"]
    events = cal.walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert str(event["SUMMARY"]) == (
        "Seminar on Nordic best practices against trafficking in human beings"
    )
    # 09.30 in Helsinki (EET, UTC+2) on 18 November 2021.
    assert event.decoded("DTSTART") == datetime.datetime(2021, 11, 18, 7, 30, tzinfo=datetime.UTC)
    assert event.decoded("DTEND") == datetime.datetime(2021, 11, 18, 16, 30, tzinfo=datetime.UTC)
    assert "Paasitorni" in str(event["LOCATION"])
    assert str(event["URL"]).endswith("/seminars/helsinki-2021/")
    assert event["UID"] and event["DTSTAMP"]


def test_upcoming_calendar_holds_only_seminars_not_yet_over(client, seminars):
    cal = _calendar(client.get("/seminars/calendar/"))
    summaries = [str(event["SUMMARY"]) for event in cal.walk("VEVENT")]
    assert any("cross-border" in summary for summary in summaries)
    assert not any("best practices" in summary for summary in summaries)
    now = datetime.datetime.now(datetime.UTC)
    assert all(event.decoded("DTEND") > now for event in cal.walk("VEVENT"))


def test_the_link_in_the_confirmation_email_opens_the_recordings(
    client, settings, django_capture_on_commit_callbacks
):
    settings.BASE_URL = "https://hub.example.org"  # the links' host, whatever the request's
    seminar = _seminar_with_recording("lysefjord", _later())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            seminar.url + "register/",
            {"full_name": "Oda Lie", "email_address": "oda.lie@example.org"},
        )
    body = next(m.body for m in mail.outbox if m.to == ["oda.lie@example.org"])
    link = re.search(r"https://hub\.example\.org(/\S*access/\?key=\S+)", body).group(1)
    assert "testserver" not in body
    other_browser = Client()
    assert URL not in other_browser.get(seminar.url).content.decode()
    assert other_browser.get(link).status_code == 302
    assert URL in other_browser.get(seminar.url).content.decode()


def test_seminars_are_found_by_their_intro_with_kind_and_host_facets(rf, users):
    seminar = publish_seminar(
        title="Spring seminar", intro="Workshops on tundrasild and cross-border cases."
    )
    hidden = publish_seminar(title="Closed tundrasild meeting", audience="members")
    request = rf.get("/search/", {"q": "tundrasild"})
    request.user, request.session = AnonymousUser(), {}
    outcome = search(request, request.GET)
    assert [hit.page.pk for hit in outcome.hits] == [seminar.pk]
    facets = {group.name: {o.value: o.count for o in group.options} for group in outcome.facets}
    assert facets["kind"] == {"seminar": 1}
    assert facets["country"] == {"SE": 1}
    request.user = users["expert-ngo"]
    assert {hit.page.pk for hit in search(request, request.GET).hits} == {seminar.pk, hidden.pk}
