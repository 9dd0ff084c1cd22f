from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import FailedTasksReportView, is_superuser, retry_failed_task


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return is_superuser(request.user)


@hooks.register("register_admin_urls")
def register_failed_tasks_urls():
    return [
        path("reports/failed-tasks/", FailedTasksReportView.as_view(), name="core_failed_tasks"),
        path(
            "reports/failed-tasks/results/",
            FailedTasksReportView.as_view(results_only=True),
            name="core_failed_tasks_results",
        ),
        path(
            "reports/failed-tasks/<uuid:pk>/retry/",
            retry_failed_task,
            name="core_retry_failed_task",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_failed_tasks_menu_item():
    return SuperuserMenuItem(
        _("Failed tasks"),
        reverse("core_failed_tasks"),
        name="failed-tasks",
        icon_name="warning",
        order=1000,
    )
