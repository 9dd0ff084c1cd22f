"""Stopping one of the hub's emails by its link, without signing in.

Every email the hub sends because someone follows or saved something (the tracker's
status changes and digest, saved-search alerts, answers in a thread) carries an
unsubscribe link, in its body and in the ``List-Unsubscribe`` header. The link holds a
signed token (``make_token``) bound to the person and to what the email was sent for;
the token is the request's only authentication. A GET shows what the link stops and a
button: link scanners open links, and they must not unsubscribe anyone. A POST stops it.
The POST is also RFC 8058's one-click unsubscribe, sent by mail clients from the
``List-Unsubscribe-Post`` header without cookies or CSRF token, so the view is exempt from
CSRF. Stopping twice is fine; a token that is cut short or altered gets a 400 with a
message, never a 500.

An app subclasses ``UnsubscribeView`` with its salt and template, says what a token's
parts name (``target``) and what stopping does (``stop``); its template extends
``core/unsubscribe.html``.
"""

from __future__ import annotations

import logging

from django.core import signing
from django.template.response import TemplateResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

logger = logging.getLogger("hub.unsubscribe")

#: No token of the hub is longer; a longer one is refused before it is read.
MAX_TOKEN_LENGTH = 300


def make_token(salt: str, *parts: int | str | None) -> str:
    """A signed token holding ``parts`` (ids and short keys), for ``salt``'s links only.

    Tokens never expire: an old email's link keeps working.
    """
    return signing.dumps(list(parts), salt=salt)


def read_token(salt: str, token: str, length: int) -> list | None:
    """The ``length`` parts of a token made with ``salt``, or None if it is not one.

    The parts are as they were signed; the caller checks their types (``is_id``).
    """
    if len(token) > MAX_TOKEN_LENGTH:
        return None
    try:
        parts = signing.loads(token, salt=salt)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if type(parts) is not list or len(parts) != length:
        return None
    return parts


def is_id(value) -> bool:
    """Whether a token's part is a database id (an int, not a bool or a string)."""
    return type(value) is int and value > 0


@method_decorator([csrf_exempt, never_cache], name="dispatch")
class UnsubscribeView(View):
    """GET (and HEAD) shows what the link stops and a button; POST stops it.

    Subclasses set ``salt``, ``parts`` (how many the token holds) and ``template_name``,
    and define ``target`` and ``stop``. The template gets ``invalid`` (400), or the
    target's context, plus ``done`` after a POST.
    """

    http_method_names = ["get", "head", "post"]
    salt: str = ""
    parts: int = 2
    template_name: str = ""

    def target(self, parts: list) -> dict | None:
        """The context of what the token's parts name (None: they are not valid)."""
        raise NotImplementedError

    def stop(self, target: dict) -> None:
        """Stop what ``target`` names; called on POST, idempotent."""
        raise NotImplementedError

    def _answer(self, request, token, *, post: bool):
        parts = read_token(self.salt, token, self.parts)
        target = self.target(parts) if parts is not None else None
        if target is None:
            return TemplateResponse(request, self.template_name, {"invalid": True}, status=400)
        if post:
            self.stop(target)
            logger.info("Unsubscribed by an emailed link (%s: %s).", self.salt, parts)
            target = {**target, "done": True}
        return TemplateResponse(request, self.template_name, target)

    def get(self, request, token):
        return self._answer(request, token, post=False)

    def post(self, request, token):
        return self._answer(request, token, post=True)
