import logging

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.validators import MaxLengthValidator
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.contrib.forms.forms import FormBuilder

from .choices import Audience


class AudiencePageForm(WagtailAdminPageForm):
    """Refuses the country tier for pages outside a country's space, with a message."""

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("audience") == Audience.COUNTRY:
            from countries.permissions import country_for_page

            anchor = self.parent_page if self.instance.pk is None else self.instance
            if anchor is None or country_for_page(anchor) is None:
                self.add_error(
                    "audience",
                    _(
                        "Country team is only available for pages inside a country's space. "
                        "Choose public or network members."
                    ),
                )
        return cleaned_data


class HubFormBuilder(FormBuilder):
    """Dropdowns start with an empty "Choose…" option: a required choice must be made,
    never submitted by accident as the first entry of the list."""

    def create_dropdown_field(self, field, options):
        options["choices"] = [("", _("Choose…")), *self.get_formatted_field_choices(field)]
        return forms.ChoiceField(**options)


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
    (``home.mailer``): the hub's From address and Message-ID, one-line subject."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        from .mailer import hub_email

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
