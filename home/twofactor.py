"""The second sign-in step for staff: set up an authenticator app, then give its codes.

Built on django-otp: a TOTP device per account (any authenticator app) and ten one-time
backup codes (a static device) for a lost phone. Setting up is only possible while the
account has no confirmed device, so someone who learns a password cannot add their own
app; a lost device is removed by a superuser in the Django admin's OTP tables or with
``manage.py shell``, after which the owner sets up again.
"""

import base64
import io
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .security import has_confirmed_device, needs_two_factor

BACKUP_CODE_COUNT = 10


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
    # The same unconfirmed device across reloads, so the code scanned first keeps working.
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name=str(_("Authenticator app")), confirmed=False
        )
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid() and device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
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
