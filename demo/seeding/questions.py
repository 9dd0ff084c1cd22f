"""Builds the demo threads of ``demo.content.questions`` (called by ``seed_demo``).

Idempotent: a thread whose page and title exist is left as it is, answers and all.
"""

from __future__ import annotations

import datetime

from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page

from countries.models import CountryPage
from demo.content import questions as data
from questions.admin_views import HIDE_ACTION
from questions.models import Answer, Participant, Question, display_name


def _page(key):
    if len(key) == 2:
        return CountryPage.objects.filter(country__code=key).first()
    page = Page.objects.filter(slug=key).first()
    return page.specific if page else None


def seed_questions(users) -> int:
    """Create the demo threads that do not exist yet; returns how many were made."""
    made = 0
    start = timezone.now() - datetime.timedelta(days=20)
    for number, spec in enumerate(data.QUESTIONS):
        page = _page(spec["page"])
        if page is None or Question.objects.filter(page=page, title=spec["title"]).exists():
            continue
        author = users[spec["author"]]
        asked_at = start + datetime.timedelta(days=3 * number)
        question = Question.objects.create(
            page=page,
            page_title=page.title,
            title=spec["title"],
            body=spec["body"],
            language=spec["language"],
            author=author,
            author_name=display_name(author),
            created_at=asked_at,
            last_activity_at=asked_at,
        )
        Participant.objects.get_or_create(question=question, user=author)
        for step, answer_spec in enumerate(spec["answers"], start=1):
            writer = users[answer_spec["author"]]
            answered_at = asked_at + datetime.timedelta(hours=5 * step)
            answer = Answer.objects.create(
                question=question,
                body=answer_spec["body"],
                language=answer_spec["language"],
                author=writer,
                author_name=display_name(writer),
                created_at=answered_at,
            )
            question.last_activity_at = answered_at
            Participant.objects.get_or_create(question=question, user=writer)
            if reason := answer_spec.get("hidden"):
                answer.hide(users["secretariat"], reason)
                log(answer, HIDE_ACTION, user=users["secretariat"], data={"reason": reason})
        question.save(update_fields=["last_activity_at"])
        made += 1
    return made
