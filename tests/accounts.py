"""Signing test clients in as a person would be after the whole sign-in, second step included."""

import re

from django.core import mail
from django.core.cache import cache
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from home.security import needs_two_factor
from home.twofactor import pairing_mail_key

PAIRING_LINK = re.compile(r"https?://[^\s/]+(/account/two-factor/setup/[^\s/]+/)")


def sign_in(client, user):
    """Sign ``client`` in as ``user``; a staff account also passes the second step, with a
    confirmed authenticator app as if it had entered that app's code."""
    client.force_login(user)
    if needs_two_factor(user):
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="Test app", confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def pairing_link(user):
    """The path of the pairing link last mailed to ``user``'s address (None if none was)."""
    for message in reversed(mail.outbox):
        found = message.to == [user.email] and PAIRING_LINK.search(message.body)
        if found:
            return found.group(1)
    return None


def open_pairing_link(client, user, next_url="/"):
    """Take a staff account that has no app yet to the point where it can pair one, as its
    owner would: the pairing step mails a link to the account's address, and following it
    in the same session shows the key. Returns the response of the link (a redirect)."""
    cache.delete(pairing_mail_key(user))  # an earlier test's email does not hold this back
    client.get("/account/two-factor/setup/", {"next": next_url})
    link = pairing_link(user)
    assert link is not None, f"no pairing link was mailed to {user.email}"
    return client.get(link)
