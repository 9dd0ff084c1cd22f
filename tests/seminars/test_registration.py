"""Registration through the form builder: its states, capacity, emails and the export."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from seminars.models import SeminarRegistration

from .factories import helsinki_seminar, publish_seminar

pytestmark = pytest.mark.django_db

NOW = timezone.now


def _post(client, seminar, email="ilse.nyberg@example.org", name="Ilse Nyberg"):
    return client.post(seminar.url + "register/", {"full_name": name, "email_address": email})


def test_before_opening_there_is_no_form_and_a_post_is_refused(client):
    seminar = publish_seminar(registration_opens=NOW() + datetime.timedelta(days=3))
    page = client.get(seminar.url + "register/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Not open yet" in html
    assert 'name="email_address"' not in html
    refused = _post(client, seminar)
    assert refused.status_code == 409
    assert "Nothing was stored" in refused.content.decode()
    assert not SeminarRegistration.objects.filter(page=seminar).exists()


def test_open_registration_stores_it_and_confirms_by_email(
    client, django_capture_on_commit_callbacks
):
    seminar = publish_seminar(capacity=50)
    form = client.get(seminar.url + "register/")
    assert form.status_code == 200
    assert 'name="email_address"' in form.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, seminar, email="Ilse.Nyberg@Example.org")
    assert response.status_code == 302
    assert response["Location"].endswith("register/done/")
    registration = SeminarRegistration.objects.get(page=seminar)
    assert registration.email == "ilse.nyberg@example.org"
    assert registration.form_data["full_name"] == "Ilse Nyberg"
    done = client.get(response["Location"])
    assert "Thank you for registering" in done.content.decode()
    confirmation = [m for m in mail.outbox if m.to == ["ilse.nyberg@example.org"]]
    assert len(confirmation) == 1
    body = confirmation[0].body
    assert seminar.title in confirmation[0].subject
    assert "/access/" in body and "/calendar/" in body
    assert "49 places left" in client.get(seminar.url).content.decode()


def test_a_second_registration_with_the_same_address_is_not_stored_twice(
    client, django_capture_on_commit_callbacks
):
    seminar = publish_seminar(to_address="organisers@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        first = _post(client, seminar)
        second = _post(client, seminar, email="ILSE.NYBERG@example.org", name="Someone Else")
    # The same answer both times: the form never tells who has registered.
    assert first.status_code == second.status_code == 302
    assert SeminarRegistration.objects.filter(page=seminar).count() == 1
    assert SeminarRegistration.objects.get(page=seminar).form_data["full_name"] == "Ilse Nyberg"
    assert len([m for m in mail.outbox if m.to == ["ilse.nyberg@example.org"]]) == 2
    # The organisers hear of the registration once.
    assert len([m for m in mail.outbox if m.to == ["organisers@example.org"]]) == 1


def test_repeated_registrations_cannot_flood_the_registrants_mailbox(
    client, django_capture_on_commit_callbacks
):
    seminar = publish_seminar(to_address="organisers@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        responses = [_post(client, seminar, name=f"Sender {n}") for n in range(5)]
    # The same answer every time, but the confirmation went out only once more.
    assert {response.status_code for response in responses} == {302}
    assert len([m for m in mail.outbox if m.to == ["ilse.nyberg@example.org"]]) == 2


def test_invalid_input_is_shown_again_with_errors_and_nothing_stored(client):
    seminar = publish_seminar()
    response = _post(client, seminar, email="not an address", name="")
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert 'href="#id_email_address"' in html
    assert not SeminarRegistration.objects.filter(page=seminar).exists()


def test_closed_registration_says_so_and_refuses(client):
    seminar = publish_seminar(
        registration_opens=NOW() - datetime.timedelta(days=10),
        registration_closes=NOW() - datetime.timedelta(days=1),
    )
    html = client.get(seminar.url).content.decode()
    assert "Closed" in html
    assert "registration closed on" in html
    assert 'href="/seminars/' + seminar.slug + '/register/"' not in html
    assert _post(client, seminar).status_code == 409
    assert not SeminarRegistration.objects.filter(page=seminar).exists()


def test_registration_closes_when_the_seminar_is_over(client):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    seminar = publish_seminar(
        start_date=yesterday,
        registration_opens=NOW() - datetime.timedelta(days=10),
        registration_closes=NOW() + datetime.timedelta(days=10),
    )
    assert seminar.registration_state() == "closed"
    assert _post(client, seminar).status_code == 409


def test_full_registration_says_so_and_refuses_the_next(client, django_capture_on_commit_callbacks):
    seminar = publish_seminar(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert _post(client, seminar, email="first@example.org").status_code == 302
        refused = _post(client, seminar, email="second@example.org")
    assert refused.status_code == 409
    assert SeminarRegistration.objects.filter(page=seminar).count() == 1
    html = client.get(seminar.url).content.decode()
    assert "Full" in html
    assert "the 1 place is taken" in html
    assert not [m for m in mail.outbox if m.to == ["second@example.org"]]


def test_a_seminar_without_registration_has_no_form(client):
    seminar = publish_seminar(has_registration=False)
    assert client.get(seminar.url + "register/").status_code == 404
    assert _post(client, seminar).status_code == 404
    assert "Registration" not in client.get(seminar.url).content.decode()


def test_signed_in_registrant_is_linked_to_the_account(
    client_for, users, django_capture_on_commit_callbacks
):
    seminar = publish_seminar()
    client = client_for("se-editor")
    form = client.get(seminar.url + "register/").content.decode()
    assert users["se-editor"].email in form  # prefilled
    with django_capture_on_commit_callbacks(execute=True):
        _post(client, seminar, email=users["se-editor"].email)
    assert SeminarRegistration.objects.get(page=seminar).user == users["se-editor"]


@pytest.fixture
def past_seminar(db):
    """The Helsinki 2021 seminar with its registrations (Jenni Laaksonen's among them)."""
    return helsinki_seminar()


@pytest.mark.parametrize(
    ("username", "allowed"),
    [("secretariat", True), ("admin", True), ("fi-coordinator", False), ("expert-ngo", False)],
)
def test_only_the_seminars_editors_export_registrations(
    client_for, past_seminar, username, allowed
):
    helsinki = SeminarRegistration.objects.filter(page__slug="helsinki-2021").first().page
    client = client_for(username)
    response = client.get(f"/admin/forms/submissions/{helsinki.pk}/?export=csv")
    if allowed:
        assert response.status_code == 200
        content = (
            b"".join(response.streaming_content).decode()
            if response.streaming
            else response.content.decode()
        )
        assert "Email address" in content
        assert "jenni.laaksonen@tyosuojelu.example" in content
    else:
        assert response.status_code in (302, 403)
        body = response.content.decode() if not response.streaming else ""
        assert "tyosuojelu.example" not in body
