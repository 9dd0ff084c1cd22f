"""The editors' and coordinators' "My pages" on the admin dashboard: their drafts, what
they submitted for approval, and what awaits their approval, in the hub's words.

Wagtail's own dashboard lists the last two in panels of its own ("Your pages and
snippets in a workflow", "Awaiting your review"), in its workflow vocabulary, and shows
them only when they are not empty; it has no list of drafts. This panel reads the same
rows through Wagtail's panels (their queries, not copies of them) and shows all three
together, always, to anyone who may edit a page, narrowed to the pages the permissions
module says they may edit.
"""

from django.db.models import F, Q
from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import (
    UserObjectsInWorkflowModerationPanel,
    WorkflowObjectsToModeratePanel,
)
from wagtail.models import Page

from . import permissions

#: Drafts listed at most; the rest are in the page explorer.
DRAFTS_LIMIT = 10

#: The Wagtail panels this one replaces on the dashboard.
REPLACED_PANELS = (UserObjectsInWorkflowModerationPanel, WorkflowObjectsToModeratePanel)


class MyPagesPanel(Component):
    """My drafts, my pages submitted for approval, and (for coordinators) the pages
    awaiting my approval."""

    name = "hub_my_pages"
    template_name = "countries/admin/my_pages_panel.html"
    # First on the dashboard, before the tracker (105) and Wagtail's own (210 and up).
    order = 90

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        user = request.user
        editable = permissions.editable_pages(request)

        to_review = WorkflowObjectsToModeratePanel().get_context_data(parent_context)["states"]
        submitted = UserObjectsInWorkflowModerationPanel().get_context_data(parent_context)[
            "workflow_states"
        ]
        shown = set(
            editable.filter(
                pk__in=[s["obj"].pk for s in to_review] + [s.content_object.pk for s in submitted]
            ).values_list("pk", flat=True)
        )
        to_review = [s for s in to_review if isinstance(s["obj"], Page) and s["obj"].pk in shown]
        submitted = [
            s
            for s in submitted
            if isinstance(s.content_object, Page) and s.content_object.pk in shown
        ]
        in_workflow = {s.content_object.pk for s in submitted}

        drafts = (
            editable.filter(Q(owner=user) | Q(latest_revision__user=user))
            .filter(Q(live=False) | Q(has_unpublished_changes=True))
            .exclude(pk__in=in_workflow)
            .order_by(F("latest_revision_created_at").desc(nulls_last=True), "-pk")
            .specific(defer=True)[:DRAFTS_LIMIT]
        )
        return {
            "request": request,
            "drafts": list(drafts),
            "submitted": submitted,
            "to_review": to_review,
        }


def my_pages_panel_for(request) -> MyPagesPanel | None:
    """The panel for this user, or None when they may edit no page."""
    if not permissions.editable_pages(request).exists():
        return None
    return MyPagesPanel()
