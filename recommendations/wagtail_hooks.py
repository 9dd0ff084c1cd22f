from django.contrib.auth.models import Permission
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.models import Page
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from countries.permissions import viewable_pages
from practices.templatetags.practice_tags import PRACTICE_PAGE_RELATED

from .admin_views import (
    ImplementationEditView,
    ImplementationFilterSet,
    ImplementationIndexView,
    StatusUpdateFilterSet,
    StatusUpdateIndexView,
    StatusUpdateInspectView,
    attention_panel_for,
)
from .forms import ImplementationForm
from .models import Implementation, RecommendationPage, RecommendationSource, StatusUpdate
from .permissions import TrackerPermissionPolicy

# Registered before any admin code asks for the models' policy (Wagtail would otherwise
# create its model-level fallback, which knows nothing of countries).
register_permission_policy(Implementation, TrackerPermissionPolicy(Implementation))
register_permission_policy(StatusUpdate, TrackerPermissionPolicy(StatusUpdate, editable=False))


class TrackerModelViewSet(ModelViewSet):
    """Admin screens of the tracker's records.

    No copy, no usage or log-based history screens: Wagtail's would not check the object,
    and the tracker's history is its StatusUpdate records. The models' Django permissions
    are kept out of the group editor, since the policy never reads them.
    """

    add_to_admin_menu = False
    add_to_reference_index = False
    copy_view_enabled = False
    search_backend_name = None

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        view_kwargs["history_url_name"] = None
        view_kwargs["usage_url_name"] = None
        return view_kwargs

    def get_urlpatterns(self):
        dropped = {"history", "history_results", "usage"}
        return [p for p in super().get_urlpatterns() if p.name not in dropped]

    def get_permissions_to_register(self):
        return Permission.objects.none()


class ImplementationViewSet(TrackerModelViewSet):
    model = Implementation
    icon = "tasks"
    menu_label = gettext_lazy("Implementations")
    menu_name = "implementations"
    url_prefix = "tracker/implementations"
    url_namespace = "tracker_implementations"
    index_view_class = ImplementationIndexView
    edit_view_class = ImplementationEditView
    filterset_class = ImplementationFilterSet
    list_display = [
        "recommendation__code",
        Column(
            "recommendation_title",
            label=gettext_lazy("Recommendation"),
            accessor="recommendation.title",
        ),
        "country",
        "status",
        "target_date",
        DateColumn("updated_at", label=gettext_lazy("Last updated"), sort_key="updated_at"),
    ]
    search_fields = ["recommendation__code", "recommendation__title", "responsible_authority"]

    def get_form_class(self, for_update=False):
        # The tracker's own form: no country field, a note required with a status change.
        return ImplementationForm


class StatusUpdateViewSet(TrackerModelViewSet):
    model = StatusUpdate
    icon = "history"
    menu_label = gettext_lazy("History")
    menu_name = "status_updates"
    url_prefix = "tracker/history"
    url_namespace = "tracker_status_updates"
    index_view_class = StatusUpdateIndexView
    inspect_view_class = StatusUpdateInspectView
    inspect_view_enabled = True
    inspect_view_fields = [
        "implementation",
        "created_at",
        "user_name",
        "from_status",
        "to_status",
        "note",
        "changes",
    ]
    filterset_class = StatusUpdateFilterSet
    # Never edited: the policy refuses "change", and there is nothing to edit anyway.
    form_fields = []
    list_display = [
        "implementation",
        "from_status",
        "to_status",
        "user_name",
        DateColumn("created_at", label=gettext_lazy("When"), sort_key="created_at"),
        Column(
            "note",
            label=gettext_lazy("Note"),
            accessor=lambda update: (
                update.note if len(update.note) <= 120 else update.note[:119] + "…"
            ),
        ),
    ]
    search_fields = ["note", "user_name", "implementation__recommendation__code"]


class TrackerViewSetGroup(ModelViewSetGroup):
    items = (ImplementationViewSet, StatusUpdateViewSet)
    menu_icon = "tasks"
    menu_label = gettext_lazy("Tracker")
    menu_name = "tracker"
    menu_order = 320


class RecommendationSourceViewSet(SnippetViewSet):
    """The sources of the tracker's recommendations: the network's seminars and reports,
    GRETA rounds, the UPR, treaty bodies, the EU, the US TIP report. Kept by the
    secretariat (``edited_by_secretariat``)."""

    model = RecommendationSource
    icon = "doc-full"
    menu_label = gettext_lazy("Recommendation sources")
    list_display = ["name", "kind", "round", "issued", "country"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "body", "round"]
    search_backend_name = None  # the database's own search: the sources are not indexed
    menu_order = 330
    add_to_admin_menu = True


register_snippet(RecommendationSourceViewSet)


@hooks.register("register_admin_viewset")
def register_tracker_viewsets():
    return TrackerViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_tracker_attention_panel(request, panels):
    panel = attention_panel_for(request)
    if panel is not None:
        panels.append(panel)


# -- the history outlives its pages ----------------------------------------------------
def _pages_with_history(pages) -> list[Page]:
    """Those of ``pages`` whose subtree holds a recommendation with status updates."""
    found = []
    for page in pages:
        has_history = Implementation.objects.filter(
            recommendation__path__startswith=page.path, updates__isnull=False
        ).exists()
        if has_history:
            found.append(page)
    return found


def _refuse(request, pages, fallback_url):
    titles = ", ".join(f"“{page.get_admin_display_title()}”" for page in pages)
    messages.error(
        request,
        _(
            "%(titles)s cannot be deleted: the countries' implementations of its "
            "recommendations have a history of status updates, which the tracker keeps. "
            "Unpublish the page instead to take it off the site."
        )
        % {"titles": titles},
    )
    return redirect(get_valid_next_url_from_request(request) or fallback_url)


@hooks.register("before_delete_page")
def keep_tracker_history_on_delete(request, page):
    """Refuse to delete a recommendation (or a page above one) whose implementations have
    a history: StatusUpdate protects it, and deleting would fail half-way."""
    if _pages_with_history([page]):
        parent = page.get_parent()
        return _refuse(request, [page], reverse("wagtailadmin_explore", args=[parent.pk]))
    return None


@hooks.register("before_bulk_action")
def keep_tracker_history_on_bulk_delete(request, action_type, objects, action_class_instance):
    if action_type != "delete":
        return None
    pages = [obj for obj in objects if isinstance(obj, Page)]
    refused = _pages_with_history(pages)
    if refused:
        next_url = getattr(action_class_instance, "next_url", None)
        return _refuse(request, refused, next_url or reverse("wagtailadmin_home"))
    return None


@hooks.register("before_copy_page")
def refuse_copying_recommendations(request, page):
    """A copy would repeat the recommendation's unique code and fail; a new recommendation
    is made with "Add child page" on the tracker."""
    if not RecommendationPage.objects.filter(path__startswith=page.path).exists():
        return None
    messages.error(
        request,
        _(
            "“%(title)s” cannot be copied: each recommendation has its own code. "
            "Add a new recommendation to the tracker instead."
        )
        % {"title": page.get_admin_display_title()},
    )
    return redirect(
        get_valid_next_url_from_request(request)
        or reverse("wagtailadmin_explore", args=[page.get_parent().pk])
    )


@hooks.register(PRACTICE_PAGE_RELATED, order=10)
def recommendations_citing(request, practice) -> str:
    """On a practice's page: the recommendations whose implementations name it as evidence,
    only those this reader may view, with the countries that name it and their status."""
    recommendations = list(
        viewable_pages(
            request,
            RecommendationPage.objects.filter(implementations__evidence_practices=practice),
        )
        .distinct()
        .order_by("code")
    )
    if not recommendations:
        return ""
    citing = {}
    for implementation in (
        Implementation.objects.filter(
            evidence_practices=practice, recommendation__in=recommendations
        )
        .select_related("country")
        .order_by("country__sort_order", "country__name")
    ):
        citing.setdefault(implementation.recommendation_id, []).append(implementation)
    for recommendation in recommendations:
        recommendation.citing = citing.get(recommendation.pk, [])
    return render_to_string(
        "recommendations/includes/practice_cited_by.html",
        {"recommendations": recommendations},
        request=request,
    )
