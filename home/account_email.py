"""Changing an account's email address, only ever with proof that the new one is the user's.

The address matters: password resets and the tracker's emails go to it. Wagtail's own
account settings would change it unchecked, so they leave it out
(``WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False``); here a signed-in user asks for a new
address, a signed link valid for three days goes to that address (and a notice to the old
one), and following it while signed in as that user sets it. The link carries a
fingerprint of the address it was asked from, so it dies with any change of address,
its own included: it works once.
"""

import logging

from axes.helpers import get_lockout_response
from django import forms
from django.contrib import messages
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables

from core.links import absolute_url

from .account_mail import send_account_email

logger = logging.getLogger("hub.accounts")

SALT = "home.email-change"
#: How long the link works, in seconds (three days, like the password reset link).
MAX_AGE = 3 * 24 * 60 * 60


def _fingerprint(user) -> str:
    """Changes whenever the account's address changes."""
    return salted_hmac(SALT, f"{user.pk}:{user.email.strip().lower()}").hexdigest()[:32]


def address_taken(address: str, user) -> bool:
    """True when another account has ``address`` (in any case)."""
    return get_user_model().objects.filter(email__iexact=address).exclude(pk=user.pk).exists()


def make_token(user, address: str) -> str:
    """The signed token of the link that sets ``address`` on ``user``'s account."""
    return signing.dumps({"u": user.pk, "e": address, "h": _fingerprint(user)}, salt=SALT)


class EmailChangeForm(forms.Form):
    email = forms.EmailField(
        label=_("New email address"),
        max_length=254,
        help_text=_("We will send a link to it; the address changes when you open that link."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, request, *args, **kwargs):
        self.request = request
        self.user = request.user
        super().__init__(*args, **kwargs)

    def clean_email(self):
        address = get_user_model().objects.normalize_email(self.cleaned_data["email"].strip())
        if address.lower() == (self.user.email or "").strip().lower():
            raise forms.ValidationError(_("This is already the address of your account."))
        if address_taken(address, self.user):
            # Never which account: only that the address cannot be used.
            raise forms.ValidationError(
                _("This address belongs to another account. Use another address.")
            )
        return address

    @sensitive_variables("password")
    def clean_password(self):
        password = self.cleaned_data["password"]
        # Through authenticate(), not check_password(): django-axes counts a wrong password
        # here as at sign-in, so a stolen session cannot be used to guess it.
        checked = authenticate(self.request, username=self.user.get_username(), password=password)
        if checked is None or checked.pk != self.user.pk:
            raise forms.ValidationError(_("That is not your password."))
        return password


@never_cache
@sensitive_post_parameters("password")
@login_required
def change(request):
    """Ask for a new address: the link goes to it, a notice to the old one."""
    user = request.user
    form = EmailChangeForm(request, request.POST or None)
    if request.method == "POST":
        valid = form.is_valid()
        if getattr(request, "axes_locked_out", False):
            return get_lockout_response(request, credentials={"username": user.get_username()})
        if valid:
            address = form.cleaned_data["email"]
            link = absolute_url(
                reverse("accounts:email_change_confirm", args=[make_token(user, address)])
            )
            context = {"user": user, "address": address, "link": link, "days": MAX_AGE // 86400}
            send_account_email("email_change_link", context, address)
            if user.email:
                send_account_email("email_change_notice", context, user.email)
            logger.info("Account %s asked to change its email address.", user.pk)
            return render(request, "account/email_change_sent.html", context)
        return render(request, "account/email_change.html", {"form": form}, status=400)
    return render(request, "account/email_change.html", {"form": form})


def _refuse(request, message, status):
    return render(request, "account/email_change_invalid.html", {"message": message}, status=status)


@never_cache
@login_required
def confirm(request, token):
    """The link of the email: set the address, if it is still this account's request."""
    user = request.user
    try:
        data = signing.loads(token[:1000], salt=SALT, max_age=MAX_AGE)
        user_id, address, fingerprint = data["u"], data["e"], data["h"]
    except signing.SignatureExpired:
        return _refuse(request, gettext("This link has expired. Ask for a new one."), 400)
    except (signing.BadSignature, ValueError, TypeError, KeyError):
        return _refuse(request, gettext("This link is not valid. Ask for a new one."), 400)
    if user_id != user.pk:
        return _refuse(
            request,
            gettext(
                "This link was sent for another account. Sign in as the account that asked "
                "for the change, then open the link again."
            ),
            403,
        )
    if not constant_time_compare(fingerprint, _fingerprint(user)):
        return _refuse(
            request,
            gettext(
                "This link was already used, or the address of your account has changed "
                "since it was sent. Ask for a new one."
            ),
            400,
        )
    if address_taken(address, user):
        return _refuse(
            request, gettext("This address belongs to another account. Use another address."), 409
        )
    user.email = address
    user.save(update_fields=["email"])
    logger.info("Account %s changed its email address through the mailed link.", user.pk)
    messages.success(
        request,
        gettext("The email address of your account is now %(address)s.") % {"address": address},
    )
    # Off the token's URL at once: it never sits in history or a Referer header.
    return redirect("accounts:profile")
