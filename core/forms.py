from types import SimpleNamespace

from django import forms
from django.utils.html import conditional_escape, format_html
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import FormBuilder

from .translation import TranslatedFieldsMixin


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
        choices = super().get_formatted_field_choices(field)
        if isinstance(field, TranslatedFieldsMixin) and "choices" in field.translated_field_names:
            translated = field.translated("choices")
            if not translated.fallback:
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
                    ]
        return choices

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
        options["choices"] = [("", _("Choose…")), *self.get_formatted_field_choices(field)]
        return forms.ChoiceField(**options)
