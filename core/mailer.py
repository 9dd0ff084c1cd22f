"""Every email the hub sends is built by ``hub_email`` and sent by ``send_emails``.

So that each one has, whoever writes it:

- one From address, ``DEFAULT_FROM_EMAIL`` (never an editor's own, which other mail servers
  would take for spoofing);
- a Message-ID on the hub's own domain, the host of ``BASE_URL`` (``core/links.py``);
- ``Auto-Submitted: auto-generated`` (RFC 3834: no out-of-office replies to it);
- a subject on one line that encodes from its first character, never after a fold (a
  subject read with a leading space, or a newline from a template, was one);
- for what its recipient chose to receive, ``List-Unsubscribe`` with
  ``List-Unsubscribe-Post: List-Unsubscribe=One-Click`` (RFC 8058): mail clients offer a
  one-click unsubscribe that POSTs to the link, without cookies.

``submission_text`` writes a form's answers as people read them (yes or no, dates in the
language's format), for the notices of the form builder's pages.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from email.header import Header
from email.message import Message

from django.conf import settings
from django.core import mail
from django.core.mail import make_msgid
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from . import cldr
from .links import site_host_and_port


def message_domain() -> str:
    """The domain of the hub's Message-IDs: the host of ``BASE_URL``."""
    return site_host_and_port()[0] or "localhost"


def one_line(subject: str) -> str:
    """A subject with its whitespace (newlines from templates included) made single spaces
    and trimmed."""
    return " ".join(str(subject).split())


class _Unfolded(Header):
    """A header value kept on its header line: a URL has no place to fold, and Python
    folded it before its first character instead (read with a leading space)."""

    def encode(self, splitchars=";, \t", maxlinelen=None, linesep="\n"):
        return super().encode(splitchars, 0, linesep)  # 0: no limit (RFC 5322 allows 998)


class HubEmail(mail.EmailMessage):
    """Django's EmailMessage with its subject and unsubscribe link encoded for their
    header lines.

    Django encodes a non-ASCII subject without counting the ``Subject:`` before it; a
    subject longer than a few words was then folded before its first word, and read with
    a leading space.
    """

    def message(self):
        msg = super().message()
        charset = "us-ascii" if self.subject.isascii() else "utf-8"
        # Past Django's __setitem__, which would turn the Header objects back into text.
        del msg["Subject"]
        Message.__setitem__(msg, "Subject", Header(self.subject, charset, header_name="Subject"))
        if link := self.extra_headers.get("List-Unsubscribe"):
            del msg["List-Unsubscribe"]
            Message.__setitem__(msg, "List-Unsubscribe", _Unfolded(link, "us-ascii"))
        return msg


def hub_email(
    subject: str,
    body: str,
    to: Iterable[str],
    *,
    language: str | None = None,
    unsubscribe_url: str | None = None,
    reply_to: Iterable[str] | None = None,
) -> HubEmail:
    """A plain-text email of the hub, ready to send.

    Args:
        subject: the subject, rendered (its whitespace is made single spaces).
        body: the text.
        to: the addresses it goes to.
        language: the language it is written in (``Content-Language``).
        unsubscribe_url: for what the recipient subscribed to: the absolute address that
            unsubscribes them on POST (RFC 8058) and asks them to confirm on GET.
        reply_to: where replies go, when not to nobody.

    Returns:
        The message; send it with :func:`send_emails` (or its ``send()``).
    """
    headers = {
        "Message-ID": make_msgid(domain=message_domain()),
        "Auto-Submitted": "auto-generated",
    }
    if language:
        headers["Content-Language"] = language
    if unsubscribe_url:
        headers["List-Unsubscribe"] = f"<{unsubscribe_url}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    return HubEmail(
        subject=one_line(subject),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=list(to),
        reply_to=list(reply_to or []),
        headers=headers,
    )


def email_language(code: str | None, default: str | None = None) -> str:
    """``code`` when it is one of the hub's languages, else ``default`` (else the
    site's): what an email may be written in."""
    known = {lang for lang, _name in settings.LANGUAGES}
    return code if code in known else (default or settings.LANGUAGE_CODE)


def chosen_languages(users) -> dict[int, str]:
    """User id → the language each of ``users`` chose for the admin interface, for those
    who chose one (Wagtail's user profile): what their emails are written in first."""
    from wagtail.users.models import UserProfile

    return dict(
        UserProfile.objects.filter(user__in=users)
        .exclude(preferred_language="")
        .values_list("user_id", "preferred_language")
    )


def templated_email(template: str, context: dict, to: Iterable[str], *, language: str, **kwargs):
    """:func:`hub_email` from ``<template>_subject.txt`` and ``<template>.txt``, rendered in
    ``language`` (one of the hub's, see :func:`email_language`); ``kwargs`` as there."""
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", context)
        body = render_to_string(f"{template}.txt", context)
    return hub_email(subject, body, to, language=language, **kwargs)


def send_emails(messages: list[mail.EmailMessage]) -> int:
    """Send the messages over one connection.

    Returns:
        How many were sent.
    """
    if not messages:
        return 0
    with mail.get_connection() as connection:
        return connection.send_messages(messages) or 0


def readable_value(value, field_type: str = "") -> str:
    """A form answer as a person reads it, in the active language: "Yes" or "No" for a
    checkbox, dates and times in the language's own format (local time), lists joined.

    Args:
        value: the answer, as the form cleaned it or as a submission stored it (JSON:
            dates and times are then ISO text).
        field_type: the form builder's field type (``checkbox``, ``date``, ``datetime``…).

    Returns:
        The text; "–" for no answer.
    """
    if field_type == "checkbox" or isinstance(value, bool):
        return _("Yes") if value else _("No")
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, str) and field_type in ("date", "datetime"):
        try:
            value = (
                datetime.date.fromisoformat(value)
                if field_type == "date"
                else datetime.datetime.fromisoformat(value)
            )
        except ValueError:
            return value
    if isinstance(value, datetime.datetime):
        return cldr.human_datetime(value)
    if isinstance(value, datetime.date):
        return cldr.human_date(value)
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return str(value)


def submission_text(fields, data: dict, field_types: dict[str, str]) -> str:
    """A form submission as lines of "Label: answer", in the active language.

    Args:
        fields: (name, label) pairs, as a form page's ``get_data_fields()`` gives them.
        data: the answers by name.
        field_types: the form builder's field type by name.
    """
    return "\n".join(
        f"{label}: {readable_value(data.get(name), field_types.get(name, ''))}"
        for name, label in fields
    )
