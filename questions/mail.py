"""The threads' emails: a new answer, to the thread's other participants.

One plain-text email per participant who keeps the emails on (``Participant.notify``),
never to the answer's writer, to active accounts with an address, and only to those who
may still take part in the thread when it is sent (``may_take_part``: a person who lost
access to the page since they took part is told nothing). Each is written in its
recipient's language, as the saved searches' alerts pick it: the one chosen for the
admin interface, else the interface language they last wrote in in this thread (a post's
``language``), else the site's. Each carries the
link that stops the thread's emails (``questions/unsubscribe.py``), in the body and in the
``List-Unsubscribe`` header. A hidden answer, or one in a hidden thread, is not sent.
"""

from __future__ import annotations

import logging

from django.conf import settings

from core.links import absolute_url
from core.mailer import chosen_languages, email_language, send_emails, templated_email
from countries.permissions import may_take_part

from .models import Answer, Participant
from .unsubscribe import unsubscribe_url

logger = logging.getLogger("hub.questions")


def _languages_written_in(question) -> dict[int, str]:
    """User id → the language of their latest post in the thread (their interface's then)."""
    found = {question.author_id: question.language} if question.author_id else {}
    for author_id, language in (
        question.answers.filter(author__isnull=False)
        .order_by("created_at", "pk")
        .values_list("author_id", "language")
    ):
        found[author_id] = language
    return found


def send_answer_emails(answer_id: int) -> int:
    """Email a new answer to its thread's participants (see the module's docstring).

    Args:
        answer_id: primary key of the Answer.

    Returns:
        The number of emails sent.
    """
    reply = Answer.objects.select_related("question__page").filter(pk=answer_id).first()
    if reply is None or reply.hidden or reply.question.hidden:
        return 0
    question = reply.question
    page = question.page
    if page is None:
        return 0
    participants = (
        Participant.objects.filter(question=question, notify=True, user__is_active=True)
        .exclude(user__email="")
        .select_related("user")
        .order_by("pk")
    )
    if reply.author_id is not None:
        participants = participants.exclude(user_id=reply.author_id)
    users = [p.user for p in participants]
    languages = chosen_languages(users)
    written = _languages_written_in(question)
    thread_url = absolute_url(question.get_absolute_url())
    messages, recipients = [], []
    for user in users:
        if not may_take_part(user, page):
            continue
        stop_url = unsubscribe_url(user, question)
        context = {
            "question": question,
            "answer": reply,
            "thread_url": thread_url,
            "unsubscribe_url": stop_url,
            "user": user,
        }
        language = email_language(
            languages.get(user.pk), written.get(user.pk, settings.LANGUAGE_CODE)
        )
        messages.append(
            templated_email(
                "questions/email/answer",
                context,
                [user.email],
                language=language,
                unsubscribe_url=stop_url,
            )
        )
        recipients.append(user.get_username())
    sent = send_emails(messages)
    logger.info(
        "Answer %s in question %s emailed to %d participant(s): %s.",
        reply.pk,
        question.pk,
        sent,
        ", ".join(recipients) or "none",
    )
    return sent
