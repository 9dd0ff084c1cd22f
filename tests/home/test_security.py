"""Sign-in security and response headers: the second step for staff, throttling, session
lifetime, deactivation, password rules and the production checks."""

import os
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from home.security import LAST_SEEN_KEY, needs_two_factor
from tests.accounts import open_pairing_link
from tests.countries.factories import PASSWORD

pytestmark = pytest.mark.django_db


# The environment a deployment has: not the browser tests' DJANGO_ALLOW_ASYNC_UNSAFE.
DEPLOY_ENV = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}


def manage(env, *arguments):
    """Run our manage.py in a process of its own with ``env``."""
    return subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *arguments],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def user(username):
    return get_user_model().objects.get(username=username)


def current_code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


# --- Response headers ---------------------------------------------------------------------


def test_public_pages_carry_a_strict_content_security_policy(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "object-src 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_the_admin_keeps_its_own_inline_code_but_not_framing(client_for):
    response = client_for("admin").get("/admin/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
    assert response["X-Frame-Options"] == "DENY"


def test_public_templates_use_no_inline_style_or_script(client, page_at):
    """The policy forbids inline code: the tracker's progress bar is drawn without it."""
    for path in ["/", "/tracker/", "/tracker/fi/", "/practices/"]:
        html = client.get(path, follow=True).content.decode()
        assert ' style="' not in html, path
        assert "<script>" not in html and '<script type="text/javascript">' not in html, path


@pytest.mark.parametrize("settings_module", ["hub.settings.production"])
def test_production_settings_pass_the_deploy_check_without_a_warning(settings_module):
    env = {
        **DEPLOY_ENV,
        "DJANGO_SETTINGS_MODULE": settings_module,
        "SECRET_KEY": "k" * 20 + "-production-like-secret-" + "q7" * 10,
        "ALLOWED_HOSTS": "hub.example.org",
        "DATABASE_URL": f"sqlite:///{settings.BASE_DIR / 'var' / 'deploy-check.sqlite3'}",
    }
    result = manage(env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


# --- Two-factor sign-in for staff ---------------------------------------------------------


def test_who_needs_a_second_factor(users):
    assert needs_two_factor(users["admin"])
    assert needs_two_factor(users["fi-coordinator"])
    assert needs_two_factor(users["secretariat"])
    assert not needs_two_factor(users["expert-ngo"])


def test_admin_access_given_to_an_account_or_its_group_needs_a_second_factor_at_once(users):
    from django.contrib.auth.models import Group, Permission

    access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    police, ngo = users["expert-police"], users["expert-ngo"]
    assert not police.is_staff and not needs_two_factor(police)
    police.user_permissions.add(access)
    assert needs_two_factor(police)
    helpers = Group.objects.create(name="Admin helpers")
    helpers.permissions.add(access)
    ngo.groups.add(helpers)
    assert needs_two_factor(ngo)
    ngo.is_active = False
    assert not needs_two_factor(ngo)


def test_staff_set_up_an_app_before_anything_else(client, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # the wrong code below would delay the right one
    coordinator = user("fi-coordinator")
    client.force_login(coordinator)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/account/two-factor/setup/?next=%2Fadmin%2Fpages%2F"
    # Public pages too: the session is not fully signed in yet.
    assert client.get("/practices/")["Location"].startswith("/account/two-factor/setup/")

    # The owner follows the link the pairing step mails to the account's address.
    followed = open_pairing_link(client, coordinator, next_url="/admin/pages/")
    assert followed["Location"] == response["Location"]
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert b"data:image/svg+xml;base64," in page.content
    device = TOTPDevice.objects.get(user=coordinator, confirmed=False)
    # Reloading keeps the same key, so a code from the app scanned first still works.
    client.get(response["Location"])
    assert TOTPDevice.objects.filter(user=coordinator).count() == 1

    wrong = client.post("/account/two-factor/setup/", {"token": "000000", "next": "/admin/"})
    assert wrong.status_code == 400
    assert "does not match" in wrong.content.decode()

    done = client.post(
        "/account/two-factor/setup/", {"token": current_code(device), "next": "/admin/pages/"}
    )
    assert done.status_code == 200
    codes = StaticToken.objects.filter(device__user=coordinator)
    assert codes.count() == 10
    assert all(code.token in done.content.decode() for code in codes)
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200


def test_a_confirmed_app_is_asked_for_and_backup_codes_work_once(client, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    editor = user("fi-editor")
    TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True)
    client.force_login(editor)
    to_verify = client.get("/admin/")["Location"]
    assert to_verify == "/account/two-factor/?next=%2Fadmin%2F"
    # Someone with only the password cannot pair their own app instead.
    assert client.get("/account/two-factor/setup/")["Location"].startswith("/account/two-factor/")
    assert TOTPDevice.objects.filter(user=editor).count() == 1

    assert client.post(to_verify, {"token": "123456"}).status_code == 400
    static = editor.staticdevice_set.create(name="Backup codes")
    static.token_set.create(token="abcd2345")
    response = client.post(to_verify, {"token": "abcd 2345", "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert not static.token_set.exists()


def test_the_second_step_never_redirects_elsewhere(client):
    editor = user("fi-editor")
    device = TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True)
    client.force_login(editor)
    response = client.post(
        "/account/two-factor/",
        {"token": current_code(device), "next": "https://evil.example/steal"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_members_who_are_not_staff_have_no_second_step(client):
    client.force_login(user("expert-ngo"))
    assert client.get("/practices/").status_code == 200
    assert client.get("/account/two-factor/")["Location"] == "/"


# --- Sign-in throttling -------------------------------------------------------------------


@pytest.mark.parametrize("login_path", ["/account/login/", "/admin/login/"])
def test_repeated_wrong_passwords_lock_the_sign_in(client, login_path):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(login_path, {"username": "expert-ngo", "password": "wrong"})
        assert response.status_code == 200
    locked = client.post(login_path, {"username": "expert-ngo", "password": "wrong"})
    assert locked.status_code == 429
    assert "Try again in 15 minutes" in locked.content.decode()
    # Even the right password is refused while the lock lasts.
    right = client.post(login_path, {"username": "expert-ngo", "password": PASSWORD})
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session
    # Another account from the same address is not locked out by it.
    other = client.post("/account/login/", {"username": "expert-police", "password": PASSWORD})
    assert other.status_code == 302


# --- Session lifetime ---------------------------------------------------------------------


def test_an_idle_session_ends(client):
    client.force_login(user("expert-ngo"))
    assert client.get("/account/").status_code == 200
    session = client.session
    session[LAST_SEEN_KEY] = int(time.time()) - settings.SESSION_IDLE_TIMEOUT - 5
    session.save()
    response = client.get("/account/")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/?next=/account/")
    assert "_auth_user_id" not in client.session
    page = client.get(response["Location"])
    assert "signed out after 30 minutes without activity" in page.content.decode()


def test_an_active_session_stays(client):
    client.force_login(user("expert-ngo"))
    client.get("/account/")
    session = client.session
    session[LAST_SEEN_KEY] = int(time.time()) - settings.SESSION_IDLE_TIMEOUT + 60
    session.save()
    assert client.get("/account/").status_code == 200
    assert client.session[LAST_SEEN_KEY] >= int(time.time()) - 5


def test_sessions_are_capped_at_eight_hours():
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60


def test_deactivating_an_account_ends_its_sessions(client):
    member = user("expert-police")
    client.force_login(member)
    bystander = Client()
    bystander.force_login(user("expert-ngo"))
    assert Session.objects.count() >= 2
    member.is_active = False
    member.save()
    assert not any(
        s.get_decoded().get("_auth_user_id") == str(member.pk) for s in Session.objects.all()
    )
    assert client.get("/account/").status_code == 302
    assert bystander.get("/account/").status_code == 200


# --- Passwords ----------------------------------------------------------------------------


@pytest.mark.parametrize("password", ["short1", "password1234", "1234567890123", "expert-ngo1"])
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password, user=user("expert-ngo"))


def test_a_strong_password_is_accepted():
    assert validate_password("violet-harbour-tram-1907", user=user("expert-ngo")) is None


def test_the_scale_out_configuration_resolves_and_passes_the_deploy_check():
    """What bin/serve-prod runs: PostgreSQL, the database search backend, Redis, a task
    queue worked off by db_worker, static files from WhiteNoise."""
    env = {
        **DEPLOY_ENV,
        "DJANGO_SETTINGS_MODULE": "hub.settings.production",
        "SECRET_KEY": "scale-out-" + "".join(chr(97 + (i * 7) % 26) for i in range(60)),
        "ALLOWED_HOSTS": "hub.example.org",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/hub",
        "SEARCH_BACKEND": "database",
        "CACHE_URL": "redis://127.0.0.1:6379/1",
    }
    show = (
        "from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE']); "
        "print(s.WAGTAILSEARCH_BACKENDS['default']['BACKEND']); "
        "print(s.CACHES['default']['BACKEND']); "
        "print(s.TASKS['default']['BACKEND']); "
        "print('whitenoise.middleware.WhiteNoiseMiddleware' in s.MIDDLEWARE)"
    )
    result = manage(env, "shell", "--verbosity", "0", "-c", show)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "wagtail.search.backends.database",
        "core.redis_cache.RedisCache",  # Django's Redis backend, one client per pool
        "django_tasks_db.DatabaseBackend",
        "True",
    ]
    check = manage(env, "check", "--deploy", "--fail-level", "WARNING")
    assert check.returncode == 0, check.stdout + check.stderr
