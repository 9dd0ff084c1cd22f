from django import forms
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.account import BaseSettingsPanel
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page, get_page_models

from core.document_links import ReaderDocumentLinkHandler, warn_about_linked_files
from countries.permissions import may_review_access, may_review_applications

from . import onboarding, onboarding_views
from .admin_views import PageEditView, PageRevisionsRevertView


class HubPageViewSet(PageViewSet):
    """Wagtail's page views, but the two that save the page's form refuse a form opened
    on an older revision (home/admin_views.py)."""

    edit_view_class = PageEditView
    revisions_revert_view_class = PageRevisionsRevertView
    # No parent models: the explorer keeps Wagtail's listings.
    parent_models = ()


@hooks.register("register_admin_viewset")
def register_page_viewsets():
    # One per page type rather than one for Page: Wagtail registers its own viewset for
    # Page after the project's hooks have run, and that one would win.
    return [HubPageViewSet(model=model) for model in get_page_models() if model is not Page]


@hooks.register("register_rich_text_features", order=100)
def register_reader_document_links(features):
    # After wagtail.documents' own registration (order 0), which this one replaces.
    features.register_link_type(ReaderDocumentLinkHandler)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_editor_about_linked_files(request, page):
    warn_about_linked_files(request, page)


@hooks.register("register_account_settings_panel")
class EmailAddressPanel(BaseSettingsPanel):
    """Wagtail's account settings show the address but no longer change it
    (``WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False``): this panel links to the hub's change
    of address, which mails a link to the new one (home/account_email.py)."""

    name = "hub_email"
    title = _("Email")
    order = 110
    template_name = "account/admin_email_panel.html"

    def get_form(self):
        # Nothing to post: an empty form that is never bound, so never saved.
        return forms.Form(prefix=self.name)

    def get_context_data(self):
        return {"email": self.user.email, "change_url": reverse("accounts:email_change")}


# --- Onboarding: join applications and the access review (home/onboarding.py) -------------


class ApplicationsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_review_applications(request.user)


class AccessReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return may_review_access(request.user)


@hooks.register("register_admin_urls")
def register_onboarding_urls():
    return [
        path("applications/", onboarding_views.applications, name="home_applications"),
        path("applications/<int:pk>/", onboarding_views.application, name="home_application"),
        path("reports/access-review/", onboarding_views.access_review, name="home_access_review"),
        path(
            "reports/access-review/<int:pk>/",
            onboarding_views.access_decision,
            name="home_access_decision",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_applications_menu_item():
    return ApplicationsMenuItem(
        _("Join applications"),
        reverse("home_applications"),
        name="join-applications",
        icon_name="form",
        order=650,
    )


@hooks.register("register_reports_menu_item")
def register_access_review_menu_item():
    return AccessReviewMenuItem(
        _("Access review"),
        reverse("home_access_review"),
        name="access-review",
        icon_name="user",
        order=1010,
    )


@hooks.register("register_log_actions")
def register_onboarding_log_actions(actions):
    actions.register_action(
        onboarding.ACCEPT_ACTION, _("Accept application"), _("Accepted the application")
    )
    actions.register_action(
        onboarding.REFUSE_ACTION, _("Refuse application"), _("Refused the application")
    )
    actions.register_action(
        onboarding.CONFIRM_ACTION, _("Confirm access"), _("Confirmed the account's access")
    )
    actions.register_action(
        onboarding.DEACTIVATE_ACTION, _("Deactivate account"), _("Deactivated the account")
    )
