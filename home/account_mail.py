"""Emails about an account: a changed address, pairing a sign-in app.

Built like every email of the hub (``home.mailer.hub_email``): a subject and a body
template rendered in the recipient's language. They carry one-time links, so they are
sent at once, in the request, like Django's password reset, and never wait in the task
queue's table.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from .mailer import hub_email, send_emails


def send_account_email(template: str, context: dict, to: str) -> None:
    """Render ``account/email/<template>_subject.txt`` and ``<template>.txt`` in the active
    language (the request's) and send them to one address.

    Args:
        template: the templates' common name (``email_change_link``…).
        context: the templates' context.
        to: the address.
    """
    known = {code for code, _name in settings.LANGUAGES}
    language = translation.get_language()
    language = language if language in known else settings.LANGUAGE_CODE
    with translation.override(language):
        subject = render_to_string(f"account/email/{template}_subject.txt", context)
        body = render_to_string(f"account/email/{template}.txt", context)
    send_emails([hub_email(subject, body, [to], language=language)])


def mask_address(address: str) -> str:
    """An address shown to someone who may not own it: ``k•••@example.org``.

    Args:
        address: an email address.

    Returns:
        Its first character and its domain, the rest hidden.
    """
    local, _at, domain = address.partition("@")
    return f"{local[:1]}•••@{domain}" if domain else "•••"
