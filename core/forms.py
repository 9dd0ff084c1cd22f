import unicodedata
from types import SimpleNamespace

from django import forms
from django.utils.html import conditional_escape, format_html
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import FormBuilder

from . import languages
from .translation import TranslatedFieldsMixin, active_language


def whole_number(text: str, *, digits: int | None = None) -> int | None:
    """The whole number a person typed, or ``None`` if the text is not one.

    Only ASCII digits count: ``str.isdigit`` also takes "²" and "١٢", which ``int`` refuses
    or reads as another number. No sign, no spaces; a number too long for ``int`` (past
    Python's limit on digits) is no number either, never an error.

    Args:
        text: what was typed (a query parameter, a form's value).
        digits: the exact number of digits required (4 for a year); any number if ``None``.

    Returns:
        The number, or ``None``.
    """
    if not (text.isascii() and text.isdigit()) or (digits is not None and len(text) != digits):
        return None
    try:
        return int(text)
    except ValueError:  # more digits than sys.get_int_max_str_digits()
        return None


def typed_line(text: str | None, max_length: int) -> str:
    """What a person typed into a one-line box, safe to search with: composed (NFC),
    control, format and separator characters as spaces (a NUL among them, which
    PostgreSQL refuses in text), runs of spaces as one, trimmed, at most ``max_length``
    characters."""
    value = unicodedata.normalize("NFC", str(text or "")[: max_length * 4])
    value = "".join(" " if unicodedata.category(ch)[0] in ("C", "Z") else ch for ch in value)
    return " ".join(value.split())[:max_length].strip()


class _MarkedChoices:
    """A choice widget whose options (all but the empty "Choose…" one) carry ``lang`` when
    their labels are the English ones standing in for a missing translation."""

    option_language: str | None = None

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        if self.option_language and value != "" and self.input_type in ("radio", "checkbox"):
            # The text beside a radio button or checkbox is the label's, not the input's.
            label = format_html('<span lang="{}">{}</span>', self.option_language, label)
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if self.option_language and value != "" and self.input_type == "select":
            option["attrs"] = {**option["attrs"], "lang": self.option_language}
        return option


class MarkedSelect(_MarkedChoices, forms.Select):
    pass


class MarkedSelectMultiple(_MarkedChoices, forms.SelectMultiple):
    pass


class MarkedRadioSelect(_MarkedChoices, forms.RadioSelect):
    pass


class MarkedCheckboxSelectMultiple(_MarkedChoices, forms.CheckboxSelectMultiple):
    pass


class HubFormBuilder(FormBuilder):
    """Dropdowns start with an empty "Choose…" option: a required choice must be made,
    never submitted by accident as the first entry of the list.

    Fields with translated labels and help texts (``core.translation``) show them in the
    reader's language; an untranslated one shows the English, marked ``lang``. Only the
    displayed text changes: the answer is still stored under the English label's
    ``clean_name``.
    """

    def get_formatted_field_choices(self, field):
        """The choices' stored values stay the English ones; their labels are translated
        when the translation lists as many choices (else the English labels are kept)."""
        return self._choices(field)[0]

    def _choices(self, field):
        """The choices to show, and the language their labels are in when that is not the
        reader's (the English standing in for a missing or mismatched translation)."""
        choices = super().get_formatted_field_choices(field)
        reader = active_language()
        if isinstance(field, TranslatedFieldsMixin) and "choices" in field.translated_field_names:
            translated = field.translated("choices")
            if not translated.fallback and translated.translation:
                # Split as Wagtail splits the English ones (lines, else commas).
                labels = [
                    label
                    for label, _same in super().get_formatted_field_choices(
                        SimpleNamespace(choices=translated.value)
                    )
                ]
                if len(labels) == len(choices):
                    return [
                        (value, label)
                        for (value, _label), label in zip(choices, labels, strict=True)
                    ], None
        return choices, (None if reader == languages.DEFAULT else languages.DEFAULT)

    def _marked(self, field, options, form_field_class, widget_class, empty=None):
        """A choice field whose widget marks English labels shown to a non-English reader."""
        choices, language = self._choices(field)
        options["choices"] = [empty, *choices] if empty else choices
        widget = widget_class()
        widget.option_language = language
        return form_field_class(widget=widget, **options)

    def get_field_options(self, field):
        options = super().get_field_options(field)
        if isinstance(field, TranslatedFieldsMixin):
            for name in ("label", "help_text"):
                if not options.get(name):
                    continue
                text = field.translated(name)
                if text.fallback:
                    options[name] = format_html('<span lang="{}">{}</span>', text.language, text)
                else:
                    options[name] = text.value if name == "label" else conditional_escape(text)
        return options

    def create_dropdown_field(self, field, options):
        return self._marked(
            field, options, forms.ChoiceField, MarkedSelect, empty=("", _("Choose…"))
        )

    def create_multiselect_field(self, field, options):
        return self._marked(field, options, forms.MultipleChoiceField, MarkedSelectMultiple)

    def create_radio_field(self, field, options):
        return self._marked(field, options, forms.ChoiceField, MarkedRadioSelect)

    def create_checkboxes_field(self, field, options):
        options["initial"] = self.get_formatted_field_initial(field)
        return self._marked(field, options, forms.MultipleChoiceField, MarkedCheckboxSelectMultiple)
