"""Tell followers about status changes: an email per change (django-tasks)."""

import logging

from django_tasks import task

logger = logging.getLogger("hub.recommendations")


@task()
def notify_followers(update_id):
    from .mail import send_update_emails

    send_update_emails(update_id)
