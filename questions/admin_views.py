"""The secretariat's side of the threads, in the admin: the report of every question and
answer (Reports, "Questions and answers", with filters and the spreadsheet export) and
hiding a post with a reason or showing it again, each logged. There is no delete: a
post is only ever hidden. Only ``may_moderate_questions`` may use any of it (403).
"""

from __future__ import annotations

from dataclasses import dataclass

import django_filters
from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django.views.defaults import permission_denied
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.views.reports import ReportView
from wagtail.log_actions import log

from countries.models import Country, CountryPage
from countries.permissions import may_moderate_questions

from .models import BODY_LENGTH, Answer, Question

HIDE_ACTION = "questions.hide"
SHOW_ACTION = "questions.show"

#: The kinds of post in the admin's URLs.
KINDS = {"question": Question, "answer": Answer}

SHOWN, HIDDEN = "shown", "hidden"


def moderators_only(view):
    """403 for anyone but the secretariat and superusers. Answered here rather than raised:
    the admin turns a raised PermissionDenied into a redirect to its dashboard, and a
    refusal must say what it is."""

    def wrapped(request, *args, **kwargs):
        if not may_moderate_questions(request):
            return permission_denied(request, PermissionDenied())
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _country_choices():
    return [(c.code, c.display_name) for c in Country.objects.order_by("sort_order", "name")]


def _page_type_choices():
    choices = []
    for label in settings.QUESTION_PAGE_TYPES:
        app_label, model = label.split(".")
        content_type = ContentType.objects.get_by_natural_key(app_label, model.lower())
        choices.append((str(content_type.pk), content_type.model_class()._meta.verbose_name))
    return choices


class QuestionsReportFilterSet(WagtailFilterSet):
    country = django_filters.ChoiceFilter(
        label=gettext_lazy("Country"), choices=_country_choices, method="filter_country"
    )
    page_type = django_filters.ChoiceFilter(
        label=gettext_lazy("Kind of page"), choices=_page_type_choices, method="filter_page_type"
    )
    state = django_filters.ChoiceFilter(
        label=gettext_lazy("State"),
        choices=[
            (SHOWN, gettext_lazy("Shown, no hidden answer")),
            (HIDDEN, gettext_lazy("Hidden, or with a hidden answer")),
        ],
        method="filter_state",
    )

    class Meta:
        model = Question
        fields = []

    def filter_country(self, queryset, name, value):
        spaces = CountryPage.objects.filter(country__code=value).values_list("path", flat=True)
        if not spaces:
            return queryset.none()
        return queryset.filter(page__path__startswith=spaces[0])

    def filter_page_type(self, queryset, name, value):
        return queryset.filter(page__content_type_id=value)

    def filter_state(self, queryset, name, value):
        hidden = queryset.filter(hidden_at__isnull=False) | queryset.filter(
            answers__hidden_at__isnull=False
        )
        hidden_ids = hidden.values("pk")
        if value == HIDDEN:
            return queryset.filter(pk__in=hidden_ids)
        return queryset.exclude(pk__in=hidden_ids)


@dataclass
class Row:
    """One line of the report: a question or one of its answers."""

    kind: str
    post: Question | Answer
    question: Question
    page_url: str
    page_title: str
    country: str
    answers: int | str

    @property
    def pk(self):
        return self.post.pk

    @property
    def kind_label(self) -> str:
        return _("Question") if self.kind == "question" else _("Answer")

    @property
    def title(self) -> str:
        return self.question.title

    @property
    def text(self) -> str:
        return self.post.body

    @property
    def author(self) -> str:
        return self.post.author_name

    @property
    def written_at(self):
        return self.post.created_at

    @property
    def state(self) -> str:
        if self.post.hidden:
            return _("Hidden: %(reason)s") % {"reason": self.post.hidden_reason}
        return _("Shown")

    @property
    def thread_url(self) -> str:
        return reverse("questions:thread", args=[self.question.pk])

    @property
    def moderate_url(self) -> str:
        name = "questions_show" if self.post.hidden else "questions_hide"
        return reverse(name, args=[self.kind, self.post.pk])


class QuestionsPaginator(WagtailPaginator):
    verbose_name = gettext_lazy("question")
    verbose_name_plural = gettext_lazy("questions")


@method_decorator(moderators_only, name="dispatch")
class QuestionsReportView(ReportView):
    """Reports › Questions and answers: each question (newest activity first) followed by
    its answers, with its page, country, author, date, answers and state."""

    page_title = gettext_lazy("Questions and answers")
    header_icon = "help"
    index_url_name = "questions_report"
    index_results_url_name = "questions_report_results"
    results_template_name = "questions/admin/report_results.html"
    no_results_message = gettext_lazy("No question has been asked yet.")
    filterset_class = QuestionsReportFilterSet
    paginator_class = QuestionsPaginator
    paginate_by = 25
    export_filename = "questions-and-answers"
    list_export = [
        "kind_label",
        "pk",
        "title",
        "text",
        "page_title",
        "page_url",
        "country",
        "author",
        "written_at",
        "answers",
        "state",
    ]
    export_headings = {
        "kind_label": gettext_lazy("Kind"),
        "pk": gettext_lazy("ID"),
        "title": gettext_lazy("Question"),
        "text": gettext_lazy("Text"),
        "page_title": gettext_lazy("Page"),
        "page_url": gettext_lazy("Page's address"),
        "country": gettext_lazy("Country"),
        "author": gettext_lazy("Author"),
        "written_at": gettext_lazy("Written at"),
        "answers": gettext_lazy("Answers"),
        "state": gettext_lazy("State"),
    }

    def get_queryset(self):
        return (
            Question.objects.select_related("page")
            .annotate(answer_count=Count("answers"))
            .order_by("-last_activity_at", "-pk")
        )

    def decorate_paginated_queryset(self, object_list):
        questions = list(object_list)
        countries = _countries_of([q.page for q in questions if q.page is not None])
        answers: dict[int, list[Answer]] = {}
        for answer in Answer.objects.filter(question__in=questions).order_by("created_at", "pk"):
            answers.setdefault(answer.question_id, []).append(answer)
        rows = []
        for question in questions:
            page = question.page
            page_url = page.full_url or "" if page is not None else ""
            page_title = page.title if page is not None else question.page_title
            country = countries.get(question.page_id, "")
            rows.append(
                Row(
                    "question",
                    question,
                    question,
                    page_url,
                    page_title,
                    country,
                    question.answer_count,
                )
            )
            for answer in answers.get(question.pk, []):
                rows.append(Row("answer", answer, question, page_url, page_title, country, ""))
        return rows


def _countries_of(pages) -> dict[int, str]:
    """Page id → the name of the country whose space holds it ("" outside the spaces)."""
    spaces = list(CountryPage.objects.select_related("country").only("path", "country"))
    found = {}
    for page in pages:
        for space in spaces:
            if page.path.startswith(space.path):
                found[page.pk] = str(space.country.display_name)
                break
    return found


class HideForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=BODY_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Shown to members in place of the text."),
        error_messages={"required": gettext_lazy("Give the reason for hiding it.")},
    )


def _post(kind: str, pk: int):
    model = KINDS.get(kind)
    if model is None:
        raise Http404
    return get_object_or_404(model, pk=pk)


def _thread_question(post):
    return post if isinstance(post, Question) else post.question


@moderators_only
@require_http_methods(["GET", "HEAD", "POST"])
def hide(request, kind: str, pk: int):
    """Hide a question or an answer with a reason (required), logged."""
    post = _post(kind, pk)
    question = _thread_question(post)
    form = HideForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if not post.hidden:
            reason = form.cleaned_data["reason"]
            post.hide(request.user, reason, (get_language() or "en")[:2])
            log(post, HIDE_ACTION, user=request.user, data={"reason": reason})
            messages.success(request, _("Hidden. Members see the reason in its place."))
        return redirect("questions_report")
    return TemplateResponse(
        request,
        "questions/admin/hide.html",
        {
            "post": post,
            "kind": kind,
            "question": question,
            "form": form,
            "page_title": _("Hide a post"),
            "header_icon": "view",
        },
        status=400 if form.is_bound else 200,
    )


@moderators_only
@require_http_methods(["GET", "HEAD", "POST"])
def show(request, kind: str, pk: int):
    """Show a hidden question or answer again (GET asks, POST does it), logged."""
    post = _post(kind, pk)
    question = _thread_question(post)
    if request.method == "POST":
        if post.hidden:
            reason = post.hidden_reason
            post.show()
            log(post, SHOW_ACTION, user=request.user, data={"reason_was": reason})
            messages.success(request, _("Shown again."))
        return redirect("questions_report")
    return TemplateResponse(
        request,
        "questions/admin/show.html",
        {
            "post": post,
            "kind": kind,
            "question": question,
            "page_title": _("Show a post again"),
            "header_icon": "view",
        },
    )
