"""The member's own directory profile: what they tell the network and what members see."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import Expertise, NetworkRole
from .directory import language_choices
from .models import Membership


class DirectoryProfileForm(forms.ModelForm):
    """Edited by the member alone (``permissions.may_edit_profile``); their country,
    organisation and sector stay the secretariat's."""

    expertise = forms.MultipleChoiceField(
        label=_("Expertise"),
        choices=Expertise.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=language_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    network_role = forms.ChoiceField(
        label=_("Role in the network"),
        choices=[("", _("Not given")), *NetworkRole.choices],
        required=False,
    )

    class Meta:
        model = Membership
        fields = [
            "job_title",
            "network_role",
            "expertise",
            "languages",
            "work_email",
            "work_phone",
            "listed",
            "show_details",
            "show_contact",
        ]

    def clean_expertise(self):
        # In the order of the choices, each once: what the directory lists.
        chosen = set(self.cleaned_data["expertise"])
        return [code for code in Expertise.values if code in chosen]

    def clean_languages(self):
        chosen = set(self.cleaned_data["languages"])
        return [code for code, _name in language_choices() if code in chosen]
