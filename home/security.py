"""Who must prove a second factor, how long a session lives, and ending sessions on demand.

Everyone who can use the admin (staff) signs in with a password and then a code from an
authenticator app (``home/twofactor.py``); until their session is verified, every request
they make is sent to that step. A session ends after ``SESSION_COOKIE_AGE`` or after
``SESSION_IDLE_TIMEOUT`` seconds without a request, and all of an account's sessions end
the moment it is deactivated.
"""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.auth.views import redirect_to_login
from django.contrib.sessions.models import Session
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp import devices_for_user

from countries.permissions import may_access_admin

LAST_SEEN_KEY = "hub_last_seen"
# The last-seen time is written at most this often, so reading a page rarely writes.
LAST_SEEN_RESOLUTION_S = 60
# Paths a staff member reaches before the second factor: the step itself, signing out,
# switching language, and what pages need to render.
TWO_FACTOR_OPEN_PATHS = ("/account/two-factor/", "/account/logout/", "/i18n/", "/static/")


def needs_two_factor(user):
    """True for every account that can use the admin (``may_access_admin``)."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.is_staff or may_access_admin(user)


def has_confirmed_device(user):
    return any(True for _device in devices_for_user(user, confirmed=True))


class StaffTwoFactorMiddleware:
    """Send a staff session that has not passed the second factor to that step."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()
            and not request.path.startswith(TWO_FACTOR_OPEN_PATHS)
            and needs_two_factor(user)
        ):
            step = "verify" if has_confirmed_device(user) else "setup"
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse(f'accounts:two_factor_{step}')}?{query}")
        return self.get_response(request)


class IdleSessionMiddleware:
    """Sign out a session that has made no request for SESSION_IDLE_TIMEOUT seconds."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(LAST_SEEN_KEY)
            if last_seen is not None and now - last_seen > settings.SESSION_IDLE_TIMEOUT:
                logout(request)
                messages.info(
                    request,
                    _("You were signed out after %(minutes)d minutes without activity.")
                    % {"minutes": settings.SESSION_IDLE_TIMEOUT // 60},
                )
                return redirect_to_login(request.get_full_path(), reverse(settings.LOGIN_URL))
            if last_seen is None or now - last_seen >= LAST_SEEN_RESOLUTION_S:
                request.session[LAST_SEEN_KEY] = now
        return self.get_response(request)


def end_sessions(user):
    """Delete every stored session signed in as ``user``; return how many ended."""
    ended = []
    live = Session.objects.filter(expire_date__gt=timezone.now())
    for session in live.iterator(chunk_size=500):
        data = session.get_decoded()
        if data.get(SESSION_KEY) == str(user.pk):
            ended.append(session.pk)
    Session.objects.filter(pk__in=ended).delete()
    return len(ended)


def note_deactivation(sender, instance, raw=False, **kwargs):
    """pre_save of the user model: remember whether this save deactivates the account."""
    instance._hub_deactivating = (
        not raw
        and not instance.is_active
        and instance.pk is not None
        and sender.objects.filter(pk=instance.pk, is_active=True).exists()
    )


def end_sessions_of_deactivated(sender, instance, raw=False, **kwargs):
    """post_save of the user model: a deactivated account is signed out everywhere."""
    if getattr(instance, "_hub_deactivating", False):
        instance._hub_deactivating = False
        end_sessions(instance)
