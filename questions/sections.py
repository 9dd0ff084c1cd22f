"""The "Questions and answers" section of a page, rendered for its reader.

It depends on the person (their threads, their form), so it is never put in a cached
fragment; an anonymous visitor gets a sentence and a sign-in link only, which the
anonymous page cache may keep. The practice and recommendation pages load it through
``questions_tags``; a country space's page, in a lower layer, through the countries hook
``COUNTRY_PAGE_SECTIONS`` (``questions/wagtail_hooks.py``).
"""

from __future__ import annotations

from django.template.loader import render_to_string

from countries.permissions import may_moderate_questions, may_take_part

from . import threads
from .forms import QuestionForm


def render_section(request, page) -> str:
    """The section's HTML for this request ("" on a page that takes no questions, or for a
    signed-in person who may not take part)."""
    if request is None or not threads.holds_questions(page):
        return ""
    user = request.user
    if not user.is_authenticated:
        return render_to_string(
            "questions/includes/section.html", {"anonymous": True}, request=request
        )
    if not may_take_part(request, page):
        return ""
    return render_to_string(
        "questions/includes/section.html",
        {
            "target": page,
            "questions": list(threads.threads_on(page)),
            "form": QuestionForm(),
            "moderator": may_moderate_questions(request),
        },
        request=request,
    )
