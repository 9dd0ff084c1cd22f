"""Stopping a thread's emails by the link in each of them, without signing in: the link
sets the participant's ``notify`` off for that thread only. How the link works (a signed
token, GET asks, POST and RFC 8058's one-click stop) is ``core/unsubscribe.py``'s."""

from __future__ import annotations

import logging

from django.urls import reverse

from core import unsubscribe as links
from core.links import absolute_url

from .models import Participant

logger = logging.getLogger("hub.questions")

SALT = "questions.unsubscribe"


def unsubscribe_url(user, question) -> str:
    """The absolute address of the link that stops ``user``'s emails of ``question``."""
    token = links.make_token(SALT, user.pk, question.pk)
    return absolute_url(reverse("questions:unsubscribe", args=[token]))


class Unsubscribe(links.UnsubscribeView):
    """``/questions/unsubscribe/<token>/``: GET asks, POST stops the thread's emails."""

    salt = SALT
    parts = 2
    template_name = "questions/unsubscribe.html"

    def target(self, parts):
        user_id, question_id = parts
        if not (links.is_id(user_id) and links.is_id(question_id)):
            return None
        participants = Participant.objects.filter(user_id=user_id, question_id=question_id)
        # The title is not shown: the link may be opened by someone who lost the page.
        return {
            "participants": participants,
            "following": participants.filter(notify=True).exists(),
        }

    def stop(self, target):
        stopped = target["participants"].filter(notify=True).update(notify=False)
        logger.info("%d thread email subscription(s) stopped by an emailed link.", stopped)


unsubscribe = Unsubscribe.as_view()
