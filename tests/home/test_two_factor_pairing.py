"""Pairing an authenticator app (issue 21, item 5): the password of a staff account that
has never paired is not enough. The pairing step mails a one-time, expiring link to the
account's address; only the session that asked for it, once it has followed it, sees a
key and may confirm an app."""

import time
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.cache import cache
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from home.twofactor import pairing_mail_key
from tests.accounts import open_pairing_link, pairing_link
from tests.countries.factories import PASSWORD

pytestmark = pytest.mark.django_db

SETUP = "/account/two-factor/setup/"
KEY_MARKERS = ("secret-key", "data:image/svg+xml")
#: The address of the Finnish coordinator's account.
COORDINATOR_ADDRESS = "aino.lehtonen@oikeus.example"


def _user(username):
    return get_user_model().objects.get(username=username)


def _code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def _shows_a_key(response):
    html = response.content.decode()
    return any(marker in html for marker in KEY_MARKERS)


@pytest.fixture(autouse=True)
def _no_recent_pairing_mail(settings):
    """Each test starts with no pairing email sent in the last minute (the cache outlives
    the rolled-back database), and no pause after a wrong code."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    for user in get_user_model().objects.all():
        cache.delete(pairing_mail_key(user))


@pytest.fixture(autouse=True)
def _coordinator_address(db):
    """The Finnish coordinator's account has an address of its own organisation."""
    get_user_model().objects.filter(username="fi-coordinator").update(email=COORDINATOR_ADDRESS)


def _signed_in_with_password(username):
    """A new browser signed in with the account's password, and nothing more."""
    client = Client()
    client.force_login(_user(username))
    return client


def test_the_password_alone_shows_no_key_and_confirms_no_app(mailoutbox):
    coordinator = _user("fi-coordinator")
    # Even a device left over from before, whose code a thief might compute, is no way in.
    leftover = TOTPDevice.objects.create(user=coordinator, name="Leftover", confirmed=False)
    client = _signed_in_with_password("fi-coordinator")
    assert client.get("/admin/")["Location"].startswith(SETUP)
    page = client.get(SETUP, {"next": "/admin/"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "We sent a link to a•••@oikeus.example" in html
    assert not _shows_a_key(page)
    assert leftover.config_url not in html
    assert [m.to for m in mailoutbox] == [[coordinator.email]]
    assert pairing_link(coordinator) is not None

    posted = client.post(SETUP, {"token": _code(leftover), "next": "/admin/"})
    assert posted.status_code == 403
    assert "Open the link we sent you by email first" in posted.content.decode()
    assert not _shows_a_key(posted)
    assert not TOTPDevice.objects.filter(user=coordinator, confirmed=True).exists()
    assert not StaticDevice.objects.filter(user=coordinator).exists()
    assert client.get("/admin/").status_code == 302
    # The other steps of the sign-in show no key either.
    for path in ("/account/two-factor/", "/account/"):
        assert not _shows_a_key(client.get(path, follow=True))


def test_with_the_mailed_link_pairing_works(mailoutbox):
    coordinator = _user("fi-coordinator")
    leftover = TOTPDevice.objects.create(user=coordinator, name="Leftover", confirmed=False)
    client = _signed_in_with_password("fi-coordinator")
    followed = open_pairing_link(client, coordinator, next_url="/admin/pages/")
    assert followed.status_code == 302
    assert followed["Location"] == f"{SETUP}?next=%2Fadmin%2Fpages%2F"
    page = client.get(followed["Location"])
    assert page.status_code == 200 and _shows_a_key(page)
    # A new key: the leftover one, which someone may have seen, is gone.
    assert not TOTPDevice.objects.filter(pk=leftover.pk).exists()
    device = TOTPDevice.objects.get(user=coordinator, confirmed=False)
    # Reloading keeps the key, so the code of the app scanned first works.
    client.get(followed["Location"])
    assert TOTPDevice.objects.get(user=coordinator, confirmed=False) == device

    done = client.post(SETUP, {"token": _code(device), "next": "/admin/pages/"})
    assert done.status_code == 200
    assert StaticDevice.objects.get(user=coordinator).token_set.count() == 10
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200


def test_the_link_works_once(mailoutbox):
    coordinator = _user("fi-coordinator")
    client = _signed_in_with_password("fi-coordinator")
    assert open_pairing_link(client, coordinator).status_code == 302
    again = client.get(pairing_link(coordinator))
    assert again.status_code == 400
    assert "already used" in again.content.decode()
    assert not _shows_a_key(again)


def test_the_link_expires(mailoutbox, monkeypatch):
    coordinator = _user("fi-coordinator")
    client = _signed_in_with_password("fi-coordinator")
    # The link was mailed half an hour and a minute ago.
    monkeypatch.setattr(signing, "time", SimpleNamespace(time=lambda: time.time() - 31 * 60))
    client.get(SETUP)
    monkeypatch.undo()
    response = client.get(pairing_link(coordinator))
    assert response.status_code == 400
    assert "expired" in response.content.decode()
    assert not _shows_a_key(client.get(SETUP))
    assert not TOTPDevice.objects.filter(user=coordinator).exists()


def test_a_link_works_only_in_the_session_that_asked_for_it(mailoutbox):
    """Someone with the password, in another browser, cannot use the owner's link."""
    coordinator = _user("fi-coordinator")
    owner = _signed_in_with_password("fi-coordinator")
    thief = _signed_in_with_password("fi-coordinator")
    owner.get(SETUP)
    link = pairing_link(coordinator)
    response = thief.get(link)
    assert response.status_code == 400
    assert not _shows_a_key(thief.get(SETUP))
    assert not TOTPDevice.objects.filter(user=coordinator).exists()
    # The owner's own session still can.
    assert owner.get(link).status_code == 302
    assert _shows_a_key(owner.get(SETUP))


def test_another_accounts_link_does_nothing(mailoutbox):
    finn = _signed_in_with_password("fi-coordinator")
    finn.get(SETUP)
    link = pairing_link(_user("fi-coordinator"))
    dane = _signed_in_with_password("dk-coordinator")
    response = dane.get(link)
    assert response.status_code == 403
    assert "another account" in response.content.decode()
    assert not _shows_a_key(dane.get(SETUP))
    assert not TOTPDevice.objects.filter(user__username__in=["fi-coordinator", "dk-coordinator"])


def test_signing_in_again_ends_the_links_sent_before(mailoutbox):
    coordinator = _user("fi-coordinator")
    client = _signed_in_with_password("fi-coordinator")
    client.get(SETUP)
    link = pairing_link(coordinator)
    client.force_login(_user("fi-coordinator"))  # a new sign-in, in the same browser
    response = client.get(link)
    assert response.status_code == 400
    assert "signed in again" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=coordinator).exists()


@pytest.mark.parametrize(
    "token",
    ["", "nonsense", "eyJ1IjoxfQ:abc:def", "x" * 3000, "%00%0A"],
)
def test_a_forged_link_is_refused(mailoutbox, token):
    client = _signed_in_with_password("fi-coordinator")
    client.get(SETUP)
    response = client.get(f"{SETUP}{token}/")
    assert response.status_code in (400, 404)  # "" is the setup page's own address
    if token:
        assert response.status_code == 400
    assert not _shows_a_key(client.get(SETUP))


def test_a_new_link_is_sent_at_most_once_a_minute(mailoutbox):
    coordinator = _user("fi-coordinator")
    client = _signed_in_with_password("fi-coordinator")
    client.get(SETUP)
    client.get(SETUP)  # reloading sends nothing more
    assert len(mailoutbox) == 1
    first = pairing_link(coordinator)
    refused = client.post(SETUP, {"resend": "1"})
    assert refused.status_code == 429
    assert "Wait a minute" in refused.content.decode()
    assert len(mailoutbox) == 1
    # A minute later (the rate limit's entry has expired): a new link, and only it works.
    cache.delete(pairing_mail_key(coordinator))
    resent = client.post(SETUP, {"resend": "1"})
    assert resent.status_code == 200
    assert "We sent a new link" in resent.content.decode()
    assert len(mailoutbox) == 2
    second = pairing_link(coordinator)
    assert second != first
    assert client.get(first).status_code == 400
    assert client.get(second).status_code == 302


def test_an_account_without_an_address_cannot_pair(mailoutbox):
    coordinator = _user("fi-coordinator")
    coordinator.email = ""
    coordinator.save()
    client = _signed_in_with_password("fi-coordinator")
    response = client.get(SETUP)
    assert response.status_code == 403
    assert "Ask a superuser" in response.content.decode()
    assert not _shows_a_key(response)
    assert client.post(SETUP, {"resend": "1"}).status_code == 403
    assert mailoutbox == []
    assert not TOTPDevice.objects.filter(user=coordinator).exists()


def test_the_address_cannot_be_moved_before_the_second_step(mailoutbox):
    """Someone with only the password cannot send the pairing link elsewhere first."""
    coordinator = _user("fi-coordinator")
    client = _signed_in_with_password("fi-coordinator")
    response = client.post(
        "/account/email/",
        {"email": "thief@example.org", "password": PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"].startswith(SETUP)
    assert not any("thief@example.org" in m.to for m in mailoutbox)
    coordinator.refresh_from_db()
    assert coordinator.email == COORDINATOR_ADDRESS
