"""The tracker's emails carry the hub's headers (``core/mailer.py``), and the follow and
digest emails an unsubscribe link (RFC 8058 one-click) that works without signing in
(issue 21, item 10)."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.management import call_command
from django.test import Client

from countries.models import Country
from recommendations.choices import Status
from recommendations.models import Follow, Implementation
from recommendations.updates import apply_update
from tests.mail_headers import BASE_URL, check_hub_email, unsubscribe_path

from .factories import impl_of, publish_recommendation

pytestmark = pytest.mark.django_db

ONE_CLICK = "List-Unsubscribe=One-Click"


@pytest.fixture(autouse=True)
def _base_url(settings):
    settings.BASE_URL = BASE_URL


@pytest.fixture
def reader():
    return get_user_model().objects.create_user("reader", "reader@example.org", "x")


@pytest.fixture
def status_change(users, reader, mailoutbox, django_capture_on_commit_callbacks):
    """A followed recommendation and a followed country, and the emails of one change.

    Returns:
        (recommendation page, {follow target: the reader's email about it})
    """
    page = publish_recommendation("R-2096-01", countries=("FI",))
    Follow.objects.create(user=reader, recommendation=page, language="en")
    other = get_user_model().objects.create_user("reader-fi", "reader-fi@example.org", "x")
    Follow.objects.create(user=other, country=Country.objects.get(code="FI"), language="fi")
    with django_capture_on_commit_callbacks(execute=True):
        apply_update(
            impl_of(page, "FI"),
            users["fi-coordinator"],
            {"status": Status.IN_PROGRESS},
            note="A long note → with “quotes” and ä.",
        )
    by_address = {m.to[0]: m for m in mailoutbox}
    return page, by_address["reader@example.org"], by_address["reader-fi@example.org"]


def _body_link(message) -> str:
    (link,) = re.findall(rf"{BASE_URL}/recommendations/unsubscribe/[^/\s]+/", message.body)
    return link


def test_a_status_change_email_has_the_headers_and_a_direct_unfollow_link(status_change):
    _page, message, country_message = status_change
    parsed = check_hub_email(message, unsubscribe=True)
    assert parsed["Content-Language"] == "en"
    # The body's link is the header's: the one-click address, opened in a browser.
    assert parsed["List-Unsubscribe"] == f"<{_body_link(message)}>"
    assert f"To stop following, open {_body_link(message)}" in message.body
    # In Finnish, with its own link (the country's follow); the subject is non-ASCII.
    parsed = check_hub_email(country_message, unsubscribe=True)
    assert parsed["Content-Language"] == "fi"
    assert _body_link(country_message) != _body_link(message)


def test_the_one_click_post_without_cookies_stops_the_follow(status_change, reader):
    page, message, _country_message = status_change
    path = unsubscribe_path(check_hub_email(message, unsubscribe=True))
    # A mail client: no session, no CSRF cookie or token, the body of RFC 8058.
    mail_client = Client(enforce_csrf_checks=True)
    response = mail_client.post(path, ONE_CLICK, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert not Follow.objects.filter(user=reader, recommendation=page).exists()
    assert "You no longer follow R-2096-01." in response.content.decode()
    # Twice is fine, and the other follower still follows Finland.
    again = mail_client.post(path, ONE_CLICK, content_type="application/x-www-form-urlencoded")
    assert again.status_code == 200
    assert Follow.objects.filter(country__code="FI", user__username="reader-fi").exists()


def test_opening_the_link_asks_before_stopping(status_change, reader, client):
    page, message, _country_message = status_change
    response = client.get(_body_link(message).removeprefix(BASE_URL))
    assert response.status_code == 200
    html = response.content.decode()
    # Link scanners open links: a GET stops nothing, it offers a button that posts.
    assert Follow.objects.filter(user=reader, recommendation=page).exists()
    assert '<form method="post"' in html and "Stop following R-2096-01</button>" in html
    assert "no-store" in response["Cache-Control"]
    response = client.post(_body_link(message).removeprefix(BASE_URL))
    assert response.status_code == 200
    assert not Follow.objects.filter(user=reader, recommendation=page).exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_tampered_token_is_refused_with_a_message(status_change, reader, method):
    page, message, _country_message = status_change
    path = unsubscribe_path(check_hub_email(message, unsubscribe=True))
    token = path.rstrip("/").rsplit("/", 1)[1]
    forged = signing.dumps([reader.pk, "all", None], salt="another.salt")
    for bad in (token[:-2] + "xy", token[:20], forged, "x" * 5000, "%00", "a:b:c"):
        response = getattr(Client(enforce_csrf_checks=True), method)(
            f"/recommendations/unsubscribe/{bad}/"
        )
        assert response.status_code == 400, bad
        assert "This link is not valid." in response.content.decode()
    assert Follow.objects.filter(user=reader, recommendation=page).exists()


def test_the_digest_has_the_headers_and_its_link_stops_every_follow(
    users, reader, mailoutbox, django_capture_on_commit_callbacks
):
    page = publish_recommendation("R-2096-02", countries=("FI", "SE"))
    Follow.objects.create(user=reader, recommendation=page)
    Follow.objects.create(user=reader, country=Country.objects.get(code="SE"))
    apply_update(impl_of(page, "FI"), users["fi-coordinator"], {"status": Status.PLANNED}, note="x")
    mailoutbox.clear()
    call_command("send_tracker_digest", stdout=io.StringIO())
    (digest,) = [m for m in mailoutbox if m.to == [reader.email]]
    parsed = check_hub_email(digest, unsubscribe=True)
    link = _body_link(digest)
    assert parsed["List-Unsubscribe"] == f"<{link}>"
    assert f"To stop following everything at once, with no more digests: {link}" in digest.body

    page_html = Client().get(link.removeprefix(BASE_URL)).content.decode()
    assert "This stops every follow of yours" in page_html
    response = Client(enforce_csrf_checks=True).post(
        unsubscribe_path(parsed), ONE_CLICK, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert "You follow nothing in the recommendation tracker any more" in response.content.decode()
    assert not Follow.objects.filter(user=reader).exists()


def test_reminders_have_the_headers_but_no_unsubscribe(users, mailoutbox):
    page = publish_recommendation("R-2096-03", countries=("FI",))
    Implementation.objects.exclude(recommendation=page).update(
        last_reminded_at="2099-01-01T00:00:00Z"
    )
    Implementation.objects.filter(recommendation=page).update(target_date="2000-01-01")
    call_command("send_tracker_reminders", stdout=io.StringIO())
    (reminder,) = [m for m in mailoutbox if m.to == [users["fi-coordinator"].email]]
    # A coordinator's duty, not a subscription: nothing to unsubscribe from.
    check_hub_email(reminder, unsubscribe=False)
