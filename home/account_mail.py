"""Emails about an account: a changed address, pairing a sign-in app.

Built like every email of the hub (``core.mailer.hub_email``): a subject and a body
template rendered in the recipient's language. They carry one-time links, so they are
sent at once, in the request, like Django's password reset, and never wait in the task
queue's table.
"""

from django.utils import translation

from core.mailer import email_language, send_emails, templated_email


def send_account_email(template: str, context: dict, to: str) -> None:
    """Render ``account/email/<template>_subject.txt`` and ``<template>.txt`` in the active
    language (the request's) and send them to one address.

    Args:
        template: the templates' common name (``email_change_link``…).
        context: the templates' context.
        to: the address.
    """
    language = email_language(translation.get_language())
    email = templated_email(f"account/email/{template}", context, [to], language=language)
    send_emails([email])


def mask_address(address: str) -> str:
    """An address shown to someone who may not own it: ``k•••@example.org``.

    Args:
        address: an email address.

    Returns:
        Its first character and its domain, the rest hidden.
    """
    local, _at, domain = address.partition("@")
    return f"{local[:1]}•••@{domain}" if domain else "•••"
