"""The one form that updates an implementation, used by the tracker page and the admin."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, URLValidator
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .choices import Status
from .models import Implementation

MAX_LINKS = 20
#: The longest summary, next step or note accepted (a clear error beyond, never a cut).
TEXT_MAX = 4000


#: The largest id a database integer holds.
MAX_ID = 2**63 - 1


class EvidenceChoiceField(forms.ModelMultipleChoiceField):
    """Refuses an id beyond any database integer as an invalid choice: Django would send it
    to the database, where SQLite cannot compare it (OverflowError, a server error)."""

    def clean(self, value):
        for pk in value if isinstance(value, list | tuple) else ():
            try:
                too_big = abs(int(pk)) > MAX_ID
            except (TypeError, ValueError):
                continue  # not a number: the field's own checks refuse it
            if too_big:
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": str(pk)[:30]},
                )
        return super().clean(value)


class PracticeChoiceField(EvidenceChoiceField):
    """A practice's title in its own language, marked with it (WCAG 3.1.2): the choices
    are read in the interface's language."""

    def label_from_instance(self, obj):
        return format_html('<span lang="{}">{}</span>', obj.language or "en", obj.title)


def parse_links(text: str) -> list[tuple[str, str]]:
    """``"https://… Title"`` lines as (address, title) pairs; blank lines skipped."""
    links = []
    for line in (text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        address, _space, title = line.partition(" ")
        links.append((address, title.strip() or address))
    return links


class ImplementationForm(forms.ModelForm):
    """Status, measures, next step, target date and evidence of one country's follow-up.

    The country is never a field: it is fixed by the implementation being edited, which the
    view has checked the user may manage. A change of status needs a note, kept in the
    history. ``version`` is the version the form was opened on: if someone saved a change
    since, the form is refused rather than overwriting it.
    """

    note = forms.CharField(
        label=_("Note for the history"),
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you change the status: what happened, and the source."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    #: The note follows the status it explains (a declared field would come last).
    field_order = ["status", "note"]

    class Meta:
        model = Implementation
        fields = [
            "status",
            "responsible_authority",
            "summary",
            "next_step",
            "language",
            "target_date",
            "evidence_practices",
            "evidence_documents",
            "evidence_links",
        ]
        field_classes = {
            "evidence_practices": PracticeChoiceField,
            "evidence_documents": EvidenceChoiceField,
        }
        widgets = {
            "status": forms.RadioSelect,
            "summary": forms.Textarea(attrs={"rows": 5}),
            "next_step": forms.Textarea(attrs={"rows": 3}),
            "target_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "evidence_practices": forms.CheckboxSelectMultiple,
            "evidence_documents": forms.CheckboxSelectMultiple,
            "evidence_links": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, practices=None, documents=None, **kwargs):
        """``practices`` and ``documents``: the evidence the user may choose from
        (``recommendations.permissions.evidence_choices``)."""
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version
        # The model's text fields have no bound of their own (the authority has 255).
        for name in ("summary", "next_step"):
            if name in self.fields:
                self.fields[name].validators.append(MaxLengthValidator(TEXT_MAX))
        if "language" in self.fields:
            # Left out (an older form, a script), the texts keep their language.
            self.fields["language"].required = False
            has_text = any(
                getattr(self.instance, name)
                for name in ("responsible_authority", "summary", "next_step")
            )
            if not self.is_bound and not has_text:
                # Nothing written yet: the writer most likely writes in their interface's
                # language (the field says which, and they may change it).
                self.initial["language"] = get_language()
        if practices is not None:
            self.fields["evidence_practices"].queryset = practices
        if documents is not None:
            self.fields["evidence_documents"].queryset = documents

    def opened_version(self) -> int | None:
        """The version the form was opened on, as sent; None when missing or malformed
        (validation then reports it)."""
        try:
            return self.fields["version"].clean(self.data.get(self.add_prefix("version")))
        except ValidationError:
            return None

    def clean_language(self):
        return self.cleaned_data.get("language") or self.instance.language

    def clean_evidence_links(self):
        text = self.cleaned_data.get("evidence_links", "")
        links = parse_links(text)
        if len(links) > MAX_LINKS:
            raise ValidationError(
                _("Give at most %(max)d links.") % {"max": MAX_LINKS}, code="too_many"
            )
        validate = URLValidator(schemes=["http", "https"])
        for address, _title in links:
            try:
                validate(address)
            except ValidationError:
                raise ValidationError(
                    _("“%(address)s” is not a web address (it must start with https://).")
                    % {"address": address[:100]},
                    code="invalid_link",
                ) from None
        return "\n".join(f"{a} {t}".strip() if t != a else a for a, t in links)

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        if status and status != self.instance.status and not (cleaned.get("note") or "").strip():
            self.add_error(
                "note",
                _("Say in a note why the status changes from “%(old)s” to “%(new)s”.")
                % {"old": Status(self.instance.status).label, "new": Status(status).label},
            )
        return cleaned

    def update_data(self) -> dict:
        """The changes for ``apply_update``. Evidence the user may not see is not offered,
        so it is kept as it is rather than dropped."""
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        for name in ("evidence_practices", "evidence_documents"):
            if name not in self.fields:
                data.pop(name, None)
                continue
            offered = self.fields[name].queryset
            hidden = getattr(self.instance, name).exclude(pk__in=offered.values("pk"))
            data[name] = [*data[name], *hidden]
        return data
