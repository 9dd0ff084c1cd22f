"""What the threads' pages and the admin read and write: a page's threads, asking,
answering, following. Every entry point is given a person already admitted by
``countries.permissions.may_take_part``; nothing here decides who may."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from core import languages
from countries.permissions import may_take_part

from .models import Answer, Participant, Question, display_name


def holds_questions(page) -> bool:
    """Whether a page takes questions: its type is one the site lists
    (``settings.QUESTION_PAGE_TYPES``: practices, recommendations, country spaces)."""
    if page is None:
        return False
    return page.specific_class._meta.label in settings.QUESTION_PAGE_TYPES


def writer_language(request) -> str:
    """The language a post is written in: the writer's interface language."""
    code = (getattr(request, "LANGUAGE_CODE", "") or "")[:5]
    return code if code in languages.CODES else languages.DEFAULT


def threads_on(page):
    """The questions on a page, the most recently active first, each with the number of
    its answers on show (``shown_answers``)."""
    return (
        Question.objects.filter(page=page)
        .annotate(shown_answers=Count("answers", filter=Q(answers__hidden_at__isnull=True)))
        .order_by("-last_activity_at", "-pk")
    )


def take_part(question, user, *, notify: bool | None = None) -> Participant:
    """Make ``user`` a participant of the thread (kept if they are one already); ``notify``
    changes their choice of emails when given."""
    participant, _created = Participant.objects.get_or_create(question=question, user=user)
    if notify is not None and participant.notify != notify:
        participant.notify = notify
        participant.save(update_fields=["notify"])
    return participant


@transaction.atomic
def ask(request, page, *, title: str, body: str) -> Question:
    """A new question on ``page`` by the request's user (admitted by the caller), who
    follows it; the page's owner follows it too when they may take part in it."""
    user = request.user
    question = Question.objects.create(
        page=page,
        page_title=page.title[:255],
        title=title,
        body=body,
        author=user,
        author_name=display_name(user),
        language=writer_language(request),
    )
    take_part(question, user)
    owner = page.owner
    if owner is not None and owner.pk != user.pk and may_take_part(owner, page):
        take_part(question, owner)
    return question


@transaction.atomic
def answer(request, question, *, body: str) -> Answer:
    """A new answer in the thread by the request's user, who then follows it; the other
    participants are emailed once the transaction commits (``questions/notifications.py``)."""
    from .notifications import notify_participants

    user = request.user
    now = timezone.now()
    reply = Answer.objects.create(
        question=question,
        body=body,
        author=user,
        author_name=display_name(user),
        language=writer_language(request),
        created_at=now,
    )
    Question.objects.filter(pk=question.pk).update(last_activity_at=now)
    take_part(question, user)
    transaction.on_commit(lambda: notify_participants.enqueue(reply.pk))
    return reply
