from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm

from countries.audience import AudiencePageForm


class SeminarPageForm(AudiencePageForm, WagtailAdminFormPageForm):
    """The seminar editor: the audience rule, the form builder's checks, and registration
    that cannot be switched on without what it needs (a closing date, an email field)."""

    def clean(self):
        cleaned_data = super().clean()
        if not cleaned_data.get("has_registration"):
            return cleaned_data
        if not cleaned_data.get("registration_closes"):
            self.add_error(
                "registration_closes",
                _("Give the date registration closes, or switch registration off."),
            )
        formset = self.formsets.get("form_fields")
        if formset is not None and formset.is_valid():
            kept = [
                form.cleaned_data
                for form in formset.forms
                if form.cleaned_data and not form.cleaned_data.get("DELETE")
            ]
            if not any(field.get("field_type") == "email" for field in kept):
                self.add_error(
                    "has_registration",
                    _(
                        "The registration form needs an email field: confirmations and the "
                        "link to the recordings are sent there."
                    ),
                )
        return cleaned_data
