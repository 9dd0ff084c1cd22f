"""Tell a thread's participants about a new answer: one task per answer (django-tasks),
queued when the answer's transaction commits."""

from django_tasks import task


@task()
def notify_participants(answer_id):
    from .mail import send_answer_emails

    send_answer_emails(answer_id)
