import logging

from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.validators import MaxLengthValidator
from django.template.loader import render_to_string
from django.utils import translation


class SignInForm(AuthenticationForm):
    """Django's sign-in form, refusing a username longer than any account's before a
    sign-in is tried: django-axes records each failed one, in a column of 255 characters
    that PostgreSQL keeps to (a longer name was a server error)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        username = self.fields["username"]
        username.validators.append(MaxLengthValidator(username.max_length))


class HubPasswordResetForm(PasswordResetForm):
    """Django's password reset, its email built like every other email of the hub
    (``core.mailer``): the hub's From address and Message-ID, one-line subject.

    An invited account that has not yet set its password (an accepted application's,
    ``home/onboarding.py``) may ask for a new link too, when its invitation expired;
    Django's own form leaves out every account without a usable password.
    """

    def get_users(self, email):
        yield from super().get_users(email)
        from .models import ApplicationDecision

        invited = ApplicationDecision.objects.filter(
            account__email__iexact=email, account__is_active=True
        ).select_related("account")
        for decision in invited:
            if not decision.account.has_usable_password():
                yield decision.account

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        from core.mailer import hub_email

        subject = render_to_string(subject_template_name, context)
        body = render_to_string(email_template_name, context)
        message = hub_email(subject, body, [to_email], language=translation.get_language())
        try:
            message.send()
        except Exception:
            # As Django's own: the page must not tell whether an account has the address.
            logging.getLogger("django.contrib.auth").exception(
                "Failed to send password reset email to %s", context["user"].pk
            )
