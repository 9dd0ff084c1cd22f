"""Emails of seminar registration, sent by the django-tasks worker (inline in development)."""

import logging
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

logger = logging.getLogger("hub.seminars")


@task()
def send_registration_emails(registration_id, base_url, language=None, notify_organisers=True):
    """Confirm a registration to the registrant and tell the organisers (when configured).

    Args:
        registration_id: primary key of the SeminarRegistration.
        base_url: the site's address as the registrant saw it (``https://…/``).
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
    page_url = urljoin(base_url, page.url)
    context = {
        "page": page,
        "registration": registration,
        "page_url": page_url,
        "access_url": urljoin(base_url, registration.access_path(page)),
        "ics_url": urljoin(base_url, page.subpage_url("ics")),
    }
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string("seminars/email/confirmation_subject.txt", context).strip()
        body = render_to_string("seminars/email/confirmation.txt", context)
    send_mail(
        subject,
        body,
        page.from_address or settings.DEFAULT_FROM_EMAIL,
        [registration.email],
    )
    if notify_organisers and page.to_address:
        data = registration.get_data()
        lines = [f"{label}: {data.get(name, '')}" for name, label in page.get_data_fields()]
        send_mail(
            page.subject or f"Registration: {page.title}",
            "\n".join(lines),
            page.from_address or settings.DEFAULT_FROM_EMAIL,
            [address.strip() for address in page.to_address.split(",") if address.strip()],
        )
    logger.info("Registration %s for seminar %s confirmed by email.", registration.pk, page.pk)
