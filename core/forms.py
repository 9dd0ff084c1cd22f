from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import FormBuilder


class HubFormBuilder(FormBuilder):
    """Dropdowns start with an empty "Choose…" option: a required choice must be made,
    never submitted by accident as the first entry of the list."""

    def create_dropdown_field(self, field, options):
        options["choices"] = [("", _("Choose…")), *self.get_formatted_field_choices(field)]
        return forms.ChoiceField(**options)
