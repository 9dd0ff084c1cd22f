"""A new answer is emailed to the thread's participants: never its writer, never one who
stopped the emails, never one who may no longer view the page (checked when sending), in
each recipient's language, with a one-click unsubscribe link that works without signing
in (RFC 8058)."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import signing
from django.test import Client
from wagtail.users.models import UserProfile

from countries.models import CountryPage
from questions.models import Participant
from tests.accounts import sign_in
from tests.mail_headers import BASE_URL, check_hub_email, unsubscribe_path
from tests.practices.factories import publish_practice
from tests.questions.factories import answer_to, question_on

pytestmark = pytest.mark.django_db

ONE_CLICK = "List-Unsubscribe=One-Click"


@pytest.fixture(autouse=True)
def _base_url(settings):
    settings.BASE_URL = BASE_URL


@pytest.fixture
def team_thread(users):
    """A thread on a practice only Finland's team may view, asked by its coordinator;
    its editor (Finnish interface) follows it."""
    finland = CountryPage.objects.get(country__code="FI")
    practice = publish_practice(finland, title="Team", slug="team-mail", audience="country")
    question = question_on(practice, users["fi-coordinator"], title="Shelters in winter?")
    Participant.objects.create(question=question, user=users["fi-editor"])
    profile = UserProfile.get_for_user(users["fi-editor"])
    profile.preferred_language = "fi"
    profile.save()
    return question


def _answer(client, question, body, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/questions/{question.pk}/answer/", {"body": body})
    assert response.status_code == 302
    return response


def test_participants_get_the_answer_but_not_its_writer(
    team_thread, users, client, mailoutbox, django_capture_on_commit_callbacks
):
    sign_in(client, users["fi-ministry"])
    _answer(client, team_thread, "Three shelters stay open.", django_capture_on_commit_callbacks)
    by_address = {m.to[0]: m for m in mailoutbox}
    assert set(by_address) == {users["fi-coordinator"].email, users["fi-editor"].email}
    english = by_address[users["fi-coordinator"].email]
    parsed = check_hub_email(english, unsubscribe=True)
    assert parsed["Content-Language"] == "en"
    assert "Shelters in winter?" in english.subject
    assert "Three shelters stay open." in english.body
    assert f"{BASE_URL}/questions/{team_thread.pk}/" in english.body
    (link,) = re.findall(rf"{BASE_URL}/questions/unsubscribe/[^/\s]+/", english.body)
    assert parsed["List-Unsubscribe"] == f"<{link}>"
    finnish = check_hub_email(by_address[users["fi-editor"].email], unsubscribe=True)
    assert finnish["Content-Language"] == "fi"
    # Written in Finnish (the new sentences wait for their translators; the hub's name has one).
    assert "Pohjoismaisten ihmiskaupan" in by_address[users["fi-editor"].email].body
    assert "Pohjoismaisten ihmiskaupan" not in english.body
    # The writer now takes part too, and is not told of their own answer.
    assert Participant.objects.filter(question=team_thread, user=users["fi-ministry"]).exists()


def test_without_a_chosen_language_the_one_last_written_in(
    team_thread, users, client, mailoutbox, django_capture_on_commit_callbacks
):
    answer_to(team_thread, users["fi-ministry"], body="Ett svar.", language="sv")
    sign_in(client, users["admin"])
    _answer(client, team_thread, "Answer", django_capture_on_commit_callbacks)
    (message,) = [m for m in mailoutbox if m.to == [users["fi-ministry"].email]]
    assert check_hub_email(message, unsubscribe=True)["Content-Language"] == "sv"


def test_notify_off_gets_nothing(
    team_thread, users, client, mailoutbox, django_capture_on_commit_callbacks
):
    Participant.objects.filter(user=users["fi-editor"]).update(notify=False)
    sign_in(client, users["fi-ministry"])
    _answer(client, team_thread, "Answer", django_capture_on_commit_callbacks)
    assert [m.to for m in mailoutbox] == [[users["fi-coordinator"].email]]


def test_a_participant_who_lost_access_gets_nothing(
    team_thread, users, client, mailoutbox, django_capture_on_commit_callbacks
):
    """The editor took part while on Finland's team, then moved to Sweden's."""
    editor = users["fi-editor"]
    editor.groups.set([Group.objects.get(name="Sweden editors")])
    sign_in(client, users["fi-ministry"])
    _answer(client, team_thread, "Answer zqxlost", django_capture_on_commit_callbacks)
    assert editor.email not in [m.to[0] for m in mailoutbox]
    assert [m.to for m in mailoutbox] == [[users["fi-coordinator"].email]]


def test_one_click_unsubscribe_without_cookies(
    team_thread, users, client, mailoutbox, django_capture_on_commit_callbacks
):
    sign_in(client, users["fi-ministry"])
    _answer(client, team_thread, "Answer", django_capture_on_commit_callbacks)
    (message,) = [m for m in mailoutbox if m.to == [users["fi-coordinator"].email]]
    path = unsubscribe_path(check_hub_email(message, unsubscribe=True))
    mail_client = Client(enforce_csrf_checks=True)
    # Opening the link changes nothing: link scanners open links.
    opened = mail_client.get(path)
    assert opened.status_code == 200 and '<form method="post"' in opened.content.decode()
    assert Participant.objects.get(question=team_thread, user=users["fi-coordinator"]).notify
    response = mail_client.post(path, ONE_CLICK, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert "Emails about this question are stopped." in response.content.decode()
    assert not Participant.objects.get(question=team_thread, user=users["fi-coordinator"]).notify
    # Only this person's emails of this thread: the editor still receives them.
    assert Participant.objects.get(question=team_thread, user=users["fi-editor"]).notify
    again = mail_client.post(path, ONE_CLICK, content_type="application/x-www-form-urlencoded")
    assert again.status_code == 200  # twice is fine


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_altered_token_is_refused(team_thread, users, method):
    coordinator = users["fi-coordinator"]
    good = signing.dumps([coordinator.pk, team_thread.pk], salt="questions.unsubscribe")
    forged = signing.dumps([coordinator.pk, team_thread.pk], salt="another.salt")
    for bad in (good[:-2] + "xy", good[:15], forged, "x" * 5000, "a:b:c"):
        response = getattr(Client(enforce_csrf_checks=True), method)(
            f"/questions/unsubscribe/{bad}/"
        )
        assert response.status_code == 400, bad
        assert "This link is not valid." in response.content.decode()
    assert Participant.objects.get(question=team_thread, user=coordinator).notify
