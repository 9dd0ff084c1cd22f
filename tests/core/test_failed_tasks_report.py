"""The admin's report of failed background tasks (core/admin_views.py): superusers see what
failed and may queue a task once more; nobody else sees it or retries anything."""

import pytest
from django.test import Client
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tests.accounts import sign_in
from tests.core import worker_tasks

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/failed-tasks/"


@pytest.fixture
def failed(settings):
    settings.TASKS = {"default": {"BACKEND": settings.TASKS_BACKENDS["database"]}}
    result = worker_tasks.fail.enqueue("the mail server said no")
    traceback = "Traceback (most recent call last):\n" + "".join(
        f'  File "tasks.py", line {n}, in step_{n}\n    step_{n}()\n' for n in range(1, 6)
    )
    DBTaskResult.objects.filter(pk=result.id).update(
        status=TaskResultStatus.FAILED,
        worker_ids=["worker-1", "worker-2", "worker-3"],
        started_at=timezone.now(),
        finished_at=timezone.now(),
        exception_class_path="smtplib.SMTPRecipientsRefused",
        traceback=traceback + "smtplib.SMTPRecipientsRefused: {'x@example.org': (550, 'no')}\n",
    )
    return DBTaskResult.objects.get(pk=result.id)


def retry_url(task):
    return f"{REPORT}{task.pk}/retry/"


def test_a_superuser_sees_what_failed(client_for, failed):
    response = client_for("admin").get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    assert "fail" in html and "tests.core.worker_tasks.fail" in html
    assert "&quot;the mail server said no&quot;" in html  # the arguments
    assert "<td>3</td>" in html  # attempts
    assert "smtplib.SMTPRecipientsRefused" in html
    assert "Traceback (most recent call last):" in html
    assert "Full traceback" in html
    assert retry_url(failed) in html
    assert "1 failed task" in html  # counted in its own words, not the model's "Task Result"


def test_the_report_says_when_nothing_failed(client_for, settings):
    settings.TASKS = {"default": {"BACKEND": settings.TASKS_BACKENDS["database"]}}
    response = client_for("admin").get(REPORT)
    assert response.status_code == 200
    assert "No background task has failed." in response.content.decode()


def test_the_reports_menu_lists_it_for_superusers_only(client_for):
    assert REPORT in client_for("admin").get("/admin/").content.decode()
    assert REPORT not in client_for("secretariat").get("/admin/").content.decode()


def test_others_cannot_see_the_report(client_for, failed):
    anonymous = client_for(None).get(REPORT)
    assert anonymous.status_code == 302
    assert "/admin/login/" in anonymous["Location"]
    staff = client_for("secretariat").get(REPORT)
    assert staff.status_code == 302
    assert "tests.core.worker_tasks.fail" not in staff.content.decode()


def test_a_superuser_queues_a_failed_task_again(client_for, failed):
    response = client_for("admin").post(retry_url(failed))
    assert response.status_code == 302
    assert response["Location"] == REPORT
    failed.refresh_from_db()
    assert failed.status == TaskResultStatus.READY
    assert failed in DBTaskResult.objects.ready()
    assert len(failed.worker_ids) == 3  # its attempts stay counted
    again = client_for("admin").post(retry_url(failed), follow=True)
    assert "no longer failed" in again.content.decode()


def test_others_cannot_retry(client_for, failed):
    for username in (None, "secretariat"):
        response = client_for(username).post(retry_url(failed))
        assert response.status_code == 302
        failed.refresh_from_db()
        assert failed.status == TaskResultStatus.FAILED


def test_retry_needs_a_post_with_the_csrf_token(failed, users):
    client = sign_in(Client(enforce_csrf_checks=True), users["admin"])
    assert client.get(retry_url(failed)).status_code == 405
    assert client.post(retry_url(failed)).status_code == 403
    failed.refresh_from_db()
    assert failed.status == TaskResultStatus.FAILED


def test_retrying_an_unknown_task_is_not_found(client_for, failed):
    url = f"{REPORT}00000000-0000-0000-0000-000000000000/retry/"
    assert client_for("admin").post(url).status_code == 404
