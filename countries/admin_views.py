"""Admin views that Wagtail leaves too open for a hub with per-country secrecy.

Mounted in hub/urls.py ahead of Wagtail's own admin URLs, at the same paths.
"""

from functools import wraps

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from wagtail.admin.auth import permission_denied
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.admin.views import page_privacy
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.models import Page

from countries.audience import AudienceMixin


def superuser_only(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not (request.user.is_active and request.user.is_superuser):
            return permission_denied(request)
        return view(request, *args, **kwargs)

    return wrapper


# The report names the last edited page of every type, whatever space it is in: a
# country-only practice's title would reach other countries' editors.
page_types_usage = superuser_only(PageTypesUsageReportView.as_view())
page_types_usage_results = superuser_only(PageTypesUsageReportView.as_view(results_only=True))


def set_privacy(request, page_id):
    """Pages with an audience are restricted through that field alone.

    Wagtail's privacy dialog would set a restriction that the next publish replaces with the
    audience's, so a page an editor believed private could become public. The dialog
    explains where to set it instead; other pages keep Wagtail's dialog.
    """
    page = get_object_or_404(Page, id=page_id)
    if not issubclass(page.specific_class, AudienceMixin):
        return page_privacy.set_privacy(request, page_id)
    if not page.permissions_for_user(request.user).can_set_view_restrictions():
        return permission_denied(request)
    return render_modal_workflow(
        request,
        "countries/privacy_by_audience.html",
        None,
        {"page": page, "message": _("Who may read this page is set by its Audience field.")},
        json_data={"step": "set_privacy_done", "is_public": False},
    )
