from django.urls import path

from . import admin_views

urlpatterns = [
    path(
        "reports/page-types-usage/",
        admin_views.page_types_usage,
        name="page_types_usage",
    ),
    path(
        "reports/page-types-usage/results/",
        admin_views.page_types_usage_results,
        name="page_types_usage_results",
    ),
    path("pages/<int:page_id>/privacy/", admin_views.set_privacy, name="set_privacy"),
]
