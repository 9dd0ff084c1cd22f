"""The admin's report of failed background tasks, for superusers: what failed, with what,
how often it was tried, and a button that queues one again (core/taskqueue.py).

Only tasks that used all their attempts are listed; tasks still being retried wait in the
queue. Registered in core/wagtail_hooks.py under Reports.
"""

from __future__ import annotations

import json

from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_tasks_db.models import DBTaskResult
from wagtail.admin import messages
from wagtail.admin.auth import user_passes_test
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.views.reports import ReportView

from . import taskqueue

#: Lines of a traceback shown at once; the whole of it is behind "Full traceback".
TRACEBACK_LINES = 6


def is_superuser(user) -> bool:
    return user.is_active and user.is_superuser


class FailedTask:
    """One row of the report: a failed task, read for display."""

    def __init__(self, result: DBTaskResult):
        self.pk = result.pk
        self.name = result.task_name
        self.path = result.task_path
        args = result.args_kwargs or {}
        self.arguments = ", ".join(
            [json.dumps(value) for value in args.get("args", [])]
            + [f"{key}={json.dumps(value)}" for key, value in args.get("kwargs", {}).items()]
        )
        self.attempts = taskqueue.attempts(result)
        self.finished_at = result.finished_at
        self.error = result.exception_class_path
        lines = result.traceback.rstrip().splitlines()
        self.message = lines[-1] if lines else ""
        self.traceback_head = "\n".join(lines[:TRACEBACK_LINES])
        self.traceback = "\n".join(lines) if len(lines) > TRACEBACK_LINES else ""


class FailedTasksPaginator(WagtailPaginator):
    """Counts "2 failed tasks", not django_tasks_db's model name ("2 Task Results")."""

    verbose_name = gettext_lazy("failed task")
    verbose_name_plural = gettext_lazy("failed tasks")


class FailedTasksReportView(ReportView):
    page_title = gettext_lazy("Failed tasks")
    header_icon = "warning"
    index_url_name = "core_failed_tasks"
    index_results_url_name = "core_failed_tasks_results"
    results_template_name = "core/admin/failed_tasks_results.html"
    no_results_message = gettext_lazy("No background task has failed.")
    paginate_by = 50
    paginator_class = FailedTasksPaginator

    def dispatch(self, request, *args, **kwargs):
        return user_passes_test(is_superuser)(super().dispatch)(request, *args, **kwargs)

    def get_queryset(self):
        return taskqueue.failed_tasks()

    def decorate_paginated_queryset(self, object_list):
        return [FailedTask(result) for result in object_list]


@user_passes_test(is_superuser)
@require_POST
def retry_failed_task(request, pk):
    """Queue a failed task once more; one no longer failed (already retried) is left alone."""
    result = get_object_or_404(DBTaskResult, pk=pk)
    if taskqueue.requeue(result):
        messages.success(
            request, _("The task “%(name)s” is queued again.") % {"name": result.task_name}
        )
    else:
        messages.warning(
            request,
            _("The task “%(name)s” is no longer failed; nothing was queued.")
            % {"name": result.task_name},
        )
    return redirect("core_failed_tasks")
