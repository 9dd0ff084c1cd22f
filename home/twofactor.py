"""The second sign-in step for staff: set up an authenticator app, then give its codes.

Built on django-otp: a TOTP device per account (any authenticator app) and ten one-time
backup codes (a static device) for a lost phone. Setting up is only possible while the
account has no confirmed device, and only in a session that has followed a one-time link
mailed to the account's address: a password alone shows no key and confirms no app. A
lost device is removed by a superuser in the Django admin's OTP tables or with
``manage.py shell``, after which the owner sets up again.
"""

import base64
import io
import secrets
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django import forms
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.cache import cache
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.links import absolute_url

from .account_mail import mask_address, send_account_email
from .security import has_confirmed_device, needs_two_factor

BACKUP_CODE_COUNT = 10
PAIRING_SALT = "home.two-factor-pairing"
#: How long the mailed pairing link works, in seconds.
PAIRING_LINK_MAX_AGE = 30 * 60
#: At most one pairing email per account this often, in seconds.
PAIRING_MAIL_INTERVAL = 60
#: Session keys: the link this session asked for, then the proof that it followed it.
PAIRING_REQUEST_KEY = "hub_pairing_request"
PAIRING_PROOF_KEY = "hub_pairing_proof"


class CodeForm(forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=16,
        help_text=_("The six-digit code your authenticator app shows now, or a backup code."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_token(self):
        return "".join(self.cleaned_data["token"].split())


def _next_url(request):
    # Sent with HttpResponseRedirect, never redirect(): that would take a bare word such as
    # "NaN" for a URL name to reverse, and fail on it.
    target = request.POST.get("next") or request.GET.get("next") or "/"
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "/"


def _qr_data_uri(text):
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


@never_cache
@sensitive_post_parameters("token")
@login_required
def verify(request):
    """Ask a signed-in staff member for a code before anything else."""
    next_url = _next_url(request)
    if not needs_two_factor(request.user) or request.user.is_verified():
        return HttpResponseRedirect(next_url)
    if not has_confirmed_device(request.user):
        return redirect(f"{reverse('accounts:two_factor_setup')}?{urlencode({'next': next_url})}")
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        device = form.is_valid() and match_token(request.user, form.cleaned_data["token"])
        if device:
            otp_login(request, device)
            return HttpResponseRedirect(next_url)
        if form.is_valid():
            form.add_error(
                "token",
                _(
                    "That code is not valid. Enter the code your app shows now; after "
                    "several wrong codes, wait a moment before trying again."
                ),
            )
        status = 400
    return render(
        request, "account/two_factor_verify.html", {"form": form, "next": next_url}, status=status
    )


def _pairing_state(user) -> str:
    """Changes when the account signs in again, changes its password or address, or
    confirms a device: a pairing link mailed before any of these no longer works."""
    last_login = user.last_login.isoformat() if user.last_login else ""
    value = f"{user.pk}:{user.password}:{last_login}:{user.email}:{has_confirmed_device(user)}"
    return salted_hmac(PAIRING_SALT, value).hexdigest()[:32]


def pairing_mail_key(user) -> str:
    """The cache key that spaces the account's pairing emails PAIRING_MAIL_INTERVAL apart."""
    return f"hub:pairing-mail:{user.pk}"


def _send_pairing_link(request, next_url) -> bool:
    """Mail a new one-time pairing link for this session; earlier links stop working.

    Returns:
        False, sending nothing, when the account got one less than a minute ago.
    """
    user = request.user
    # add() is atomic in every cache backend: of two requests at once, one sends.
    if not cache.add(pairing_mail_key(user), True, PAIRING_MAIL_INTERVAL):
        return False
    nonce = secrets.token_urlsafe(16)
    request.session[PAIRING_REQUEST_KEY] = {"user": user.pk, "nonce": nonce, "next": next_url}
    token = signing.dumps({"u": user.pk, "n": nonce, "s": _pairing_state(user)}, salt=PAIRING_SALT)
    link = absolute_url(reverse("accounts:two_factor_setup_link", args=[token]))
    context = {"user": user, "link": link, "minutes": PAIRING_LINK_MAX_AGE // 60}
    send_account_email("two_factor_link", context, user.email)
    return True


def _proven_device(request):
    """The unconfirmed device this session may show and confirm: the one created when it
    followed the mailed link. None before that."""
    proof = request.session.get(PAIRING_PROOF_KEY) or {}
    if proof.get("user") != request.user.pk:
        return None
    return TOTPDevice.objects.filter(
        user=request.user, confirmed=False, pk=proof.get("device")
    ).first()


def _ask_for_proof(request, next_url):
    """The pairing step before the mailed link is opened: mail it (once per session
    unless asked again), say where it went, and show no key."""
    user = request.user
    if not user.email:
        return render(request, "account/two_factor_no_email.html", {"next": next_url}, status=403)
    pending = request.session.get(PAIRING_REQUEST_KEY) or {}
    context = {
        "next": next_url,
        "address": mask_address(user.email),
        "minutes": PAIRING_LINK_MAX_AGE // 60,
    }
    status = 200
    if request.method == "POST" and "resend" in request.POST:
        if _send_pairing_link(request, next_url):
            context["resent"] = True
        else:
            context["wait"], status = True, 429
    elif request.method == "POST":
        # A code sent before the link was opened: there is nothing it may confirm.
        context["link_first"], status = True, 403
    elif pending.get("user") != user.pk and not _send_pairing_link(request, next_url):
        context["wait"] = True
    pending = request.session.get(PAIRING_REQUEST_KEY) or {}
    context["sent"] = pending.get("user") == user.pk
    return render(request, "account/two_factor_link_sent.html", context, status=status)


def _refuse_link(request, message, status):
    return render(
        request, "account/two_factor_link_invalid.html", {"message": message}, status=status
    )


@never_cache
@login_required
def setup_link(request, token):
    """The link of the pairing email: in the session that asked for it, and only once,
    it lets this session see a new key and confirm an app."""
    user = request.user
    try:
        data = signing.loads(token[:1000], salt=PAIRING_SALT, max_age=PAIRING_LINK_MAX_AGE)
        user_id, nonce, state = data["u"], data["n"], data["s"]
    except signing.SignatureExpired:
        return _refuse_link(
            request, gettext("This link has expired. Ask for a new one below."), 400
        )
    except (signing.BadSignature, ValueError, TypeError, KeyError):
        return _refuse_link(request, gettext("This link is not valid."), 400)
    if user_id != user.pk:
        return _refuse_link(
            request,
            gettext("This link was sent for another account. It does nothing for yours."),
            403,
        )
    pending = request.session.get(PAIRING_REQUEST_KEY) or {}
    if pending.get("user") != user.pk or not constant_time_compare(
        str(pending.get("nonce", "")), str(nonce)
    ):
        return _refuse_link(
            request,
            gettext(
                "This link was already used, a newer one was sent, or it was asked for in "
                "another browser or sign-in. Open the latest link in the browser where you "
                "signed in, or ask for a new one below."
            ),
            400,
        )
    if not constant_time_compare(str(state), _pairing_state(user)):
        return _refuse_link(
            request,
            gettext(
                "This link no longer works: you signed in again, or your account changed "
                "since it was sent. Ask for a new one below."
            ),
            400,
        )
    del request.session[PAIRING_REQUEST_KEY]
    # A key no one has seen: an unconfirmed device from before is dropped with its key.
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    device = TOTPDevice.objects.create(user=user, name=str(_("Authenticator app")), confirmed=False)
    request.session[PAIRING_PROOF_KEY] = {"user": user.pk, "device": device.pk}
    query = urlencode({"next": pending.get("next") or "/"})
    # Off the token's URL at once: it never sits in history or a Referer header.
    return redirect(f"{reverse('accounts:two_factor_setup')}?{query}")


@never_cache
@sensitive_post_parameters("token")
@login_required
def setup(request):
    """Pair an authenticator app with the account, then show the backup codes once."""
    next_url = _next_url(request)
    user = request.user
    if has_confirmed_device(user):
        if user.is_verified() or not needs_two_factor(user):
            return HttpResponseRedirect(next_url)
        return redirect(f"{reverse('accounts:two_factor_verify')}?{urlencode({'next': next_url})}")
    if not needs_two_factor(user):
        return HttpResponseRedirect(next_url)
    # The device made when this session followed the mailed link, the same across reloads,
    # so the code scanned first keeps working. Without the link: no key, nothing confirmed.
    device = _proven_device(request)
    if device is None:
        return _ask_for_proof(request, next_url)
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid() and device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            request.session.pop(PAIRING_PROOF_KEY, None)
            backup = StaticDevice.objects.create(user=user, name=str(_("Backup codes")))
            codes = [StaticToken.random_token() for _i in range(BACKUP_CODE_COUNT)]
            StaticToken.objects.bulk_create(StaticToken(device=backup, token=c) for c in codes)
            otp_login(request, device)
            return render(
                request, "account/two_factor_codes.html", {"codes": codes, "next": next_url}
            )
        if form.is_valid():
            form.add_error(
                "token",
                _("That code does not match. Check the clock of your phone and try the new code."),
            )
        status = 400
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return render(
        request,
        "account/two_factor_setup.html",
        {
            "form": form,
            "next": next_url,
            "qr_code": _qr_data_uri(device.config_url),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        },
        status=status,
    )
