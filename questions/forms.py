"""The forms of the threads: asking and answering. Lengths are capped here (the text
column is unbounded), and text that is only spaces counts as empty."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import BODY_LENGTH, TITLE_LENGTH


class QuestionForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=TITLE_LENGTH,
        help_text=_("Your question in one line."),
        error_messages={"required": _("Enter a title for your question.")},
    )
    body = forms.CharField(
        label=_("Question"),
        max_length=BODY_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What you would like to know. Members who may view this page can read it."),
        error_messages={"required": _("Enter your question.")},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "ask-%s")
        super().__init__(*args, **kwargs)


class AnswerForm(forms.Form):
    body = forms.CharField(
        label=_("Your answer"),
        max_length=BODY_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Enter your answer.")},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "answer-%s")
        super().__init__(*args, **kwargs)
