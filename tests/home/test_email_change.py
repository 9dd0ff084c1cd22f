"""Changing an account's email address (issue 21, item 3): never without proof that the new
address is the user's. Wagtail's account settings no longer change it; the hub's own
change mails a one-time, expiring link to the new address and a notice to the old one."""

import re
import time
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.test import Client

from tests.countries.factories import PASSWORD

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://[^\s/]+(/account/email/confirm/[^\s/]+/)")
NEW = "Kari.Nordmann@Example.org"


def _user(username):
    return get_user_model().objects.get(username=username)


def _ask(client, address=NEW, password=None):
    return client.post(
        "/account/email/",
        {"email": address, "password": password or PASSWORD},
    )


def _link_sent_to(mailoutbox, address):
    links = [
        LINK.search(message.body).group(1)
        for message in mailoutbox
        if message.to == [address] and LINK.search(message.body)
    ]
    assert links, f"no link was mailed to {address}"
    return links[-1]


@pytest.fixture(autouse=True)
def other_account_address(db):
    """Another account's address, as the test accounts have them: the Finnish coordinator
    is Aino Lehtonen at aino.lehtonen@oikeus.example."""
    get_user_model().objects.filter(username="fi-coordinator").update(
        first_name="Aino", last_name="Lehtonen", email="aino.lehtonen@oikeus.example"
    )


@pytest.fixture
def signing_clock(monkeypatch):
    """Sign links as if at another moment: ``signing_clock(-seconds)`` for the past."""

    def shift(seconds):
        monkeypatch.setattr(signing, "time", SimpleNamespace(time=lambda: time.time() + seconds))

    yield shift
    monkeypatch.undo()


# --- Wagtail's account settings ---------------------------------------------------------


def test_wagtail_account_settings_no_longer_change_the_address(client_for):
    client = client_for("se-editor")
    before = _user("se-editor").email
    page = client.get("/admin/account/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="name_email-email"' not in html
    # The panel in its place shows the address and links to the hub's verified change.
    assert before in html and 'href="/account/email/"' in html
    response = client.post(
        "/admin/account/",
        {
            "name_email-first_name": "Sara",
            "name_email-last_name": "Renamed",
            "name_email-email": "aino.lehtonen@oikeus.example",
            "locale-preferred_language": "en",
            "locale-current_time_zone": "Europe/Stockholm",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
        },
    )
    # The form was saved (the name changed), and the address was not part of it.
    assert response.status_code == 302
    editor = _user("se-editor")
    assert editor.last_name == "Renamed"
    assert editor.email == before


def test_the_profile_links_to_the_change_of_address(client_for):
    html = client_for("expert-ngo").get("/account/").content.decode()
    assert 'href="/account/email/"' in html


def test_anonymous_visitors_are_sent_to_sign_in(client):
    for path in ("/account/email/", "/account/email/confirm/anything/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/account/login/")


# --- The hub's change of address --------------------------------------------------------


def test_a_new_address_is_set_by_the_link_mailed_to_it(client_for, mailoutbox):
    client = client_for("expert-ngo")
    old = _user("expert-ngo").email
    form = client.get("/account/email/")
    assert form.status_code == 200
    sent = _ask(client)
    assert sent.status_code == 200
    assert "Check your email" in sent.content.decode()
    # Nothing changes before the link is opened.
    assert _user("expert-ngo").email == old
    link = _link_sent_to(mailoutbox, "Kari.Nordmann@example.org")
    notice = [m for m in mailoutbox if m.to == [old]]
    assert len(notice) == 1
    assert "/account/email/confirm/" not in notice[0].body  # the old address gets no link
    assert all(m.from_email == settings.DEFAULT_FROM_EMAIL for m in mailoutbox)

    opened = client.get(link)
    assert opened.status_code == 302
    assert opened["Location"] == "/account/"
    assert _user("expert-ngo").email == "Kari.Nordmann@example.org"
    assert "Kari.Nordmann@example.org" in client.get("/account/").content.decode()

    # The link works once.
    again = client.get(link)
    assert again.status_code == 400
    assert "already used" in again.content.decode()


def test_the_emails_are_written_in_the_language_of_the_request(client_for, mailoutbox):
    client = client_for("expert-ngo")
    client.post("/i18n/setlang/", {"language": "sv", "next": "/"})
    assert _ask(client).status_code == 200
    assert {m.extra_headers["Content-Language"] for m in mailoutbox} == {"sv"}


def test_a_wrong_password_sends_nothing(client_for, mailoutbox):
    client = client_for("expert-ngo")
    response = _ask(client, password="not-the-password")
    assert response.status_code == 400
    assert "not your password" in response.content.decode()
    assert mailoutbox == []


def test_wrong_passwords_lock_the_account_out_as_at_sign_in(client_for, mailoutbox):
    """A stolen session cannot be used to guess the password: wrong ones count as wrong
    sign-ins (django-axes), and after five even the right one is refused for a while."""
    client = client_for("expert-ngo")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        _ask(client, password="not-the-password")

    response = _ask(client)
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert mailoutbox == []
    signing_in = Client().post("/account/login/", {"username": "expert-ngo", "password": PASSWORD})
    assert signing_in.status_code == 429


@pytest.mark.parametrize(
    "address", ["AINO.LEHTONEN@oikeus.example", "aino.lehtonen@OIKEUS.example"]
)
def test_another_accounts_address_is_refused_without_naming_the_account(
    client_for, mailoutbox, address
):
    client = client_for("se-editor")
    response = _ask(client, address=address)
    assert response.status_code == 400
    html = response.content.decode()
    assert "belongs to another account" in html
    assert "fi-coordinator" not in html and "Lehtonen" not in html
    assert mailoutbox == []


def test_the_accounts_own_address_is_refused(client_for, mailoutbox):
    client = client_for("expert-ngo")
    response = _ask(client, address=_user("expert-ngo").email.upper())
    assert response.status_code == 400
    assert mailoutbox == []


@pytest.mark.parametrize("value", ["", "not-an-address", "a@b", "x" * 300 + "@example.org"])
def test_a_malformed_address_is_refused(client_for, mailoutbox, value):
    response = _ask(client_for("expert-ngo"), address=value)
    assert response.status_code == 400
    assert mailoutbox == []


def test_an_expired_link_changes_nothing(client_for, mailoutbox, signing_clock):
    client = client_for("expert-ngo")
    old = _user("expert-ngo").email
    signing_clock(-(3 * 24 * 60 * 60 + 60))  # asked for three days and a minute ago
    _ask(client)
    signing_clock(0)
    response = client.get(_link_sent_to(mailoutbox, "Kari.Nordmann@example.org"))
    assert response.status_code == 400
    assert "expired" in response.content.decode()
    assert _user("expert-ngo").email == old


@pytest.mark.parametrize(
    "tamper",
    [
        lambda link: link.replace("/confirm/", "/confirm/x"),
        lambda link: link[:-3] + ("A" if link[-3] != "A" else "B") + link[-2:],
        lambda link: "/account/email/confirm/" + "A" * 5000 + "/",
        lambda link: "/account/email/confirm/%00%27%22%3Cscript%3E/",
    ],
)
def test_a_tampered_link_changes_nothing(client_for, mailoutbox, tamper):
    client = client_for("expert-ngo")
    old = _user("expert-ngo").email
    _ask(client)
    response = client.get(tamper(_link_sent_to(mailoutbox, "Kari.Nordmann@example.org")))
    assert response.status_code == 400
    assert "not valid" in response.content.decode()
    assert _user("expert-ngo").email == old


def test_another_accounts_link_changes_nothing(client_for, mailoutbox):
    client = client_for("expert-ngo")
    _ask(client)
    link = _link_sent_to(mailoutbox, "Kari.Nordmann@example.org")
    police = _user("expert-police").email
    ngo = _user("expert-ngo").email
    other = client_for("expert-police")
    response = other.get(link)
    assert response.status_code == 403
    assert "another account" in response.content.decode()
    assert _user("expert-police").email == police
    assert _user("expert-ngo").email == ngo


def test_a_link_dies_when_the_address_changes_another_way(client_for, mailoutbox):
    client = client_for("expert-ngo")
    _ask(client, address="first@example.org")
    _ask(client, address="second@example.org")
    first = _link_sent_to(mailoutbox, "first@example.org")
    second = _link_sent_to(mailoutbox, "second@example.org")
    assert client.get(second).status_code == 302
    response = client.get(first)
    assert response.status_code == 400
    assert _user("expert-ngo").email == "second@example.org"


def test_an_address_taken_meanwhile_is_refused(client_for, mailoutbox):
    client = client_for("expert-ngo")
    old = _user("expert-ngo").email
    _ask(client)
    link = _link_sent_to(mailoutbox, "Kari.Nordmann@example.org")
    police = _user("expert-police")
    police.email = "kari.nordmann@example.org"  # as a superuser may set it
    police.save()
    response = client.get(link)
    assert response.status_code == 409
    assert "belongs to another account" in response.content.decode()
    assert _user("expert-ngo").email == old
