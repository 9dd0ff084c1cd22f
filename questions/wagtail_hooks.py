"""The threads in the admin (the report, hiding and showing, their log actions) and their
section on a country space's page (the hook ``COUNTRY_PAGE_SECTIONS`` that countries names).
The practice and recommendation pages load ``questions_tags`` themselves."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from countries.permissions import may_moderate_questions
from countries.templatetags.country_tags import COUNTRY_PAGE_SECTIONS

from . import admin_views
from .sections import render_section


@hooks.register(COUNTRY_PAGE_SECTIONS, order=10)
def country_questions(request, country_page) -> str:
    return render_section(request, country_page)


class QuestionsReportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_moderate_questions(request)


@hooks.register("register_admin_urls")
def register_questions_urls():
    return [
        path(
            "reports/questions/",
            admin_views.QuestionsReportView.as_view(),
            name="questions_report",
        ),
        path(
            "reports/questions/results/",
            admin_views.QuestionsReportView.as_view(results_only=True),
            name="questions_report_results",
        ),
        path("questions/<str:kind>/<int:pk>/hide/", admin_views.hide, name="questions_hide"),
        path("questions/<str:kind>/<int:pk>/show/", admin_views.show, name="questions_show"),
    ]


@hooks.register("register_reports_menu_item")
def register_questions_report_menu_item():
    return QuestionsReportMenuItem(
        _("Questions and answers"),
        reverse("questions_report"),
        name="questions-and-answers",
        icon_name="help",
        order=1020,
    )


@hooks.register("register_log_actions")
def register_questions_log_actions(actions):
    actions.register_action(
        admin_views.HIDE_ACTION, _("Hide a question or answer"), _("Hidden with a reason")
    )
    actions.register_action(
        admin_views.SHOW_ACTION, _("Show a question or answer again"), _("Shown again")
    )
