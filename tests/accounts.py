"""Signing test clients in as a person would be after the whole sign-in, second step included."""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from home.security import needs_two_factor


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
