"""Wagtail's API v2, narrowed to what the requesting user may view.

Wagtail's stock pages endpoint walks every restriction one by one; this one uses the
same single-query rule as every listing of the hub.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page, Site

from core.api import BoundedPagination, RefuseNulMixin
from countries.permissions import viewable_pages
from recommendations.api import ImplementationAPIViewSet


class HubPagesAPIViewSet(RefuseNulMixin, PagesAPIViewSet):
    pagination_class = BoundedPagination

    def get_base_queryset(self):
        # As an id list: a search backend (?search=) takes plain filters only, never the
        # restriction subquery of viewable_pages (it failed on it: a server error).
        pages = Page.objects.filter(id__in=viewable_pages(self.request).values("pk"))
        site = Site.find_for_request(self.request)
        if site is not None:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        return pages


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", HubPagesAPIViewSet)
# The tracker: read what the matrix shows, PATCH one's own country (recommendations/api.py).
api_router.register_endpoint("implementations", ImplementationAPIViewSet)
