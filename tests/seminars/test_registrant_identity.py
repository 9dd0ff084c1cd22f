"""Who counts as a seminar's registrant (issue 21, item 3): the account the registration
belongs to, or the browser that opened the personal link of the confirmation email.
Never an account that merely carries the registrant's email address."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone

from seminars.models import SeminarRecording, SeminarRegistration

from .factories import publish_seminar

pytestmark = pytest.mark.django_db

URL = "https://video.example/registrants-only-5512"


def _seminar(word):
    seminar = publish_seminar(title=f"Seminar {word}")
    SeminarRecording.objects.create(
        page=seminar,
        title=f"Recording {word}",
        url=URL,
        audience="registrants",
        available_until=timezone.now() + datetime.timedelta(days=5),
    )
    return seminar


def _register(client, seminar, email, name="Aino Lehtonen"):
    return client.post(seminar.url + "register/", {"full_name": name, "email_address": email})


def test_an_editor_with_a_registrants_address_does_not_see_her_recording(client_for, users):
    seminar = _seminar("kuusijärvi")
    registrant = users["fi-coordinator"]
    assert _register(client_for("fi-coordinator"), seminar, registrant.email).status_code == 302
    assert URL in client_for("fi-coordinator").get(seminar.url).content.decode()

    editor = client_for("se-editor")
    # Wagtail's account settings no longer take an address...
    editor.post(
        "/admin/account/",
        {
            "name_email-first_name": "Sara",
            "name_email-last_name": "Editor",
            "name_email-email": registrant.email,
            "locale-preferred_language": "en",
            "locale-current_time_zone": "Europe/Stockholm",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
        },
    )
    # ...the hub's change refuses another account's address...
    refused = editor.post(
        "/account/email/",
        {"email": registrant.email.upper(), "password": settings.SEED_DEMO_PASSWORD},
    )
    assert refused.status_code == 400
    users["se-editor"].refresh_from_db()
    assert users["se-editor"].email != registrant.email
    # ...and even with the address set another way (a superuser's edit), the editor is
    # not the registrant.
    users["se-editor"].email = registrant.email
    users["se-editor"].save()
    html = client_for("se-editor").get(seminar.url).content.decode()
    assert URL not in html
    assert "Recording kuusijärvi" in html  # the title only, as for anyone else


def test_an_address_registered_without_the_account_counts_only_with_the_personal_link(
    client_for, users
):
    seminar = _seminar("hagaström")
    member = users["expert-ngo"]
    # Someone registered the member's address while signed out.
    assert _register(client_for(None), seminar, member.email).status_code == 302
    registration = SeminarRegistration.objects.get(page=seminar)
    assert registration.user is None
    client = client_for("expert-ngo")
    assert URL not in client.get(seminar.url).content.decode()
    # The confirmation email's personal link opens it in this browser.
    assert client.get(registration.access_path(seminar)).status_code == 302
    assert URL in client.get(seminar.url).content.decode()


def test_a_registrant_signed_in_with_their_account_sees_the_recording(client_for, users):
    seminar = _seminar("fjällbacka")
    client = client_for("expert-police")
    assert URL not in client.get(seminar.url).content.decode()
    assert _register(client, seminar, "another.address@example.org").status_code == 302
    assert SeminarRegistration.objects.get(page=seminar).user == users["expert-police"]
    assert URL in client.get(seminar.url).content.decode()
    assert URL not in client_for("expert-ngo").get(seminar.url).content.decode()
