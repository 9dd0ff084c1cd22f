"""Emails of seminar registration, sent by the django-tasks worker (inline in development)."""

import logging
from collections import defaultdict

from django.db.models.functions import Lower
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from core.links import absolute_url
from core.mailer import (
    email_language,
    hub_email,
    send_emails,
    submission_text,
    templated_email,
)

logger = logging.getLogger("hub.seminars")


@task()
def send_registration_emails(registration_id, base_url=None, language=None, notify_organisers=True):
    """Confirm a registration to the registrant and tell the organisers (when configured).

    Args:
        registration_id: primary key of the SeminarRegistration.
        base_url: ignored; the links start with ``BASE_URL`` (core/links.py), never with
            the host a request came by. Kept for tasks queued before.
        language: the language the registrant used the site in; the email is written in it.
        notify_organisers: False for a repeated registration, already notified.
    """
    from .models import SeminarRegistration

    registration = (
        SeminarRegistration.objects.filter(pk=registration_id).select_related("page").first()
    )
    if registration is None:
        logger.info("Registration %s no longer exists; nothing to send.", registration_id)
        return
    page = registration.page.specific
    context = {
        "page": page,
        "registration": registration,
        "page_url": absolute_url(page.url),
        "access_url": absolute_url(registration.access_path(page)),
        "ics_url": absolute_url(page.subpage_url("ics")),
    }
    # From the hub's own address; replies reach the organisers' address, when given.
    reply_to = [page.from_address] if page.from_address else None
    messages = [
        templated_email(
            "seminars/email/confirmation",
            context,
            [registration.email],
            language=email_language(language),
            reply_to=reply_to,
        )
    ]
    if notify_organisers and page.to_address:
        messages += _organiser_notices(page, registration)
    send_emails(messages)
    logger.info("Registration %s for seminar %s confirmed by email.", registration.pk, page.pk)


def _organiser_languages(page, addresses: list[str]) -> dict[str, list[str]]:
    """The organisers' addresses by the language to write to them in: the admin language
    of the account with that address (``preferred_language``), or else the seminar's
    working language."""
    from wagtail.users.models import UserProfile

    preferred = dict(
        UserProfile.objects.annotate(address=Lower("user__email"))
        .filter(address__in=[address.lower() for address in addresses], user__is_active=True)
        .exclude(preferred_language="")
        .values_list("address", "preferred_language")
    )
    working = email_language(page.language)
    by_language = defaultdict(list)
    for address in addresses:
        by_language[email_language(preferred.get(address.lower()), working)].append(address)
    return by_language


def _organiser_notices(page, registration) -> list:
    """The organisers' notice of a new registration, one per language among them, with
    the answers as people read them (yes or no, dates in the language's format)."""
    addresses = [address.strip() for address in page.to_address.split(",") if address.strip()]
    data = registration.get_data()
    field_types = {field.clean_name: field.field_type for field in page.get_form_fields()}
    field_types["submit_time"] = "datetime"
    notices = []
    for language, recipients in _organiser_languages(page, addresses).items():
        with translation.override(language):
            subject = page.subject or _("Registration: %(title)s") % {"title": page.title}
            intro = _("A new registration for “%(title)s”:") % {"title": page.title}
            answers = submission_text(page.get_data_fields(), data, field_types)
            body = f"{intro}\n\n{answers}\n"
        # Replies reach the registrant.
        reply_to = [registration.email] if registration.email else None
        notices.append(hub_email(subject, body, recipients, language=language, reply_to=reply_to))
    return notices
