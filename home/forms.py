from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
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
