"""The threads on the site: asking on a page, reading a thread, answering, following.

Every view asks ``countries.permissions.may_take_part`` about the thread's page before
anything else: an anonymous visitor is sent to sign in, a person who may not take part
gets 404 (never "forbidden": that would say a thread exists), POSTs included, and nothing
changes. An invalid form is shown again with its input and an error summary (400).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail.models import Page

from countries.permissions import may_moderate_questions, may_take_part

from . import threads
from .forms import AnswerForm, QuestionForm
from .models import Question


def _page_for_questions(request, page_id: int):
    """The live page ``page_id`` if the request's user may take part in its threads."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None or not threads.holds_questions(page) or not may_take_part(request, page):
        raise Http404
    return page.specific


def _question(request, question_id: int) -> Question:
    """The question if the request's user may take part in its page's threads."""
    question = get_object_or_404(Question.objects.select_related("page"), pk=question_id)
    if question.page is None or not may_take_part(request, question.page):
        raise Http404
    question.page = question.page.specific
    return question


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def ask(request, page_id: int):
    """``/questions/ask/<page_id>/``: the form alone on GET; a POST asks the question."""
    page = _page_for_questions(request, page_id)
    form = QuestionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        question = threads.ask(
            request, page, title=form.cleaned_data["title"], body=form.cleaned_data["body"]
        )
        messages.success(
            request,
            _("Your question is asked. Answers will reach you by email."),
        )
        return redirect(question)
    return TemplateResponse(
        request,
        "questions/ask.html",
        {"target": page, "form": form},
        status=400 if form.is_bound else 200,
    )


@never_cache
@login_required
@require_GET
def thread(request, question_id: int):
    """``/questions/<id>/``: the question, its answers oldest first, the answer form."""
    question = _question(request, question_id)
    return _thread_response(request, question, AnswerForm())


def _thread_response(request, question, form, status=200):
    participant = question.participants.filter(user=request.user).first()
    return TemplateResponse(
        request,
        "questions/thread.html",
        {
            "question": question,
            "target": question.page,
            "answers": list(question.answers.all()),
            "form": form,
            "following": participant is not None and participant.notify,
            "moderator": may_moderate_questions(request),
        },
        status=status,
    )


@login_required
@require_POST
def answer(request, question_id: int):
    """``/questions/<id>/answer/`` (POST): answer the thread; a hidden thread takes none."""
    question = _question(request, question_id)
    form = AnswerForm(request.POST)
    if question.hidden:
        # Nothing is lost: the text is shown again in the form, with why it was refused.
        messages.error(request, _("This question is hidden: it takes no new answers."))
        return _thread_response(request, question, form, status=409)
    if not form.is_valid():
        return _thread_response(request, question, form, status=400)
    threads.answer(request, question, body=form.cleaned_data["body"])
    messages.success(request, _("Your answer is published."))
    return redirect(question)


@login_required
@require_POST
def follow(request, question_id: int):
    """``/questions/<id>/follow/`` (POST): ``follow=1`` follows the thread (emails on new
    answers), anything else stops its emails."""
    question = _question(request, question_id)
    following = request.POST.get("follow") == "1"
    threads.take_part(question, request.user, notify=following)
    if following:
        messages.success(request, _("You follow this question: new answers reach you by email."))
    else:
        messages.success(request, _("Emails about this question are stopped."))
    return redirect(question)
