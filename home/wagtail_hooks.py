from wagtail import hooks
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page, get_page_models

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
